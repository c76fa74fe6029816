"""The plain records every stage of newsevents shares.

This module imports nothing from the rest of the package: sources, articles,
actors, coding, store, query and the faces all speak in these types.

Field names here are the public output contract (JSONL/CSV columns). Later
features add fields; they never rename these.
"""

from __future__ import annotations

import hashlib
from dataclasses import asdict, dataclass, field, fields
from typing import Any

MODALITIES = ("asserted", "negated", "future", "hypothetical")


def content_hash(text: str) -> str:
    """Return the stable hash used for idempotent ingest.

    Args:
        text: The article body (or any text).

    Returns:
        The hex SHA-256 of the whitespace-normalised text.
    """
    normalised = " ".join(text.split())
    return hashlib.sha256(normalised.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class SourceItem:
    """One thing a reader found: a raw page, or an already-structured record.

    Readers in `newsevents.sources` yield these; `newsevents.articles` turns
    each into an `Article`.

    Attributes:
        source_path: File (or URL) the item came from.
        data: Raw bytes of a page or dump (None for structured records).
        fields: Structured fields for JSONL/CSV rows: text, title, date, url, id.
        url: The page's URL when known (WARC record, fetch, JSONL field).
        fetched: ISO date the page was captured (WARC date, fetch time).
        kind: Format hint: "html", "text", "record" (structured), or "" (detect).
        input_id: The user's id for the item (a JSONL `id`), if any.
        locator: Where in the source the item sits, e.g. "line 12" or a WARC offset.
    """

    source_path: str
    data: bytes | None = None
    fields: dict[str, Any] | None = None
    url: str | None = None
    fetched: str | None = None
    kind: str = ""
    input_id: str | None = None
    locator: str | None = None


@dataclass(slots=True)
class Article:
    """One clean news article with its metadata."""

    id: str
    text: str
    title: str | None = None
    url: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    agency: str | None = None
    dateline: str | None = None
    publisher: str | None = None
    language: str | None = None
    source_path: str | None = None
    content_hash: str = ""
    input_id: str | None = None
    story_id: str | None = None
    duplicate_of: str | None = None

    def __post_init__(self) -> None:
        if not self.content_hash:
            self.content_hash = content_hash(self.text)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Sentence:
    """A sentence of an article, with its character offsets in `Article.text`."""

    article_id: str
    index: int
    text: str
    start: int
    end: int


@dataclass(slots=True)
class Actor:
    """A resolved (or unresolved) mention of who acted or was acted upon.

    `code` is CAMEO-style: country or IGO prefix plus sector, e.g. "PRKGOV",
    "USAMIL", "IGOUNO". It is None when the mention could not be resolved;
    the text is kept either way.
    """

    text: str
    code: str | None = None
    country: str | None = None
    sector: str | None = None
    name: str | None = None
    role: str | None = None
    matched: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    """One coded event: who did what to whom, when, where, and the sentence saying so."""

    id: str = ""
    article_id: str | None = None
    input_id: str | None = None
    date: str | None = None
    sentence_index: int | None = None
    sentence: str = ""
    event_text: str = ""
    source_text: str | None = None
    source_code: str | None = None
    source_country: str | None = None
    source_sector: str | None = None
    target_text: str | None = None
    target_code: str | None = None
    target_country: str | None = None
    target_sector: str | None = None
    cameo: str = ""
    cameo_root: str = ""
    quad_class: int | None = None
    goldstein: float | None = None
    plover: str | None = None
    plover_mode: str | None = None
    modality: str = "asserted"
    attribution_text: str | None = None
    attribution_code: str | None = None
    # Fields added after the first contract (never rename the ones above).
    date_precision: str | None = None
    location_name: str | None = None
    location_country: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    story_id: str | None = None
    num_mentions: int = 1
    num_articles: int = 1
    num_sources: int = 1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


EVENT_FIELDS: tuple[str, ...] = tuple(f.name for f in fields(Event))
ARTICLE_FIELDS: tuple[str, ...] = (
    "id", "url", "title", "published", "authors", "agency", "dateline", "publisher",
    "language", "text", "source_path", "content_hash",
)


@dataclass(slots=True)
class ErrorRecord:
    """Why an input (or part of one) could not be processed.

    Attributes:
        source_path: The file, URL or input the problem is in.
        stage: Which stage refused it: "source", "article", "nlp", "coding", "store".
        reason: A short stable key from `newsevents.errors` (e.g. "empty_file").
        detail: A human-readable explanation.
        locator: Where inside the source, e.g. "line 7".
    """

    source_path: str
    stage: str
    reason: str
    detail: str = ""
    locator: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class ArticleResult:
    """Everything the pipeline learned about one article."""

    article: Article
    sentences: list[Sentence] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    skipped_reason: str | None = None
