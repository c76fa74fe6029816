"""`newsevents run`: ingest news into the store."""

from __future__ import annotations

from pathlib import Path

import typer
from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn
from rich.table import Table

from ..config import DEFAULT_MODEL, Config
from ..errors import REASONS
from ..pipeline import Pipeline, RunSummary
from .common import DbOption, stderr


def is_petrarch_file(path: Path) -> bool:
    """Tell a PETRARCH/TABARI dictionary from an actor file in our own format.

    PETRARCH files put codes in square brackets (`NAME_ [CODE]`, `--- VERB [010] ---`);
    ours are tab-separated or YAML.
    """
    try:
        head = path.read_text(encoding="utf-8", errors="replace")[:20000]
    except OSError:
        return False
    lines = [ln for ln in head.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]
    bracketed = sum(1 for ln in lines if "[" in ln and "]" in ln and "\t" not in ln)
    return bool(lines) and bracketed / len(lines) > 0.3


def build_config(
    db: Path, workers: int | None, model: str, batch_size: int = 32,
    max_bytes: int = 5 * 1024 * 1024, text_field: str = "text", title_field: str = "title",
    date_field: str = "date", url_field: str = "url", id_field: str = "id",
    actors: list[Path] | None = None, dictionaries: Path | None = None,
    verbs: Path | None = None, agents: Path | None = None, discards: Path | None = None,
    dictionaries_mode: str = "extend", dedup_threshold: float = 0.5,
    lexicon: list[Path] | None = None, engine: str = "local", spark_master: str | None = None,
    conventions: str = "project",
) -> Config:
    """Turn CLI options into a `Config` (shared by `run`, `code`, `fetch` and `demo`)."""
    if conventions not in ("project", "plover"):
        raise typer.BadParameter("--conventions must be 'project' or 'plover'")
    if engine not in ("local", "spark"):
        raise typer.BadParameter("--engine must be 'local' or 'spark'")
    if dictionaries_mode not in ("replace", "extend"):
        raise typer.BadParameter("--dictionaries-mode must be 'replace' or 'extend'")
    ours: list[Path] = []
    petrarch: list[Path] = []
    kinds: dict[str, str] = {}
    for p in actors or []:
        if not p.exists():
            raise typer.BadParameter(f"{p} does not exist")
        if is_petrarch_file(p):
            petrarch.append(p)
            kinds[str(p)] = "actors"
        else:
            ours.append(p)
    for p in lexicon or []:
        if not p.exists():
            raise typer.BadParameter(f"{p} does not exist")
    for p, kind in ((dictionaries, None), (verbs, "verbs"), (agents, "agents"),
                    (discards, "discards")):
        if p is None:
            continue
        if not p.exists():
            raise typer.BadParameter(f"{p} does not exist")
        petrarch.append(p)
        if kind:
            kinds[str(p)] = kind
    return Config(
        model=model, db=db, workers=workers, batch_size=batch_size, max_bytes=max_bytes,
        text_field=text_field, title_field=title_field, date_field=date_field,
        url_field=url_field, id_field=id_field, actors_files=ours, dictionaries=petrarch,
        dictionaries_mode=dictionaries_mode, dictionary_kinds=kinds,
        dedup_threshold=dedup_threshold, lexicon_files=list(lexicon or []),
        engine=engine, spark_master=spark_master, conventions=conventions,
    )


def run_with_progress(pipeline: Pipeline, inputs: list, quiet: bool = False) -> RunSummary:
    """Run a pipeline with a live counter on stderr, then print the summary there."""
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TimeElapsedColumn(), console=stderr, transient=True,
                  disable=quiet) as progress:
        task = progress.add_task("reading", total=None)

        def update(s: RunSummary) -> None:
            progress.update(task, description=(
                f"files {s.files_read}  articles {s.articles}  events {s.events}  "
                f"errors {sum(s.errors.values())}"))

        summary = pipeline.run(inputs, on_progress=update)
    if not quiet:
        print_summary(summary)
    return summary


def print_summary(s: RunSummary) -> None:
    """The one-screen report at the end of a run."""
    t = Table(title="newsevents run", show_header=False)
    t.add_column("what")
    t.add_column("count", justify="right")
    t.add_row("files read", str(s.files_read))
    t.add_row("articles stored", str(s.articles))
    t.add_row("  of which syndicated copies", str(s.syndicated_copies))
    t.add_row("already in the store (skipped)", str(s.already_stored))
    for reason, n in sorted(s.not_coded.items()):
        t.add_row(f"stored, not coded: {reason}", str(n))
    t.add_row("sentences", str(s.sentences))
    t.add_row("events", str(s.events))
    t.add_row("errors", str(sum(s.errors.values())))
    for reason, n in s.errors.most_common():
        t.add_row(f"  {reason}: {REASONS.get(reason, '')}", str(n))
    t.add_row("seconds", f"{s.seconds:.1f}")
    stderr.print(t)


def register(app: typer.Typer) -> None:
    @app.command()
    def run(
        paths: list[str] = typer.Argument(..., help="Files, folders (read recursively) or globs."),
        db: Path = DbOption,
        workers: int = typer.Option(0, "--workers", "-w",
                                    help="Worker processes (0 = number of cores)."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model to load."),
        batch_size: int = typer.Option(32, "--batch-size", help="Articles per batch."),
        max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes",
                                      help="Refuse pages or files larger than this."),
        text_field: str = typer.Option("text", "--text-field", help="JSONL/CSV text field."),
        title_field: str = typer.Option("title", "--title-field", help="JSONL/CSV title field."),
        date_field: str = typer.Option("date", "--date-field", help="JSONL/CSV date field."),
        url_field: str = typer.Option("url", "--url-field", help="JSONL/CSV URL field."),
        id_field: str = typer.Option("id", "--id-field", help="JSONL/CSV id field."),
        actors: list[Path] = typer.Option(
            [], "--actors", help="Extra actor file (ours or PETRARCH format); repeatable."),
        lexicon: list[Path] = typer.Option(
            [], "--lexicon", help="Extra event-pattern file (our YAML format); repeatable."),
        dictionaries: Path | None = typer.Option(
            None, "--dictionaries", help="Folder of PETRARCH/TABARI dictionaries."),
        verbs: Path | None = typer.Option(None, "--verbs", help="PETRARCH verb dictionary."),
        agents: Path | None = typer.Option(None, "--agents", help="PETRARCH agents dictionary."),
        discards: Path | None = typer.Option(None, "--discards", help="PETRARCH discards."),
        dictionaries_mode: str = typer.Option(
            "extend", "--dictionaries-mode",
            help="'replace' our lexicon with the dictionaries, or 'extend' it."),
        dedup_threshold: float = typer.Option(
            0.5, "--dedup-threshold", help="Similarity above which articles are one story."),
        conventions: str = typer.Option(
            "project", "--conventions",
            help="Coding conventions: 'project' (ours) or 'plover' (PLOVER's gold data)."),
        engine: str = typer.Option(
            "local", "--engine",
            help="'local' worker processes, or 'spark' to analyse on a Spark cluster."),
        spark_master: str | None = typer.Option(
            None, "--spark-master", help="Spark master URL (default: local[*])."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary."),
    ) -> None:
        """Ingest news (HTML, WARC, text dumps, JSONL, CSV) into the store and code events."""
        config = build_config(db, workers or None, model, batch_size, max_bytes, text_field,
                              title_field, date_field, url_field, id_field, actors,
                              dictionaries, verbs, agents, discards, dictionaries_mode,
                              dedup_threshold, lexicon, engine, spark_master, conventions)
        run_with_progress(Pipeline(config), paths, quiet=quiet)
