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

import warnings

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

# A partial date ("2024-03", "2024") still places the event in time.
EVENT_DATE_SQL = (
    "coalesce(try_cast(left(date, 10) AS DATE), try_cast(left(date, 7) || '-01' AS DATE), "
    "try_cast(left(date, 4) || '-01-01' AS DATE))"
)


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
    conn.execute(
        f"""CREATE OR REPLACE TEMP TABLE _first AS
            SELECT event_id, {first_cols}, event_date_ FROM _inc
            QUALIFY row_number() OVER (PARTITION BY event_id ORDER BY ord) = 1"""
    )
    conn.execute(
        f"""INSERT OR IGNORE INTO events
            SELECT event_id, {first_cols}, 0, 0, 0, event_date_, current_timestamp FROM _first"""
    )
    with warnings.catch_warnings():
        # RETURNING rows exist only as a DB-API result; the copy it warns of is the point.
        warnings.simplefilter("ignore", UserWarning)
        new_sources = conn.execute(
            """INSERT OR IGNORE INTO event_sources
               SELECT DISTINCT event_id, source_key FROM _inc RETURNING event_id"""
        ).to_arrow_table()
    conn.register("_newsrc", new_sources)
    try:
        fills = ", ".join(f"f.{c}" for c in FILL_COLUMNS)
        conn.execute(
            f"""CREATE OR REPLACE TEMP TABLE _upd AS
                SELECT a.event_id, a.m, a.na, coalesce(s.ns, 0) AS ns, {fills}
                FROM (SELECT event_id, count(*) AS m, count(DISTINCT article_id) AS na
                      FROM _inc GROUP BY event_id) a
                LEFT JOIN (SELECT event_id, count(*) AS ns FROM _newsrc GROUP BY event_id) s
                    USING (event_id)
                JOIN _first f USING (event_id)"""
        )
    finally:
        conn.unregister("_newsrc")
    sets = ", ".join(
        ["num_mentions = num_mentions + {m}", "num_articles = num_articles + {na}",
         "num_sources = num_sources + {ns}"]
        + [f"{c} = coalesce({c}, {{{c}}})" for c in FILL_COLUMNS]
    )
    touched = conn.execute("SELECT count(*) FROM _upd").fetchall()[0][0]
    if touched <= small:
        # Point updates through the primary-key index: a join would scan the
        # whole events table for every article once the store is large.
        names = ["m", "na", "ns", *FILL_COLUMNS]
        params = conn.execute(f"SELECT {', '.join(names)}, event_id FROM _upd").fetchall()
        placeholders = sets.format(**{k: "?" for k in names})
        conn.executemany(f"UPDATE events SET {placeholders} WHERE id = ?", params)
    else:
        values = {"m": "u.m", "na": "u.na", "ns": "u.ns", **{c: f"u.{c}" for c in FILL_COLUMNS}}
        conn.execute(
            f"UPDATE events SET {sets.format(**values)} FROM _upd u WHERE events.id = u.event_id"
        )
    for name in ("_inc", "_first", "_upd"):
        conn.execute(f"DROP TABLE IF EXISTS {name}")
    return n
