"""The whole path, end to end: sample corpus in, events in the store out."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from newsevents import Config, Pipeline
from newsevents.cli import app
from newsevents.cli.demo import sample_inputs
from newsevents.model import ArticleResult, ErrorRecord

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"
SAMPLE = sample_inputs(EXAMPLES)


def counts(db: Path) -> tuple[int, int, int]:
    with duckdb.connect(str(db), read_only=True) as con:
        return tuple(con.execute(f"select count(*) from {t}").fetchone()[0]
                     for t in ("articles", "events", "errors"))


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory, nlp) -> tuple[Path, object]:
    db = tmp_path_factory.mktemp("sample") / "sample.duckdb"
    summary = Pipeline(Config(db=db, workers=1)).run(SAMPLE)
    return db, summary


def test_sample_corpus_yields_articles_and_events(sample_db):
    db, summary = sample_db
    articles, events, _ = counts(db)
    assert summary.articles == articles >= 20
    assert events >= 20
    assert summary.files_read >= 20


def test_sample_events_carry_the_contract_and_resolved_actors(sample_db):
    db, _ = sample_db
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select source_country, cameo, cameo_root, quad_class, goldstein, plover, sentence "
            "from events").fetchall()
    assert all(len(r[2]) == 2 and r[1].startswith(r[2]) for r in rows)
    assert all(r[3] in (1, 2, 3, 4) for r in rows)
    assert sum(1 for r in rows if r[0]) / len(rows) > 0.8  # most sources resolve to a country
    assert all(r[6] for r in rows)  # every event keeps its sentence


def test_reingesting_the_same_corpus_adds_nothing(sample_db):
    db, _ = sample_db
    before = counts(db)
    again = Pipeline(Config(db=db, workers=1)).run(SAMPLE)
    assert counts(db)[:2] == before[:2]
    assert again.articles == 0 and again.already_stored >= 20


def test_bad_inputs_give_error_records_and_the_run_goes_on(tmp_path, db, nlp):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    (bad / "zero.html").write_bytes(b"")
    (bad / "binary.txt").write_bytes(bytes(range(256)) * 40)
    (bad / "latin.txt").write_bytes(
        "Caf\xe9 talks\n\nThe Prime Minister of France met the Chancellor of Germany in Paris "
        "on Monday to discuss trade.".encode("latin-1"))
    (bad / "good.txt").write_text(
        "Talks in Seoul\n\nSouth Korea and Japan held talks in Seoul on Tuesday about "
        "North Korea's missile tests.\n", encoding="utf-8")
    nothing = tmp_path / "nothing"
    nothing.mkdir()
    (nothing / "notes.bin").write_bytes(b"\x00\x01\x02")
    summary = Pipeline(Config(db=db, workers=1)).run(
        [str(bad), str(nothing), str(tmp_path / "missing.html")])
    assert summary.articles >= 2  # the good file and the decodable Latin-1 file
    reasons = summary.errors
    assert reasons["empty_file"] >= 2
    assert reasons["binary_file"] >= 1
    assert reasons["not_found"] == 1
    assert reasons["no_inputs"] + reasons["binary_file"] >= 2
    assert counts(db)[2] == sum(reasons.values())


@pytest.fixture
def flaky_coder_run(tmp_path, db, nlp, monkeypatch):
    """Two articles in a folder and a pipeline whose coder fails on the one about Iran."""
    for n, text in enumerate(["Boom\n\nIran condemned Israel on Monday.",
                              "Fine\n\nJapan praised India on Monday."]):
        (tmp_path / f"a{n}.txt").write_text(text, encoding="utf-8")
    pipeline = Pipeline(Config(db=db, workers=1))
    real = pipeline.analyzer.coder.code_doc

    def flaky(doc, **kw):
        if "Iran" in doc.text:
            raise RuntimeError("simulated coder bug")
        return real(doc, **kw)

    monkeypatch.setattr(pipeline.analyzer.coder, "code_doc", flaky)
    return pipeline, str(tmp_path)


def test_a_failing_coder_costs_one_article_not_the_run(flaky_coder_run):
    pipeline, folder = flaky_coder_run
    outcomes = list(pipeline.process([folder]))
    # both articles are kept; the one the coder failed on is stored uncoded, with the reason
    results = {o.article.title: o for o in outcomes if isinstance(o, ArticleResult)}
    assert set(results) == {"Boom", "Fine"}
    assert results["Boom"].skipped_reason == "coding_failed" and not results["Boom"].events
    assert results["Boom"].sentences  # its sentences are still stored
    assert results["Fine"].skipped_reason is None and results["Fine"].events
    assert not any(isinstance(o, ErrorRecord) for o in outcomes)


def test_a_run_with_a_failing_coder_stores_every_article(flaky_coder_run):
    pipeline, folder = flaky_coder_run
    summary = pipeline.run([folder])
    assert summary.articles == 2 and summary.not_coded["coding_failed"] == 1
    assert summary.events >= 1


def test_two_workers_code_the_same_events_as_one(tmp_path, nlp):
    plain = EXAMPLES / "plain"
    one = Pipeline(Config(db=tmp_path / "one.duckdb", workers=1)).run([str(plain)])
    two = Pipeline(Config(db=tmp_path / "two.duckdb", workers=2)).run([str(plain)])
    assert (one.articles, one.events) == (two.articles, two.events)


def test_cli_run_then_events_as_jsonl(tmp_path, nlp):
    db = tmp_path / "cli.duckdb"
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(EXAMPLES / "plain"), "--db", str(db), "-w", "1"])
    assert result.exit_code == 0, result.output
    result = runner.invoke(app, ["events", "--db", str(db), "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert rows and {"source_code", "target_code", "cameo", "plover", "modality"} <= set(rows[0])


def test_code_command_meets_the_acceptance_example(nlp):
    result = CliRunner().invoke(
        app, ["code", "North Korea threatened the United States on Monday.", "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    events = [json.loads(line) for line in result.stdout.splitlines() if line.strip()]
    assert any(e["source_country"] == "PRK" and e["target_country"] == "USA"
               and e["cameo_root"] == "13" for e in events)


def test_syndicated_copies_in_the_sample_become_one_story(sample_db):
    db, summary = sample_db
    with duckdb.connect(str(db), read_only=True) as con:
        (size, outlets), = con.execute(
            "select count(*), count(distinct coalesce(publisher, source_path)) from articles "
            "group by story_id order by 1 desc limit 1").fetchall()
    assert size >= 4 and outlets >= 3
    assert summary.syndicated_copies >= 3


def test_processing_streams_instead_of_reading_everything_first(nlp):
    from newsevents.errors import error
    from newsevents.model import SourceItem

    consumed = 0

    def inputs():
        nonlocal consumed
        for i in range(1000):
            consumed += 1
            if i % 2:
                yield error(f"bad{i}.txt", "source", "empty_file")
            else:
                yield SourceItem(source_path=f"ok{i}.txt", kind="text",
                                 data=b"Talks\n\nJapan and India held talks in Tokyo on Monday.")

    outcomes = Pipeline(Config(workers=1, batch_size=8)).process(inputs())
    first = next(outcomes)
    assert first is not None and consumed < 50


def test_the_parser_starts_after_a_leading_dateline():
    from newsevents.pipeline import body_start

    text = "SEOUL, South Korea (AP) — North Korea fired two missiles on Thursday."
    assert text[body_start(text):].startswith("North Korea fired")
    assert body_start("North Korea fired two missiles.") == 0


def test_the_first_sentence_after_a_dateline_is_coded(nlp):
    from newsevents.model import Article

    text = ("SEOUL, South Korea (AP) — North Korea test-fired two ballistic missiles into the sea "
            "on Thursday, South Korea's military said.")
    (result,) = Pipeline(Config(workers=1)).analyzer.analyze_articles(
        [Article(id="a1", text=text, published="2026-03-12", dateline="Seoul")])
    assert any(e.source_country == "PRK" for e in result.events)
    assert all(text[s.start:s.end] == s.text for s in result.sentences)


def test_plover_conventions_drop_the_mirrored_pair(nlp):
    text = "Armenia and Azerbaijan signed a peace deal."
    ours = Pipeline(Config(workers=1)).code_text(text, date="2025-08-08")
    plover = Pipeline(Config(workers=1, conventions="plover")).code_text(text, date="2025-08-08")
    assert {(e.source_country, e.target_country) for e in ours} >= {("ARM", "AZE"), ("AZE", "ARM")}
    assert all(e.target_country is None for e in plover)


NON_POLITICAL = ("h07_", "h08_", "h11_", "d04_", "p03_")


def test_non_political_sample_articles_yield_no_asserted_events(sample_db):
    db, _ = sample_db
    with duckdb.connect(str(db), read_only=True) as con:
        rows = con.execute(
            "select a.source_path, e.sentence from articles a join mentions m on m.article_id = a.id "
            "join events e on e.id = m.event_id where e.modality = 'asserted'").fetchall()
    wrong = [(path, sentence) for path, sentence in rows
             if any(tag in Path(path).name for tag in NON_POLITICAL)]
    assert wrong == []


def test_an_article_too_long_for_the_parser_is_stored_uncoded(tmp_path, db, nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 400)
    (tmp_path / "long.txt").write_text(
        "Long report\n\n" + "Japan and India held talks in Tokyo on Monday. " * 20, encoding="utf-8")
    (tmp_path / "short.txt").write_text(
        "Short\n\nJapan praised India on Monday.", encoding="utf-8")
    summary = Pipeline(Config(db=db, workers=1)).run([str(tmp_path)])
    assert summary.articles == 2
    assert summary.not_coded["too_long_to_parse"] == 1
    assert summary.events >= 1


def test_a_parser_failure_costs_one_article_not_the_batch(nlp, monkeypatch):
    from newsevents.model import Article

    pipeline = Pipeline(Config(workers=1))
    real = pipeline.analyzer.nlp.make_doc

    def fragile(text):
        if "Iran" in text:
            raise RuntimeError("simulated tokenizer bug")
        return real(text)

    monkeypatch.setattr(pipeline.analyzer.nlp, "make_doc", fragile)
    results = pipeline.analyzer.analyze_articles(
        [Article(id="a", text="Iran condemned Israel on Monday."),
         Article(id="b", text="Japan praised India on Monday.")])
    assert results[0].skipped_reason == "nlp_failed" and not results[0].events
    assert results[1].skipped_reason is None and results[1].events
