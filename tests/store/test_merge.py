"""The merge key: the Python twin and the SQL agree, and the key says what is one event."""

from __future__ import annotations

import datetime as dt

import duckdb
import pytest

from newsevents.store.merge import event_day, event_id, event_keys

ROWS = [
    {"date": "2024-03-05", "source_code": "PRKGOV", "target_code": "USAGOV", "cameo": "138"},
    {"date": "2024-03-05T10:00:00Z", "source_code": "PRKGOV", "target_code": "USAGOV",
     "cameo": "138"},
    {"date": "2024-03", "story_id": "s1", "source_code": "RUS", "cameo": "190"},
    {"date": "2024", "article_id": "a1", "source_text": "  Armed Men ", "cameo": "180"},
    {"date": "2024-3-5", "article_id": "a2", "source_code": "", "source_text": "Gunmen"},
    {"date": "2024-02-30", "story_id": "", "article_id": "a3", "cameo": "010"},
    {"date": None, "story_id": None, "article_id": None, "cameo": None, "modality": None},
    {"date": "", "story_id": "s9", "source_text": "Ünïcode Rebels", "modality": "negated"},
    {"date": "yesterday", "story_id": "s9", "target_text": "the|pipe", "cameo": "0"},
]


@pytest.mark.parametrize("scope", ["day", "story"])
def test_python_and_sql_keys_agree(scope: str) -> None:
    conn = duckdb.connect()
    sql = event_keys(conn, ROWS, scope)
    py = [event_id(r, scope) for r in ROWS]
    assert py == sql


def test_same_report_same_id_and_different_reports_differ() -> None:
    a, day = event_id(ROWS[0])
    assert day == dt.date(2024, 3, 5)
    assert event_id(ROWS[1])[0] == a  # a timestamp on the same day
    assert event_id({**ROWS[0], "story_id": "other"})[0] == a  # day scope spans stories
    assert event_id({**ROWS[0], "story_id": "other"}, "story")[0] != event_id(ROWS[0], "story")[0]
    assert event_id({**ROWS[0], "modality": "negated"})[0] != a
    assert event_id({**ROWS[0], "cameo": "1383"})[0] != a
    with pytest.raises(ValueError):
        event_id(ROWS[0], "week")


def test_event_day_reads_only_iso_prefixes() -> None:
    assert event_day("2024-03") == dt.date(2024, 3, 1)
    assert event_day("2024") == dt.date(2024, 1, 1)
    assert event_day("2024-02-30") == dt.date(2024, 2, 1)  # bad day: falls back to the month
    assert event_day("5 March 2024") is None and event_day(None) is None
