"""Polite downloading of pages and RSS/Atom feeds into a local cache.

    from newsevents.sources.fetch import Fetcher, FetchSettings
    fetcher = Fetcher(FetchSettings(cache_dir=Path("cache")))
    for item in fetcher.iter_items(["https://example.org/feed.xml"]):
        ...  # SourceItem (one per page) or ErrorRecord

Politeness: a clear User-Agent, robots.txt obeyed (including Crawl-delay),
at most `per_host` requests at once per host with `delay` seconds between
request starts, timeouts, retries with exponential backoff on timeouts,
connection errors, 429 and 5xx (honouring a numeric Retry-After), and the
size cap enforced while streaming. Every successful page is written to the
cache folder before it is used, so a re-run never downloads it again.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import threading
import time
from collections.abc import Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import urllib3

from ..config import Config
from ..errors import error
from ..model import ErrorRecord, SourceItem

Item = SourceItem | ErrorRecord

# Operators should add a contact (--user-agent "... (+mailto:you@example.org)").
DEFAULT_USER_AGENT = "newsevents/0.1 (news event research; polite crawler)"
_FEED_TYPES = ("rss", "atom", "rdf", "/xml", "+xml")
_PAGE_TYPES = ("html", "text/plain", "xhtml")
_RETRY_STATUS = {429, 500, 502, 503, 504}
# urllib3 follows up to 5 redirects; all other retrying is ours (with backoff
# and the per-host gate), so its own retries are off.
_REDIRECTS = urllib3.Retry(total=None, connect=0, read=0, redirect=5, status=0, other=0,
                           raise_on_redirect=True)


def default_cache_dir() -> Path:
    """`$NEWSEVENTS_CACHE`, else ~/.cache/newsevents/pages."""
    return Path(os.environ.get("NEWSEVENTS_CACHE", "~/.cache/newsevents/pages")).expanduser()


@dataclass(slots=True)
class FetchSettings:
    """How politely and where to download.

    Attributes:
        cache_dir: Folder of cached raw pages (created when missing).
        user_agent: Sent with every request and matched against robots.txt.
        per_host: Concurrent requests allowed to one host.
        delay: Seconds between the starts of two requests to one host
            (robots.txt Crawl-delay raises it).
        timeout: Seconds for connecting and for each read.
        retries: Extra attempts after a failure worth retrying.
        backoff: First retry wait in seconds; doubles each attempt.
        max_bytes: Size cap of one page.
        workers: Threads downloading at once across all hosts.
        respect_robots: Obey robots.txt (turn off only for your own servers).
    """

    cache_dir: Path = field(default_factory=default_cache_dir)
    user_agent: str = DEFAULT_USER_AGENT
    per_host: int = 2
    delay: float = 1.0
    timeout: float = 20.0
    retries: int = 3
    backoff: float = 1.0
    max_bytes: int = 5 * 1024 * 1024
    workers: int = 8
    respect_robots: bool = True


@dataclass(slots=True)
class Page:
    """A downloaded (or cached) response body."""

    url: str
    final_url: str
    status: int
    content_type: str
    body: bytes
    fetched: str
    from_cache: bool = False


class _HostGate:
    """Per-host concurrency limit and minimum spacing between request starts."""

    def __init__(self, limit: int, delay: float) -> None:
        self._sem = threading.Semaphore(max(1, limit))
        self._lock = threading.Lock()
        self._next = 0.0
        self.delay = delay

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._sem:
            with self._lock:
                now = time.monotonic()
                start = max(now, self._next)
                self._next = start + self.delay
            if start > now:
                time.sleep(start - now)
            yield


class PageCache:
    """Raw pages on disk, keyed by URL: <sha256>.body plus <sha256>.json metadata."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def _paths(self, url: str) -> tuple[Path, Path]:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        folder = self.root / key[:2]
        return folder / f"{key}.body", folder / f"{key}.json"

    def get(self, url: str) -> Page | None:
        body_path, meta_path = self._paths(url)
        try:
            meta = json.loads(meta_path.read_text())
            body = body_path.read_bytes()
        except (OSError, ValueError):
            return None
        return Page(url=url, final_url=meta["final_url"], status=meta["status"],
                    content_type=meta["content_type"], body=body, fetched=meta["fetched"],
                    from_cache=True)

    def put(self, page: Page) -> None:
        body_path, meta_path = self._paths(page.url)
        body_path.parent.mkdir(parents=True, exist_ok=True)
        # Write body first and metadata last, each atomically: a cache entry
        # exists only once both are complete.
        tmp = body_path.with_suffix(".body.tmp")
        tmp.write_bytes(page.body)
        tmp.replace(body_path)
        meta = {"url": page.url, "final_url": page.final_url, "status": page.status,
                "content_type": page.content_type, "fetched": page.fetched}
        tmp = meta_path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(meta))
        tmp.replace(meta_path)


