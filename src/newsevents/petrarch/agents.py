"""Reader for PETRARCH agent dictionaries.

Format:

    !PERSON! = MAN, MEN, WOMAN, WOMEN     a substitution set used in later names
    POLICE {} [~COP]                      suffix agent, `{}`: no generated plural
    GOLDEN_GOOSE {GOLDEN_GEESE} [~GGS]    explicit plural(s)
    MSF {} [NGO~]                         prefix agent ("MSF Arnor" -> NGOARN)
    CONGRESS!PERSON! [~LEG]               CONGRESSMAN, CONGRESSMEN, ...

Without braces a regular plural of the last word is generated.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass
from pathlib import Path

from ._lines import iter_lines, phrase_words, warn_line
from .phrases import PhraseDictionary


@dataclass(frozen=True, slots=True)
class AgentEntry:
    """An agent: the code it adds and whether it goes before or after the actor code."""

    name: str
    code: str
    prefix: bool = False


def plural(word: str) -> str:
    """Return the regular English plural of an upper-case word."""
    if word.endswith("MAN"):
        return word[:-3] + "MEN"
    if len(word) > 1 and word.endswith("Y") and word[-2] not in "AEIOU":
        return word[:-1] + "IES"
    if word.endswith(("S", "X", "Z", "CH", "SH")):
        return word + "ES"
    return word + "S"


class AgentDictionary(PhraseDictionary[AgentEntry]):
    """Agent names for longest-match lookup."""


_SUBST_DEF = re.compile(r"^\s*(![A-Z0-9_]+!)\s*=\s*(.+)$", re.IGNORECASE)
_ENTRY = re.compile(r"^(?P<name>[^{\[]+?)\s*(?:\{(?P<plurals>[^}]*)\})?\s*\[(?P<code>[^\]]*)\]\s*$")


def _expand(name: str, subst: dict[str, list[str]]) -> list[str]:
    """Expand every !SET! marker in a name into each of its values."""
    parts = re.split(r"(![A-Z0-9_]+!)", name.upper())
    choices = [subst.get(p, [p]) if p.startswith("!") else [p] for p in parts]
    return ["".join(combo) for combo in itertools.product(*choices)]


def read_agents(path: Path) -> AgentDictionary:
    """Read one agent dictionary file.

    Args:
        path: The file.

    Returns:
        The AgentDictionary; unusable lines are reported with `DictionaryWarning`.
    """
    result = AgentDictionary()
    subst: dict[str, list[str]] = {}
    for lineno, line, raw in iter_lines(path):
        m = _SUBST_DEF.match(line)
        if m:
            subst[m.group(1).upper()] = [v.strip().upper() for v in m.group(2).split(",") if v.strip()]
            continue
        m = _ENTRY.match(line.strip())
        if not m:
            warn_line(path, lineno, "not an agent entry (NAME [~CODE])", raw)
            continue
        body = m.group("code").replace(" ", "").upper()
        if body.startswith("~") and len(body) > 1:
            code, prefix = body[1:], False
        elif body.endswith("~") and len(body) > 1:
            code, prefix = body[:-1], True
        else:
            warn_line(path, lineno, "agent code must be [~CODE] or [CODE~]", raw)
            continue
        names = _expand(m.group("name").strip(), subst)
        if any("!" in n for n in names):
            warn_line(path, lineno, "unknown substitution set", raw)
            continue
        plurals = m.group("plurals")
        result.entries += 1
        for name in names:
            words = phrase_words(name)
            if not words:
                continue
            entry = AgentEntry(name=" ".join(words), code=code, prefix=prefix)
            result.add(words, entry)
            if plurals is None:
                result.add(words[:-1] + (plural(words[-1]),), entry)
            else:
                for p in plurals.split():
                    result.add(phrase_words(p), entry)
    return result
