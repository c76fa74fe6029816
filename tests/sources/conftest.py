"""Shared fixtures for source tests: a local HTTP server (127.0.0.1 only)."""

from __future__ import annotations

import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parents[1] / "fixtures" / "inputs"
PAGE = (FIXTURES / "page_chrome.html").read_bytes()


class LocalSite:
    """A tiny site: pages, a feed, robots.txt, a flaky page, a huge page."""

    def __init__(self) -> None:
        self.hits: Counter = Counter()
        self.agents: list[str] = []
        self.times: list[float] = []
        self.flaky_left = 2
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args):  # keep test output quiet
                pass

            def do_GET(self):  # noqa: N802 - http.server API
                server.hits[self.path] += 1
                server.agents.append(self.headers.get("User-Agent", ""))
                server.times.append(time.monotonic())
                body, ctype, status = server.route(self.path)
                self.send_response(status)
                if status == 301:
                    self.send_header("Location", body.decode())
                    body = b""
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever,
                                       kwargs={"poll_interval": 0.05}, daemon=True)
        self.thread.start()

    def route(self, path: str) -> tuple[bytes, str, int]:
        if path == "/robots.txt":
            return b"User-agent: *\nDisallow: /private/\n", "text/plain", 200
        if path.startswith("/news/"):
            return PAGE.replace(b"Thursday", path.encode()), "text/html; charset=utf-8", 200
        if path == "/private/secret.html":
            return PAGE, "text/html", 200
        if path == "/feed.xml":
            items = "".join(
                f"<item><title>Story {i}</title><link>{self.base}/news/{i}.html</link>"
                f"<pubDate>Mon, 06 Sep 2021 16:45:00 +0000</pubDate></item>" for i in range(3))
            rss = (f'<?xml version="1.0"?><rss version="2.0"><channel><title>Test feed</title>'
                   f"<link>{self.base}/</link>{items}</channel></rss>")
            return rss.encode(), "application/rss+xml", 200
        if path == "/flaky.html":
            if self.flaky_left:
                self.flaky_left -= 1
                return b"busy", "text/plain", 503
            return PAGE, "text/html", 200
        if path == "/huge.html":
            return b"<html><body>" + b"<p>x</p>" * 200_000 + b"</body></html>", "text/html", 200
        if path == "/old.html":
            return b"/news/moved.html", "text/html", 301
        if path == "/logo.png":
            return b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png", 200
        return b"not found", "text/plain", 404

    def close(self) -> None:
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture()
def server():
    """A running LocalSite, shut down after the test."""
    site = LocalSite()
    yield site
    site.close()
