"""`newsevents fetch` end to end against a local server."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from newsevents.cli import app


def test_fetch_download_only_then_cached(server, tmp_path):
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{server.base}/news/1.html\n{server.base}/feed.xml\n")
    args = ["fetch", str(urls), "--cache", str(tmp_path / "cache"), "--download-only",
            "--delay", "0", "--retries", "0"]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    # /news/1.html is both listed and in the feed: fetched once.
    assert "3 pages" in first.output
    pages_hits = sum(n for path, n in server.hits.items() if path.startswith("/news/"))
    assert pages_hits == 3
    second = CliRunner().invoke(app, args)
    assert second.exit_code == 0
    # The feed is refreshed (to find new entries); pages are never downloaded again.
    assert sum(n for path, n in server.hits.items() if path.startswith("/news/")) == 3
    assert server.hits["/feed.xml"] == 2
    assert "3 pages" in second.output


def test_fetch_rejects_a_non_url_target(tmp_path):
    story = tmp_path / "story.txt"
    story.write_text("Not a list of URLs\n")
    result = CliRunner().invoke(app, ["fetch", str(story), "--download-only"])
    assert result.exit_code != 0


def test_fetch_then_ingest_into_the_store(server, tmp_path):
    duckdb = pytest.importorskip("duckdb")
    db = tmp_path / "news.duckdb"
    args = ["fetch", f"{server.base}/feed.xml", "--cache", str(tmp_path / "cache"),
            "--db", str(db), "--delay", "0", "--workers", "1"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        urls = sorted(r[0] for r in con.execute("select url from articles").fetchall())
    assert urls == [f"{server.base}/news/{i}.html" for i in range(3)]
