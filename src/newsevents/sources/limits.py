"""Reading bytes under a size cap, with gzip handled safely.

Every reader goes through here so that the size cap, gzip bombs and truncated
gzip streams are refused the same way everywhere.
"""

from __future__ import annotations

import gzip
import zlib
from pathlib import Path

from ..errors import error
from ..model import ErrorRecord

GZIP_MAGIC = b"\x1f\x8b"
_CHUNK = 64 * 1024


def is_gzip(head: bytes) -> bool:
    """Return True when `head` starts with the gzip magic number."""
    return head[:2] == GZIP_MAGIC


def gunzip_capped(data: bytes, max_bytes: int, source: str) -> bytes | ErrorRecord:
    """Decompress a whole gzip member in memory, stopping at the size cap.

    A gzip bomb (a tiny file that inflates to gigabytes) is stopped as soon as
    the output passes `max_bytes`, so memory never grows beyond the cap.

    Args:
        data: The compressed bytes.
        max_bytes: Largest decompressed size accepted.
        source: Path or URL, for the error record.

    Returns:
        The decompressed bytes, or an ErrorRecord ("too_large" or "bad_gzip").
    """
    # wbits=16+MAX_WBITS: expect a gzip header and trailer (not raw deflate).
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        pending = data
        while pending:
            out += inflater.decompress(pending, max_bytes + 1 - len(out))
            if len(out) > max_bytes:
                return error(source, "source", "too_large",
                             f"decompresses to more than the {max_bytes}-byte cap "
                             f"(stopped there; possible gzip bomb)")
            pending = inflater.unconsumed_tail
            if inflater.eof:
                break
        if not inflater.eof:
            return error(source, "source", "bad_gzip",
                         f"gzip stream ends early after {len(out)} bytes (truncated file)")
    except zlib.error as exc:
        return error(source, "source", "bad_gzip", f"corrupt gzip data: {exc}")
    return bytes(out)


def read_capped(path: Path, max_bytes: int) -> bytes | ErrorRecord:
    """Read one page-sized file (decompressing gzip) under the size cap.

    Args:
        path: The file.
        max_bytes: The cap on the file's (decompressed) size.

    Returns:
        The content bytes, or an ErrorRecord.
    """
    source = str(path)
    try:
        with path.open("rb") as fh:
            head = fh.read(2)
            if is_gzip(head):
                # The compressed size is capped too, so that reading it never
                # holds more than the cap in memory.
                rest = fh.read(max_bytes + 1)
                data = head + rest
                if len(data) > max_bytes:
                    return error(source, "source", "too_large",
                                 f"compressed file is larger than the {max_bytes}-byte cap")
                return gunzip_capped(data, max_bytes, source)
            data = head + fh.read(max_bytes + 1 - len(head))
    except OSError as exc:
        return error(source, "source", "unreadable", str(exc))
    if len(data) > max_bytes:
        return error(source, "source", "too_large",
                     f"file is larger than the {max_bytes}-byte cap")
    return data


def open_stream(path: Path):
    """Open a (possibly gzip-compressed) file for streaming binary reads.

    Args:
        path: The file.

    Returns:
        A binary file object; gzip files are decompressed on the fly, so a
        truncated stream raises EOFError/BadGzipFile while being read.
    """
    fh = path.open("rb")
    head = fh.read(2)
    fh.seek(0)
    if is_gzip(head):
        return gzip.GzipFile(fileobj=fh, mode="rb")
    return fh


def peek(path: Path, size: int = 8192) -> bytes | ErrorRecord:
    """Return the first `size` decompressed bytes of a file, for format sniffing.

    Args:
        path: The file.
        size: How many bytes to look at.

    Returns:
        The head bytes (possibly fewer), or an ErrorRecord for unreadable or
        broken gzip files.
    """
    source = str(path)
    try:
        with path.open("rb") as raw:
            head = raw.read(size)
            if not is_gzip(head):
                return head
            raw.seek(0)
            inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
            out = b""
            while len(out) < size:
                chunk = raw.read(_CHUNK)
                if not chunk:
                    break
                out += inflater.decompress(chunk, size - len(out))
                if inflater.eof:
                    break
            return out
    except OSError as exc:
        return error(source, "source", "unreadable", str(exc))
    except zlib.error as exc:
        return error(source, "source", "bad_gzip", f"corrupt gzip data: {exc}")
