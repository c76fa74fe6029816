"""The phrase lexicon: every name, alias, demonym, title and noun of the knowledge base,
keyed by its token norms, and the longest-match scanner over a phrase's tokens.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import lru_cache

from .kb import KnowledgeBase
from .places import zipf
from .text import Tok, demonym_plural, key_of, plural

# Surname particles: "Bashar al-Assad" is also "al-Assad" and "Assad".
_PARTICLES = {"al", "el", "bin", "ben", "ibn", "abu", "de", "van", "von", "da", "di", "dos",
              "du", "le", "la", "del", "der", "ould"}
# Countries whose names news writes family name first ("Kim Jong Un" -> "Kim").
_FAMILY_FIRST = {"PRK", "KOR", "CHN", "TWN", "VNM", "HKG", "MAC", "KHM", "MNG"}
# Words that are never a person's surname on their own (months, days, titles, ...).
_NOT_SURNAMES = {
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "monday", "tuesday", "wednesday", "thursday", "friday",
    "saturday", "sunday", "jr", "sr", "ii", "iii", "mohammed", "muhammad", "mohammad", "ali",
    "ahmed", "ahmad", "hassan", "hussein", "abdullah", "khan", "singh", "john", "james", "the",
    "new", "general", "said", "will", "bank", "king", "prince", "shah", "sheikh",
}
# Phrases that contain a country's name but name no actor of it; matching them first keeps
# "Latin American" from reading as USA or "South China Sea" as China.
# A word at least this frequent in English (wordfreq Zipf) is an ordinary word.
ORDINARY_ZIPF = 4.0
IGNORED_PHRASES = (
    "Latin America", "Latin American", "North America", "North American", "South America",
    "South American", "Central America", "Central American", "Native American",
    "African American", "Asian American", "New Mexico", "New Jersey", "New Guinea pig",
    "South China Sea", "East China Sea", "Sea of Japan", "Gulf of Mexico", "Persian Gulf",
    "Arabian Sea", "Arabian Peninsula", "Indian Ocean", "Korean War", "Korean Peninsula",
    "Turkish Cypriot north", "Irish Sea", "English Channel", "English language", "French language",
    "Arab Spring", "Arab world", "Congo River", "Jordan River", "Jordan Valley",
    "Chinese New Year", "Georgia Tech", "Washington Post", "New York Times", "Chad Smith",
)
# Modifier words that change a reading.
FLAGS = {"former": "former", "ex": "former", "then": "then", "ethnic": "ethnic",
         "exiled": "former", "ousted": "former", "deposed": "former", "late": "former",
         "retired": "former"}
# Peoples without a state of their own, or split between several ("the Kurds", "Pashtuns",
# "Tamils", "Druze"): they name no country by themselves. Read as the "ethnic" flag, so they
# take the country of a place the phrase gives them ("Kurds in northern Syria", "Syrian Kurds")
# and otherwise stay without one. Peoples that live mostly in one state are demonyms of that
# state in countries.tsv instead (Uighurs CHN, Rohingya MMR, Hazaras AFG, Copts EGY).
STATELESS_PEOPLES = ("Kurd", "Kurds", "Kurdish", "Pashtun", "Pashtuns", "Pathan", "Pathans",
                     "Baloch", "Baluch", "Balochi", "Baluchi", "Tamil", "Tamils", "Druze",
                     "Roma", "Romani", "Berber", "Berbers", "Amazigh", "Tuareg", "Tuaregs",
                     "Fulani", "Assyrian", "Assyrians", "Circassian", "Circassians",
                     "Bedouin", "Bedouins")


@dataclass(slots=True, frozen=True)
class Entry:
    """What a lexicon key can mean.

    Attributes:
        kind: "country", "demonym", "people" (plural demonym), "capital", "metonym", "org",
            "person", "sector", "region", "ignore" or "flag".
        ref: ISO code, org id, person name, sector code, metonym phrase or flag name.
        sector: The sector the entry itself implies (capital -> GOV, metonym's sector).
        generic: For sector terms: a generic head noun that yields to a modifier.
        exact: Case-sensitive surface form (all-capitals abbreviations such as "US", "IS").
        proper: A proper name: needs a capital letter when the text is mixed-case.
        weak: A single-word person name (a bare surname or short alias).
        needs_the: A metonym of one word after "the"; when that word is an ordinary one,
            only with its "the" ("the Hill" is Congress; "said Hill" is a person and
            "Forest Hill" a place).
    """

    kind: str
    ref: str
    sector: str | None = None
    generic: bool = False
    exact: bool = False
    proper: bool = True
    weak: bool = False
    needs_the: bool = False


@dataclass(slots=True)
class Match:
    """Tokens [i, j) of a phrase's word tokens matched to lexicon entries."""

    i: int
    j: int
    entries: list[Entry]
    text: str

    def kinds(self) -> set[str]:
        return {e.kind for e in self.entries}

    def first(self, *kinds: str) -> Entry | None:
        for kind in kinds:
            for entry in self.entries:
                if entry.kind == kind:
                    return entry
        return None


def _is_exact(surface: str) -> bool:
    if surface[:4].lower() == "the ":
        surface = surface[4:]
    letters = [c for c in surface if c.isalpha()]
    return 0 < len(letters) <= 5 and all(c.isupper() for c in letters)


class Lexicon:
    """All keys of the knowledge base.

    Args:
        kb: The loaded knowledge base.
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self.keys: dict[tuple[str, ...], list[Entry]] = defaultdict(list)
        self.max_len = 1
        for phrase in IGNORED_PHRASES:
            self._add(phrase, Entry("ignore", phrase, proper=False))
        for word, flag in FLAGS.items():
            self._add(word, Entry("flag", flag, proper=False))
        for word in STATELESS_PEOPLES:
            self._add(word, Entry("flag", "ethnic"))
        for country in kb.countries.values():
            for name in (country.name, *country.aliases):
                self._add(name, Entry("country", country.iso3, exact=_is_exact(name)))
            for dem in country.demonyms:
                self._add(dem, Entry("demonym", country.iso3, exact=_is_exact(dem)))
                many = demonym_plural(dem)
                if many:
                    self._add(many, Entry("people", country.iso3))
            for capital in country.capitals:
                self._add(capital, Entry("capital", country.iso3, sector="GOV"))
        for region in kb.regions:
            for name in (region.name, *region.aliases):
                self._add(name, Entry("region", region.country))
        for met in kb.metonyms.values():
            # A metonym written all in lower case ("pope", "the mainland") is a common noun
            # and matches in any case; one written with a capital needs one in the text.
            self._add(met.phrase, Entry("metonym", met.phrase, sector=met.sector,
                                        exact=_is_exact(met.phrase),
                                        proper=not met.phrase.islower(),
                                        needs_the=_needs_the(met.phrase)))
        for org in kb.orgs.values():
            for name in org.names:
                self._add(name, Entry("org", org.id, exact=_is_exact(name)))
        for sector in kb.sectors.values():
            for term in sector.terms:
                generic = term.startswith("*")
                term = term.lstrip("*")
                for form in {term, plural(term)}:
                    self._add(form, Entry("sector", sector.code, generic=generic, proper=False))
        for person in kb.people.values():
            countries = set(person.countries)
            for name in (person.name, *person.aliases):
                key = key_of(name)
                self._add_key(key, Entry("person", person.name, weak=len(key) == 1,
                                         exact=_is_exact(name)))
            for key in surname_keys(person.name, countries):
                self._add_key(key, Entry("person", person.name, weak=True))
        # Surnames of multi-word aliases, last and only where nothing else owns the word: news
        # spells a surname the way it spells the whole name ("Zelensky" from "Volodymyr
        # Zelensky"), but "Abdullah II of Jordan" must not make "Jordan" a surname, nor a
        # minor namesake's alias take "Obama".
        alias_keys: dict[tuple[str, ...], set[str]] = defaultdict(set)
        for person in kb.people.values():
            countries = set(person.countries)
            for alias in person.aliases:
                if " of " in f" {alias.lower()} ":
                    continue
                for key in surname_keys(alias, countries):
                    if key not in self.keys:
                        alias_keys[key].add(person.name)
        for key, owners in alias_keys.items():
            if len(owners) == 1:
                self._add_key(key, Entry("person", next(iter(owners)), weak=True))

    def _add(self, phrase: str, entry: Entry) -> None:
        self._add_key(key_of(phrase), entry)

    def _add_key(self, key: tuple[str, ...], entry: Entry) -> None:
        if not key:
            return
        bucket = self.keys[key]
        if entry not in bucket:
            bucket.append(entry)
        self.max_len = max(self.max_len, len(key))

    def scan(self, words: list[Tok], mixed_case: bool,
             skip_kinds: frozenset[str] = frozenset()) -> list[Match]:
        """Longest-match the word tokens against the lexicon, left to right.

        Args:
            words: The phrase's word tokens (punctuation removed).
            mixed_case: Whether the text has both cases (so capitals carry meaning).
            skip_kinds: Entry kinds to ignore (to re-read a name's words without it).

        Returns:
            Non-overlapping matches in order.
        """
        out: list[Match] = []
        i, n = 0, len(words)
        while i < n:
            found: Match | None = None
            for size in range(min(self.max_len, n - i), 0, -1):
                key = tuple(t.norm for t in words[i:i + size])
                bucket = self.keys.get(key)
                if not bucket:
                    continue
                toks = words[i:i + size]
                after_the = i > 0 and words[i - 1].norm == "the"
                ok = [e for e in bucket if e.kind not in skip_kinds
                      and _case_ok(e, toks, mixed_case)
                      and (after_the or not e.needs_the or not _ordinary(key[-1]))]
                if ok:
                    found = Match(i, i + size, ok, " ".join(t.text for t in toks))
                    break
            if found is None:
                i += 1
                continue
            out.append(found)
            i = found.j
        return out


def _needs_the(phrase: str) -> bool:
    """Whether a metonym is one word after "the" ("the Hill", "the Kremlin"); the scan then
    asks `_ordinary` (wordfreq, loaded only when such a word turns up without "the")."""
    words = phrase.split()
    return len(words) == 2 and words[0].lower() == "the" and len(words[1]) > 3


@lru_cache(maxsize=256)
def _ordinary(word: str) -> bool:
    """An ordinary English word ("hill", "north"), not a name ("kremlin")."""
    return zipf(word) >= ORDINARY_ZIPF


def _case_ok(entry: Entry, toks: list[Tok], mixed_case: bool) -> bool:
    if not mixed_case:
        return not entry.exact or all(t.upper for t in toks if t.norm.isalpha())
    if entry.exact:
        return all(t.upper for t in toks if any(c.isalpha() for c in t.text))
    if entry.proper:
        return any(t.capitalised for t in toks)
    return True


def surname_keys(name: str, countries: set[str]) -> list[tuple[str, ...]]:
    """Short keys a person is called by: "Assad", "al-Assad"; "Kim" for Kim Jong Un."""
    key = key_of(name)
    if len(key) < 2:
        return []
    keys: list[tuple[str, ...]] = []
    if countries & _FAMILY_FIRST:
        keys.append(key[:1])
    last = key[-1]
    keys.append((last,))
    if len(key) >= 3 and key[-2] in _PARTICLES:
        keys.append(key[-2:])
    return [k for k in keys if len(k[-1]) >= 3 and k[-1] not in _NOT_SURNAMES
            and not k[-1].isdigit()]
