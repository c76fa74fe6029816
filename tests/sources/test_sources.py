"""Sources: every input kind and every bad-input case becomes items or error records."""

from __future__ import annotations

import gzip
import io
import shutil
import zlib
from pathlib import Path

import pytest

from newsevents.config import Config
from newsevents.errors import REASONS
from newsevents.model import ErrorRecord, SourceItem
from newsevents.sources import iter_items, sniff

FIXTURES = Path(__file__).parents[1] / "fixtures" / "inputs"


def collect(paths, config=None):
    items = list(iter_items([str(p) for p in paths], config or Config()))
    for item in items:
        if isinstance(item, ErrorRecord):
            assert item.reason in REASONS
    return items


def only(items, cls):
    return [i for i in items if isinstance(i, cls)]


def test_html_file_is_one_html_item():
    items = collect([FIXTURES / "page_chrome.html"])
    assert len(items) == 1 and isinstance(items[0], SourceItem)
    assert items[0].kind == "html" and b"fisheries" in items[0].data


def test_text_file_is_one_text_item():
    (item,) = collect([FIXTURES / "plain_article.txt"])
    assert item.kind == "text" and item.data.startswith(b"Flood waters")


def test_format_is_detected_by_content_not_extension(tmp_path):
    misnamed = tmp_path / "page.txt"
    misnamed.write_bytes((FIXTURES / "page_chrome.html").read_bytes())
    records = tmp_path / "records.dat"
    records.write_bytes((FIXTURES / "corpus.jsonl").read_bytes())
    assert only(collect([misnamed]), SourceItem)[0].kind == "html"
    assert all(i.kind == "record" for i in only(collect([records]), SourceItem))


def test_html_gz_is_decompressed(tmp_path):
    target = tmp_path / "page.html.gz"
    target.write_bytes(gzip.compress((FIXTURES / "page_chrome.html").read_bytes()))
    (item,) = collect([target])
    assert item.kind == "html" and b"<article>" in item.data


def test_jsonl_bad_line_is_an_error_and_the_rest_is_read():
    items = collect([FIXTURES / "corpus.jsonl"])
    good = only(items, SourceItem)
    bad = only(items, ErrorRecord)
    assert [i.input_id for i in good] == ["r1", "r2", "5"]
    assert good[0].fields["title"] == "Protest outside parliament"
    assert good[0].url == "https://news.example.org/r1"
    assert {(e.reason, e.locator) for e in bad} == {("bad_json", "line 3"), ("bad_record", "line 4")}


