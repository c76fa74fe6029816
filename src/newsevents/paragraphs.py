"""A spaCy component that ends a sentence at every line break.

Extracted articles keep one paragraph, heading or caption per line. The small English
parser often runs a heading without a full stop into the next paragraph ("Indictments
unsealed as head of prison agency testified\\nAs the charges were unsealed ..."), which
makes one sentence of two and codes events across them. Added before the parser, which
respects sentence starts set before it.
"""

from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc

NAME = "newsevents_line_breaks"


@Language.component(NAME)
def line_breaks(doc: Doc) -> Doc:
    """Mark the first token after a line break as a sentence start.

    Args:
        doc: A tokenized Doc (before parsing).

    Returns:
        The same Doc, with `is_sent_start` set after each line break.
    """
    after_break = False
    for tok in doc:
        if tok.is_space:
            after_break = after_break or "\n" in tok.text
            continue
        if after_break and tok.i > 0:
            tok.is_sent_start = True
        after_break = "\n" in tok.whitespace_
    return doc


def add_to(nlp: Language) -> Language:
    """Put the component before the parser (once); pipelines without one are unchanged."""
    if NAME not in nlp.pipe_names and "parser" in nlp.pipe_names:
        nlp.add_pipe(NAME, before="parser")
    return nlp
