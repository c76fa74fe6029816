"""Article metadata from text: agency, dateline, authors, dates, language.

Pure functions over strings, shared by the HTML, text-dump and record paths.
"""

from __future__ import annotations

import re
from datetime import date
from functools import lru_cache
from urllib.parse import urlsplit

# Canonical agency name -> the spellings that credit it. Short forms are
# matched only in credit positions (datelines, bylines, credit lines), where
# they cannot be an ordinary word.
AGENCIES: dict[str, tuple[str, ...]] = {
    "AP": ("AP", "Associated Press", "The Associated Press"),
    "Reuters": ("Reuters", "Thomson Reuters"),
    "AFP": ("AFP", "Agence France-Presse", "Agence France Presse"),
    "Xinhua": ("Xinhua", "Xinhua News Agency"),
    "Yonhap": ("Yonhap", "Yonhap News Agency"),
    "KCNA": ("KCNA", "Korean Central News Agency"),
    "UPI": ("UPI", "United Press International"),
    "dpa": ("dpa", "DPA", "Deutsche Presse-Agentur"),
    "EFE": ("EFE",),
    "ANSA": ("ANSA",),
    "Kyodo": ("Kyodo", "Kyodo News"),
    "Jiji": ("Jiji", "Jiji Press"),
    "TASS": ("TASS", "Tass", "ITAR-TASS"),
    "RIA Novosti": ("RIA Novosti", "RIA"),
    "Interfax": ("Interfax",),
    "PTI": ("PTI", "Press Trust of India"),
    "IANS": ("IANS",),
    "ANI": ("ANI", "Asian News International"),
    "Anadolu": ("Anadolu", "Anadolu Agency", "AA"),
    "Bernama": ("Bernama",),
    "Antara": ("Antara",),
    "Bloomberg": ("Bloomberg",),
    "AAP": ("AAP", "Australian Associated Press"),
    "PA": ("PA", "PA Media", "Press Association"),
    "CNA": ("CNA", "Central News Agency"),
    "IRNA": ("IRNA",),
    "WAFA": ("WAFA",),
    "SANA": ("SANA",),
    "MENA": ("MENA",),
    "KUNA": ("KUNA",),
    "SPA": ("SPA", "Saudi Press Agency"),
    "WAM": ("WAM",),
    "QNA": ("QNA",),
    "Ukrinform": ("Ukrinform",),
    "UNIAN": ("UNIAN",),
    "PAP": ("PAP",),
    "Sputnik": ("Sputnik",),
    "Notimex": ("Notimex",),
    "APA": ("APA",),
    "BSS": ("BSS",),
    "NNA": ("NNA",),
}
_SPELLING: dict[str, str] = {}
for _canon, _names in AGENCIES.items():
    for _name in _names:
        _SPELLING[_name.lower()] = _canon
_AGENCY_ALT = "|".join(sorted((re.escape(n) for names in AGENCIES.values() for n in names),
                              key=len, reverse=True))
# Multi-word names are safe to find in running credit text ("Copyright The
# Associated Press"); short ones only in parentheses or credit lines.
_LONG_AGENCY_ALT = "|".join(sorted((re.escape(n) for names in AGENCIES.values() for n in names
                                    if " " in n or len(n) > 5), key=len, reverse=True))

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}
MONTHS.update({m[:3]: i for m, i in list(MONTHS.items())})
MONTHS["sept"] = 9
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)[a-z]*\.?"

