"""Event dates: the article's date moved by relative expressions in the sentence.

"on Thursday" in an article of Saturday 2024-03-09 is 2024-03-07 (day);
"last month" is 2024-02 (month); "in 2019" is 2019 (year). The date string is
always a full ISO date (YYYY-MM-DD; the first day of the month or year when
the precision is coarser) so that dates sort and filter as strings.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

_WEEKDAYS = {d: i for i, d in enumerate(
    ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"])}
_MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august",
     "september", "october", "november", "december"])}
_MONTHS.update({m[:3]: n for m, n in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")
_COUNT_WORDS = {w: n for n, w in enumerate(
    ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
     "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
     "nineteen", "twenty"])}
_COUNT_WORDS.update({"a": 1, "an": 1})
# "18 years ago", "two months ago", "a week ago" (also "18 years" before an "after" clause).
_AGO = re.compile(r"\b(\d{1,3}|[a-z]+)\s+(year|month|week|day)s?(?:\s+(ago|earlier|before))?\b")
_DAYNUM = re.compile(r"\b([0-3]?\d)(?:st|nd|rd|th)?\b")


def parse_iso(value: str | None) -> date | None:
    """Parse "YYYY-MM-DD" (or a longer ISO timestamp); None when absent or invalid."""
    if not value:
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


def resolve(expr: str, article_date: date | None, *, forward: bool = False
            ) -> tuple[date, str] | None:
    """Turn a date expression into a date and its precision.

    Args:
        expr: The expression ("on Thursday", "last week", "In March", "March 3, 2021").
        article_date: The article's publication date (the anchor of relative expressions).
        forward: Resolve weekday names and bare months forwards (for future events:
            "will meet on Thursday" is the coming Thursday).

    Returns:
        (date, precision) with precision "day", "month" or "year"; None when
        the expression cannot be placed.
    """
    text = expr.lower().strip()
    words = re.findall(r"[a-z]+", text)
    anchor = article_date
    year_m = _YEAR.search(text)
    year = int(year_m.group(1)) if year_m else None

    if anchor is not None:
        back = years_back(text)
        if back is not None:
            return shift_back(anchor, *back)
        if "yesterday" in words:
            return anchor - timedelta(days=1), "day"
        if "today" in words or "tonight" in words or "overnight" in words:
            return anchor, "day"
        if "tomorrow" in words:
            return anchor + timedelta(days=1), "day"
        if "week" in words or "weekend" in words:
            if "last" in words or "past" in words or "previous" in words:
                monday = anchor - timedelta(days=anchor.weekday() + 7)
                # A week is coarser than a day: keep its Monday with month precision.
                return monday, "month"
            if "next" in words:
                return anchor + timedelta(days=7 - anchor.weekday()), "month"
            if "this" in words or "earlier" in words or "later" in words:
                return anchor.replace(day=1), "month"
        if "month" in words:
            first = anchor.replace(day=1)
            if "last" in words or "previous" in words or "past" in words:
                prev = first - timedelta(days=1)
                return prev.replace(day=1), "month"
            if "next" in words:
                nxt = (first + timedelta(days=32)).replace(day=1)
                return nxt, "month"
            return first, "month"
        if "year" in words and year is None:
            if "last" in words or "previous" in words:
                return date(anchor.year - 1, 1, 1), "year"
            if "next" in words:
                return date(anchor.year + 1, 1, 1), "year"
            if "this" in words or "earlier" in words or "later" in words:
                return date(anchor.year, 1, 1), "year"
        for w in words:
            if w in _WEEKDAYS:
                delta = (anchor.weekday() - _WEEKDAYS[w]) % 7
                if forward or "next" in words or "coming" in words:
                    ahead = (_WEEKDAYS[w] - anchor.weekday()) % 7 or 7
                    return anchor + timedelta(days=ahead), "day"
                if "last" in words and delta == 0:
                    delta = 7
                return anchor - timedelta(days=delta), "day"

    month = next((_MONTHS[w] for w in words if w in _MONTHS), None)
    if month is not None:
        # "May" is also a modal verb; a bare "may" with no day or year is not a date.
        day = None
        rest = re.sub(r"\b(1[89]\d\d|20\d\d)\b", " ", text)
        m = _DAYNUM.search(rest)
        if m and 1 <= int(m.group(1)) <= 31:
            day = int(m.group(1))
        if year is None:
            if anchor is None:
                return None
            year = anchor.year
            if not forward and (month, day or 1) > (anchor.month, anchor.day):
                year -= 1  # "in November" written in March means last November
            if forward and (month, day or 31) < (anchor.month, anchor.day):
                year += 1
        try:
            if day is not None:
                return date(year, month, day), "day"
            return date(year, month, 1), "month"
        except ValueError:
            return None
    if year is not None and len(words) <= 3:
        return date(year, 1, 1), "year"
    return None


def years_back(text: str, *, bare: bool = False) -> tuple[int, str] | None:
    """(N, unit) of "N units ago" ("18 years ago" -> (18, "year")); with `bare`, also of a
    plain "N units" (the measure before an "after" clause: "18 years after X invaded")."""
    m = _AGO.search(text.lower())
    if m is None or (m.group(3) is None and not bare):
        return None
    raw = m.group(1)
    count = int(raw) if raw.isdigit() else _COUNT_WORDS.get(raw)
    if count is None:
        return None
    return count, m.group(2)


def shift_back(anchor: date, count: int, unit: str) -> tuple[date, str] | None:
    """The date `count` units before `anchor`, with the precision the unit allows."""
    if unit == "day":
        return anchor - timedelta(days=count), "day"
    if unit == "week":
        monday = anchor - timedelta(days=anchor.weekday() + 7 * count)
        return monday, "month"
    if unit == "month":
        months = anchor.year * 12 + anchor.month - 1 - count
        return date(months // 12, months % 12 + 1, 1), "month"
    if count > anchor.year - 1:
        return None
    return date(anchor.year - count, 1, 1), "year"


def year_in(token: str) -> int | None:
    """The year a token is ("1967" -> 1967), or None."""
    m = _YEAR.fullmatch(token)
    return int(m.group(1)) if m else None
