"""Text-dump benchmark: headline, date, agency, dateline and boilerplate lines.

Usage:
    .venv/bin/python benchmarks/textdumps.py [--data benchmarks/data/textdumps] [--verbose]

The dev set is self-written: page dumps in the styles of different kinds of
news sites, with gold title/date/agency/dateline and the body's line span
(`gold.jsonl`: body_start/body_end are prefixes of the first and last body
lines; not_body lists prefixes of lines inside that span that are not body).

Metadata is scored on what users get (`to_article` on the file); line
classification on `parse_text`'s kept lines. Boilerplate precision/recall
treat every non-empty non-body line as boilerplate.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from newsevents.articles import to_article
from newsevents.articles.textdump import parse_text
from newsevents.config import Config
from newsevents.model import Article, SourceItem

DEFAULT_DATA = Path(__file__).resolve().parent / "data" / "textdumps"


def gold_body(lines: list[str], gold: dict) -> set[int]:
    """Indices of the gold body lines."""
    start = next(i for i, ln in enumerate(lines) if ln.startswith(gold["body_start"]))
    end = next(i for i, ln in enumerate(lines) if i >= start and ln.startswith(gold["body_end"]))
    return {i for i in range(start, end + 1)
            if lines[i] and not any(lines[i].startswith(p) for p in gold["not_body"])}


def _norm(value):
    return " ".join(value.split()) if isinstance(value, str) else value


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA)
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args(argv)
    golds = [json.loads(ln) for ln in (args.data / "gold.jsonl").read_text().splitlines() if ln]
    config = Config()
    hits = {"title": 0, "date": 0, "agency": 0, "dateline": 0}
    tp_b = fp_b = fn_b = 0  # boilerplate lines
    tp_k = fp_k = fn_k = 0  # body lines
    for gold in golds:
        raw = (args.data / gold["file"]).read_bytes()
        text = raw.decode("utf-8")
        lines = [ln.strip() for ln in text.splitlines()]
        nonempty = {i for i, ln in enumerate(lines) if ln}
        body = gold_body(lines, gold)
        kept = set(parse_text(text).kept)
        boiler, pred_boiler = nonempty - body, nonempty - kept
        tp_b += len(boiler & pred_boiler)
        fp_b += len(pred_boiler - boiler)
        fn_b += len(boiler - pred_boiler)
        tp_k += len(body & kept)
        fp_k += len(kept - body)
        fn_k += len(body - kept)
        art = to_article(SourceItem(source_path=gold["file"], data=raw, kind="text"), config)
        got = {"title": None, "date": None, "agency": None, "dateline": None}
        if isinstance(art, Article):
            got = {"title": art.title, "date": art.published, "agency": art.agency,
                   "dateline": art.dateline}
        for key in hits:
            ok = _norm(got[key]) == _norm(gold[key])
            hits[key] += ok
            if args.verbose and not ok:
                print(f"{gold['file']}: {key} got {got[key]!r} want {gold[key]!r}")
        if args.verbose:
            for i in sorted(kept ^ body):
                print(f"{gold['file']}: line {i} {'extra' if i in kept else 'missed'}: "
                      f"{lines[i][:70]!r}")
    n = len(golds)
    print(f"dumps: {n}")
    for key, value in hits.items():
        print(f"{key + ' accuracy':<20} {value / n:.3f} ({value}/{n})")
    p_b = tp_b / (tp_b + fp_b) if tp_b + fp_b else 1.0
    r_b = tp_b / (tp_b + fn_b) if tp_b + fn_b else 1.0
    p_k = tp_k / (tp_k + fp_k) if tp_k + fp_k else 1.0
    r_k = tp_k / (tp_k + fn_k) if tp_k + fn_k else 1.0
    print(f"boilerplate lines    P={p_b:.3f} R={r_b:.3f} F1={2 * p_b * r_b / (p_b + r_b):.3f}")
    print(f"body lines           P={p_k:.3f} R={r_k:.3f} F1={2 * p_k * r_k / (p_k + r_k):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