_DASH = r"(?:--|—|–|-|:)"
_CITY = r"[A-Z][A-Za-z'’.\-]*(?:\s+[A-Z][A-Za-z'’.\-]*){0,3}"
# "SEOUL (AP) —", "SEOUL, South Korea (AP) —", "BEIJING, Jan. 5 (Xinhua) --",
# "Paris (AFP) -", and "WASHINGTON —" (dateline without agency, city in capitals).
_DATELINE_AGENCY = re.compile(
    rf"^\s*(?P<city>{_CITY})(?:\s*/\s*{_CITY})?(?:,\s*(?P<region>[A-Z][A-Za-z.\s]{{1,30}}?))?"
    rf"(?:,?\s*{_MON}\s+\d{{1,2}}(?:,\s*\d{{4}})?)?"
    rf"\.?\s*(?:\((?P<agency>{_AGENCY_ALT})\)|/(?P<agency2>{_AGENCY_ALT})/)\.?\s*"
    rf"(?:{_DASH}+|(?=[A-Z]))")
_DATELINE_CAPS = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z'’.\-]+(?:\s+[A-Z][A-Z'’.\-]+){0,3})"
    r"(?:,\s*(?P<region>[A-Z][A-Za-z.\s]{1,30}?))?\s*(?:--|—|–)\s")
# "AP | Seoul", "Reuters | Seoul, South Korea", "Seoul | AFP", "By AFP | Paris".
_PIPE_LINE = re.compile(
    rf"^\s*(?:By\s+)?(?:(?P<a1>{_AGENCY_ALT})\s*[|/•·]\s*(?P<c1>{_CITY})"
    rf"|(?P<c2>{_CITY})\s*[|/•·]\s*(?P<a2>{_AGENCY_ALT}))\s*(?:,.*)?$")
# Credit lines: "By Jane Doe, Associated Press", "— Reuters", "Source: Xinhua",
# "(Reporting by ...; editing by ...)" (a Reuters habit), "Copyright 2024 The Associated Press".
_CREDIT = re.compile(
    rf"(?:^|\n)\s*(?:[-—–]\s*|(?:Source|Credit|Agency)\s*:\s*|By\s+[^\n]{{0,60}}?[,|]\s*)"
    rf"(?P<agency>{_AGENCY_ALT})\s*(?:\n|$)", re.IGNORECASE)
_COPYRIGHT = re.compile(rf"(?:©|\(c\)|copyright)\s*(?:\d{{4}}\s*)?(?P<agency>{_LONG_AGENCY_ALT}|AFP|AP)\b",
                        re.IGNORECASE)
_PAREN_AGENCY = re.compile(rf"\((?P<agency>{_AGENCY_ALT})\)\s*{_DASH}")


def canonical_agency(name: str | None) -> str | None:
    """Map an agency spelling ("Associated Press", "afp") to its short name."""
    if not name:
        return None
    return _SPELLING.get(name.strip().lower())


def _title_city(city: str) -> str:
    """'NEW YORK' -> 'New York'; mixed-case names are kept."""
    city = city.strip(" ,")
    if city.isupper():
        return " ".join(w.capitalize() if not w.startswith("MC") else "Mc" + w[2:].capitalize()
                        for w in city.split())
    return city


def parse_dateline(text: str) -> tuple[str | None, str | None, int]:
    """Find a dateline at the start of an article body.

    Args:
        text: The body (its first paragraph is what matters).

    Returns:
        (city, agency, end offset of the dateline in `text`); (None, None, 0)
        when the body does not open with one.
    """
    head = text[:300]
    match = _DATELINE_AGENCY.match(head)
    if match:
        agency = match.group("agency") or match.group("agency2")
        return _title_city(match.group("city")), canonical_agency(agency), match.end()
    match = _DATELINE_CAPS.match(head)
    if match and len(match.group("city")) >= 3:
        return _title_city(match.group("city")), None, match.end()
    return None, None, 0


def parse_agency_line(line: str) -> tuple[str | None, str | None]:
    """Read an "AP | Seoul" style line.

    Returns:
        (agency, city), or (None, None) if the line is not one.
    """
    match = _PIPE_LINE.match(line.strip())
    if not match:
        return None, None
    agency = canonical_agency(match.group("a1") or match.group("a2"))
    city = match.group("c1") or match.group("c2")
    if agency is None or canonical_agency(city):
        return None, None
    return agency, _title_city(city)


