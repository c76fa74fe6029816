"""The one orchestrator: sources -> articles -> stories -> nlp -> actors -> events -> store.

The CLI, the web app and the Spark runner all call into this module; none of
them re-implements a stage. Work is split in two halves:

* `Analyzer` does the per-article work that needs no shared state (page
  extraction, spaCy, actors, event coding). It runs in worker processes.
* `Pipeline.run` reads sources, ships bounded batches to the workers, and is
  the single writer of the store and the story index.
"""

from __future__ import annotations

import logging
import time
import traceback
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from multiprocessing import get_context
from pathlib import Path
from typing import Any

from .config import Config
from .errors import error
from .model import Article, ArticleResult, ErrorRecord, Event, Sentence, SourceItem

log = logging.getLogger(__name__)

Input = str | Path | SourceItem | ErrorRecord
Outcome = ArticleResult | ErrorRecord


@dataclass(slots=True)
class RunSummary:
    """What a run did, for the one-screen report at the end."""

    files_read: int = 0
    articles: int = 0
    already_stored: int = 0
    syndicated_copies: int = 0
    not_coded: Counter = field(default_factory=Counter)
    sentences: int = 0
    events: int = 0
    errors: Counter = field(default_factory=Counter)
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "files_read": self.files_read,
            "articles": self.articles,
            "already_stored": self.already_stored,
            "syndicated_copies": self.syndicated_copies,
            "not_coded": dict(self.not_coded),
            "sentences": self.sentences,
            "events": self.events,
            "errors": dict(self.errors),
            "seconds": round(self.seconds, 2),
        }


class Analyzer:
    """Turns source items into analysed articles; one per process.

    Loads spaCy, the actor resolver and the event coder once, then serves
    batches. Holds no store and no cross-article state, so it can run
    anywhere (a worker process, a Spark executor).
    """

    def __init__(self, config: Config) -> None:
        from .nlp import load_nlp

        self.config = config
        self.nlp = load_nlp(config.model)
        self.coder = build_coder(config)

    def analyze(self, items: Iterable[SourceItem]) -> list[Outcome]:
        """Extract, parse and code a batch of items.

        Args:
            items: Source items (pages, dumps, structured records).

        Returns:
            One `ArticleResult` per article, or an `ErrorRecord` per item that
            could not become one, in input order.
        """
        from .articles import to_article

        outcomes: list[Outcome] = []
        for item in items:
            try:
                outcomes.append(to_article(item, self.config))
            except Exception as exc:  # noqa: BLE001 - one bad page must not stop a run
                log.debug("article extraction failed for %s", item.source_path, exc_info=True)
                outcomes.append(error(item.source_path, "article", "no_body",
                                      f"extraction raised {describe(exc)}", item.locator))
        articles = [o for o in outcomes if isinstance(o, Article)]
        analysed = {id(a): r for a, r in zip(articles, self.analyze_articles(articles), strict=True)}
        return [analysed[id(o)] if isinstance(o, Article) else o for o in outcomes]

    def analyze_articles(self, articles: list[Article]) -> list[Outcome]:
        """Parse and code articles that are already extracted.

        Articles not in English, too long for the model, or that the model or
        the coder fails on are returned uncoded with `skipped_reason` set, so
        they are still stored and the run summary says why.
        """
        results: list[Outcome] = [ArticleResult(article=a) for a in articles]
        todo = []
        for i, article in enumerate(articles):
            if self.config.language_check and article.language and article.language != "en":
                results[i].skipped_reason = "not_english"
            else:
                todo.append(i)
        starts = {i: body_start(articles[i].text) for i in todo}
        from .nlp import ParseFailure  # spaCy is imported only where articles are parsed

        for i, doc in self._parse(articles, todo, starts).items():
            article = articles[i]
            if isinstance(doc, ParseFailure):
                # Stored uncoded, with the reason in the run summary.
                results[i].skipped_reason = doc.reason
                continue
            result = results[i]
            offset = starts[i]  # sentence offsets stay offsets into Article.text
            result.sentences = [
                Sentence(article.id, n, s.text, s.start_char + offset, s.end_char + offset)
                for n, s in enumerate(doc.sents)
            ]
            try:
                events = self.coder.code_doc(doc, date=article.published, article_id=article.id,
                                             dateline=article.dateline)
            except Exception as exc:  # noqa: BLE001 - one article's fault, not the run's
                # Like a parse failure: the article and its sentences are kept, uncoded,
                # with the reason on the article and in the run summary.
                log.warning("the event coder failed on article %s (%s); stored uncoded",
                            article.source_path or article.id, describe(exc))
                log.debug("coding failure", exc_info=True)
                result.skipped_reason = "coding_failed"
                continue
            for ev in events:
                ev.input_id = article.input_id
            result.events = events
        return results

    def _parse(self, articles: list[Article], todo: list[int],
               starts: dict[int, int]) -> dict[int, Any]:
        """{index: Doc or ParseFailure} for the articles at `todo`, parsed from `starts`."""
        from .nlp import parse_each

        contexts = ((articles[i].text[starts[i]:],
                     {"news_date": articles[i].published, "article_id": articles[i].id,
                      "dateline": articles[i].dateline, "input_id": articles[i].input_id})
                    for i in todo)
        return dict(zip(todo, parse_each(self.nlp, contexts, self.config.batch_size),
                        strict=True))


