"""PetrarchCoder over spaCy parses, with tiny self-written dictionaries."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from newsevents.model import Event
from newsevents.petrarch import CoderOptions, PetrarchCoder, load_dictionaries
from newsevents.petrarch.coder import split_code

DICTS = Path(__file__).parent / "fixtures" / "dicts"


@pytest.fixture(scope="module")
def dicts():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return load_dictionaries(DICTS)


def triples(coder, nlp, text, date=None):
    return sorted((e.source, e.target, e.code) for _, e in coder.code_raw(nlp(text), date=date))


def test_subject_verb_object(dicts, nlp):
    assert triples(PetrarchCoder(dicts), nlp, "Veloria praised Karsten on Monday.") == [
        ("VEL", "KRS", "051")]


def test_agents_attach_to_their_actors(dicts, nlp):
    coder = PetrarchCoder(dicts)
    assert triples(coder, nlp, "Velorian police attacked Karsteni soldiers with artillery.") == [
        ("VELCOP", "KRSMIL", "194")]
    assert triples(coder, nlp, "Veloria's foreign minister commended Karsten on Friday.") == [
        ("VELGOVFRM", "KRS", "041")]
    assert triples(coder, nlp, "Relief agency Veloria praised Karsten.") == [("NGOVEL", "KRS", "051")]


def test_dated_codes_follow_the_sentence_date(dicts, nlp):
    coder = PetrarchCoder(dicts)
    text = "Marlo Venn visited Karsten."
    assert triples(coder, nlp, text, "2012-05-05") == [("KRS", "VELGOV", "043"),
                                                      ("VELGOV", "KRS", "042")]
    assert triples(coder, nlp, text, "20160101") == [("KRS", "VELOPP", "043"),
                                                    ("VELOPP", "KRS", "042")]


def test_compound_actors(dicts, nlp):
    coder = PetrarchCoder(dicts)
    assert triples(coder, nlp, "Veloria and the North Isles praised France.") == [
        ("NIS", "FRA", "051"), ("VEL", "FRA", "051")]
    # `%` in a pattern: each member of the compound towards the others.
    assert triples(coder, nlp, "Veloria and Karsten met on Tuesday.") == [
        ("KRS", "VEL", "036"), ("VEL", "KRS", "036")]
    # A `/` code gives several actors.
    assert triples(coder, nlp, "The Harbour League praised the Twin Cities.") == [
        ("IGOHBL", "KRS", "051"), ("IGOHBL", "VEL", "051")]


def test_patterns_choose_codes_and_slots(dicts, nlp):
    coder = PetrarchCoder(dicts)
    assert triples(coder, nlp, "Veloria praised Karsten warmly.") == [("VEL", "KRS", "043")]
    assert triples(coder, nlp, "Veloria gave gold bars to Karsten.") == [("VEL", "KRS", "071")]
    assert triples(coder, nlp, "Veloria gave silver marks to Karsten.") == [("VEL", "KRS", "071")]
    assert triples(coder, nlp, "Veloria gave advice to Karsten.") == [("VEL", "KRS", "070")]
    # "NOT * [---]": the pattern says this codes nothing.
    assert triples(coder, nlp, "Veloria did not attack Karsten.") == []


def test_compound_verb_and_passive(dicts, nlp):
    coder = PetrarchCoder(dicts)
    assert triples(coder, nlp, "Velorian soldiers stormed out of Karsten on Sunday.") == [
        ("VELMIL", "KRS", "190")]
    assert triples(coder, nlp, "Karsten was attacked by Veloria on Monday.") == [
        ("VEL", "KRS", "190")]


def test_discards(dicts, nlp):
    coder = PetrarchCoder(dicts)
    assert triples(coder, nlp, "Veloria praised Karsten after the football match.") == []
    assert coder.last_discard == ("sentence", ("FOOTBALL", "MATCH"))
    story = "Veloria praised Karsten. The Chess Olympiad opened in Karsten."
    assert triples(coder, nlp, story) == []
    assert coder.last_discard[0] == "story"


def test_require_dyad(dicts, nlp):
    assert triples(PetrarchCoder(dicts), nlp, "Veloria attacked.") == []
    loose = PetrarchCoder(dicts, CoderOptions(require_dyad=False))
    assert triples(loose, nlp, "Veloria attacked.") == [("VEL", "---", "190")]


def test_code_doc_fills_event_fields(dicts, nlp):
    events = PetrarchCoder(dicts).code_doc(nlp("France praised Karsten government on Monday."),
                                           date="2014-03-02", article_id="a1")
    assert len(events) == 1
    ev = events[0]
    assert isinstance(ev, Event)
    assert (ev.source_code, ev.target_code, ev.cameo) == ("FRA", "KRSGOV", "051")
    assert ev.cameo_root == "05" and ev.quad_class == 1 and ev.goldstein is not None
    assert ev.plover is not None
    assert ev.source_country == "FRA" and ev.target_country is None and ev.target_sector == "GOV"
    assert ev.date == "2014-03-02" and ev.article_id == "a1" and ev.event_text == "praised"
    assert ev.source_text == "France" and ev.target_text == "Karsten government"


def test_codes_unknown_to_cameo_do_not_crash(tmp_path, nlp):
    (tmp_path / "x.verbs.txt").write_text("--- ZAP [991] ---\nZAP\n--- ZOP [abc] ---\nZOP\n")
    (tmp_path / "x.actors.txt").write_text("VELORIA [VEL]\nKARSTEN [KRS]\n")
    coder = PetrarchCoder(load_dictionaries(tmp_path))
    events = coder.code_doc(nlp("Veloria zapped Karsten. Veloria zopped Karsten."))
    assert {e.cameo for e in events} == {"991", "ABC"}
    assert all(e.quad_class is None and e.goldstein is None for e in events)


def test_split_code():
    assert split_code("RUSCOP") == ("RUS", "COP")
    assert split_code("IGOUNO") == (None, "IGO")
    assert split_code("---GOV") == (None, "GOV")
    assert split_code(None) == (None, None)


def test_empty_and_unparsed_docs(dicts, nlp):
    import spacy

    coder = PetrarchCoder(dicts)
    assert coder.code_doc(nlp("")) == []
    blank = spacy.blank("en")
    # No parser: the whole text is one sentence and subjects fall back to word order.
    events = coder.code_doc(blank("Veloria praised Karsten."))
    assert isinstance(events, list)


def test_build_coder_modes(dicts, nlp, tmp_path):
    from newsevents.errors import ConfigError
    from newsevents.petrarch.combine import MergedCoder, build_coder

    warnings.simplefilter("ignore")  # the fixture's malformed lines (tested elsewhere)
    replace = build_coder(DICTS, "replace")
    assert isinstance(replace, PetrarchCoder)

    class Fixed:
        """A stand-in for our EventCoder that always finds one event."""

        def code_doc(self, doc, *, date=None, article_id=None, dateline=None):
            return [Event(sentence_index=0, source_code="VEL", target_code="KRS", cameo="051")]

    merged = build_coder(DICTS, "extend", base=Fixed())
    assert isinstance(merged, MergedCoder)
    doc = nlp("Veloria praised Karsten. Veloria attacked Karsten with artillery.")
    events = merged.code_doc(doc)
    # The PETRARCH duplicate of the base event is dropped; the new one is added.
    assert sorted((e.sentence_index, e.cameo) for e in events) == [(0, "051"), (1, "194")]
    with pytest.raises(ConfigError):
        build_coder(DICTS, "merge")


def test_modality_is_marked_without_changing_codes(dicts, nlp):
    coder = PetrarchCoder(dicts)
    future = coder.code_doc(nlp("Veloria will praise Karsten."))
    assert [(e.cameo, e.modality) for e in future] == [("051", "future")]
    plain = PetrarchCoder(dicts, CoderOptions(modality=False)).code_doc(
        nlp("Veloria will praise Karsten."))
    assert [(e.cameo, e.modality) for e in plain] == [("051", "asserted")]
    stormed = coder.code_doc(nlp("Velorian soldiers stormed out of Karsten."))
    assert stormed[0].event_text == "stormed out"


def test_pathological_sentence_stays_fast(tmp_path, nlp):
    import time

    (tmp_path / "p.verbs.txt").write_text(
        "--- ATTACK [190] ---\nATTACK\n- * THE THE THE THE THE NOWHERE [199]\n"
        "- THE THE THE THE $ * [198]\n")
    (tmp_path / "p.actors.txt").write_text("VELORIA [VEL]\nKARSTEN [KRS]\n")
    coder = PetrarchCoder(load_dictionaries(tmp_path))
    text = "Veloria " + "and the " * 150 + "attacked " + "the " * 300 + "Karsten."
    doc = nlp(text)
    start = time.perf_counter()
    events = coder.code_doc(doc)
    assert time.perf_counter() - start < 5
    assert all(e.cameo in ("190", "198") for e in events)
