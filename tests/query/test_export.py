"""Exports: GDELT 2.0 TSV, PLOVER JSON, Parquet by month, CSV, JSONL."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pandas as pd
import pyarrow.dataset as pads
import pytest

from newsevents import export
from newsevents.model import EVENT_FIELDS
from newsevents.query import EventFilter

SHARED = (Path(__file__).resolve().parents[2] / ".." / "shared").resolve()


def shared_path(*parts: str) -> Path:
    """A file under ../shared; the test skips, saying why, when the checkout has none."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"needs ../shared ({path} is absent in this checkout)")
    return path


def test_gdelt_file_opens_in_pandas_with_gdelt_columns(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    assert export.export(store_path, "gdelt", out) == 5
    df = pd.read_csv(out, sep="\t", dtype={"EventCode": str, "EventRootCode": str})
    assert list(df.columns) == list(export.GDELT_COLUMNS) and len(df.columns) == 61
    row = df[df["Actor1Code"] == "PRKGOV"].iloc[0]
    assert row["SQLDATE"] == 20240110 and row["MonthYear"] == 202401 and row["Year"] == 2024
    assert row["FractionDate"] == pytest.approx(2024.0274, abs=1e-4)
    assert (row["Actor1CountryCode"], row["Actor2Code"], row["Actor2CountryCode"]) == (
        "PRK", "USAGOV", "USA")
    assert (row["EventCode"], row["EventRootCode"], row["QuadClass"]) == ("138", "13", 3)
    assert row["GoldsteinScale"] == -7.0
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == (2, 2, 2)
    assert row["ActionGeo_CountryCode"] == "KN"  # FIPS 10-4, as GDELT uses
    assert row["ActionGeo_Type"] == 4 and row["ActionGeo_Lat"] == 39.03
    assert row["SOURCEURL"] == "https://wire.example/a1"
    assert row["IsRootEvent"] == 1 and str(row["DATEADDED"]).startswith("20")
    assert df["GLOBALEVENTID"].is_unique and df["GLOBALEVENTID"].dtype.kind == "i"
    assert df["AvgTone"].isna().all()


def test_gdelt_without_header_and_with_awkward_text(tmp_path: Path) -> None:
    from newsevents.store import Store
    from store.factory import make_event, make_result

    with Store(":memory:") as store:
        store.write_result(make_result("t", "Tabs.", [make_event(source_text='The "Tab"\tman\n')]))
        buf = io.StringIO()
        assert export.export(store, "gdelt", buf, header=False) == 1
    text = buf.getvalue()
    assert text.count("\n") == 1 and text.count("\t") == 60
    path = tmp_path / "x.tsv"
    path.write_text(text)
    df = export.read_gdelt(path, header=False)
    assert df.loc[0, "Actor1Name"] == "THE TAB MAN"


def test_gdelt_columns_match_the_codebook() -> None:
    table = shared_path("data", "events", "cameo", "gdelt2_event_columns.tsv")
    names = [row["name"] for row in csv.DictReader(table.open(), delimiter="\t")]
    assert tuple(names) == export.GDELT_COLUMNS


def test_parquet_partitioned_by_month(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    n = export.export(store_path, "parquet", out, EventFilter(modality="all", limit=None))
    assert n == 6
    months = sorted(p.name for p in out.iterdir())
    assert months == ["month=2024-01", "month=2024-02", "month=2024-03"]
    ds = pads.dataset(out, format="parquet", partitioning="hive")
    table = ds.to_table()
    assert table.num_rows == 6
    assert set(EVENT_FIELDS) <= set(table.column_names)
    march = ds.to_table(filter=pads.field("month") == "2024-03")
    assert march.num_rows == 3
    with pytest.raises(ValueError):
        export.export(store_path, "parquet", None)


def test_plover_records(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "plover.json"
    n = export.export(store_path, "plover", out)
    records = json.loads(out.read_text())
    assert n == len(records) == 5
    rec = next(r for r in records if r["event"] == "ACCUSE")
    assert rec["source"] == [{"actorText": "Usagov", "code": "USAGOV", "country": "USA",
                              "sector": "GOV"}]
    assert rec["target"][0]["code"] == "CHNGOV"
    assert rec["date"] == "2024-03-20" and rec["text"] and rec["cameo"] == "111"
    assert rec["publication"] == "Herald" and rec["language"] == "en"


def test_plover_record_keys_follow_the_gold_standard_layout(store_path: Path) -> None:
    gold = json.loads(shared_path("data", "events", "plover", "PLOVER_GSR_dev.json").read_text())
    buf = io.StringIO()
    export.export(store_path, "plover", buf)
    ours = json.loads(buf.getvalue())[0]
    shared_keys = {"id", "date", "source", "target", "event", "eventText", "text", "language"}
    assert shared_keys <= set(gold[0]) and shared_keys <= set(ours)
    assert set(gold[0]["source"][0]) <= set(ours["source"][0])


def test_csv_and_jsonl(store_path: Path, tmp_path: Path) -> None:
    export.export(store_path, "csv", tmp_path / "e.csv", EventFilter(source="PRK", limit=None))
    rows = list(csv.DictReader((tmp_path / "e.csv").open()))
    assert tuple(rows[0]) == EVENT_FIELDS and len(rows) == 1
    assert rows[0]["num_sources"] == "2"
    buf = io.StringIO()
    assert export.export(store_path, "jsonl", buf, EventFilter(modality="negated")) == 1
    (line,) = buf.getvalue().splitlines()
    assert json.loads(line)["cameo"] == "057"
    with pytest.raises(ValueError, match="format"):
        export.export(store_path, "xml", buf)


def test_read_gdelt_keeps_codebook_types(store_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "events.tsv"
    export.export(store_path, "gdelt", out)
    df = export.read_gdelt(out)
    row = df[df["EventCode"] == "042"].iloc[0]
    assert row["EventRootCode"] == "04" and row["SQLDATE"] == 20240115
    assert str(df["SQLDATE"].dtype) == "Int64" and str(df["GoldsteinScale"].dtype) == "float64"
    assert pd.isna(row["Actor1EthnicCode"])


def test_gdelt_types_cover_the_codebook() -> None:
    table = shared_path("data", "events", "cameo", "gdelt2_event_columns.tsv")
    types = {r["name"]: r["type"] for r in csv.DictReader(table.open(), delimiter="\t")}
    assert {c for c, t in types.items() if t == "INTEGER"} == export._GDELT_INTEGER
    assert {c for c, t in types.items() if t == "FLOAT"} == export._GDELT_FLOAT
