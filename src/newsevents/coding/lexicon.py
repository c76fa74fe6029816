"""The coder's lexicon: verb and noun patterns mapped to CAMEO codes, plus discards.

The lexicon is a readable YAML file (coding/data/lexicon.yaml; users may add
their own files with the same shape). A *pattern* says which words evoke an
event and what else the parse must show for a more specific code:

    verbs:
      impose:                                   # verb lemma ("call off", "test-fire" allowed)
        - {code: "172"}                         # plain "impose" (default for the lemma)
        - {code: "163", obj: [sanction, embargo], target: [on, against]}
    nouns:
      talk:
        - {code: "046", target: [with]}

Conditions (all optional): `obj` (direct-object head lemmas), `prep` + `pobj`
(a required prepositional phrase, e.g. "call for" / "appeal for aid"),
`comp` (lemma of the clausal complement: "threaten to attack"),
`target` (where the target comes from: `dobj`, `dative`, `poss` for the owner
of the object, or a preposition), `no_target` (the event has none: a protest,
a missile test). The most specific matching pattern wins.

`grammar` lists the function words the extractor needs (reporting verbs, light
verbs, verbs of planning ...); `discards` lists look-alikes that are not
political events (sport, markets).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from ..errors import ConfigError
from .taxonomy import PLOVER_TYPES, is_valid, lookup

BUNDLED = "data/lexicon.yaml"

_PATTERN_KEYS = {"code", "prt", "mod", "subj", "needs_target", "no_obj", "no_clause", "obj", "prep",
                 "pobj", "comp", "target", "no_target", "plover", "note"}
_TARGET_WORDS = {"dobj", "dative", "poss", "none"}
_GRAMMAR_KEYS = {
    "report_verbs", "light_verbs", "future_verbs", "control_verbs", "hypothetical_verbs",
    "prediction_verbs", "hedge_words", "object_control_verbs", "consuming_verbs",
    "reverse_light_verbs", "actor_nouns", "body_nouns", "title_nouns",
    "armed_modifiers",
}
_DISCARD_KEYS = {"name", "words", "weak_words", "scores", "phrases", "verbs", "subjects", "objects", "note"}


@dataclass(frozen=True, slots=True)
class Pattern:
    """One way a word evokes a CAMEO event.

    Attributes:
        kind: "verb" or "noun".
        lemma: The head lemma ("impose", "talk").
        code: The CAMEO code the pattern yields.
        prt: Required particle ("off" in "call off").
        prefix: Required hyphenated prefix ("test" in "test-fire").
        obj: Accepted direct-object head lemmas (None: any or none).
        prep: Required preposition ("for" in "call for").
        pobj: Accepted heads of that preposition's object (None: any).
        comp: Accepted lemmas of the clausal complement (None: not required).
        mod: Required modifier of the trigger noun ("joint" in "joint drills").
        subj: Accepted head lemmas of the doer ("warplanes struck" is an air strike).
        target: Where to look for the target, in order.
        no_target: The event never has a target.
        needs_target: Without a resolved target it is no event ("speaking in Canberra").
        no_obj: Only the intransitive, active use: "flew to Kyiv" is a visit, "flew the cat
            to Portland" and "as demonstrated by" are not.
        no_clause: Not with a content clause: "recognized Kosovo" is recognition,
            "recognized that the policy failed" is an admission of a fact.
        plover: PLOVER type (and mode, "RETREAT/resign") where the PLOVER codebook puts
            this act elsewhere than its CAMEO code's row of the CAMEO-PLOVER table
            (a resignation is a material retreat, not a verbal concession).
    """

    kind: str
    lemma: str
    code: str
    prt: str | None = None
    prefix: str | None = None
    obj: frozenset[str] | None = None
    prep: str | None = None
    pobj: frozenset[str] | None = None
    comp: frozenset[str] | None = None
    mod: frozenset[str] | None = None
    subj: frozenset[str] | None = None
    target: tuple[str, ...] = ()
    no_target: bool = False
    needs_target: bool = False
    no_obj: bool = False
    no_clause: bool = False
    plover: str | None = None

    @property
    def specificity(self) -> int:
        """How many conditions the pattern sets (more wins)."""
        return sum(x is not None for x in (self.prt, self.prefix, self.obj, self.prep,
                                           self.pobj, self.comp, self.mod, self.subj))


@dataclass(frozen=True, slots=True)
class Discard:
    """A look-alike: when it matches, the verb's candidate events are dropped.

    Attributes:
        name: Short label ("sport", "markets").
        words: Lemmas (or word forms) that, anywhere in the sentence, mark the look-alike domain.
        weak_words: Words of which two or more must occur together.
        scores: A sports result ("3-1", "2-0") in the sentence marks the look-alike.
        phrases: Lower-cased multi-word phrases with the same effect.
        verbs: Only these event lemmas are discarded (empty: every event).
        subjects: Subject head lemmas that make an event a look-alike ("share" fell).
        objects: Object head lemmas that do ("beat the record").
    """

    name: str
    words: frozenset[str] = frozenset()
    weak_words: frozenset[str] = frozenset()
    scores: bool = False
    phrases: tuple[str, ...] = ()
    verbs: frozenset[str] = frozenset()
    subjects: frozenset[str] = frozenset()
    objects: frozenset[str] = frozenset()


@dataclass(slots=True)
class Lexicon:
    """Verb and noun patterns, grammar word lists and discards.

    Use `Lexicon.load()` for the bundled lexicon (plus optional user files).
    """

    verbs: dict[str, list[Pattern]] = field(default_factory=dict)
    nouns: dict[str, list[Pattern]] = field(default_factory=dict)
    grammar: dict[str, frozenset[str]] = field(default_factory=dict)
    discards: list[Discard] = field(default_factory=list)

    @classmethod
    def load(cls, paths: Sequence[Path] = (), *, bundled: bool = True) -> Lexicon:
        """Load the bundled lexicon and extend it with user files.

        Args:
            paths: Extra YAML files in the lexicon format; their patterns are
                added to (and, for the same lemma and conditions, take
                precedence over) the bundled ones.
            bundled: Include the bundled lexicon (False: only `paths`).

        Returns:
            The validated lexicon.

        Raises:
            ConfigError: If a file is missing or invalid (the message lists
                every problem with its place).
        """
        lex = cls()
        if bundled:
            text = resources.files("newsevents.coding").joinpath(BUNDLED).read_text("utf-8")
            lex._add(_parse(text, "lexicon.yaml (bundled)"), "lexicon.yaml (bundled)")
        for path in paths:
            try:
                text = Path(path).read_text("utf-8")
            except OSError as exc:
                raise ConfigError(f"cannot read lexicon file {path}: {exc}") from exc
            data = _parse(text, str(path))
            lex._add(data, str(path), prepend=True)
        return lex

    def _add(self, data: Any, where: str, prepend: bool = False) -> None:
        problems = validate(data)
        if problems:
            raise ConfigError(f"invalid lexicon {where}:\n  " + "\n  ".join(problems))
        for kind, table in (("verb", self.verbs), ("noun", self.nouns)):
            for key, entries in (data.get(kind + "s") or {}).items():
                pats = [_pattern(kind, key, e) for e in entries]
                bucket = table.setdefault(pats[0].lemma, [])
                bucket[:0] = pats if prepend else []
                if not prepend:
                    bucket.extend(pats)
                # Stable sort: more specific first; among equals, earlier (user) first.
                bucket.sort(key=lambda p: -p.specificity)
        for key, words in (data.get("grammar") or {}).items():
            self.grammar[key] = self.grammar.get(key, frozenset()) | frozenset(
                w.lower() for w in words)
        for d in data.get("discards") or []:
            self.discards.append(Discard(
                name=d["name"],
                words=frozenset(w.lower() for w in d.get("words", [])),
                weak_words=frozenset(w.lower() for w in d.get("weak_words", [])),
                scores=bool(d.get("scores", False)),
                phrases=tuple(p.lower() for p in d.get("phrases", [])),
                verbs=frozenset(d.get("verbs", [])),
                subjects=frozenset(d.get("subjects", [])),
                objects=frozenset(d.get("objects", [])),
            ))

    def words(self, key: str) -> frozenset[str]:
        """Return a grammar word list ("report_verbs", "light_verbs", ...)."""
        return self.grammar.get(key, frozenset())

    def codes(self) -> set[str]:
        """Return every CAMEO code some pattern yields."""
        return {p.code for table in (self.verbs, self.nouns)
                for pats in table.values() for p in pats}


class _UniqueKeyLoader(yaml.SafeLoader):
    """A safe YAML loader refusing duplicate keys (YAML silently keeps the last one)."""


def _construct_mapping(loader: _UniqueKeyLoader, node: yaml.MappingNode,
                       deep: bool = False) -> dict[Any, Any]:
    seen: set[Any] = set()
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=deep)
        if key in seen:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark)
        seen.add(key)
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG,
                                 _construct_mapping)
# YAML 1.1 reads on/off/yes/no as booleans; in a lexicon "on" is a preposition.
_UniqueKeyLoader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:bool"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
_UniqueKeyLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
    list("tTfF"))


def _parse(text: str, where: str) -> Any:
    """Parse lexicon YAML, turning syntax errors and duplicate keys into ConfigError."""
    try:
        return yaml.load(text, Loader=_UniqueKeyLoader)  # noqa: S506 (a SafeLoader subclass)
    except yaml.YAMLError as exc:
        raise ConfigError(f"invalid lexicon {where}: {exc}") from exc


def _split_key(kind: str, key: str) -> tuple[str, str | None, str | None]:
    """Split "call off" / "test-fire" into (lemma, particle, prefix)."""
    key = key.strip().lower()
    prefix = None
    if kind == "verb" and "-" in key:
        prefix, key = key.split("-", 1)
    parts = key.split()
    return parts[0], (parts[1] if len(parts) > 1 else None), prefix


def _fs(value: Any) -> frozenset[str] | None:
    if value is None:
        return None
    if isinstance(value, str):
        value = [value]
    return frozenset(str(v).lower() for v in value)


def _pattern(kind: str, key: str, entry: dict[str, Any]) -> Pattern:
    lemma, prt, prefix = _split_key(kind, key)
    target = entry.get("target")
    if isinstance(target, str):
        target = [target]
    if target is None and entry.get("no_target"):
        target = []
    if target is None:
        # Without an object condition the direct object is the natural target
        # ("attacked Gondor"); with one, the object is the thing done
        # ("imposed sanctions") and the target is its owner or an indirect object.
        target = (["dobj", "dative"] if entry.get("obj") is None else ["dative", "poss"]) \
            if kind == "verb" else []
    return Pattern(
        kind=kind, lemma=lemma, code=str(entry["code"]), prt=entry.get("prt", prt), prefix=prefix,
        obj=_fs(entry.get("obj")), prep=entry.get("prep"), pobj=_fs(entry.get("pobj")),
        comp=_fs(entry.get("comp")), mod=_fs(entry.get("mod")), subj=_fs(entry.get("subj")), target=tuple(target),
        no_target=bool(entry.get("no_target", False)),
        needs_target=bool(entry.get("needs_target", False)),
        no_obj=bool(entry.get("no_obj", False)),
        no_clause=bool(entry.get("no_clause", False)),
        plover=entry.get("plover"),
    )


def validate(data: Any) -> list[str]:
    """Check a parsed lexicon document.

    Args:
        data: The YAML document (a mapping).

    Returns:
        Human-readable problems, empty when the document is valid.
    """
    problems: list[str] = []
    if not isinstance(data, dict):
        return ["the document must be a mapping with verbs/nouns/grammar/discards"]
    # "x-..." keys hold YAML anchors (shared word lists) and are ignored.
    unknown = {k for k in data if not str(k).startswith("x-")} - {
        "verbs", "nouns", "grammar", "discards", "version"}
    if unknown:
        problems.append(f"unknown top-level keys: {sorted(unknown)}")
    for kind in ("verbs", "nouns"):
        table = data.get(kind) or {}
        if not isinstance(table, dict):
            problems.append(f"{kind}: must map a lemma to a list of patterns")
            continue
        for key, entries in table.items():
            where = f"{kind}.{key}"
            if not isinstance(key, str) or not key.strip():
                problems.append(f"{where}: the key must be a word")
            if not isinstance(entries, list) or not entries:
                problems.append(f"{where}: must be a non-empty list of patterns")
                continue
            for i, entry in enumerate(entries):
                problems.extend(_check_entry(f"{where}[{i}]", entry))
    grammar = data.get("grammar") or {}
    if not isinstance(grammar, dict):
        problems.append("grammar: must be a mapping of word lists")
    else:
        for key, words in grammar.items():
            if key not in _GRAMMAR_KEYS:
                problems.append(f"grammar.{key}: unknown list (known: {sorted(_GRAMMAR_KEYS)})")
            if not _is_str_list(words):
                problems.append(f"grammar.{key}: must be a list of words")
    discards = data.get("discards") or []
    if not isinstance(discards, list):
        problems.append("discards: must be a list")
    else:
        for i, d in enumerate(discards):
            where = f"discards[{i}]"
            if not isinstance(d, dict) or "name" not in d:
                problems.append(f"{where}: must be a mapping with a name")
                continue
            bad = set(d) - _DISCARD_KEYS
            if bad:
                problems.append(f"{where}: unknown keys {sorted(bad)}")
            for key in ("words", "weak_words", "phrases", "verbs", "subjects", "objects"):
                if key in d and not _is_str_list(d[key]):
                    problems.append(f"{where}.{key}: must be a list of words")
            if not any(d.get(k) for k in ("words", "weak_words", "scores", "phrases", "subjects",
                                          "objects")):
                problems.append(f"{where}: needs words, weak_words, phrases, subjects or objects")
    return problems


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) and v for v in value)


def _check_entry(where: str, entry: Any) -> list[str]:
    if not isinstance(entry, dict):
        return [f"{where}: a pattern must be a mapping"]
    problems = []
    bad = set(entry) - _PATTERN_KEYS
    if bad:
        problems.append(f"{where}: unknown keys {sorted(bad)}")
    code = entry.get("code")
    if not isinstance(code, str):
        problems.append(f"{where}: code must be a quoted string such as \"046\"")
    elif not is_valid(code):
        try:
            lookup(code)
            problems.append(f"{where}: {code!r} is not a CAMEO code of the table")
        except KeyError:
            problems.append(f"{where}: unknown CAMEO code {code!r}")
    for key in ("obj", "pobj", "comp", "mod", "subj"):
        if key in entry and not (_is_str_list(entry[key]) or isinstance(entry[key], str)):
            problems.append(f"{where}.{key}: must be a word or a list of words")
    if "pobj" in entry and "prep" not in entry:
        problems.append(f"{where}: pobj needs prep")
    if "prep" in entry and not isinstance(entry["prep"], str):
        problems.append(f"{where}.prep: must be one preposition")
    target = entry.get("target")
    if target is not None:
        targets = [target] if isinstance(target, str) else target
        if not _is_str_list(targets):
            problems.append(f"{where}.target: must be a list of dobj/dative/poss/prepositions")
        else:
            for t in targets:
                if " " in t or (t.isalpha() is False and t not in _TARGET_WORDS):
                    problems.append(f"{where}.target: {t!r} is not dobj/dative/poss or a preposition")
    if "plover" in entry:
        ptype = str(entry["plover"]).split("/", 1)[0]
        if ptype not in PLOVER_TYPES:
            problems.append(f"{where}.plover: {entry['plover']!r} is not TYPE or TYPE/mode "
                            f"with TYPE one of {', '.join(PLOVER_TYPES)}")
    if "no_target" in entry and not isinstance(entry["no_target"], bool):
        problems.append(f"{where}.no_target: must be true or false")
    return problems


def iter_patterns(lex: Lexicon) -> Iterable[Pattern]:
    """Yield every pattern of the lexicon (verbs, then nouns)."""
    for table in (lex.verbs, lex.nouns):
        for pats in table.values():
            yield from pats
