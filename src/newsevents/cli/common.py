"""Options and output helpers shared by the CLI commands."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from ..config import DEFAULT_DB, Config
from ..errors import error
from ..model import ErrorRecord
from ..sources import iter_items


def _console(stderr: bool = False) -> Console:
    # Piped output would otherwise be laid out for 80 columns and fold every cell.
    console = Console(stderr=stderr)
    if not console.is_terminal:
        console = Console(stderr=stderr, width=max(console.width, 160))
    return console


stdout = _console()
stderr = _console(stderr=True)

# Columns holding prose: they take the remaining width and are cut with an ellipsis.
PROSE_COLUMNS = {"sentence", "text", "title", "event_text", "source_text", "target_text",
                 "detail", "url", "outlets", "publishers", "publisher", "source_path",
                 "name", "matched"}

DbOption = typer.Option(Path(DEFAULT_DB), "--db", help="DuckDB store file.")


def check_date(value: str | None) -> str | None:
    """Validate a YYYY-MM-DD option value (Typer callback)."""
    if value is None:
        return None
    try:
        dt.date.fromisoformat(value)
    except ValueError as exc:
        raise typer.BadParameter(f"{value!r} is not a date in YYYY-MM-DD form") from exc
    return value


def check_format(value: str, allowed: Sequence[str]) -> str:
    if value not in allowed:
        raise typer.BadParameter(f"format must be one of {', '.join(allowed)}, not {value!r}")
    return value


# Short headers for the table view (JSONL/CSV keep the contract's field names).
TABLE_HEADERS = {"source_code": "source", "target_code": "target", "quad_class": "quad",
                 "goldstein": "gold", "num_sources": "srcs", "num_mentions": "ments",
                 "num_articles": "arts", "cameo_root": "root", "plover_mode": "mode",
                 "source_country": "src_ctry", "target_country": "tgt_ctry"}


# Values people copy or compare, never to be cut.
MIN_WIDTHS = {"date": 10, "published": 10, "first_seen": 10, "last_seen": 10,
              "story_id": 17, "id": 16, "article_id": 16}


def read_inputs(path: Path) -> Iterator[dict[str, Any]]:
    """Read `--input FILE.jsonl` through the sources stage: {"id", "text", "date"} per line.

    Lines that cannot be used (bad JSON, no text) are reported on stderr as
    error records and skipped; the rest of the file is read. `id` defaults to
    "line N", `date` to None (the caller applies its --date).
    """
    for item in iter_items([str(path)], Config()):
        if isinstance(item, ErrorRecord):
            report_error(item)
            continue
        # The sources stage already refuses records without text; a page or text
        # file is not a record at all.
        if item.kind != "record" or not item.fields:
            report_error(error(item.source_path, "source", "bad_record",
                               "--input takes JSONL records, not pages", item.locator))
            continue
        fields = item.fields
        text = fields["text"]
        date = fields.get("date")
        try:
            date = check_date(str(date)[:10]) if date else None
        except typer.BadParameter:
            date = None
        yield {"id": item.input_id or item.locator, "text": text, "date": date}


def report_error(err: Any) -> None:
    """Tell the user on stderr that an input was skipped, and why."""
    stderr.print(f"[yellow]skipped[/yellow] {err.source_path} {err.locator or ''}: "
                 f"{err.reason} ({err.detail})", highlight=False)


def emit_rows(rows: Iterable[dict[str, Any]], fmt: str, columns: Sequence[str],
              title: str | None = None, table_columns: Sequence[str] | None = None) -> int:
    """Print rows as a rich table, JSON lines or CSV on stdout.

    Args:
        rows: Dicts keyed by column name.
        fmt: "table", "jsonl", "json" or "csv".
        columns: Every column, in order (JSONL/CSV keep them all).
        title: Table caption.
        table_columns: The subset shown in table form (terminals are narrow).

    Returns:
        The number of rows printed.
    """
    n = 0
    if fmt == "jsonl":
        for row in rows:
            sys.stdout.write(json.dumps({c: row.get(c) for c in columns}, ensure_ascii=False,
                                        default=str) + "\n")
            n += 1
        return n
    if fmt == "json":
        data = [{c: row.get(c) for c in columns} for row in rows]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n")
        return len(data)
    if fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        writer.writeheader()
        for row in rows:
            writer.writerow({c: _flat(row.get(c)) for c in columns})
            n += 1
        return n
    shown = list(table_columns or columns)
    table = Table(title=title, show_lines=False)
    prose_width = max(24, 72 // max(1, sum(c in PROSE_COLUMNS for c in shown)) + 8)
    for c in shown:
        if c in PROSE_COLUMNS:
            table.add_column(c, overflow="ellipsis", no_wrap=True, max_width=prose_width)
        else:
            label = TABLE_HEADERS.get(c, c)
            table.add_column(label, no_wrap=True,
                             min_width=MIN_WIDTHS.get(c, min(len(label), 10)))
    for row in rows:
        table.add_row(*(_cell(row.get(c)) for c in shown))
        n += 1
    stdout.print(table)
    return n


def _flat(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return "; ".join(map(str, value))
    return value


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:g}"
    return str(_flat(value))
