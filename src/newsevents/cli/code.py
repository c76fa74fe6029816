"""`newsevents code`: code text on the fly (nothing is stored)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import typer

from ..config import DEFAULT_MODEL
from ..errors import ConfigError
from ..model import EVENT_FIELDS
from .common import check_date, check_format, emit_rows, read_inputs, stderr

TABLE_COLUMNS = ("input_id", "date", "source_code", "cameo", "plover", "target_code",
                 "modality", "event_text", "sentence")


def _contexts(path: Path, default_date: str | None) -> Iterator[tuple[str, dict[str, Any]]]:
    """(text, context) pairs for `code_texts` from an --input JSONL file."""
    for rec in read_inputs(path):
        yield rec["text"], {"news_date": rec["date"] or default_date, "input_id": rec["id"],
                            "article_id": None}


def register(app: typer.Typer) -> None:
    """Add the `code` command to the root app."""

    @app.command("code")
    def code_cmd(
        text: str = typer.Argument(None, help="Text to code (omit with --input; '-' reads stdin)."),
        date: str = typer.Option(None, "--date", callback=check_date,
                                 help="Publication date YYYY-MM-DD (anchor for 'on Monday')."),
        input: Path = typer.Option(None, "--input", "-i",
                                   help='JSONL file, one {"id", "text", "date"?} per line.'),
        fmt: str = typer.Option("table", "--format", "-f", help="table, jsonl or csv."),
        conventions: str = typer.Option(
            "project", "--conventions",
            help="Coding conventions: 'project' (ours) or 'plover' (PLOVER's gold data)."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model to parse with."),
        actors: list[Path] = typer.Option(None, "--actors",
                                          help="Extra actor files (ours or PETRARCH format)."),
        dictionaries: Path = typer.Option(None, "--dictionaries",
                                          help="Folder or file of PETRARCH dictionaries."),
        dictionaries_mode: str = typer.Option("extend", "--dictionaries-mode",
                                              help="'extend' our lexicon or 'replace' it."),
        all_modalities: bool = typer.Option(True, "--all/--asserted-only",
                                            help="Show negated/future/hypothetical events too."),
    ) -> None:
        """Code TEXT (or every line of --input) into events and print them; nothing is stored.

        Example: newsevents code "North Korea threatened the United States on Monday." --format jsonl
        """
        from ..coding import code_texts
        from ..nlp import load_nlp
        from ..pipeline import build_coder
        from .run import build_config

        check_format(fmt, ("table", "jsonl", "csv"))
        if input is None and text is None:
            raise typer.BadParameter("give TEXT, '-' for stdin, or --input FILE.jsonl")
        config = build_config(Path("unused.duckdb"), 1, model, actors=actors,
                              dictionaries=dictionaries, dictionaries_mode=dictionaries_mode,
                              conventions=conventions)
        try:
            nlp = load_nlp(model)
            coder = build_coder(config)
        except ConfigError as exc:
            stderr.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
        if input is not None:
            items: Any = _contexts(input, date)
        else:
            body = sys.stdin.read() if text == "-" else text
            items = [(body, {"news_date": date, "input_id": None, "article_id": None})]
        events = (e for e in code_texts(items, nlp, coder)
                  if all_modalities or e.modality == "asserted")
        n = emit_rows((e.to_dict() for e in events), fmt, EVENT_FIELDS, title="events",
                      table_columns=TABLE_COLUMNS)
        if fmt == "table":
            stderr.print(f"{n} event(s)")
