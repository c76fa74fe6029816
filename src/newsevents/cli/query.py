"""Query and export commands: `events`, `articles`, `dyad`, `actors-top`, `stories`, `export`.

Thin over `newsevents.query` and `newsevents.export`: options become an
`EventFilter` or keyword arguments, results go to `common.emit_rows`.
"""

from __future__ import annotations

import contextlib
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import typer

from ..model import ARTICLE_FIELDS, EVENT_FIELDS
from .common import DbOption, check_date, check_format, emit_rows, stderr

# The query modules (DuckDB, pyarrow) load when a command runs, not when the
# CLI starts: `newsevents --help` stays quick.
EXPORT_FORMATS = ("gdelt", "plover", "parquet", "csv", "jsonl")
ARTICLE_COLUMNS = (*ARTICLE_FIELDS, "story_id", "duplicate_of")
DYAD_COLUMNS = ("period", "direction", "events", "quad_1", "quad_2", "quad_3", "quad_4",
                "mean_goldstein", "mentions")

EVENT_TABLE_COLUMNS = (
    "date", "source_code", "target_code", "cameo", "quad_class", "goldstein", "plover",
    "modality", "num_sources", "num_mentions", "sentence",
)
ARTICLE_TABLE_COLUMNS = ("id", "published", "publisher", "title", "story_id", "duplicate_of")
ACTOR_COLUMNS = ("actor", "name", "events", "as_source", "as_target", "mentions",
                 "mean_goldstein")
STORY_COLUMNS = ("story_id", "title", "first_article", "num_articles", "num_sources",
                 "outlets", "first_published", "last_published", "events")
STORY_TABLE_COLUMNS = ("story_id", "title", "num_articles", "num_sources", "outlets",
                       "first_published", "events")


def print_events(rows: Sequence[dict[str, Any]], fmt: str) -> int:
    """Print event rows as a table (a readable subset), JSON lines or CSV (every field)."""
    return emit_rows(rows, fmt, EVENT_FIELDS, title="events", table_columns=EVENT_TABLE_COLUMNS)


@contextlib.contextmanager
def _store_errors() -> Iterator[None]:
    """Turn store and filter errors into a one-line message and exit code 1."""
    from ..store import StoreError

    try:
        yield
    except StoreError as exc:
        stderr.print(f"[red]{exc}")
        raise typer.Exit(1) from exc
    except ValueError as exc:
        raise typer.BadParameter(str(exc)) from exc


@contextlib.contextmanager
def _output(out: Path | None) -> Iterator[None]:
    """Send stdout to `out` for the duration (stdout itself when None)."""
    if out is None:
        yield
        return
    out.parent.mkdir(parents=True, exist_ok=True)
    with out.open("w", encoding="utf-8", newline="") as fh, contextlib.redirect_stdout(fh):
        yield
    stderr.print(f"wrote {out}")


# Shared filter options (Typer reads the defaults' metadata).
SourceOpt = typer.Option(None, "--source", help="Source actor code prefix (USA matches USAGOV).")
TargetOpt = typer.Option(None, "--target", help="Target actor code prefix.")
SinceOpt = typer.Option(None, "--since", callback=check_date, help="First day, YYYY-MM-DD.")
UntilOpt = typer.Option(None, "--until", callback=check_date, help="Last day, YYYY-MM-DD.")
RootOpt = typer.Option(None, "--root", help="CAMEO root code, e.g. 13 (threaten).")
ModalityOpt = typer.Option(
    "asserted", "--modality",
    help="asserted, negated, future, hypothetical, a comma list, or all.")
CountryOpt = typer.Option(None, "--country", help="ISO alpha-3 of source, target or place.")
PloverOpt = typer.Option(None, "--plover", help="PLOVER event type, e.g. PROTEST.")
QuadOpt = typer.Option(None, "--quad", min=1, max=4,
                       help="QuadClass: 1 verbal coop, 2 material coop, 3 verbal conflict, "
                            "4 material conflict.")
MinSourcesOpt = typer.Option(None, "--min-sources", min=1,
                             help="Only events reported by at least N outlets.")
