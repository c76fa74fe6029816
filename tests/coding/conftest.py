"""Shared fixtures for the coder tests: spaCy loads once per session."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from fake_resolver import FakeResolver  # noqa: E402


@pytest.fixture(scope="session")
def nlp():
    from newsevents.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def lexicon():
    from newsevents.coding import Lexicon

    return Lexicon.load()


@pytest.fixture(scope="session")
def coder(lexicon):
    from newsevents.coding import EventCoder

    return EventCoder(FakeResolver(), lexicon)


@pytest.fixture(scope="session")
def code(nlp, coder):
    """Code one text (article date 2024-03-09, a Saturday) and return its events."""
    def run(text: str, date: str | None = "2024-03-09", **kw):
        return coder.code_doc(nlp(text), date=date, article_id="t1", **kw)
    return run
