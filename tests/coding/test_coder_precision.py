"""Precision rules of the third round (fake resolver, real spaCy parse).

Each class of false alarm read on real news bodies, or of extra event per sentence
on the PLOVER dev set, gets sentences written for these tests; each rule also has a
sentence it must leave alone.
"""

from __future__ import annotations

import pytest


def rows(events):
    return {(e.source_code, e.target_code, e.cameo, e.modality) for e in events}


def test_result_participles_belong_to_the_act_that_caused_them(code):
    # "killing ... and arresting ...": results of the shooting, not two more events.
    events = code("Egyptian police opened fire to disperse protesters on Monday, "
                  "killing one person and arresting twelve.")
    assert [e.plover for e in events] == ["ASSAULT"]


def test_a_different_kind_of_participle_is_not_swallowed(code):
    events = code("Russian troops shelled the town, prompting Ukraine to demand a ceasefire.")
    assert any(e.plover == "ASSAULT" for e in events)


def test_an_act_inside_the_reporter_description_is_background(code):
    # The mediation only says who the reporter is.
    events = code("Egypt has accused Israel of violating the truce, an official of the "
                  "Chinese team that mediated the talks said.")
    assert any(e.plover == "ACCUSE" for e in events)
    assert not any(e.plover == "CONSULT" for e in events)


@pytest.mark.parametrize("text", [
    "Police arrested a 32-year-old man on several charges on Monday.",
    "Officers arrested a suspect near the station on Friday.",
])
def test_crime_arrests_by_police_are_not_political(code, text):
    assert code(text) == []


def test_police_arresting_protesters_is_kept(code):
    assert rows(code("Police arrested dozens of protesters in Cairo on Monday.")) == {
        ("COP", "OPP", "173", "asserted")}


def test_make_no_apology_is_negated(code):
    events = code("Israel made no apology to Turkey on Monday.")
    assert events and all(e.modality == "negated" for e in events)


def test_recognizing_a_fact_is_not_diplomatic_recognition(code):
    assert code("The Indian government recognized that Pakistan was also a victim.") == []
    assert rows(code("Brazil recognized Ukraine in 1991.")) == {("BRA", "UKR", "054", "asserted")}


def test_transitive_flying_is_transport_not_a_visit(code):
    assert code("The Chinese airline offered to fly the dog to Tokyo.") == []
    assert rows(code("The Russian minister flew to Tokyo on Monday.")) == {
        ("RUSGOV", "JPN", "042", "asserted")}


def test_demonstrated_by_is_showing_not_protesting(code):
    events = code("China is wary of the Indian plan, as demonstrated by its reply to India.")
    assert not any(e.plover == "PROTEST" for e in events)
    assert any(e.plover == "PROTEST" for e in code("Protesters demonstrated against Iran in Cairo."))


@pytest.mark.parametrize("text", [
    "Russia beat Ukraine on Monday.",                                  # a contest
    "The Chinese yuan's strength beat forecasts on Monday.",           # markets
    "The Indian market is supported by a combination of factors.",     # abstract doer
    "An Egyptian man pleaded guilty to threatening Israel's embassy.",   # a court plea
    "South Korea hosts several Japanese manufacturers.",               # firms, not states
    "The Russian president released a letter from his physician.",     # publishing
])
def test_look_alikes_are_discarded(code, text):
    assert code(text) == []


def test_beating_by_people_is_still_an_assault(code):
    events = code("Israeli troops beat Iranian protesters on Monday.")
    assert {(e.source_country, e.target_country, e.cameo) for e in events} == {("ISR", "IRN", "182")}


def test_a_demand_that_names_its_addressee_in_the_clause(code):
    events = code("The Pakistani rebels insisted on their demands that the Indian government "
                  "release the prisoners.")
    assert ("PAK", "IND") in {(e.source_country, e.target_country) for e in events}


def test_what_comes_from_a_party_answers_that_party(code):
    events = code("Ukraine agreed to the proposal from Turkey on Monday.")
    assert {(e.source_country, e.target_country, e.plover) for e in events} == {
        ("UKR", "TUR", "AGREE")}


