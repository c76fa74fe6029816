"""Plain-text pages and crawler dumps to headline, dateline, date and body.

Crawlers that keep every line of a page leave the article between breadcrumbs,
site names, section labels, captions, bylines, subscription appeals,
syndication notices and "recommended" lists. This module finds the article by
general cues, never one site's strings:

* prose lines (long, ending in sentence punctuation) form the body; the body
  is the heaviest run of prose lines, allowing short gaps (sub-heads);
* cue phrases mark lines as boilerplate: "terminal" cues (subscription
  appeals, syndication notices, "recommended", copyright) end the body,
  "inline" cues (captions, "Also read", "Advertisement") are dropped in place;
* a line repeated in the page is chrome (site name, menu);
* the headline is the title-like line (a few words to a couple dozen, no final
  full stop) nearest above the body that is not a label, byline, caption or
  date line; for a plain article that is simply the first line;
* dates come from date-bearing lines around the headline ("First Published:",
  "Updated", bare dates); agency and dateline from "AP | Seoul" lines,
  "SEOUL (AP) —" openings and credit lines.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field

from .cues import (
    BREADCRUMB as _BREADCRUMB,
)
from .cues import (
    BYLINE as _BYLINE,
)
from .cues import (
    CAPTION_TAIL as _CAPTION_TAIL,
)
from .cues import (
    DATE_CUE as _DATE_CUE,
)
from .cues import (
    INLINE_CUES as _INLINE_CUES,
)
from .cues import (
    TERMINAL_CUES as _TERMINAL_CUES,
)
from .cues import (
    TERMINAL_PUNCT as _TERMINAL_PUNCT,
)
from .cues import (
    TIME as _TIME,
)
from .metadata import (
    canonical_agency,
    find_agency,
    find_date,
    is_person_name,
    parse_agency_line,
    parse_dateline,
    split_authors,
)

_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_ALNUM = re.compile(r"[^\W_]")
# Text-browser dumps number their links: "[3]News".
_LINK_REF = re.compile(r"\[\d+\]")
_ROLE = re.compile(r"\b(?:correspondent|editor|reporter|writer|columnist|staff|contributor|"
                   r"producer|analyst|bureau chief)\b", re.IGNORECASE)


@dataclass(slots=True)
class TextParse:
    """What a plain-text page yielded.

    Attributes:
        body: The article paragraphs, newline-separated.
        kept: Indices (in `text.splitlines()`) of the body lines.
        title, published, agency, dateline, publisher, authors: metadata found.
    """

    body: str
    title: str | None = None
    published: str | None = None
    agency: str | None = None
    dateline: str | None = None
    publisher: str | None = None
    authors: list[str] = field(default_factory=list)
    kept: list[int] = field(default_factory=list)


@dataclass(slots=True)
class _Line:
    index: int
    text: str
    words: int
    prose: bool
    soft: bool
    terminal: bool
    inline: bool
    repeated: bool
    dated: bool
    indices: list[int]


def _words(text: str) -> int:
    return len(_WORD.findall(text))


def _is_date_line(text: str) -> bool:
    """A line that is mostly a date/time stamp ("Tue, March 14 2023. 09:12 IST")."""
    iso, start, end = find_date(text)
    if not iso:
        return False
    rest = text[:start] + text[end:]
    rest = _DATE_CUE.sub("", rest.strip())
    rest = _TIME.sub("", rest)
    return _words(rest) <= 4


def _is_wrapped(lines: list[str]) -> bool:
    """True for dumps hard-wrapped at a fixed width (text browsers, e-mail)."""
    if not lines or max(len(ln) for ln in lines) > 100:
        return False
    # Lines broken at a fixed width mostly end mid-sentence; short-paragraph
    # pages (one sentence per line) end in punctuation.
    continued = [ln for ln, nxt in zip(lines, lines[1:], strict=False) if len(ln) >= 45 and nxt]
    mid_sentence = [ln for ln in continued if not _TERMINAL_PUNCT.search(ln)]
    return len(continued) >= 3 and len(mid_sentence) >= 0.6 * len(continued)


def _units(lines: list[str]) -> list[tuple[list[int], str]]:
    """Group lines into units: one per line, or per paragraph in wrapped dumps.

    Returns:
        (original line indices, unit text) for each non-empty unit.
    """
    wrapped = _is_wrapped(lines)
    units: list[tuple[list[int], str]] = []
    for i, text in enumerate(lines):
        if not text:
            continue
        prev_idx = units[-1][0][-1] if units else -2
        if (wrapped and prev_idx == i - 1 and len(lines[prev_idx]) >= 45
                and not _BREADCRUMB.search(lines[prev_idx])):
            indices, joined = units[-1]
            units[-1] = (indices + [i], joined + " " + text)
        else:
            units.append(([i], text))
    return units


def _is_byline(line: str) -> bool:
    """"By Jane Doe", or "Jane Doe, Political Correspondent"."""
    if _BYLINE.match(line):
        return True
    head, _, tail = line.partition(",")
    return bool(tail) and is_person_name(head) and bool(_ROLE.search(tail))


def _byline_agency(line: str) -> str | None:
    """The agency a byline credits: "By AFP", "By X | Reuters", "By X Associated Press"."""
    text = re.sub(r"^\s*(?:written\s+)?by\s+", "", line, flags=re.IGNORECASE)
    for part in re.split(r"\s*(?:[,|/]|\band\b)\s*", text):
        agency = canonical_agency(part)
        if agency:
            return agency
    return find_agency(text.replace("|", "\n")) or _trailing_agency(text)


def _trailing_agency(text: str) -> str | None:
    words = text.split()
    for n in (4, 3, 2, 1):
        if len(words) > n:
            agency = canonical_agency(" ".join(words[-n:]))
            if agency and (n > 1 or len(words[-1]) > 3):
                return agency
    return None


def _classify(lines: list[str]) -> list[_Line]:
    units = _units([_LINK_REF.sub("", ln).strip() for ln in lines])
    counts = Counter(text.lower() for _, text in units)
    out = []
    for indices, text in units:
        if not _ALNUM.search(text):
            continue  # separators such as "___" or "* * *" carry nothing
        words = _words(text)
        terminal = bool(_TERMINAL_CUES.search(text))
        inline = bool(_INLINE_CUES.match(text)) or bool(_CAPTION_TAIL.search(text))
        dated = _is_date_line(text)
        prose = (words >= 8 and bool(_TERMINAL_PUNCT.search(text))) or words >= 25
        repeated = counts[text.lower()] > 1 and words < 25
        if _BREADCRUMB.search(text) and not prose:
            inline = True
        # Short sentences ("He denied it.") may continue a body, never start one.
        soft = not prose and words >= 3 and bool(_TERMINAL_PUNCT.search(text)) and \
            text[:1].isupper()
        out.append(_Line(indices[0], text, words, prose, soft, terminal, inline, repeated, dated,
                         indices))
    return out


def _body_block(info: list[_Line]) -> tuple[int, int] | None:
    """Positions (in `info`) of the first and last line of the heaviest prose run."""
    best: tuple[int, int, int] | None = None  # (weight, start, end)
    start = end = None
    weight = gap = 0
    for pos, line in enumerate(info):
        clean = not line.terminal and not line.inline and not line.repeated
        usable = clean and (line.prose or (line.soft and start is not None))
        if usable:
            if start is None:
                start, weight = pos, 0
            end, gap = pos, 0
            weight += line.words
            continue
        if start is None:
            continue
        # Captions, ads and "Also read" lines sit inside bodies: they are
        # dropped but do not break the run.
        if not (line.inline and not line.terminal):
            gap += 1
        # A terminal cue or more than two other non-prose lines in a row close the run.
        if line.terminal or gap > 2:
            if best is None or weight > best[0]:
                best = (weight, start, end)
            start, weight, gap = None, 0, 0
    if start is not None and (best is None or weight > best[0]):
        best = (weight, start, end)
    if best is None:
        return None
    return best[1], best[2]


def _title_like(line: _Line) -> bool:
    text = line.text
    if line.terminal or line.inline or line.dated or line.repeated:
        return False
    if not 3 <= line.words <= 30 or len(text) > 250:
        return False
    if text.endswith((".", ":", ",", ";")) and not text.endswith("..."):
        return False
    if _is_byline(text) or _BREADCRUMB.search(text):
        return False
    if parse_agency_line(text)[0] or canonical_agency(text):
        return False
    if text.isupper() and line.words <= 4:
        return False  # section labels in capitals
    return True


def _find_title(info: list[_Line], body_start: int) -> _Line | None:
    """The headline: the title-like line nearest above the body with >= 4 words.

    Lines directly above the body may be a byline, date, agency line or caption;
    those are not title-like. A standfirst (a prose sentence) is skipped too.
    """
    candidates = []
    in_list = False
    for line in info[:body_start]:
        # "Key points:" / "Highlights:" introduce bullet lines, not headlines.
        if line.text.endswith(":") and line.words <= 4:
            in_list = True
            continue
        if not _title_like(line):
            in_list = False
        elif not in_list:
            candidates.append(line)
    if not candidates:
        return None
    strong = [ln for ln in candidates if ln.words >= 4]
    pool = strong or candidates
    best = pool[-1]
    # A standfirst directly under the headline is title-like too, but longer:
    # headline, standfirst, byline, date is the usual stack.
    if len(pool) >= 2:
        prev = pool[-2]
        if (best.index - prev.indices[-1] == 1 and prev.words >= 4
                and best.words > prev.words):
            return prev
    return best


def _find_published(info: list[_Line], lo: int, hi: int) -> str | None:
    """The publication date from date lines in info[lo:hi], cue-labelled ones first."""
    window = info[lo:hi]
    ranked: list[tuple[int, int, str]] = []
    for pos, line in enumerate(window):
        iso, _, _ = find_date(line.text)
        if not iso:
            continue
        cue = _DATE_CUE.match(line.text)
        label = cue.group(0).lower() if cue else ""
        if label.startswith(("first published", "published", "posted", "created", "date")):
            rank = 0
        elif line.dated and not label:
            rank = 1
        elif label:
            rank = 2  # "Updated": a later edit, use only when nothing better
        elif line.words <= 12:
            rank = 3  # "Seoul | Reuters | March 14, 2023"
        else:
            continue  # a date inside prose is an event date, not the page's
        ranked.append((rank, pos, iso))
    return min(ranked)[2] if ranked else None


def _find_publisher(info: list[_Line], title: _Line | None) -> str | None:
    """The site name: a short line at the top, or a short line repeated on the page."""
    for line in info[:3]:
        if line is title or line.prose or line.dated or line.words > 6 or line.words < 1:
            continue
        if _BREADCRUMB.search(line.text) or line.inline:
            continue
        lowered = line.text.lower()
        elsewhere = sum(lowered in other.text.lower() for other in info if other is not line)
        if elsewhere or line.index == 0:
            return line.text.strip(" |-–—")
    return None


def parse_text(text: str) -> TextParse:
    """Split a plain-text article or crawler dump into metadata and body.

    Args:
        text: The decoded file.

    Returns:
        The parse; `body` is empty when no prose was found.
    """
    lines = [ln.strip() for ln in text.splitlines()]
    info = _classify(lines)
    if not info:
        return TextParse(body="")
    block = _body_block(info)
    if block is None:
        # No prose at all: keep the first line as title and the rest as body
        # (short notes, lists); the caller decides whether it is too short.
        first, rest = info[0], info[1:]
        return TextParse(body="\n".join(ln.text for ln in rest), title=first.text,
                         kept=[ln.index for ln in rest])
    b_start, b_end = block
    body_lines = [ln for ln in info[b_start:b_end + 1]
                  if not (ln.inline or ln.terminal or ln.repeated or ln.dated)]
    # A text that opens straight into prose has no headline: its first
    # paragraph stays body rather than being mistaken for a title.
    title_line = _find_title(info, b_start)
    published = _find_published(info, 0, b_start) or _find_published(info, b_end + 1, len(info))

    agency = dateline = None
    authors: list[str] = []
    for line in info[:b_start]:
        if not agency:
            agency, city = parse_agency_line(line.text)
            dateline = dateline or city
        if _is_byline(line.text) and not authors:
            authors = split_authors(line.text.partition(",")[0] if not _BYLINE.match(line.text)
                                    else line.text)
            agency = agency or _byline_agency(line.text)
    body = "\n".join(ln.text for ln in body_lines)
    if body_lines:
        city, dl_agency, _ = parse_dateline(body_lines[0].text)
        dateline = dateline or city
        agency = agency or dl_agency
    if not agency:
        context = "\n".join([ln.text for ln in info[max(0, b_start - 4):b_start]] + [body] +
                            [ln.text for ln in info[b_end + 1:b_end + 4]])
        agency = find_agency(context)
    return TextParse(
        body=body,
        title=title_line.text if title_line else None,
        published=published,
        agency=agency,
        dateline=dateline,
        publisher=_find_publisher(info, title_line),
        authors=authors,
        kept=[i for ln in body_lines for i in ln.indices],
    )
