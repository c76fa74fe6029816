"""Regression guards on the measured targets: our phrase set and (when present) PLOVER gold."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import pytest

from newsevents.actors import ActorResolver

ROOT = Path(__file__).resolve().parents[2]
PLOVER = ROOT / ".." / "shared" / "data" / "events" / "plover" / "PLOVER_GSR_dev.json"


def _bench():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_actors", ROOT / "benchmarks" / "actors.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_phrase_set_covers_every_kind_and_scores(resolver: ActorResolver) -> None:
    bench = _bench()
    rows = bench.read_phrases(bench.PHRASES)
    assert len(rows) >= 300
    kinds = {r["kind"] for r in rows}
    assert {"country", "demonym", "capital", "metonym", "org", "group", "person", "former",
            "title", "pp", "place", "media", "none"} <= kinds
    score = bench.bench_phrases(resolver, bench.PHRASES, show=False)
    assert score["accuracy"] >= 0.95


@pytest.mark.skipif(not PLOVER.exists(), reason="../shared (PLOVER gold records) is not present")
def test_plover_dev_country_accuracy(resolver: ActorResolver) -> None:
    records = json.loads(PLOVER.read_text(encoding="utf-8"))
    assert records
    score = _bench().bench_plover(resolver, PLOVER.resolve(), show=False)
    assert score is not None and score["country"] >= 0.90


def test_blind_phrase_set_scores(resolver: ActorResolver) -> None:
    # The blind set (written before reading the knowledge base) scored 86.3 % before the
    # fixes it led to; keep it at the target.
    bench = _bench()
    rows = bench.read_phrases(bench.BLIND)
    assert len(rows) >= 300
    assert all(r["sector"] == bench.ANY or r["sector"] == "" or len(r["sector"]) == 3
               for r in rows)
    score = bench.bench_phrases(resolver, bench.BLIND, show=False, label="Blind phrase set")
    assert score["accuracy"] >= 0.95
