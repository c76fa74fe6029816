"""The coder on sentences written for these tests (fake resolver, real spaCy parse)."""

from __future__ import annotations

import pytest


def triples(events, asserted_only=False):
    return {(e.source_country or e.source_code, e.cameo, e.target_country or e.target_code)
            for e in events if not asserted_only or e.modality == "asserted"}


@pytest.mark.parametrize("text,expected", [
    ("North Korea threatened the United States on Monday.", {("PRK", "130", "USA")}),
    ("India imposed sanctions on Pakistan.", {("IND", "163", "PAK")}),
    ("The United States imposed a new round of sanctions on Russia.", {("USA", "163", "RUS")}),
    ("Japan provided humanitarian aid to Ukraine.", {("JPN", "073", "UKR")}),
    ("Russia expelled 10 American diplomats.", {("RUS", "166", "USA")}),
    ("Russia threatened to attack Ukraine.", {("RUS", "138", "UKR")}),
    ("Washington urged the North to abandon its nuclear programme.", {("USA", "0242", "PRK")}),
    ("Pyongyang called on Seoul to halt the drills.", {("PRK", "0256", "KOR")}),
    ("China's foreign ministry accused Japan of provoking tensions.", {("CHN", "1123", "JPN")}),
    ("Iran test-fired a ballistic missile.", {("IRN", "150", None)}),
])
def test_who_did_what_to_whom(code, text, expected):
    assert triples(code(text)) == expected


def test_acceptance_sentence_fields(code):
    (ev,) = code("North Korea threatened the United States on Monday.")
    assert (ev.source_country, ev.target_country, ev.cameo_root) == ("PRK", "USA", "13")
    assert ev.plover == "THREATEN" and ev.quad_class == 3 and ev.goldstein == -4.4
    assert ev.date == "2024-03-04" and ev.date_precision == "day"
    assert ev.modality == "asserted" and ev.event_text == "threatened"
    assert ev.sentence_index == 0 and ev.article_id == "t1" and len(ev.id) == 16


def test_passive_voice_swaps_roles(code):
    # ... and Kim's own calls (a nominal event with a possessor) are coded too.
    assert triples(code("Kim's calls for sanctions relief were rejected by Washington.")) == {
        ("USA", "123", "PRK"), ("PRK", "0254", None)}


def test_coordination_gives_one_event_per_pair(code):
    assert triples(code("China and Russia criticized Japan and South Korea.")) == {
        ("CHN", "111", "JPN"), ("CHN", "111", "KOR"), ("RUS", "111", "JPN"),
        ("RUS", "111", "KOR")}


def test_nominal_events(code):
    # Talks are symmetric: each party talks with the other.
    assert triples(code("Talks between India and Pakistan resumed last week.")) == {
        ("IND", "046", "PAK"), ("PAK", "046", "IND")}
    assert triples(code("Russia's attack on Ukraine began before dawn.")) == {("RUS", "190", "UKR")}
    # An argument of a coded verb is its theme, not a second event ...
    assert triples(code("Japan condemned the attack on Ukraine.")) == {("JPN", "111", "UKR")}
    # ... unless it names its own doer.
    assert triples(code("Russia's attack on Ukraine was condemned by Japan.")) == {
        ("JPN", "111", "RUS"), ("RUS", "190", "UKR")}
    # Named things are not events.
    assert code("Japan left the Warsaw Pact talks.") == []


def test_participle_clause_belongs_to_the_possessor(code):
    evs = code("The G7's statement calling for denuclearization was welcomed by Japan.")
    assert ("JPN", "051", "IGOG7") in triples(evs)


def test_relative_clause_subject_is_the_head_noun(code):
    evs = code("The Chinese foreign minister, who met Japan's prime minister on Monday, "
               "criticized the United States.")
    assert triples(evs) == {("CHN", "111", "USA"), ("CHN", "040", "JPN")}


def test_attribution_goes_to_the_reporter(code):
    (ev,) = code("State media reported Friday that Kim ordered the army to fire missiles "
                 "at South Korean ships.")
    assert (ev.source_country, ev.cameo_root, ev.target_country) == ("PRK", "19", "KOR")
    assert ev.attribution_text == "State media"
    assert ev.date == "2024-03-08"
    (ev,) = code("North Korea fired two ballistic missiles on Thursday, South Korea's military said.")
    assert ev.source_country == "PRK" and ev.attribution_text == "South Korea's military"


def test_speakers_own_threat_is_a_threat(code):
    (ev,) = code("China said it would retaliate against Japan.")
    assert (ev.source_country, ev.cameo, ev.target_country, ev.modality) == (
        "CHN", "138", "JPN", "asserted")
    assert ev.attribution_text is None


@pytest.mark.parametrize("text,modality", [
    ("Iran did not attack Israel.", "negated"),
    ("India has not met with Pakistan.", "negated"),
    ("Japan will meet China next week.", "future"),
    ("Iran plans to visit China in March.", "future"),
    ("Analysts said Iran could attack Israel.", "hypothetical"),
    ("If Iran attacks Israel, the United States would respond.", "hypothetical"),
    ("Ukraine will likely return to talks with Russia, analysts said.", "hypothetical"),
    ("Iran attacked Israel.", "asserted"),
])
def test_modality(code, text, modality):
    evs = code(text)
    assert evs and {e.modality for e in evs} == {modality}


def test_threatened_action_is_not_coded_as_happened(code):
    evs = code("Russia threatened to attack Ukraine.")
    assert [e.cameo_root for e in evs] == ["13"]
    evs = code("Iran denied that it had attacked the ship.")
    assert all(e.cameo_root != "19" for e in evs)


