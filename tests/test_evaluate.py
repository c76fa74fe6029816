"""Gold readers and scores (newsevents.evaluate); fixtures are written here."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsevents.errors import ConfigError
from newsevents.evaluate import detect_format, read_gold, score
from newsevents.model import Event

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "events"

PLOVER_SAMPLE = [
    {"id": "p1", "date": "2001-02-03", "event": "DEMAND", "text": "Freedonia demanded that Sylvania pay.",
     "source": [{"actorText": "Freedonia", "code": "FRE"}],
     "target": [{"actorText": "Sylvania", "code": "SYL"}, {"actorText": "Ruritania", "code": "JAP"}]},
    {"id": "p2", "date": "2001-02-03", "event": "FIGHT", "text": "Rebels fought.",
     "source": [{"actorText": "Rebels", "code": "FRE", "sector": "REB"}], "target": ""},
]

PETRARCH_SAMPLE = """<Validation><Sentences>
<Sentence date="19950101" id="T-01" category="DEMO" sentence="true">
<EventCoding sourcecode="ARN" targetcode="GONGOV" eventcode="064"></EventCoding>
<Text>
Arnor shared intelligence with the
government of Gondor.
</Text>
<Parse>(ROOT (S (NP (NNP Arnor))))</Parse>
</Sentence>
<Sentence date="19950102" id="T-02" category="DEMO" sentence="true">
<EventCoding noevents = "True"></EventCoding>
<Text>The weather was fine.</Text>
</Sentence>
<Sentence date="19950102" id="T-03" category="DEMO" sentence="true">
<EventCoding error = "True"></EventCoding>
<Text>Broken record.</Text>
</Sentence>
</Sentences></Validation>
"""


def ev(src, tgt, cameo, modality="asserted"):
    from newsevents.coding.taxonomy import lookup
    e = lookup(cameo)
    return Event(source_country=src, target_country=tgt, cameo=cameo, cameo_root=e.root,
                 plover=e.plover, modality=modality)


def test_plover_reader_maps_old_labels_and_crosses_actors(tmp_path):
    f = tmp_path / "gold.json"
    f.write_text(json.dumps(PLOVER_SAMPLE), "utf-8")
    assert detect_format(f) == "plover"
    recs = read_gold(f)
    assert [(g.source, g.target, g.plover) for g in recs[0].events] == [
        ("FRE", "SYL", "REQUEST"), ("FRE", "JPN", "REQUEST")]
    assert [(g.source, g.target, g.plover) for g in recs[1].events] == [("FRE", None, "ASSAULT")]


def test_petrarch_reader_uses_text_only(tmp_path):
    f = tmp_path / "records.xml"
    f.write_text(PETRARCH_SAMPLE, "utf-8")
    recs = read_gold(f)
    assert recs[0].text == "Arnor shared intelligence with the government of Gondor."
    assert recs[0].date == "1995-01-01"
    assert [(g.source, g.target, g.cameo, g.plover) for g in recs[0].events] == [
        ("ARN", "GON", "064", "COOPERATE")]
    assert recs[1].noevents and not recs[1].events
    assert recs[2].error


def test_jsonl_reader_takes_events_and_no_event_lines(tmp_path):
    f = tmp_path / "gold.jsonl"
    f.write_text(json.dumps({"id": "a", "text": "X hit Y.", "date": "2024-01-01", "events": [
        {"source_country": "FRA", "target_country": None, "target_code": "IGOUNO", "cameo": "190",
         "plover": None, "modality": "asserted"}]}) + "\n\n"
        + json.dumps({"id": "b", "text": "Rain.", "category": "weather"}) + "\n", "utf-8")
    recs = read_gold(f, "jsonl")
    assert (recs[0].events[0].source, recs[0].events[0].target, recs[0].events[0].plover) == (
        "FRA", "IGO", "ASSAULT")
    assert recs[1].noevents and recs[1].category == "weather"


def test_bad_gold_files_are_config_errors(tmp_path):
    with pytest.raises(ConfigError, match="does not exist"):
        read_gold(tmp_path / "none.jsonl")
    f = tmp_path / "bad.jsonl"
    f.write_text('{"id": 1}\n', "utf-8")
    with pytest.raises(ConfigError, match="not a valid jsonl"):
        read_gold(f)
    with pytest.raises(ConfigError, match="unknown gold format"):
        read_gold(f, "xml")


def test_scores_at_each_level(tmp_path):
    f = tmp_path / "gold.jsonl"
    lines = [
        {"id": "1", "text": "s1", "events": [
            {"source_country": "AAA", "target_country": "BBB", "cameo": "190", "modality": "asserted"},
            {"source_country": "BBB", "target_country": "AAA", "cameo": "111", "modality": "asserted"}]},
        {"id": "2", "text": "s2", "events": [
            {"source_country": "CCC", "target_country": None, "cameo": "141", "modality": "asserted"}]},
        {"id": "3", "text": "s3", "category": "sport"},
    ]
    f.write_text("\n".join(json.dumps(x) for x in lines), "utf-8")
    recs = read_gold(f)
    preds = {
        "1": [ev("AAA", "BBB", "193"), ev("BBB", "CCC", "111")],   # right type, wrong target
        "2": [ev("CCC", None, "141", modality="hypothetical")],     # not asserted: ignored
        "3": [ev("DDD", "EEE", "190")],                             # false event
    }
    rep = score(recs, preds)
    assert rep.levels["type"].to_dict()["tp"] == 2 and rep.levels["type"].fn == 1
    assert (rep.levels["code"].tp, rep.levels["code"].fp) == (1, 2)
    assert rep.levels["triple"].tp == 1 and rep.levels["triple"].fp == 2
    assert rep.levels["triple"].fn == 2
    assert rep.noevent_records == 1 and rep.noevent_false == 1
    assert rep.type_accuracy_main == pytest.approx(0.5)
    assert rep.confusion[("ASSAULT", "ASSAULT")] == 1
    assert rep.confusion[("PROTEST", "NONE")] == 1
    assert any(m["id"] == "2" for m in rep.misses)
    assert any(fa["id"] == "3" for fa in rep.false_alarms)
    md = rep.to_markdown()
    assert "| triple |" in md and "s3" in md


def test_future_events_compare_as_intents_for_modality_free_gold(tmp_path):
    f = tmp_path / "gold.json"
    f.write_text(json.dumps([{"id": "x", "event": "THREATEN", "text": "t",
                              "source": [{"code": "AAA"}], "target": [{"code": "BBB"}]}]), "utf-8")
    recs = read_gold(f)
    rep = score(recs, {"x": [ev("AAA", "BBB", "190", modality="future")]})
    assert rep.levels["triple"].tp == 1
    rep = score(recs, {"x": [ev("AAA", "BBB", "190", modality="hypothetical")]})
    assert rep.levels["triple"].tp == 0


@pytest.mark.skipif(not (SHARED / "plover" / "PLOVER_GSR_dev.json").exists(),
                    reason="../shared/data/events is absent")
def test_reads_the_shared_gold_sets():
    plover = read_gold(SHARED / "plover" / "PLOVER_GSR_dev.json")
    assert len(plover) == 158
    labels = {g.plover for r in plover for g in r.events}
    assert not labels & {"DEMAND", "DISAPPROVE", "INVESTIGATE", "FIGHT"}
    petr = read_gold(SHARED / "petrarch" / "PETR.UnitTest.records.xml")
    assert len(petr) == 284
    assert sum(r.noevents for r in petr) >= 10 and sum(r.error for r in petr) >= 5
    assert all("<" not in r.text for r in petr)


def test_repeated_ids_are_kept_apart(tmp_path):
    f = tmp_path / "gold.json"
    f.write_text(json.dumps([{"id": "x", "event": "PROTEST", "text": "a"},
                             {"id": "x", "event": "PROTEST", "text": "b"}]), "utf-8")
    assert [r.id for r in read_gold(f)] == ["x", "x#2"]


@pytest.mark.parametrize("shape", ["lines", "wrapped"])
def test_plover_records_as_json_lines_or_wrapped_are_read_as_plover(tmp_path, shape):
    f = tmp_path / "gold.data"
    if shape == "lines":
        f.write_text("\n".join(json.dumps(r) for r in PLOVER_SAMPLE) + "\n", "utf-8")
    else:
        f.write_text(json.dumps({"records": PLOVER_SAMPLE}), "utf-8")
    assert detect_format(f) == "plover"
    recs = read_gold(f)
    assert [(g.source, g.target, g.plover) for g in recs[1].events] == [("FRE", None, "ASSAULT")]


def test_a_plover_file_of_non_records_is_a_clear_error(tmp_path):
    f = tmp_path / "bad.json"
    f.write_text(json.dumps([1, 2, 3]), "utf-8")
    with pytest.raises(ConfigError, match="not a valid plover gold file"):
        read_gold(f)
