"""Structure and coverage checks for the bundled sample corpus and the gold sets.

The corpus (`examples/`) is what `make demo` ingests and what the syndication
work clusters; the gold sets (`benchmarks/data/events_gold.jsonl`,
`benchmarks/data/no_events.jsonl`) are what the coder is scored against. These
tests catch a broken line, an invalid code or a count that slipped below what
the benchmarks rely on. They need nothing outside the repository.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from datetime import date
from pathlib import Path

import pytest

from newsevents.coding.taxonomy import PLOVER_TYPES, cameo_table
from newsevents.model import MODALITIES

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
GOLD = REPO / "benchmarks" / "data" / "events_gold.jsonl"
NO_EVENTS = REPO / "benchmarks" / "data" / "no_events.jsonl"

CAMEO_RE = re.compile(r"^(0[1-9]|1[0-9]|20)[0-9]{1,2}$")
COUNTRY_RE = re.compile(r"^[A-Z]{3}$")
SECTOR_RE = re.compile(r"^[A-Z]{3}$")
ORG_CODE_RE = re.compile(r"^(IGO|NGO)[A-Z]{3,12}$")
DATE_RE = re.compile(r"^20(24|25|26)-[01][0-9]-[0-3][0-9]$")

EVENT_KEYS = {
    "source_country", "source_sector", "source_text",
    "target_country", "target_sector", "target_text",
    "cameo", "plover", "modality", "attribution_text",
}
OPTIONAL_EVENT_KEYS = {"source_code", "target_code"}
NO_EVENT_CATEGORIES = {
    "sport", "markets", "weather", "crime", "culture", "science", "business", "obituary",
}

# The wire story copied by four outlets, and a separate story on the same topic.
WIRE_COPIES = (
    "html/h01_nk_missiles_courier.html",
    "html/h02_nk_missiles_ledger.html",
    "dumps/d01_nk_missiles_wire.txt",
    "corpus.jsonl#j01-nk-missiles-wire",
)
DISTINCT_SAME_TOPIC = "corpus.jsonl#j02-nk-ministers-call"


def _jsonl(path: Path) -> list[dict]:
    """Parse a JSONL file, failing with the line number of a bad line."""
    rows = []
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:  # pragma: no cover - message only
            pytest.fail(f"{path.name} line {n}: {exc}")
    return rows


def _valid_date(value: str) -> bool:
    if not isinstance(value, str) or not DATE_RE.match(value):
        return False
    try:
        date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _html_body(path: Path) -> str:
    """The main text trafilatura finds in a page (what the pipeline will see)."""
    import trafilatura

    return trafilatura.extract(path.read_text(encoding="utf-8")) or ""


def _example_text(ref: str) -> str:
    """Body text of an example given as `relative/path` or `corpus.jsonl#id`."""
    if "#" in ref:
        name, rid = ref.split("#", 1)
        return next(r["text"] for r in _jsonl(EXAMPLES / name) if r["id"] == rid)
    path = EXAMPLES / ref
    return _html_body(path) if path.suffix == ".html" else path.read_text(encoding="utf-8")


def _shingles(text: str, k: int = 5) -> set[tuple[str, ...]]:
    words = re.findall(r"[a-z0-9']+", text.lower())
    return {tuple(words[i:i + k]) for i in range(len(words) - k + 1)}


def _shared(a: str, b: str) -> int:
    """Number of 5-word shingles two texts have in common."""
    return len(_shingles(a) & _shingles(b))


# ---------------------------------------------------------------- examples/


def test_examples_has_every_input_shape_in_the_promised_numbers():
    assert len(list((EXAMPLES / "html").glob("*.html"))) >= 10
    assert len(list((EXAMPLES / "dumps").glob("*.txt"))) >= 6
    assert len(list((EXAMPLES / "plain").glob("*.txt"))) >= 3
    assert len(_jsonl(EXAMPLES / "corpus.jsonl")) >= 8


@pytest.mark.parametrize("page", sorted((EXAMPLES / "html").glob("*.html")), ids=lambda p: p.name)
def test_html_page_has_chrome_and_a_body_of_news_length(page: Path):
    raw = page.read_text(encoding="utf-8")
    assert 'property="og:title"' in raw
    assert "<footer" in raw or 'id="footer"' in raw
    assert re.search(r"cookie", raw, re.I), "every page carries a cookie notice"
    assert re.search(r"breadcrumb|crumbs", raw, re.I)
    words = len(_html_body(page).split())
    assert 150 <= words <= 520, f"{page.name}: {words} words"


def test_some_html_pages_carry_published_time_and_some_do_not():
    pages = [p.read_text(encoding="utf-8") for p in (EXAMPLES / "html").glob("*.html")]
    with_meta = sum('property="article:published_time"' in p for p in pages)
    assert with_meta >= 5 and with_meta < len(pages)


@pytest.mark.parametrize("dump", sorted((EXAMPLES / "dumps").glob("*.txt")), ids=lambda p: p.name)
def test_dump_keeps_crawler_boilerplate_around_the_body(dump: Path):
    text = dump.read_text(encoding="utf-8")
    markers = ["Home", "Share", "Photo", "Related", "RECOMMENDED FOR YOU", "Read more", "©",
               "Copyright", "Dear Reader", "Subscribe", "First Published", "TRENDING", "Cookie"]
    assert sum(m in text for m in markers) >= 4, dump.name
    paragraphs = [p for p in text.split("\n\n") if len(p.split()) >= 25]
    assert sum(len(p.split()) for p in paragraphs) >= 150, dump.name


def test_dumps_cover_the_indian_style_boilerplate_lines():
    joined = "\n".join(p.read_text(encoding="utf-8") for p in (EXAMPLES / "dumps").glob("*.txt"))
    for marker in ("You are here: Home »", "Dear Reader,", "Support quality journalism",
                   "First Published:", "RECOMMENDED FOR YOU", "AP | Seoul"):
        assert marker in joined, marker


@pytest.mark.parametrize("path", sorted((EXAMPLES / "plain").glob("*.txt")), ids=lambda p: p.name)
def test_plain_article_has_a_title_line_then_a_body(path: Path):
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    title, body = lines[0], " ".join(lines[1:])
    assert len(title) < 150 and not title.endswith(".")
    assert 150 <= len(body.split()) <= 500


def test_corpus_jsonl_records_are_complete():
    rows = _jsonl(EXAMPLES / "corpus.jsonl")
    assert len({r["id"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "title", "date", "url", "text"}, r.get("id")
        assert _valid_date(r["date"]), r["id"]
        assert r["url"].startswith("https://")
        assert len(r["text"].split()) >= 100, r["id"]


def test_wire_copies_overlap_and_the_same_topic_story_does_not():
    texts = {ref: _example_text(ref) for ref in (*WIRE_COPIES, DISTINCT_SAME_TOPIC)}
    base = texts[WIRE_COPIES[0]]
    for ref in WIRE_COPIES[1:]:
        # Even the truncated copy keeps half the wire text (about 170 shingles).
        assert _shared(base, texts[ref]) >= 150, ref
        assert texts[ref] != base, f"{ref} should be an edited copy"
    for ref in WIRE_COPIES:
        assert _shared(texts[ref], texts[DISTINCT_SAME_TOPIC]) < 15, ref


def test_readme_lists_every_example_file():
    readme = (EXAMPLES / "README.md").read_text(encoding="utf-8")
    files = [p for p in EXAMPLES.rglob("*") if p.is_file() and p.name != "README.md"]
    for path in files:
        assert str(path.relative_to(EXAMPLES)) in readme, path.name
    for r in _jsonl(EXAMPLES / "corpus.jsonl"):
        assert r["id"] in readme, r["id"]


# ---------------------------------------------------------------- events_gold


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    return _jsonl(GOLD)


def test_gold_records_are_well_formed(gold: list[dict]):
    table = cameo_table()
    assert len({r["id"] for r in gold}) == len(gold)
    assert len({r["text"] for r in gold}) == len(gold)
    for r in gold:
        assert re.fullmatch(r"g\d{4}", r["id"]), r["id"]
        assert set(r) == {"id", "text", "date", "events", "tags"}, r["id"]
        assert _valid_date(r["date"]), r["id"]
        assert r["events"], f"{r['id']} has no events"
        for ev in r["events"]:
            where = f"{r['id']} {ev.get('cameo')}"
            assert EVENT_KEYS <= set(ev) <= EVENT_KEYS | OPTIONAL_EVENT_KEYS, where
            code = ev["cameo"]
            assert CAMEO_RE.match(code) and code in table, where
            expected = table[code].plover
            assert ev["plover"] == expected, f"{where}: {ev['plover']} != {expected}"
            if code[:2] != "01":
                assert ev["plover"] in PLOVER_TYPES, where
            assert ev["modality"] in MODALITIES, where
            for role in ("source", "target"):
                country, sector = ev[f"{role}_country"], ev[f"{role}_sector"]
                assert country is None or COUNTRY_RE.match(country), where
                assert sector is None or SECTOR_RE.match(sector), where
                org = ev.get(f"{role}_code")
                assert org is None or (ORG_CODE_RE.match(org) and country is None), where
            assert ev["source_text"], f"{where}: every event names its source"
            for key in ("source_text", "target_text", "attribution_text"):
                if ev[key] is not None:
                    assert ev[key] in r["text"], f"{where}: {key} {ev[key]!r} not in sentence"


def test_gold_covers_every_root_and_modality(gold: list[dict]):
    assert len(gold) >= 300
    roots = Counter(root for r in gold for root in {e["cameo"][:2] for e in r["events"]})
    for n in range(1, 21):
        assert roots[f"{n:02d}"] >= 10, f"root {n:02d}: {roots[f'{n:02d}']} sentences"
    modality = Counter(e["modality"] for r in gold for e in r["events"])
    for mode in ("negated", "future", "hypothetical"):
        assert modality[mode] >= 15, mode
    tags = Counter(t for r in gold for t in r["tags"])
    for tag in ("attribution", "passive", "coordination", "clausal_complement", "nominal",
                "relative_clause", "apposition", "no_target"):
        assert tags[tag] >= 5, tag


def test_gold_tags_agree_with_the_events(gold: list[dict]):
    for r in gold:
        tags, events = set(r["tags"]), r["events"]
        modes = {e["modality"] for e in events}
        for mode in ("negated", "future", "hypothetical"):
            assert (mode in tags) == (mode in modes), f"{r['id']} {mode}"
        if "coordination" in tags or "multi_event" in tags:
            assert len(events) >= 2, r["id"]
        if "attribution" in tags:
            assert any(e["attribution_text"] for e in events), r["id"]
        if "no_target" in tags:
            assert any(e["target_text"] is None for e in events), r["id"]
        if "igo" in tags:
            assert any(e.get("source_code") or e.get("target_code") for e in events), r["id"]


# ---------------------------------------------------------------- no_events


def test_no_event_sentences_are_well_formed_and_varied():
    rows = _jsonl(NO_EVENTS)
    assert len(rows) >= 200
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["text"] for r in rows}) == len(rows)
    for r in rows:
        assert set(r) == {"id", "text", "date", "category"}, r.get("id")
        assert re.fullmatch(r"n\d{4}", r["id"]) and _valid_date(r["date"]), r["id"]
        assert r["category"] in NO_EVENT_CATEGORIES, r["id"]
    counts = Counter(r["category"] for r in rows)
    assert all(counts[c] >= 15 for c in NO_EVENT_CATEGORIES), counts


def test_no_event_set_has_look_alikes_and_does_not_overlap_gold(gold: list[dict]):
    rows = _jsonl(NO_EVENTS)
    assert not {r["text"] for r in rows} & {r["text"] for r in gold}
    # Look-alikes: country names and conflict verbs used in a non-political sense.
    names = re.compile(r"\b(Japan|Germany|Brazil|Argentina|India|Pakistan|China|Chinese|Russia|"
                       r"Russian|Iran|Iranian|Israel|Ukraine|North Korea|United States|Korea|"
                       r"Korean|Turkey|Turkish|Mexico|Australia|Australian)\b")
    verbs = re.compile(r"\b(beat|defeated|crushed|attack|attacked|struck|defended|shocked)\b")
    assert sum(bool(names.search(r["text"])) for r in rows) >= 30
    assert sum(bool(names.search(r["text"]) and verbs.search(r["text"])) for r in rows) >= 10
