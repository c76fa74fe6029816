"""Code raw texts end to end (spaCy + coder), without storing anything.

The `newsevents code` command and `newsevents evaluate` use this loop; the
pipeline's `Analyzer` parses through the same `nlp.parse_each`.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator
from typing import Any

from spacy.language import Language

from ..model import Event
from ..nlp import ParseFailure, parse_each
from .coder import EventCoder

log = logging.getLogger(__name__)


def code_texts(texts: Iterable[tuple[str, dict[str, Any]]], nlp: Language,
               coder: EventCoder, batch_size: int = 32) -> Iterator[Event]:
    """Parse and code texts, streaming.

    Args:
        texts: (text, context) pairs. Context keys: "news_date" (or "date"),
            "article_id" (or "id"), "dateline", "input_id".
        nlp: A loaded spaCy pipeline with a parser (the coder component need
            not be in it).
        coder: The event coder.
        batch_size: Texts per `nlp.pipe` batch.

    Yields:
        Events in input order; each carries the input's `input_id` and `article_id`.
        A text spaCy cannot parse (too long, or failing) yields no events and a
        warning in the log, instead of ending the stream.
    """
    def normalised() -> Iterator[tuple[str, dict[str, Any]]]:
        for text, ctx in texts:
            norm = {
                "news_date": ctx.get("news_date", ctx.get("date")),
                "article_id": ctx.get("article_id", ctx.get("id")),
                "dateline": ctx.get("dateline"),
                "input_id": ctx.get("input_id", ctx.get("id")),
            }
            yield text, norm

    for doc in parse_each(nlp, normalised(), batch_size=batch_size):
        if isinstance(doc, ParseFailure):
            log.warning("text not coded: %s (%s)", doc.reason, doc.detail)
            continue
        if doc._.events is not None and "newsevents_coder" in nlp.pipe_names:
            events = doc._.events
        else:
            events = coder.code_doc(doc, date=doc._.news_date, article_id=doc._.article_id,
                                    dateline=doc._.dateline)
        for ev in events:
            ev.input_id = doc._.input_id
            yield ev