class _BareInstitutions:
    """The fake resolver, plus a parliament it cannot place (as the real one may not)."""

    def __init__(self):
        from fake_resolver import FakeResolver

        self.inner = FakeResolver()

    def new_context(self, date, dateline=None):
        return self.inner.new_context(date, dateline)

    def locate(self, sent, ctx):
        return self.inner.locate(sent, ctx)

    def resolve_span(self, span, ctx):
        from newsevents.model import Actor

        if span.root.lemma_.lower() == "parliament":
            return Actor(text=span.text, code=None, country=None, sector="LEG")
        return self.inner.resolve_span(span, ctx)


def test_a_bare_institution_is_the_doers_own_short_of_force(nlp, lexicon):
    from newsevents.coding import EventCoder

    coder = EventCoder(_BareInstitutions(), lexicon)
    events = coder.code_doc(nlp("The Iranian president urged parliament to pass the budget."))
    assert {(e.source_country, e.target_code) for e in events} == {("IRN", "IRNLEG")}
    # Force crosses borders: a bare parliament attacked by foreign troops is not theirs.
    events = coder.code_doc(nlp("Russian troops attacked the parliament on Monday."))
    assert all(e.target_country != "RUS" for e in events)


def test_bare_coordinated_doer_shares_the_first_ones_nationality(code):
    events = code("Israeli ships and troops attacked Syria on Monday.")
    assert {(e.source_country, e.target_country) for e in events} == {("ISR", "SYR")}


def test_a_phone_call_between_leaders_is_a_conversation(code):
    events = code("The phone call between the Russian president and the Iranian president "
                  "lasted an hour.")
    assert events and {e.cameo for e in events} == {"041"}


def test_it_is_striking_that_is_no_strike(code):
    events = code("It's striking that Iranian officials are threatening growth, he said.")
    assert not any(e.cameo.startswith("19") for e in events)
    # The construction's own mark ("said that it was expelling") is no obstacle.
    events = code("Russia said that it was expelling two Japanese diplomats.")
    assert {(e.source_country, e.target_country, e.cameo) for e in events} == {("RUS", "JPN", "166")}


def test_an_announced_sanction_is_the_sanction_a_warned_one_a_threat(code):
    announced = code("Japan announced on Monday that it would cut all aid to Iran.")
    assert {(e.source_country, e.target_country, e.plover, e.modality) for e in announced} == {
        ("JPN", "IRN", "SANCTION", "asserted")}
    warned = code("Japan said on Monday that it would cut all aid to Iran.")
    assert {(e.plover, e.modality) for e in warned} == {("THREATEN", "asserted")}


def test_a_quantity_of_coordinated_peoples_gives_each_people(nlp, coder):
    # The parse the small model gives "scores of Sierra Leonean and Liberian refugees":
    # the first people as the object of "of", the second noun phrase as its conjunct.
    from spacy.tokens import Doc

    words = ["Iranian", "troops", "tortured", "scores", "of", "Pakistani", "and", "Indian",
             "protesters", "."]
    heads = [1, 2, 2, 2, 3, 4, 5, 8, 5, 2]
    deps = ["amod", "nsubj", "ROOT", "dobj", "prep", "pobj", "cc", "amod", "conj", "punct"]
    pos = ["ADJ", "NOUN", "VERB", "NOUN", "ADP", "PROPN", "CCONJ", "ADJ", "NOUN", "PUNCT"]
    tags = ["JJ", "NNS", "VBD", "NNS", "IN", "NNP", "CC", "JJ", "NNS", "."]
    lemmas = ["iranian", "troop", "torture", "score", "of", "Pakistani", "and", "indian",
              "protester", "."]
    doc = Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)
    events = coder.code_doc(doc)
    assert {e.target_country for e in events} == {"IND", "PAK"}


def test_a_relative_pronoun_object_is_the_noun_it_stands_for(code):
    events = code("The two Iranian diplomats whom Israel expelled returned home.")
    assert {(e.source_country, e.target_country, e.cameo) for e in events} == {("ISR", "IRN", "166")}


def test_advice_to_the_public_is_no_threat(code):
    assert code("Iranian officials warned people to stay away from infected areas.") == []
    assert {e.plover for e in code("Russia warned Ukraine to stop the attacks.")} == {"THREATEN"}


def test_giving_papers_is_not_aid(code):
    assert code("The Iranian president provided his medical record to reporters.") == []
    assert {e.plover for e in code("Japan provided medicine to Iran on Monday.")} == {"AID"}


# Round 4: a protest's target named in a stance phrase.

