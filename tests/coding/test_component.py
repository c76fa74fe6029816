"""The spaCy face: the "newsevents_coder" factory and `code_texts`."""

from __future__ import annotations

import spacy
from fake_resolver import FakeResolver

import newsevents.coding.coder as coder_mod
from newsevents.coding import code_texts


def test_factory_puts_events_on_the_doc(monkeypatch, nlp):
    monkeypatch.setattr(coder_mod, "_load_resolver", lambda actors_files=(): FakeResolver())
    # The session pipeline is shared: add the component for this test only.
    nlp.add_pipe("newsevents_coder", name="test_coder")
    try:
        doc = nlp.make_doc("North Korea threatened the United States on Monday.")
        doc._.news_date = "2024-03-09"
        doc._.input_id = "x1"
        doc = nlp(doc)
    finally:
        nlp.remove_pipe("test_coder")
    (ev,) = doc._.events
    assert (ev.source_country, ev.cameo_root, ev.target_country) == ("PRK", "13", "USA")
    assert ev.date == "2024-03-04" and ev.input_id == "x1"


def test_factory_rejects_a_bad_lexicon_file(monkeypatch, tmp_path):
    import pytest

    from newsevents.errors import ConfigError

    monkeypatch.setattr(coder_mod, "_load_resolver", lambda actors_files=(): FakeResolver())
    bad = tmp_path / "bad.yaml"
    bad.write_text('verbs:\n  attack:\n    - {code: "9999"}\n', encoding="utf-8")
    nlp = spacy.blank("en")
    with pytest.raises(ConfigError, match="unknown CAMEO code"):
        nlp.add_pipe("newsevents_coder", config={"lexicon_paths": [str(bad)]})


def test_code_texts_streams_events_with_input_ids(nlp, coder):
    items = [("Iran attacked Israel.", {"id": "a", "date": "2024-03-09"}),
             ("The weather was mild.", {"id": "b"}),
             ("Japan praised China on Friday.", {"id": "c", "date": "2024-03-09"})]
    events = list(code_texts(items, nlp, coder))
    assert [(e.input_id, e.cameo) for e in events] == [("a", "190"), ("c", "051")]
    assert events[1].date == "2024-03-08"


def test_factory_conventions_profile(monkeypatch, nlp):
    import pytest

    monkeypatch.setattr(coder_mod, "_load_resolver", lambda actors_files=(): FakeResolver())
    nlp.add_pipe("newsevents_coder", name="test_plover", config={"conventions": "plover"})
    try:
        doc = nlp("India and Pakistan signed a ceasefire agreement on Monday.")
    finally:
        nlp.remove_pipe("test_plover")
    assert {(e.source_country, e.target_country) for e in doc._.events} == {
        ("IND", None), ("PAK", None)}
    with pytest.raises(ValueError, match="unknown conventions"):
        spacy.blank("en").add_pipe("newsevents_coder", config={"conventions": "gdelt"})
