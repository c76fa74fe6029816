"""Conformance runner for the PETRARCH unit-test suite (PETR.UnitTest.records.xml).

Only each record's `<Text>` and `date` are used (never its `<Parse>`): the text
goes through our spaCy pipeline and `PetrarchCoder`, as one sentence (the
suite's records are sentences; the small model sometimes splits them). A record passes when our
set of (source, target, code) triples equals its gold `<EventCoding>` set, or
when we code nothing for a `noevents` record.

Scoring decisions (reported per record as `status`):

* `<Config option=... value=...>` elements between records switch
  `require_dyad` and `new_actor_length` for the records after them, as in
  PETRARCH. Comma-clause options (comma_min, ...) are TABARI parse tricks we
  do not emulate; they are recorded and ignored.
* Records marked `sentence="false"` are the suite's own "currently not
  implemented" cases, and categories missing from the suite's `<Include>`
  list are switched off by the suite itself: both are `excluded`.
* `error` records: `bad_input_parse` tests a broken `<Parse>`, which we never
  read, so it is `excluded`; every other error (story/sentence discard,
  dateline) passes when we code nothing, as PETRARCH codes nothing for them.
* A record without any `<EventCoding>` counts as `noevents`.
"""

from __future__ import annotations

import time
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from spacy.language import Language

from .coder import CoderOptions, PetrarchCoder
from .dictionaries import PetrarchDictionaries

Triple = tuple[str, str, str]


@dataclass(slots=True)
class Record:
    """One unit-test record as read from the XML."""

    id: str
    category: str
    date: str
    text: str
    gold: set[Triple]
    noevents: bool
    error: str | None
    implemented: bool
    options: CoderOptions


@dataclass(slots=True)
class RecordResult:
    """The outcome for one record."""

    id: str
    category: str
    status: str  # "pass" | "fail" | "excluded"
    text: str
    gold: list[Triple]
    got: list[Triple]
    note: str = ""

    def to_dict(self) -> dict[str, Any]:
        return {"id": self.id, "category": self.category, "status": self.status,
                "text": self.text, "gold": [list(t) for t in self.gold],
                "got": [list(t) for t in self.got], "note": self.note}


@dataclass(slots=True)
class SuiteResult:
    """Pass/fail per record and per category."""

    records: list[RecordResult] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def scored(self) -> list[RecordResult]:
        return [r for r in self.records if r.status != "excluded"]

    @property
    def passed(self) -> int:
        return sum(r.status == "pass" for r in self.records)

    @property
    def pass_rate(self) -> float:
        scored = self.scored
        return self.passed / len(scored) if scored else 0.0

    @property
    def pass_rate_all(self) -> float:
        """Passes over every record, excluded ones counted as failures."""
        return self.passed / len(self.records) if self.records else 0.0

    def by_category(self) -> dict[str, dict[str, int]]:
        """{category: {"pass": n, "fail": n, "excluded": n}}."""
        out: dict[str, Counter[str]] = defaultdict(Counter)
        for r in self.records:
            out[r.category][r.status] += 1
        return {k: {s: v.get(s, 0) for s in ("pass", "fail", "excluded")}
                for k, v in sorted(out.items())}

    def summary(self) -> dict[str, Any]:
        return {"records": len(self.records), "scored": len(self.scored),
                "passed": self.passed, "pass_rate": round(self.pass_rate, 4),
                "pass_rate_all_records": round(self.pass_rate_all, 4),
                "seconds": round(self.seconds, 2), "by_category": self.by_category()}

    def to_dict(self) -> dict[str, Any]:
        return {**self.summary(), "details": [r.to_dict() for r in self.records]}


def _truthy(value: str) -> bool:
    return value.strip().lower() in ("true", "1", "yes")


def read_records(xml_path: Path) -> list[Record]:
    """Read the records (and the Config switches between them) in document order."""
    root = ET.parse(xml_path).getroot()
    include: set[str] | None = None
    inc = root.find(".//Environment/Include")
    if inc is not None and inc.text:
        include = {w.upper() for w in inc.text.split()}
    options = CoderOptions()
    records: list[Record] = []
    for el in root.iter():
        if el.tag == "Config":
            name, value = el.get("option", ""), el.get("value", "")
            if name == "require_dyad":
                options = CoderOptions(_truthy(value), options.new_actor_length)
            elif name == "new_actor_length" and value.strip().isdigit():
                options = CoderOptions(options.require_dyad, int(value))
            continue
        if el.tag != "Sentence":
            continue
        text_el = el.find("Text")
        text = " ".join((text_el.text or "").split()) if text_el is not None else ""
        gold: set[Triple] = set()
        noevents, error = False, None
        for ec in el.findall("EventCoding"):
            if ec.get("noevents"):
                noevents = True
            elif ec.get("error"):
                error = ec.get("error")
            else:
                gold.add((ec.get("sourcecode", ""), ec.get("targetcode", ""),
                          ec.get("eventcode", "")))
        if not gold and error is None:
            noevents = True
        category = el.get("category", "")
        implemented = el.get("sentence", "true").lower() != "false" and (
            include is None or category.upper() in include)
        records.append(Record(el.get("id", ""), category, el.get("date", ""), text, gold,
                              noevents, error, implemented, options))
    return records


