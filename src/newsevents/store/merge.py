"""Merging coded events into GDELT-style events with mentions.

A wire story printed by forty outlets, or one claim repeated in three
sentences, is one event reported many times. Incoming coded events (one per
sentence that states them) are keyed by who did what to whom and when; rows
with the same key become one row of `events`, and every report of it becomes
a row of `mentions` that keeps its provenance (article, sentence).

The key (`KEY_SQL`) is:

    scope | source | target | cameo | modality

where scope is the event's day (``day`` merging, the default, as the issue
asks: the same event reported by several stories on a day is one event) or
the story plus day (``story`` merging). An event with no usable date merges
only within its story. Unresolved actors (no code) key on their lower-cased
text, so two different unknown actors are not conflated.

The key lives in SQL only, so the per-article ingest, the bulk path and the
schema migration all use the very same definition.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Any

import duckdb
import pyarrow as pa

#: Columns of the merged `events` table, in output order (model.Event first).
EVENT_COLUMNS_V2: tuple[str, ...] = (
    "id", "article_id", "input_id", "date", "sentence_index", "sentence", "event_text",
    "source_text", "source_code", "source_country", "source_sector", "target_text",
    "target_code", "target_country", "target_sector", "cameo", "cameo_root", "quad_class",
    "goldstein", "plover", "plover_mode", "modality", "attribution_text", "attribution_code",
    "date_precision", "location_name", "location_country", "latitude", "longitude",
    "story_id", "num_mentions", "num_articles", "num_sources", "event_date", "date_added",
)

#: Arrow schema of incoming coded events (one row per mention-to-be).
INCOMING_SCHEMA = pa.schema([
    ("id", pa.string()), ("article_id", pa.string()), ("input_id", pa.string()),
    ("date", pa.string()), ("sentence_index", pa.int32()), ("sentence", pa.string()),
    ("event_text", pa.string()), ("source_text", pa.string()), ("source_code", pa.string()),
    ("source_country", pa.string()), ("source_sector", pa.string()),
    ("target_text", pa.string()), ("target_code", pa.string()),
    ("target_country", pa.string()), ("target_sector", pa.string()), ("cameo", pa.string()),
    ("cameo_root", pa.string()), ("quad_class", pa.int32()), ("goldstein", pa.float64()),
    ("plover", pa.string()), ("plover_mode", pa.string()), ("modality", pa.string()),
    ("attribution_text", pa.string()), ("attribution_code", pa.string()),
    ("date_precision", pa.string()), ("location_name", pa.string()),
    ("location_country", pa.string()), ("latitude", pa.float64()), ("longitude", pa.float64()),
    ("story_id", pa.string()), ("source_key", pa.string()), ("ord", pa.int64()),
])

#: Columns that a later mention may fill in when the first one left them empty.
FILL_COLUMNS: tuple[str, ...] = (
    "input_id", "source_country", "source_sector", "target_country", "target_sector",
    "quad_class", "goldstein", "plover", "plover_mode", "attribution_text", "attribution_code",
    "date_precision", "location_name", "location_country", "latitude", "longitude", "story_id",
)

SCOPES = ("day", "story")

# A partial date ("2024-03", "2024") still places the event in time. Only
# zero-padded ISO prefixes count, so that Python (`event_day`) and SQL agree.
EVENT_DATE_SQL = (
    "coalesce("
    "CASE WHEN regexp_full_match(left(date, 10), '[0-9]{4}-[0-9]{2}-[0-9]{2}') "
    "THEN try_cast(left(date, 10) AS DATE) END, "
    "CASE WHEN regexp_full_match(left(date, 7), '[0-9]{4}-[0-9]{2}') "
    "THEN try_cast(left(date, 7) || '-01' AS DATE) END, "
    "CASE WHEN regexp_full_match(left(date, 4), '[0-9]{4}') "
    "THEN try_cast(left(date, 4) || '-01-01' AS DATE) END)"
)
_DATE_FORMS = ((10, "", re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")),
               (7, "-01", re.compile(r"[0-9]{4}-[0-9]{2}")),
               (4, "-01-01", re.compile(r"[0-9]{4}")))


def event_day(date: str | None) -> dt.date | None:
    """The day an event's `date` string places it on (Python twin of `EVENT_DATE_SQL`)."""
    if date is None:
        return None
    for width, suffix, form in _DATE_FORMS:
        part = date[:width]
        if form.fullmatch(part):
            try:
                return dt.date.fromisoformat(part + suffix)
            except ValueError:
                continue
    return None


def _first(*values: str | None) -> str:
    return next((v for v in values if v is not None), "")


