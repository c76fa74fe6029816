"""Coding policy in CAMEO terms: which codes pair up, announce, refine or stay at home.

Small tables the extractor consults after the lexicon has named an act; each says
why in a comment. Nothing here looks at text.
"""

from __future__ import annotations

# Verbs announcing an act, and the code families the announced act may take.
COMP_FAMILIES = {
    "threaten": ("13",), "warn": ("13",), "menace": ("13",),
    "vow": ("13", "03"), "swear": ("13", "03"), "pledge": ("03", "13"),
    "promise": ("03",), "agree": ("03",), "offer": ("03",), "commit": ("03",),
    "volunteer": ("03",), "express": ("03",), "voice": ("03",), "announce": ("03", "13"),
}

# Codes whose coordinated doers act on each other when no other target is named.
SYMMETRIC = ("040", "041", "044", "046", "057", "06", "0871", "03", "190", "054", "161", "164",
             "0841")

# ... except announcements and handovers that only go one way even between several parties.
ONE_WAY = ("033", "0331", "0332", "0333", "0334", "035", "0353")

# Acts that hit places (aid, sanctions, coercion, violence): the place's country is the target.
PLACE_TARGET_ROOTS = ("07", "16", "17", "18", "19", "20")

# Acts usually done at home (investigations, criticism, coercion): a target named without a
# country ("protesters", "villagers") belongs to the doer's country.
DOMESTIC_ROOTS = ("09", "11", "17")

# Sectors that are not political actors on their own: firms and criminals.
NONPOLITICAL = {"CRM", "BUS"}

# Non-state sectors: when they fight or protest, it is usually at home.
NONSTATE = {"REB", "OPP", "INS", "SEP", "CVL", "CRM", "UAF", "REF", "LAB", "EDU", "MOD", "RAD"}

# Doers named without a country ("families of the hostages appealed to ...") are usually
# at home for these kinds of act.
LOCAL_DOER_ROOTS = ("02", "09", "10", "11", "12", "14", "17")

# What a protest demands -> the last digit of its CAMEO code (1411 leadership ... 1414 regime).
DEMAND_AIMS = {"1041": "1", "1042": "2", "1043": "3", "1044": "4", "104": "",
               "024": "", "100": ""}

# A negated act that is an act of its own: "did not comment" declines to comment.
NEGATED_AS = {"010": "011"}

# A refused or failed act of cooperation is a rejection (CAMEO root 12): "failed to reach
# agreement", "will not meet their demands". Longest prefix first; hostile acts are absent
# ("will not attack" is a negated attack, not a refusal).
REFUSED_AS = [
    ("081", "1241"), ("082", "1242"), ("083", "123"), ("084", "1243"), ("085", "1244"),
    ("086", "1245"), ("087", "1246"), ("08", "124"), ("04", "125"), ("057", "127"),
    ("05", "120"), ("06", "121"), ("07", "122"), ("03", "120"),
]


def refused_code(code: str) -> str | None:
    """The rejection code for refusing a cooperative act, or None (not a refusal code)."""
    for prefix, refused in REFUSED_AS:
        if code.startswith(prefix):
            return refused
    return None


# Modal of obligation in reported speech -> the demand or appeal it voices.
OBLIGATION = {"must": "100", "should": "020", "ought": "020"}

# Intent codes for an actor's announcement of its own future act (CAMEO 03x / 13x).
INTENT = [
    ("0831", "0341"), ("0841", "0353"), ("0842", "0353"), ("081", "0351"), ("082", "0352"),
    ("083", "034"), ("084", "0353"), ("085", "0354"), ("086", "0355"), ("087", "0356"),
    ("08", "035"), ("045", "039"), ("04", "036"), ("061", "0311"), ("062", "0312"),
    ("063", "0313"), ("064", "0314"), ("06", "031"), ("071", "0331"), ("072", "0332"),
    ("073", "0333"), ("074", "0334"), ("07", "033"), ("05", "032"), ("14", "133"),
    ("161", "1313"), ("162", "1311"), ("163", "1312"), ("164", "134"), ("165", "135"),
    ("166", "136"), ("16", "131"), ("1721", "1321"), ("1722", "1322"), ("1723", "1323"),
    ("1724", "1324"), ("172", "132"), ("17", "137"), ("191", "1381"), ("192", "1382"),
    ("204", "1385"), ("15", "138"), ("18", "138"), ("19", "138"), ("20", "138"),
]


def intent_code(code: str) -> str:
    """Map an act to the code of announcing it: "190" (fight) -> "138" (threaten force).

    Codes with no intent counterpart (statements, appeals, demands, threats) are
    returned unchanged.
    """
    for prefix, intent in INTENT:
        if code.startswith(prefix):
            return intent
    return code