@pytest.mark.parametrize("text", [
    "Brazil beat France 3-1 in the World Cup final.",
    "France attacked down the left wing and scored a late goal against Germany.",
    "Shares of Japanese carmakers fell sharply on Monday.",
    "The storm battered the coast of Japan, killing three people.",
    "A man was arrested after a bar fight in Leeds.",
    "The film premiered in Tokyo to rave reviews.",
    "Japan beat Germany 3-1 in an international friendly in Tokyo on Tuesday.",
    "Japan battled dozens of wildfires fanned by strong winds.",
    "A Japanese carmaker and a German supplier signed an agreement to build a plant.",
])
def test_look_alikes_give_no_event(code, text):
    assert code(text) == []


def test_no_target_event_is_kept(code):
    (ev,) = code("Iran test-fired a ballistic missile.")
    assert ev.target_text is None and ev.target_code is None
    assert ev.event_text == "test-fired"


def test_event_ids_are_stable_and_distinct(code):
    a = code("China and Russia criticized Japan and South Korea.")
    b = code("China and Russia criticized Japan and South Korea.")
    assert [e.id for e in a] == [e.id for e in b]
    assert len({e.id for e in a}) == 4


def test_location_from_resolver(code):
    (ev,) = code("Police arrested dozens of protesters in Cairo.")
    assert ev.location_name == "Cairo" and ev.location_country == "EGY"


def test_missing_resolver_is_a_clear_error(monkeypatch):
    import builtins

    from newsevents.coding import EventCoder
    from newsevents.errors import ConfigError

    real_import = builtins.__import__

    def fake_import(name, globals=None, locals=None, fromlist=(), level=0):
        if fromlist and "ActorResolver" in fromlist:
            raise ImportError("simulated: no resolver")
        return real_import(name, globals, locals, fromlist, level)

    monkeypatch.setattr(builtins, "__import__", fake_import)
    with pytest.raises(ConfigError, match="actor resolver"):
        EventCoder()


def test_symmetric_acts_of_coordinated_parties(code):
    assert triples(code("China and Japan signed a trade agreement in Tokyo.")) == {
        ("CHN", "057", "JPN"), ("JPN", "057", "CHN")}
    # Coordinated modifiers are separate parties: "Chinese and Russian warships".
    assert triples(code("Chinese and Russian warships held joint exercises.")) == {
        ("CHN", "062", "RUS"), ("RUS", "062", "CHN")}


def test_reported_obligation_is_a_demand(code):
    assert triples(code("Japan said that China must release the detained diplomats.")) == {
        ("JPN", "100", "CHN")}


def test_condemnation_drawn_from_others(code):
    assert triples(code("Iran's missile launch drew condemnation from Japan.")) == {
        ("JPN", "111", "IRN"), ("IRN", "150", None)}


def test_announcement_codes_follow_the_announced_act(code):
    assert triples(code("Russia threatened to impose sanctions on Japan.")) == {
        ("RUS", "1312", "JPN")}
    assert triples(code("India and Pakistan agreed to hold talks next month.")) == {
        ("IND", "036", "PAK"), ("PAK", "036", "IND")}


def test_indirect_speech_future_is_an_intent_but_direct_future_stays_future(code):
    (ev,) = code("Japan said it would send humanitarian aid to Ukraine.")
    assert (ev.cameo, ev.modality) == ("0333", "asserted")
    evs = code("Japan will send humanitarian aid to Ukraine, the Japanese minister said.")
    assert [(e.cameo_root, e.modality) for e in evs] == [("07", "future")]


@pytest.mark.parametrize("text", [
    "Neither China nor Japan has agreed to the plan.",
    "Investigators found no evidence that Russia had attacked Ukraine.",
    "Japan would impose sanctions on Iran if Tehran tested another missile.",
])
def test_not_asserted(code, text):
    assert all(e.modality != "asserted" for e in code(text))


def test_warning_about_third_parties_is_not_a_threat(code):
    assert code("The UN warned that armed groups could attack civilians.") == []
    assert triples(code("Russia warned Japan that it would retaliate.")) == {("RUS", "138", "JPN")}


def test_passive_participle_clause_does_not_make_its_noun_the_doer(code):
    evs = code("The United States demanded the release of a journalist detained in Russia.")
    assert {e.cameo_root for e in evs} == {"10"}


def test_parse_is_required(coder):
    import spacy

    with pytest.raises(ValueError, match="dependency parse"):
        coder.code_doc(spacy.blank("en")("Iran attacked Israel."))


def test_codes_the_sample_corpus_without_failing(nlp, coder):
    """Every sentence of the bundled examples goes through (no crash on real parses)."""
    import json
    from pathlib import Path

    root = Path(__file__).resolve().parents[2] / "examples"
    texts = [json.loads(line)["text"] for line in (root / "corpus.jsonl").read_text(
        "utf-8").splitlines() if line.strip()]
    texts += [p.read_text("utf-8") for p in sorted(root.rglob("*.txt"))]
    assert len(texts) >= 5
    n = 0
    for doc in nlp.pipe(texts):
        events = coder.code_doc(doc, date="2026-01-01", article_id="x")
        n += len(events)
        # A doer is either resolved (a code) or an unplaced actor whose text is kept.
        assert all(e.cameo and (e.source_code or (e.source_text and not e.source_country))
                   for e in events)
    assert n > 0
