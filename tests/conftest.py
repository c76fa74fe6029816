"""Shared fixtures: the spaCy model is loaded once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = (REPO / ".." / "shared").resolve()
EXAMPLES = REPO / "examples"


def shared_path(*parts: str) -> Path:
    """Return a path under ../shared, skipping the test when it is absent.

    Users' clones do not have ../shared; tests that need it skip with a reason.
    """
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared ({path} is absent in this checkout)")
    return path


@pytest.fixture(scope="session")
def nlp():
    """The default spaCy pipeline, loaded once."""
    from newsevents.nlp import load_nlp

    return load_nlp()


@pytest.fixture()
def db(tmp_path: Path) -> Path:
    """A fresh store path in a temporary folder."""
    return tmp_path / "test.duckdb"