StoryOpt = typer.Option(None, "--story", help="Only events of this story id.")


def register(app: typer.Typer) -> None:
    """Add the query and export commands to the root app."""

    @app.command()
    def events(
        db: Path = DbOption,
        fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
        source: str | None = SourceOpt, target: str | None = TargetOpt,
        since: str | None = SinceOpt, until: str | None = UntilOpt,
        root: str | None = RootOpt,
        limit: int = typer.Option(100, "--limit", "-n", min=0, help="Most events (0: all)."),
        modality: str = ModalityOpt, country: str | None = CountryOpt,
        plover: str | None = PloverOpt, quad: int | None = QuadOpt,
        min_sources: int | None = MinSourcesOpt, story: str | None = StoryOpt,
    ) -> None:
        """Print stored events (merged across copies; newest first)."""
        from .. import query as q

        check_format(fmt, ("table", "jsonl", "csv"))
        with _store_errors():
            rows = q.events(db, source=source, target=target, since=since, until=until,
                            root=root, limit=limit or None, modality=modality,
                            country=country, plover=plover, quad=quad,
                            min_sources=min_sources, story=story)
        print_events(rows, fmt)

    @app.command()
    def articles(
        db: Path = DbOption,
        fmt: str = typer.Option("table", "--format", "-f", help="table or jsonl."),
        story: str | None = StoryOpt,
        publisher: str | None = typer.Option(None, "--publisher", help="Only this outlet."),
        limit: int = typer.Option(100, "--limit", "-n", min=0, help="Most articles (0: all)."),
    ) -> None:
        """Print stored articles with their story (syndication cluster)."""
        from .. import query as q

        check_format(fmt, ("table", "jsonl"))
        with _store_errors():
            rows = q.articles(db, story=story, publisher=publisher, limit=limit or None)
        emit_rows(rows, fmt, ARTICLE_COLUMNS, title="articles",
                  table_columns=ARTICLE_TABLE_COLUMNS)

    @app.command()
    def dyad(
        a: str = typer.Argument(..., help="First actor code prefix, e.g. USA."),
        b: str = typer.Argument(..., help="Second actor code prefix, e.g. CHN."),
        db: Path = DbOption,
        freq: str = typer.Option("month", "--freq", help="day, week or month."),
        fmt: str = typer.Option("table", "--format", "-f", help="table, csv, json or png."),
        out: Path | None = typer.Option(None, "--out", "-o",
                                        help="Output file (png default: dyad-A-B.png)."),
        since: str | None = SinceOpt, until: str | None = UntilOpt,
        modality: str = ModalityOpt,
    ) -> None:
        """A->B and B->A event counts by QuadClass and mean Goldstein, per period."""
        from .. import query as q

        check_format(fmt, ("table", "csv", "json", "png"))
        check_format(freq, ("day", "week", "month"))
        with _store_errors():
            rows = q.dyad(db, a, b, freq=freq, modality=modality, since=since, until=until)
        if fmt == "png":
            path = out or Path(f"dyad-{a.upper()}-{b.upper()}.png")
            plot_dyad(rows, a.upper(), b.upper(), freq, path)
            stderr.print(f"wrote {path}")
            return
        with _output(out):
            emit_rows(rows, fmt, DYAD_COLUMNS, title=f"{a.upper()} <-> {b.upper()} by {freq}")

    @app.command("actors-top")
    def actors_top(
        db: Path = DbOption,
        since: str | None = SinceOpt, until: str | None = UntilOpt,
        limit: int = typer.Option(20, "--limit", "-n", min=1, help="How many actors."),
        role: str = typer.Option("any", "--role", help="any, source or target."),
        modality: str = ModalityOpt,
        fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    ) -> None:
        """Rank actors by the number of events they take part in."""
        from .. import query as q

        check_format(fmt, ("table", "jsonl", "csv"))
        with _store_errors():
            rows = q.actors_top(db, since=since, until=until, limit=limit, role=role,
                                modality=modality)
        emit_rows(rows, fmt, ACTOR_COLUMNS, title="actors")

    @app.command()
    def stories(
        db: Path = DbOption,
        min_articles: int = typer.Option(1, "--min-articles", min=1,
                                         help="Only stories with at least N copies."),
        since: str | None = SinceOpt,
        limit: int = typer.Option(50, "--limit", "-n", min=0, help="Most stories (0: all)."),
        fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
    ) -> None:
        """List stories (clusters of syndicated copies) with their outlets."""
        from .. import query as q

        check_format(fmt, ("table", "jsonl", "csv"))
        with _store_errors():
            rows = q.stories(db, min_articles=min_articles, since=since, limit=limit or None)
        emit_rows(rows, fmt, STORY_COLUMNS, title="stories", table_columns=STORY_TABLE_COLUMNS)

    @app.command()
    def export(
        fmt: str = typer.Option(..., "--format", "-f",
                                help="gdelt, plover, parquet, csv or jsonl."),
        out: Path | None = typer.Option(None, "--out", "-o",
                                        help="Output file (a folder for parquet); "
                                             "default stdout."),
        db: Path = DbOption,
        source: str | None = SourceOpt, target: str | None = TargetOpt,
        since: str | None = SinceOpt, until: str | None = UntilOpt,
        root: str | None = RootOpt, modality: str = ModalityOpt,
        country: str | None = CountryOpt, plover: str | None = PloverOpt,
        quad: int | None = QuadOpt, min_sources: int | None = MinSourcesOpt,
        story: str | None = StoryOpt,
        header: bool = typer.Option(True, "--header/--no-header",
                                    help="GDELT: write the column-name line."),
    ) -> None:
        """Export events as GDELT 2.0 TSV, PLOVER JSON, Parquet (by month), CSV or JSONL."""
        from .. import export as export_mod
        from .. import query as q

        check_format(fmt, EXPORT_FORMATS)
        if fmt == "parquet" and out is None:
            raise typer.BadParameter("parquet export needs --out FOLDER")
        filt = q.EventFilter(source=source, target=target, since=since, until=until,
                             root=root, modality=modality, country=country, plover=plover,
                             quad=quad, min_sources=min_sources, story=story, limit=None)
        options = {"header": header} if fmt == "gdelt" else {}
        with _store_errors():
            n = export_mod.export(db, fmt, out if out is not None else sys.stdout, filt,
                                  **options)
        stderr.print(f"exported {n} events" + (f" to {out}" if out else ""))