def _actor_key(code: str | None, text: str | None) -> str:
    if code is not None and code != "":
        return code
    return "~" + text.strip(" ").lower() if text is not None else ""


def event_id(row: dict[str, Any], scope: str = "day") -> tuple[str, dt.date | None]:
    """Return (event id, day) of one coded event: the Python twin of `event_id_sql`.

    The per-article ingest uses this; the bulk path and the migrations use the
    SQL. tests/store check that both give the same ids.
    """
    day = event_day(row.get("date"))
    story = _first(row.get("story_id"), row.get("article_id"))
    if scope == "day":
        where = f"d:{day.isoformat()}" if day is not None else f"s:{story}"
    elif scope == "story":
        where = f"s:{story}|{day.isoformat() if day is not None else ''}"
    else:
        raise ValueError(f"merge scope must be one of {SCOPES}, not {scope!r}")
    key = "|".join((where, _actor_key(row.get("source_code"), row.get("source_text")),
                    _actor_key(row.get("target_code"), row.get("target_text")),
                    _first(row.get("cameo")), _first(row.get("modality"), "asserted")))
    return "ev_" + hashlib.md5(key.encode("utf-8")).hexdigest()[:16], day


def key_sql(scope: str) -> str:
    """Return the SQL expression of the merge key over a row with `event_date_`.

    Args:
        scope: "day" (merge across stories on a day) or "story".

    Returns:
        A VARCHAR expression; equal keys mean one event.
    """
    if scope not in SCOPES:
        raise ValueError(f"merge scope must be one of {SCOPES}, not {scope!r}")
    story = "coalesce(story_id, article_id, '')"
    day = "strftime(event_date_, '%Y-%m-%d')"
    if scope == "day":
        where = f"CASE WHEN event_date_ IS NOT NULL THEN 'd:' || {day} ELSE 's:' || {story} END"
    else:
        where = f"'s:' || {story} || '|' || coalesce({day}, '')"
    actor = "coalesce(nullif({c}_code, ''), '~' || lower(trim({c}_text)), '')"
    return (
        f"concat_ws('|', {where}, {actor.format(c='source')}, {actor.format(c='target')}, "
        "coalesce(cameo, ''), coalesce(modality, 'asserted'))"
    )


def event_id_sql(scope: str) -> str:
    """The SQL expression of a merged event's id: a short stable hash of its key."""
    return f"'ev_' || left(md5({key_sql(scope)}), 16)"


