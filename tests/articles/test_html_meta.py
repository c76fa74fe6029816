"""HTML metadata on self-written pages in several markup styles (gold in gold.jsonl)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.articles import to_article
from newsevents.config import Config
from newsevents.model import Article, SourceItem

META_DIR = Path(__file__).parents[1] / "fixtures" / "inputs" / "html_meta"
GOLD = [json.loads(ln) for ln in (META_DIR / "gold.jsonl").read_text().splitlines() if ln]
FIELDS = ("title", "published", "authors", "agency", "dateline", "publisher", "language")


@pytest.mark.parametrize("gold", GOLD, ids=[g["file"] for g in GOLD])
def test_html_metadata(gold):
    path = META_DIR / gold["file"]
    art = to_article(SourceItem(source_path=str(path), data=path.read_bytes()), Config())
    assert isinstance(art, Article)
    assert {k: getattr(art, k) for k in FIELDS} == {k: gold[k] for k in FIELDS}
    assert art.title not in art.text.split("\n")  # the repeated headline is dropped


def test_canonical_url_fills_article_url():
    path = META_DIR / "m05.html"
    art = to_article(SourceItem(source_path=str(path), data=path.read_bytes()), Config())
    assert art.url == "https://www.valleytimes.example/2022/05/14/rail-line-reopens/"


def test_furniture_lines_are_removed_from_html_bodies():
    from newsevents.articles.postprocess import clean_body

    body = "\n".join([
        "Storm hits coast",
        "The storm reached the coast early on Tuesday, bringing winds of 150 km/h and heavy rain.",
        "READ MORE: Ten photos of the storm",
        "Emergency services said they had rescued dozens of people from flooded homes overnight.",
        "You may also like",
        "Storm season starts early",
        "Five tips for staying safe",
        "Officials said schools would stay closed until Thursday as crews cleared the roads.",
        "Copyright 2024 Coast News. All rights reserved.",
    ])
    assert clean_body(body, title="Storm hits coast").split("\n") == [
        "The storm reached the coast early on Tuesday, bringing winds of 150 km/h and heavy rain.",
        "Emergency services said they had rescued dozens of people from flooded homes overnight.",
        "Officials said schools would stay closed until Thursday as crews cleared the roads.",
    ]


def test_agency_from_a_copyright_line_that_is_then_dropped():
    html = (b"<html><head><title>Dam talks stall</title></head><body><article>"
            b"<h1>Dam talks stall</h1>"
            b"<p>Talks between the three countries sharing the river broke off on Tuesday "
            b"without agreement on how fast the new dam's reservoir should be filled.</p>"
            b"<p>Officials said experts would meet again next month to review the data on "
            b"downstream water flows before ministers return to the table.</p>"
            b"<p>Copyright 2021 The Associated Press. All rights reserved.</p>"
            b"</article></body></html>")
    art = to_article(SourceItem(source_path="dam.html", data=html), Config())
    assert art.agency == "AP"
    assert "Copyright" not in art.text
