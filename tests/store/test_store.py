"""The DuckDB store: idempotent, atomic per article, merging events, migrating schemas."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import duckdb
import pandas as pd
import pytest

import newsevents.store as store_mod
from newsevents.errors import error
from newsevents.model import EVENT_FIELDS
from newsevents.store import Store, StoreError, StoreLocked, snapshot_path
from newsevents.store.schema import SCHEMA_VERSION, migrate, set_meta

from .factory import make_event, make_result

REPO = Path(__file__).resolve().parents[2]

TEXT = "Pyongyang threatened Washington on Monday. The threat came after drills."


def _events(store: Store) -> list[dict]:
    cur = store.conn.execute("SELECT * FROM events ORDER BY event_date, id")
    cols = [d[0] for d in cur.description]
    return [dict(zip(cols, r, strict=True)) for r in cur.fetchall()]


def test_events_table_keeps_every_model_field(db: Path) -> None:
    with Store(db) as store:
        cols = [r[0] for r in store.conn.execute("DESCRIBE events").fetchall()]
    assert list(EVENT_FIELDS) == cols[: len(EVENT_FIELDS)]


def test_reingest_same_content_adds_nothing(db: Path) -> None:
    result = make_result("a1", TEXT, [make_event()], publisher="Wire")
    with Store(db) as store:
        assert store.write_result(result) is True
        before = store.counts()
        assert store.write_result(result) is False
        assert store.counts() == before
        assert store.has_content(result.article.content_hash)
    again = make_result("a1-copy-path", TEXT, [make_event()], publisher="Wire")
    with Store(db) as store:  # a later run, same content under another id
        assert store.write_result(again) is False
        assert store.counts() == before
    assert before["articles"] == 1 and before["events"] == 1 and before["mentions"] == 1


def test_failure_mid_article_leaves_nothing(db: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    with Store(db) as store:
        monkeypatch.setattr(store_mod, "merge_rows", boom)
        result = make_result("a1", TEXT, [make_event()])
        with pytest.raises(RuntimeError):
            store.write_result(result)
        assert store.counts()["articles"] == 0
        assert store.conn.execute("SELECT count(*) FROM sentences").fetchall()[0][0] == 0
        assert not store.has_content(result.article.content_hash)
        monkeypatch.undo()
        assert store.write_result(result) is True
        assert store.counts()["events"] == 1


def test_process_killed_midway_keeps_only_committed_articles(db: Path) -> None:
    script = textwrap.dedent(f"""
        import os, sys
        sys.path.insert(0, {str(REPO / "tests")!r})
        import newsevents.store as sm
        from store.factory import make_event, make_result
        s = sm.Store({str(db)!r}, snapshot_every=None)
        s.write_result(make_result("first", "First article text here.", [make_event()]))
        def die(*a, **k):
            os._exit(3)   # no rollback, no close: as if the machine lost power
        sm.merge_rows = die
        s.write_result(make_result("second", "Second article text.", [make_event("RUSGOV")]))
    """)
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    assert proc.returncode == 3, proc.stderr
    with Store(db) as store:
        ids = [r[0] for r in store.conn.execute("SELECT id FROM articles").fetchall()]
        assert ids == ["first"]
        assert [e["source_code"] for e in _events(store)] == ["PRKGOV"]
        assert store.conn.execute("SELECT count(*) FROM sentences").fetchall()[0][0] == 1


def test_same_event_in_two_sentences_is_one_event_two_mentions() -> None:
    with Store(":memory:") as store:
        store.write_result(make_result(
            "a1", TEXT, [make_event(sentence_index=0), make_event(sentence_index=1),
                         make_event(sentence_index=1)],  # same sentence twice: one mention
            publisher="Wire"))
        (ev,) = _events(store)
        assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 1, 1)
        assert ev["sentence_index"] == 0 and ev["article_id"] == "a1"
        mentions = store.conn.execute(
            "SELECT article_id, sentence_index FROM mentions ORDER BY sentence_index").fetchall()
        assert mentions == [("a1", 0), ("a1", 1)]


def test_copies_across_outlets_count_articles_and_sources() -> None:
    with Store(":memory:") as store:
        store.write_result(make_result("a1", "Copy one. " + TEXT, [make_event()],
                                       publisher="Wire", story_id="s1"))
        store.write_result(make_result("a2", "Copy two. " + TEXT, [make_event()],
                                       publisher="Daily Planet", story_id="s1"))
        store.write_result(make_result("a3", "Copy three. " + TEXT, [make_event()],
                                       url="https://www.dailyplanet.example/x", story_id="s1"))
        store.write_result(make_result("a4", "Copy four. " + TEXT, [make_event()],
                                       publisher="wire ", story_id="s1"))
        (ev,) = _events(store)
        # a3's host and a2's name differ, so three outlets: wire, daily planet, dailyplanet.example
        assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (4, 4, 3)
        assert ev["story_id"] == "s1"


def test_merge_key_distinguishes_day_actors_code_and_modality() -> None:
    with Store(":memory:") as store:
        store.write_result(make_result("a1", TEXT, [
            make_event(),
            make_event(date="2024-03-05"),                      # another day
            make_event(target="KORGOV"),                        # another target
            make_event(cameo="1383"),                           # another code
            make_event(modality="negated"),                     # another modality
            make_event(source=None, source_text="Gunmen"),      # unresolved actors...
            make_event(source=None, source_text="Pirates"),     # ...keyed by their text
        ]))
        assert len(_events(store)) == 7


def test_undated_events_merge_only_within_their_story() -> None:
    with Store(":memory:") as store:
        store.write_result(make_result("a1", "One. " + TEXT, [make_event(date=None)],
                                       story_id="s1"))
        store.write_result(make_result("a2", "Two. " + TEXT, [make_event(date=None)],
                                       story_id="s1"))
        store.write_result(make_result("a3", "Three. " + TEXT, [make_event(date=None)],
                                       story_id="s2"))
        counts = sorted(e["num_articles"] for e in _events(store))
        assert counts == [1, 2]


def test_story_scope_keeps_stories_apart(db: Path) -> None:
    with Store(db, merge="story") as store:
        store.write_result(make_result("a1", "One. " + TEXT, [make_event()], story_id="s1"))
        store.write_result(make_result("a2", "Two. " + TEXT, [make_event()], story_id="s2"))
        assert len(_events(store)) == 2
    with Store(db) as store:  # the scope is a property of the store, kept on reopen
        assert store.merge_scope == "story"


def test_later_mentions_fill_missing_fields() -> None:
    with Store(":memory:") as store:
        store.write_result(make_result("a1", "One. " + TEXT, [make_event()]))
        store.write_result(make_result("a2", "Two. " + TEXT, [make_event(
            location_name="Pyongyang", location_country="PRK", latitude=39.0, longitude=125.8)]))
        (ev,) = _events(store)
        assert (ev["location_name"], ev["latitude"], ev["article_id"]) == ("Pyongyang", 39.0, "a1")


def test_article_id_collision_gets_a_fresh_id() -> None:
    with Store(":memory:") as store:
        store.write_result(make_result("same", "First body.", [make_event()]))
        store.write_result(make_result("same", "Another body.", [make_event("RUSGOV")]))
        ids = sorted(r[0] for r in store.conn.execute("SELECT id FROM articles").fetchall())
        assert ids[0] == "same" and ids[1].startswith("same~")
        ev = [e for e in _events(store) if e["source_code"] == "RUSGOV"][0]
        assert ev["article_id"] == ids[1]


def test_bulk_path_merges_like_per_article_path() -> None:
    rows = [make_event(sentence_index=i % 2).to_dict() | {"article_id": f"b{i}"}
            for i in range(6)]
    with Store(":memory:") as bulk, Store(":memory:") as single:
        assert bulk.write_events(pd.DataFrame(rows)) == 6
        for i in range(6):
            single.write_result(make_result(f"b{i}", f"Body {i}.", [make_event(
                sentence_index=i % 2)]))
        b, s = _events(bulk), _events(single)
        assert [e["id"] for e in b] == [e["id"] for e in s]
        assert b[0]["num_mentions"] == s[0]["num_mentions"] == 6
        assert b[0]["num_articles"] == 6


def test_errors_and_runs_are_recorded(db: Path) -> None:
    with Store(db) as store:
        run = store.start_run({"model": "x"})
        store.write_error(error("bad.bin", "source", "binary_file"), run)
        store.finish_run(run, {"articles": 0})
        (row,) = store.conn.execute("SELECT run_id, reason, detail FROM errors").fetchall()
        assert row[0] == run and row[1] == "binary_file" and row[2]
        fin = store.conn.execute("SELECT finished_at, summary FROM runs").fetchall()[0]
        assert fin[0] is not None and '"articles": 0' in fin[1]


def test_migrates_a_version_1_store(db: Path) -> None:
    conn = duckdb.connect(str(db))
    assert migrate(conn, target=1) == [1]
    conn.execute("""INSERT INTO articles (id, text, content_hash, publisher)
                    VALUES ('old1', 'x', 'h1', 'Wire'), ('old2', 'y', 'h2', 'Herald')""")
    conn.execute("""INSERT INTO events (id, article_id, date, sentence_index, source_code,
                        target_code, cameo, cameo_root, quad_class, goldstein, modality)
                    VALUES ('e1', 'old1', '2020-05-01', 0, 'USAGOV', 'IRNGOV', '112', '11', 3,
                            -2.0, 'asserted'),
                           ('e2', 'old2', '2020-05-01', 3, 'USAGOV', 'IRNGOV', '112', '11', 3,
                            -2.0, 'asserted')""")
    conn.close()
    with pytest.raises(StoreError, match="schema version 1"):
        Store(db, read_only=True)
    with Store(db) as store:
        assert store.schema_version == SCHEMA_VERSION == 2
        (ev,) = _events(store)
        assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 2)
        assert str(ev["event_date"]) == "2020-05-01"
        assert store.counts()["mentions"] == 2
        assert store.has_content("h2")
    with Store(db, read_only=True) as reader:
        assert reader.counts()["articles"] == 2


def test_refuses_a_newer_schema(db: Path) -> None:
    with Store(db) as store:
        set_meta(store.conn, "schema_version", "99")
    with pytest.raises(StoreError, match="newer"):
        Store(db)


def test_read_only_missing_store_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no store"):
        Store(tmp_path / "absent.duckdb", read_only=True)


def test_readers_get_the_snapshot_while_a_writer_holds_the_store(db: Path) -> None:
    reader_script = textwrap.dedent(f"""
        from newsevents.store import Store
        with Store({str(db)!r}, read_only=True, lock_timeout=0.2) as s:
            print(s.is_snapshot, s.counts()["articles"])
    """)
    with Store(db, snapshot_every=0) as writer:
        writer.write_result(make_result("a1", "One. " + TEXT, [make_event()]))
        assert snapshot_path(db).exists()
        out = subprocess.run([sys.executable, "-c", reader_script], capture_output=True,
                             text=True, timeout=60)
        assert out.stdout.split() == ["True", "1"], out.stderr
    out = subprocess.run([sys.executable, "-c", reader_script], capture_output=True, text=True,
                         timeout=60)
    assert out.stdout.split() == ["False", "1"], out.stderr


def test_locked_store_without_snapshot_times_out(db: Path) -> None:
    script = textwrap.dedent(f"""
        from newsevents.store import Store, StoreLocked
        try:
            Store({str(db)!r}, read_only=True, lock_timeout=0.2)
        except StoreLocked:
            print("locked")
    """)
    with Store(db, snapshot_every=None):
        out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                             timeout=60)
    assert out.stdout.strip() == "locked", out.stderr
    assert StoreLocked.__mro__[1] is StoreError


def test_bulk_path_set_based_update_for_many_events() -> None:
    # Over 256 touched events the counts are updated by one join, not point updates.
    def batch(article: str) -> pd.DataFrame:
        return pd.DataFrame([make_event(cameo=f"{100 + i % 90:03d}", date=f"2024-01-{1 + i // 90:02d}",
                                        sentence_index=i).to_dict() | {"article_id": article}
                             for i in range(300)])

    with Store(":memory:") as store:
        store.write_events(batch("x1"))
        store.write_events(batch("x2").assign(location_name="Kaesong"))
        rows = _events(store)
        assert len(rows) == 300
        assert {(e["num_mentions"], e["num_articles"], e["num_sources"]) for e in rows} == {(2, 2, 2)}
        assert {e["location_name"] for e in rows} == {"Kaesong"}


def test_optimize_keeps_rows_and_key(db: Path) -> None:
    with Store(db) as store:
        for i, src in enumerate(("USAGOV", "AFGGOV", "RUSMIL", "CHNGOV")):
            store.write_result(make_result(f"o{i}", f"Body {i}.", [make_event(src)]))
        before = sorted((e["id"], e["num_mentions"]) for e in _events(store))
        assert store.optimize() >= 0
        assert sorted((e["id"], e["num_mentions"]) for e in _events(store)) == before
        first = store.conn.execute("SELECT source_code FROM events LIMIT 1").fetchall()[0][0]
        assert first == "AFGGOV"
        # still keyed: a later report of the same event merges into it
        store.write_result(make_result("o9", "Body nine.", [make_event("USAGOV")]))
        assert len(_events(store)) == 4


def test_reader_in_the_writers_process_gets_the_snapshot(db: Path) -> None:
    with Store(db, snapshot_every=0) as writer:
        writer.write_result(make_result("a1", TEXT, [make_event()]))
        with Store(db, read_only=True, lock_timeout=0.2) as reader:
            assert reader.is_snapshot and reader.counts()["events"] == 1


def test_bulk_path_with_articles_skips_stored_content() -> None:
    arts = pd.DataFrame([
        {"id": "b1", "text": "one", "content_hash": "h1", "publisher": "Wire"},
        {"id": "b2", "text": "two", "content_hash": "h2", "url": "https://www.herald.example/x"},
    ])
    events = pd.DataFrame([make_event().to_dict() | {"article_id": "b1", "source_key": "wire"},
                           make_event().to_dict() | {"article_id": "b2",
                                                     "source_key": "herald.example"}])
    with Store(":memory:") as store:
        assert store.write_events(events, articles=arts) == 2
        keys = dict(store.conn.execute("SELECT id, source_key FROM articles").fetchall())
        assert keys == {"b1": "wire", "b2": "herald.example"}
        store.write_events(events.iloc[:0], articles=arts)  # same content again: skipped
        assert store.counts()["articles"] == 2
        (ev,) = _events(store)
        assert (ev["num_articles"], ev["num_sources"]) == (2, 2)
