"""Judging resolved actors: who counts as a party, who speaks for whom, filling countries.

The resolver (newsevents.actors) turns phrases into `Actor`s; these helpers decide
what the coder does with them. Pure functions over `model.Actor`.
"""

from __future__ import annotations

from dataclasses import replace

from ..actors.text import names_the_parties
from ..model import Actor
from .codes import NONPOLITICAL


def ok(actor: Actor | None, places: bool = False) -> Actor | None:
    """Keep actors: a code, a country or at least a sector; never a bare place.

    "in Leh" or "the Istanbul talks" name places, not actors: a resolution that
    rests only on a town or region (and names no sector) is refused.
    """
    if actor is None:
        return None
    if not actor.sector and not places:
        parts = [p.strip() for p in (actor.matched or "").split(";") if p.strip()]
        if parts and all(p.startswith(("place:", "region:")) for p in parts):
            return None
    if actor.code or actor.country or actor.sector:
        return actor
    return None


def political(actor: Actor) -> bool:
    """A state, an organisation or a political sector (not a firm, a gang or bystanders)."""
    if actor.sector:
        return actor.sector not in NONPOLITICAL and actor.sector != "CVL"
    parts = [p.strip() for p in (actor.matched or "").split(";") if p.strip()]
    # "two rhinos in a national park in South Africa" is placed, not political.
    located = any(f" {w} " in f" {actor.text.lower()} " for w in ("in", "at", "near", "across"))
    return bool(actor.code) and not located and not all(
        p.startswith(("place:", "region:")) for p in parts)


def fill(actor: Actor, country: str | None) -> Actor:
    """Give a sector-only actor ("protesters", "police") a country from context."""
    if names_the_parties(actor.text):
        return actor
    if actor.country or actor.code or not country or not actor.sector:
        return actor
    return replace(actor, country=country, code=country + actor.sector)


def same_party(a: Actor, b: Actor) -> bool:
    """True when a reporter speaks for the actor (same country, or same organisation code)."""
    if a.country and b.country:
        return a.country == b.country
    return bool(a.code and b.code and a.code[:3] == b.code[:3])


def same(a: Actor, b: Actor) -> bool:
    if a.code and b.code:
        return a.code == b.code and a.text == b.text
    return a.text == b.text
