"""The PETRARCH dictionary readers on tiny self-written dictionaries."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from newsevents.errors import ConfigError
from newsevents.petrarch import DictionaryWarning, load_dictionaries
from newsevents.petrarch.actors import read_actors
from newsevents.petrarch.agents import plural, read_agents
from newsevents.petrarch.discards import read_discards
from newsevents.petrarch.issues import read_issues
from newsevents.petrarch.verbs import parse_pattern, read_verbs, regular_forms

DICTS = Path(__file__).parent / "fixtures" / "dicts"


def _read(reader, name):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        result = reader(DICTS / name)
    return result, [str(w.message) for w in caught if issubclass(w.category, DictionaryWarning)]


def test_verbs_blocks_forms_and_codes():
    verbs, warned = _read(read_verbs, "tiny.verbs.txt")
    names = [b.name for b in verbs.blocks]
    assert names == ["PRAISE", "ATTACK", "VISIT", "GIVE", "MEET"]
    praise = verbs.blocks[0]
    assert praise.code == "051" and praise.reciprocal is None
    # Regular forms are generated; a form's own code overrides the block's.
    assert {f.code for f in verbs.forms["PRAISED"]} == {"051"}
    assert {f.code for f in verbs.forms["COMMENDS"]} == {"041"}
    # Irregular forms come from braces.
    assert "GAVE" in verbs.forms and "GIVEN" in verbs.forms and "MET" in verbs.forms
    # A paired code [042:043].
    visit = verbs.blocks[2]
    assert (visit.code, visit.reciprocal) == ("042", "043")


def test_verbs_compound_forms_mark_the_inflected_word():
    verbs, _ = _read(read_verbs, "tiny.verbs.txt")
    storm = [f for f in verbs.forms["STORMED"] if f.after == ("OUT",)]
    assert storm and storm[0].before == ()
    assert any(f.after == ("OUT",) for f in verbs.forms["STORMS"])


def test_verbs_patterns_and_null_codes():
    verbs, _ = _read(read_verbs, "tiny.verbs.txt")
    attack = verbs.blocks[1]
    codes = [p.code for p in attack.patterns]
    assert codes == ["194", None]  # "[---]" codes nothing
    with_art = attack.patterns[0]
    assert [e.value for e in with_art.after] == ["WITH", "ARTILLERY"]
    assert with_art.after_adj == (False, True)  # free after the verb, `_` joins the words
    slots = verbs.blocks[0].patterns[1]
    assert [e.kind for e in slots.before] == ["source"]
    assert [e.kind for e in slots.after] == ["target", "word"]


def test_synsets_nest_and_hold_phrases():
    verbs, _ = _read(read_verbs, "tiny.verbs.txt")
    money = verbs.synsets["&MONEY"]
    assert ("SILVER", "MARKS") in money and ("GOLD", "BARS") in money and ("CROWNS",) in money
    assert money[0] in {("SILVER", "MARKS"), ("GOLD", "BARS")}  # longest members first


def test_bad_verb_lines_warn_with_file_and_line():
    _, warned = _read(read_verbs, "tiny.verbs.txt")
    assert any("tiny.verbs.txt:35" in w and "header" in w for w in warned), warned
    # The pattern under the broken header is reported, not attached to MEET.
    assert any("tiny.verbs.txt:36" in w for w in warned), warned


def test_parse_pattern_adjacency_and_slots():
    elements, links = parse_pattern(" SUGGESTED_+ * DEMAND_&GENINT_TALKS ")
    assert [e.kind for e in elements] == ["word", "target", "verb", "word", "synset", "word"]
    assert links == [True, False, False, True, True]
    assert parse_pattern("NO VERB HERE") is None
    hyph, hl = parse_pattern("* PEACE-KEEPING")
    assert [e.value for e in hyph[1:]] == ["PEACE", "-", "KEEPING"] and hl[1:] == [True, True]


def test_regular_forms():
    assert {"RESTORES", "RESTORED", "RESTORING"} <= regular_forms("RESTORE")
    assert {"CARRIES", "CARRIED", "CARRYING"} <= regular_forms("CARRY")
    assert "BANNED" in regular_forms("BAN")
    assert "DEPARTES" not in regular_forms("DEPART")


def test_actors_synonyms_multi_and_dated_codes():
    actors, warned = _read(read_actors, "tiny.actors.txt")
    vel = actors.phrases[("VELORIAN",)]
    assert vel.codes_on("20200101") == ["VEL"]
    assert actors.phrases[("TWIN", "CITIES")].codes_on(None) == ["VEL", "KRS"]
    venn = actors.phrases[("MARLO", "VENN")]
    assert venn.codes_on("20120505") == ["VELGOV"]
    assert venn.codes_on("20141231") == ["VELGOV"]  # ranges are inclusive
    assert venn.codes_on("20150101") == ["VELOPP"]
    assert venn.codes_on("19990101") == ["VELCVL"]  # outside every range: the undated code
    assert venn.codes_on(None) == ["VELCVL"]
    assert any("tiny.actors.txt:15" in w for w in warned), warned  # bad code
    assert any("tiny.actors.txt:2" in w for w in warned), warned  # code line before any actor


def test_actor_longest_match():
    actors, _ = _read(read_actors, "tiny.actors.txt")
    words = ["THE", "NORTH", "ISLES", "SAID"]
    assert actors.longest_at(words, 1)[0] == 2
    assert actors.longest_at(words, 0) is None


def test_agents_plurals_substitution_and_prefix():
    agents, warned = _read(read_agents, "tiny.agents.txt")
    assert agents.phrases[("SOLDIERS",)].code == "MIL"
    assert ("POLICES",) not in agents.phrases  # {} switches plurals off
    assert agents.phrases[("GEESE",)].code == "GSE"
    assert ("FOREIGN", "MINISTERS") in agents.phrases
    assert agents.phrases[("REPAIRMEN",)].code == "LAB"
    relief = agents.phrases[("RELIEF", "AGENCY")]
    assert relief.prefix and relief.code == "NGO"
    assert any("tiny.agents.txt:10" in w for w in warned), warned
    assert plural("PARTY") == "PARTIES" and plural("BOSS") == "BOSSES"


def test_discards_story_and_sentence():
    discards, _ = _read(read_discards, "tiny.discards.txt")
    assert discards.find(["A", "FOOTBALL", "MATCH", "ENDED"]) == ("sentence", ("FOOTBALL", "MATCH"))
    assert discards.find(["THE", "CHESS", "OLYMPIAD"])[0] == "story"
    assert discards.find(["NOTHING", "HERE"]) is None


def test_issues():
    issues, _ = _read(read_issues, "tiny.issues.txt")
    found = issues.find(["NEW", "RESERVOIRS", "AND", "FRESH-WATER"])
    assert [i.code for i in found] == ["WATER_SUPPLY"]
    assert issues.find("A RESERVOIR OF GOODWILL".split()) == []


def test_load_folder_picks_files_by_name():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dicts = load_dictionaries(DICTS)
    assert set(dicts.files) == {"verbs", "actors", "agents", "discards", "issues"}
    summary = dicts.summary()
    assert summary["verb_blocks"] == 5 and summary["actor_names"] >= 9


def test_load_missing_path_is_a_config_error(tmp_path: Path):
    with pytest.raises(ConfigError):
        load_dictionaries(tmp_path / "nope")


def test_unknown_file_kind_is_a_config_error(tmp_path: Path):
    odd = tmp_path / "mystery.txt"
    odd.write_text("X [Y]\n")
    with pytest.raises(ConfigError):
        load_dictionaries([odd])
    dicts = load_dictionaries([odd], kinds={str(odd): "actors"})
    assert ("X",) in dicts.actors.phrases


def test_garbage_never_crashes(tmp_path: Path):
    junk = tmp_path / "junk.verbs.txt"
    junk.write_bytes(b"\xff\xfe--- [\n- * [\n&\n+\n}{][\n--- A [1:2:3] ---\n- % % [01]\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        dicts = load_dictionaries([junk])
    assert dicts.verbs is not None


def test_a_bad_code_on_a_synonym_line_warns_and_the_good_ones_stay(tmp_path):
    path = tmp_path / "syn.actors.txt"
    path.write_text("ARNOR_\n+ARNORIAN_REALM_ [ARN 99999999]\n  [ARN]\nGONDOR_ [GON]\n",
                    encoding="utf-8")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        actors = read_actors(path)
    messages = [str(w.message) for w in caught]
    assert any("syn.actors.txt:2" in m and "bad actor code" in m for m in messages), messages
    assert actors.entries == 2
