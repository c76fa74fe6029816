"""A small store with known events, shared by the query, export and CLI tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.store import Store
from store.factory import make_event, make_result


def fill(store: Store) -> None:
    """Write four articles (three stories) with known events."""
    store.write_result(make_result(
        "a1", "Wire copy. Pyongyang threatened Washington.", [
            make_event("PRKGOV", "USAGOV", "138", "2024-01-10", goldstein=-7.0,
                       location_name="Pyongyang", location_country="PRK",
                       latitude=39.03, longitude=125.75),
            make_event("USAGOV", "CHNGOV", "042", "2024-01-15", sentence_index=1,
                       goldstein=1.9, quad_class=1, plover="CONSULT"),
        ], publisher="Wire", url="https://wire.example/a1", story_id="s1",
        published="2024-01-10", title="Threat issued"))
    store.write_result(make_result(
        "a2", "Daily copy. Pyongyang threatened Washington.", [
            make_event("PRKGOV", "USAGOV", "138", "2024-01-10", goldstein=-7.0),
        ], publisher="Daily", story_id="s1", duplicate_of="a1", published="2024-01-11"))
    store.write_result(make_result(
        "a3", "Clashes. Beijing and Washington.", [
            make_event("CHNGOV", "USAGOV", "190", "2024-03-02", goldstein=-10.0, quad_class=4,
                       plover="ASSAULT"),
            make_event("CHNGOV", "USAGOV", "057", "2024-03-02", modality="negated",
                       goldstein=8.0, quad_class=1, plover="AGREE"),
            make_event("RUSMIL", "UKRMIL", "190", "2024-02-20", goldstein=-10.0, quad_class=4,
                       plover="ASSAULT"),
        ], publisher="Daily", story_id="s2", published="2024-03-02"))
    store.write_result(make_result(
        "a4", "Demands. Washington demanded.", [
            make_event("USAGOV", "CHNGOV", "111", "2024-03-20", goldstein=-2.0, quad_class=3,
                       plover="ACCUSE"),
        ], publisher="Herald", story_id="s3", published="2024-03-20"))


@pytest.fixture(scope="module")
def store_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("query") / "q.duckdb"
    with Store(path, snapshot_every=None) as store:
        fill(store)
    return path