@pytest.mark.parametrize("text, target", [
    ("Protesters in Cairo marched through the city in defiance of Beijing on Friday.", "CHN"),
    ("Protesters in Seoul blocked a highway to show their anger at Japan's export curbs.",
     "JPN"),
    ("Protesters in Tehran went on strike in protest against Russian military policies.",
     "RUS"),
])
def test_a_protest_is_aimed_at_whom_its_stance_phrase_names(code, text, target):
    events = [e for e in code(text) if e.plover == "PROTEST"]
    assert events and {e.target_code for e in events} == {target}


def test_a_protest_without_a_stance_phrase_keeps_no_target(code):
    # "in Cairo" is where, not whom: no target (the project convention).
    events = [e for e in code("Protesters in Cairo blocked a highway on Friday.")
              if e.plover == "PROTEST"]
    assert events and all(e.target_code is None for e in events)


def test_a_place_built_for_a_people_is_theirs(code):
    # "a camp for X refugees" is hit when the camp is: the refugees are the target.
    events = code("Russian troops shelled a camp for Ukrainian refugees on Tuesday.")
    assert {(e.source_code, e.target_country) for e in events if e.plover == "ASSAULT"} == {
        ("RUSMIL", "UKR")}


@pytest.mark.parametrize("text", [
    "Japan condemned as a crime Russia's blockade of the port.",
    "Japan denounced as illegal Russia's annexation of the islands.",
])
def test_an_object_shifted_after_an_as_phrase_is_the_target(code, text):
    events = [e for e in code(text) if e.plover == "ACCUSE"]
    assert {(e.source_code, e.target_code) for e in events} == {("JPN", "RUS")}


def test_an_as_phrase_without_a_shifted_object_names_no_target(code):
    events = code("Japan joined as an observer.")
    assert all(e.target_code is None for e in events)


def test_a_warning_of_a_natural_hazard_is_a_forecast_not_a_threat(code):
    assert code("The weather office warned of landslides and flooding in Kerala on Friday.") == []
    # A warning of what people may do stays a threat.
    assert [e.plover for e in code("Iran warned of a strong response to any Israeli attack.")] == [
        "THREATEN"]


@pytest.mark.parametrize("text", [
    '"We attacked with spirit and we defended well," Brazil\'s coach told reporters.',
    "France travel to Germany for a match in Berlin next week.",
    "Korean thriller takes best picture. Comments (0). Log in to comment on the film.",
])
def test_sport_and_culture_look_alikes_are_discarded(code, text):
    assert [e for e in code(text) if e.modality == "asserted"] == []


def test_a_commander_quoted_on_an_attack_is_kept(code):
    events = code('"We attacked the rebel positions at dawn," the Russian army commander said.')
    assert any(e.plover == "ASSAULT" for e in events)


# -- Round 5: instruments, embassies, one act told twice ----------------------------------

def test_a_participle_on_the_doer_is_the_acts_instrument_not_another_act(code):
    events = code("Israeli troops using missiles shelled Syria on Monday.")
    assert [(e.source_code, e.target_code, e.plover) for e in events] == [
        ("ISRMIL", "SYR", "ASSAULT")]
    events = code("Russian troops firing rockets attacked Ukraine on Sunday.")
    assert [(e.source_code, e.target_code) for e in events] == [("RUSMIL", "UKR")]


def test_a_participle_of_another_kind_on_the_doer_is_still_coded(code):
    events = code("Iranian diplomats visiting Cairo condemned Israel on Monday.")
    assert {e.plover for e in events} >= {"ACCUSE"}


def test_opening_an_embassy_in_a_capital_is_relations_with_that_state(code):
    (ev,) = code("Brazil opened an embassy in Tehran on Monday.")
    assert (ev.source_code, ev.target_country, ev.cameo, ev.plover) == (
        "BRA", "IRN", "054", "SUPPORT")


def test_one_act_told_twice_keeps_only_its_targeted_telling(code):
    events = code("Brazil restored ties with and reopened its embassy in Tehran on Monday.")
    assert [(e.source_code, e.target_country, e.cameo) for e in events] == [
        ("BRA", "IRN", "054")]


def test_two_different_acts_of_one_kind_are_both_kept(code):
    events = code("Iran suspended cooperation with the UN and expelled its inspectors.")
    assert len({e.cameo for e in events}) == 2


def test_a_resignation_is_a_plover_retreat_as_the_codebook_says(code):
    (ev,) = code("The Russian defence minister resigned on Friday.")
    assert (ev.cameo, ev.plover, ev.plover_mode) == ("0831", "RETREAT", "resign")


