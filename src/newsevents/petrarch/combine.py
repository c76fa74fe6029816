"""Using PETRARCH dictionaries instead of, or on top of, newsevents' own coder.

`--dictionaries-mode replace` codes with the user's dictionaries alone;
`extend` runs our `EventCoder` and adds the PETRARCH events it did not find.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from spacy.tokens import Doc

from ..errors import ConfigError
from ..model import Event
from .coder import CoderOptions, PetrarchCoder
from .dictionaries import load_dictionaries

MODES = ("replace", "extend")


class DocCoder(Protocol):
    def code_doc(self, doc: Doc, *, date: str | None = None, article_id: str | None = None,
                 dateline: str | None = None) -> list[Event]: ...


def _key(ev: Event) -> tuple[Any, ...]:
    return (ev.sentence_index, ev.source_code, ev.target_code, (ev.cameo or "")[:2])


class MergedCoder:
    """Runs several coders on the same Doc; later coders only add events that
    no earlier coder produced for the same sentence, source, target and CAMEO root.

    Args:
        coders: The coders, in priority order.
    """

    def __init__(self, coders: Sequence[DocCoder]) -> None:
        self.coders = list(coders)

    def code_doc(self, doc: Doc, *, date: str | None = None, article_id: str | None = None,
                 dateline: str | None = None) -> list[Event]:
        """Code with every coder and merge (see class docstring)."""
        events: list[Event] = []
        seen: set[tuple[Any, ...]] = set()
        for coder in self.coders:
            for ev in coder.code_doc(doc, date=date, article_id=article_id, dateline=dateline):
                key = _key(ev)
                if key in seen:
                    continue
                seen.add(key)
                events.append(ev)
        events.sort(key=lambda e: e.sentence_index if e.sentence_index is not None else -1)
        return events


def build_coder(dictionaries: Path | str | Sequence[Path | str], mode: str = "replace",
                base: DocCoder | None = None,
                options: CoderOptions | None = None,
                kinds: dict[str, str] | None = None) -> DocCoder:
    """Build the coder for `--dictionaries DIR --dictionaries-mode MODE`.

    Args:
        dictionaries: A folder or files of PETRARCH dictionaries.
        mode: "replace" (PETRARCH dictionaries only) or "extend" (our coder first,
            then the PETRARCH events it missed).
        base: Our coder for "extend" (an `EventCoder`); built with defaults when None.
        options: PETRARCH options (require_dyad, new_actor_length, modality).
        kinds: {file: kind} for files named freely (`--verbs/--actors/--agents/
            --discards FILE`); kind is verbs, actors, agents, discards or issues.

    Returns:
        An object with `code_doc(doc, *, date, article_id, dateline)`.

    Raises:
        ConfigError: On an unknown mode or unreadable dictionary paths.
    """
    if mode not in MODES:
        raise ConfigError(f"--dictionaries-mode must be one of {', '.join(MODES)}, not {mode!r}")
    petrarch = PetrarchCoder(load_dictionaries(dictionaries, kinds=kinds), options)
    if mode == "replace":
        return petrarch
    if base is None:
        from ..coding import EventCoder

        base = EventCoder()
    return MergedCoder([base, petrarch])
