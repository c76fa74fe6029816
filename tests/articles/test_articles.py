"""Articles: SourceItem -> Article with metadata, or an ErrorRecord for bad content."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from newsevents.articles import to_article
from newsevents.articles.decode import decode_bytes
from newsevents.config import Config
from newsevents.model import Article, ErrorRecord, SourceItem, content_hash
from newsevents.sources import iter_items

FIXTURES = Path(__file__).parents[1] / "fixtures" / "inputs"
CONFIG = Config()


def article_of(path: Path, config: Config = CONFIG) -> Article | ErrorRecord:
    (item,) = list(iter_items([str(path)], config))
    assert isinstance(item, SourceItem)
    return to_article(item, config)


def test_html_page_metadata_and_body():
    art = article_of(FIXTURES / "page_chrome.html")
    assert isinstance(art, Article)
    assert art.title == "Coastal nations sign fisheries pact after long talks"
    assert art.published == "2023-09-14"
    assert art.authors == ["Marta Quinlan"]
    assert art.agency == "AP"
    assert art.dateline == "Lisbon"
    assert art.publisher == "Harbour Gazette"
    assert art.language == "en"
    assert "catch limits for cod" in art.text
    for chrome in ("Related stories", "Subscribe", "All rights reserved", "Sport"):
        assert chrome not in art.text
    assert art.id == content_hash(art.text)[:16] == art.content_hash[:16]
    assert art.source_path.endswith("page_chrome.html")


def test_plain_text_first_line_is_title():
    art = article_of(FIXTURES / "plain_article.txt")
    assert art.title == "Flood waters recede in river delta as aid convoys arrive"
    assert art.text.startswith("Aid convoys reached villages")
    assert art.language == "en"


def test_jsonl_records_carry_fields_and_input_id():
    config = CONFIG
    arts = [to_article(i, config) for i in iter_items([str(FIXTURES / "corpus.jsonl")], config)
            if isinstance(i, SourceItem)]
    assert [a.input_id for a in arts] == ["r1", "r2", "5"]
    assert arts[0].title == "Protest outside parliament"
    assert arts[0].url == "https://news.example.org/r1"
    assert arts[0].publisher == "news.example.org"
    assert arts[0].published == "2022-05-06"
    assert arts[1].published == "2022-05-05"


def test_csv_records():
    config = Config(text_field="body", title_field="headline", date_field="when", id_field="doc")
    arts = [to_article(i, config) for i in iter_items([str(FIXTURES / "corpus.csv")], config)]
    assert [(a.input_id, a.title, a.published) for a in arts] == [
        ("c1", "Farmers block highway", "2021-11-08"),
        ("c2", "Embassies to reopen", "2021-11-10")]


def test_same_text_same_id_whatever_the_input_id():
    text = "Rescue teams pulled three miners from a collapsed shaft on Friday."
    a = to_article(SourceItem("a.jsonl", fields={"text": text, "id": "1"}, kind="record"), CONFIG)
    b = to_article(SourceItem("b.jsonl", fields={"text": text, "id": "2"}, kind="record"), CONFIG)
    assert a.id == b.id and a.input_id == "1" and b.input_id == "2"


def test_html_without_body_is_an_error():
    item = SourceItem("x.html", data=b"<html><head><title>Only a title</title></head><body>"
                      b"<nav><a href='/'>Home</a></nav></body></html>", kind="html")
    err = to_article(item, CONFIG)
    assert isinstance(err, ErrorRecord) and err.reason == "no_body"


def test_too_short_body_is_an_error():
    err = to_article(SourceItem("x.txt", data=b"Title\n\nToo short.", kind="text"), CONFIG)
    assert isinstance(err, ErrorRecord) and err.reason == "too_short"


def test_mixed_encoding_is_repaired():
    # UTF-8 text with one Windows-1252 word pasted in: neither codec alone decodes it.
    data = ("Minister visits Kraków\n\nThe minister met the mayor in Kraków on Monday "
            "and praised the city's café culture in a speech.\n").encode()
    data += "He called it a \u201cna\u00efve\u201d plan.\n".encode("cp1252")
    text, encoding = decode_bytes(data)
    assert encoding == "utf-8+cp1252"
    assert "Kraków" in text and "café" in text and "\u201cna\u00efve\u201d" in text
    art = to_article(SourceItem("m.txt", data=data, kind="text"), CONFIG)
    assert isinstance(art, Article) and "\u201cna\u00efve\u201d" in art.text


def test_legacy_single_byte_encoding_is_detected():
    data = ("Ministrul a vizitat orașul\n\nMinistrul de externe a declarat marți că "
            "negocierile vor continua săptămâna viitoare la București.").encode("cp1250",
                                                                               errors="replace")
    result = decode_bytes(data)
    assert result is not None and "negocierile" in result[0]


def test_declared_html_charset_is_used():
    body = ("<html><head><meta charset='iso-8859-1'><title>Crise à Genève</title></head><body>"
            "<article><p>Les ministres se sont réunis à Genève mardi pour discuter de la crise "
            "économique qui touche la région depuis des mois.</p></article></body></html>")
    text, encoding = decode_bytes(body.encode("latin-1"), html=True)
    assert encoding == "iso8859-1" and "Genève" in text


@pytest.mark.parametrize("seed", range(5))
def test_bytes_in_no_text_encoding_are_bad_encoding(seed):
    rng = random.Random(seed)
    data = bytes(rng.randrange(32, 256) for _ in range(3000))
    result = to_article(SourceItem("g.txt", data=data, kind="text"), CONFIG)
    assert isinstance(result, ErrorRecord) and result.reason == "bad_encoding"


def test_valid_utf8_tables_are_not_called_garbled():
    rows = "\n".join(f"{i}. Driver Number {i} — {100 - i} pts (+{i})" for i in range(1, 40))
    data = f"Standings after round 12\n\n{rows}\n".encode()
    result = to_article(SourceItem("t.txt", data=data, kind="text"), CONFIG)
    assert isinstance(result, Article)


def test_non_english_is_marked():
    data = ("Les ministres se réunissent à Genève\n\nLes ministres des affaires étrangères se "
            "sont réunis mardi à Genève pour relancer les négociations sur la frontière.").encode()
    art = to_article(SourceItem("fr.txt", data=data, kind="text"), CONFIG)
    assert art.language == "fr"


@pytest.mark.parametrize(("body", "city", "agency"), [
    ("SEOUL (AP) — North Korea fired a missile on Sunday, officials said today.", "Seoul", "AP"),
    ("BEIJING, Jan. 5 (Xinhua) -- China and Laos signed a trade deal on Friday.", "Beijing",
     "Xinhua"),
    ("WASHINGTON — The Senate passed the budget bill late on Thursday night.", "Washington", None),
    ("Officials said the talks would continue next week in the capital city.", None, None),
])
def test_dateline_and_agency_from_body(body, city, agency):
    art = to_article(SourceItem("j.jsonl", fields={"text": body}, kind="record"), CONFIG)
    assert (art.dateline, art.agency) == (city, agency)


def test_record_text_holding_html_is_extracted():
    html = (FIXTURES / "page_chrome.html").read_text()
    art = to_article(SourceItem("h.jsonl", fields={"text": html, "title": "Given title"},
                                kind="record"), CONFIG)
    assert art.title == "Given title" and "<p>" not in art.text and "mackerel" in art.text


def test_fetch_date_is_the_fallback_published_date():
    item = SourceItem("w.warc", data=b"<html><body><article><p>Troops withdrew from the border "
                      b"town on Saturday after a ceasefire was agreed by both sides.</p></article>"
                      b"</body></html>", kind="html", url="https://n.example.net/a",
                      fetched="2022-07-01")
    art = to_article(item, CONFIG)
    assert art.published == "2022-07-01" and art.url == "https://n.example.net/a"


def test_unspaced_scripts_are_not_too_short():
    text = "北京消息，两国外长周二在北京举行会谈，双方同意加强经贸合作并推动地区和平与稳定。"
    art = to_article(SourceItem("zh.jsonl", fields={"text": text}, kind="record"), CONFIG)
    assert isinstance(art, Article) and art.language == "zh"


def test_utf16_html_file_is_read_as_html(tmp_path):
    target = tmp_path / "page.html"
    target.write_bytes((FIXTURES / "page_chrome.html").read_text().encode("utf-16"))
    art = article_of(target)
    assert isinstance(art, Article)
    assert art.title == "Coastal nations sign fisheries pact after long talks"
    assert "<p>" not in art.text


def test_day_first_dashed_dates_are_read_when_unambiguous():
    from newsevents.articles.metadata import find_date

    assert find_date("Published: 18-11-2025 | Updated: 18-11-2025 15:42")[0] == "2025-11-18"
    assert find_date("03-04-2021")[0] is None  # could be March or April


def test_publisher_is_never_the_headline():
    from newsevents.articles import to_article
    from newsevents.config import Config
    from newsevents.model import SourceItem

    page = (b"<html><head><title>Rebels seize town after week of fighting - The Daily Lantern"
            b"</title><meta property='og:title' content='Rebels seize town after week of fighting'>"
            b"</head><body><article><h1>Rebels seize town after week of fighting</h1>"
            + b"<p>Rebels seized the town of Example on Monday after a week of fighting with "
            b"government forces, residents said, as thousands of civilians fled south.</p>" * 4
            + b"</article></body></html>")
    article = to_article(SourceItem(source_path="lantern.html", data=page), Config())
    assert article.publisher == "The Daily Lantern"
