"""Who an actor phrase is when it names a relation, a people's home, or a town of a state
that did not exist yet (each rule on phrases written for these tests, with ones it must
leave alone)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.actors import ActorResolver
from newsevents.actors.kb import KnowledgeBase


def country(resolver: ActorResolver, text: str, date: str = "2024-06-01") -> str | None:
    return resolver.resolve_text(text, date).country


# -- an owner of a relation noun is not the actor -----------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("the commander of Moscow's militia ally in eastern Ukraine", "UKR"),
    ("Iran's proxies in Yemen", "YEM"),
    ("Russia's ally Belarus", "BLR"),
    ("US allies", None),
    ("Washington's rivals", None),
])
def test_the_owner_of_an_ally_or_proxy_is_not_the_actor(resolver, text, expected):
    assert country(resolver, text) == expected


@pytest.mark.parametrize("text, expected", [
    ("Israel's militia", "ISR"), ("Russia's army", "RUS"),
])
def test_an_owner_of_its_own_forces_still_is(resolver, text, expected):
    assert country(resolver, text) == expected


# -- a people with a place of residence is an actor, not a bare place ---------------------

@pytest.mark.parametrize("text, expected", [
    ("The Hungarians of southern Slovakia", "SVK"),
    ("Ethnic Serbs in northern Kosovo", "XKX"),
])
def test_a_people_where_it_lives_keeps_the_people_in_its_evidence(resolver, text, expected):
    actor = resolver.resolve_text(text, "2024-06-01")
    assert actor.country == expected
    # the coder refuses actors resting on places alone; this one rests on a people
    assert actor.matched.split(";")[0].startswith("people:")


# -- towns of a state before its independence ---------------------------------------------

@pytest.mark.parametrize("text, date, expected", [
    ("militia fighters in Juba", "2005-03-01", "SDN"),
    ("militia fighters in Juba", "2015-03-01", "SSD"),
    ("police in Pristina", "2003-03-01", "SRB"),
    ("police in Pristina", "2019-03-01", "XKX"),
    ("students in Asmara", "1991-03-01", "ETH"),
    ("students in Asmara", "1999-03-01", "ERI"),
])
def test_a_town_belongs_to_the_state_it_was_in_on_the_articles_date(
        resolver, text, date, expected):
    assert country(resolver, text, date) == expected


def test_a_state_named_outright_is_itself_at_any_date(resolver):
    assert country(resolver, "South Sudan", "2005-03-01") == "SSD"
    assert country(resolver, "the government of Kosovo", "2003-03-01") == "XKX"


def test_before_independence_a_capital_is_no_seat_of_government(resolver):
    then = resolver.resolve_text("Juba", "2005-03-01")
    now = resolver.resolve_text("Juba", "2015-03-01")
    assert (then.code, now.code) == ("SDN", "SSDGOV")


def test_an_events_location_country_follows_the_date(resolver, nlp):
    sent = next(nlp("Gunmen attacked a market in Juba on Sunday.").sents)
    assert resolver.locate(sent, resolver.new_context("2005-03-01")).country == "SDN"
    assert resolver.locate(sent, resolver.new_context("2015-03-01")).country == "SSD"


def test_independence_rows_are_validated(tmp_path):
    bad = tmp_path / "states.tsv"
    bad.write_text("iso3\tsince\tbefore\nSSD\t2011-13-40\tSDN\nQQQ\t2001-01-01\tSDN\n"
                   "SSD\t2011-07-09\tSDN\n", encoding="utf-8")
    kb = KnowledgeBase.load([bad])
    messages = [p.message for p in kb.problems if p.path.endswith("states.tsv")]
    assert any("bad date" in m for m in messages)
    assert any("QQQ" in m for m in messages)
    assert kb.country_on("SSD", dt.date(2010, 1, 1)) == "SDN"


# -- ordinary words inside other names -----------------------------------------------------

@pytest.mark.parametrize("text", ["said Hill, who testified on Thursday", "a Forest Hill hotel room",
                                  "Hill"])
def test_a_one_word_metonym_that_is_an_ordinary_word_needs_the(resolver, text):
    assert resolver.resolve_text(text, "2024-06-01").code is None


def test_the_metonym_with_its_article_still_resolves(resolver, nlp):
    assert resolver.resolve_text("lawmakers on Capitol Hill", "2024-06-01").code == "USALEG"
    doc = nlp("The United States budget fight moved to the Hill on Monday.")
    ctx = resolver.new_context("2024-06-01")
    resolver.resolve_span(doc[0:3], ctx)  # the article names the United States first
    hill = next(t for t in doc if t.text == "Hill")
    assert resolver.resolve_span(doc[hill.i - 1:hill.i + 1], ctx).code == "USALEG"


def test_an_ordinary_worded_party_name_inside_a_longer_name_is_another_party(resolver):
    assert resolver.resolve_text("leaders of the Peoples Democratic Party",
                                 "2024-06-01").country is None
    assert resolver.resolve_text("the Democratic Party", "2024-06-01").code == "USAPTY"
    assert resolver.resolve_text("the Syrian Democratic Forces", "2024-06-01").country == "SYR"


def test_an_arabic_name_opener_is_no_town(resolver):
    assert resolver.resolve_text("the Abu Shouk displacement camp", "2024-06-01").code is None
    assert resolver.resolve_text("Abu Dhabi", "2024-06-01").country == "ARE"
    assert resolver.resolve_text("in Umm Qasr", "2024-06-01").country == "IRQ"


@pytest.mark.parametrize("text", ["The two leaders", "Both leaders", "The two governments"])
def test_a_phrase_naming_the_parties_again_is_not_filled_from_context(resolver, nlp, text):
    ctx = resolver.new_context("2024-06-01")
    first = nlp("Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham "
                "Aliyev met in Abu Dhabi on Tuesday.")
    resolver.resolve_span(first[0:5], ctx)
    resolver.resolve_span(first[6:10], ctx)
    doc = nlp(f"{text} held four hours of talks in Abu Dhabi.")
    actor = resolver.resolve_span(doc[0:len(text.split())], ctx)
    assert actor.country is None
    # a single leader still refers back to the last one named
    doc = nlp("The president held four hours of talks in Abu Dhabi.")
    assert resolver.resolve_span(doc[0:2], ctx).country == "AZE"


# -- towns that share a name across countries ------------------------------------------------

@pytest.mark.parametrize("sentence, phrase, expected", [
    ("Rival militias in Tripoli clashed again, the north Lebanese port's mayor said.",
     "Rival militias in Tripoli", "LBN"),
    ("Rival militias in Tripoli clashed again, the Libyan capital's mayor said.",
     "Rival militias in Tripoli", "LBY"),
    ("Police in Hyderabad arrested ten Pakistani activists.", "Police in Hyderabad", "PAK"),
    ("Police in Valencia detained two Spanish activists.", "Police in Valencia", "ESP"),
])
def test_a_town_shared_by_two_countries_is_the_one_the_text_names(resolver, nlp, sentence,
                                                                   phrase, expected):
    assert span_country(resolver, nlp, sentence, phrase) == expected


def test_without_a_clue_the_biggest_town_of_the_name_wins(resolver):
    assert resolver.resolve_text("police in Tripoli", "2024-06-01").country == "LBY"
    assert resolver.resolve_text("police in Valencia", "2024-06-01").country == "VEN"


def span_country(resolver, nlp, sentence: str, phrase: str) -> str | None:
    doc = nlp(sentence)
    start = sentence.index(phrase)
    span = doc.char_span(start, start + len(phrase), alignment_mode="expand")
    return resolver.resolve_span(span, resolver.new_context("2024-06-01")).country
