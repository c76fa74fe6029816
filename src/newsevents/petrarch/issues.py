"""Reader for PETRARCH issue dictionaries (topic tagging, not events).

Format:

    <ISSUE CATEGORY="EDUCATION" TYPE="ALL">
    n:teacher [TEACHERS]          `n:` marks a noun: its plural matches too
    pre+k [EARLY_CHILDHOOD]       `+` joins parts written with a hyphen or together
    ~a head start                 `~` phrases block a match (idioms)
    </ISSUE>
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ._lines import iter_lines, warn_line
from .agents import plural


@dataclass(frozen=True, slots=True)
class Issue:
    """One issue code and the category block it belongs to."""

    code: str
    category: str


@dataclass(slots=True)
class IssueDictionary:
    """Issue phrases (upper-case word tuples) and blocking phrases."""

    phrases: dict[tuple[str, ...], Issue] = field(default_factory=dict)
    blocks: set[tuple[str, ...]] = field(default_factory=set)
    max_len: int = 0

    def update(self, other: IssueDictionary) -> None:
        for k, v in other.phrases.items():
            self.phrases.setdefault(k, v)
        self.blocks |= other.blocks
        self.max_len = max(self.max_len, other.max_len)

    def find(self, words: list[str]) -> list[Issue]:
        """Return the issues mentioned in a word list (upper-case), in order, once each."""
        found: list[Issue] = []
        n = len(words)
        i = 0
        while i < n:
            step = 1
            for k in range(min(self.max_len, n - i), 0, -1):
                key = tuple(words[i:i + k])
                if key in self.blocks:
                    step = k
                    break
                issue = self.phrases.get(key)
                if issue is not None:
                    if issue not in found:
                        found.append(issue)
                    step = k
                    break
            i += step
        return found


def _variants(token: str) -> list[tuple[str, ...]]:
    """Spellings of one dictionary token: `n:` adds the plural, `+` joins parts."""
    noun = token.startswith("N:")
    token = token[2:] if noun else token
    bases = [token]
    if "+" in token:
        parts = token.split("+")
        bases = ["-".join(parts), "".join(parts), " ".join(parts)]
    out: list[tuple[str, ...]] = []
    for b in bases:
        words = tuple(b.split())
        out.append(words)
        if noun:
            out.append(words[:-1] + (plural(words[-1]),))
    return out


def read_issues(path: Path) -> IssueDictionary:
    """Read an issue file.

    Args:
        path: The file.

    Returns:
        The IssueDictionary; unusable lines are reported with `DictionaryWarning`.
    """
    result = IssueDictionary()
    category = ""
    for lineno, line, raw in iter_lines(path):
        text = line.strip()
        m = re.match(r'<ISSUE\s+CATEGORY="([^"]*)"', text, re.IGNORECASE)
        if m:
            category = m.group(1)
            continue
        if text.upper().startswith("</ISSUE"):
            category = ""
            continue
        if text.startswith("~"):
            for words in _expand_phrase(text[1:].upper()):
                result.blocks.add(words)
                result.max_len = max(result.max_len, len(words))
            continue
        m = re.match(r"^([^\[\]]+?)\s*(?:\[([^\]]+)\])?\s*$", text)
        if not m or not (m.group(2) or category):
            warn_line(path, lineno, "not an issue entry (PHRASE [CODE])", raw)
            continue
        # A phrase without a code inside a block stands for the block's category.
        issue = Issue(code=(m.group(2) or category).strip().upper(), category=category)
        for words in _expand_phrase(m.group(1).upper()):
            result.phrases.setdefault(words, issue)
            result.max_len = max(result.max_len, len(words))
    return result


def _expand_phrase(text: str) -> list[tuple[str, ...]]:
    """All word-tuple spellings of a multi-token issue phrase."""
    combos: list[tuple[str, ...]] = [()]
    for token in text.split():
        combos = [c + v for c in combos for v in _variants(token)]
    return combos
