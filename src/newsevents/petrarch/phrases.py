"""Longest-match lookup of multi-word dictionary names, shared by actors and agents."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Generic, TypeVar

E = TypeVar("E")


@dataclass(slots=True)
class PhraseDictionary(Generic[E]):
    """Names (as word tuples) mapped to dictionary entries.

    Attributes:
        phrases: Every name and its entry.
        first_words: First words of all names, to reject most positions at once.
        max_len: Words in the longest name.
        entries: Dictionary entries read (a name with synonyms is one entry).
    """

    phrases: dict[tuple[str, ...], E] = field(default_factory=dict)
    first_words: set[str] = field(default_factory=set)
    max_len: int = 0
    entries: int = 0

    def add(self, words: tuple[str, ...], entry: E) -> None:
        """Register a name; the first entry for a name wins (as in PETRARCH)."""
        if not words or words in self.phrases:
            return
        self.phrases[words] = entry
        self.first_words.add(words[0])
        self.max_len = max(self.max_len, len(words))

    def update(self, other: PhraseDictionary[E]) -> None:
        """Merge another dictionary (names already here keep priority)."""
        for words, entry in other.phrases.items():
            self.add(words, entry)
        self.entries += other.entries

    def longest_at(self, words: list[str], i: int) -> tuple[int, E] | None:
        """Return (length, entry) of the longest name starting at words[i], if any."""
        if words[i] not in self.first_words:
            return None
        for n in range(min(self.max_len, len(words) - i), 0, -1):
            entry = self.phrases.get(tuple(words[i:i + n]))
            if entry is not None:
                return n, entry
        return None
