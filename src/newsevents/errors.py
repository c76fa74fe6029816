"""The catalogue of reasons an input can be refused.

Every `ErrorRecord.reason` is a key of `REASONS`; its value is the message a
person reads in the run summary. Keep keys stable: users filter on them.
Stages add their own keys here rather than inventing strings on the spot.
"""

from __future__ import annotations

from .model import ErrorRecord

REASONS: dict[str, str] = {
    # sources
    "not_found": "The path does not exist.",
    "no_inputs": "The folder or glob matched no readable news files.",
    "unreadable": "The file could not be read (permissions or I/O error).",
    "empty_file": "The file is empty.",
    "binary_file": "The file is binary, not text, HTML or a known archive.",
    "unknown_format": "The content is not a format newsevents reads.",
    "too_large": "The input is larger than the size cap.",
    "bad_gzip": "The gzip stream is truncated or corrupt.",
    "bad_json": "A JSONL line is not valid JSON.",
    "bad_record": "A structured record lacks a usable text field.",
    "bad_csv": "A CSV row could not be parsed.",
    "bad_warc": "A WARC record could not be read.",
    "fetch_failed": "The URL could not be downloaded.",
    "robots_disallowed": "robots.txt disallows fetching the URL.",
    "not_a_page": "A WARC record or download is not an HTML/text page (redirect, error status, other media).",
    # articles
    "bad_encoding": "The text encoding could not be determined.",
    "no_body": "No article body could be extracted from the page.",
    "too_short": "The extracted body is too short to be an article.",
    "not_english": "The article is not in English; stored but not coded.",
    # nlp / coding / store
    "nlp_failed": "The language model failed on this article; stored but not coded.",
    "too_long_to_parse": "Longer than the language model parses at once; stored but not coded.",
    "coding_failed": "The event coder failed on this article; stored but not coded.",
    "store_failed": "The article could not be written to the store.",
    "duplicate": "The same content is already in the store.",
}


class NewsEventsError(Exception):
    """Base class for errors newsevents raises to its callers."""


class ConfigError(NewsEventsError):
    """A setting or option is invalid (bad model name, bad date, bad file)."""


def error(source_path: str, stage: str, reason: str, detail: str = "",
          locator: str | None = None) -> ErrorRecord:
    """Build an `ErrorRecord`, checking the reason is catalogued.

    Args:
        source_path: The file or URL at fault.
        stage: The stage refusing it.
        reason: A key of `REASONS`.
        detail: Specifics (exception text, sizes, line numbers).
        locator: Position inside the source.

    Returns:
        The error record.

    Raises:
        KeyError: If `reason` is not in the catalogue (a programming error).
    """
    if reason not in REASONS:
        raise KeyError(f"uncatalogued error reason: {reason!r}")
    return ErrorRecord(source_path=source_path, stage=stage, reason=reason,
                       detail=detail or REASONS[reason], locator=locator)