class FetchError(Exception):
    """A download failed; `reason` is an errors.REASONS key."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(detail)
        self.reason = reason
        self.detail = detail


class Fetcher:
    """Downloads pages and feeds politely, through a cache."""

    def __init__(self, settings: FetchSettings | None = None) -> None:
        self.settings = settings or FetchSettings()
        self.cache = PageCache(self.settings.cache_dir)
        self.http = urllib3.PoolManager(
            num_pools=32, maxsize=max(1, self.settings.per_host),
            headers={"User-Agent": self.settings.user_agent,
                     "Accept": "text/html,application/xhtml+xml,application/rss+xml,"
                               "application/atom+xml,application/xml;q=0.9,*/*;q=0.5"})
        self._gates: dict[str, _HostGate] = {}
        self._robots: dict[str, RobotFileParser] = {}
        self._robot_locks: dict[str, threading.Lock] = {}
        self._unreachable: dict[str, str] = {}
        self._lock = threading.Lock()
        self.requests = 0  # network requests made, for tests and summaries

    # -- politeness ---------------------------------------------------------

    def _gate(self, url: str) -> _HostGate:
        host = urlsplit(url).netloc.lower()
        with self._lock:
            if host not in self._gates:
                self._gates[host] = _HostGate(self.settings.per_host, self.settings.delay)
            return self._gates[host]

    def _robots_for(self, url: str) -> RobotFileParser | None:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        with self._lock:
            origin_lock = self._robot_locks.setdefault(origin, threading.Lock())
        # One robots.txt request per site, however many threads ask at once.
        with origin_lock:
            if origin not in self._robots:
                self._robots[origin] = self._load_robots(origin, url)
            return self._robots[origin]

    def _load_robots(self, origin: str, url: str) -> RobotFileParser:
        parser = RobotFileParser(origin + "/robots.txt")
        try:
            status, _, body, _ = self._get(origin + "/robots.txt", 512 * 1024)
        except FetchError as exc:
            # RFC 9309: an unreachable robots.txt means "assume disallowed";
            # remember why, so the error says the host is down.
            parser.disallow_all = True
            self._unreachable[origin] = exc.detail
        else:
            if status in (401, 403):
                parser.disallow_all = True
            elif status >= 500:
                parser.disallow_all = True
            elif status >= 400:
                parser.allow_all = True
            else:
                parser.parse(body.decode("utf-8", errors="replace").splitlines())
        delay = parser.crawl_delay(self.settings.user_agent)
        if delay:
            gate = self._gate(url)
            gate.delay = max(gate.delay, float(delay))
        return parser

    def allowed(self, url: str) -> bool:
        """Whether robots.txt lets our User-Agent fetch `url`."""
        if not self.settings.respect_robots:
            return True
        parser = self._robots_for(url)
        return parser is None or parser.can_fetch(self.settings.user_agent, url)

    # -- HTTP ---------------------------------------------------------------

    def _get(self, url: str, cap: int) -> tuple[int, str, bytes, str]:
        """One GET with retries; returns (status, content type, body, final URL)."""
        s = self.settings
        attempt = 0
        while True:
            wait = s.backoff * (2 ** attempt)
            try:
                with self._gate(url).slot():
                    with self._lock:
                        self.requests += 1
                    resp = self.http.request(
                        "GET", url, preload_content=False, redirect=True, retries=_REDIRECTS,
                        timeout=urllib3.Timeout(connect=s.timeout, read=s.timeout))
                try:
                    status = resp.status
                    if status in _RETRY_STATUS and attempt < s.retries:
                        after = resp.headers.get("Retry-After", "")
                        if after.isdigit():
                            wait = min(float(after), 60.0)
                        raise _Retry()
                    declared = resp.headers.get("Content-Length", "")
                    if declared.isdigit() and int(declared) > cap:
                        raise FetchError("too_large", f"{url} declares {declared} bytes, "
                                                      f"over the {cap}-byte cap")
                    body = bytearray()
                    for chunk in resp.stream(64 * 1024, decode_content=True):
                        body += chunk
                        if len(body) > cap:
                            raise FetchError("too_large",
                                             f"{url} is larger than the {cap}-byte cap")
                    final = resp.geturl() or url
                    return status, resp.headers.get("Content-Type", ""), bytes(body), final
                finally:
                    resp.release_conn()
            except _Retry:
                pass
            except FetchError:
                raise
            except (urllib3.exceptions.HTTPError, OSError) as exc:
                if attempt >= s.retries:
                    raise FetchError("fetch_failed", f"{url}: {exc}") from exc
            attempt += 1
            time.sleep(wait)

    def fetch(self, url: str, refresh_feeds: bool = False) -> Page:
        """Return a page from the cache, or download (and cache) it.

        Args:
            url: The page or feed URL.
            refresh_feeds: Download a cached feed again (feeds change; pages
                are never downloaded twice).

        Raises:
            FetchError: robots_disallowed, too_large, fetch_failed (with the
                HTTP status for 4xx/5xx answers).
        """
        cached = self.cache.get(url)
        if cached is not None and not (refresh_feeds and is_feed(cached)):
            return cached
        if not self.allowed(url):
            parts = urlsplit(url)
            down = self._unreachable.get(f"{parts.scheme}://{parts.netloc}")
            if down:
                raise FetchError("fetch_failed", f"host unreachable ({down})")
            raise FetchError("robots_disallowed", f"robots.txt disallows {url}")
        status, ctype, body, final = self._get(url, self.settings.max_bytes)
        if status >= 400:
            raise FetchError("fetch_failed", f"{url}: HTTP {status}")
        page = Page(url=url, final_url=urljoin(url, final), status=status, content_type=ctype,
                    body=body, fetched=dt.date.today().isoformat())
        self.cache.put(page)
        return page

    # -- pages and feeds ------------------------------------------------------

    def _fetch_item(self, url: str, top_level: bool = True) -> tuple[Page | None,
                                                                      ErrorRecord | None]:
        try:
            return self.fetch(url, refresh_feeds=top_level), None
        except FetchError as exc:
            return None, error(url, "source", exc.reason, exc.detail)

    def iter_items(self, urls: Iterable[str], follow_feeds: bool = True) -> Iterator[Item]:
        """Fetch URLs (pages or feeds) and yield one item per page.

        Args:
            urls: Page or RSS/Atom feed URLs.
            follow_feeds: Fetch the entries a feed links to.

        Yields:
            SourceItems (source_path and url = the page URL, fetched = the
            download date) and ErrorRecords for each URL that failed.
        """
        seen: set[str] = set()
        pending = list(dict.fromkeys(urls))
        top_level = True
        with ThreadPoolExecutor(max_workers=max(1, self.settings.workers)) as pool:
            while pending:
                batch = [u for u in pending if u not in seen]
                seen.update(batch)
                pending = []
                for url, page, err in self._map(pool, batch, top_level):
                    if err is not None:
                        yield err
                        continue
                    assert page is not None
                    if is_feed(page):
                        if follow_feeds:
                            links = feed_links(page)
                            if not links:
                                yield error(url, "source", "no_inputs",
                                            "the feed lists no entries")
                            pending.extend(link for link in links if link not in seen)
                        continue
                    yield page_item(page, self.settings.max_bytes)
                top_level = False

    def _map(self, pool: ThreadPoolExecutor, urls: list[str], top_level: bool
             ) -> Iterator[tuple[str, Page | None, ErrorRecord | None]]:
        """Fetch in slices so that memory holds a few pages, not the whole list."""
        step = 4 * max(1, self.settings.workers)
        for i in range(0, len(urls), step):
            chunk = urls[i:i + step]
            for url, (page, err) in zip(chunk, pool.map(self._fetch_item, chunk,
                                                        [top_level] * len(chunk)), strict=True):
                yield url, page, err


class _Retry(Exception):
    """Internal: the response asked for a retry."""


def is_feed(page: Page) -> bool:
    """Whether a response is an RSS/Atom feed (by type, then by content)."""
    ctype = page.content_type.lower()
    if "html" in ctype:
        return False
    head = page.body[:1024].lstrip().lower()
    if any(t in ctype for t in _FEED_TYPES) or head.startswith(b"<?xml"):
        return b"<rss" in page.body[:4096].lower() or b"<feed" in page.body[:4096].lower() \
            or b"<rdf:rdf" in page.body[:4096].lower()
    return False


def feed_links(page: Page) -> list[str]:
    """The entry links of an RSS/Atom feed, absolute, in feed order."""
    import feedparser

    parsed = feedparser.parse(page.body, response_headers={"content-location": page.final_url})
    links = []
    for entry in parsed.entries:
        link = entry.get("link")
        if link:
            links.append(urljoin(page.final_url, link))
    return list(dict.fromkeys(links))


def page_item(page: Page, max_bytes: int) -> Item:
    """Turn a downloaded page into a SourceItem (or an ErrorRecord for non-pages)."""
    ctype = page.content_type.lower()
    if ctype and not any(t in ctype for t in _PAGE_TYPES):
        return error(page.url, "source", "not_a_page", f"content type {page.content_type}")
    if not page.body.strip():
        return error(page.url, "source", "empty_file", "empty response body")
    if len(page.body) > max_bytes:
        return error(page.url, "source", "too_large")
    kind = "html" if "html" in ctype else ("text" if "text/plain" in ctype else "")
    return SourceItem(source_path=page.url, data=page.body, url=page.final_url,
                      fetched=page.fetched, kind=kind)


def read_url_list(path: Path) -> list[str] | None:
    """Read a file of URLs (one per line, '#' comments); None if it is not one."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    lines = [ln.strip() for ln in text.splitlines()]
    lines = [ln for ln in lines if ln and not ln.startswith("#")]
    if not lines or not all(ln.startswith(("http://", "https://")) for ln in lines):
        return None
    return lines


def iter_urls(urls: Iterable[str], config: Config,
              settings: FetchSettings | None = None) -> Iterator[Item]:
    """Fetch URLs with default (or given) settings and the config's size cap.

    Args:
        urls: Page or feed URLs.
        config: Supplies max_bytes, and cache_dir/user_agent when set.
        settings: Fetch settings; defaults use the user cache folder.

    Yields:
        SourceItems and ErrorRecords.
    """
    if settings is None:
        settings = FetchSettings()
        if config.cache_dir is not None:
            settings.cache_dir = Path(config.cache_dir)
        if config.user_agent:
            settings.user_agent = config.user_agent
    settings.max_bytes = min(settings.max_bytes, config.max_bytes)
    yield from Fetcher(settings).iter_items(urls)
