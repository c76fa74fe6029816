"""Filtered events, articles, dyads, actor rankings and stories."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pandas as pd
import pyarrow as pa
import pytest

from newsevents import query
from newsevents.model import EVENT_FIELDS
from newsevents.store import Store


def codes(rows: list[dict]) -> set[tuple[str, str, str]]:
    return {(r["source_code"], r["target_code"], r["cameo"]) for r in rows}


def test_default_is_asserted_events_newest_first_with_contract_fields(store_path: Path) -> None:
    rows = query.events(store_path)
    assert len(rows) == 5
    assert tuple(rows[0]) == EVENT_FIELDS
    dates = [r["date"] for r in rows]
    assert dates == sorted(dates, reverse=True)
    assert all(r["modality"] == "asserted" for r in rows)


@pytest.mark.parametrize(("filters", "expected"), [
    ({"source": "prk"}, {("PRKGOV", "USAGOV", "138")}),
    ({"source": "USAGOV", "target": "CHN"}, {("USAGOV", "CHNGOV", "042"),
                                            ("USAGOV", "CHNGOV", "111")}),
    ({"since": "2024-03-01"}, {("CHNGOV", "USAGOV", "190"), ("USAGOV", "CHNGOV", "111")}),
    ({"until": "2024-01-12"}, {("PRKGOV", "USAGOV", "138")}),
    ({"since": "2024-01-11", "until": "2024-02-28"}, {("USAGOV", "CHNGOV", "042"),
                                                      ("RUSMIL", "UKRMIL", "190")}),
    ({"root": "19"}, {("CHNGOV", "USAGOV", "190"), ("RUSMIL", "UKRMIL", "190")}),
    ({"root": 4}, {("USAGOV", "CHNGOV", "042")}),
    ({"cameo": "11"}, {("USAGOV", "CHNGOV", "111")}),
    ({"modality": "negated"}, {("CHNGOV", "USAGOV", "057")}),
    ({"modality": "all", "source": "CHN"}, {("CHNGOV", "USAGOV", "190"),
                                            ("CHNGOV", "USAGOV", "057")}),
    ({"modality": "asserted,negated", "source": "CHN"}, {("CHNGOV", "USAGOV", "190"),
                                                         ("CHNGOV", "USAGOV", "057")}),
    ({"country": "ukr"}, {("RUSMIL", "UKRMIL", "190")}),
    ({"country": "PRK"}, {("PRKGOV", "USAGOV", "138")}),
    ({"plover": "assault"}, {("CHNGOV", "USAGOV", "190"), ("RUSMIL", "UKRMIL", "190")}),
    ({"quad": 3}, {("PRKGOV", "USAGOV", "138"), ("USAGOV", "CHNGOV", "111")}),
    ({"min_sources": 2}, {("PRKGOV", "USAGOV", "138")}),
    ({"story": "s2"}, {("CHNGOV", "USAGOV", "190"), ("RUSMIL", "UKRMIL", "190")}),
    ({"article": "a4"}, {("USAGOV", "CHNGOV", "111")}),
    ({"source": "USA_"}, set()),  # LIKE wildcards in user input are literal
])
def test_each_filter(store_path: Path, filters: dict, expected: set) -> None:
    assert codes(query.events(store_path, **filters)) == expected


def test_limit_and_filter_object(store_path: Path) -> None:
    f = query.EventFilter(source="USA", limit=1)
    rows = query.events(store_path, f)
    assert len(rows) == 1 and rows[0]["cameo"] == "111"  # the newest
    assert len(query.events(store_path, f, limit=None)) == 2


def test_bad_filters_raise(store_path: Path) -> None:
    with pytest.raises(ValueError, match="modality"):
        query.events(store_path, modality="maybe")
    with pytest.raises(TypeError, match="unknown filter"):
        query.events(store_path, colour="red")
    with pytest.raises(ValueError, match="output"):
        query.events(store_path, output="xml")


def test_outputs_pandas_arrow_polars(store_path: Path) -> None:
    df = query.events(store_path, output="pandas")
    assert isinstance(df, pd.DataFrame) and list(df.columns) == list(EVENT_FIELDS)
    assert len(df) == 5
    table = query.events(store_path, output="arrow")
    assert isinstance(table, pa.Table) and table.num_rows == 5
    if importlib.util.find_spec("polars") is None:
        with pytest.raises(ImportError, match="polars"):
            query.events(store_path, output="polars")
    else:
        assert query.events(store_path, output="polars").height == 5


def test_merged_counts_and_mentions(store_path: Path) -> None:
    (ev,) = query.events(store_path, source="PRK")
    assert (ev["num_mentions"], ev["num_articles"], ev["num_sources"]) == (2, 2, 2)
    ments = query.mentions(store_path, ev["id"])
    assert [m["article_id"] for m in ments] == ["a1", "a2"]
    assert {m["outlet"] for m in ments} == {"wire", "daily"}


def test_accepts_store_and_connection(store_path: Path) -> None:
    with Store(store_path, read_only=True) as store:
        assert len(query.events(store)) == 5
        assert len(query.events(store.conn)) == 5


def test_articles(store_path: Path) -> None:
    rows = query.articles(store_path)
    assert [r["id"] for r in rows] == ["a1", "a2", "a3", "a4"]
    assert rows[1]["duplicate_of"] == "a1" and rows[1]["story_id"] == "s1"
    assert [r["id"] for r in query.articles(store_path, story="s1")] == ["a1", "a2"]
    assert [r["id"] for r in query.articles(store_path, publisher="daily")] == ["a2", "a3"]
    assert [r["id"] for r in query.articles(store_path, since="2024-03-01")] == ["a3", "a4"]
    assert [r["id"] for r in query.articles(store_path, until="2024-01-10")] == ["a1"]
    assert len(query.articles(store_path, limit=2)) == 2


def test_dyad_monthly_series_both_directions(store_path: Path) -> None:
    df = query.dyad(store_path, "usa", "CHN", output="pandas")
    assert list(df.columns) == list(query.DYAD_COLUMNS)
    months = sorted({str(p)[:7] for p in df["period"]})
    assert months == ["2024-01", "2024-02", "2024-03"]  # February filled with zeros
    by = {(str(r.period)[:7], r.direction): r for r in df.itertuples()}
    jan = by[("2024-01", "USA->CHN")]
    assert (jan.events, jan.quad_1, jan.mean_goldstein) == (1, 1, 1.9)
    mar_ab, mar_ba = by[("2024-03", "USA->CHN")], by[("2024-03", "CHN->USA")]
    assert (mar_ab.events, mar_ab.quad_3, mar_ab.mean_goldstein) == (1, 1, -2.0)
    assert (mar_ba.events, mar_ba.quad_4) == (1, 1)  # the negated 057 is left out
    assert by[("2024-02", "CHN->USA")].events == 0


def test_dyad_options(store_path: Path) -> None:
    rows = query.dyad(store_path, "USA", "CHN", modality="all", since="2024-03-01")
    mar_ba = [r for r in rows if r["direction"] == "CHN->USA"]
    assert len(mar_ba) == 1 and mar_ba[0]["events"] == 2 and mar_ba[0]["mean_goldstein"] == -1.0
    weekly = query.dyad(store_path, "USA", "CHN", freq="week")
    assert all(r["period"].weekday() == 0 for r in weekly)  # weeks start on Monday
    assert sum(r["events"] for r in weekly) == 3
    assert query.dyad(store_path, "USA", "FRA") == []
    with pytest.raises(ValueError):
        query.dyad(store_path, "USA", "CHN", freq="hour")


def test_actors_top(store_path: Path) -> None:
    rows = query.actors_top(store_path)
    assert rows[0]["actor"] == "USAGOV" and rows[0]["events"] == 4
    assert (rows[0]["as_source"], rows[0]["as_target"]) == (2, 2)
    assert rows[0]["mentions"] == 5
    since = {r["actor"]: r["events"] for r in query.actors_top(store_path, since="2024-02-01")}
    assert since == {"USAGOV": 2, "CHNGOV": 2, "RUSMIL": 1, "UKRMIL": 1}
    sources = query.actors_top(store_path, role="source", limit=1)
    assert [(r["actor"], r["as_target"]) for r in sources] == [("USAGOV", 0)]


def test_stories(store_path: Path) -> None:
    rows = query.stories(store_path)
    top = rows[0]
    assert top["story_id"] == "s1" and top["num_articles"] == 2 and top["num_sources"] == 2
    assert top["outlets"] == ["Daily", "Wire"] and top["first_article"] == "a1"
    assert top["title"] == "Threat issued" and top["events"] == 2
    assert [r["story_id"] for r in query.stories(store_path, min_articles=2)] == ["s1"]
    assert {r["story_id"] for r in query.stories(store_path, since="2024-03-01")} == {"s2", "s3"}


def test_two_phase_and_single_phase_queries_agree(store_path: Path) -> None:
    # limit <= TWO_PHASE_MAX picks ids first, then fetches rows; no limit reads rows at once.
    assert query.events(store_path, modality="all", limit=None) == \
        query.events(store_path, modality="all", limit=query.TWO_PHASE_MAX)
    assert query.events(store_path, source="NOBODY") == []


def test_story_filter_finds_events_first_reported_by_another_story() -> None:
    from store.factory import make_event, make_result

    with Store(":memory:") as store:
        store.write_result(make_result("x1", "One.", [make_event()], story_id="sA"))
        store.write_result(make_result("x2", "Two.", [make_event(), make_event("RUSGOV")],
                                       story_id="sB"))
        assert len(query.events(store, story="sA")) == 1
        both = query.events(store, story="sB")
        assert {e["source_code"] for e in both} == {"PRKGOV", "RUSGOV"}
        assert both[0]["story_id"] == "sA" or both[1]["story_id"] == "sA"
        assert {r["story_id"]: r["events"] for r in query.stories(store)} == {"sA": 1, "sB": 2}
