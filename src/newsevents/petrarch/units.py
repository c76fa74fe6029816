"""Actor units: actor and agent names grouped into the noun phrases that carry them.

A *unit* is what PETRARCH calls an actor phrase: the names under one
noun-phrase head, whose codes combine the actor's code (chosen by date) with
its agents' ("Arnor police" -> ARNCOP, "MSF Arnor" -> NGOARN). Coordinated
units share a group ("Mordor, the Shire, Fornost and Bree"); an agent without
an actor borrows the actors of its of/in/from phrase or of the coordinated
phrase it modifies with ("Danish media and government").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from ._lines import phrase_words
from .actors import ActorEntry
from .agents import AgentEntry
from .dictionaries import PetrarchDictionaries

NULL = "---"
_PP_ATTACH = frozenset({"OF", "IN", "FROM", "FOR", "AT"})
_COORD = frozenset({",", "and", "or", "nor", "&", "as", "well"})
_CLIMB = frozenset({"compound", "amod", "poss", "nmod", "nummod", "det", "case", "flat",
                    "quantmod", "advmod", "npadvmod"})


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    actor: ActorEntry | None = None
    agent: AgentEntry | None = None


@dataclass(slots=True)
class Unit:
    """An actor-bearing noun phrase: its head token, codes and word span."""

    head: Token
    mentions: list[Mention]
    codes: list[str] = field(default_factory=list)
    start: int = 0
    end: int = 0
    absorbed: list[int] = field(default_factory=list)
    group: int = -1
    distribute: bool = False  # several actors sharing the agents ("French and Egyptian troops")

    def text(self, sent: Span) -> str:
        return sent[self.start:self.end].text


def combine(actor_code: str, agents: Iterable[AgentEntry]) -> str:
    """Add agent codes to an actor code, skipping agents the code already carries."""
    pre, post = "", ""
    chunks = {actor_code[i:i + 3] for i in range(0, len(actor_code), 3)}
    for ag in agents:
        parts = {ag.code[i:i + 3] for i in range(0, len(ag.code), 3)}
        if parts <= chunks:
            continue
        chunks |= parts
        if ag.prefix:
            pre += ag.code
        else:
            post += ag.code
    return pre + actor_code + post


class UnitFinder:
    """Finds mentions and builds units in sentences, with one set of dictionaries.

    Args:
        dicts: The loaded dictionaries (actors and agents are used).
    """

    def __init__(self, dicts: PetrarchDictionaries) -> None:
        self.dicts = dicts

    def mentions(self, words: list[str]) -> list[Mention]:
        """Longest-match actor and agent names (actors win ties) over the words.

        Tokens written dictionary-style ("Dol_Amroth") are split into their words
        for matching; a mention always covers whole tokens.
        """
        actors, agents = self.dicts.actors, self.dicts.agents
        sub: list[str] = []
        owner: list[int] = []
        for i, w in enumerate(words):
            parts = phrase_words(w) if "_" in w else (w,)
            for p in parts or (w,):
                sub.append(p)
                owner.append(i)
        out: list[Mention] = []
        j, n = 0, len(sub)
        while j < n:
            a = actors.longest_at(sub, j)
            g = agents.longest_at(sub, j)
            if a and (not g or a[0] >= g[0]):
                length, m = a[0], Mention(owner[j], owner[j + a[0] - 1] + 1, actor=a[1])
            elif g:
                length, m = g[0], Mention(owner[j], owner[j + g[0] - 1] + 1, agent=g[1])
            else:
                j += 1
                continue
            out.append(m)
            j += length
            while j < n and owner[j] < m.end:  # never split a token between mentions
                j += 1
        return out

    @staticmethod
    def _np_head(tok: Token) -> Token:
        steps = 0
        # "French and Egyptian warships": a conjunct of a modifier modifies the same head.
        if tok.dep_ == "conj" and tok.head.dep_ in ("amod", "compound", "nmod", "poss"):
            tok = tok.head
        while tok.dep_ in _CLIMB and tok.head.i != tok.i and steps < 8:
            if tok.head.pos_ in ("VERB", "AUX") and tok.dep_ not in ("compound", "poss", "amod"):
                break
            tok = tok.head
            steps += 1
        return tok

    def units(self, sent: Span, mentions: list[Mention], day: str | None) -> list[Unit]:
        """Group mentions into units, link coordinated units, and compute unit codes."""
        base = sent.start
        words = [t.text for t in sent]
        groups: dict[int, list[Mention]] = {}
        heads: dict[int, Token] = {}
        for m in mentions:
            head = self._np_head(sent[m.start:m.end].root)
            groups.setdefault(head.i, []).append(m)
            heads[head.i] = head
        units: list[Unit] = []
        for hi, ms in groups.items():
            ms.sort(key=lambda m: m.start)
            head = heads[hi]
            rel = head.i - base
            head_is_agent = any(m.agent is not None and m.start <= rel < m.end for m in ms)
            if head_is_agent and sum(1 for m in ms if m.actor) > 1:
                # Coordinated actors modifying one agent share it: FRAMIL and EGYMIL.
                unit = self._make_unit(head, ms, sent)
                unit.distribute = True
                units.append(unit)
                continue
            # Two actors under one head with a coordinator between them are two
            # units the parser failed to coordinate ("Fornost and the evil Gondor").
            part: list[Mention] = []
            for m in ms:
                if part and m.actor is not None and any(x.actor for x in part) and \
                        self._coordinator_between(words, part[-1].end, m.start):
                    units.append(self._make_unit(heads[hi], part, sent))
                    part = []
                part.append(m)
            units.append(self._make_unit(heads[hi], part, sent))
        units.sort(key=lambda u: u.start)
        self._link_coordination(units, words, base)

        by_head: dict[int, int] = {}
        for k, u in enumerate(units):
            by_head.setdefault(u.head.i, k)
        for u in units:
            actors = [m.actor for m in u.mentions if m.actor is not None]
            if actors:
                agents = [m.agent for m in u.mentions if m.agent is not None]
                for actor in (actors if u.distribute else actors[:1]):
                    for c in actor.codes_on(day):
                        code = combine(c, agents)
                        if code not in u.codes:
                            u.codes.append(code)
        for k, u in enumerate(units):
            if any(m.actor for m in u.mentions):
                continue
            agents = [m.agent for m in u.mentions if m.agent is not None]
            donors = self._donors(k, units, by_head)
            if donors:
                codes: list[str] = []
                for d in donors:
                    for c in units[d].codes:
                        codes.append(combine(c, agents))
                u.codes = codes
                u.absorbed = donors
                u.end = max(u.end, max(units[d].end for d in donors))
                continue
            shared = self._shared_modifiers(k, units, day)
            if shared:
                u.codes = [combine(c, agents) for c in shared]
            else:
                u.codes = [combine(NULL, agents)] if agents else []
        absorbed = {d for u in units for d in u.absorbed}
        return [u for k, u in enumerate(units) if k not in absorbed and u.codes]

    @staticmethod
    def _make_unit(head: Token, ms: list[Mention], sent: Span) -> Unit:
        return Unit(head, list(ms), start=min(m.start for m in ms), end=max(m.end for m in ms))

    @staticmethod
    def _coordinator_between(words: list[str], a: int, b: int) -> bool:
        return any(w.lower() in _COORD for w in words[a:b])

    def _link_coordination(self, units: list[Unit], words: list[str], base: int) -> None:
        """Give coordinated units one group id: spaCy `conj` links, or a surface list
        ("Mordor, the Shire, Fornost and Bree") when only determiners and
        modifiers sit between the names."""
        parent = list(range(len(units)))

        def find(x: int) -> int:
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a: int, b: int) -> None:
            parent[find(a)] = find(b)

        by_head: dict[int, int] = {}
        for k, u in enumerate(units):
            by_head.setdefault(u.head.i, k)
        for k, u in enumerate(units):
            for c in u.head.conjuncts:
                j = by_head.get(c.i)
                if j is not None and j != k:
                    union(k, j)
        links: list[str | None] = []
        for k in range(len(units) - 1):
            a, b = units[k], units[k + 1]
            toks = [a.head.doc[base + i] for i in range(a.end, b.start)]
            kind = None
            if toks and len(toks) <= 5 and all(
                    t.text.lower() in _COORD or t.pos_ in ("DET", "ADJ", "ADV", "PUNCT", "NOUN")
                    for t in toks):
                if any(t.text.lower() in _COORD and t.text != "," for t in toks):
                    kind = "cc_comma" if any(t.text == "," for t in toks) else "cc"
                elif any(t.text == "," for t in toks):
                    kind = "comma"
            links.append(kind)
        # "A, B, C and D": comma links count only when the list ends with a conjunction.
        for k, kind in enumerate(links):
            if kind == "cc" or (kind == "cc_comma" and (k == 0 or links[k - 1] != "cc")):
                # ", and" after a plain "and" starts a new pair: "A and B, and C and D".
                union(k, k + 1)
            elif kind == "comma":
                j = k
                while j < len(links) and links[j] == "comma":
                    j += 1
                if j < len(links) and links[j] in ("cc", "cc_comma"):
                    union(k, k + 1)
        for k, u in enumerate(units):
            u.group = find(k)

    def _donors(self, k: int, units: list[Unit], by_head: dict[int, int]) -> list[int]:
        """Actor units an agent-only unit takes its actors from: its of/in/from
        phrase, or that of an agent coordinated with it."""
        candidates = [units[k].head] + [
            units[j].head for j in range(len(units))
            if j != k and units[j].group == units[k].group
            and not any(m.actor for m in units[j].mentions)]
        for head in candidates:
            found: list[int] = []
            for child in head.children:
                if child.dep_ != "prep" or child.text.upper() not in _PP_ATTACH:
                    continue
                for pobj in child.children:
                    if pobj.dep_ != "pobj":
                        continue
                    j = by_head.get(pobj.i)
                    if j is None:
                        continue
                    for g in range(len(units)):
                        if units[g].group == units[j].group and g not in found \
                                and any(m.actor for m in units[g].mentions):
                            found.append(g)
                if found:  # the first phrase with actors: "parliament of X in Y" is X's
                    return sorted(found, key=lambda g: units[g].start)
        return []

    def _shared_modifiers(self, k: int, units: list[Unit], day: str | None) -> list[str]:
        """Codes an agent shares with a coordinated "Danish media": the actor and the
        modifier agents, not the other unit's own head agent."""
        for j in range(len(units)):
            if j == k or units[j].group != units[k].group or units[j].start > units[k].start:
                continue
            u = units[j]
            actor = next((m.actor for m in u.mentions if m.actor is not None), None)
            if actor is None:
                continue
            head_agent = [m for m in u.mentions if m.agent is not None
                          and m.start <= u.head.i - u.head.sent.start < m.end]
            if not head_agent:
                continue
            mods = [m.agent for m in u.mentions if m.agent is not None and m not in head_agent]
            return [combine(c, mods) for c in actor.codes_on(day)]
        return []
