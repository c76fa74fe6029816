"""Places: the gazetteer, sentence locations and the dateline fallback."""

from __future__ import annotations

from newsevents.actors import ActorResolver, Place


def test_lookup_cities_regions_countries(resolver: ActorResolver) -> None:
    aleppo = resolver.places.lookup("Aleppo")
    assert aleppo is not None and aleppo.country == "SYR" and aleppo.kind == "city"
    assert 35 < (aleppo.latitude or 0) < 37 and 36 < (aleppo.longitude or 0) < 38
    gaza = resolver.places.lookup("the Gaza Strip")
    assert gaza is not None and (gaza.country, gaza.kind) == ("PSE", "region")
    # A country's name beats a town that shares it.
    moz = resolver.places.lookup("Mozambique")
    assert moz is not None and (moz.country, moz.kind) == ("MOZ", "country")
    assert moz.latitude is not None  # the capital's point
    assert resolver.places.lookup("Khanty-Mansiysk").country == "RUS"  # type: ignore[union-attr]
    assert resolver.places.lookup("Bombay").country == "IND"  # type: ignore[union-attr]
    assert resolver.places.lookup("Nowhereville Xq") is None
    assert resolver.places.lookup("") is None


def test_locate_prefers_a_place_after_a_preposition(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Russian forces shelled apartment blocks in Kharkiv on Monday, Ukraine said.")
    place = resolver.locate(doc[:], resolver.new_context("2022-05-02"))
    assert isinstance(place, Place)
    assert (place.name, place.country) == ("Kharkiv", "UKR")


def test_locate_falls_back_to_the_dateline(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The minister said talks would resume next week.")
    ctx = resolver.new_context("2024-01-10", dateline="CAIRO, Jan 10 (AP) —")
    place = resolver.locate(doc[:], ctx)
    assert place is not None and place.country == "EGY" and place.name == "Cairo"
    assert resolver.locate(doc[:], resolver.new_context("2024-01-10")) is None


def test_dateline_forms(resolver: ActorResolver) -> None:
    for dateline, iso3 in [("PYONGYANG", "PRK"), ("Kyiv, Ukraine", "UKR"),
                           ("NAIROBI, Kenya (Reuters) -", "KEN"), ("Gaza Strip", "PSE")]:
        ctx = resolver.new_context(None, dateline=dateline)
        assert ctx.dateline_place is not None and ctx.dateline_place.country == iso3, dateline
    assert resolver.new_context(None, dateline="Monday").dateline_place is None
