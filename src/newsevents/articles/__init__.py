"""Articles: one `SourceItem` in, one clean `Article` (or an `ErrorRecord`) out.

    from newsevents.articles import to_article
    result = to_article(item, config)   # Article | ErrorRecord

HTML goes through trafilatura (html.py), plain text and crawler dumps through
the cue-based remover (textdump.py), JSONL/CSV records through their fields.
Metadata (agency, dateline, authors, dates, language) comes from metadata.py.
"""

from __future__ import annotations

from ..config import Config
from ..errors import error
from ..model import Article, ErrorRecord, SourceItem
from .decode import decode_bytes, letter_ratio
from .html import extract_html
from .metadata import (
    detect_language,
    find_agency,
    normalize_date,
    parse_dateline,
    site_from_url,
)
from .textdump import parse_text

__all__ = ["to_article", "MIN_WORDS"]

# Bodies shorter than this are navigation stubs or error pages, not news.
MIN_WORDS = 5
MIN_CHARS = 40
# News text is ~95% letters (non-space); bytes read in the wrong encoding ~50%.
MIN_LETTER_RATIO = 0.6


def _looks_html(text: str) -> bool:
    head = text[:2048].lower()
    return any(tag in head for tag in ("<html", "<!doctype html", "<body", "<p>", "<div", "<article"))


def _finish(item: SourceItem, *, text: str, title: str | None, published: str | None,
            authors: list[str] | None = None, agency: str | None = None,
            dateline: str | None = None, publisher: str | None = None,
            language: str | None = None, url: str | None = None,
            config: Config) -> Article | ErrorRecord:
    """Fill the metadata every kind of input shares and build the Article."""
    source = item.source_path
    text = text.strip()
    if not text:
        return error(source, "article", "no_body", locator=item.locator)
    # Scripts written without spaces (Chinese, Japanese) count by characters.
    if len(text.split()) < MIN_WORDS and len(text) < MIN_CHARS:
        return error(source, "article", "too_short", f"{len(text.split())} words",
                     locator=item.locator)
    city, dl_agency = None, None
    for line in text.split("\n", 3)[:3]:
        city, dl_agency, _ = parse_dateline(line)
        if city:
            break
    # A dateline credit "(AP) —" is the strongest sign; then credit lines.
    agency = dl_agency or agency or find_agency(text)
    dateline = dateline or city
    if config.language_check or language is None:
        language = detect_language(text) or language
    article = Article(
        id="", text=text, title=title or None, url=item.url or url,
        published=published or normalize_date(item.fetched),
        authors=authors or [], agency=agency, dateline=dateline,
        publisher=publisher or site_from_url(item.url or url), language=language,
        source_path=source,
        input_id=item.input_id or (item.fields or {}).get("id"),
    )
    article.id = article.content_hash[:16]
    return article


def _from_html(item: SourceItem, markup: str, config: Config) -> Article | ErrorRecord:
    extraction = extract_html(markup, item.url)
    if extraction is None or (len(extraction.text.split()) < MIN_WORDS
                              and len(extraction.text) < MIN_CHARS):
        found = "nothing" if extraction is None else repr(extraction.text[:60])
        return error(item.source_path, "article", "no_body",
                     f"no main text in the page (extractor found {found})",
                     locator=item.locator)
    return _finish(item, text=extraction.text, title=extraction.title,
                   published=extraction.published, authors=extraction.authors,
                   agency=extraction.agency, publisher=extraction.publisher,
                   language=extraction.language, url=extraction.url, config=config)


def _from_text(item: SourceItem, text: str, config: Config) -> Article | ErrorRecord:
    parsed = parse_text(text)
    return _finish(item, text=parsed.body, title=parsed.title, published=parsed.published,
                   authors=parsed.authors, agency=parsed.agency, dateline=parsed.dateline,
                   publisher=parsed.publisher, config=config)


def _from_record(item: SourceItem, config: Config) -> Article | ErrorRecord:
    fields = item.fields or {}
    text = str(fields.get("text", ""))
    title = fields.get("title")
    published = normalize_date(fields.get("date"))
    if _looks_html(text):
        extraction = extract_html(text, item.url)
        if extraction is None:
            return error(item.source_path, "article", "no_body",
                         "the record's HTML holds no main text", locator=item.locator)
        return _finish(item, text=extraction.text, title=title or extraction.title,
                       published=published or extraction.published,
                       authors=extraction.authors, publisher=extraction.publisher,
                       config=config)
    return _finish(item, text=text, title=title, published=published, config=config)


def to_article(item: SourceItem, config: Config) -> Article | ErrorRecord:
    """Turn one source item into a clean article with metadata.

    Args:
        item: From `newsevents.sources.iter_items` (or built by a caller).
        config: Run settings (language check).

    Returns:
        The Article (id = first 16 hex digits of its content hash), or an
        ErrorRecord ("bad_encoding", "no_body", "too_short").
        Never raises on bad content.
    """
    try:
        if item.fields is not None:
            return _from_record(item, config)
        if not item.data:
            return error(item.source_path, "article", "no_body", "no content",
                         locator=item.locator)
        decoded = decode_bytes(item.data, html=item.kind != "text")
        if decoded is None:
            return error(item.source_path, "article", "bad_encoding",
                         "no text encoding explains these bytes", locator=item.locator)
        text, encoding = decoded
        if item.kind == "html" or (item.kind != "text" and _looks_html(text)):
            result = _from_html(item, text, config)
        else:
            result = _from_text(item, text, config)
        guessed = encoding not in ("utf-8", "utf-16")
        if guessed and isinstance(result, Article) and \
                letter_ratio(result.text) < MIN_LETTER_RATIO:
            # Bytes read in a guessed encoding that decode to symbol soup were
            # not text in that encoding: refuse them rather than code nonsense.
            # (Valid UTF-8 is what its author wrote, tables and all.)
            return error(item.source_path, "article", "bad_encoding",
                         f"decoded as {encoding} the text is only "
                         f"{letter_ratio(result.text):.0%} letters (garbled)",
                         locator=item.locator)
        return result
    except (ValueError, TypeError, RecursionError, MemoryError) as exc:
        # Malformed markup can trip parsers deep inside lxml/trafilatura; one
        # bad page must never stop a run.
        return error(item.source_path, "article", "no_body",
                     f"extraction failed: {type(exc).__name__}: {exc}", locator=item.locator)