def test_jsonl_gz_truncated_keeps_complete_lines(tmp_path):
    lines = b"".join(b'{"id": "%d", "text": "Line %d of a long corpus about events."}\n' % (i, i)
                     for i in range(2000))
    blob = gzip.compress(lines)
    target = tmp_path / "corpus.jsonl.gz"
    target.write_bytes(blob[: len(blob) // 2])
    items = collect([target])
    good, bad = only(items, SourceItem), only(items, ErrorRecord)
    assert 0 < len(good) < 2000
    assert [e.reason for e in bad] == ["bad_gzip"]


def test_jsonl_configurable_fields(tmp_path):
    target = tmp_path / "custom.jsonl"
    target.write_text('{"doc": "a", "body": "Troops crossed the river at dawn on Sunday.", '
                      '"headline": "Crossing", "when": "2020-02-02"}\n')
    config = Config(text_field="body", title_field="headline", date_field="when", id_field="doc")
    (item,) = collect([target], config)
    assert item.input_id == "a"
    assert item.fields == {"text": "Troops crossed the river at dawn on Sunday.",
                           "title": "Crossing", "date": "2020-02-02", "id": "a"}


def test_jsonl_over_long_line_is_refused_and_next_line_read(tmp_path):
    target = tmp_path / "big.jsonl"
    target.write_text('{"id": "1", "text": "' + "x" * 5000 + '"}\n'
                      '{"id": "2", "text": "Short but fine article text here."}\n')
    items = collect([target], Config(max_bytes=1000))
    assert isinstance(items[0], ErrorRecord) and items[0].reason == "too_large"
    assert items[0].locator == "line 1"
    assert isinstance(items[1], SourceItem) and items[1].input_id == "2"


def test_csv_rows_with_configured_fields(tmp_path):
    config = Config(text_field="body", title_field="headline", date_field="when", id_field="doc")
    items = collect([FIXTURES / "corpus.csv"], config)
    assert [i.input_id for i in items] == ["c1", "c2"]
    assert items[1].fields["title"] == "Embassies to reopen"
    assert items[1].fields["date"] == "November 10, 2021"


def test_csv_bad_rows_and_missing_text_column(tmp_path):
    target = tmp_path / "rows.csv"
    target.write_text('id,text\n1,"Police dispersed a rally in the square on Sunday."\n'
                      '2,too,many,fields\n3,\n')
    items = collect([target])
    assert isinstance(items[0], SourceItem)
    assert [(e.reason, e.locator) for e in only(items, ErrorRecord)] == [
        ("bad_csv", "row 2"), ("bad_record", "row 3")]
    nocol = tmp_path / "nocol.csv"
    nocol.write_text("a,b\n1,2\n")
    (err,) = collect([nocol])
    assert err.reason == "bad_record" and "'text'" in err.detail


def test_folder_is_read_recursively(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    shutil.copy(FIXTURES / "page_chrome.html", sub / "p.html")
    shutil.copy(FIXTURES / "plain_article.txt", tmp_path / "t.txt")
    (tmp_path / ".hidden.txt").write_text("ignored dotfile")
    items = collect([tmp_path])
    assert sorted(Path(i.source_path).name for i in items) == ["p.html", "t.txt"]


def test_glob_pattern(tmp_path):
    for name in ("x.html", "y.html", "z.txt"):
        shutil.copy(FIXTURES / "page_chrome.html", tmp_path / name)
    items = collect([str(tmp_path / "*.html")])
    assert sorted(Path(i.source_path).name for i in items) == ["x.html", "y.html"]


def test_missing_path_and_empty_folder_and_empty_glob(tmp_path):
    (tmp_path / "empty").mkdir()
    (tmp_path / "junk").mkdir()
    (tmp_path / "junk" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    items = collect([tmp_path / "missing.html", tmp_path / "empty", tmp_path / "junk",
                     str(tmp_path / "*.nothing")])
    assert [e.reason for e in items] == ["not_found", "no_inputs", "binary_file", "no_inputs",
                                         "no_inputs"]


def test_empty_and_whitespace_files(tmp_path):
    (tmp_path / "zero.html").write_bytes(b"")
    (tmp_path / "blank.txt").write_bytes(b"  \n\n\t ")
    (tmp_path / "zero.html.gz").write_bytes(gzip.compress(b""))
    reasons = [e.reason for e in collect([tmp_path / "zero.html", tmp_path / "blank.txt",
                                          tmp_path / "zero.html.gz"])]
    assert reasons == ["empty_file", "empty_file", "empty_file"]


def test_binary_file(tmp_path):
    target = tmp_path / "story.txt"
    target.write_bytes(bytes(range(256)) * 8)
    (err,) = collect([target])
    assert err.reason == "binary_file"


def test_oversize_page_is_refused(tmp_path):
    target = tmp_path / "huge.html"
    target.write_bytes(b"<html><body>" + b"<p>word</p>" * 500 + b"</body></html>")
    (err,) = collect([target], Config(max_bytes=2000))
    assert err.reason == "too_large"
    (ok,) = collect([target], Config(max_bytes=100_000))
    assert isinstance(ok, SourceItem)


def test_gzip_bomb_stops_at_the_cap(tmp_path):
    # 64 MB of one byte compress to ~64 KB; we must refuse without inflating it all.
    compressor = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = b"<p>" + b"a" * (1 << 20)
    parts = [compressor.compress(chunk) for _ in range(64)] + [compressor.flush()]
    target = tmp_path / "bomb.html.gz"
    target.write_bytes(b"".join(parts))
    (err,) = collect([target], Config(max_bytes=5 * 1024 * 1024))
    assert err.reason == "too_large" and "gzip bomb" in err.detail


def test_truncated_and_corrupt_gzip(tmp_path):
    blob = gzip.compress((FIXTURES / "page_chrome.html").read_bytes())
    (tmp_path / "cut.html.gz").write_bytes(blob[: len(blob) - 30])
    (tmp_path / "bad.html.gz").write_bytes(blob[:10] + b"\x00garbage" * 20)
    reasons = [e.reason for e in collect([tmp_path / "cut.html.gz", tmp_path / "bad.html.gz"])]
    assert reasons == ["bad_gzip", "bad_gzip"]


@pytest.mark.parametrize(("head", "name", "kind"), [
    (b"WARC/1.0\r\n", "a.bin", "warc"),
    (b"<!DOCTYPE html><html>", "a.txt", "html"),
    (b'{"id": 1, "text": "x"}\n{"id": 2}', "a.txt", "jsonl"),
    (b"id,text\n1,hello\n", "a.csv", "csv"),
    (b"Just a headline\n\nAnd a body.", "a.csv.txt", "text"),
    (b"%PDF-1.4 ...", "a.txt", "binary"),
    (b'[{"id": 1, "text": "x"}]', "a.json", "json_array"),
    (b'[\n  {"id": 1}\n]', "a.json", "json_array"),
    (b"\n \n", "a.txt", "empty"),
])
def test_sniff(head, name, kind):
    assert sniff(head, name) == kind


def _write_warc(path: Path, pages: list[tuple[str, bytes, str, str]]) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as fh:
        writer = WARCWriter(fh, gzip=path.name.endswith(".gz"))
        writer.write_record(writer.create_warcinfo_record("test.warc", {"software": "test"}))
        for url, body, status, ctype in pages:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2022-07-01T12:00:00Z"})
            writer.write_record(record)


@pytest.mark.parametrize("name", ["crawl.warc", "crawl.warc.gz"])
def test_warc_response_records(tmp_path, name):
    page = (FIXTURES / "page_chrome.html").read_bytes()
    target = tmp_path / name
    _write_warc(target, [
        ("https://gazette.example.com/fish", page, "200 OK", "text/html; charset=utf-8"),
        ("https://gazette.example.com/logo.png", b"\x89PNG....", "200 OK", "image/png"),
        ("https://gazette.example.com/old", b"", "301 Moved Permanently", "text/html"),
    ])
    items = collect([target])
    pages, errors = only(items, SourceItem), only(items, ErrorRecord)
    assert len(pages) == 1
    assert pages[0].url == "https://gazette.example.com/fish"
    assert pages[0].fetched == "2022-07-01" and pages[0].kind == "html"
    assert pages[0].data == page
    assert [e.reason for e in errors] == ["not_a_page", "not_a_page"]


def test_truncated_warc_gz(tmp_path):
    page = (FIXTURES / "page_chrome.html").read_bytes()
    target = tmp_path / "crawl.warc.gz"
    _write_warc(target, [(f"https://x.example.com/{i}", page, "200 OK", "text/html")
                         for i in range(5)])
    blob = target.read_bytes()
    target.write_bytes(blob[: len(blob) - 700])
    items = collect([target])
    assert 1 <= len(only(items, SourceItem)) < 5
    assert only(items, ErrorRecord)[-1].reason == "bad_warc"


def test_jsonl_is_streamed_in_constant_memory(tmp_path):
    import tracemalloc

    target = tmp_path / "big.jsonl"
    line = '{"id": "%d", "text": "' + "Officials met again to discuss the border. " * 20 + '"}\n'
    with target.open("w") as fh:
        for i in range(6000):
            fh.write(line % i)
    size = target.stat().st_size
    assert size > 5_000_000
    tracemalloc.start()
    count = 0
    for item in iter_items([str(target)], Config()):
        count += isinstance(item, SourceItem)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert count == 6000
    assert peak < size / 10  # one record at a time, not the file
