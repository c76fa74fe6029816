"""Fetching against a local HTTP server (127.0.0.1 only; never the internet)."""

from __future__ import annotations

from pathlib import Path

from newsevents.articles import to_article
from newsevents.config import Config
from newsevents.model import Article, ErrorRecord, SourceItem
from newsevents.sources.fetch import Fetcher, FetchSettings, read_url_list


def settings(tmp_path: Path, **kw) -> FetchSettings:
    base = {"cache_dir": tmp_path / "cache", "delay": 0.0, "backoff": 0.01, "timeout": 5.0,
            "user_agent": "newsevents-test/1.0"}
    base.update(kw)
    return FetchSettings(**base)


def test_page_is_fetched_cached_and_not_downloaded_again(server, tmp_path):
    url = f"{server.base}/news/a.html"
    first = list(Fetcher(settings(tmp_path)).iter_items([url]))
    assert len(first) == 1 and isinstance(first[0], SourceItem)
    assert first[0].url == url and first[0].kind == "html" and first[0].fetched
    assert server.hits[url.replace(server.base, "")] == 1
    fetcher = Fetcher(settings(tmp_path))
    second = list(fetcher.iter_items([url]))
    assert second[0].data == first[0].data
    assert fetcher.requests == 0
    assert server.hits["/news/a.html"] == 1
    article = to_article(second[0], Config())
    assert isinstance(article, Article) and article.url == url


def test_user_agent_and_robots_txt(server, tmp_path):
    items = list(Fetcher(settings(tmp_path)).iter_items([f"{server.base}/private/secret.html"]))
    assert isinstance(items[0], ErrorRecord) and items[0].reason == "robots_disallowed"
    assert server.hits["/private/secret.html"] == 0
    assert set(server.agents) == {"newsevents-test/1.0"}


def test_feed_entries_are_fetched(server, tmp_path):
    items = list(Fetcher(settings(tmp_path)).iter_items([f"{server.base}/feed.xml"]))
    assert sorted(i.url for i in items) == [f"{server.base}/news/{i}.html" for i in range(3)]


def test_retries_with_backoff_then_succeeds(server, tmp_path):
    (item,) = Fetcher(settings(tmp_path, retries=3)).iter_items([f"{server.base}/flaky.html"])
    assert isinstance(item, SourceItem)
    assert server.hits["/flaky.html"] == 3


def test_failures_become_error_records(server, tmp_path):
    fetcher = Fetcher(settings(tmp_path, retries=0, max_bytes=100_000))
    items = list(fetcher.iter_items([f"{server.base}/missing.html", f"{server.base}/huge.html",
                                     f"{server.base}/logo.png", "http://127.0.0.1:9/down.html"]))
    assert [i.reason for i in items] == ["fetch_failed", "too_large", "not_a_page",
                                         "fetch_failed"]
    assert "unreachable" in items[-1].detail


def test_per_host_delay_spaces_requests(server, tmp_path):
    urls = [f"{server.base}/news/{i}.html" for i in range(4)]
    list(Fetcher(settings(tmp_path, delay=0.15, per_host=1)).iter_items(urls))
    starts = server.times[1:]  # the first request is robots.txt
    gaps = [b - a for a, b in zip(starts, starts[1:], strict=False)]
    assert len(gaps) == 3 and min(gaps) >= 0.12


def test_url_list_file(tmp_path):
    good = tmp_path / "urls.txt"
    good.write_text("# my list\nhttps://a.example/1\n\nhttp://b.example/2\n")
    bad = tmp_path / "story.txt"
    bad.write_text("A headline\nhttps://a.example/1\n")
    assert read_url_list(good) == ["https://a.example/1", "http://b.example/2"]
    assert read_url_list(bad) is None


def test_redirect_is_followed_and_final_url_kept(server, tmp_path):
    (item,) = Fetcher(settings(tmp_path)).iter_items([f"{server.base}/old.html"])
    assert isinstance(item, SourceItem)
    assert item.source_path == f"{server.base}/old.html"
    assert item.url == f"{server.base}/news/moved.html"
