from __future__ import annotations

import pytest

from newsevents.coding import Lexicon
from newsevents.coding.lexicon import validate
from newsevents.coding.taxonomy import cameo_table
from newsevents.errors import ConfigError


def test_bundled_lexicon_covers_every_cameo_root(lexicon):
    roots = {c.root for c in cameo_table().values()}
    covered = {code[:2] for code in lexicon.codes()}
    assert roots == covered


def test_bundled_lexicon_covers_most_three_digit_codes(lexicon):
    three = {c for c in cameo_table() if len(c) == 3}
    covered = {c for c in three if any(x.startswith(c) for x in lexicon.codes())}
    assert len(covered) / len(three) > 0.95


def test_prepositions_that_yaml_reads_as_booleans_stay_words(lexicon):
    impose = [p for p in lexicon.verbs["impose"] if p.code == "163"][0]
    assert impose.target == ("on", "against")
    assert any(p.prep == "on" for p in lexicon.verbs["call"])


def test_more_specific_patterns_come_first(lexicon):
    specs = [p.specificity for p in lexicon.verbs["threaten"]]
    assert specs == sorted(specs, reverse=True)


@pytest.mark.parametrize("doc,needle", [
    ({"verbs": {"attack": [{"code": "999"}]}}, "unknown CAMEO code"),
    ({"verbs": {"attack": [{"code": 190}]}}, "quoted string"),
    ({"verbs": {"attack": [{"code": "190", "objekt": ["x"]}]}}, "unknown keys"),
    ({"verbs": {"attack": []}}, "non-empty list"),
    ({"verbs": {"attack": [{"code": "190", "pobj": ["x"]}]}}, "pobj needs prep"),
    ({"grammar": {"nonsense": ["a"]}}, "unknown list"),
    ({"discards": [{"name": "x"}]}, "needs words"),
    ({"verbz": {}}, "unknown top-level"),
    ({"verbs": {"quit": [{"code": "0831", "plover": "WITHDRAW/resign"}]}}, "is not TYPE"),
])
def test_validator_reports_problems(doc, needle):
    problems = validate(doc)
    assert any(needle in p for p in problems), problems


def test_user_file_extends_and_takes_precedence(tmp_path):
    f = tmp_path / "extra.yaml"
    f.write_text('verbs:\n  attack:\n    - {code: "195", target: [dobj]}\n'
                 '  bamboozle:\n    - {code: "112", target: [dobj]}\n', encoding="utf-8")
    lex = Lexicon.load([f])
    # Among patterns of equal specificity the user's come first.
    assert [p for p in lex.verbs["attack"] if p.specificity == 0][0].code == "195"
    assert lex.verbs["bamboozle"][0].code == "112"


def test_invalid_user_file_is_a_config_error(tmp_path):
    f = tmp_path / "bad.yaml"
    f.write_text('verbs:\n  attack:\n    - {code: "190"}\n  attack:\n    - {code: "191"}\n',
                 encoding="utf-8")
    with pytest.raises(ConfigError, match="duplicate key"):
        Lexicon.load([f])
    with pytest.raises(ConfigError, match="cannot read"):
        Lexicon.load([tmp_path / "missing.yaml"])


def test_intransitive_and_no_clause_conditions_load(tmp_path, lexicon):
    f = tmp_path / "extra.yaml"
    f.write_text('verbs:\n  zoom:\n    - {code: "042", prep: to, target: [to], no_obj: true}\n'
                 '  acknowledge:\n    - {code: "054", target: [dobj], no_clause: true}\n',
                 encoding="utf-8")
    assert validate({"verbs": {"zoom": [{"code": "042", "no_obj": True, "no_clause": True}]}}) == []
    lex = Lexicon.load([f])
    assert lex.verbs["zoom"][0].no_obj and not lex.verbs["zoom"][0].no_clause
    assert any(p.no_clause for p in lex.verbs["acknowledge"])
    # The bundled lexicon uses both: "fly to" is a visit only without an object.
    assert all(p.no_obj for p in lexicon.verbs["fly"])
    assert any(p.no_clause for p in lexicon.verbs["recognize"])