def test_the_plover_override_is_only_for_the_act_itself(code):
    # announced and refused resignations keep their own codes' PLOVER types
    (ev,) = code("The Russian defence minister refused to resign on Friday.")
    assert ev.plover != "RETREAT"


# -- Round 5 (real news read by eye): look-alikes fixed at their cause ----------------------

@pytest.mark.parametrize("text", [
    "Moscow has been fighting dirty air for decades.",
    "Tokyo is battling a wave of burglaries.",
])
def test_fighting_a_problem_is_no_violence(code, text):
    assert code(text) == []


@pytest.mark.parametrize("text", [
    "Russian troops fought fierce battles near the border.",
    "Ukrainian troops fought Russian troops near the border.",
])
def test_fighting_battles_or_enemies_still_is(code, text):
    assert [e.plover for e in code(text)] == ["ASSAULT"]


def test_considering_someone_something_is_an_opinion_not_a_policy_option(code):
    assert code("The Iranian government considers the US biased.") == []
    (ev,) = code("Japan is considering sanctions against Russia.")
    assert (ev.source_code, ev.target_code, ev.cameo) == ("JPN", "RUS", "014")


def test_approving_anothers_request_is_not_ones_own_request(code):
    assert [e for e in code("The Indian minister approved a request from Pakistan.")
            if e.plover == "REQUEST" and e.source_country == "IND"] == []


def test_what_one_wants_of_another_has_not_happened(code):
    (ev,) = code("Washington wants Brazil to expel the Russian diplomats.")
    assert ev.modality == "hypothetical"
    (ev,) = code("Germany hopes Russia will withdraw its troops.")
    assert ev.modality == "hypothetical"


def test_a_news_outlet_is_not_the_it_of_its_report(nlp, lexicon):
    from fake_resolver import FakeResolver

    from newsevents.coding import EventCoder
    from newsevents.model import Actor

    class WithOutlets(FakeResolver):
        def resolve_span(self, span, ctx):
            if "Gazette" in span.text:
                return Actor(text=span.text, code="USAMED", country="USA", sector="MED")
            return super().resolve_span(span, ctx)

    coder = EventCoder(WithOutlets(), lexicon)
    doc = nlp("The Gazette reported that it had attacked Russia.")
    assert coder.code_doc(doc, date="2024-03-09") == []
    doc = nlp("China said it had attacked Russia.")
    assert [e.source_code for e in coder.code_doc(doc, date="2024-03-09")] == ["CHN"]


def test_a_police_rescue_of_ordinary_people_is_crime_news(code):
    assert code("Police rescued a kidnapped girl in Cairo on Monday.") == []


# -- Round 5: the sample corpus read by eye ------------------------------------------------

def test_of_two_subjects_the_parser_hangs_on_a_verb_the_nearer_one_is_the_doer(code):
    events = code("North Korea test-fired two short-range ballistic missiles into the sea off "
                  "its east coast on Thursday, South Korea's military said, days after Seoul "
                  "and Washington began their annual springtime military exercises.")
    rows = {(e.source_code, e.target_code, e.cameo) for e in events}
    # the exercises are Seoul's and Washington's; the launch is North Korea's
    assert {("KOR", "USA", "062"), ("USA", "KOR", "062")} <= rows
    assert ("PRK", None, "150") in rows
    assert not any(e.source_code == "PRK" and e.cameo == "062" for e in events)


def test_a_subject_set_off_by_commas_is_an_apposition_not_the_doer(nlp, coder):
    doc = nlp("Leaders of the Association of African Jurists, a body linked to the African "
              "Union, criticized Egypt.")
    verb = next(t for t in doc if t.lower_ == "criticized")
    # the parser hangs both "Leaders" and "body" on the verb as subjects
    assert sum(1 for c in verb.children if c.dep_ == "nsubj") == 2
    assert [t.text for t in coder._sources(verb, False)] == ["Leaders"]


def test_a_fight_between_parties_is_theirs_not_the_reporters(code):
    events = code("Fighting between Russian troops and Ukrainian troops flared in the east on "
                  "Tuesday, killing at least 19 people, local officials said.")
    assert sorted((e.source_code, e.target_code) for e in events) == [
        ("RUSMIL", "UKRMIL"), ("UKRMIL", "RUSMIL")]


