"""How much time event coding adds to spaCy parsing, measured side by side in one run.

Text: the article bodies of ../shared/data/extraction/scrapinghub/ground-truth.json
(181 real news pages, 0.8 MB), cycled until at least --min-bytes of text. The same
Docs are first produced by `nlp.pipe` (timed alone), then coded by `EventCoder.code_doc`
(timed alone); the report gives both times and coding as a share of parsing.

    .venv/bin/python benchmarks/coder_speed.py [--min-bytes 1000000] [--model NAME]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
GROUND_TRUTH = SHARED / "data" / "extraction" / "scrapinghub" / "ground-truth.json"


def load_texts(min_bytes: int) -> list[str]:
    """Article bodies, cycled until their total size reaches `min_bytes`."""
    if not GROUND_TRUTH.exists():
        sys.exit(f"needs {GROUND_TRUTH} (the shared data folder is absent)")
    bodies = [v["articleBody"] for v in json.loads(GROUND_TRUTH.read_text("utf-8")).values()
              if v.get("articleBody")]
    texts: list[str] = []
    size = 0
    while size < min_bytes:
        for body in bodies:
            texts.append(body)
            size += len(body.encode("utf-8"))
            if size >= min_bytes:
                break
    return texts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--min-bytes", type=int, default=1_000_000)
    ap.add_argument("--model", default=None)
    ap.add_argument("--batch-size", type=int, default=32)
    args = ap.parse_args()

    from newsevents.actors import ActorResolver
    from newsevents.coding import EventCoder
    from newsevents.nlp import load_nlp

    nlp = load_nlp(args.model) if args.model else load_nlp()
    coder = EventCoder(ActorResolver.load())
    texts = load_texts(args.min_bytes)
    n_bytes = sum(len(t.encode("utf-8")) for t in texts)

    t0 = time.perf_counter()
    docs = list(nlp.pipe(texts, batch_size=args.batch_size))
    t_pipe = time.perf_counter() - t0

    t0 = time.perf_counter()
    n_events = 0
    for i, doc in enumerate(docs):
        n_events += len(coder.code_doc(doc, date="2024-01-01", article_id=str(i)))
    t_code = time.perf_counter() - t0

    n_sents = sum(1 for d in docs for _ in d.sents)
    print(f"texts: {len(texts)}  bytes: {n_bytes}  sentences: {n_sents}  events: {n_events}")
    print(f"nlp.pipe alone: {t_pipe:.1f} s   coding alone: {t_code:.1f} s   "
          f"coding adds {100 * t_code / t_pipe:.1f}% to parsing")


if __name__ == "__main__":
    main()
