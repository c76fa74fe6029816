"""The cue-based remover for plain-text page dumps."""

from __future__ import annotations

import sys
from pathlib import Path

from newsevents.articles.textdump import parse_text

ROOT = Path(__file__).parents[2]
FIXTURES = ROOT / "tests" / "fixtures" / "inputs"


def test_dump_with_chrome_yields_headline_agency_date_and_body():
    parsed = parse_text((FIXTURES / "dump_agency.txt").read_text())
    assert parsed.title == "North Korea fires two ballistic missiles into the sea, Seoul says"
    assert (parsed.agency, parsed.dateline, parsed.published) == ("AP", "Seoul", "2023-03-14")
    assert parsed.publisher == "The Evening Ledger"
    assert parsed.body.startswith("North Korea fired two short-range")
    assert parsed.body.endswith("calls a rehearsal for invasion.")
    for junk in ("You are here", "Topics", "In this photo", "syndicated", "Dear Reader",
                 "Support quality journalism", "RECOMMENDED", "Markets fall", "First Published"):
        assert junk not in parsed.body


def test_plain_article_first_line_is_title():
    parsed = parse_text("Short headline about a vote\n\nThe assembly voted on Monday to approve "
                        "the new budget after a long debate.\nIt passes to the senate next.\n")
    assert parsed.title == "Short headline about a vote"
    assert parsed.body.splitlines() == [
        "The assembly voted on Monday to approve the new budget after a long debate.",
        "It passes to the senate next."]
    assert parsed.kept == [2, 3]


def test_inline_cues_are_dropped_inside_the_body():
    text = "\n".join([
        "Minister resigns over procurement scandal",
        "The defence minister resigned on Friday after an audit found irregularities in "
        "a contract for armoured vehicles.",
        "Also Read: Five things to know about the audit",
        "ADVERTISEMENT",
        "The prime minister accepted the resignation and appointed the interior minister "
        "as acting head of the ministry.",
        "In this file photo, the minister speaks at a press conference in the capital.",
        "Opposition parties called for a full parliamentary inquiry into the deal.",
    ])
    parsed = parse_text(text)
    assert parsed.kept == [1, 4, 6]


def test_repeated_site_phrase_and_standfirst_are_not_the_headline():
    text = "\n".join([
        "The Orbit Times",
        "Storm batters coast, cutting power to thousands",
        "Forecasters say the worst of the wind has passed but warn of flooding in low areas",
        "By Nadia Ferreira",
        "Published: 2 February 2024",
        "A powerful storm battered the coast overnight, cutting power to about 60,000 homes "
        "and toppling trees onto roads, the utility company said on Friday.",
        "Crews were working to restore electricity, but some areas could be without power "
        "until Sunday, officials said.",
        "Subscribe to The Orbit Times for unlimited access.",
    ])
    parsed = parse_text(text)
    assert parsed.title == "Storm batters coast, cutting power to thousands"
    assert parsed.published == "2024-02-02"
    assert parsed.authors == ["Nadia Ferreira"]
    assert parsed.publisher == "The Orbit Times"
    assert parsed.kept == [5, 6]


def test_hard_wrapped_dump_is_reflowed():
    text = (FIXTURES.parent.parent.parent / "benchmarks" / "data" / "textdumps" /
            "32-wrapped-lynx.txt").read_text()
    parsed = parse_text(text)
    assert parsed.title == "Drought prompts water restrictions across three counties"
    assert len(parsed.body.splitlines()) == 3
    assert "lowest level in more than a decade" in parsed.body


def test_no_prose_keeps_first_line_as_title():
    parsed = parse_text("Results\nTeam A 3\nTeam B 1\n")
    assert parsed.title == "Results"
    assert parsed.body == "Team A 3\nTeam B 1"


def test_dev_set_benchmark_stays_high(capsys):
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        import textdumps
    finally:
        sys.path.pop(0)
    assert textdumps.main([]) == 0
    out = capsys.readouterr().out
    scores = {line.split()[0]: line for line in out.splitlines()}
    boiler = scores["boilerplate"].split()
    precision, recall = float(boiler[2][2:]), float(boiler[3][2:])
    assert precision >= 0.95 and recall >= 0.95
    title = float(scores["title"].split()[2])
    assert title >= 0.9


def test_run_of_captions_inside_the_body_does_not_split_it():
    text = "\n".join([
        "Bridge reopens after repairs",
        "The city's main bridge reopened to traffic on Monday after eight months of repairs "
        "that cost more than expected.",
        "Photo: Workers finish the last section of the deck on Sunday.",
        "ADVERTISEMENT",
        "Also read: How the bridge was built",
        "In this photo provided by the city, the bridge is lit up at night.",
        "The mayor said the repairs would extend the bridge's life by at least forty years.",
        "Engineers will inspect it again next spring.",
    ])
    assert parse_text(text).kept == [1, 6, 7]
