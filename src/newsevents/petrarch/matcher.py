"""Matching verb patterns against a sentence's words, TABARI style.

A pattern's words after `*` are looked for in order to the right of the verb,
its words before `*` in reverse order to the left; other words may come in
between unless `_` joins two elements. Slots (`+` target, `$` source, `%`
compound, `^` any phrase) match whole phrases. The caller supplies the
sentence as upper-case words plus the phrase spans found in it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
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
    noun_phrase_source: Callable[[], list[Phrase]]  # noun phrases for `^`, built on demand
    skip_phrases: list[Phrase] | None = None
    word_set: frozenset[str] | None = None
    positions: dict[str, list[int]] | None = None
    # Shared across sentences by the coder: synset members by first/last word.
    synset_index: dict[tuple[str, bool], dict[str, list[tuple[str, ...]]]] = field(
        default_factory=dict)

    def members_from(self, name: str, first: bool) -> dict[str, list[tuple[str, ...]]]:
        """A synset's members keyed by their first (or last) word."""
        key = (name, first)
        idx = self.synset_index.get(key)
        if idx is None:
            idx = {}
            for m in self.synsets.get(name, []):
                idx.setdefault(m[0] if first else m[-1], []).append(m)
            self.synset_index[key] = idx
        return idx

    def where(self, word: str) -> list[int]:
        """Positions of a word in the sentence (ascending)."""
        if self.positions is None:
            pos: dict[str, list[int]] = {}
            for i, w in enumerate(self.words):
                pos.setdefault(w, []).append(i)
            self.positions = pos
        return self.positions.get(word, [])


@dataclass(slots=True)
class Match:
    """A successful pattern match: its score and the units its slots took."""

    pattern: VerbPattern
    score: tuple[int, int]
    slots: dict[str, list[int]] = field(default_factory=dict)


def _skip_phrases(view: MatchView) -> list[Phrase]:
    """`^` skips one phrase: a noun phrase, or the rest of one, or one word."""
    out: list[Phrase] = []
    chunks = view.noun_phrase_source()
    for q in range(len(view.words)):
        end = q + 1
        for ph in chunks:
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
             view: MatchView, slots: dict[str, list[int]],
             failed: set[tuple[int, int]] | None = None) -> int | None:
    """Match elems[i:] going right from `pos` (< limit); return the words consumed or None.

    `failed` remembers (element, position) states that cannot succeed, so
    sentences with many repeated words stay linear-ish instead of exponential.
    """
    if i == len(elems):
        return 0
    if failed is None:
        failed = set()
    if (i, pos) in failed:
        return None
    result = _forward_step(elems, adj, i, pos, limit, view, slots, failed)
    if result is None:
        failed.add((i, pos))
    return result


def _forward_step(elems: Sequence[Element], adj: Sequence[bool], i: int, pos: int, limit: int,
                  view: MatchView, slots: dict[str, list[int]],
                  failed: set[tuple[int, int]]) -> int | None:
    el = elems[i]
    must_touch = adj[i] if i < len(adj) else False
    last = pos if must_touch else limit - 1
    if el.kind == "word":
        for q in view.where(el.value):
            if q < pos:
                continue
            if q > last or q >= limit:
                break
            rest = _forward(elems, adj, i + 1, q + 1, limit, view, slots, failed)
            if rest is not None:
                return 1 + rest
        return None
    if el.kind == "synset":
        index = view.members_from(el.value, True)
        for q in range(pos, min(last, limit - 1) + 1):
            for member in index.get(view.words[q], ()):
                n = len(member)
                if q + n <= limit and tuple(view.words[q:q + n]) == member:
                    rest = _forward(elems, adj, i + 1, q + n, limit, view, slots, failed)
                    if rest is not None:
                        return n + rest
        return None
    for ph in _slot_phrases(el.kind, view):
        if ph.start < pos or ph.start > last or ph.end > limit:
            continue
        rest = _forward(elems, adj, i + 1, ph.end, limit, view, slots, failed)
        if rest is not None:
            if ph.unit is not None and el.kind != "skip":
                slots.setdefault(el.kind, []).append(ph.unit)
            return rest
    return None


def _backward(elems: Sequence[Element], adj: Sequence[bool], i: int, pos: int,
              view: MatchView, slots: dict[str, list[int]],
              failed: set[tuple[int, int]] | None = None) -> int | None:
    """Match elems[:i+1] going left from `pos` (inclusive end), nearest first."""
    if i < 0:
        return 0
    if failed is None:
        failed = set()
    if (i, pos) in failed:
        return None
    result = _backward_step(elems, adj, i, pos, view, slots, failed)
    if result is None:
        failed.add((i, pos))
    return result


def _backward_step(elems: Sequence[Element], adj: Sequence[bool], i: int, pos: int,
                   view: MatchView, slots: dict[str, list[int]],
                   failed: set[tuple[int, int]]) -> int | None:
    el = elems[i]
    must_touch = adj[i]
    first = pos if must_touch else 0
    if el.kind in ("word", "synset"):
        index = ({el.value: [(el.value,)]} if el.kind == "word"
                 else view.members_from(el.value, False))
        for q in range(pos, first - 1, -1):  # q: last word of the element
            for member in index.get(view.words[q], ()):
                n = len(member)
                if q - n + 1 >= 0 and tuple(view.words[q - n + 1:q + 1]) == member:
                    rest = _backward(elems, adj, i - 1, q - n, view, slots, failed)
                    if rest is not None:
                        return n + rest
        return None
    for ph in reversed(_slot_phrases(el.kind, view)):
        if ph.end - 1 > pos or ph.end - 1 < first:
            continue
        rest = _backward(elems, adj, i - 1, ph.start - 1, view, slots, failed)
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
