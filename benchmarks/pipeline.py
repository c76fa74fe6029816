"""End-to-end throughput of `newsevents run`: pages in, events in the store.

Runs the whole pipeline (extraction, stories, spaCy, actors, coding, DuckDB) over the
ScrapingHub pages in ../shared (181 real news pages) with 1 and 2 worker processes, each
into a fresh store, and prints articles/s, sentences/s and the peak memory of the main
process.

    .venv/bin/python benchmarks/pipeline.py [--workers 1 2] [--pages DIR]
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

from newsevents import Config, Pipeline

REPO = Path(__file__).resolve().parents[1]
PAGES = REPO.parent / "shared" / "data" / "extraction" / "scrapinghub" / "html"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--pages", type=Path, default=PAGES)
    args = ap.parse_args()
    if not args.pages.exists():
        print(f"needs {args.pages} (../shared is absent)", file=sys.stderr)
        return 2
    print(f"{'workers':>7} {'articles':>8} {'sentences':>9} {'events':>6} {'seconds':>7} "
          f"{'art/s':>6} {'sent/s':>7}")
    for workers in args.workers:
        with tempfile.TemporaryDirectory() as tmp:
            config = Config(db=Path(tmp) / "bench.duckdb", workers=workers)
            started = time.perf_counter()
            s = Pipeline(config).run([str(args.pages)])
            secs = time.perf_counter() - started
        print(f"{workers:>7} {s.articles:>8} {s.sentences:>9} {s.events:>6} {secs:>7.1f} "
              f"{s.articles / secs:>6.1f} {s.sentences / secs:>7.0f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of the main process: {peak:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
