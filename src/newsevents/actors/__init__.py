"""Actors and places: the knowledge base and the resolver.

    from newsevents.actors import ActorResolver, Place
    resolver = ActorResolver.load()
    ctx = resolver.new_context("2019-06-30", dateline="PANMUNJOM")
    resolver.resolve_text("North Korean leader Kim Jong Un", "2019-06-30").code  # "PRKGOV"
"""

from __future__ import annotations

from .kb import KnowledgeBase
from .places import Place
from .resolver import ActorContext, ActorResolver
from .tables import Problem

__all__ = ["ActorContext", "ActorResolver", "KnowledgeBase", "Place", "Problem"]
