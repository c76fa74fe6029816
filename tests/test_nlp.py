"""Parsing: one text spaCy cannot take costs only itself."""

from newsevents.nlp import ParseFailure, parse_each


def test_a_text_over_max_length_is_a_failure_in_its_place(nlp, monkeypatch):
    monkeypatch.setattr(nlp, "max_length", 100)
    items = [("Japan praised India.", {}), ("word " * 50, {}), ("Iran condemned Israel.", {})]
    out = list(parse_each(nlp, items, batch_size=8))
    assert [type(x).__name__ for x in out] == ["Doc", "ParseFailure", "Doc"]
    assert out[1].reason == "too_long_to_parse"
    assert out[2].text == "Iran condemned Israel."


def test_a_failing_text_is_found_by_parsing_its_batch_one_by_one(nlp, monkeypatch):
    real = nlp.make_doc

    def fragile(text):
        if "Iran" in text:
            raise RuntimeError("simulated tokenizer bug")
        return real(text)

    monkeypatch.setattr(nlp, "make_doc", fragile)
    out = list(parse_each(nlp, [("Iran condemned Israel.", {}), ("Japan praised India.", {})]))
    assert isinstance(out[0], ParseFailure) and out[0].reason == "nlp_failed"
    assert out[1].text == "Japan praised India."


def test_a_line_break_ends_a_sentence_even_without_a_full_stop():
    from newsevents.nlp import load_nlp

    nlp = load_nlp()
    assert "newsevents_line_breaks" in nlp.pipe_names
    doc = nlp("Ministers met in Paris on Monday.\nTalks resume as envoys arrive in Cairo\n"
              "The army withdrew from the border. Officials said talks would go on.")
    assert [s.text.strip() for s in doc.sents] == [
        "Ministers met in Paris on Monday.", "Talks resume as envoys arrive in Cairo",
        "The army withdrew from the border.", "Officials said talks would go on."]
