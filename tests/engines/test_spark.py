"""The Spark engine runs the same stages and gives the same store as a local run."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from newsevents import Config, Pipeline

pytest.importorskip("pyspark", reason="the spark extra is not installed")
if shutil.which("java") is None:
    pytest.skip("Spark needs a Java runtime (none on PATH)", allow_module_level=True)

PLAIN = Path(__file__).resolve().parents[2] / "examples" / "plain"


@pytest.fixture(scope="module")
def spark():
    from newsevents.engines.spark import spark_session

    session = spark_session("local[2]")
    session.sparkContext.setLogLevel("ERROR")
    yield session
    session.stop()


def rows(db: Path) -> list[tuple]:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute("select source_code, target_code, cameo, sentence from events "
                           "order by all").fetchall()


def test_spark_and_local_runs_store_the_same_events(tmp_path, spark, nlp):
    local = Pipeline(Config(db=tmp_path / "local.duckdb", workers=1)).run([str(PLAIN)])
    on_spark = Pipeline(Config(db=tmp_path / "spark.duckdb", engine="spark", workers=2)).run(
        [str(PLAIN), str(tmp_path / "missing.txt")])
    assert on_spark.articles == local.articles and on_spark.events == local.events > 0
    assert rows(tmp_path / "spark.duckdb") == rows(tmp_path / "local.duckdb")
    assert on_spark.errors["not_found"] == 1
    assert on_spark.files_read == local.files_read + 1


def test_folders_are_listed_on_the_driver_not_read(tmp_path):
    from newsevents.sources import list_files

    (tmp_path / "a.txt").write_text("x")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.html").write_text("x")
    assert list_files(str(tmp_path)) == [str(tmp_path / "a.txt"), str(tmp_path / "sub" / "b.html")]
    assert list_files(str(tmp_path / "nope")) == [str(tmp_path / "nope")]
    assert list_files(str(tmp_path / "*.txt")) == [str(tmp_path / "a.txt")]
