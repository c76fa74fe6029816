"""Options and output helpers shared by the CLI commands."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from ..config import DEFAULT_DB

stdout = Console()
stderr = Console(stderr=True)

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
    for c in shown:
        table.add_column(c, overflow="fold")
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