def build_coder(config: Config) -> Any:
    """Build the event coder a config asks for.

    Our lexicon and knowledge base by default; with `config.dictionaries`, a
    PETRARCH-dictionary coder instead of ("replace") or on top of ("extend") it.
    """
    from .actors import ActorResolver
    from .coding import EventCoder

    if config.dictionaries and config.dictionaries_mode == "replace":
        ours = None
    else:
        from .coding import Lexicon
        from .coding.coder import PLOVER_CONVENTIONS

        lexicon = Lexicon.load(config.lexicon_files) if config.lexicon_files else None
        options = PLOVER_CONVENTIONS if config.conventions == "plover" else {}
        ours = EventCoder(ActorResolver.load(config.actors_files), lexicon, **options)
    if not config.dictionaries:
        return ours
    from .petrarch.combine import build_coder as build_petrarch_coder

    return build_petrarch_coder(config.dictionaries, config.dictionaries_mode, base=ours,
                                kinds=config.dictionary_kinds or None)


def describe(exc: BaseException) -> str:
    """An exception as one line for an error record: type, message and where it was raised.

    Full tracebacks go to the debug log (`--verbose`), not to every run's stderr.
    """
    tb = traceback.extract_tb(exc.__traceback__)
    where = f" (at {Path(tb[-1].filename).name}:{tb[-1].lineno})" if tb else ""
    return f"{type(exc).__name__}: {exc}{where}"


def body_start(text: str) -> int:
    """Where the parser should start reading: after a leading dateline.

    "SEOUL, South Korea (AP) — North Korea fired..." parses as one long noun
    phrase and the first sentence's event is lost; the dateline itself is
    already in `Article.dateline`. (Blanking it with spaces instead leaves a
    whitespace token that derails the small model's parse just the same.)
    """
    from .articles.metadata import parse_dateline

    end = parse_dateline(text)[2]
    while end < len(text) and text[end].isspace():
        end += 1
    return end


_WORKER: Analyzer | None = None


def _init_worker(config: Config) -> None:
    global _WORKER
    _WORKER = Analyzer(config)


def _work(items: list[SourceItem]) -> list[Outcome]:
    assert _WORKER is not None, "worker not initialised"
    return _WORKER.analyze(items)


