"""Judging resolved actors: who counts as a party, who speaks for whom, filling countries.

The resolver (newsevents.actors) turns phrases into `Actor`s; these helpers decide
what the coder does with them. Pure functions over `model.Actor`.
"""

from __future__ import annotations

from dataclasses import replace

from ..model import Actor
from .codes import NONPOLITICAL

# Sectors of a state's own organs (None: the state named bare).
_STATE_SECTORS = {None, "GOV", "MIL", "COP", "SPY", "LEG", "JUD"}


def labels(actor: Actor) -> list[str]:
    """The resolver's evidence for an actor: "country:Iran", "sector:police", ..."""
    return [p.strip() for p in (actor.matched or "").split(";") if p.strip()]


def ok(actor: Actor | None, places: bool = False) -> Actor | None:
    """Keep actors: a code, a country or at least a sector; never a bare place.

    "in Leh" or "the Istanbul talks" name places, not actors: a resolution that
    rests only on a town or region (and names no sector) is refused.
    """
    if actor is None:
        return None
    if not actor.sector and not places:
        parts = labels(actor)
        if parts and all(p.startswith(("place:", "region:")) for p in parts):
            return None
    if actor.code or actor.country or actor.sector:
        return actor
    return None


def political(actor: Actor) -> bool:
    """A state, an organisation or a political sector (not a firm, a gang or bystanders)."""
    if actor.sector:
        return actor.sector not in NONPOLITICAL and actor.sector != "CVL"
    parts = labels(actor)
    # "two rhinos in a national park in South Africa" is placed, not political.
    located = any(f" {w} " in f" {actor.text.lower()} " for w in ("in", "at", "near", "across"))
    return bool(actor.code) and not located and not all(
        p.startswith(("place:", "region:")) for p in parts)


def fill(actor: Actor, country: str | None) -> Actor:
    """Give a sector-only actor ("protesters", "police") a country from context."""
    if any(p.startswith("parties:") for p in labels(actor)):
        return actor  # "both governments": the parties named before, not one country's
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


def named_victim(actor: Actor) -> bool:
    """A victim named as a political body or by nationality, not only by where they were."""
    if political(actor):
        return True
    parts = labels(actor)
    if not parts:  # a resolver that gives no evidence: its country stands
        return bool(actor.country)
    return bool(actor.country) and any(
        p.startswith(("country:", "demonym:", "people:", "org:")) for p in parts)


def own_country(src: Actor, tgt: Actor) -> bool:
    """A state doer's target that is only its own country, named bare ("China", "Russia").

    Rebels, opposition and citizens do address their own state ("rebels said the
    government must agree"); a state's own organs do not.
    """
    return bool(src.country) and src.sector in _STATE_SECTORS and tgt.country == src.country \
        and not tgt.sector and (tgt.code or "") == tgt.country
