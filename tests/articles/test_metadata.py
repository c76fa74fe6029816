"""Metadata helpers: agencies, datelines, authors, dates, language."""

from __future__ import annotations

import pytest

from newsevents.articles.metadata import (
    detect_language,
    find_agency,
    normalize_date,
    parse_agency_line,
    parse_dateline,
    split_authors,
)


@pytest.mark.parametrize(("text", "expected"), [
    ("SEOUL (AP) — North Korea", ("Seoul", "AP")),
    ("SEOUL, South Korea (AP) — North Korea", ("Seoul", "AP")),
    ("NEW YORK, June 3 (Reuters) - Stocks", ("New York", "Reuters")),
    ("Paris (AFP) - France", ("Paris", "AFP")),
    ("PYONGYANG, June 3 (KCNA) -- The", ("Pyongyang", "KCNA")),
    ("MOSCOW, October 4. /TASS/ - Foreign", ("Moscow", "TASS")),
    ("Lima, Mar 15 (EFE).- The government", ("Lima", "EFE")),
    ("WASHINGTON — The Senate", ("Washington", None)),
    ("The minister said on Monday", (None, None)),
    ("US — and its allies", (None, None)),
])
def test_parse_dateline(text, expected):
    city, agency, _ = parse_dateline(text)
    assert (city, agency) == expected


@pytest.mark.parametrize(("line", "expected"), [
    ("AP | Seoul", ("AP", "Seoul")),
    ("Seoul | AFP", ("AFP", "Seoul")),
    ("Anadolu Agency | Sarajevo", ("Anadolu", "Sarajevo")),
    ("Home | World", (None, None)),
])
def test_agency_lines(line, expected):
    assert parse_agency_line(line) == expected


def test_agency_only_from_credit_positions():
    assert find_agency("Talks went on.\nCopyright 2021 The Associated Press. All rights "
                       "reserved.") == "AP"
    assert find_agency("The meeting ended.\n— Reuters") == "Reuters"
    # Quoting a state agency is not being credited to it.
    assert find_agency("The talks failed, KCNA said, and Xinhua reported protests.") is None


def test_authors_are_people_not_organisations():
    assert split_authors("By Jane Doe and John Roe | Reuters") == ["Jane Doe", "John Roe"]
    assert split_authors("AP Staff") == []
    assert split_authors("Reuters") == []
    assert split_authors("Harbour Gazette Newsroom") == []
    assert split_authors("Kim Min-ji, Yonhap") == ["Kim Min-ji"]
    assert split_authors("Ana Petrovic; Editorial Board") == ["Ana Petrovic"]


@pytest.mark.parametrize(("raw", "iso"), [
    ("2021-06-18T08:39:00Z", "2021-06-18"),
    ("First Published: Fri, June 18 2021. 08:39 IST", "2021-06-18"),
    ("18 Sept 2021", "2021-09-18"),
    ("Nov. 3, 2022", "2022-11-03"),
    ("18.10.2022", "2022-10-18"),
    ("18/10/2022", "2022-10-18"),
    ("03/04/2022", None),  # day-month order unknowable
    ("2021-02-30", None),
    ("yesterday", None),
    (None, None),
])
def test_normalize_date(raw, iso):
    assert normalize_date(raw) == iso


def test_language_detection():
    assert detect_language("The president met with foreign ministers on Tuesday to discuss "
                           "new sanctions against the regime.") == "en"
    assert detect_language("Der Präsident traf sich am Dienstag mit den Außenministern, um "
                           "über neue Sanktionen zu sprechen.") == "de"
    assert detect_language("Hi") is None