def run_suite(xml_path: Path | str, dicts: PetrarchDictionaries, nlp: Language) -> SuiteResult:
    """Run the PETRARCH unit-test records through spaCy and `PetrarchCoder`.

    Args:
        xml_path: PETR.UnitTest.records.xml (or a file in the same format).
        dicts: Dictionaries to code with (the suite's PETR.Validate.* set).
        nlp: A loaded spaCy pipeline (`newsevents.nlp.load_nlp()`).

    Returns:
        The SuiteResult (per record and per category).
    """
    start = time.perf_counter()
    records = read_records(Path(xml_path))
    docs = nlp.pipe([r.text for r in records], batch_size=64)
    result = SuiteResult()
    for rec, doc in zip(records, docs, strict=True):
        coder = PetrarchCoder(dicts, rec.options)
        got = {(e.source, e.target, e.code) for _, e in coder.code_raw(doc, date=rec.date, one_sentence=True)}
        note = ""
        if not rec.implemented:
            status = "excluded"
            note = "marked not implemented by the suite (sentence=false or category not included)"
        elif rec.error == "bad_input_parse":
            status = "excluded"
            note = "tests a broken <Parse>; we never read parses"
        elif rec.error is not None or rec.noevents:
            status = "pass" if not got else "fail"
            if rec.error:
                disc = coder.last_discard
                note = f"error={rec.error}" + (f"; discarded by {disc[0]} phrase "
                                               f"{' '.join(disc[1])!r}" if disc else "")
        else:
            status = "pass" if got == rec.gold else "fail"
        result.records.append(RecordResult(rec.id, rec.category, status, rec.text,
                                           sorted(rec.gold), sorted(got), note))
    result.seconds = time.perf_counter() - start
    return result


def format_report(result: SuiteResult, *, failures: bool = True) -> str:
    """A plain-text report: summary, per-category table and (optionally) each failure."""
    lines = [f"PETRARCH unit tests: {result.passed}/{len(result.scored)} scored records pass "
             f"({result.pass_rate:.1%}); {len(result.records)} records, "
             f"{len(result.records) - len(result.scored)} excluded; {result.seconds:.1f}s"]
    lines.append(f"{'category':<12} {'pass':>5} {'fail':>5} {'excl':>5}")
    for cat, c in result.by_category().items():
        lines.append(f"{cat:<12} {c['pass']:>5} {c['fail']:>5} {c['excluded']:>5}")
    if failures:
        for r in result.records:
            if r.status == "fail":
                lines.append(f"FAIL {r.id} [{r.category}] {r.text}")
                lines.append(f"     gold {r.gold}")
                lines.append(f"     got  {r.got}")
    return "\n".join(lines)


def evaluate_suite(gold: Path | str, dictionaries: Path | str | list[Path | str], *,
                   model: str | None = None, report: Path | str | None = None) -> SuiteResult:
    """What `newsevents evaluate GOLD --format petrarch --dictionaries DIR` calls.

    Args:
        gold: A PETRARCH unit-test XML file.
        dictionaries: Folder or files with the suite's dictionaries.
        model: spaCy model name or path (default: newsevents' default model).
        report: Optional path; ".json" writes every record's result as JSON,
            any other suffix the plain-text report.

    Returns:
        The SuiteResult; `format_report(result)` renders it for the terminal.
    """
    import json

    from ..nlp import load_nlp
    from .dictionaries import load_dictionaries

    nlp = load_nlp(model) if model else load_nlp()
    result = run_suite(gold, load_dictionaries(dictionaries), nlp)
    if report is not None:
        path = Path(report)
        if path.suffix.lower() == ".json":
            path.write_text(json.dumps(result.to_dict(), indent=2), encoding="utf-8")
        else:
            path.write_text(format_report(result) + "\n", encoding="utf-8")
    return result
