"""Sources: from paths, folders, globs, archives and URLs to `SourceItem`s.

    from newsevents.sources import iter_items
    for item in iter_items(["news/", "crawl.warc.gz"], Config()):
        ...  # SourceItem or ErrorRecord

Every input that cannot be read becomes an `ErrorRecord` with a catalogued
reason; nothing is dropped silently and nothing raises.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from ..config import Config
from ..model import ErrorRecord, SourceItem
from .detect import sniff
from .files import iter_file, iter_path, list_files

__all__ = ["iter_items", "iter_path", "iter_file", "list_files", "sniff", "is_url"]


def is_url(spec: str) -> bool:
    """Return True for http(s) URLs (which are fetched, not opened)."""
    return spec.startswith(("http://", "https://"))


def iter_items(paths: Iterable[str], config: Config) -> Iterator[SourceItem | ErrorRecord]:
    """Yield every item found behind the given inputs, streaming.

    Args:
        paths: Files, folders (recursive), glob patterns, or http(s) URLs
            (pages or RSS/Atom feeds, downloaded politely into a cache).
        config: Run settings (size cap, JSONL/CSV field names).

    Yields:
        `SourceItem`s for readable pages and records, `ErrorRecord`s for the
        rest, in input order.
    """
    urls: list[str] = []
    for spec in paths:
        spec = str(spec)
        if is_url(spec):
            urls.append(spec)
            continue
        yield from iter_path(spec, config)
    if urls:
        from .fetch import iter_urls  # network code only when asked for

        yield from iter_urls(urls, config)
