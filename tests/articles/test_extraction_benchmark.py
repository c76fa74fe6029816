"""Body extraction on the ScrapingHub pages in ../shared (skipped when absent)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parents[2]
DATA = (ROOT / ".." / "shared" / "data" / "extraction" / "scrapinghub").resolve()

pytestmark = pytest.mark.skipif(not (DATA / "ground-truth.json").exists(),
                                reason=f"ScrapingHub benchmark data not found at {DATA}")


@pytest.fixture(scope="module")
def bench():
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import extraction
    finally:
        sys.path.pop(0)
    return extraction


def test_metric_on_known_cases(bench):
    assert bench.precision_recall("", "a b c d") == (1.0, 0.0)
    assert bench.precision_recall("a b c d e", "a b c d e") == (1.0, 1.0)
    p, r = bench.precision_recall("a b c d x", "a b c d e f")
    assert p == 0.5 and r == pytest.approx(1 / 3)


def test_ours_beats_plain_trafilatura_on_a_sample(bench):
    from newsevents.config import Config

    gold, pages = bench.load(DATA, 30)
    base = bench.score(bench.run_trafilatura(pages, gold), gold)
    ours = bench.score(bench.run_ours(pages, gold, Config()), gold)
    assert ours[2] >= base[2]
    assert ours[2] >= 0.94
