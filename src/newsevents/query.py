"""Questions over a store: filtered events and articles, dyads, actor rankings, stories.

Every function takes `db` — a `Store`, an open DuckDB connection, or a path
(opened read-only for the call, and closed after, so a long-lived caller such
as a web server never keeps a writer out) — and returns rows (list of dicts)
or, with `output=`, a pandas DataFrame ("pandas"), a polars DataFrame
("polars", when polars is installed) or a pyarrow Table ("arrow").

    >>> from newsevents import query
    >>> query.events("news.duckdb", source="PRK", since="2024-01-01", output="pandas")
    >>> query.dyad("news.duckdb", "USA", "CHN", freq="month")

Conventions:
    * Actor arguments (`source`, `target`, dyad `a`/`b`) match CAMEO codes by
      prefix, case-insensitively: "USA" matches USAGOV and USAMIL.
    * Only `asserted` events are returned unless `modality` says otherwise
      ("negated", a comma-separated list, or "all").
    * Dates are ISO strings (YYYY-MM-DD) and bound the event's day, inclusive.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict, dataclass, fields
from pathlib import Path
from typing import Any

import duckdb

from .model import ARTICLE_FIELDS, EVENT_FIELDS, MODALITIES
from .store import Store

Db = Store | duckdb.DuckDBPyConnection | str | Path
OUTPUTS = ("rows", "pandas", "polars", "arrow")
EVENTS_ORDER = "event_date DESC NULLS LAST, id"
TWO_PHASE_MAX = 5000
FREQS = ("day", "week", "month", "year")
ARTICLE_COLUMNS: tuple[str, ...] = (*ARTICLE_FIELDS, "story_id", "duplicate_of")
DYAD_COLUMNS: tuple[str, ...] = (
    "period", "direction", "events", "quad_1", "quad_2", "quad_3", "quad_4",
    "mean_goldstein", "mentions",
)


@contextmanager
def connect(db: Db) -> Iterator[duckdb.DuckDBPyConnection]:
    """Yield a connection for `db`, opening (and closing) a read-only store for a path."""
    if isinstance(db, Store):
        yield db.conn
    elif isinstance(db, duckdb.DuckDBPyConnection):
        yield db
    else:
        with Store(db, read_only=True) as store:
            yield store.conn


@dataclass(slots=True)
class EventFilter:
    """What `events` (and the exports) select; every field is optional.

    Attributes:
        source: Source actor code prefix ("PRK", "USAGOV").
        target: Target actor code prefix.
        since: First day (YYYY-MM-DD), inclusive.
        until: Last day (YYYY-MM-DD), inclusive.
        root: CAMEO root ("13" or 13).
        cameo: CAMEO code prefix ("138" matches 138 and 1381).
        modality: "asserted" (default), another modality, a comma list, or "all".
        country: ISO alpha-3 of the source, target or location.
        plover: PLOVER event type ("THREATEN"), case-insensitive.
        quad: QuadClass 1-4.
        min_sources: Keep events reported by at least this many outlets.
        story: Story id: events any copy of the story reports.
        article: Article id (the event's first report).
        limit: Most rows to return (None: all).
    """

    source: str | None = None
    target: str | None = None
    since: str | None = None
    until: str | None = None
    root: str | int | None = None
    cameo: str | None = None
    modality: str | None = "asserted"
    country: str | None = None
    plover: str | None = None
    quad: int | None = None
    min_sources: int | None = None
    story: str | None = None
    article: str | None = None
    limit: int | None = None

    def where(self, alias: str = "") -> tuple[str, list[Any]]:
        """Return the SQL condition and its parameters for this filter.

        Args:
            alias: Table alias prefix for the events columns ("e." or "").

        Returns:
            (condition, params); the condition is "TRUE" for an empty filter.
        """
        p = alias
        conds: list[str] = []
        params: list[Any] = []
        # starts_with (not LIKE) so that codes need no escaping and DuckDB
        # turns the test into a range it can check against zone maps.
        if self.source:
            conds.append(f"starts_with({p}source_code, ?)")
            params.append(_code(self.source))
        if self.target:
            conds.append(f"starts_with({p}target_code, ?)")
            params.append(_code(self.target))
        if self.since:
            conds.append(f"{p}event_date >= CAST(? AS DATE)")
            params.append(self.since)
        if self.until:
            conds.append(f"{p}event_date <= CAST(? AS DATE)")
            params.append(self.until)
        if self.root is not None and str(self.root) != "":
            conds.append(f"{p}cameo_root = ?")
            params.append(f"{int(self.root):02d}")
        if self.cameo:
            conds.append(f"starts_with({p}cameo, ?)")
            params.append(self.cameo.strip())
        modalities = parse_modality(self.modality)
        if modalities is not None:
            conds.append(f"{p}modality IN ({', '.join('?' * len(modalities))})")
            params.extend(modalities)
        if self.country:
            conds.append(f"upper(?) IN ({p}source_country, {p}target_country, "
                         f"{p}location_country)")
            params.append(self.country)
        if self.plover:
            conds.append(f"upper({p}plover) = upper(?)")
            params.append(self.plover)
        if self.quad is not None:
            conds.append(f"{p}quad_class = ?")
            params.append(int(self.quad))
        if self.min_sources:
            conds.append(f"{p}num_sources >= ?")
            params.append(int(self.min_sources))
        if self.story:
            # Any event the story reports, including those first seen in another story.
            conds.append(f"{p}id IN (SELECT event_id FROM mentions WHERE story_id = ?)")
            params.append(self.story)
        if self.article:
            conds.append(f"{p}article_id = ?")
            params.append(self.article)
        return (" AND ".join(conds) or "TRUE"), params


def parse_modality(value: str | None) -> list[str] | None:
    """Return the modalities a `modality` option selects (None: all).

    Raises:
        ValueError: For a name outside `model.MODALITIES`.
    """
    if value is None or value.strip().lower() in ("", "all", "any"):
        return None
    names = [v.strip().lower() for v in value.split(",") if v.strip()]
    bad = [n for n in names if n not in MODALITIES]
    if bad:
        raise ValueError(f"unknown modality {', '.join(bad)}; use {', '.join(MODALITIES)} or all")
    return names


def _code(code: str) -> str:
    return code.strip().upper()


def _filter(filt: EventFilter | None, kwargs: dict[str, Any]) -> EventFilter:
    base = filt or EventFilter()
    known = {f.name for f in fields(EventFilter)}
    unknown = set(kwargs) - known
    if unknown:
        raise TypeError(f"unknown filter(s): {', '.join(sorted(unknown))}")
    return EventFilter(**{**asdict(base), **kwargs})


def _result(conn: duckdb.DuckDBPyConnection, sql: str, params: Sequence[Any] | dict[str, Any],
            output: str) -> Any:
    if output not in OUTPUTS:
        raise ValueError(f"output must be one of {OUTPUTS}, not {output!r}")
    res = conn.execute(sql, params if isinstance(params, dict) else list(params))
    if output == "pandas":
        return res.df()
    if output in ("arrow", "polars"):
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            table = res.to_arrow_table()
        if output == "arrow":
            return table
        try:
            import polars
        except ImportError as exc:
            raise ImportError("output='polars' needs polars: pip install polars") from exc
        return polars.from_arrow(table)
    cols = [d[0] for d in res.description]
    return [dict(zip(cols, row, strict=True)) for row in res.fetchall()]


# -- events -----------------------------------------------------------------------
def events_sql(filt: EventFilter, columns: Sequence[str] = EVENT_FIELDS) -> tuple[str, list[Any]]:
    """Return the SELECT (newest first) and parameters for a filtered events query."""
    where, params = filt.where()
    sql = f"SELECT {', '.join(columns)} FROM events WHERE {where} ORDER BY {EVENTS_ORDER}"
    if filt.limit is not None:
        sql += " LIMIT ?"
        params.append(int(filt.limit))
    return sql, params


def events(db: Db, filt: EventFilter | None = None, *, output: str = "rows",
           **filters: Any) -> Any:
    """Return merged events matching a filter, newest first.

    Args:
        db: Store, connection or store path.
        filt: An `EventFilter`; keyword arguments override its fields.
        output: "rows", "pandas", "polars" or "arrow".
        **filters: Any `EventFilter` field (source, target, since, until, root,
            cameo, modality, country, plover, quad, min_sources, story, article, limit).

    Returns:
        Rows with the `model.Event` fields (the output contract), in that order.
    """
    f = _filter(filt, filters)
    with connect(db) as conn:
        if f.limit is None or f.limit > TWO_PHASE_MAX:
            sql, params = events_sql(f)
            return _result(conn, sql, params, output)
        # Two phases: pick the ids (reading only the filter and sort columns),
        # then fetch whole rows by primary key. DuckDB would otherwise read
        # every column of every matching row before keeping the top N.
        sql, params = events_sql(f, columns=("id",))
        ids = [row[0] for row in conn.execute(sql, params).fetchall()]
        marks = ", ".join("?" * len(ids)) or "NULL"
        return _result(conn, f"SELECT {', '.join(EVENT_FIELDS)} FROM events WHERE id IN ({marks}) "
                             f"ORDER BY {EVENTS_ORDER}", ids, output)


def mentions(db: Db, event_id: str, *, output: str = "rows") -> Any:
    """Return every report of one event: article, sentence, outlet, story."""
    sql = """SELECT m.event_id, m.article_id, m.sentence_index, m.sentence, m.event_text,
                    m.source_text, m.target_text, m.story_id, m.source_key AS outlet,
                    a.url, a.title, a.published
             FROM mentions m LEFT JOIN articles a ON a.id = m.article_id
             WHERE m.event_id = ? ORDER BY m.added_at, m.article_id, m.sentence_index"""
    with connect(db) as conn:
        return _result(conn, sql, [event_id], output)


# -- articles ---------------------------------------------------------------------
def articles(db: Db, *, story: str | None = None, publisher: str | None = None,
             since: str | None = None, until: str | None = None, limit: int | None = 100,
             output: str = "rows") -> Any:
    """Return stored articles (in ingest order) with their story assignment.

    Args:
        db: Store, connection or store path.
        story: Only this story's articles.
        publisher: Only this outlet's (case-insensitive).
        since: First publication day, inclusive (articles without a date are left out).
        until: Last publication day, inclusive.
        limit: Most rows (None: all).
        output: "rows", "pandas", "polars" or "arrow".

    Returns:
        Rows with `model.ARTICLE_FIELDS` plus story_id and duplicate_of.
    """
    conds, params = [], []
    if story:
        conds.append("story_id = ?")
        params.append(story)
    if publisher:
        conds.append("lower(publisher) = lower(?)")
        params.append(publisher)
    if since:
        conds.append("try_cast(left(published, 10) AS DATE) >= CAST(? AS DATE)")
        params.append(since)
    if until:
        conds.append("try_cast(left(published, 10) AS DATE) <= CAST(? AS DATE)")
        params.append(until)
    sql = (f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles "
           f"WHERE {' AND '.join(conds) or 'TRUE'} ORDER BY ingested_at, id")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    with connect(db) as conn:
        return _result(conn, sql, params, output)


# -- dyads --------------------------------------------------------------------------
def dyad(db: Db, a: str, b: str, *, freq: str = "month", modality: str | None = "asserted",
         since: str | None = None, until: str | None = None, output: str = "rows") -> Any:
    """Return the A->B and B->A event series between two actors.

    Each period from the first to the last with events has a row per
    direction (zeros included, so the series plot without gaps).

    Args:
        db: Store, connection or store path.
        a: First actor's code prefix ("USA").
        b: Second actor's code prefix ("CHN").
        freq: "day", "week" (weeks start on Monday), "month" or "year".
        modality: As in `EventFilter` (default: asserted only).
        since: First day, inclusive.
        until: Last day, inclusive.
        output: "rows", "pandas", "polars" or "arrow".

    Returns:
        Rows of `DYAD_COLUMNS`: period (first day), direction ("A->B"),
        events, quad_1..quad_4 (counts by QuadClass), mean_goldstein, mentions.
    """
    if freq not in FREQS:
        raise ValueError(f"freq must be one of {FREQS}, not {freq!r}")
    a_up, b_up = a.strip().upper(), b.strip().upper()
    ab, ba = f"{a_up}->{b_up}", f"{b_up}->{a_up}"
    filt = EventFilter(since=since, until=until, modality=modality, limit=None)
    where, wparams = filt.where()
    src_a = "starts_with(source_code, $pa)"
    sql = f"""
        WITH hits AS (
            SELECT CAST(date_trunc('{freq}', event_date) AS DATE) AS period,
                   CASE WHEN {src_a} AND starts_with(target_code, $pb)
                        THEN $ab ELSE $ba END AS direction,
                   quad_class, goldstein, num_mentions
            FROM events
            WHERE event_date IS NOT NULL AND ({_positional(where)})
              AND (({src_a} AND starts_with(target_code, $pb))
                   OR (starts_with(source_code, $pb) AND starts_with(target_code, $pa)))),
        agg AS (
            SELECT period, direction, count(*) AS events,
                   count(*) FILTER (WHERE quad_class = 1) AS quad_1,
                   count(*) FILTER (WHERE quad_class = 2) AS quad_2,
                   count(*) FILTER (WHERE quad_class = 3) AS quad_3,
                   count(*) FILTER (WHERE quad_class = 4) AS quad_4,
                   avg(goldstein) AS mean_goldstein,
                   CAST(sum(num_mentions) AS BIGINT) AS mentions
            FROM hits GROUP BY period, direction),
        periods AS (
            SELECT CAST(unnest(generate_series(min(period), max(period),
                                               INTERVAL 1 {freq})) AS DATE) AS period
            FROM agg HAVING count(*) > 0)
        SELECT p.period, d.direction, coalesce(g.events, 0) AS events,
               coalesce(g.quad_1, 0) AS quad_1, coalesce(g.quad_2, 0) AS quad_2,
               coalesce(g.quad_3, 0) AS quad_3, coalesce(g.quad_4, 0) AS quad_4,
               g.mean_goldstein, coalesce(g.mentions, 0) AS mentions
        FROM periods p CROSS JOIN (SELECT unnest([$ab, $ba]) AS direction) d
        LEFT JOIN agg g ON g.period = p.period AND g.direction = d.direction
        ORDER BY p.period, d.direction = $ba"""
    params: dict[str, Any] = {"pa": a_up, "pb": b_up, "ab": ab, "ba": ba}
    params.update({f"w{i}": v for i, v in enumerate(wparams)})
    with connect(db) as conn:
        return _result(conn, sql, params, output)


def _positional(where: str) -> str:
    """Turn `?` placeholders into $w0, $w1... so they mix with named parameters."""
    parts = where.split("?")
    out = parts[0]
    for i, part in enumerate(parts[1:]):
        out += f"$w{i}" + part
    return out


# -- rankings and stories -------------------------------------------------------------
def actors_top(db: Db, *, since: str | None = None, until: str | None = None,
               limit: int = 20, modality: str | None = "asserted",
               role: str = "any", output: str = "rows") -> Any:
    """Rank actors by the number of events they take part in.

    Args:
        db: Store, connection or store path.
        since: First day, inclusive.
        until: Last day, inclusive.
        limit: How many actors.
        modality: As in `EventFilter`.
        role: "any", "source" or "target".
        output: "rows", "pandas", "polars" or "arrow".

    Returns:
        Rows: actor (code), name (most frequent text), events, as_source,
        as_target, mentions, mean_goldstein.
    """
    if role not in ("any", "source", "target"):
        raise ValueError(f"role must be any, source or target, not {role!r}")
    where, params = EventFilter(since=since, until=until, modality=modality,
                                limit=None).where()
    sides = [s for s in ("source", "target") if role in ("any", s)]
    union = " UNION ALL ".join(
        f"SELECT {s}_code AS actor, {s}_text AS name, '{s}' AS role, goldstein, num_mentions "
        f"FROM events WHERE {where} AND {s}_code IS NOT NULL" for s in sides)
    sql = f"""SELECT actor, mode(name) AS name, count(*) AS events,
                     count(*) FILTER (WHERE role = 'source') AS as_source,
                     count(*) FILTER (WHERE role = 'target') AS as_target,
                     CAST(sum(num_mentions) AS BIGINT) AS mentions, avg(goldstein) AS mean_goldstein
              FROM ({union}) GROUP BY actor ORDER BY events DESC, actor LIMIT ?"""
    with connect(db) as conn:
        return _result(conn, sql, params * len(sides) + [int(limit)], output)


def stories(db: Db, *, min_articles: int = 1, since: str | None = None, limit: int | None = 50,
            output: str = "rows") -> Any:
    """List story clusters with their outlets, largest first.

    Args:
        db: Store, connection or store path.
        min_articles: Only stories carried by at least this many articles.
        since: Only stories whose first copy was published on or after this day.
        limit: Most rows (None: all).
        output: "rows", "pandas", "polars" or "arrow".

    Returns:
        Rows: story_id, title (of the first-seen copy), first_article,
        num_articles, num_sources, outlets (list), first_published,
        last_published, events.
    """
    params: list[Any] = [int(min_articles)]
    having = "count(*) >= ?"
    if since:
        having += " AND min(try_cast(left(a.published, 10) AS DATE)) >= CAST(? AS DATE)"
        params.append(since)
    sql = f"""
        WITH ev AS (SELECT story_id, count(DISTINCT event_id) AS events FROM mentions
                    WHERE story_id IS NOT NULL GROUP BY story_id)
        SELECT a.story_id,
               coalesce(arg_min(a.title, a.ingested_at) FILTER (WHERE a.duplicate_of IS NULL),
                        arg_min(a.title, a.ingested_at)) AS title,
               coalesce(arg_min(a.id, a.ingested_at) FILTER (WHERE a.duplicate_of IS NULL),
                        arg_min(a.id, a.ingested_at)) AS first_article,
               count(*) AS num_articles,
               count(DISTINCT a.source_key) AS num_sources,
               list(DISTINCT coalesce(a.publisher, a.source_key) ORDER BY
                    coalesce(a.publisher, a.source_key)) AS outlets,
               min(a.published) AS first_published, max(a.published) AS last_published,
               coalesce(any_value(ev.events), 0) AS events
        FROM articles a LEFT JOIN ev ON ev.story_id = a.story_id
        WHERE a.story_id IS NOT NULL
        GROUP BY a.story_id HAVING {having}
        ORDER BY num_articles DESC, num_sources DESC, first_published DESC NULLS LAST"""
    if limit is not None:
        sql += " LIMIT ?"
        params.append(int(limit))
    with connect(db) as conn:
        return _result(conn, sql, params, output)


def events_rows(db: Db, **filters: Any) -> list[dict[str, Any]]:
    """Shorthand for `events(db, **filters)` as rows (the demo and web views use it)."""
    return events(db, output="rows", **filters)
