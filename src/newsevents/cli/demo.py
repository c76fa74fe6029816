"""`newsevents demo`: ingest the bundled sample corpus and show its events."""

from __future__ import annotations

import tempfile
from pathlib import Path

import typer

from ..config import DEFAULT_MODEL, Config
from ..pipeline import Pipeline
from .common import stderr
from .run import run_with_progress


def find_examples() -> Path | None:
    """The sample corpus: `examples/` in the current folder or in the source checkout."""
    for base in (Path.cwd(), *Path(__file__).resolve().parents):
        candidate = base / "examples"
        if (candidate / "README.md").exists():
            return candidate
    return None


def sample_inputs(examples: Path) -> list[str]:
    """The corpus inside `examples/`: everything but its README."""
    return [str(p) for p in sorted(examples.iterdir())
            if p.name != "README.md" and not p.name.startswith(".")]


def register(app: typer.Typer) -> None:
    @app.command()
    def demo(
        db: Path | None = typer.Option(None, "--db", help="Store to fill (default: a temporary one)."),
        workers: int = typer.Option(0, "--workers", "-w", help="Worker processes (0 = cores)."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model to load."),
        limit: int = typer.Option(40, "--limit", help="Events to print."),
    ) -> None:
        """Ingest the bundled sample corpus (examples/) and print its events."""
        from ..query import events_rows
        from .query import print_events

        examples = find_examples()
        if examples is None:
            stderr.print("[red]No examples/ folder found: run the demo from a source checkout.")
            raise typer.Exit(1)
        tmp = None
        if db is None:
            tmp = tempfile.TemporaryDirectory(prefix="newsevents-demo-")
            db = Path(tmp.name) / "demo.duckdb"
        config = Config(db=db, workers=workers or None, model=model)
        run_with_progress(Pipeline(config), sample_inputs(examples))
        stderr.print(f"store: {db}")
        print_events(events_rows(db, limit=limit), "table")
        if tmp is not None:
            tmp.cleanup()