def merge_incoming(conn: duckdb.DuckDBPyConnection, incoming: pa.Table | duckdb.DuckDBPyRelation,
                   scope: str = "day", small: int = 256) -> int:
    """Merge incoming coded events into `events`, `mentions` and `event_sources`.

    Runs inside the caller's transaction (it opens none). The incoming rows
    are new reports: each adds a mention, and an article not seen before for
    the event adds to num_articles (the ingest writes each article once).

    Args:
        conn: A read-write connection, inside a transaction.
        incoming: Rows with the columns of `INCOMING_SCHEMA` (extra columns are ignored).
        scope: Merge scope, see `key_sql`.
        small: Up to this many touched events, counts are updated by primary-key
            point updates (cheap on a big store); above it, by one set-based join.

    Returns:
        The number of mentions written.
    """
    conn.register("_in", incoming)
    try:
        conn.execute(
            f"""CREATE OR REPLACE TEMP TABLE _inc AS
            SELECT * FROM (
                SELECT *, {event_id_sql(scope)} AS event_id FROM (
                    SELECT * REPLACE (
                               coalesce(nullif(modality, ''), 'asserted') AS modality,
                               coalesce(source_key, 'article:' || article_id, 'unknown')
                                   AS source_key),
                           {EVENT_DATE_SQL} AS event_date_
                    FROM _in))
            QUALIFY row_number() OVER (
                PARTITION BY event_id, article_id, sentence_index ORDER BY ord) = 1"""
        )
    finally:
        conn.unregister("_in")
    n = conn.execute("SELECT count(*) FROM _inc").fetchall()[0][0]
    if n == 0:
        return 0
    conn.execute(
        """INSERT INTO mentions
           SELECT event_id, article_id, input_id, sentence_index, sentence, event_text,
                  source_text, target_text, attribution_text, attribution_code, id,
                  story_id, source_key, date, current_timestamp
           FROM _inc ORDER BY ord"""
    )
    first_cols = ", ".join(c for c in EVENT_COLUMNS_V2[1:30])
    # One row per touched event: its first report's fields and this batch's counts.
    conn.execute(
        f"""CREATE OR REPLACE TEMP TABLE _first AS
            SELECT f.*, a.m, a.na, (f.event_id IN (SELECT id FROM events)) AS known
            FROM (SELECT event_id, {first_cols}, event_date_ FROM _inc
                  QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ord) = 1) f
            JOIN (SELECT event_id, count(*) AS m, count(DISTINCT article_id) AS na
                  FROM _inc GROUP BY event_id) a USING (event_id)"""
    )
    # Outlets not yet counted for their event: all of a new event's, and those
    # of a known event that event_sources does not list yet.
    conn.execute(
        """CREATE OR REPLACE TEMP TABLE _newsrc AS
           SELECT DISTINCT i.event_id, i.source_key FROM _inc i
           JOIN _first f USING (event_id)
           WHERE NOT f.known OR NOT EXISTS (
               SELECT 1 FROM event_sources s
               WHERE s.event_id = i.event_id AND s.source_key = i.source_key)"""
    )
    conn.execute("INSERT INTO event_sources SELECT event_id, source_key FROM _newsrc")
    conn.execute(
        f"""INSERT INTO events
            SELECT f.event_id, {', '.join('f.' + c for c in EVENT_COLUMNS_V2[1:30])},
                   f.m, f.na, coalesce(s.ns, 0), f.event_date_, current_timestamp
            FROM _first f
            LEFT JOIN (SELECT event_id, count(*) AS ns FROM _newsrc GROUP BY event_id) s
                USING (event_id)
            WHERE NOT f.known"""
    )
    fills = ", ".join(f"f.{c}" for c in FILL_COLUMNS)
    conn.execute(
        f"""CREATE OR REPLACE TEMP TABLE _upd AS
            SELECT f.event_id, f.m, f.na, coalesce(s.ns, 0) AS ns, {fills}
            FROM _first f
            LEFT JOIN (SELECT event_id, count(*) AS ns FROM _newsrc GROUP BY event_id) s
                USING (event_id)
            WHERE f.known"""
    )
    sets = ", ".join(
        ["num_mentions = {t}num_mentions + {m}", "num_articles = {t}num_articles + {na}",
         "num_sources = {t}num_sources + {ns}"]
        + [f"{c} = coalesce({{t}}{c}, {{{c}}})" for c in FILL_COLUMNS]
    )
    touched = conn.execute("SELECT count(*) FROM _upd").fetchall()[0][0]
    if 0 < touched <= small:
        # Point updates through the primary-key index: a join would scan the
        # whole events table for a handful of rows.
        names = ["m", "na", "ns", *FILL_COLUMNS]
        params = conn.execute(f"SELECT {', '.join(names)}, event_id FROM _upd").fetchall()
        placeholders = sets.format(t="", **{k: "?" for k in names})
        conn.executemany(f"UPDATE events SET {placeholders} WHERE id = ?", params)
    elif touched:
        values = {"m": "u.m", "na": "u.na", "ns": "u.ns", **{c: f"u.{c}" for c in FILL_COLUMNS}}
        conn.execute(
            f"UPDATE events SET {sets.format(t='events.', **values)} "
            "FROM _upd u WHERE events.id = u.event_id"
        )
    for name in ("_inc", "_first", "_newsrc", "_upd"):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    return n


# -- the per-article path ------------------------------------------------------------------
#: Columns the merge key reads (see `key_sql`).
KEY_INPUTS: tuple[str, ...] = ("date", "story_id", "article_id", "source_code", "source_text",
                               "target_code", "target_text", "cameo", "modality")
_FILL_TYPES = {"quad_class": "INTEGER", "goldstein": "DOUBLE", "latitude": "DOUBLE",
               "longitude": "DOUBLE"}


def event_keys(conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]],
               scope: str = "day") -> list[tuple[str, Any]]:
    """Return (event_id, event_date) for each row, computed by the SQL key (one query).

    Args:
        conn: Any connection.
        rows: Dicts with the `KEY_INPUTS` fields.
        scope: Merge scope, see `key_sql`.

    Returns:
        One (id, date or None) per row, in order.
    """
    if not rows:
        return []
    one = "(" + ", ".join(["CAST(? AS BIGINT)"] + ["CAST(? AS VARCHAR)"] * len(KEY_INPUTS)) + ")"
    params: list[Any] = []
    for i, r in enumerate(rows):
        params.append(i)
        params.extend(r.get(k) for k in KEY_INPUTS)
    sql = (f"SELECT {event_id_sql(scope)}, event_date_ FROM ("
           f"SELECT *, {EVENT_DATE_SQL} AS event_date_ FROM (VALUES {', '.join([one] * len(rows))})"
           f" t(_ord, {', '.join(KEY_INPUTS)})) ORDER BY _ord")
    return [(eid, day) for eid, day in conn.execute(sql, params).fetchall()]


