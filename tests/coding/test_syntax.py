"""The noun phrase an argument token stands for (`coding.syntax.phrase`)."""

from __future__ import annotations

import pytest

from newsevents.coding.syntax import phrase


def first_subject_phrase(nlp, text: str) -> str:
    doc = nlp(text)
    root = next(doc.sents).root
    subj = next(c for c in root.children if c.dep_ == "nsubj")
    return phrase(subj).text


@pytest.mark.parametrize("text, name", [
    # the parser splits these names at "bin" / "al-" and hangs the pieces on the verb
    ("Kuwait's emir, Sheikh Sabah bin Ahmad al-Jaber launched a mediation effort on "
     "Saturday between Egypt and Libya.", "Sheikh Sabah bin Ahmad al-Jaber"),
    ("Oman's sultan, Qaboos bin Said al-Said opened talks on Monday with Iran.",
     "Qaboos bin Said al-Said"),
    ("The emir, Sheikh Tamim bin Hamad al-Thani launched an appeal on Saturday for calm.",
     "Sheikh Tamim bin Hamad al-Thani"),
])
def test_a_name_split_at_a_name_link_is_one_phrase(nlp, text, name):
    assert first_subject_phrase(nlp, text) == name


@pytest.mark.parametrize("text, name", [
    ("The Kenyan police arrested the suspect.", "The Kenyan police"),
    ("Mr. Ali said the talks would resume.", "Mr. Ali"),
    ("Sheikh Mansour bin Zayed al-Nahyan opened the new terminal on Monday.",
     "Sheikh Mansour bin Zayed al-Nahyan"),
])
def test_whole_subjects_are_unchanged(nlp, text, name):
    assert first_subject_phrase(nlp, text) == name


def test_a_preposition_keeps_the_object_the_parser_gave_to_a_reduced_relative(nlp):
    from newsevents.coding.syntax import pobjs

    doc = nlp("Mexico granted asylum to two Ecuadorian politicians holed up in its embassy "
              "since last year.")
    to = next(t for t in doc if t.lower_ == "to")
    assert [t.text for t in pobjs(to)] == ["politicians"]


def test_a_preposition_with_its_own_object_is_unchanged(nlp):
    from newsevents.coding.syntax import pobjs

    doc = nlp("Turkey sent aid to Syrian refugees stranded at the border.")
    to = next(t for t in doc if t.lower_ == "to")
    assert [t.text for t in pobjs(to)] == ["refugees"]
