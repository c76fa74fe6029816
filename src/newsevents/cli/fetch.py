"""`newsevents fetch`: download pages and feeds politely, cache them, then ingest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import typer

from ..config import DEFAULT_MODEL
from ..errors import REASONS
from ..model import ErrorRecord, SourceItem
from ..pipeline import Pipeline
from ..sources.fetch import (
    DEFAULT_USER_AGENT,
    Fetcher,
    FetchSettings,
    default_cache_dir,
    read_url_list,
)
from .common import DbOption, stderr
from .run import build_config, print_summary, run_with_progress


def expand_targets(targets: list[str]) -> list[str]:
    """URLs as given; a local file of URLs (one per line) expands to its URLs.

    Raises:
        typer.BadParameter: For a target that is neither a URL nor a URL list.
    """
    urls: list[str] = []
    for target in targets:
        if target.startswith(("http://", "https://")):
            urls.append(target)
            continue
        listed = read_url_list(Path(target))
        if listed is None:
            raise typer.BadParameter(
                f"{target!r} is not an http(s) URL or a file of URLs (one per line); "
                f"use `newsevents run` for local news files")
        urls.extend(listed)
    return urls


def register(app: typer.Typer) -> None:
    @app.command()
    def fetch(
        targets: list[str] = typer.Argument(
            ..., help="Page URLs, RSS/Atom feed URLs, or files listing URLs (one per line)."),
        cache: Path = typer.Option(None, "--cache",
                                   help="Folder of cached raw pages (default: "
                                        "$NEWSEVENTS_CACHE or ~/.cache/newsevents/pages)."),
        db: Path = DbOption,
        download_only: bool = typer.Option(False, "--download-only",
                                           help="Fill the cache; do not ingest."),
        delay: float = typer.Option(1.0, "--delay",
                                    help="Seconds between requests to one host."),
        per_host: int = typer.Option(2, "--per-host", help="Concurrent requests per host."),
        timeout: float = typer.Option(20.0, "--timeout", help="Connect/read timeout, seconds."),
        retries: int = typer.Option(3, "--retries", help="Retries (with backoff) per URL."),
        user_agent: str = typer.Option(DEFAULT_USER_AGENT, "--user-agent",
                                       help="User-Agent; add a contact address."),
        max_bytes: int = typer.Option(5 * 1024 * 1024, "--max-bytes",
                                      help="Refuse pages larger than this."),
        workers: int = typer.Option(0, "--workers", "-w",
                                    help="Worker processes for analysis (0 = cores)."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model to load."),
        quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress or summary."),
    ) -> None:
        """Download pages/feeds politely (robots.txt, per-host limits, cache), then ingest them.

        Pages already in the cache are never downloaded again.
        """
        urls = expand_targets(targets)
        settings = FetchSettings(cache_dir=cache or default_cache_dir(), user_agent=user_agent,
                                 per_host=per_host, delay=delay, timeout=timeout,
                                 retries=retries, max_bytes=max_bytes)
        fetcher = Fetcher(settings)
        fetch_errors: Counter = Counter()

        def items() -> Iterator[SourceItem]:
            for item in fetcher.iter_items(urls):
                if isinstance(item, ErrorRecord):
                    fetch_errors[item.reason] += 1
                    if not quiet:
                        stderr.print(f"[yellow]{item.reason}[/]: {item.detail}")
                    continue
                yield item

        if download_only:
            pages = sum(1 for _ in items())
            if not quiet:
                stderr.print(f"{pages} pages in {settings.cache_dir} "
                             f"({fetcher.requests} requests made)")
                for reason, n in fetch_errors.most_common():
                    stderr.print(f"  {reason}: {REASONS.get(reason, '')} {n}")
            return
        config = build_config(db, workers or None, model, max_bytes=max_bytes)
        summary = run_with_progress(Pipeline(config), items(), quiet=True)
        summary.errors.update(fetch_errors)
        if not quiet:
            print_summary(summary)
            stderr.print(f"{fetcher.requests} requests made; cache: {settings.cache_dir}")
