"""`newsevents actor` and `newsevents actors list|check`, on a small Typer app."""

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


def _actor_cli():  # type: ignore[no-untyped-def]
    """Import newsevents.cli.actor; if the CLI package's other modules are not all there yet
    (they are written in parallel), import just this module under a bare package."""
    try:
        return importlib.import_module("newsevents.cli.actor")
    except ImportError:
        saved = {k: v for k, v in sys.modules.items() if k.startswith("newsevents.cli")}
        for key in saved:
            del sys.modules[key]
        pkg = types.ModuleType("newsevents.cli")
        pkg.__path__ = [str(Path(newsevents.__file__).parent / "cli")]  # type: ignore[attr-defined]
        sys.modules["newsevents.cli"] = pkg
        try:
            return importlib.import_module("newsevents.cli.actor")
        finally:
            for key in [k for k in sys.modules if k.startswith("newsevents.cli")]:
                del sys.modules[key]
            sys.modules.update(saved)


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    app = typer.Typer()
    _actor_cli().register(app)
    return app


runner = CliRunner()


def test_actor_text_jsonl(app: typer.Typer) -> None:
    result = runner.invoke(app, ["actor", "Kim's military", "--date", "2019-06-30",
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    row = json.loads(result.stdout.strip())
    assert list(row) == ["text", "code", "country", "sector", "name", "role", "matched"]
    assert (row["code"], row["country"], row["sector"]) == ("PRKMIL", "PRK", "MIL")


def test_actor_unresolved_is_null(app: typer.Typer) -> None:
    result = runner.invoke(app, ["actor", "an unnamed source", "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows[0]["code"] is None and rows[0]["text"] == "an unnamed source"


def test_actor_table(app: typer.Typer) -> None:
    result = runner.invoke(app, ["actor", "the Pentagon"])
    assert result.exit_code == 0 and "USAMIL" in result.stdout


def test_actor_input_file_with_ids_and_bad_lines(app: typer.Typer, tmp_path: Path) -> None:
    path = tmp_path / "in.jsonl"
    path.write_text(
        json.dumps({"id": "a1", "text": "Donald Trump", "date": "2023-03-01"}) + "\n"
        + "{not json\n"
        + json.dumps({"id": "a3", "nottext": 1}) + "\n"
        + json.dumps({"id": "a4", "text": "Donald Trump"}) + "\n",
        encoding="utf-8")
    result = runner.invoke(app, ["actor", "--input", str(path), "--date", "2019-01-01",
                                 "--format", "jsonl"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")
            and '"input_id"' in line]
    assert [(r["input_id"], r["code"]) for r in rows] == [("a1", "USAELI"), ("a4", "USAGOV")]
    assert "bad_json" in result.output and "bad_record" in result.output


def test_actor_needs_text_or_input(app: typer.Typer) -> None:
    assert runner.invoke(app, ["actor"]).exit_code != 0
    assert runner.invoke(app, ["actor", "x", "--date", "2020-13-45"]).exit_code != 0
    assert runner.invoke(app, ["actor", "x", "--format", "xml"]).exit_code != 0


def test_actor_with_user_file(app: typer.Typer, tmp_path: Path) -> None:
    extra = tmp_path / "orgs.tsv"
    extra.write_text("id\tcode\tcountry\tsector\tstart\tend\tnames\n"
                     "NORTHWIND\tESTREB\tEST\tREB\t\t\tNorthwind Brigade\n", encoding="utf-8")
    result = runner.invoke(app, ["actor", "the Northwind Brigade", "--actors", str(extra),
                                 "-f", "jsonl"])
    assert json.loads(result.stdout)["code"] == "ESTREB"


def test_actors_list(app: typer.Typer) -> None:
    result = runner.invoke(app, ["actors", "list", "--kind", "org", "--search", "taliban",
                                 "--format", "jsonl"])
    assert result.exit_code == 0
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert rows and all(r["kind"] == "org" for r in rows)
    assert any("AFGGOV" in r["code"] for r in rows)
    assert runner.invoke(app, ["actors", "list", "--kind", "planet"]).exit_code != 0


def test_actors_check_bundled_and_bad_file(app: typer.Typer, tmp_path: Path) -> None:
    ok = runner.invoke(app, ["actors", "check", "--errors-only"])
    assert ok.exit_code == 0, ok.output
    assert "0 errors" in ok.stdout
    bad = tmp_path / "people.tsv"
    bad.write_text("name\taliases\tcountry\trole\tstart\tend\n"
                   "Aster Vell\t\tQQQ\thead_of_state\t2010-01-01\t\n", encoding="utf-8")
    result = runner.invoke(app, ["actors", "check", str(bad)])
    assert result.exit_code == 1
    assert f"{bad}:2: error: unknown country code 'QQQ'" in result.stdout
    assert runner.invoke(app, ["actors", "check", str(tmp_path / "nope.tsv")]).exit_code == 2


def test_actor_reports_problems_in_user_files(app: typer.Typer, tmp_path: Path) -> None:
    extra = tmp_path / "people.tsv"
    extra.write_text("name\taliases\tcountry\trole\tstart\tend\n"
                     "Aster Vell\t\tQQQ\thead_of_state\t2010-01-01\t\n", encoding="utf-8")
    result = runner.invoke(app, ["actor", "Aster Vell", "--actors", str(extra), "-f", "jsonl"])
    assert result.exit_code == 0
    assert f"{extra}:2: error: unknown country code 'QQQ'" in result.output
