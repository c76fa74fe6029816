"""The query and export commands, through Typer's test runner."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pytest
import typer
from typer.testing import CliRunner

from newsevents.cli.query import register


@pytest.fixture(scope="module")
def app() -> typer.Typer:
    root = typer.Typer()
    register(root)
    from newsevents.cli import common

    common.stdout.width = 200  # tables fold long cells in an 80-column test terminal
    return root


runner = CliRunner()


def run(app: typer.Typer, *args: str) -> str:
    result = runner.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_events_formats_and_filters(app: typer.Typer, store_path: Path) -> None:
    db = str(store_path)
    table = run(app, "events", "--db", db)
    assert "PRKGOV" in table and "ASSAULT" in table and "2024-03-20" in table
    lines = run(app, "events", "--db", db, "--format", "jsonl").splitlines()
    assert len(lines) == 5 and json.loads(lines[0])["modality"] == "asserted"
    rows = list(csv.DictReader(io.StringIO(run(app, "events", "--db", db, "--format", "csv",
                                               "--quad", "4"))))
    assert {r["cameo"] for r in rows} == {"190"}
    picked = [json.loads(x) for x in run(
        app, "events", "--db", db, "--format", "jsonl", "--source", "CHN", "--target", "USA",
        "--since", "2024-03-01", "--until", "2024-03-31", "--root", "05", "--modality",
        "negated", "--country", "CHN", "--plover", "AGREE", "--min-sources", "1",
        "--story", "s2", "--limit", "5").splitlines()]
    assert [p["cameo"] for p in picked] == ["057"]


def test_events_bad_input(app: typer.Typer, store_path: Path, tmp_path: Path) -> None:
    bad_date = runner.invoke(app, ["events", "--db", str(store_path), "--since", "March"])
    assert bad_date.exit_code != 0
    bad_mod = runner.invoke(app, ["events", "--db", str(store_path), "--modality", "perhaps"])
    assert bad_mod.exit_code != 0
    missing = runner.invoke(app, ["events", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no store" in missing.output


def test_articles(app: typer.Typer, store_path: Path) -> None:
    lines = run(app, "articles", "--db", str(store_path), "--format", "jsonl").splitlines()
    assert [json.loads(x)["id"] for x in lines] == ["a1", "a2", "a3", "a4"]
    assert "duplicate_of" in run(app, "articles", "--db", str(store_path))


def test_dyad_formats(app: typer.Typer, store_path: Path, tmp_path: Path) -> None:
    db = str(store_path)
    data = json.loads(run(app, "dyad", "USA", "CHN", "--db", db, "--format", "json"))
    assert {d["direction"] for d in data} == {"USA->CHN", "CHN->USA"}
    assert sum(d["events"] for d in data) == 3
    out = tmp_path / "d.csv"
    run(app, "dyad", "USA", "CHN", "--db", db, "--format", "csv", "--freq", "week",
        "--out", str(out))
    assert pd.read_csv(out)["events"].sum() == 3
    png = tmp_path / "d.png"
    run(app, "dyad", "USA", "CHN", "--db", db, "--format", "png", "--out", str(png))
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert "USA <-> CHN" in run(app, "dyad", "USA", "CHN", "--db", db, "--freq", "day")


def test_actors_top_and_stories(app: typer.Typer, store_path: Path) -> None:
    db = str(store_path)
    top = [json.loads(x) for x in run(app, "actors-top", "--db", db, "--format", "jsonl",
                                      "--since", "2024-01-01", "--limit", "2").splitlines()]
    assert [t["actor"] for t in top] == ["USAGOV", "CHNGOV"]
    stories = [json.loads(x) for x in run(app, "stories", "--db", db, "--format",
                                          "jsonl").splitlines()]
    assert stories[0]["story_id"] == "s1" and stories[0]["outlets"] == ["Daily", "Wire"]
    assert "s1" in run(app, "stories", "--db", db)


def test_export_command(app: typer.Typer, store_path: Path, tmp_path: Path) -> None:
    db = str(store_path)
    tsv = tmp_path / "g.tsv"
    run(app, "export", "--format", "gdelt", "--db", db, "--out", str(tsv))
    assert len(pd.read_csv(tsv, sep="\t").columns) == 61
    pq = tmp_path / "pq"
    run(app, "export", "--format", "parquet", "--db", db, "--out", str(pq),
        "--modality", "all")
    assert len(list(pq.glob("month=*/*.parquet"))) == 3
    jsonl = run(app, "export", "--format", "jsonl", "--db", db, "--source", "PRK")
    assert [json.loads(x)["source_code"] for x in jsonl.splitlines()] == ["PRKGOV"]
    plover = json.loads(run(app, "export", "--format", "plover", "--db", db))
    assert len(plover) == 5
    no_out = runner.invoke(app, ["export", "--format", "parquet", "--db", db])
    assert no_out.exit_code != 0


def test_cli_constants_follow_the_library(app: typer.Typer) -> None:
    import newsevents.cli.query as cli
    from newsevents import export, query
    assert cli.ARTICLE_COLUMNS == query.ARTICLE_COLUMNS
    assert cli.DYAD_COLUMNS == query.DYAD_COLUMNS
    assert cli.EXPORT_FORMATS == export.FORMATS
