"""Event-coding accuracy on the gold sets, with the definitions of `newsevents evaluate`.

    .venv/bin/python benchmarks/events.py [--reports DIR] [--plover-conventions]

Sets (each skipped, saying why, when absent):
  * ../shared/data/events/plover/PLOVER_GSR_dev.json  (158 PLOVER gold records)
  * benchmarks/data/events_gold.jsonl                  (our gold: sentences with events)
  * benchmarks/data/no_events.jsonl                    (our sentences without political events)

Prints one Markdown table; --reports writes each set's full report (every miss and
false alarm) as Markdown into DIR.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SETS = [
    ("PLOVER_GSR_dev", ROOT / ".." / "shared" / "data" / "events" / "plover" / "PLOVER_GSR_dev.json",
     "plover"),
    ("events_gold", ROOT / "benchmarks" / "data" / "events_gold.jsonl", "jsonl"),
    ("no_events", ROOT / "benchmarks" / "data" / "no_events.jsonl", "jsonl"),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--reports", type=Path, default=None)
    ap.add_argument("--model", default=None)
    ap.add_argument("--plover-conventions", action="store_true",
                    help="code with EventCoder's PLOVER_CONVENTIONS (protest target = home "
                         "government; symmetric acts without a target)")
    args = ap.parse_args()

    from newsevents.actors import ActorResolver
    from newsevents.coding import EventCoder
    from newsevents.evaluate import predict, read_gold, score
    from newsevents.nlp import load_nlp

    nlp = load_nlp(args.model) if args.model else load_nlp()
    from newsevents.coding.coder import PLOVER_CONVENTIONS

    coder = EventCoder(ActorResolver.load(), **(PLOVER_CONVENTIONS if args.plover_conventions else {}))
    print("| set | records | type acc. (main) | type P / R / F1 | source F1 | target F1 "
          "| triple P / R / F1 | no-event false rate | seconds |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, path, fmt in SETS:
        if not path.exists():
            print(f"| {name} | skipped: {path} absent | | | | | | | |")
            continue
        t0 = time.perf_counter()
        records = read_gold(path, fmt)
        rep = score(records, predict(records, nlp, coder))
        secs = time.perf_counter() - t0
        lv = rep.levels
        none = (f"{rep.noevent_false}/{rep.noevent_records} = {rep.noevent_rate:.1%}"
                if rep.noevent_records else "—")
        if rep.event_records:
            print(f"| {name} | {rep.records} | {rep.type_accuracy_main:.1%} | "
                  f"{lv['type'].precision:.3f} / {lv['type'].recall:.3f} / {lv['type'].f1:.3f} | "
                  f"{lv['source'].f1:.3f} | {lv['target'].f1:.3f} | "
                  f"{lv['triple'].precision:.3f} / {lv['triple'].recall:.3f} / "
                  f"{lv['triple'].f1:.3f} | {none} | {secs:.1f} |")
        else:
            print(f"| {name} | {rep.records} | — | — | — | — | — | {none} | {secs:.1f} |")
        if args.reports is not None:
            args.reports.mkdir(parents=True, exist_ok=True)
            (args.reports / f"{name}.md").write_text(rep.to_markdown(), "utf-8")


if __name__ == "__main__":
    main()
