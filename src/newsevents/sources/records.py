"""Streaming readers for structured corpora: JSONL and CSV/TSV.

Both read one record at a time (constant memory in file size). A bad line
becomes an ErrorRecord with its line number and the rest of the file is read.
"""

from __future__ import annotations

import csv
import io
import json
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from charset_normalizer import from_bytes

from ..config import Config
from ..errors import error
from ..model import ErrorRecord, SourceItem
from .limits import open_stream

Item = SourceItem | ErrorRecord


def _field_map(config: Config) -> dict[str, str]:
    """Map our record keys to the user's configured field names."""
    return {"text": config.text_field, "title": config.title_field, "date": config.date_field,
            "url": config.url_field, "id": config.id_field}


def record_item(row: dict[str, Any], config: Config, source: str, locator: str) -> Item:
    """Turn one parsed JSONL object or CSV row into a SourceItem.

    Args:
        row: The parsed record.
        config: Supplies the field names.
        source: The file path.
        locator: "line N" (JSONL) or "row N" (CSV).

    Returns:
        A SourceItem of kind "record", or an ErrorRecord ("bad_record") when
        the text field is missing or empty.
    """
    fields: dict[str, Any] = {}
    for ours, theirs in _field_map(config).items():
        value = row.get(theirs)
        if value is None or (isinstance(value, str) and not value.strip()):
            continue
        fields[ours] = value if isinstance(value, str) else str(value)
    if "text" not in fields:
        return error(source, "source", "bad_record",
                     f"no non-empty {config.text_field!r} field", locator=locator)
    return SourceItem(source_path=source, fields=fields, url=fields.get("url"), kind="record",
                      input_id=fields.get("id"), locator=locator)


def _decode_line(raw: bytes) -> str | None:
    """Decode one line: UTF-8 first, else the best charset_normalizer guess."""
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        best = from_bytes(raw).best()
        return str(best) if best is not None else None


def iter_jsonl(path: Path, config: Config) -> Iterator[Item]:
    """Yield one item per line of a JSONL (optionally gzip) file.

    Args:
        path: The file.
        config: Field names and the per-record size cap.

    Yields:
        SourceItems, and ErrorRecords for malformed, over-size or text-less
        lines (with locator "line N"), and for a truncated gzip stream.
    """
    source = str(path)
    cap = config.max_bytes
    lineno = 0
    try:
        with open_stream(path) as fh:
            while True:
                raw = fh.readline(cap + 1)
                if not raw:
                    break
                lineno += 1
                locator = f"line {lineno}"
                if len(raw) > cap and not raw.endswith(b"\n"):
                    # Skip the rest of the over-long line without holding it.
                    while True:
                        more = fh.readline(cap + 1)
                        if not more or more.endswith(b"\n"):
                            break
                    yield error(source, "source", "too_large",
                                f"line is longer than the {cap}-byte cap", locator=locator)
                    continue
                if not raw.strip():
                    continue
                text = _decode_line(raw)
                if text is None:
                    yield error(source, "source", "bad_encoding", locator=locator)
                    continue
                try:
                    obj = json.loads(text)
                except ValueError as exc:
                    yield error(source, "source", "bad_json", str(exc), locator=locator)
                    continue
                if not isinstance(obj, dict):
                    yield error(source, "source", "bad_json",
                                f"expected a JSON object, got {type(obj).__name__}",
                                locator=locator)
                    continue
                yield record_item(obj, config, source, locator)
    except (EOFError, zlib.error, OSError) as exc:
        reason = "unreadable" if type(exc) is OSError else "bad_gzip"
        yield error(source, "source", reason, f"stopped after line {lineno}: {exc}",
                    locator=f"line {lineno + 1}")


def _delimiter(path: Path, header: str) -> str:
    if path.name.lower().endswith((".tsv", ".tsv.gz")):
        return "\t"
    counts = {d: header.count(d) for d in (",", ";", "\t", "|")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def iter_csv(path: Path, config: Config) -> Iterator[Item]:
    """Yield one item per row of a CSV/TSV (optionally gzip) file with a header.

    Args:
        path: The file.
        config: Field names and the per-field size cap.

    Yields:
        SourceItems, and ErrorRecords for rows that cannot be parsed
        ("bad_csv"), rows without text ("bad_record"), or a file whose header
        lacks the text column.
    """
    source = str(path)
    # The csv module's limit is process-wide; raising it to our cap is harmless.
    csv.field_size_limit(max(config.max_bytes, csv.field_size_limit()))
    row_no = 0
    try:
        with open_stream(path) as raw:
            text = io.TextIOWrapper(raw, encoding="utf-8-sig", errors="replace", newline="")
            header_line = text.readline()
            if not header_line.strip():
                yield error(source, "source", "empty_file", "CSV file has no header")
                return
            delimiter = _delimiter(path, header_line)
            header = next(csv.reader([header_line], delimiter=delimiter))
            if config.text_field not in header:
                yield error(source, "source", "bad_record",
                            f"CSV header has no {config.text_field!r} column "
                            f"(columns: {', '.join(header[:12])})")
                return
            reader = csv.reader(text, delimiter=delimiter)
            while True:
                row_no += 1
                locator = f"row {row_no}"
                try:
                    values = next(reader)
                except StopIteration:
                    break
                except csv.Error as exc:
                    yield error(source, "source", "bad_csv", str(exc), locator=locator)
                    continue
                if not any(v.strip() for v in values):
                    continue
                if len(values) != len(header):
                    yield error(source, "source", "bad_csv",
                                f"{len(values)} fields where the header has {len(header)}",
                                locator=locator)
                    continue
                yield record_item(dict(zip(header, values, strict=True)), config, source,
                                  locator)
    except (EOFError, zlib.error, OSError) as exc:
        reason = "unreadable" if type(exc) is OSError else "bad_gzip"
        yield error(source, "source", reason, f"stopped at row {row_no}: {exc}",
                    locator=f"row {row_no}")
