"""`newsevents code` on its own Typer app (the root app is wired by the lead)."""

from __future__ import annotations

import importlib
import json
import sys
import types
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import newsevents


@pytest.fixture()
def app():
    """A Typer app with only our `code` command.

    `newsevents.cli`'s __init__ imports every command module; while some are
    still being written elsewhere, load ours through a bare package object and
    drop it again afterwards.
    """
    before = set(sys.modules)
    try:
        mod = importlib.import_module("newsevents.cli.code")
    except ImportError:
        for k in [k for k in sys.modules if k.startswith("newsevents.cli")]:
            del sys.modules[k]
        pkg = types.ModuleType("newsevents.cli")
        pkg.__path__ = [str(Path(newsevents.__file__).parent / "cli")]
        sys.modules["newsevents.cli"] = pkg
        mod = importlib.import_module("newsevents.cli.code")
    application = typer.Typer()
    mod.register(application)
    application.command("noop")(lambda: None)  # keep Typer in multi-command mode
    yield application
    for k in set(sys.modules) - before:
        if k.startswith("newsevents.cli"):
            del sys.modules[k]


def test_acceptance_sentence(app):
    res = CliRunner().invoke(app, ["code", "North Korea threatened the United States on Monday.",
                                   "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert any(r["source_country"] == "PRK" and r["target_country"] == "USA"
               and r["cameo_root"] == "13" for r in rows)


def test_input_file_carries_input_ids_and_survives_bad_lines(app, tmp_path):
    f = tmp_path / "in.jsonl"
    f.write_text('{"id": "x1", "text": "Iran attacked Israel on Friday.", "date": "2024-03-09"}\n'
                 "not json\n"
                 '{"id": "x2"}\n'
                 '{"id": "x3", "text": "The weather was mild in Paris."}\n', encoding="utf-8")
    res = CliRunner().invoke(app, ["code", "--input", str(f), "--format", "jsonl"])
    assert res.exit_code == 0, res.output
    rows = [json.loads(line) for line in res.stdout.splitlines() if line.startswith("{")]
    assert [(r["input_id"], r["cameo"], r["date"]) for r in rows] == [("x1", "190", "2024-03-08")]


def test_bad_date_is_refused(app):
    res = CliRunner().invoke(app, ["code", "Iran attacked Israel.", "--date", "yesterday"])
    assert res.exit_code != 0