def test_an_unknown_addressee_is_no_licence_to_take_another(code):
    events = code("Ukraine's Foreign Minister welcomed the sanctions and called on other "
                  "countries to follow Japan's example.")
    assert [(e.cameo, e.target_code) for e in events if e.cameo == "020"] == [("020", None)]


def test_releasing_a_thing_is_no_release_of_anyone(code):
    assert code("Tokyo began releasing treated wastewater from the plant.") == []
    (ev,) = code("Russia released five Ukrainian prisoners.")
    assert (ev.source_code, ev.target_code, ev.cameo) == ("RUS", "UKR", "0841")


def test_a_state_organ_does_not_appeal_to_or_expel_its_own_country(code):
    assert code("The Russian Foreign Ministry ordered them to leave Russia within two weeks.") == []
    events = code("Iranian officials told Egypt that Iran and Israel should hold talks.")
    assert all(e.target_country != "IRN" for e in events)


def test_rebels_may_still_address_their_own_state(code):
    events = code("Russian rebels said the Russian government must agree to talks.")
    assert any(e.source_code == "RUSREB" and e.target_country == "RUS" for e in events)


def test_the_sidelines_of_a_summit_are_where_not_whom(code):
    events = code("The Japanese minister agreed to hold talks on the sidelines of the G7 summit.")
    assert all(e.target_code is None for e in events)


# -- headlines: passives without "was" -------------------------------------------------------

@pytest.mark.parametrize("text, target", [
    ("Three Russian troops killed in ambush near border", "RUSMIL"),
    ("Russian helicopter shot down near the border.", "RUS"),
])
def test_a_headline_passive_makes_the_subject_the_victim(code, text, target):
    (ev,) = code(text)
    assert (ev.source_code, ev.target_code, ev.plover) == (None, target, "ASSAULT")


def test_a_headline_arrest_with_no_doer_is_not_the_prisoner_arresting(code):
    assert [e for e in code("Iranian journalist arrested in Tehran")
            if e.source_country == "IRN"] == []


@pytest.mark.parametrize("text, doer", [
    ("Russian troops killed three Ukrainian troops.", "RUSMIL"),
    ("Israeli troops raid Jenin refugee camp", "ISRMIL"),
])
def test_active_headlines_keep_their_doer(code, text, doer):
    assert [e.source_code for e in code(text)] == [doer]


def test_preparing_to_use_force_is_a_raised_alert_not_a_threat(code):
    (ev,) = code("The Russian army prepared to resume shelling Ukrainian territory.")
    assert (ev.source_code, ev.target_country, ev.cameo, ev.plover, ev.modality) == (
        "RUSMIL", "UKR", "152", "MOBILIZE", "asserted")
    # "is prepared to" (ready, willing) stays a future act
    (ev,) = code("Russia is prepared to attack Ukraine.")
    assert (ev.cameo, ev.modality) == ("190", "future")


def test_ending_aid_or_mediation_halts_it_but_ending_talks_held_them(code):
    (ev,) = code("The United States ended aid to Egypt.")
    assert (ev.cameo, ev.plover) == ("162", "SANCTION")
    assert {e.plover for e in code("Russia and Ukraine ended three days of talks in Cairo.")} \
        == {"CONSULT"}


def test_denying_entry_to_people_is_a_sanction_denying_access_a_refusal(code):
    (ev,) = code("The United States denied entry to Russian officials.")
    assert (ev.target_country, ev.cameo) == ("RUS", "163")  # sanctions (the CAMEO-PLOVER row)
    (ev,) = code("Iran denied access to the inspectors.")
    assert ev.plover == "REJECT"


def test_a_phrase_before_the_subject_sets_the_scene_and_names_no_target(code):
    events = code("At the United Nations summit on Monday, Japan pledged to cut emissions.")
    assert all(e.target_code is None for e in events)
    (ev,) = code("At the United Nations summit on Monday, Japan pledged support to India.")
    assert ev.target_country == "IND"


def test_a_named_but_unknown_target_is_not_replaced_by_another_phrase(code):
    events = code("Russia expelled Smirnov for spying on Ukraine.")
    assert [(e.source_code, e.target_code, e.cameo) for e in events] == [("RUS", None, "174")]


def test_the_one_arrested_for_an_act_did_it_not_the_arrester(code):
    events = code("The Russian government arrested Smirnov for sending money to Ukraine.")
    assert [(e.source_code, e.target_code, e.cameo) for e in events] == [("RUSGOV", None, "173")]
