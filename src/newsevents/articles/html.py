"""HTML pages to article body and metadata, through trafilatura and htmldate.

The page is parsed once (trafilatura's own loader, so the body extraction is
exactly trafilatura's). Metadata comes from trafilatura's metadata readers and
htmldate, skipping what news coding never uses (categories, tags, licence):
that keeps the whole step within 0.8x of plain `trafilatura.extract`'s speed.
Our post-processing (`postprocess.py`) is applied only where the extraction
benchmark (benchmarks/extraction.py) shows it helps.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from datetime import date

import trafilatura
from htmldate import find_date
from lxml.html import HtmlElement
from trafilatura.metadata import (
    examine_meta,
    extract_author,
    extract_meta_json,
    extract_sitename,
    extract_title,
    extract_url,
)

from .metadata import (
    canonical_agency,
    find_agency,
    normalize_date,
    site_from_url,
    split_authors,
)
from .postprocess import clean_body

# trafilatura and htmldate log every discarded page at WARNING; a corpus run
# reports those through ErrorRecords instead.
for _name in ("trafilatura", "htmldate"):
    logging.getLogger(_name).setLevel(logging.ERROR)


@dataclass(slots=True)
class HtmlExtraction:
    """What one HTML page yielded."""

    text: str
    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    publisher: str | None = None
    language: str | None = None
    url: str | None = None
    agency: str | None = None


def _extract_options() -> dict:
    # Measured on the ScrapingHub benchmark (docs/bench-parts/articles.md):
    # fast=True skips the readability/jusText comparison and is both faster
    # and more precise; favor_recall keeps more body, and our post-processing
    # then removes the furniture that comes with it.
    return {"fast": True, "favor_recall": True, "include_comments": False,
            "include_tables": True, "deduplicate": False}


def extract_body(markup: str | HtmlElement, url: str | None = None) -> str | None:
    """Return only the main text of an HTML page (no metadata).

    Args:
        markup: The decoded page, or a tree from `trafilatura.load_html`.
        url: The page's URL, if known (helps trafilatura's link filters).

    Returns:
        The body text with paragraphs separated by newlines, or None.
    """
    doc = trafilatura.bare_extraction(markup, url=url, **_extract_options())
    if doc is None or not (doc.text or "").strip():
        return None
    return doc.text


_TITLE_SEPARATORS = re.compile(r"\s+(?:\||-|–|—|::|·|•)\s+")


def _site_from_title(tree: HtmlElement, headline: str | None) -> str | None:
    """The site name from "<headline> | <Site>" in the <title> element."""
    raw = tree.findtext(".//title")
    if not raw or not headline:
        return None
    parts = [p.strip() for p in _TITLE_SEPARATORS.split(raw.strip()) if p.strip()]
    if len(parts) != 2:
        return None
    key = " ".join(headline.split()).lower()
    for mine, other in ((parts[0], parts[1]), (parts[1], parts[0])):
        if " ".join(mine.split()).lower() == key and len(other.split()) <= 5:
            return other
    return None


def page_metadata(tree: HtmlElement, url: str | None = None) -> dict:
    """Read title, date, author and site name from a parsed page.

    Args:
        tree: The page from `trafilatura.load_html` (not modified).
        url: The page's URL, if known.

    Returns:
        A dict with keys title, published (ISO date), author (raw string),
        sitename, url, language (the page's declared lang) — values may be None.
    """
    meta = examine_meta(tree)
    if meta.author and " " not in meta.author:
        meta.author = None  # single tokens are site handles, not people
    try:
        meta = extract_meta_json(tree, meta)
    except Exception:  # noqa: BLE001 - trafilatura's JSON-LD reader trips on odd pages
        pass
    title = meta.title or extract_title(tree)
    author = meta.author or extract_author(tree)
    page_url = url or meta.url or extract_url(tree)
    try:
        published = find_date(tree, url=page_url, original_date=True, extensive_search=True,
                              outputformat="%Y-%m-%d", max_date=date.today().isoformat())
    except Exception:  # noqa: BLE001 - htmldate on malformed markup; a date is optional
        published = None
    # trafilatura's guess can be the headline itself ("<headline> - <Site>" titles).
    candidates = (meta.sitename, _site_from_title(tree, title), extract_sitename(tree))
    key = " ".join((title or "").split()).lower()
    sitename = next((c for c in candidates
                     if c and " ".join(c.split()).lower() != key), None)
    if sitename:
        sitename = sitename.lstrip("@").strip()
    declared = tree.get("lang") or None
    return {"title": title, "published": published, "author": author, "sitename": sitename,
            "url": page_url, "language": declared.split("-")[0].lower() if declared else None}


def extract_html(markup: str, url: str | None = None) -> HtmlExtraction | None:
    """Extract body and metadata from a decoded HTML page.

    Args:
        markup: The page as text.
        url: The page's URL, if known.

    Returns:
        The extraction, or None when no main content is found.
    """
    tree = trafilatura.load_html(markup)
    if tree is None:
        return None
    meta = page_metadata(tree, url)
    body = extract_body(tree, url)
    if not body:
        return None
    title = (meta["title"] or "").strip() or None
    # Credit lines ("Copyright 2024 The Associated Press") name the agency but
    # are furniture: read the agency before post-processing drops them.
    agency = find_agency(body) or _byline_agency(meta["author"])
    body = clean_body(body, title=title)
    if not body:
        return None
    return HtmlExtraction(
        text=body,
        title=title,
        published=normalize_date(meta["published"]),
        authors=split_authors(meta["author"]),
        publisher=meta["sitename"] or site_from_url(meta["url"]),
        language=meta["language"],
        url=meta["url"],
        agency=agency,
    )


def _byline_agency(author: str | None) -> str | None:
    """An agency named in the page's author field ("Jane Doe | Reuters", "AFP")."""
    if not author:
        return None
    for part in re.split(r"\s*(?:[,;|/]|\band\b)\s*", author):
        agency = canonical_agency(part)
        if agency:
            return agency
    return None
