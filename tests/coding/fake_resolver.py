"""A tiny stand-in for the actor resolver, for coder tests only.

It knows a handful of invented-for-test names (real country names with their
ISO codes, a few sectors) so coder tests do not depend on the actors package.
"""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.model import Actor

_COUNTRIES = {
    "north korea": "PRK", "pyongyang": "PRK", "the north": "PRK", "north korean": "PRK",
    "united states": "USA", "the united states": "USA", "washington": "USA", "u.s.": "USA",
    "american": "USA", "south korea": "KOR", "seoul": "KOR", "south korean": "KOR",
    "iran": "IRN", "tehran": "IRN", "iranian": "IRN", "israel": "ISR", "israeli": "ISR",
    "india": "IND", "indian": "IND", "pakistan": "PAK", "pakistani": "PAK",
    "china": "CHN", "beijing": "CHN", "chinese": "CHN", "japan": "JPN", "tokyo": "JPN",
    "japanese": "JPN", "russia": "RUS", "moscow": "RUS", "russian": "RUS", "ukraine": "UKR",
    "kyiv": "UKR", "ukrainian": "UKR", "france": "FRA", "brazil": "BRA", "germany": "DEU",
    "egypt": "EGY", "cairo": "EGY", "turkey": "TUR", "syria": "SYR", "kim": "PRK",
}
_SECTORS = {
    "government": "GOV", "president": "GOV", "minister": "GOV", "ministry": "GOV",
    "army": "MIL", "military": "MIL", "troops": "MIL", "navy": "MIL", "forces": "MIL",
    "police": "COP", "protesters": "OPP", "rebels": "REB", "media": "MED", "leader": "GOV",
    "diplomats": "GOV", "ships": "MIL", "embassy": "GOV", "officials": "GOV",
}
_IGOS = {"g7": "IGOG7", "the g7": "IGOG7", "united nations": "IGOUNO", "the un": "IGOUNO",
         "un": "IGOUNO", "nato": "IGONAT"}


@dataclass
class Place:
    name: str
    country: str | None
    latitude: float | None
    longitude: float | None


class FakeResolver:
    """Resolves the names above; everything else is unresolved (None)."""

    def new_context(self, date: str | None, dateline: str | None = None) -> dict:
        return {"date": date, "dateline": dateline}

    def resolve_span(self, span, ctx) -> Actor | None:
        text = span.text.strip()
        low = text.lower().replace("'s", "").strip()
        for name, code in sorted(_IGOS.items(), key=lambda kv: -len(kv[0])):
            if low == name or low.endswith(" " + name) or low.startswith(name + " "):
                return Actor(text=text, code=code, country=None, sector=None)
        country = "USA" if "US" in text.split() else None  # "the US", never the pronoun "us"
        for name, code in sorted(_COUNTRIES.items(), key=lambda kv: -len(kv[0])):
            if country:
                break
            if name in low.split(" ") or f" {name} " in f" {low} ":
                country = code
                break
        sector = next((s for w, s in _SECTORS.items() if w in low.split()), None)
        if country is None and sector is None:
            return None
        if country is None and ctx.get("dateline"):
            country = _COUNTRIES.get(ctx["dateline"].lower())
        if country is None and sector in ("OPP", "COP", "MED", "REB"):
            return Actor(text=text, code=sector, country=None, sector=sector)
        if country is None:
            return None
        return Actor(text=text, code=country + (sector or ""), country=country, sector=sector)

    def locate(self, sent, ctx):
        for ent in sent.ents:
            if ent.label_ == "GPE" and ent.text.lower() in ("tehran", "seoul", "cairo"):
                return Place(ent.text, _COUNTRIES[ent.text.lower()], 1.0, 2.0)
        return None
