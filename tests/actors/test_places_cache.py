"""The gazetteer cache: never crashes when no folder can be written, survives corrupt files."""

from __future__ import annotations

import marshal
import tempfile
from pathlib import Path

import pytest

from newsevents.actors import places

FAKE = {("testville",): ("Testville", "KEN", -1.0, 36.0, 20000)}


@pytest.fixture
def fresh(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """No in-process copy, a tiny fake gazetteer (the real one takes ~1 s), count builds."""
    monkeypatch.setattr(places, "_MEMO", {})
    builds: list[int] = []

    def build() -> dict:  # type: ignore[type-arg]
        builds.append(1)
        return dict(FAKE)

    monkeypatch.setattr(places, "_build_city_index", build)
    return builds


def _unwritable(tmp_path: Path) -> Path:
    # A path below a regular file cannot be created, even by root (tests may run as root,
    # for whom chmod-based read-only folders are still writable).
    blocker = tmp_path / "blocker"
    blocker.write_text("not a folder")
    return blocker / "cache"


def test_cache_written_then_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                 fresh: list[int]) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path / "c"))
    assert places.load_city_index() == FAKE
    assert len(list((tmp_path / "c").glob("places-*.marshal"))) == 1
    monkeypatch.setattr(places, "_MEMO", {})
    assert places.load_city_index() == FAKE
    assert len(fresh) == 1  # the second process-equivalent read the file


def test_unwritable_home_falls_back_to_temp_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                fresh: list[int]) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(_unwritable(tmp_path)))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(tmp_path / "tmp"))
    assert places.load_city_index() == FAKE
    assert list((tmp_path / "tmp").glob("newsevents-cache-*/places-*.marshal"))


def test_nothing_writable_stays_in_memory(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                          fresh: list[int]) -> None:
    monkeypatch.delenv("NEWSEVENTS_CACHE", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    monkeypatch.setattr(tempfile, "gettempdir", lambda: str(_unwritable(tmp_path)))
    assert places.load_city_index() == FAKE
    assert places.load_city_index() == FAKE
    assert len(fresh) == 1  # built once per process, then kept in memory
    assert not list(tmp_path.rglob("*.marshal"))


def test_corrupt_cache_is_rebuilt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  fresh: list[int]) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE", str(tmp_path))
    name = places.cache_name()
    (tmp_path / name).write_bytes(b"\x00garbage")
    assert places.load_city_index() == FAKE
    monkeypatch.setattr(places, "_MEMO", {})
    (tmp_path / name).write_bytes(marshal.dumps({"wrong": "shape"}))
    assert places.load_city_index() == FAKE
    assert len(fresh) == 2


def test_cache_name_follows_the_stop_list(monkeypatch: pytest.MonkeyPatch) -> None:
    # A cache built before a word joined the stop list must not be reused (it still holds
    # the word as a town: "Federal" read as Federal, Argentina).
    before = places.cache_name()
    monkeypatch.setattr(places, "_NOT_PLACES", places._NOT_PLACES | {"someword"})
    assert places.cache_name() != before