def merge_rows(conn: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]],
               scope: str = "day") -> int:
    """Merge a few incoming coded events (one article's) with a handful of statements.

    Same result as `merge_incoming`, tuned for the ingest's one-article
    transactions: the key is computed by the same SQL, existing events are
    found and updated through the primary-key index, and new events are
    inserted with their final counts.

    Args:
        conn: A read-write connection, inside a transaction.
        rows: Dicts with the `INCOMING_SCHEMA` fields, in arrival order.
        scope: Merge scope, see `key_sql`.

    Returns:
        The number of mentions written.
    """
    for r in rows:
        r["modality"] = r.get("modality") or "asserted"
        r["source_key"] = r.get("source_key") or (
            f"article:{r['article_id']}" if r.get("article_id") is not None else "unknown")
    seen: set[tuple[Any, ...]] = set()
    mentions: list[dict[str, Any]] = []
    first: dict[str, dict[str, Any]] = {}
    for r in rows:
        eid, day = event_id(r, scope)
        mkey = (eid, r.get("article_id"), r.get("sentence_index"))
        if mkey in seen:
            continue
        seen.add(mkey)
        r["event_id"], r["event_date_"] = eid, day
        mentions.append(r)
        first.setdefault(eid, r)
    if not mentions:
        return 0
    ids = list(first)
    marks = ", ".join("?" * len(ids))
    existing = {row[0] for row in conn.execute(
        f"SELECT id FROM events WHERE id IN ({marks})", ids).fetchall()}

    mention_cols = ("event_id", "article_id", "input_id", "sentence_index", "sentence",
                    "event_text", "source_text", "target_text", "attribution_text",
                    "attribution_code", "id", "story_id", "source_key", "date")
    one = "(" + ", ".join("?" * len(mention_cols)) + ", current_timestamp)"
    conn.execute(f"INSERT INTO mentions VALUES {', '.join([one] * len(mentions))}",
                 [m.get(c) for m in mentions for c in mention_cols])

    pairs = sorted({(m["event_id"], m["source_key"]) for m in mentions})
    new_pairs = conn.execute(
        "INSERT OR IGNORE INTO event_sources VALUES "
        + ", ".join(["(?, ?)"] * len(pairs)) + " RETURNING event_id",
        [x for p in pairs for x in p]).fetchall()
    new_sources: dict[str, int] = {}
    for (eid,) in new_pairs:
        new_sources[eid] = new_sources.get(eid, 0) + 1
    counts: dict[str, list[Any]] = {}
    for m in mentions:
        c = counts.setdefault(m["event_id"], [0, set()])
        c[0] += 1
        c[1].add(m.get("article_id"))

    fresh = [eid for eid in ids if eid not in existing]
    if fresh:
        cols = EVENT_COLUMNS_V2[1:30]
        one = "(" + ", ".join("?" * (len(cols) + 5)) + ", current_timestamp)"
        params: list[Any] = []
        for eid in fresh:
            f = first[eid]
            params.append(eid)
            params.extend(f.get(c) for c in cols)
            params.extend([counts[eid][0], len(counts[eid][1]), new_sources.get(eid, 0),
                           f["event_date_"]])
        conn.execute(f"INSERT INTO events VALUES {', '.join([one] * len(fresh))}", params)

    old = [eid for eid in ids if eid in existing]
    if old:
        _update_existing(conn, old, first, counts, new_sources)
    return len(mentions)


def _update_existing(conn: duckdb.DuckDBPyConnection, ids: list[str],
                     first: dict[str, dict[str, Any]], counts: dict[str, list[Any]],
                     new_sources: dict[str, int]) -> None:
    """Add counts to (and fill gaps of) existing events in one index-driven UPDATE."""
    sets: list[str] = []
    params: list[Any] = []

    def case(values: list[Any], typ: str) -> str:
        arms = " ".join(f"WHEN ? THEN CAST(? AS {typ})" for _ in ids)
        for eid, v in zip(ids, values, strict=True):
            params.extend([eid, v])
        return f"CASE id {arms} END"

    for col, values in (("num_mentions", [counts[e][0] for e in ids]),
                        ("num_articles", [len(counts[e][1]) for e in ids]),
                        ("num_sources", [new_sources.get(e, 0) for e in ids])):
        sets.append(f"{col} = {col} + {case(values, 'INTEGER')}")
    for col in FILL_COLUMNS:
        values = [first[e].get(col) for e in ids]
        if any(v is not None for v in values):
            sets.append(f"{col} = coalesce({col}, {case(values, _FILL_TYPES.get(col, 'VARCHAR'))})")
    params.extend(ids)
    conn.execute(f"UPDATE events SET {', '.join(sets)} WHERE id IN ({', '.join('?' * len(ids))})",
                 params)
