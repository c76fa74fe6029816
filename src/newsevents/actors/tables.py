"""Reading the knowledge base's TSV tables, with file:line problems instead of crashes.

Every table in `actors/data/` (and every user file passed with `--actors`) is
UTF-8 TSV: `#` comment lines, one header line naming the columns, then one row
per line, no quoting. The header says which kind of table a file is, so a
user file needs no other declaration.

A comment line that reads exactly `# overlap ok` exempts the row right under
it from the same-role overlap check (co-rulers, rival claimants, acting
holders); the people tables use it.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

OVERLAP_MARK = "# overlap ok"

# Header -> table kind. The first column set that a header contains decides.
KINDS: dict[str, tuple[str, ...]] = {
    "people": ("name", "aliases", "country", "role", "start", "end"),
    "countries": ("iso3", "name", "aliases", "demonyms", "capitals"),
    "orgs": ("id", "code", "country", "sector", "start", "end", "names"),
    "metonyms": ("phrase", "country", "sector", "context"),
    "sectors": ("code", "label", "terms"),
    "regions": ("name", "aliases", "country", "latitude", "longitude"),
    "independence": ("iso3", "since", "before"),
}

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


@dataclass(slots=True, frozen=True)
class Problem:
    """One thing wrong in a knowledge-base file.

    Attributes:
        path: The file.
        line: 1-based line number (0 for the whole file).
        level: "error" (the row is skipped) or "warning" (kept).
        message: What is wrong.
    """

    path: str
    line: int
    level: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.level}: {self.message}"


@dataclass(slots=True)
class Row:
    """One data row of a table, with where it came from."""

    path: str
    line: int
    values: dict[str, str]
    overlap_ok: bool = False
    extra: dict[str, str] = field(default_factory=dict)

    def get(self, key: str) -> str:
        return self.values.get(key, "")

    def items(self, key: str) -> list[str]:
        """The ';'-separated list in column `key`, stripped, empties dropped."""
        return [part.strip() for part in self.get(key).split(";") if part.strip()]


@dataclass(slots=True)
class Table:
    """A parsed file: its kind, rows and the problems met while reading it."""

    path: str
    kind: str | None
    rows: list[Row]
    problems: list[Problem]


def detect_kind(header: list[str]) -> str | None:
    """Name the table kind whose required columns the header has, or None."""
    names = set(header)
    for kind, required in KINDS.items():
        if set(required) <= names:
            return kind
    return None


def read_table(path: Path, expect: str | None = None) -> Table:
    """Read one TSV table.

    Args:
        path: The file.
        expect: The kind the caller wants; a different header is a problem.

    Returns:
        The table; unreadable files and ragged rows become `Problem`s, never
        exceptions.
    """
    where = str(path)
    problems: list[Problem] = []
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        return Table(where, None, [], [Problem(where, 0, "error", f"cannot read file: {exc}")])
    header: list[str] | None = None
    kind: str | None = None
    rows: list[Row] = []
    marked = False
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = raw.rstrip("\r\n")
        if not line.strip():
            marked = False
            continue
        if line.lstrip().startswith("#"):
            marked = line.strip() == OVERLAP_MARK
            continue
        fields_ = line.split("\t")
        if header is None:
            header = [h.strip() for h in fields_]
            kind = detect_kind(header)
            if kind is None:
                problems.append(Problem(where, lineno, "error",
                                        f"unknown table header: {' '.join(header)!r}"))
                return Table(where, None, [], problems)
            if expect and kind != expect:
                problems.append(Problem(where, lineno, "error",
                                        f"expected a {expect} table, found {kind}"))
                return Table(where, kind, [], problems)
            continue
        if len(fields_) > len(header):
            problems.append(Problem(where, lineno, "error",
                                    f"{len(fields_)} fields, header has {len(header)}"))
            marked = False
            continue
        # Trailing empty columns are often trimmed by editors: pad them.
        fields_ += [""] * (len(header) - len(fields_))
        values = {h: v.strip() for h, v in zip(header, fields_, strict=True)}
        rows.append(Row(where, lineno, values, overlap_ok=marked))
        marked = False
    if header is None:
        problems.append(Problem(where, 0, "error", "no header line"))
    return Table(where, kind, rows, problems)


def parse_date(value: str) -> dt.date | None:
    """Parse YYYY-MM-DD; None for empty or malformed values."""
    if not value or not _DATE.fullmatch(value):
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def iter_files(folder: Path) -> Iterator[Path]:
    """The .tsv files of a folder (recursively), in a stable order."""
    if folder.is_dir():
        yield from sorted(p for p in folder.rglob("*.tsv") if p.is_file())
