"""Matching verb patterns against a sentence's words, TABARI style.

A pattern's words after `*` are looked for in order to the right of the verb,
its words before `*` in reverse order to the left; other words may come in
between unless `_` joins two elements. Slots (`+` target, `$` source, `%`
compound, `^` any phrase) match whole phrases. The caller supplies the
sentence as upper-case words plus the phrase spans found in it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from .verbs import Element, VerbPattern


@dataclass(slots=True)
class Phrase:
    """A span of the sentence a slot can match: [start, end) word positions."""

    start: int
    end: int
    unit: int | None = None  # index of the actor unit, None for a plain noun phrase
    compound: bool = False


@dataclass(slots=True)
class MatchView:
    """What the matcher needs to know about one sentence."""

    words: list[str]
    synsets: dict[str, list[tuple[str, ...]]]
    actor_phrases: list[Phrase]   # actor-bearing units, sorted by start
    noun_phrases: list[Phrase]    # every noun phrase (for `^`), sorted by start
    skip_phrases: list[Phrase] | None = None
    word_set: frozenset[str] | None = None


@dataclass(slots=True)
class Match:
    """A successful pattern match: its score and the units its slots took."""

    pattern: VerbPattern
    score: tuple[int, int]
    slots: dict[str, list[int]] = field(default_factory=dict)


def _skip_phrases(view: MatchView) -> list[Phrase]:
    """`^` skips one phrase: a noun phrase, or the rest of one, or one word."""
    out: list[Phrase] = []
    for q in range(len(view.words)):
        end = q + 1
        for ph in view.noun_phrases:
            if ph.start <= q < ph.end:
                end = ph.end
                break
        out.append(Phrase(q, end))
    return out


def _slot_phrases(kind: str, view: MatchView) -> list[Phrase]:
    if kind == "skip":
        if view.skip_phrases is None:
            view.skip_phrases = _skip_phrases(view)
        return view.skip_phrases
    if kind == "compound":
        return [p for p in view.actor_phrases if p.compound]
    return view.actor_phrases


def _forward(elems: Sequence[Element], adj: Sequence[bool], i: int, pos: int, limit: int,
             view: MatchView, slots: dict[str, list[int]]) -> int | None:
    """Match elems[i:] going right from `pos` (< limit); return the words consumed or None."""
    if i == len(elems):
        return 0
    el = elems[i]
    must_touch = adj[i] if i < len(adj) else False
    last = pos if must_touch else limit - 1
    if el.kind in ("word", "synset"):
        options = [(el.value,)] if el.kind == "word" else view.synsets.get(el.value, [])
        for q in range(pos, min(last, limit - 1) + 1):
            for member in options:
                n = len(member)
                if q + n <= limit and tuple(view.words[q:q + n]) == member:
                    rest = _forward(elems, adj, i + 1, q + n, limit, view, slots)
                    if rest is not None:
                        return n + rest
        return None
    for ph in _slot_phrases(el.kind, view):
        if ph.start < pos or ph.start > last or ph.end > limit:
            continue
        rest = _forward(elems, adj, i + 1, ph.end, limit, view, slots)
        if rest is not None:
            if ph.unit is not None and el.kind != "skip":
                slots.setdefault(el.kind, []).append(ph.unit)
            return rest
    return None


def _backward(elems: Sequence[Element], adj: Sequence[bool], i: int, pos: int,
              view: MatchView, slots: dict[str, list[int]]) -> int | None:
    """Match elems[:i+1] going left from `pos` (inclusive end), nearest first."""
    if i < 0:
        return 0
    el = elems[i]
    must_touch = adj[i]
    first = pos if must_touch else 0
    if el.kind in ("word", "synset"):
        options = [(el.value,)] if el.kind == "word" else view.synsets.get(el.value, [])
        for q in range(pos, first - 1, -1):  # q: last word of the element
            for member in options:
                n = len(member)
                if q - n + 1 >= 0 and tuple(view.words[q - n + 1:q + 1]) == member:
                    rest = _backward(elems, adj, i - 1, q - n, view, slots)
                    if rest is not None:
                        return n + rest
        return None
    for ph in reversed(_slot_phrases(el.kind, view)):
        if ph.end - 1 > pos or ph.end - 1 < first:
            continue
        rest = _backward(elems, adj, i - 1, ph.start - 1, view, slots)
        if rest is not None:
            if ph.unit is not None and el.kind != "skip":
                slots.setdefault(el.kind, []).append(ph.unit)
            return rest
    return None


def match_pattern(pattern: VerbPattern, verb_start: int, verb_end: int, limit: int,
                  view: MatchView) -> Match | None:
    """Try one pattern around a verb occupying words [verb_start, verb_end).

    Args:
        pattern: The pattern.
        verb_start: First word of the verb (including a compound verb's prefix words).
        verb_end: One past its last word.
        limit: One past the last word the `after` part may use.
        view: The sentence.

    Returns:
        A Match (score = (pattern size, words matched)) or None.
    """
    slots: dict[str, list[int]] = {}
    after = _forward(pattern.after, pattern.after_adj, 0, verb_end, limit, view, slots)
    if after is None:
        return None
    before = 0
    if pattern.before:
        before = _backward(pattern.before, pattern.before_adj, len(pattern.before) - 1,
                           verb_start - 1, view, slots)
        if before is None:
            return None
    return Match(pattern, (pattern.size, before + after), slots)


def best_match(patterns: Sequence[VerbPattern], verb_start: int, verb_end: int, limit: int,
               view: MatchView) -> Match | None:
    """Return the best-scoring matching pattern (larger, then more words; file order breaks ties)."""
    best: Match | None = None
    present = view.word_set
    if present is None:
        present = view.word_set = frozenset(view.words)
    for p in patterns:
        if best is not None and p.size < best.score[0]:
            continue
        if not p.required <= present:  # a literal word is missing: cannot match
            continue
        m = match_pattern(p, verb_start, verb_end, limit, view)
        if m is not None and (best is None or m.score > best.score):
            best = m
    return best