def find_agency(text: str) -> str | None:
    """Return the agency an article credits, if any.

    Only credit positions count: a dateline "(AP) —", a closing "— Reuters"
    or "Source: Xinhua" line, a byline "By X, Associated Press", a copyright
    line. A body that merely quotes "KCNA said" is not credited to KCNA.

    Args:
        text: The article body.

    Returns:
        The canonical agency name, or None.
    """
    _, agency, _ = parse_dateline(text)
    if agency:
        return agency
    match = _PAREN_AGENCY.search(text[:400])
    if match:
        return canonical_agency(match.group("agency"))
    lines = [ln for ln in text.splitlines() if ln.strip()]
    for line in lines[:3] + lines[-3:]:
        agency, _ = parse_agency_line(line)
        if agency:
            return agency
    tail = "\n".join(lines[:2] + lines[-4:])
    for pattern in (_CREDIT, _COPYRIGHT):
        match = pattern.search(tail)
        if match:
            return canonical_agency(match.group("agency"))
    return None


_ORG_WORDS = re.compile(
    r"\b(news|staff|agency|agencies|press|desk|team|editor|editors|editorial|correspondents?|"
    r"bureau|media|reporters?|online|times|post|daily|tribune|journal|herald|network|service|"
    r"services|wire|wires|contributors?|admin|newsroom|group|inc|ltd|llc|com|report|world|"
    r"international|television|radio|tv|channel|magazine|gazette|review|foundation|institute|"
    r"ministry|office|government|university)\b", re.IGNORECASE)
_NAME_WORD = re.compile(r"^(?:[A-Z][a-zà-ÿ'’\-]+|[A-Z]\.|[A-Z][a-z]?[A-Z][a-z]+|(?:de|van|von|da|"
                        r"del|der|la|le|bin|al|el|di|du|dos|ter)|[A-Z][a-zà-ÿ'’\-]+-[A-Z][a-z]+)$")


def is_person_name(name: str) -> bool:
    """Return True when `name` reads like a person's name, not an organisation.

    Args:
        name: A candidate from a byline or a page's author metadata.

    Returns:
        True for 2-5 capitalised name words without organisation words,
        agency names, digits, @ or URLs.
    """
    name = name.strip()
    if not name or canonical_agency(name) or _ORG_WORDS.search(name):
        return False
    if any(ch.isdigit() for ch in name) or "@" in name or "/" in name:
        return False
    words = name.split()
    if not 2 <= len(words) <= 5:
        return False
    if not words[0][0].isupper() or not words[-1][0].isupper():
        return False
    return all(_NAME_WORD.match(w) for w in words)


_BY = re.compile(r"^\s*(?:written\s+)?by[:\s]+", re.IGNORECASE)


def split_authors(raw: str | None) -> list[str]:
    """Split an author string into person names, dropping organisations.

    Args:
        raw: "By Jane Doe and John Roe | Reuters", "Jane Doe; AP Staff", ...

    Returns:
        The person names, in order, without duplicates.
    """
    if not raw:
        return []
    text = _BY.sub("", raw.strip())
    parts = re.split(r"\s*(?:;|\||,|\band\b|\bAND\b|&|\bwith\b)\s*", text)
    out: list[str] = []
    for part in parts:
        part = _BY.sub("", part).strip(" .·•-–—")
        part = _AGENCY_TAIL.sub("", part).strip(" ,")  # "Jane Doe Associated Press"
        if part.isupper():
            part = " ".join(w.capitalize() if len(w) > 1 else w for w in part.split())
            part = re.sub(r"-(\w)", lambda m: "-" + m.group(1).lower(), part)
        if is_person_name(part) and part not in out:
            out.append(part)
    return out


_AGENCY_TAIL = re.compile(rf"\s+(?:{_LONG_AGENCY_ALT}|AP|AFP)$")


