"""Given names: whether a capitalised word is first of all a person's first name.

Used where a country's name follows another capitalised word: "Michael Jordan" and
"Chad Johnson" are people, "Communist China" and "Imperial Japan" are the countries.

The cue is the first-name lists the `faker` package (MIT) ships for its ~80 locales, loaded
lazily (≈ 0.2 s once per process, never in `ActorResolver.load()`). Only Latin-script names
listed by at least two locales count: the generic "en" list alone also holds words such as
"Red", "Royal" or "China", and single-locale names include "Nazi" (Turkish).
"""

from __future__ import annotations

import importlib
import pkgutil
from collections import Counter
from functools import lru_cache

# A name must be listed by this many locales to count as a given name.
MIN_LOCALES = 2


@lru_cache(maxsize=1)
def given_names() -> frozenset[str]:
    """Lower-cased given names known to at least MIN_LOCALES faker locales (empty when the
    package is missing: the cue is then off and nothing breaks)."""
    try:
        import faker.providers.person as person
    except ImportError:  # pragma: no cover
        return frozenset()
    seen: Counter[str] = Counter()
    for module in pkgutil.iter_modules(person.__path__):
        try:
            provider = importlib.import_module(f"{person.__name__}.{module.name}").Provider
        except (ImportError, AttributeError):  # pragma: no cover - a broken locale
            continue
        names: set[str] = set()
        for attr in ("first_names", "first_names_male", "first_names_female",
                     "first_names_nonbinary"):
            # Read the class attribute itself: some providers expose a property instead.
            value = provider.__dict__.get(attr)
            if isinstance(value, (list, tuple, set, frozenset, dict)):
                names.update(n.lower() for n in value
                             if isinstance(n, str) and n.isascii() and n.isalpha())
        seen.update(names)
    return frozenset(n for n, count in seen.items() if count >= MIN_LOCALES)


@lru_cache(maxsize=4096)
def is_given_name(word: str) -> bool:
    """Whether `word` is a known given name ("Michael", "Anna", "Jordan").

    Args:
        word: One word as written.

    Returns:
        True when at least MIN_LOCALES locales list it as a first name.
    """
    if not word.isalpha() or len(word) < 2:
        return False
    return word.lower() in given_names()
