"""The DuckDB store: articles, merged events with their mentions, errors and runs.

    >>> from newsevents.store import Store
    >>> with Store("news.duckdb") as store:
    ...     run_id = store.start_run({"model": "en_core_web_sm"})
    ...     store.write_result(result)        # one transaction per article
    ...     store.finish_run(run_id, {"articles": 1})

Guarantees:
    * Idempotent ingest: an article whose content hash is stored is refused
      (`write_result` returns False and writes nothing).
    * Atomic articles: the article row, its sentences, events and mentions
      commit together or not at all.
    * Versioned schema: opening a store runs any pending migration
      (`schema.MIGRATIONS`); a read-only open of an outdated store refuses.
    * One writer, many readers: DuckDB lets one process hold a file for
      writing. While it does, readers in other processes open the latest
      snapshot (`<db>.snapshot`), which the writer publishes when a run
      starts (if there is none), after commits at most every `snapshot_every`
      seconds, when a run finishes and when it closes. See
      docs/bench-parts/store.md for the measurements behind this choice.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import uuid
from pathlib import Path
from types import TracebackType
from typing import Any

import duckdb
import pyarrow as pa

from ..errors import NewsEventsError
from ..model import ArticleResult, ErrorRecord, Event
from .merge import EVENT_COLUMNS_V2, INCOMING_SCHEMA, SCOPES, merge_incoming, merge_rows
from .schema import SCHEMA_VERSION, current_version, get_meta, migrate, set_meta

__all__ = ["Store", "StoreError", "StoreLocked", "SCHEMA_VERSION", "EVENT_COLUMNS_V2",
           "source_key", "snapshot_path"]

_HOST = re.compile(r"^[a-z][a-z0-9+.-]*://(?:www\.)?([^/:?#]+)")


class StoreError(NewsEventsError):
    """The store cannot be opened or written (locked, too new, missing)."""


class StoreLocked(StoreError):
    """Another process holds the store file for writing (or reading, for a writer)."""


def snapshot_path(path: str | Path) -> Path:
    """Where the readers' snapshot of a store lives: beside it."""
    path = Path(path)
    return path.with_name(path.name + ".snapshot")


def source_key(publisher: str | None, url: str | None, article_id: str) -> str:
    """Return the key that counts distinct outlets (GDELT's NumSources).

    Args:
        publisher: The outlet's name when known.
        url: The article's URL (its host stands in for an unknown publisher).
        article_id: Last resort: an article of unknown origin is its own outlet.

    Returns:
        A lower-cased publisher name, a host name, or "article:<id>".
    """
    if publisher and publisher.strip():
        return publisher.strip().lower()
    if url:
        m = _HOST.match(url.strip().lower())
        if m:
            return m.group(1)
    return f"article:{article_id}"


def _is_lock_error(exc: Exception) -> bool:
    text = str(exc).lower()
    return "lock" in text or "different configuration" in text