class Pipeline:
    """Run newsevents over inputs, streaming, with optional worker processes.

    Example:
        >>> from newsevents import Config, Pipeline
        >>> summary = Pipeline(Config(db="news.duckdb", workers=2)).run(["news/"])
    """

    def __init__(self, config: Config | None = None) -> None:
        self.config = config or Config()
        self._analyzer: Analyzer | None = None
        self.files_seen = 0

    # -- reading --------------------------------------------------------------
    def items(self, inputs: Iterable[Input]) -> Iterator[SourceItem | ErrorRecord]:
        """Expand paths, globs and ready-made items into source items and errors.

        Ready-made `SourceItem`s and `ErrorRecord`s (e.g. from `newsevents fetch`)
        pass through as they are, so their errors reach the store too.
        """
        last_path: str | None = None
        for x in self._expand(inputs):
            # Items of one file arrive together, so counting changes of path counts
            # files without remembering them all (memory stays constant).
            if x.source_path != last_path:
                self.files_seen += 1
                last_path = x.source_path
            yield x

    def _expand(self, inputs: Iterable[Input]) -> Iterator[SourceItem | ErrorRecord]:
        from .sources import iter_items

        pending: list[str] = []
        for inp in inputs:
            if isinstance(inp, SourceItem | ErrorRecord):
                if pending:
                    yield from iter_items(pending, self.config)
                    pending = []
                yield inp
            else:
                pending.append(str(inp))
        if pending:
            yield from iter_items(pending, self.config)

    # -- analysis -------------------------------------------------------------
    def process(self, inputs: Iterable[Input]) -> Iterator[Outcome]:
        """Yield every article result and error for `inputs`, without storing.

        Memory stays bounded: source errors are passed on at once, and at most
        `2 * workers` batches of items are in flight.
        """
        workers = self.config.resolved_workers()
        if workers <= 1:
            for unit in self._batches(inputs):
                if isinstance(unit, ErrorRecord):
                    yield unit
                else:
                    yield from self.analyzer.analyze(unit)
            return

        ctx = get_context("spawn")
        with ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_worker,
                                 initargs=(self.config,)) as pool:
            inflight: deque[Future[list[Outcome]]] = deque()
            for unit in self._batches(inputs):
                if isinstance(unit, ErrorRecord):
                    yield unit
                    continue
                inflight.append(pool.submit(_work, unit))
                while len(inflight) >= 2 * workers:
                    yield from inflight.popleft().result()
            while inflight:
                yield from inflight.popleft().result()

    def _batches(self, inputs: Iterable[Input]) -> Iterator[ErrorRecord | list[SourceItem]]:
        """Source errors one by one, and items grouped into batches."""
        batch: list[SourceItem] = []
        for x in self.items(inputs):
            if isinstance(x, ErrorRecord):
                yield x
                continue
            batch.append(x)
            if len(batch) >= self.config.batch_size:
                yield batch
                batch = []
        if batch:
            yield batch

    @property
    def analyzer(self) -> Analyzer:
        """The in-process analyzer (loaded on first use)."""
        if self._analyzer is None:
            self._analyzer = Analyzer(self.config)
        return self._analyzer

    def code_text(self, text: str, date: str | None = None, input_id: str | None = None) -> list[Event]:
        """Code one text without storing it.

        Args:
            text: News text (one or more sentences).
            date: The text's publication date (YYYY-MM-DD), used for dated
                roles and relative dates.
            input_id: The caller's id, copied onto each event.

        Returns:
            The coded events.
        """
        article = Article(id=input_id or "", text=text, published=date, input_id=input_id)
        (result,) = self.analyzer.analyze_articles([article])
        if isinstance(result, ErrorRecord):
            return []
        for ev in result.events:
            ev.article_id = None
        return result.events

    # -- storing --------------------------------------------------------------
    def run(self, inputs: Iterable[Input],
            on_progress: Callable[[RunSummary], None] | None = None) -> RunSummary:
        """Process inputs into the store and return the run summary.

        Each article is written in its own transaction, so a run killed midway
        leaves no half-written article; re-running skips stored content.
        """
        from .store import Store
        from .stories import StoryIndex

        summary = RunSummary()
        self.files_seen = 0
        started = time.perf_counter()
        db = Path(self.config.db)
        with Store(db) as store:
            run_id = store.start_run({"model": self.config.model, "db": str(db)})
            index = StoryIndex.open(stories_path(db), threshold=self.config.dedup_threshold)
            try:
                engine: Any = self
                if self.config.engine == "spark":
                    from .engines.spark import SparkEngine

                    engine = SparkEngine(self.config)
                for outcome in engine.process(inputs):
                    self._record(outcome, store, index, run_id, summary)
                    summary.files_read = engine.files_seen
                    if on_progress is not None:
                        on_progress(summary)
            finally:
                index.save()
                summary.seconds = time.perf_counter() - started
                store.finish_run(run_id, summary.to_dict())
        return summary

    def _record(self, outcome: Outcome, store: Any, index: Any, run_id: str,
                summary: RunSummary) -> None:
        if isinstance(outcome, ErrorRecord):
            summary.errors[outcome.reason] += 1
            store.write_error(outcome, run_id)
            return
        article = outcome.article
        if store.has_content(article.content_hash):
            summary.already_stored += 1
            return
        story_id, duplicate_of = index.assign(article)
        article.story_id, article.duplicate_of = story_id, duplicate_of
        for ev in outcome.events:
            ev.story_id = story_id
        try:
            written = store.write_result(outcome)
        except Exception as exc:  # noqa: BLE001 - the store rolled back; keep going
            log.debug("store write failed for %s", article.id, exc_info=True)
            err = error(article.source_path or article.id, "store", "store_failed",
                        describe(exc))
            summary.errors[err.reason] += 1
            store.write_error(err, run_id)
            return
        if not written:
            summary.already_stored += 1
            return
        summary.articles += 1
        summary.syndicated_copies += duplicate_of is not None
        if outcome.skipped_reason:
            summary.not_coded[outcome.skipped_reason] += 1
        summary.sentences += len(outcome.sentences)
        summary.events += len(outcome.events)


def stories_path(db: Path) -> Path:
    """Where the story (near-duplicate) index of a store lives: beside it."""
    return db.with_name(db.name + ".stories")
