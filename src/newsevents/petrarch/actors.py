"""Reader for PETRARCH/TABARI actor dictionaries.

Format (one entry per name):

    NORTH_KOREA  [PRK]             a name and its code
    +PYONGYANG                     synonyms of the entry above
    GOLLUM                         a name whose codes follow on indented lines
        [HOB < 950601]             before a date (YYMMDD or YYYYMMDD)
        [HOBGOV 19950601-19990815] within a date range (inclusive)
        [HOBREB > 990816]          from a date on
    THE_SHIRE  [FRO/BIL/SAM]       `/` gives several actors at once

The first dated code whose range holds the sentence date wins (dictionaries
list overriding ranges first); otherwise the undated code is used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ._lines import expand_year, iter_lines, phrase_words, warn_line
from .phrases import PhraseDictionary

NULL_CODES = frozenset({"---", "+++", "###"})
"""Codes that mark a name as known but deliberately uncoded."""


@dataclass(frozen=True, slots=True)
class DatedCode:
    """An actor code with an optional validity range (YYYYMMDD, inclusive start)."""

    code: str
    start: str | None = None
    end: str | None = None
    end_inclusive: bool = True

    def holds(self, date: str) -> bool:
        """Return True when `date` (YYYYMMDD) falls inside this code's range."""
        if self.start is not None and date < self.start:
            return False
        if self.end is not None:
            return date <= self.end if self.end_inclusive else date < self.end
        return True

    @property
    def dated(self) -> bool:
        return self.start is not None or self.end is not None


@dataclass(slots=True)
class ActorEntry:
    """One dictionary entry: its primary name, synonyms and codes."""

    name: str
    codes: list[DatedCode] = field(default_factory=list)
    source: str = ""
    line: int = 0

    def codes_on(self, date: str | None) -> list[str]:
        """Return the codes valid on a date.

        Args:
            date: YYYYMMDD, or None when unknown.

        Returns:
            The code(s) of the first dated range holding the date, else the
            undated code(s); `/`-separated codes give several. Empty when the
            entry is a deliberate null (`[---]`) or no range applies.
        """
        chosen: str | None = None
        if date:
            for dc in self.codes:
                if dc.dated and dc.holds(date):
                    chosen = dc.code
                    break
        if chosen is None:
            undated = [dc for dc in self.codes if not dc.dated]
            if undated:
                chosen = undated[0].code
            elif not date and self.codes:
                chosen = self.codes[-1].code
        if chosen is None or chosen in NULL_CODES:
            return []
        return [c for c in chosen.split("/") if c]


_CODE_RE = re.compile(
    r"^\s*(?P<code>[^\s<>\d][^\s<>]*)\s*"
    r"(?:(?P<op>[<>])\s*(?P<d1>\d+)|(?P<a>\d+)\s*-\s*(?P<b>\d+))?\s*$"
)


def parse_code(body: str) -> DatedCode | None:
    """Parse the inside of `[...]`: "PRK", "HOB < 950601", "HOBGOV 19950601-19990815".

    Returns:
        The DatedCode, or None when the text is not a valid code.
    """
    m = _CODE_RE.match(body)
    if not m:
        return None
    code = m.group("code").upper()
    if m.group("op"):
        d = expand_year(m.group("d1"))
        if d is None:
            return None
        # "<D" ends the day before D; ">D" starts on D, so adjacent ranges
        # written as "<950601" and "950601-..." never both hold.
        if m.group("op") == "<":
            return DatedCode(code, None, d, end_inclusive=False)
        return DatedCode(code, d, None)
    if m.group("a"):
        a, b = expand_year(m.group("a")), expand_year(m.group("b"))
        if a is None or b is None:
            return None
        return DatedCode(code, a, b)
    return DatedCode(code)


class ActorDictionary(PhraseDictionary[ActorEntry]):
    """Actor names for longest-match lookup."""


def _add_codes(entry: ActorEntry, brackets: list[str], path: Path, lineno: int,
               raw: str) -> None:
    """Add the `[CODE ...]` bodies of one line to an entry, warning about bad ones."""
    for body in brackets:
        dc = parse_code(body)
        if dc is None:
            warn_line(path, lineno, "bad actor code", raw)
        else:
            entry.codes.append(dc)


def read_actors(path: Path) -> ActorDictionary:
    """Read one actor dictionary file.

    Args:
        path: The file.

    Returns:
        The ActorDictionary. Unusable lines are reported with
        `DictionaryWarning` (file and line) and skipped.
    """
    result = ActorDictionary()
    current: ActorEntry | None = None
    pending: list[tuple[str, ...]] = []

    def flush() -> None:
        nonlocal current, pending
        if current is not None:
            if not current.codes:
                warn_line(path, current.line, "actor has no code", current.name)
            else:
                for words in pending:
                    result.add(words, current)
                result.entries += 1
        current, pending = None, []

    for lineno, line, raw in iter_lines(path):
        stripped = line.strip()
        brackets = re.findall(r"\[([^\]]*)\]", stripped)
        if "[" in stripped and not brackets or stripped.count("[") != len(brackets):
            warn_line(path, lineno, "unbalanced brackets", raw)
            continue
        head = stripped.split("[", 1)[0].strip()
        if not head:  # a code line for the current entry
            if current is None:
                warn_line(path, lineno, "code line without an actor", raw)
                continue
            _add_codes(current, brackets, path, lineno, raw)
            continue
        if head.startswith("+"):
            if current is None:
                warn_line(path, lineno, "synonym without an actor", raw)
                continue
            words = phrase_words(head[1:])
            if words:
                pending.append(words)
            _add_codes(current, brackets, path, lineno, raw)
            continue
        flush()
        words = phrase_words(head)
        if not words:
            warn_line(path, lineno, "empty actor name", raw)
            continue
        current = ActorEntry(name=" ".join(words), source=str(path), line=lineno)
        pending = [words]
        _add_codes(current, brackets, path, lineno, raw)
    flush()
    return result
