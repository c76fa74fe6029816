"""The store's tables and the migrations that build them, one version at a time.

Each migration is frozen once released: it says what *that* version of the
schema was, so a store written by any older newsevents can be brought up to
date on open. A change to the tables is a new function appended to
`MIGRATIONS`, never an edit of an old one.

Version history:
    1. The foundation: articles, events (one row per coded event, the
       24 contract fields), errors.
    2. Syndication-aware storage: articles gain story_id/duplicate_of; events
       become merged events (one row per who-did-what-to-whom per day) with
       num_mentions/num_articles/num_sources; a `mentions` table keeps the
       provenance of each; `event_sources`, `sentences` and `runs` tables.
"""

from __future__ import annotations

from collections.abc import Callable

import duckdb

from .merge import EVENT_COLUMNS_V2, merge_incoming

#: Column name -> DuckDB type of the version-2 events table (order = output order).
EVENT_TYPES_V2: dict[str, str] = {
    "id": "VARCHAR PRIMARY KEY",
    "article_id": "VARCHAR",
    "input_id": "VARCHAR",
    "date": "VARCHAR",
    "sentence_index": "INTEGER",
    "sentence": "VARCHAR",
    "event_text": "VARCHAR",
    "source_text": "VARCHAR",
    "source_code": "VARCHAR",
    "source_country": "VARCHAR",
    "source_sector": "VARCHAR",
    "target_text": "VARCHAR",
    "target_code": "VARCHAR",
    "target_country": "VARCHAR",
    "target_sector": "VARCHAR",
    "cameo": "VARCHAR",
    "cameo_root": "VARCHAR",
    "quad_class": "INTEGER",
    "goldstein": "DOUBLE",
    "plover": "VARCHAR",
    "plover_mode": "VARCHAR",
    "modality": "VARCHAR",
    "attribution_text": "VARCHAR",
    "attribution_code": "VARCHAR",
    "date_precision": "VARCHAR",
    "location_name": "VARCHAR",
    "location_country": "VARCHAR",
    "latitude": "DOUBLE",
    "longitude": "DOUBLE",
    "story_id": "VARCHAR",
    "num_mentions": "INTEGER",
    "num_articles": "INTEGER",
    "num_sources": "INTEGER",
    # Store-only columns (not in model.Event): a real DATE for fast filters and
    # partitions, and when the event first reached this store (GDELT DATEADDED).
    "event_date": "DATE",
    "date_added": "TIMESTAMP",
}
assert tuple(EVENT_TYPES_V2) == EVENT_COLUMNS_V2


def _v1(conn: duckdb.DuckDBPyConnection) -> None:
    conn.execute("CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR)")
    conn.execute(
        """CREATE TABLE articles (
            id VARCHAR PRIMARY KEY, url VARCHAR, title VARCHAR, published VARCHAR,
            authors VARCHAR[], agency VARCHAR, dateline VARCHAR, publisher VARCHAR,
            language VARCHAR, text VARCHAR, source_path VARCHAR,
            content_hash VARCHAR NOT NULL UNIQUE, input_id VARCHAR,
            ingested_at TIMESTAMP DEFAULT current_timestamp)"""
    )
    conn.execute(
        """CREATE TABLE events (
            id VARCHAR PRIMARY KEY, article_id VARCHAR, input_id VARCHAR, date VARCHAR,
            sentence_index INTEGER, sentence VARCHAR, event_text VARCHAR,
            source_text VARCHAR, source_code VARCHAR, source_country VARCHAR,
            source_sector VARCHAR, target_text VARCHAR, target_code VARCHAR,
            target_country VARCHAR, target_sector VARCHAR, cameo VARCHAR,
            cameo_root VARCHAR, quad_class INTEGER, goldstein DOUBLE, plover VARCHAR,
            plover_mode VARCHAR, modality VARCHAR, attribution_text VARCHAR,
            attribution_code VARCHAR)"""
    )
    conn.execute(
        """CREATE TABLE errors (
            run_id VARCHAR, source_path VARCHAR, stage VARCHAR, reason VARCHAR,
            detail VARCHAR, locator VARCHAR, created_at TIMESTAMP DEFAULT current_timestamp)"""
    )


