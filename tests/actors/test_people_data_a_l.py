"""Integrity checks for the A-L heads of state / government table.

The table is hand-written reference data, so these tests guard the things a
human typist gets wrong: stray spaces or tabs, impossible dates, spells that
overlap, and whole countries left out.  Self-contained on purpose: it reads
the TSV directly and needs nothing from the package.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections import defaultdict
from pathlib import Path

import pytest

DATA = (
    Path(__file__).resolve().parents[2]
    / "src"
    / "newsevents"
    / "actors"
    / "data"
    / "people"
    / "heads_a_l.tsv"
)

COLUMNS = ["name", "aliases", "country", "role", "start", "end"]
ROLES = {"head_of_state", "head_of_government"}
OVERLAP_MARK = "# overlap ok"
FIRST_DAY = dt.date(2000, 1, 1)
# Countries where the table knowingly has no current head of state:
# COL - the president inaugurated 2026-08-07 is not recorded yet;
# HTI - no president since the transitional council's mandate ended 2026-02-07.
NO_CURRENT_HEAD_OF_STATE = {"COL", "HTI"}

# UN member states whose English short name falls in A-L (Afghanistan .. Luxembourg).
# Both Koreas live in heads_m_z.tsv (North/South Korea), so they are not expected here.
UN_MEMBERS_A_L = {
    "AFG", "ALB", "DZA", "AND", "AGO", "ATG", "ARG", "ARM", "AUS", "AUT", "AZE",
    "BHS", "BHR", "BGD", "BRB", "BLR", "BEL", "BLZ", "BEN", "BTN", "BOL", "BIH",
    "BWA", "BRA", "BRN", "BGR", "BFA", "BDI",
    "CPV", "KHM", "CMR", "CAN", "CAF", "TCD", "CHL", "CHN", "COL", "COM", "COG",
    "CRI", "CIV", "HRV", "CUB", "CYP", "CZE",
    "COD", "DNK", "DJI", "DMA", "DOM",
    "ECU", "EGY", "SLV", "GNQ", "ERI", "EST", "SWZ", "ETH",
    "FJI", "FIN", "FRA",
    "GAB", "GMB", "GEO", "DEU", "GHA", "GRC", "GRD", "GTM", "GIN", "GNB", "GUY",
    "HTI", "HND", "HUN",
    "ISL", "IND", "IDN", "IRN", "IRQ", "IRL", "ISR", "ITA",
    "JAM", "JPN", "JOR",
    "KAZ", "KEN", "KIR", "KWT", "KGZ",
    "LAO", "LVA", "LBN", "LSO", "LBR", "LBY", "LIE", "LTU", "LUX",
}


def _load() -> tuple[list[str], list[tuple[int, dict[str, str], bool]]]:
    """Read the table.

    Returns:
        The header fields and a list of (line number, row dict, overlap_ok)
        where overlap_ok is True when the line just above is the marker.
    """
    lines = DATA.read_text(encoding="utf-8").splitlines()
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str], bool]] = []
    marked = False
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            marked = False
            continue
        if line.startswith("#"):
            marked = line.strip() == OVERLAP_MARK
            continue
        fields = next(csv.reader([line], delimiter="\t", quoting=csv.QUOTE_NONE))
        if header is None:
            header = fields
            continue
        assert len(fields) == len(header), f"line {lineno}: {len(fields)} fields: {line!r}"
        rows.append((lineno, dict(zip(header, fields, strict=True)), marked))
        marked = False
    assert header is not None, "no header line"
    return header, rows


@pytest.fixture(scope="module")
def table() -> tuple[list[str], list[tuple[int, dict[str, str], bool]]]:
    return _load()


def _date(value: str) -> dt.date:
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", value), value
    return dt.date.fromisoformat(value)


def test_header(table) -> None:
    header, rows = table
    assert header == COLUMNS
    assert len(rows) > 500


def test_fields_are_clean(table) -> None:
    _, rows = table
    for lineno, row, _ in rows:
        for key, value in row.items():
            assert value == value.strip(), f"line {lineno}: padded {key}"
            assert '"' not in value, f"line {lineno}: quote in {key}"
        assert row["name"], f"line {lineno}: empty name"
        assert re.fullmatch(r"[A-Z]{3}", row["country"]), f"line {lineno}: {row['country']}"
        assert row["role"] in ROLES, f"line {lineno}: {row['role']}"
        if row["aliases"]:
            aliases = row["aliases"].split(";")
            assert all(a and a == a.strip() for a in aliases), f"line {lineno}: bad alias list"
            assert row["name"] not in aliases, f"line {lineno}: alias repeats name"


def test_dates(table) -> None:
    _, rows = table
    today = dt.date.today()
    for lineno, row, _ in rows:
        start = _date(row["start"])
        assert start <= today, f"line {lineno}: start in the future"
        if row["end"]:
            end = _date(row["end"])
            assert start <= end, f"line {lineno}: start after end"
            assert end >= FIRST_DAY, f"line {lineno}: spell ends before 2000"


def test_no_duplicate_rows(table) -> None:
    _, rows = table
    seen: set[tuple[str, ...]] = set()
    for lineno, row, _ in rows:
        key = (row["name"], row["country"], row["role"], row["start"])
        assert key not in seen, f"line {lineno}: duplicate {key}"
        seen.add(key)


def test_no_unmarked_overlaps(table) -> None:
    _, rows = table
    spells: dict[tuple[str, str], list[tuple[dt.date, dt.date, int]]] = defaultdict(list)
    for lineno, row, marked in rows:
        if marked:
            continue
        end = _date(row["end"]) if row["end"] else dt.date.max
        spells[(row["country"], row["role"])].append((_date(row["start"]), end, lineno))
    problems = []
    for key, items in spells.items():
        items.sort()
        # Compare each spell with the latest-ending earlier one, so a long spell
        # cannot hide behind a short one in between.
        _, last_end, last_line = items[0]
        for start, end, lineno in items[1:]:
            # A same-day handover (end == next start) is not an overlap.
            if start < last_end:
                problems.append(f"{key}: line {last_line} overlaps line {lineno}")
            if end > last_end:
                last_end, last_line = end, lineno
    assert not problems, "\n".join(problems)


def test_every_member_has_a_head_of_state(table) -> None:
    _, rows = table
    countries = {row["country"] for _, row, _ in rows}
    assert UN_MEMBERS_A_L - countries == set()
    with_hos = {row["country"] for _, row, _ in rows if row["role"] == "head_of_state"}
    assert UN_MEMBERS_A_L - with_hos == set()


def test_someone_in_office_now(table) -> None:
    """Each country should have a current head of state (an open spell)."""
    _, rows = table
    current = {
        row["country"] for _, row, _ in rows if row["role"] == "head_of_state" and not row["end"]
    }
    assert UN_MEMBERS_A_L - current - NO_CURRENT_HEAD_OF_STATE == set()
    # A documented gap that has been filled should be removed from the exemption list.
    assert NO_CURRENT_HEAD_OF_STATE & current == set()
