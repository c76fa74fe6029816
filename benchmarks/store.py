"""Benchmark: the DuckDB store — bulk insert, per-article ingest, queries, concurrent readers.

Measures, on synthetic events generated here:

    bulk      1 M coded events (mentions) merged through `Store.write_events`
              (the Arrow bulk path), in batches; events/s.
    article   per-article `Store.write_result` transactions on top of that store.
    queries   on a 10 M-event store: `query.dyad(..., freq="month")` and a filtered
              `query.events(...)`, median of repeated runs.
    readers   one process ingests articles while another opens the store
              read-only and queries it: reader latency, snapshot age, writer rate.

Usage:
    .venv/bin/python benchmarks/store.py                     # everything, default sizes
    .venv/bin/python benchmarks/store.py --bulk 1000000 --big 10000000 --skip-readers
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pyarrow as pa

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsevents import query  # noqa: E402
from newsevents.model import Article, ArticleResult, Event  # noqa: E402
from newsevents.store import Store, snapshot_path  # noqa: E402
from newsevents.store.merge import INCOMING_SCHEMA  # noqa: E402

COUNTRIES = ("USA", "CHN", "RUS", "UKR", "PRK", "KOR", "IRN", "ISR", "PSE", "IND", "PAK",
             "GBR", "FRA", "DEU", "TUR", "SYR", "IRQ", "AFG", "JPN", "BRA", "MEX", "NGA",
             "EGY", "SAU", "ZAF", "ETH", "SDN", "VEN", "COL", "IDN")
SECTORS = ("GOV", "MIL", "COP", "OPP", "REB", "MED", "BUS", "CVL", "")
CAMEO = ("010", "012", "020", "036", "040", "042", "043", "046", "051", "057", "061", "070",
         "081", "090", "100", "111", "112", "120", "128", "130", "138", "141", "145", "150",
         "163", "173", "180", "183", "190", "193", "195", "200")
QUAD = {"01": 1, "02": 1, "03": 1, "04": 1, "05": 1, "06": 2, "07": 2, "08": 2, "09": 3,
        "10": 3, "11": 3, "12": 3, "13": 3, "14": 4, "15": 4, "16": 3, "17": 4, "18": 4,
        "19": 4, "20": 4}


def synthetic_events(n: int, seed: int, n_articles: int, start: str = "2015-01-01",
                     days: int = 3650) -> pa.Table:
    """Return `n` incoming coded events (mentions) following INCOMING_SCHEMA."""
    rng = np.random.default_rng(seed)
    actors = np.array([c + s for c in COUNTRIES for s in SECTORS])
    # Zipf-like actor popularity: a few actors dominate, as in real event data.
    weights = 1.0 / np.arange(1, len(actors) + 1) ** 0.8
    weights /= weights.sum()
    src = rng.choice(actors, n, p=weights)
    tgt = rng.choice(actors, n, p=weights)
    cameo = rng.choice(np.array(CAMEO), n)
    root = np.array([c[:2] for c in cameo])
    base = np.datetime64(start)
    dates = (base + rng.integers(0, days, n)).astype("datetime64[D]").astype(str)
    arts = rng.integers(0, n_articles, n)
    outlet = rng.integers(0, 400, n)
    goldstein = np.round(rng.uniform(-10, 10, n), 1)
    cols = {
        "id": pa.nulls(n, pa.string()),
        "article_id": pa.array(np.char.add(f"s{seed}-a", arts.astype(str))),
        "date": pa.array(dates),
        "sentence_index": pa.array(rng.integers(0, 30, n).astype(np.int32)),
        "sentence": pa.array(np.char.add("Synthetic sentence about ", cameo)),
        "event_text": pa.array(cameo),
        "source_text": pa.array(src), "source_code": pa.array(src),
        "target_text": pa.array(tgt), "target_code": pa.array(tgt),
        "cameo": pa.array(cameo), "cameo_root": pa.array(root),
        "quad_class": pa.array(np.array([QUAD[r] for r in root], dtype=np.int32)),
        "goldstein": pa.array(goldstein),
        "modality": pa.array(rng.choice(np.array(["asserted"] * 9 + ["negated"]), n)),
        "source_key": pa.array(np.char.add("outlet", outlet.astype(str))),
        "ord": pa.array(np.arange(n, dtype=np.int64)),
    }
    cols["source_country"] = pa.array([s[:3] for s in src.tolist()])
    cols["target_country"] = pa.array([t[:3] for t in tgt.tolist()])
    cols["source_sector"] = pa.array([s[3:] or None for s in src.tolist()])
    cols["target_sector"] = pa.array([t[3:] or None for t in tgt.tolist()])
    table = pa.table({f.name: cols.get(f.name, pa.nulls(n, f.type)) for f in INCOMING_SCHEMA})
    return table.cast(INCOMING_SCHEMA)


def bench_bulk(path: Path, total: int, batch: int) -> dict[str, float]:
    tables = [synthetic_events(batch, seed=i, n_articles=batch // 4)
              for i in range(total // batch)]
    with Store(path, snapshot_every=None) as store:
        t0 = time.perf_counter()
        written = sum(store.write_events(t) for t in tables)
        elapsed = time.perf_counter() - t0
        counts = store.counts()
    return {"mentions": written, "events": counts["events"], "seconds": elapsed,
            "per_s": written / elapsed}


def article_result(i: int, rng: np.random.Generator) -> ArticleResult:
    text = f"Synthetic article {i} about the world, with a unique body {rng.random()}."
    art = Article(id=f"art{i}", text=text, publisher=f"outlet{i % 50}", published="2024-05-01",
                  story_id=f"story{i // 3}")
    events = []
    for j in range(8):
        s, t = rng.choice(COUNTRIES, 2)
        c = str(rng.choice(CAMEO))
        events.append(Event(article_id=art.id, date=f"2024-05-{1 + j % 28:02d}",
                            sentence_index=j, sentence=f"Sentence {j}.", source_code=s + "GOV",
                            target_code=t + "GOV", cameo=c, cameo_root=c[:2],
                            quad_class=QUAD[c[:2]], goldstein=1.0))
    return ArticleResult(article=art, events=events)


def bench_articles(path: Path, n: int) -> dict[str, float]:
    rng = np.random.default_rng(1)
    results = [article_result(i, rng) for i in range(n)]
    with Store(path, snapshot_every=None) as store:
        t0 = time.perf_counter()
        for r in results:
            store.write_result(r)
        elapsed = time.perf_counter() - t0
    return {"articles": n, "seconds": elapsed, "per_s": n / elapsed,
            "events_per_s": 8 * n / elapsed}


def build_big(path: Path, n: int) -> float:
    """Create an n-event store: merged-event rows generated in SQL (setup, not the bulk path)."""
    t0 = time.perf_counter()
    countries = ", ".join(f"'{c}'" for c in COUNTRIES)
    sectors = ", ".join(f"'{s}'" for s in SECTORS)
    cameos = ", ".join(f"'{c}'" for c in CAMEO)
    with Store(path, snapshot_every=None) as store:
        store.conn.execute(f"""
            INSERT INTO events (id, article_id, date, sentence_index, sentence, event_text,
                source_text, source_code, source_country, source_sector, target_text,
                target_code, target_country, target_sector, cameo, cameo_root, quad_class,
                goldstein, plover, modality, story_id, num_mentions, num_articles, num_sources,
                event_date, date_added)
            SELECT 'ev_' || lpad(to_hex(i), 16, '0'), 'a' || (i // 6), strftime(d, '%Y-%m-%d'),
                   (i % 20)::INTEGER, 'Synthetic sentence ' || i, 'did',
                   sc || ss, sc || ss, sc, nullif(ss, ''), tc || ts, tc || ts, tc, nullif(ts, ''),
                   c, left(c, 2), CASE WHEN left(c, 2) <= '05' THEN 1 WHEN left(c, 2) <= '08'
                   THEN 2 WHEN left(c, 2) IN ('14','15','17','18','19','20') THEN 4 ELSE 3 END,
                   round(random() * 20 - 10, 1), NULL,
                   CASE WHEN i % 10 = 0 THEN 'negated' ELSE 'asserted' END, 's' || (i // 12),
                   1 + (i % 7), 1 + (i % 5), 1 + (i % 4), d, current_timestamp
            FROM (SELECT i,
                    ([{countries}])[1 + floor(30 * pow(random(), 2))::INT] AS sc,
                    ([{countries}])[1 + floor(30 * pow(random(), 2))::INT] AS tc,
                    ([{sectors}])[1 + floor(random() * 9)::INT] AS ss,
                    ([{sectors}])[1 + floor(random() * 9)::INT] AS ts,
                    ([{cameos}])[1 + floor(random() * 32)::INT] AS c,
                    (DATE '2000-01-01' + (random() * 9131)::INT) AS d
                  FROM range({n}) t(i))""")
        store.conn.execute("CHECKPOINT")
    return time.perf_counter() - t0


def timed(fn, repeat: int = 5) -> tuple[float, float]:
    """Median and max wall time of `repeat` calls (after one warm-up)."""
    fn()
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times), max(times)


def bench_queries(path: Path, repeat: int = 5) -> dict[str, tuple[float, float]]:
    out = {}
    with Store(path, read_only=True) as store:
        out["dyad USA CHN month"] = timed(
            lambda: query.dyad(store, "USA", "CHN", freq="month"), repeat)
        out["dyad RUS UKR month (pandas)"] = timed(
            lambda: query.dyad(store, "RUS", "UKR", freq="month", output="pandas"), repeat)
        out["events source=RUS target=UKR root=19 2010..2015 limit 100"] = timed(
            lambda: query.events(store, source="RUS", target="UKR", root="19",
                                 since="2010-01-01", until="2015-12-31", limit=100), repeat)
        out["events source=IRNGOV quad=4 min_sources=3 limit 100"] = timed(
            lambda: query.events(store, source="IRNGOV", quad=4, min_sources=3, limit=100),
            repeat)
        out["events target=PRK since 2020 limit 100"] = timed(
            lambda: query.events(store, target="PRK", since="2020-01-01", limit=100), repeat)
        out["events country=IRN quad=4 limit 100"] = timed(
            lambda: query.events(store, country="IRN", quad=4, limit=100), repeat)
        out["events (no filter) limit 100"] = timed(lambda: query.events(store, limit=100), repeat)
        out["actors-top since 2020"] = timed(
            lambda: query.actors_top(store, since="2020-01-01"), repeat)
    # What a CLI call pays: open the file read-only, query, close.
    out["open + filtered events query + close (path)"] = timed(
        lambda: query.events(path, source="RUS", target="UKR", root="19", limit=100), repeat)
    return out


# -- concurrent readers ------------------------------------------------------------------
def _writer(path: str, seconds: float, snapshot_every: float | None, out: mp.Queue) -> None:
    rng = np.random.default_rng(7)
    n = 0
    publish = []
    with Store(path, snapshot_every=None) as store:
        store.snapshot_every = snapshot_every
        if snapshot_every is not None:
            store.publish_snapshot()
        else:
            snapshot_path(path).unlink(missing_ok=True)
        t0 = time.perf_counter()
        last = time.monotonic()
        while time.perf_counter() - t0 < seconds:
            store.write_result(article_result(1_000_000 + n, rng))
            n += 1
            if store._last_snapshot != last:  # a snapshot was published by that write
                last = store._last_snapshot
                publish.append(time.perf_counter())
        elapsed = time.perf_counter() - t0
    out.put({"articles": n, "per_s": n / elapsed, "snapshots": len(publish)})


def _reader(path: str, seconds: float, out: mp.Queue) -> None:
    lat, snap, fails = [], 0, 0
    t0 = time.perf_counter()
    while time.perf_counter() - t0 < seconds:
        s = time.perf_counter()
        try:
            with Store(path, read_only=True, lock_timeout=5) as store:
                query.events(store, source="USA", limit=20)
                snap += store.is_snapshot
        except Exception:  # noqa: BLE001 - counted, reported
            fails += 1
        lat.append(time.perf_counter() - s)
        time.sleep(0.05)
    out.put({"queries": len(lat), "median_ms": 1000 * statistics.median(lat),
             "p95_ms": 1000 * sorted(lat)[int(0.95 * len(lat))], "from_snapshot": snap,
             "failures": fails})


def bench_readers(path: Path, seconds: float, snapshot_every: float | None) -> dict:
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    w = ctx.Process(target=_writer, args=(str(path), seconds, snapshot_every, q))
    w.start()
    time.sleep(1.0)  # let the writer open the store and publish its first snapshot
    r = ctx.Process(target=_reader, args=(str(path), seconds - 1.0, q))
    r.start()
    r.join()
    w.join()
    results = [q.get(), q.get()]
    writer = next(x for x in results if "articles" in x)
    reader = next(x for x in results if "queries" in x)
    return {"writer": writer, "reader": reader, "size_mb": path.stat().st_size / 1e6}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bulk", type=int, default=1_000_000)
    ap.add_argument("--batch", type=int, nargs="*", default=[250_000, 100_000],
                    help="smaller batch sizes to measure besides one call with everything")
    ap.add_argument("--articles", type=int, default=1000)
    ap.add_argument("--big", type=int, default=10_000_000)
    ap.add_argument("--reader-seconds", type=float, default=15.0)
    ap.add_argument("--snapshot-every", type=float, default=5.0,
                    help="writer's snapshot interval in the readers run")
    ap.add_argument("--dir", type=Path, default=None, help="work folder (default: temporary)")
    ap.add_argument("--skip-big", action="store_true")
    ap.add_argument("--skip-readers", action="store_true")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory(prefix="newsevents-bench-")
    work = args.dir or Path(tmp.name)
    work.mkdir(parents=True, exist_ok=True)

    print(f"load average at start: {os.getloadavg()[0]:.1f} (2 cores, shared)")
    for batch in sorted({args.bulk, *args.batch}, reverse=True):
        bulk_db = work / f"bulk-{batch}.duckdb"
        b = bench_bulk(bulk_db, args.bulk, batch)
        print(f"bulk: {b['mentions']:,} coded events in {args.bulk // batch} write_events "
              f"call(s) of {batch:,} -> {b['events']:,} merged events in {b['seconds']:.1f} s "
              f"= {b['per_s']:,.0f} events/s")
    a = bench_articles(bulk_db, args.articles)
    print(f"per-article: {a['articles']} write_result transactions (8 events each) on the "
          f"{b['events']:,}-event store in {a['seconds']:.1f} s = {a['per_s']:.0f} articles/s "
          f"({a['events_per_s']:.0f} events/s)")
    if not args.skip_readers:
        for every in (args.snapshot_every, None):
            r = bench_readers(bulk_db, args.reader_seconds, every)
            w, rd = r["writer"], r["reader"]
            print(f"readers (snapshot_every={every}, store {r['size_mb']:.0f} MB): writer "
                  f"{w['per_s']:.0f} articles/s, {w['snapshots']} snapshots; reader "
                  f"{rd['queries']} queries, median {rd['median_ms']:.0f} ms, p95 "
                  f"{rd['p95_ms']:.0f} ms, {rd['from_snapshot']} from snapshot, "
                  f"{rd['failures']} failed")
    if not args.skip_big:
        big_db = work / "big.duckdb"
        built = build_big(big_db, args.big)
        print(f"big store: {args.big:,} events generated in {built:.1f} s "
              f"({big_db.stat().st_size / 1e9:.2f} GB)")
        before = bench_queries(big_db)
        with Store(big_db, snapshot_every=None) as store:
            took = store.optimize()
        print(f"Store.optimize() (cluster by source, target, date): {took:.1f} s")
        after = bench_queries(big_db)
        for name, (med, worst) in after.items():
            print(f"query {name}: median {1000 * med:.0f} ms (max {1000 * worst:.0f} ms); "
                  f"before optimize {1000 * before[name][0]:.0f} ms")
    tmp.cleanup()


if __name__ == "__main__":
    main()
