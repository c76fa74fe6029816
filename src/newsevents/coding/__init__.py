"""Event coding: who did what to whom (CAMEO and PLOVER) from parsed sentences.

    from newsevents.coding import EventCoder, Lexicon
    coder = EventCoder(resolver, lexicon)
    events = coder.code_doc(doc, date="2024-03-09", article_id="a1")

The spaCy component "newsevents_coder" (coding/spacy_component.py) wraps the
same coder; `code_texts` codes raw texts without a store.
"""

from __future__ import annotations

from .coder import EventCoder
from .lexicon import Lexicon
from .texts import code_texts

__all__ = ["EventCoder", "Lexicon", "code_texts"]
