"""Benchmark the actor resolver.

Four measurements:

1. Our own phrase set (benchmarks/data/actor_phrases.tsv, written for newsevents by the
   resolver's author): each phrase with a date and gold country (code prefix: ISO alpha-3 or
   IGO/NGO/IMG; empty = must stay unresolved) and sector (empty = none; `*` = not scored).
   A phrase is correct when both match.
2. The blind phrase set (benchmarks/data/actor_phrases_blind.tsv), same format, written by a
   second engineer before reading the knowledge base; scored the same way.
3. The PLOVER gold-standard dev records (../shared/data/events/plover/PLOVER_GSR_dev.json):
   every source and target actor, resolved as a span of its parsed sentence (one article
   context per record, the record's date), compared on the country part of the gold code
   (its first three letters). Gold "JAP" is read as JPN (CAMEO's and ISO's code for Japan).
4. Knowledge-base load time in a fresh process, and resolution time per phrase.

Usage:
    .venv/bin/python benchmarks/actors.py [--set own|blind|all] [--plover PATH]
        [--phrases PATH] [--show-errors] [--no-plover] [--no-load]
"""

from __future__ import annotations

import argparse
import csv
import json
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PHRASES = ROOT / "benchmarks" / "data" / "actor_phrases.tsv"
BLIND = ROOT / "benchmarks" / "data" / "actor_phrases_blind.tsv"
ANY = "*"  # gold sector not scored (conventions differ: IGO sub-codes, rebel-run ministries)
PLOVER = ROOT.parent / "shared" / "data" / "events" / "plover" / "PLOVER_GSR_dev.json"
GOLD_FIXES = {"JAP": "JPN"}


def prefix(code: str | None) -> str | None:
    """The country part of a CAMEO-style code (first three letters)."""
    return code[:3] if code else None


def read_phrases(path: Path) -> list[dict[str, str]]:
    rows = []
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        rows.append({k: (v or "").strip() for k, v in row.items()})
    return rows


def bench_phrases(resolver, path: Path, show: bool,  # type: ignore[no-untyped-def]
                  label: str = "Own phrase set") -> dict[str, float]:
    rows = read_phrases(path)
    by_kind: Counter[str] = Counter()
    ok_kind: Counter[str] = Counter()
    ok = ok_country = 0
    t0 = time.perf_counter()
    for row in rows:
        actor = resolver.resolve_text(row["phrase"], row["date"] or None)
        got_country = prefix(actor.code) if actor.code else None
        gold_country = row["country"] or None
        gold_sector = row["sector"] or None
        c_ok = got_country == gold_country
        if gold_sector == ANY or not (gold_country or gold_sector):
            s_ok = True
        else:
            s_ok = (actor.sector or None) == gold_sector
        by_kind[row["kind"]] += 1
        ok_country += c_ok
        if c_ok and s_ok:
            ok += 1
            ok_kind[row["kind"]] += 1
        elif show:
            print(f"  MISS [{row['kind']}] {row['phrase']!r} {row['date']}: gold "
                  f"{gold_country}/{gold_sector} got {actor.code} ({actor.country}/"
                  f"{actor.sector}) via {actor.matched}")
    elapsed = time.perf_counter() - t0
    n = len(rows)
    print(f"{label} ({path.name}): {n} phrases, {ok}/{n} = {ok / n:.1%} correct (country and sector); "
          f"country alone {ok_country / n:.1%}; {1000 * elapsed / n:.2f} ms/phrase")
    for kind in sorted(by_kind):
        print(f"  {kind:<12} {ok_kind[kind]:>3}/{by_kind[kind]:<3} {ok_kind[kind] / by_kind[kind]:.0%}")
    return {"n": n, "accuracy": ok / n, "country": ok_country / n}


def _actors(value) -> list[dict[str, str]]:  # type: ignore[no-untyped-def]
    if isinstance(value, dict):
        value = [value]
    if not isinstance(value, list):
        return []
    return [a for a in value if isinstance(a, dict) and a.get("actorText") and a.get("code")]


def bench_plover(resolver, path: Path, show: bool) -> dict[str, float] | None:  # type: ignore[no-untyped-def]
    if not path.exists():
        print(f"PLOVER gold not found at {path}: skipped")
        return None
    from newsevents.nlp import load_nlp

    nlp = load_nlp()
    records = json.loads(path.read_text(encoding="utf-8"))
    total = ok = unresolved = as_span = 0
    t_resolve = 0.0
    t_nlp = 0.0
    for rec in records:
        t0 = time.perf_counter()
        doc = nlp(rec["text"])
        t_nlp += time.perf_counter() - t0
        ctx = resolver.new_context(rec.get("date"))
        for role in ("source", "target"):
            for gold in _actors(rec.get(role)):
                text = gold["actorText"].strip()
                gold_c = prefix(GOLD_FIXES.get(gold["code"][:3], gold["code"][:3]))
                start = rec["text"].find(text)
                t0 = time.perf_counter()
                span = doc.char_span(start, start + len(text), alignment_mode="expand") \
                    if start >= 0 else None
                if span is not None:
                    actor = resolver.resolve_span(span, ctx)
                    as_span += 1
                else:
                    actor = resolver.resolve_text(text, rec.get("date"), ctx=ctx)
                t_resolve += time.perf_counter() - t0
                got = prefix(actor.code) if actor else None
                total += 1
                unresolved += got is None
                if got == gold_c:
                    ok += 1
                elif show:
                    print(f"  MISS {rec['id']} {role}: {text!r} gold {gold['code']} got "
                          f"{actor.code if actor else None} via {actor.matched if actor else None}")
    print(f"PLOVER dev actors: {total} ({as_span} found as spans in their sentence), country "
          f"{ok}/{total} = {ok / total:.1%}; unresolved {unresolved}; resolution "
          f"{1000 * t_resolve / total:.2f} ms/actor vs spaCy {1000 * t_nlp / len(records):.1f} "
          f"ms/sentence")
    return {"n": total, "country": ok / total}


def bench_load() -> float:
    code = ("import time; from newsevents.actors import ActorResolver; t=time.perf_counter(); "
            "ActorResolver.load(); print(time.perf_counter()-t)")
    times = []
    for _ in range(3):
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             check=True)
        times.append(float(out.stdout.strip()))
    best = min(times)
    print(f"Load time (fresh process, ActorResolver.load()): best {best:.3f} s, "
          f"runs {', '.join(f'{t:.3f}' for t in times)}")
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=("own", "blind", "all"), default="all",
                        help="which phrase set(s) to score (default: both)")
    parser.add_argument("--phrases", type=Path, default=None,
                        help="score this phrase file instead of the bundled set(s)")
    parser.add_argument("--plover", type=Path, default=PLOVER)
    parser.add_argument("--no-plover", action="store_true")
    parser.add_argument("--no-load", action="store_true")
    parser.add_argument("--show-errors", action="store_true")
    args = parser.parse_args()
    from newsevents.actors import ActorResolver

    resolver = ActorResolver.load()
    resolver.places.cities  # noqa: B018  (warm the gazetteer cache outside the timings)
    if args.phrases is not None:
        bench_phrases(resolver, args.phrases, args.show_errors, label="Phrase set")
    else:
        if args.set in ("own", "all"):
            bench_phrases(resolver, PHRASES, args.show_errors, label="Own phrase set")
        if args.set in ("blind", "all"):
            bench_phrases(resolver, BLIND, args.show_errors, label="Blind phrase set")
    if not args.no_plover:
        bench_plover(resolver, args.plover, args.show_errors)
    if not args.no_load:
        bench_load()


if __name__ == "__main__":
    main()
