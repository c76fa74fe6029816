"""Line handling shared by the dictionary readers: comments, warnings, word normalisation.

PETRARCH/TABARI dictionaries are hand-edited text files: `#` starts a comment,
`<!-- ... -->` blocks (possibly spanning lines) are comments too, and
words inside a phrase are joined by `_` or spaces. Every reader reports a line
it cannot use through `warn_line`, so a malformed entry never stops a load.
"""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Iterator
from pathlib import Path

log = logging.getLogger("newsevents.petrarch")


class DictionaryWarning(UserWarning):
    """A dictionary line could not be used (it is skipped, the load goes on)."""


def warn_line(path: Path | str, lineno: int, message: str, line: str = "") -> None:
    """Report an unusable dictionary line with its file and line number.

    Args:
        path: The dictionary file.
        lineno: 1-based line number.
        message: What is wrong.
        line: The offending text (shortened in the message).
    """
    text = f"{path}:{lineno}: {message}"
    if line:
        text += f": {line.strip()[:80]!r}"
    # The warning is what users see (and tests capture); the log line is for
    # pipelines that collect logs, at INFO so the two do not print twice.
    log.info(text)
    warnings.warn(text, DictionaryWarning, stacklevel=3)


_XML_COMMENT = re.compile(r"<!.*?-->", re.DOTALL)


def iter_lines(path: Path) -> Iterator[tuple[int, str, str]]:
    """Yield the meaningful lines of a dictionary file.

    Args:
        path: The file (read as UTF-8, undecodable bytes replaced).

    Yields:
        (line number, text without comments and trailing space, the raw line).
        Blank and comment-only lines are skipped; leading whitespace is kept
        because indentation marks actor code lines.
    """
    text = path.read_text(encoding="utf-8", errors="replace")
    # Blank out XML comments but keep their newlines so line numbers stay right.
    text = _XML_COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), text)
    for lineno, raw in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw).rstrip()
        if line.strip():
            yield lineno, line, raw


def _strip_comment(raw: str) -> str:
    """Cut a `#` comment, except inside `[...]` where `#` is part of a code ("[###]")."""
    depth = 0
    for i, ch in enumerate(raw):
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth = max(0, depth - 1)
        elif ch == "#" and depth == 0:
            return raw[:i]
    return raw


def phrase_words(phrase: str) -> tuple[str, ...]:
    """Split a dictionary phrase into upper-case words.

    `_` and spaces both separate words; a trailing `_` (TABARI's "exact word"
    mark) carries no extra meaning here because matching is always on whole words.

    Args:
        phrase: e.g. "NORTH_KOREA_" or "Manchester United".

    Returns:
        The words, e.g. ("NORTH", "KOREA").
    """
    out: list[str] = []
    for w in re.split(r"[_\s]+", phrase.strip().upper()):
        out.extend(split_hyphens(w))
    return tuple(out)


_HYPHEN = re.compile(r"(?<=[A-Z0-9])(-)(?=[A-Z])")


def split_hyphens(word: str) -> list[str]:
    """Split "BARAD-DUR" into ["BARAD", "-", "DUR"] (and "PEOPLE'S" into PEOPLE, 'S),
    as spaCy's tokenizer splits text.

    Args:
        word: One upper-case dictionary word.

    Returns:
        The word's tokens (the word itself when it has no inner hyphen).
    """
    if not word:
        return []
    parts = [p for p in _HYPHEN.split(word) if p] if "-" in word else [word]
    out: list[str] = []
    for p in parts:
        # spaCy splits the possessive off: "PEOPLE'S" is PEOPLE + 'S in the text.
        if len(p) > 2 and p.endswith(("'S", "\u2019S")):
            out.extend([p[:-2], "'S"])
        else:
            out.append(p)
    return out


def expand_year(value: str) -> str | None:
    """Turn a TABARI date (YYMMDD or YYYYMMDD) into YYYYMMDD.

    Two-digit years below 30 are read as 20YY, the rest as 19YY (the Phoenix
    dictionaries mix both widths).

    Args:
        value: The digits.

    Returns:
        An 8-digit date string, or None when the value is not a date.
    """
    value = value.strip()
    if not value.isdigit():
        return None
    if len(value) == 6:
        yy = int(value[:2])
        value = ("20" if yy < 30 else "19") + value
    if len(value) != 8:
        return None
    month, day = int(value[4:6]), int(value[6:8])
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    return value


def normalise_date(date: str | None) -> str | None:
    """Return a sentence date as YYYYMMDD (accepts YYYY-MM-DD, YYYYMMDD, ISO datetimes)."""
    if not date:
        return None
    digits = re.sub(r"[^0-9]", "", str(date))[:8]
    return digits if len(digits) == 8 else None
