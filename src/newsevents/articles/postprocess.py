"""Post-processing of extracted HTML bodies.

Each rule is general (no site names) and stays only while the extraction
benchmark shows it raises F1 (benchmarks/extraction.py; the measurements are
in docs/bench-parts/articles.md):

* drop lines repeating the page title (the headline trafilatura keeps),
  also near-copies (word-type Jaccard >= 0.8);
* drop furniture lines that trafilatura lets through — share/subscribe
  prompts, "Read more:"/"Related:" promos, copyright and credit lines,
  captions (the cue phrases of `cues.py`, at most 25 words long);
* after a short furniture header ("You may also like", "Tags", "Don't miss"),
  drop the list of short link/tag lines that follows it, up to the next prose
  line;
* drop a first line without sentence punctuation sitting directly above a
  prose paragraph (standfirst, time stamp, wire slug, reading-time label).

Truncating everything after such a cue was measured and rejected: extractors
often place sidebars mid-text, and cutting there lost body (recall -0.015).
"""

from __future__ import annotations

import re

from .cues import INLINE_CUES, TERMINAL_CUES, TERMINAL_PUNCT

_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
MAX_CUE_WORDS = 25
MAX_HEADER_WORDS = 6


_TOKEN = re.compile(r"\w+")
# Lines sharing this share of word types with the title repeat the headline
# ("Calendário Stock Car 2018" under "Calendário da Stock Car 2018").
TITLE_JACCARD = 0.8


def _norm(text: str) -> str:
    return _SPACE.sub(" ", text).strip().lower()


def _types(text: str) -> set[str]:
    return set(_TOKEN.findall(text.lower()))


def _repeats_title(line: str, title_types: set[str]) -> bool:
    if not title_types or len(line) > 300:
        return False
    types = _types(line)
    union = types | title_types
    return bool(union) and len(types & title_types) / len(union) >= TITLE_JACCARD


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_prose(line: str) -> bool:
    return _words(line) >= 8 and bool(TERMINAL_PUNCT.search(line))


def is_furniture(line: str) -> bool:
    """Whether a body line is page furniture by its cue phrases and length."""
    if _words(line) > MAX_CUE_WORDS:
        return False
    return bool(TERMINAL_CUES.search(line) or INLINE_CUES.match(line))


def clean_body(text: str, title: str | None = None) -> str:
    """Tidy an extracted body.

    Args:
        text: Newline-separated paragraphs from trafilatura.
        title: The page title; lines repeating it are dropped.

    Returns:
        The cleaned body.
    """
    title_types = _types(title) if title else set()
    kept: list[str] = []
    skipping_list = False
    for raw in text.split("\n"):
        line = raw.strip()
        if not line or _repeats_title(line, title_types):
            continue
        if is_furniture(line):
            skipping_list = _words(line) <= MAX_HEADER_WORDS
            continue
        if skipping_list:
            if not _is_prose(line):
                continue
            skipping_list = False
        kept.append(line)
    # A first line without sentence punctuation directly above a prose
    # paragraph is a heading, not body: a standfirst, a time stamp, a wire
    # slug ("AP-US--Election, 1st Ld-Writethru"), a "2 min read" label.
    if len(kept) > 2 and not TERMINAL_PUNCT.search(kept[0]) and _is_prose(kept[1]):
        kept = kept[1:]
    return "\n".join(kept)
