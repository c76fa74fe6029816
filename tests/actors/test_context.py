"""Resolving parsed spans inside an article: back-references, context aliases, the dateline."""

from __future__ import annotations

import pytest

from newsevents.actors import ActorResolver

ARTICLE = (
    "North Korean leader Kim Jong Un met U.S. President Donald Trump at Panmunjom on Sunday. "
    "Kim said the meeting was historic. "
    "The North Korean leader later returned to Pyongyang. "
    "Pyongyang praised the talks. "
    "The North fired two missiles, the South's military said. "
    "Police detained dozens of protesters."
)


def span_of(doc, text: str, nth: int = 0):  # type: ignore[no-untyped-def]
    start = -1
    for _ in range(nth + 1):
        start = doc.text.index(text, start + 1)
    span = doc.char_span(start, start + len(text), alignment_mode="expand")
    assert span is not None, text
    return span


@pytest.fixture()
def article(nlp, resolver: ActorResolver):  # type: ignore[no-untyped-def]
    doc = nlp(ARTICLE)
    ctx = resolver.new_context("2019-06-30", dateline="SEOUL, June 30 (Reuters)")
    return doc, ctx


def test_first_mention_and_back_references(resolver: ActorResolver, article) -> None:  # type: ignore[no-untyped-def]
    doc, ctx = article
    first = resolver.resolve_span(span_of(doc, "North Korean leader Kim Jong Un"), ctx)
    assert first is not None and first.code == "PRKGOV" and first.role == "head_of_state"
    trump = resolver.resolve_span(span_of(doc, "U.S. President Donald Trump"), ctx)
    assert trump is not None and trump.code == "USAGOV"
    kim = resolver.resolve_span(span_of(doc, "Kim", 1), ctx)
    assert kim is not None and (kim.code, kim.name) == ("PRKGOV", first.name)
    leader = resolver.resolve_span(span_of(doc, "The North Korean leader"), ctx)
    assert leader is not None and (leader.code, leader.name) == ("PRKGOV", first.name)
    capital = resolver.resolve_span(span_of(doc, "Pyongyang", 1), ctx)
    assert capital is not None and capital.code == "PRKGOV"


def test_context_aliases_need_the_article_context(resolver: ActorResolver, nlp,
                                                  article) -> None:  # type: ignore[no-untyped-def]
    doc, ctx = article
    resolver.resolve_span(span_of(doc, "North Korean leader Kim Jong Un"), ctx)
    north = resolver.resolve_span(span_of(doc, "The North"), ctx)
    assert north is not None and north.code == "PRK"
    south = resolver.resolve_span(span_of(doc, "the South's military"), ctx)
    assert south is not None and south.code == "KORMIL"
    # Out of a Korean context "the North" means nothing.
    other = nlp("The North fired two missiles.")
    fresh = resolver.new_context("2019-06-30")
    alone = resolver.resolve_span(other[0:2], fresh)
    assert alone is not None and alone.code is None and alone.text == "The North"


def test_bare_sector_nouns_take_the_dateline_country(resolver: ActorResolver,
                                                     article) -> None:  # type: ignore[no-untyped-def]
    doc, ctx = article
    police = resolver.resolve_span(span_of(doc, "Police"), ctx)
    assert police is not None and police.code == "KORCOP"
    protesters = resolver.resolve_span(span_of(doc, "dozens of protesters"), ctx)
    assert protesters is not None and protesters.code == "KOROPP"


def test_bare_sector_nouns_prefer_the_place_in_the_sentence(resolver: ActorResolver,
                                                            nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Police fired tear gas at crowds in Nairobi on Tuesday.")
    ctx = resolver.new_context("2023-07-01", dateline="LONDON")
    police = resolver.resolve_span(doc[0:1], ctx)
    assert police is not None and police.code == "KENCOP"
    # Without a place or dateline the noun keeps its sector and gets no country.
    bare = resolver.resolve_span(nlp("Police fired tear gas.")[0:1],
                                 resolver.new_context("2023-07-01"))
    assert bare is not None and bare.code is None and bare.sector == "COP"


def test_unknown_names_are_remembered(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Foreign Minister Ilmar Kask of Estonia arrived on Monday. Kask met reporters.")
    ctx = resolver.new_context("2021-03-01")
    first = resolver.resolve_span(doc[0:7], ctx)
    assert first is not None and (first.code, first.name) == ("ESTGOV", "Ilmar Kask")
    later = resolver.resolve_span(span_of(doc, "Kask", 1), ctx)
    assert later is not None and (later.code, later.name) == ("ESTGOV", "Ilmar Kask")


def test_same_surname_resolved_by_context(resolver: ActorResolver) -> None:
    ctx = resolver.new_context("2019-06-30")
    resolver.resolve_text("Kim Jong Un", ctx=ctx)
    again = resolver.resolve_text("Kim", ctx=ctx)
    assert again.name == resolver.resolve_text("Kim Jong Un", "2019-06-30").name


def test_empty_span_is_none(resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Hello.")
    assert resolver.resolve_span(doc[0:0], resolver.new_context(None)) is None


def test_bare_title_prefers_the_leader_of_the_place_named(resolver: ActorResolver,
                                                          nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Kim Jong Un watched the launch. Japanese Prime Minister Fumio Kishida protested. "
              "Pyongyang's state media said the leader was satisfied.")
    ctx = resolver.new_context("2023-03-20")
    resolver.resolve_span(span_of(doc, "Kim Jong Un"), ctx)
    resolver.resolve_span(span_of(doc, "Japanese Prime Minister Fumio Kishida"), ctx)
    leader = resolver.resolve_span(span_of(doc, "the leader"), ctx)
    assert leader is not None and leader.code == "PRKGOV"
    assert leader.name is not None and "Kim" in leader.name


def test_partitive_heads_look_past_of(resolver: ActorResolver) -> None:
    assert resolver.resolve_text("dozens of Iranian protesters", "2022-10-01").code == "IRNOPP"
    assert resolver.resolve_text("members of Hezbollah", "2022-10-01").code == "LBNREB"
    # Other heads do not take the actor of their "of" phrase.
    assert resolver.resolve_text("effigies of Putin", "2022-10-01").code is None


def test_unknown_titled_person_takes_the_only_country_of_the_sentence(
        resolver: ActorResolver, nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("Judge Maria Lindqvist opened an inquiry into 12 Swedish officials on Friday.")
    judge = resolver.resolve_span(doc[0:3], resolver.new_context("2021-05-07"))
    assert judge is not None and (judge.code, judge.name) == ("SWEJUD", "Maria Lindqvist")
    # Two countries named: no guess.
    doc2 = nlp("Judge Maria Lindqvist met Norwegian and Danish prosecutors on Friday.")
    judge2 = resolver.resolve_span(doc2[0:3], resolver.new_context("2021-05-07"))
    assert judge2 is not None and judge2.code is None and judge2.sector == "JUD"
