"""Shared fixtures for the actor tests: one resolver and one spaCy pipeline per session."""

from __future__ import annotations

import pytest

from newsevents.actors import ActorResolver


@pytest.fixture(scope="session")
def resolver() -> ActorResolver:
    return ActorResolver.load()


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from newsevents.nlp import load_nlp

    return load_nlp()
