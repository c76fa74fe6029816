"""Relative date expressions against an article date (pure functions)."""

from __future__ import annotations

from datetime import date

import pytest

from newsevents.coding.dates import parse_iso, resolve

SAT = date(2024, 3, 9)  # a Saturday


@pytest.mark.parametrize("expr,forward,expected", [
    ("on Thursday", False, (date(2024, 3, 7), "day")),
    ("Thursday", True, (date(2024, 3, 14), "day")),
    ("last Saturday", False, (date(2024, 3, 2), "day")),
    ("yesterday", False, (date(2024, 3, 8), "day")),
    ("today", False, (SAT, "day")),
    ("last week", False, (date(2024, 2, 26), "month")),
    ("last month", False, (date(2024, 2, 1), "month")),
    ("earlier this month", False, (date(2024, 3, 1), "month")),
    ("last year", False, (date(2023, 1, 1), "year")),
    ("In March", False, (date(2024, 3, 1), "month")),
    ("in November", False, (date(2023, 11, 1), "month")),
    ("in November", True, (date(2024, 11, 1), "month")),
    ("March 3", False, (date(2024, 3, 3), "day")),
    ("June 5, 2021", False, (date(2021, 6, 5), "day")),
    ("in 2019", False, (date(2019, 1, 1), "year")),
])
def test_resolve(expr, forward, expected):
    assert resolve(expr, SAT, forward=forward) == expected


def test_unplaceable_expressions():
    assert resolve("the coming days", SAT) is None
    assert resolve("on Thursday", None) is None
    assert resolve("February 30, 2021", SAT) is None


def test_parse_iso():
    assert parse_iso("2024-03-09T10:00:00Z") == SAT
    assert parse_iso("not a date") is None and parse_iso(None) is None


@pytest.mark.parametrize("expr,expected", [
    ("18 years ago", (date(2006, 1, 1), "year")),
    ("two months ago", (date(2024, 1, 1), "month")),
    ("three days ago", (date(2024, 3, 6), "day")),
    ("a week ago", (date(2024, 2, 26), "month")),
])
def test_so_long_ago(expr, expected):
    assert resolve(expr, SAT) == expected


def test_an_act_set_back_in_time_by_its_own_sentence_gets_that_date(code):
    (ev,) = code("Thousands of Russian troops remain in Syria, eight years after Russia "
                 "attacked Ukraine.")
    assert (ev.date, ev.date_precision) == ("2016-01-01", "year")
    (ev,) = code("Israel seized the territory from Egypt in the 1967 Six-Day War.")
    assert (ev.date, ev.date_precision) == ("1967-01-01", "year")
