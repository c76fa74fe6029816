"""Reading WARC / WARC.gz archives (Common Crawl news style) with warcio.

Each HTTP response record holding HTML becomes one SourceItem whose `url` and
`fetched` come from the record headers. Records are streamed one at a time.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from ..config import Config
from ..errors import error
from ..model import ErrorRecord, SourceItem

Item = SourceItem | ErrorRecord

# Record types that are bookkeeping, not pages: skipping them is not a loss.
_NOT_PAGES = {"warcinfo", "request", "metadata", "revisit", "conversion", "continuation"}


def _is_html(content_type: str) -> bool:
    ct = content_type.lower()
    return "html" in ct or ct.startswith("text/plain") or not ct


def iter_warc(path: Path, config: Config) -> Iterator[Item]:
    """Yield the HTML pages of a WARC file.

    Args:
        path: A .warc or .warc.gz file.
        config: Supplies the per-page size cap.

    Yields:
        SourceItems (kind "html", or "" for text/plain) with url, fetched
        (YYYY-MM-DD) and locator ("record N"); ErrorRecords for
        responses that are not pages ("not_a_page"), over-size pages, and
        unreadable or truncated records ("bad_warc").
    """
    source = str(path)
    cap = config.max_bytes
    count = 0
    try:
        with path.open("rb") as fh:
            iterator = ArchiveIterator(fh)
            for record in iterator:
                count += 1
                if record.rec_type in _NOT_PAGES:
                    continue
                # warcio's get_record_offset() consumes the record stream, so the
                # locator names the record by its position instead.
                locator = f"record {count}"
                url = record.rec_headers.get_header("WARC-Target-URI")
                warc_date = record.rec_headers.get_header("WARC-Date") or ""
                fetched = warc_date[:10] if len(warc_date) >= 10 else None
                content_type = ""
                if record.http_headers is not None:
                    status = record.http_headers.get_statuscode() or ""
                    content_type = record.http_headers.get_header("Content-Type") or ""
                    if not status.startswith("2"):
                        yield error(source, "source", "not_a_page",
                                    f"HTTP status {status} for {url}", locator=locator)
                        continue
                elif record.rec_type == "resource":
                    content_type = record.rec_headers.get_header("Content-Type") or ""
                if not _is_html(content_type):
                    yield error(source, "source", "not_a_page",
                                f"content type {content_type} for {url}", locator=locator)
                    continue
                data = record.content_stream().read(cap + 1)
                if len(data) > cap:
                    yield error(source, "source", "too_large",
                                f"page {url} is larger than the {cap}-byte cap", locator=locator)
                    continue
                if getattr(record.raw_stream, "limit", 0) > 0:
                    # The record ended before its declared Content-Length: the
                    # archive is cut off; a partial page is not an article.
                    yield error(source, "source", "bad_warc",
                                f"record for {url} is truncated", locator=locator)
                    continue
                if not data.strip():
                    yield error(source, "source", "empty_file", f"empty page body for {url}",
                                locator=locator)
                    continue
                kind = "html" if "html" in content_type.lower() else ""
                yield SourceItem(source_path=source, data=data, url=url, fetched=fetched,
                                 kind=kind, locator=locator)
    except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
        yield error(source, "source", "bad_warc", f"stopped after record {count}: {exc}",
                    locator=f"record {count + 1}")
