"""Bytes to text: UTF-8 first, repaired mixed encodings, then detection.

Scraped pages often mix encodings (a UTF-8 page with a pasted Windows-1252
quote) or carry none declared. We decode strictly as UTF-8; when that fails
but the bytes clearly hold UTF-8 sequences, only the stray bytes are read as
Windows-1252; otherwise charset_normalizer picks the encoding.
"""

from __future__ import annotations

import codecs
import re

from charset_normalizer import from_bytes

_MIXED = "newsevents-cp1252-fallback"
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""",
                           re.IGNORECASE)
# A valid multi-byte UTF-8 sequence (2 to 4 bytes).
_UTF8_SEQ = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}")


def _cp1252_fallback(exc: UnicodeError) -> tuple[str, int]:
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = exc.object[exc.start:exc.end]
    return bad.decode("cp1252", errors="replace"), exc.end


codecs.register_error(_MIXED, _cp1252_fallback)


def _stray_bytes(data: bytes) -> int:
    """How many bytes are not part of valid UTF-8."""
    text = data.decode("utf-8", errors="surrogateescape")
    return sum(1 for ch in text if "\udc80" <= ch <= "\udcff")


def letter_ratio(text: str) -> float:
    """Share of letters among the non-space characters (garbled text is low)."""
    chars = [c for c in text[:20000] if not c.isspace()]
    if not chars:
        return 0.0
    return sum(c.isalpha() for c in chars) / len(chars)


def declared_charset(data: bytes) -> str | None:
    """Return the charset an HTML page declares in a <meta> tag, if valid."""
    match = _META_CHARSET.search(data[:4096])
    if not match:
        return None
    name = match.group(1).decode("ascii", errors="ignore").lower()
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_bytes(data: bytes, html: bool = False) -> tuple[str, str] | None:
    """Decode page bytes to text.

    Args:
        data: The raw bytes.
        html: Whether to honour a <meta charset> declaration.

    Returns:
        (text, encoding used), or None when no encoding explains the bytes.
        The encoding is "utf-8+cp1252" for repaired mixed input.
    """
    for bom, codec in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16"),
                       (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(codec, errors="replace").lstrip("\ufeff"), codec
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if html:
        declared = declared_charset(data)
        if declared and declared != "utf-8":
            try:
                return data.decode(declared), declared
            except UnicodeDecodeError:
                pass
    if _UTF8_SEQ.search(data) and _stray_bytes(data) <= 0.02 * len(data):
        # Valid UTF-8 next to a few invalid bytes: a mixed page. Keep the UTF-8
        # and read only the stray bytes as Windows-1252 (the usual culprit).
        return data.decode("utf-8", errors=_MIXED), "utf-8+cp1252"
    best = from_bytes(data).best()
    if best is None:
        return None
    return str(best), best.encoding
