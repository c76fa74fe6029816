"""The Spark engine: the same stages as a local run, spread over a Spark cluster.

Executors read the files and run `Analyzer.analyze` (extraction, spaCy, actors,
event coding) partition by partition; results stream back to the driver, where
`Pipeline.run` assigns stories and writes the store exactly as in a local run.
Nothing here re-implements a stage.

    newsevents run news/ --engine spark --spark-master local[2]
    Pipeline(Config(db="news.duckdb", engine="spark")).run(["hdfs-mounted/news/"])

Files must be readable at the same paths from every executor (a shared or
mounted file system); the spaCy model and newsevents must be installed there.
"""

from __future__ import annotations

import os
import pickle
import sys
from collections.abc import Iterable, Iterator
from typing import Any

from ..config import Config
from ..model import ErrorRecord, SourceItem
from ..pipeline import Analyzer, Input, Outcome

# One analyzer per executor Python worker and config: spaCy loads once, not per partition.
_ANALYZERS: dict[bytes, Analyzer] = {}


def spark_session(master: str | None = None) -> Any:
    """Return the active Spark session, or start one (local[*] unless `master` says).

    Raises:
        ImportError: If PySpark is not installed (`pip install newsevents[spark]`).
    """
    from pyspark.sql import SparkSession

    builder = SparkSession.builder.appName("newsevents")
    if master:
        builder = builder.master(master)
    elif SparkSession.getActiveSession() is None:
        master = "local[*]"
        builder = builder.master(master)
    if master and master.startswith("local") and "PYSPARK_PYTHON" not in os.environ:
        # Local Python workers must run this interpreter (its venv has newsevents and
        # the model), not whatever `python3` is first on PATH.
        os.environ["PYSPARK_PYTHON"] = sys.executable
        builder = builder.config("spark.pyspark.python", sys.executable)
    return (builder.config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false").getOrCreate())


def analyze_partition(units: Iterable[str | SourceItem], config: Config) -> Iterator[Outcome]:
    """What each Spark task runs: read its inputs and analyse them in batches.

    Args:
        units: File paths to read here, or items the driver already holds.
        config: The run's settings.

    Yields:
        Article results and error records.
    """
    from ..sources import iter_items

    key = pickle.dumps(config)
    analyzer = _ANALYZERS.get(key)
    if analyzer is None:
        analyzer = _ANALYZERS[key] = Analyzer(config)

    def items() -> Iterator[SourceItem | ErrorRecord]:
        for unit in units:
            if isinstance(unit, SourceItem):
                yield unit
            else:
                yield from iter_items([unit], config)

    batch: list[SourceItem] = []
    for x in items():
        if isinstance(x, ErrorRecord):
            yield x
            continue
        batch.append(x)
        if len(batch) >= config.batch_size:
            yield from analyzer.analyze(batch)
            batch = []
    if batch:
        yield from analyzer.analyze(batch)


class SparkEngine:
    """Process inputs on Spark; used by `Pipeline` when `config.engine == "spark"`.

    Args:
        config: The run's settings (`spark_master`, `workers` as the number of
            partitions per file list when set).
        spark: An existing SparkSession (default: the active one, or a new one).
    """

    def __init__(self, config: Config, spark: Any = None) -> None:
        self.config = config
        self.spark = spark or spark_session(config.spark_master)
        self.files_seen = 0

    def process(self, inputs: Iterable[Input]) -> Iterator[Outcome]:
        """Yield the outcome of every input, computed on the cluster.

        Folders and globs are listed on the driver (names only) so files spread
        over partitions; errors handed in (e.g. by `fetch`) pass straight through.
        """
        from ..sources import is_url, list_files

        units: list[str | SourceItem] = []
        for inp in inputs:
            if isinstance(inp, ErrorRecord):
                self.files_seen += 1
                yield inp
            elif isinstance(inp, SourceItem) or is_url(str(inp)):
                units.append(inp if isinstance(inp, SourceItem) else str(inp))
            else:
                units.extend(list_files(str(inp)))
        self.files_seen += len(units)
        if not units:
            return
        sc = self.spark.sparkContext
        slices = min(len(units), max(1, (self.config.workers or sc.defaultParallelism) * 4))
        config = self.config
        rdd = sc.parallelize(units, slices).mapPartitions(
            lambda part: analyze_partition(part, config))
        yield from rdd.toLocalIterator()
