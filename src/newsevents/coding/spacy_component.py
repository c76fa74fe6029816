"""The spaCy face of the coder: the "newsevents_coder" pipeline component.

spaCy imports this module (through the `spacy_factories` entry point) whenever
any pipeline loads in an environment where newsevents is installed, so it must
stay cheap and importable: the coder and the resolver load lazily, only when
the component is actually created.
"""

from __future__ import annotations

from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from .. import nlp as _nlp  # noqa: F401  (declares doc._.news_date, doc._.events, ...)


class CoderComponent:
    """Pipeline component putting `doc._.events` on every Doc.

    Args:
        coder: A ready `EventCoder` (anything with `code_doc`).
    """

    def __init__(self, coder: Any) -> None:
        self.coder = coder

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.coder.code_doc(
            doc,
            date=doc._.news_date,
            article_id=doc._.article_id,
            dateline=doc._.dateline,
        )
        if doc._.input_id is not None:
            for event in doc._.events:
                event.input_id = doc._.input_id
        return doc


@Language.factory(
    "newsevents_coder",
    default_config={"lexicon_paths": [], "actors_files": [], "conventions": "project"},
)
def make_coder(nlp: Language, name: str, lexicon_paths: list[str],
               actors_files: list[str], conventions: str = "project") -> CoderComponent:
    """Create the coder component (spaCy factory "newsevents_coder").

    Args:
        nlp: The pipeline the component joins.
        name: The component's name in the pipeline.
        lexicon_paths: Extra lexicon YAML files extending the bundled lexicon.
        actors_files: Extra actor knowledge files for the resolver.
        conventions: "project" (symmetric pairs, untargeted protests) or "plover"
            (`coder.PLOVER_CONVENTIONS`: protests aimed at the home government, joint
            actors without a target).

    Returns:
        The component.

    Raises:
        ValueError: For an unknown `conventions` name.
    """
    from pathlib import Path

    from .coder import PLOVER_CONVENTIONS, EventCoder
    from .lexicon import Lexicon

    profiles: dict[str, dict[str, bool]] = {"project": {}, "plover": PLOVER_CONVENTIONS}
    if conventions not in profiles:
        raise ValueError(f"newsevents_coder: unknown conventions {conventions!r} "
                         f"(known: {', '.join(profiles)})")

    if "parser" not in nlp.pipe_names and nlp.pipe_names:
        import warnings

        warnings.warn("newsevents_coder needs a dependency parser earlier in the pipeline "
                      f"(this one has {nlp.pipe_names})", stacklevel=2)
    lexicon = Lexicon.load([Path(p) for p in lexicon_paths]) if lexicon_paths else None
    coder = EventCoder.with_resolver(actors_files=[Path(p) for p in actors_files],
                                     lexicon=lexicon, **profiles[conventions])
    return CoderComponent(coder)
