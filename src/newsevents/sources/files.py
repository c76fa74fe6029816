"""From what a user typed (files, folders, globs) to items, one file at a time."""

from __future__ import annotations

import glob
import os
from collections.abc import Iterator
from pathlib import Path

from ..config import Config
from ..errors import error
from ..model import ErrorRecord, SourceItem
from . import detect
from .limits import peek, read_capped
from .records import iter_csv, iter_jsonl
from .warc import iter_warc

Item = SourceItem | ErrorRecord
_GLOB_CHARS = set("*?[")


def iter_file(path: Path, config: Config) -> Iterator[Item]:
    """Yield the items of one file, whatever its format.

    Args:
        path: An existing regular file.
        config: Run settings (size cap, field names).

    Yields:
        SourceItems and ErrorRecords; a page-like file (HTML, text) yields
        exactly one of either.
    """
    head = peek(path)
    if isinstance(head, ErrorRecord):
        yield head
        return
    kind = detect.sniff(head, path.name)
    source = str(path)
    if kind == detect.EMPTY:
        yield error(source, "source", "empty_file")
    elif kind == detect.BINARY:
        yield error(source, "source", "binary_file", f"first bytes {head[:8]!r}")
    elif kind == detect.JSON_ARRAY:
        # A JSON array must be parsed whole, which breaks the constant-memory
        # promise for big corpora: ask for JSONL instead of half-reading it.
        yield error(source, "source", "unknown_format",
                    "a JSON array; write one JSON object per line (JSONL) instead")
    elif kind == detect.WARC:
        yield from iter_warc(path, config)
    elif kind == detect.JSONL:
        yield from iter_jsonl(path, config)
    elif kind == detect.CSV:
        yield from iter_csv(path, config)
    else:
        data = read_capped(path, config.max_bytes)
        if isinstance(data, ErrorRecord):
            yield data
        elif not data.strip():
            yield error(source, "source", "empty_file", "only whitespace")
        else:
            if kind == detect.TEXT and data.startswith((b"\xff\xfe", b"\xfe\xff")):
                kind = ""  # UTF-16: HTML cues are only visible once decoded
            yield SourceItem(source_path=source, data=data, kind=kind)


def _walk(folder: Path) -> Iterator[Path]:
    """Regular files under `folder`, sorted, skipping hidden files and folders.

    Hidden entries (.git, .DS_Store, editor swap files) are never user news.
    """
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def _iter_many(files: Iterator[Path], config: Config, label: str) -> Iterator[Item]:
    """Read several files; report "no_inputs" when none gave a single item."""
    found = 0
    for path in files:
        for item in iter_file(path, config):
            if isinstance(item, SourceItem):
                found += 1
            yield item
    if not found:
        yield error(label, "source", "no_inputs")


def list_files(spec: str) -> list[str]:
    """The files one input stands for, without reading them.

    For engines that read files elsewhere (Spark executors): a folder gives
    its files, a glob its matches; anything else (a file, a missing path, an
    empty folder) is returned as it is, so whoever reads it reports the
    problem the way `iter_path` does.

    Args:
        spec: A file, a folder or a glob pattern.

    Returns:
        Paths as strings, sorted within a folder or glob.
    """
    path = Path(spec).expanduser()
    if path.is_dir():
        files = [str(p) for p in _walk(path)]
    elif not path.exists() and _GLOB_CHARS & set(spec):
        files = [m for m in sorted(glob.glob(os.path.expanduser(spec), recursive=True))
                 if Path(m).is_file()]
    else:
        files = []
    return files or [spec]


def iter_path(spec: str, config: Config) -> Iterator[Item]:
    """Yield the items behind one path, folder or glob pattern.

    Args:
        spec: A file, a folder (read recursively) or a glob ("news/**/*.html").
        config: Run settings.

    Yields:
        SourceItems and ErrorRecords ("not_found" for a missing path,
        "no_inputs" for a folder or glob without any news).
    """
    path = Path(spec).expanduser()
    if path.is_file():
        yield from iter_file(path, config)
    elif path.is_dir():
        yield from _iter_many(_walk(path), config, spec)
    elif _GLOB_CHARS & set(spec):
        matches = sorted(glob.glob(os.path.expanduser(spec), recursive=True))
        files = (Path(m) for m in matches if Path(m).is_file())
        yield from _iter_many(files, config, spec)
    elif path.exists():
        yield error(spec, "source", "unreadable", "not a regular file or folder")
    else:
        yield error(spec, "source", "not_found")