class Store:
    """A newsevents DuckDB store (file, or ":memory:" for tests).

    Args:
        path: The DuckDB file; created (with its parent folder) when writing.
        read_only: Open for queries only. When a writer holds the file, the
            latest snapshot is opened instead (`is_snapshot` is then True).
        merge: Event merge scope for a new store, "day" (default) or "story"
            (see `store.merge`); an existing store keeps the scope it was built with.
        snapshot_every: Seconds between snapshots for readers while writing;
            None disables snapshots (e.g. a private or in-memory store).
        lock_timeout: Seconds to keep retrying while another process holds the file.

    Raises:
        StoreError: The file is missing (read-only), or its schema is newer
            than this newsevents, or outdated and opened read-only.
        StoreLocked: The file stayed locked for `lock_timeout` seconds.
    """

    def __init__(self, path: str | Path = "newsevents.duckdb", read_only: bool = False,
                 merge: str | None = None, snapshot_every: float | None = 30.0,
                 lock_timeout: float = 10.0) -> None:
        self.path = Path(path) if str(path) != ":memory:" else None
        self.read_only = read_only
        self.is_snapshot = False
        self.snapshot_every = snapshot_every if self.path is not None else None
        self._dirty = False
        self._last_snapshot = time.monotonic()
        if merge is not None and merge not in SCOPES:
            raise StoreError(f"merge scope must be one of {SCOPES}, not {merge!r}")
        self.conn = self._connect(lock_timeout)
        # DuckDB draws progress bars on stdout for long statements; our stdout
        # carries JSONL/CSV/TSV output.
        self.conn.execute("SET enable_progress_bar = false")
        self._check_schema(merge)

    # -- opening ----------------------------------------------------------------
    def _connect(self, lock_timeout: float) -> duckdb.DuckDBPyConnection:
        if self.path is None:
            if self.read_only:
                raise StoreError("an in-memory store cannot be opened read-only")
            return duckdb.connect(":memory:")
        if self.read_only and not self.path.exists():
            raise StoreError(f"no store at {self.path}; run `newsevents run` first")
        if not self.read_only:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        deadline = time.monotonic() + lock_timeout
        while True:
            try:
                return duckdb.connect(str(self.path), read_only=self.read_only)
            except (duckdb.IOException, duckdb.ConnectionException) as exc:
                if not _is_lock_error(exc):
                    raise StoreError(f"cannot open {self.path}: {exc}") from exc
                snap = snapshot_path(self.path)
                if self.read_only and snap.exists():
                    # A writer holds the store: read its latest published state.
                    self.is_snapshot = True
                    return duckdb.connect(str(snap), read_only=True)
                if time.monotonic() >= deadline:
                    raise StoreLocked(
                        f"{self.path} is in use by another process ({exc}); "
                        "retry when it has finished") from exc
                time.sleep(0.05)

    def _check_schema(self, merge: str | None) -> None:
        version = current_version(self.conn)
        if version > SCHEMA_VERSION:
            self.conn.close()
            raise StoreError(
                f"{self.path} has schema version {version}, newer than this newsevents "
                f"({SCHEMA_VERSION}); upgrade newsevents")
        if version < SCHEMA_VERSION:
            if self.read_only:
                self.conn.close()
                raise StoreError(
                    f"{self.path} has schema version {version} (current {SCHEMA_VERSION}); "
                    "open it once for writing (e.g. `newsevents run`) to migrate it")
            fresh = version == 0
            migrate(self.conn)
            if fresh:
                set_meta(self.conn, "merge_scope", merge or "day")
                set_meta(self.conn, "created_at", time.strftime("%Y-%m-%dT%H:%M:%SZ",
                                                                time.gmtime()))
        self.merge_scope = get_meta(self.conn, "merge_scope") or "day"
        self.schema_version = current_version(self.conn)

    # -- context manager --------------------------------------------------------
    def __enter__(self) -> Store:
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.close()

    def close(self) -> None:
        """Publish a last snapshot (if anything was written) and close the file."""
        if self.conn is None:
            return
        try:
            if self._dirty and self.snapshot_every is not None and not self.read_only:
                self.publish_snapshot()
        finally:
            self.conn.close()
            self.conn = None

    # -- reading helpers ----------------------------------------------------------
    def has_content(self, content_hash: str) -> bool:
        """Return True if an article with this content hash is stored."""
        rows = self.conn.execute(
            "SELECT 1 FROM articles WHERE content_hash = ? LIMIT 1", [content_hash]).fetchall()
        return bool(rows)

    def counts(self) -> dict[str, int]:
        """Return row counts of the main tables (articles, events, mentions, errors, runs)."""
        return {t: self.conn.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0]
                for t in ("articles", "events", "mentions", "errors", "runs")}

    # -- writing ----------------------------------------------------------------
    def _require_writable(self) -> None:
        if self.read_only:
            raise StoreError(f"{self.path} is open read-only")

    def write_result(self, result: ArticleResult) -> bool:
        """Store one article with its sentences, events and mentions, atomically.

        Events are merged (see `store.merge`): a (source, target, code, day)
        already stored gains a mention instead of a new row.

        Args:
            result: The pipeline's result for one article. `article.story_id`
                and `duplicate_of` should already be set by the story index.

        Returns:
            True if written; False (nothing written) if the content is already stored.

        Raises:
            StoreError: On a database failure; the transaction is rolled back.
        """
        self._require_writable()
        article = result.article
        self.conn.execute("BEGIN TRANSACTION")
        try:
            same_content, same_id = self.conn.execute(
                "SELECT bool_or(content_hash = ?), bool_or(id = ?) FROM articles "
                "WHERE content_hash = ? OR id = ?",
                [article.content_hash, article.id, article.content_hash, article.id]
            ).fetchall()[0]
            if same_content:
                self.conn.execute("ROLLBACK")
                return False
            # Another article already uses this id (e.g. two files of one name).
            article_id = (f"{article.id}~{article.content_hash[:10]}" if same_id
                          else article.id)
            key = source_key(article.publisher, article.url, article_id)
            self._insert_article(result, article_id, key)
            self._insert_sentences(result, article_id)
            if result.events:
                rows = [_incoming_row(ev, i, article_id, article.story_id, key)
                        for i, ev in enumerate(result.events)]
                merge_rows(self.conn, rows, scope=self.merge_scope)
            self.conn.execute("COMMIT")
        except BaseException as exc:
            self.conn.execute("ROLLBACK")
            if isinstance(exc, duckdb.Error):
                raise StoreError(f"could not store article {article.id}: {exc}") from exc
            raise
        self._after_write()
        return True

    def _insert_article(self, result: ArticleResult, article_id: str, key: str) -> None:
        a = result.article
        self.conn.execute(
            """INSERT INTO articles (id, url, title, published, authors, agency, dateline,
                   publisher, language, text, source_path, content_hash, input_id, story_id,
                   duplicate_of, skipped_reason, run_id, source_key, num_sentences)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            [article_id, a.url, a.title, a.published, list(a.authors or []), a.agency,
             a.dateline, a.publisher, a.language, a.text, a.source_path, a.content_hash,
             a.input_id, a.story_id, a.duplicate_of, result.skipped_reason,
             getattr(self, "_run_id", None), key, len(result.sentences)])

    def _insert_sentences(self, result: ArticleResult, article_id: str) -> None:
        if not result.sentences:
            return
        table = pa.table({
            "article_id": [article_id] * len(result.sentences),
            "sentence_index": pa.array([s.index for s in result.sentences], pa.int32()),
            "text": [s.text for s in result.sentences],
            "start_char": pa.array([s.start for s in result.sentences], pa.int32()),
            "end_char": pa.array([s.end for s in result.sentences], pa.int32()),
        })
        self.conn.register("_sentences", table)
        try:
            self.conn.execute("INSERT INTO sentences SELECT * FROM _sentences")
        finally:
            self.conn.unregister("_sentences")

    def write_events(self, events: pa.Table | Any, articles: pa.Table | Any | None = None) -> int:
        """Bulk path: merge many coded events (and optionally their articles) at once.

        For imports and benchmarks: one transaction, set-based SQL, no
        per-row Python. Rows follow `merge.INCOMING_SCHEMA` (model.Event
        fields plus `source_key`, the outlet, and `ord`, the arrival order;
        both optional). Every row is a new report, as in `write_result`.

        Args:
            events: A pyarrow Table, pandas or polars DataFrame of coded events.
            articles: Optional article rows (columns of the `articles` table;
                `id` and `content_hash` required); rows whose content is
                already stored are skipped.

        Returns:
            The number of mentions written.
        """
        self._require_writable()
        table = _as_arrow(events)
        n = table.num_rows
        if "ord" not in table.column_names:
            table = table.append_column("ord", pa.array(range(n), pa.int64()))
        if "source_key" not in table.column_names:
            table = table.append_column("source_key", pa.nulls(n, pa.string()))
        missing = [f for f in INCOMING_SCHEMA if f.name not in table.column_names]
        for f in missing:
            table = table.append_column(f.name, pa.nulls(n, f.type))
        table = table.select(INCOMING_SCHEMA.names).cast(INCOMING_SCHEMA)
        self.conn.execute("BEGIN TRANSACTION")
        try:
            if articles is not None:
                self._bulk_articles(_as_arrow(articles))
            written = merge_incoming(self.conn, table, scope=self.merge_scope)
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self._after_write()
        return written

    def _bulk_articles(self, table: pa.Table) -> None:
        cols = [c for c in table.column_names if c in _ARTICLE_COLUMNS]
        self.conn.register("_arts", table)
        try:
            self.conn.execute(
                f"""INSERT INTO articles ({', '.join(cols)})
                    SELECT {', '.join(cols)} FROM _arts
                    WHERE content_hash NOT IN (SELECT content_hash FROM articles)""")
            self.conn.execute(
                """UPDATE articles SET source_key = coalesce(
                       nullif(lower(trim(publisher)), ''),
                       nullif(regexp_extract(lower(url),
                                             '^[a-z]+://(?:www\\.)?([^/:?#]+)', 1), ''),
                       'article:' || id)
                   WHERE source_key IS NULL""")
        finally:
            self.conn.unregister("_arts")

    def write_error(self, err: ErrorRecord, run_id: str | None = None) -> None:
        """Record an input that could not be processed."""
        self._require_writable()
        self.conn.execute(
            "INSERT INTO errors VALUES (?, ?, ?, ?, ?, ?, current_timestamp)",
            [run_id, err.source_path, err.stage, err.reason, err.detail, err.locator])
        self._after_write()

    def start_run(self, config_summary: dict[str, Any]) -> str:
        """Record the start of a run and return its id."""
        self._require_writable()
        run_id = time.strftime("%Y%m%dT%H%M%S", time.gmtime()) + "-" + uuid.uuid4().hex[:6]
        self.conn.execute(
            "INSERT INTO runs VALUES (?, current_timestamp, NULL, ?, NULL)",
            [run_id, json.dumps(config_summary, default=str)])
        self._run_id = run_id
        if (self.snapshot_every is not None and self.path is not None
                and not snapshot_path(self.path).exists()):
            # Readers arriving during this first run find something to read.
            self.publish_snapshot()
        return run_id

    def finish_run(self, run_id: str, summary: dict[str, Any]) -> None:
        """Record the end of a run with its summary, and publish a snapshot."""
        self._require_writable()
        self.conn.execute(
            "UPDATE runs SET finished_at = current_timestamp, summary = ? WHERE run_id = ?",
            [json.dumps(summary, default=str), run_id])
        self._run_id = None
        self._dirty = True
        if self.snapshot_every is not None:
            self.publish_snapshot()

    def optimize(self) -> float:
        """Rewrite `events` clustered by (source_code, target_code, event_date).

        DuckDB keeps min/max per column per row group; with rows clustered by
        actor codes, actor and dyad filters skip most of a large table
        (docs/bench-parts/store.md measures it). Rows written later are
        appended unclustered until the next `optimize`. Takes about as long
        as sorting the table; run it after big ingests, not after each one.

        Returns:
            Seconds taken.
        """
        self._require_writable()
        started = time.perf_counter()
        cols = [(name, typ) for name, typ, *_ in self.conn.execute("DESCRIBE events").fetchall()]
        ddl = ", ".join(f"{name} {typ}" + (" PRIMARY KEY" if name == "id" else "")
                        for name, typ in cols)
        self.conn.execute("BEGIN TRANSACTION")
        try:
            self.conn.execute(f"CREATE TABLE events_clustered ({ddl})")
            self.conn.execute("INSERT INTO events_clustered SELECT * FROM events "
                              "ORDER BY source_code, target_code, event_date")
            self.conn.execute("DROP TABLE events")
            self.conn.execute("ALTER TABLE events_clustered RENAME TO events")
            self.conn.execute("COMMIT")
        except BaseException:
            self.conn.execute("ROLLBACK")
            raise
        self.conn.execute("CHECKPOINT")
        self._after_write()
        return time.perf_counter() - started

    # -- snapshots for concurrent readers ---------------------------------------
    def _after_write(self) -> None:
        self._dirty = True
        if (self.snapshot_every is not None
                and time.monotonic() - self._last_snapshot >= self.snapshot_every):
            self.publish_snapshot()

    def publish_snapshot(self) -> Path | None:
        """Checkpoint and copy the store to `<db>.snapshot` for concurrent readers.

        The copy is written beside and renamed into place, so a reader sees
        either the old snapshot or the new one, never a half-copied file.

        Returns:
            The snapshot path, or None for an in-memory store.
        """
        if self.path is None or self.read_only:
            return None
        self.conn.execute("CHECKPOINT")
        snap = snapshot_path(self.path)
        tmp = snap.with_name(snap.name + f".tmp{os.getpid()}")
        # The copy runs in a child process: DuckDB's lock is a POSIX record lock,
        # and closing *any* descriptor of the file in this process would drop it.
        subprocess.run([sys.executable, "-c", _COPY, str(self.path), str(tmp)], check=True)
        os.replace(tmp, snap)
        self._dirty = False
        self._last_snapshot = time.monotonic()
        return snap


_COPY = "import shutil, sys; shutil.copyfile(sys.argv[1], sys.argv[2])"

_ARTICLE_COLUMNS = frozenset({
    "id", "url", "title", "published", "authors", "agency", "dateline", "publisher",
    "language", "text", "source_path", "content_hash", "input_id", "story_id",
    "duplicate_of", "skipped_reason", "run_id", "source_key", "num_sentences",
})


def _incoming_row(ev: Event, order: int, article_id: str, story_id: str | None,
                  key: str) -> dict[str, Any]:
    row = {name: getattr(ev, name, None) for name in INCOMING_SCHEMA.names}
    row["article_id"] = article_id
    row["id"] = ev.id or None
    row["story_id"] = ev.story_id or story_id
    row["source_key"] = key
    row["ord"] = order
    return row


def _as_arrow(data: Any) -> pa.Table:
    if isinstance(data, pa.Table):
        return data
    if hasattr(data, "to_arrow"):  # polars
        return data.to_arrow()
    return pa.Table.from_pandas(data, preserve_index=False)