def _v2(conn: duckdb.DuckDBPyConnection) -> None:
    for col in ("story_id", "duplicate_of", "skipped_reason", "run_id", "source_key"):
        conn.execute(f"ALTER TABLE articles ADD COLUMN {col} VARCHAR")
    conn.execute("ALTER TABLE articles ADD COLUMN num_sentences INTEGER")
    # Articles stored before syndication detection count as their own outlet.
    conn.execute(
        """UPDATE articles SET source_key = coalesce(
               nullif(lower(trim(publisher)), ''),
               nullif(regexp_extract(lower(url), '^[a-z]+://(?:www\\.)?([^/:?#]+)', 1), ''),
               'article:' || id)"""
    )
    cols = ",\n".join(f"{name} {typ}" for name, typ in EVENT_TYPES_V2.items())
    conn.execute("ALTER TABLE events RENAME TO events_v1")
    conn.execute(f"CREATE TABLE events ({cols})")
    conn.execute(
        """CREATE TABLE mentions (
            event_id VARCHAR, article_id VARCHAR, input_id VARCHAR, sentence_index INTEGER,
            sentence VARCHAR, event_text VARCHAR, source_text VARCHAR, target_text VARCHAR,
            attribution_text VARCHAR, attribution_code VARCHAR, coded_id VARCHAR,
            story_id VARCHAR, source_key VARCHAR, date VARCHAR,
            added_at TIMESTAMP DEFAULT current_timestamp)"""
    )
    conn.execute(
        """CREATE TABLE event_sources (
            event_id VARCHAR, source_key VARCHAR, PRIMARY KEY (event_id, source_key))"""
    )
    conn.execute(
        """CREATE TABLE sentences (
            article_id VARCHAR, sentence_index INTEGER, text VARCHAR,
            start_char INTEGER, end_char INTEGER)"""
    )
    conn.execute(
        """CREATE TABLE runs (
            run_id VARCHAR PRIMARY KEY, started_at TIMESTAMP, finished_at TIMESTAMP,
            config JSON, summary JSON)"""
    )
    # Re-key the foundation's one-row-per-coded-event table into merged events,
    # through the same merge the ingest uses, so old and new rows agree.
    incoming = conn.sql(
        """SELECT e.*, NULL::VARCHAR AS date_precision, NULL::VARCHAR AS location_name,
                  NULL::VARCHAR AS location_country, NULL::DOUBLE AS latitude,
                  NULL::DOUBLE AS longitude, NULL::VARCHAR AS story_id,
                  1 AS num_mentions, 1 AS num_articles, 1 AS num_sources,
                  coalesce(a.source_key, 'article:' || coalesce(e.article_id, e.id)) AS source_key,
                  row_number() OVER (ORDER BY a.ingested_at, e.article_id, e.sentence_index)
                      AS ord
           FROM events_v1 e LEFT JOIN articles a ON a.id = e.article_id"""
    ).to_arrow_table()
    merge_incoming(conn, incoming, scope=get_meta(conn, "merge_scope") or "day")
    conn.execute("DROP TABLE events_v1")
    conn.execute("CREATE INDEX mentions_event ON mentions (event_id)")


#: (version, migration) in order; a store at version N runs every later one.
MIGRATIONS: list[tuple[int, Callable[[duckdb.DuckDBPyConnection], None]]] = [
    (1, _v1),
    (2, _v2),
]
SCHEMA_VERSION = MIGRATIONS[-1][0]


def get_meta(conn: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """Read one value of the `meta` table (None when absent or no table yet)."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", [key]).fetchall()
    except duckdb.CatalogException:
        return None
    return row[0][0] if row else None


def set_meta(conn: duckdb.DuckDBPyConnection, key: str, value: str) -> None:
    """Write one value of the `meta` table."""
    conn.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])


def current_version(conn: duckdb.DuckDBPyConnection) -> int:
    """Return the schema version of an open store (0 for an empty database)."""
    value = get_meta(conn, "schema_version")
    return int(value) if value else 0


def migrate(conn: duckdb.DuckDBPyConnection, target: int = SCHEMA_VERSION) -> list[int]:
    """Bring a store up to `target`, each step in its own transaction.

    Args:
        conn: A read-write connection.
        target: The version to stop at (tests build old stores with it).

    Returns:
        The versions applied, in order (empty when already current).
    """
    applied = []
    for version, step in MIGRATIONS:
        if version <= current_version(conn) or version > target:
            continue
        conn.execute("BEGIN TRANSACTION")
        try:
            step(conn)
            set_meta(conn, "schema_version", str(version))
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        applied.append(version)
    return applied