def plot_dyad(rows: Sequence[dict[str, Any]], a: str, b: str, freq: str, path: Path) -> Path:
    """Draw the dyad series (events by direction and QuadClass, mean Goldstein) to a PNG.

    Args:
        rows: `query.dyad` rows.
        a: First actor label.
        b: Second actor label.
        freq: The period, for the axis label.
        path: Output PNG.

    Returns:
        The path written.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, (top, bottom) = plt.subplots(2, 1, figsize=(10, 6), sharex=True,
                                      gridspec_kw={"height_ratios": [2, 1]})
    for direction, style in ((f"{a}->{b}", "-"), (f"{b}->{a}", "--")):
        series = [r for r in rows if r["direction"] == direction]
        x = [r["period"] for r in series]
        for quad, colour in ((1, "tab:green"), (2, "tab:blue"), (3, "tab:orange"),
                             (4, "tab:red")):
            top.plot(x, [r[f"quad_{quad}"] for r in series], style, color=colour,
                     label=f"{direction} Q{quad}")
        bottom.plot(x, [r["mean_goldstein"] for r in series], style, marker=".",
                    color="black" if style == "-" else "grey", label=direction)
    top.set_ylabel(f"events per {freq}")
    top.set_title(f"{a} <-> {b}: events by QuadClass")
    top.legend(ncol=2, fontsize="small")
    bottom.axhline(0, color="lightgrey", linewidth=0.8)
    bottom.set_ylabel("mean Goldstein")
    bottom.legend(fontsize="small")
    fig.autofmt_xdate()
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=100, bbox_inches="tight")
    plt.close(fig)
    return path
