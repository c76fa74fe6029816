"""The CAMEO code table and its PLOVER mapping, loaded from coding/data/cameo.tsv.

Every event carries both taxonomies; this module is the one place that knows
how a CAMEO code maps to its root, QuadClass, Goldstein value and PLOVER type.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

PLOVER_TYPES = (
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
)


@dataclass(frozen=True, slots=True)
class CameoCode:
    """One CAMEO code with everything an event needs from it."""

    code: str
    name: str
    root: str
    goldstein: float
    quad_class: int
    plover: str | None
    plover_mode: str | None


@lru_cache(maxsize=1)
def cameo_table() -> dict[str, CameoCode]:
    """Return every CAMEO code keyed by its code string ("138", "0831").

    A code whose Goldstein value is blank in the table inherits its parent's.
    """
    text = resources.files("newsevents.coding").joinpath("data/cameo.tsv").read_text("utf-8")
    lines = [ln for ln in text.splitlines() if ln and not ln.startswith("#")]
    table: dict[str, CameoCode] = {}
    for row in csv.DictReader(lines, delimiter="\t"):
        code = row["code"]
        parent = table.get(code[:-1]) or table.get(code[:2])
        gold = row["goldstein"]
        table[code] = CameoCode(
            code=code,
            name=row["name"],
            root=row["root"],
            goldstein=float(gold) if gold else (parent.goldstein if parent else 0.0),
            quad_class=int(row["quad_class"]),
            plover=row["plover"] or None,
            plover_mode=row["plover_mode"] or None,
        )
    return table


def lookup(code: str) -> CameoCode:
    """Return the table entry for a CAMEO code.

    Args:
        code: A CAMEO code such as "138" or "0231". Unknown sub-codes fall back
            to their nearest known parent (user dictionaries carry codes CAMEO
            never defined, e.g. "0000" in test suites).

    Returns:
        The `CameoCode`.

    Raises:
        KeyError: If not even the two-digit root is known.
    """
    table = cameo_table()
    for n in range(len(code), 1, -1):
        entry = table.get(code[:n])
        if entry is not None:
            if n == len(code):
                return entry
            return CameoCode(code, entry.name, entry.root, entry.goldstein, entry.quad_class,
                             entry.plover, entry.plover_mode)
    raise KeyError(f"unknown CAMEO code {code!r}")


def is_valid(code: str) -> bool:
    """Return True when `code` is a code of the CAMEO table itself."""
    return code in cameo_table()