# --- dates -----------------------------------------------------------------

_ISO = re.compile(r"(?<!\d)(?P<y>(?:19|20)\d{2})[-/.](?P<m>0?[1-9]|1[0-2])[-/.](?P<d>0?[1-9]|[12]\d|3[01])(?!\d)")
_MDY = re.compile(rf"\b(?P<mon>{_MON})\s+(?P<d>[0-3]?\d)(?:st|nd|rd|th)?,?\s+(?P<y>(?:19|20)\d{{2}})\b",
                  re.IGNORECASE)
_DMY = re.compile(rf"\b(?P<d>[0-3]?\d)(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MON}),?\s+(?P<y>(?:19|20)\d{{2}})\b",
                  re.IGNORECASE)
# "18.10.2022" (the dotted form is day-first wherever it is used) and slashed
# and dashed forms only when the day cannot be a month ("18/10/2022", "18-10-2022").
_DOTTED = re.compile(r"(?<![\d.])(?P<d>0?[1-9]|[12]\d|3[01])\.(?P<m>0?[1-9]|1[0-2])\.(?P<y>(?:19|20)\d{2})(?!\d)")
_SLASHED = re.compile(r"(?<![\d/])(?P<d>1[3-9]|2\d|3[01])/(?P<m>0?[1-9]|1[0-2])/(?P<y>(?:19|20)\d{2})(?!\d)")
_DASHED = re.compile(r"(?<![\d-])(?P<d>1[3-9]|2\d|3[01])-(?P<m>0?[1-9]|1[0-2])-(?P<y>(?:19|20)\d{2})(?!\d)")
DATE_PATTERNS = (_ISO, _MDY, _DMY, _DOTTED, _SLASHED, _DASHED)


def _month(name: str) -> int:
    return MONTHS.get(name.lower().rstrip(".")[:3], 0)


def _valid(y: int, m: int, d: int) -> str | None:
    try:
        return date(y, m, d).isoformat()
    except ValueError:
        return None


def find_date(text: str) -> tuple[str | None, int, int]:
    """Find the first unambiguous calendar date in a string.

    Args:
        text: A line or short passage.

    Returns:
        (ISO YYYY-MM-DD, start, end) of the earliest date found, or (None, -1, -1).
        Ambiguous numeric forms like 03/04/2021 are ignored.
    """
    best: tuple[str | None, int, int] = (None, -1, -1)
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            groups = match.groupdict()
            month = int(groups["m"]) if groups.get("m") else _month(groups["mon"])
            iso = _valid(int(groups["y"]), month or 0, int(groups["d"]))
            if iso and (best[0] is None or match.start() < best[1]):
                best = (iso, match.start(), match.end())
            if iso:
                break
    return best


def normalize_date(value: str | None) -> str | None:
    """Normalise a user- or page-supplied date to ISO YYYY-MM-DD.

    Args:
        value: "2021-06-18T08:39:00Z", "June 18, 2021", "18 Jun 2021", ...

    Returns:
        The ISO date, or None if none can be read.
    """
    if not value:
        return None
    return find_date(str(value))[0]


# --- language and site -------------------------------------------------------

@lru_cache(maxsize=1)
def _langid():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str | None:
    """Detect the language of a text with py3langid.

    Args:
        text: The article body (the first 3000 characters are used).

    Returns:
        An ISO 639-1 code ("en"), or None for texts too short or too unsure to tell.
    """
    sample = text[:3000]
    if len(sample.strip()) < 20:
        return None
    lang, prob = _langid().classify(sample)
    if prob < 0.5 and len(sample) < 200:
        return None
    return lang


def site_from_url(url: str | None) -> str | None:
    """Return the host of a URL without "www." ("example.com"), or None."""
    if not url:
        return None
    try:
        host = urlsplit(url).hostname
    except ValueError:
        return None
    if not host:
        return None
    return host[4:] if host.startswith("www.") else host
