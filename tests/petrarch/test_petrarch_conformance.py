"""The PETRARCH unit-test conformance runner."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from tests.conftest import shared_path

from newsevents.petrarch import load_dictionaries
from newsevents.petrarch.conformance import format_report, read_records, run_suite

FIXTURES = Path(__file__).parent / "fixtures"


@pytest.fixture(scope="module")
def tiny_dicts():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_dictionaries(FIXTURES / "dicts")


def test_records_and_config_switches():
    records = read_records(FIXTURES / "mini_suite.xml")
    assert [r.id for r in records] == [f"MINI-0{i}" for i in range(1, 8)]
    assert records[1].options.require_dyad and not records[2].options.require_dyad
    assert records[3].options.require_dyad
    assert records[3].error == "sentencediscard"
    assert not records[4].implemented and not records[5].implemented  # sentence=false, not included
    assert records[0].gold == {("VELGOV", "KRS", "042"), ("KRS", "VELGOV", "043")}


def test_run_mini_suite(tiny_dicts, nlp):
    result = run_suite(FIXTURES / "mini_suite.xml", tiny_dicts, nlp)
    status = {r.id: r.status for r in result.records}
    assert status == {"MINI-01": "pass", "MINI-02": "pass", "MINI-03": "pass", "MINI-04": "pass",
                      "MINI-05": "excluded", "MINI-06": "excluded", "MINI-07": "fail"}
    assert result.passed == 4 and len(result.scored) == 5
    assert result.pass_rate == pytest.approx(0.8)
    assert result.by_category()["DEMO"] == {"pass": 3, "fail": 1, "excluded": 1}
    report = format_report(result)
    assert "FAIL MINI-07" in report and "4/5" in report


def test_petrarch_unit_test_suite(nlp):
    """The whole PETRARCH suite with its own validation dictionaries (needs ../shared)."""
    base = shared_path("data", "events", "petrarch")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dicts = load_dictionaries([base / f"PETR.Validate.{k}.txt"
                                   for k in ("verbs", "actors", "agents", "discards")])
    result = run_suite(base / "PETR.UnitTest.records.xml", dicts, nlp)
    assert len(result.records) >= 280
    assert result.pass_rate >= 0.85, format_report(result)
    cats = result.by_category()
    # Feature areas that must work whole: synsets, dated actors.
    assert cats["SYNSET"]["fail"] == 0 and cats["DATE"]["fail"] == 0, format_report(result)


def test_phoenix_dictionaries_load_fast():
    """The full Phoenix set loads in under 10 s with warnings, not crashes (needs ../shared)."""
    import time

    base = shared_path("data", "events", "petrarch")
    files = [base / n for n in ("CAMEO.2.0.txt", "Phoenix.Countries.actors.txt",
                                "Phoenix.International.actors.txt",
                                "Phoenix.MilNonState.actors.txt", "Phoenix.agents.txt",
                                "Phoenix.discards.txt", "Phoenix.IssueCoding.txt")]
    start = time.perf_counter()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        dicts = load_dictionaries(files)
    elapsed = time.perf_counter() - start
    assert elapsed < 10
    summary = dicts.summary()
    assert summary["verb_patterns"] > 4000 and summary["actor_names"] > 30000
    assert summary["agent_names"] > 5000 and summary["issue_phrases"] > 1000
    # Malformed lines are reported with file and line number.
    assert caught and all(":" in str(w.message) for w in caught)
    assert any("Phoenix.Countries.actors.txt:" in str(w.message) for w in caught)


def test_evaluate_suite_writes_reports(tmp_path, nlp):
    """The function behind `newsevents evaluate GOLD --format petrarch --dictionaries DIR`."""
    import json

    from newsevents.petrarch.conformance import evaluate_suite

    out = tmp_path / "report.json"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        result = evaluate_suite(FIXTURES / "mini_suite.xml", FIXTURES / "dicts", report=out)
    data = json.loads(out.read_text())
    assert data["passed"] == result.passed == 4
    assert {d["id"]: d["status"] for d in data["details"]}["MINI-07"] == "fail"
    text = tmp_path / "report.txt"
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        evaluate_suite(FIXTURES / "mini_suite.xml", FIXTURES / "dicts", report=text)
    assert text.read_text().startswith("PETRARCH unit tests: 4/5")
