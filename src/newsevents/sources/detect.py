"""Recognising an input's format from its first bytes (and, second, its name).

Users' files are often misnamed (`.txt` that is HTML, `.dat` that is JSONL), so
content decides; the extension only breaks ties (CSV versus plain text).
"""

from __future__ import annotations

import json
import re

HTML = "html"
TEXT = "text"
JSONL = "jsonl"
CSV = "csv"
WARC = "warc"
JSON_ARRAY = "json_array"
EMPTY = "empty"
BINARY = "binary"

_HTML_CUES = re.compile(
    rb"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta\s|<title>|<div[\s>]|<article[\s>]|<p>",
    re.IGNORECASE,
)
# Control bytes that never occur in text (tab, LF, CR, FF and ESC-free).
_CONTROL = bytes(range(0, 9)) + bytes(range(14, 27)) + bytes(range(28, 32)) + b"\x0b"
# Magic numbers of common binary formats people drop into news folders.
_BINARY_MAGIC = (b"%PDF", b"PK\x03\x04", b"\x89PNG", b"\xff\xd8\xff", b"GIF8", b"\x7fELF",
                 b"BZh", b"\xfd7zXZ", b"Rar!", b"7z\xbc\xaf")


def looks_binary(head: bytes) -> bool:
    """Return True when the bytes are not text in any common encoding.

    Args:
        head: The first few kilobytes.

    Returns:
        True for NUL bytes (unless UTF-16 with a BOM), known binary magic
        numbers, or more than 10% control characters.
    """
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False  # UTF-16 text with a byte-order mark
    if head.startswith(_BINARY_MAGIC) or b"\x00" in head:
        return True
    sample = head[:4096]
    controls = sum(sample.count(bytes([c])) for c in _CONTROL)
    return controls > 0.10 * max(len(sample), 1)


def _first_line(head: bytes) -> bytes:
    stripped = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    return stripped.split(b"\n", 1)[0].strip()


def _is_json_object_line(line: bytes, complete: bool) -> bool:
    if not line.startswith(b"{"):
        return False
    if not complete:
        return True  # a long first line cut by the sniff window
    try:
        return isinstance(json.loads(line), dict)
    except ValueError:
        # A malformed first line still makes a JSONL file (the line becomes an
        # error record) when it is clearly meant as an object.
        return line.endswith(b"}")


def sniff(head: bytes, name: str = "") -> str:
    """Classify an input by its first (decompressed) bytes.

    Args:
        head: Up to a few kilobytes from the start of the content.
        name: The file name, used only to tell CSV from plain text.

    Returns:
        One of "warc", "html", "jsonl", "json_array", "csv", "text", "empty",
        "binary".
    """
    lowered = name.lower()
    if not head.strip():
        return EMPTY
    if head.startswith(b"WARC/"):
        return WARC
    if looks_binary(head):
        return BINARY
    first = _first_line(head)
    complete = b"\n" in head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if _is_json_object_line(first, complete):
        return JSONL
    if first.startswith(b"[") and (first[1:].lstrip().startswith(b"{") or first == b"["):
        return JSON_ARRAY
    if _HTML_CUES.search(head[:4096]):
        return HTML
    if lowered.endswith((".csv", ".csv.gz", ".tsv", ".tsv.gz")):
        return CSV
    return TEXT
