"""Reader for PETRARCH discard dictionaries.

Each line is a phrase; a sentence containing it is not coded. A leading `+`
makes it a story discard: the whole article is skipped (sports, weather...).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ._lines import iter_lines, phrase_words, warn_line


@dataclass(slots=True)
class DiscardDictionary:
    """Sentence- and story-level discard phrases (upper-case word tuples)."""

    sentence: set[tuple[str, ...]] = field(default_factory=set)
    story: set[tuple[str, ...]] = field(default_factory=set)
    max_len: int = 0
    first_words: set[str] = field(default_factory=set)

    def update(self, other: DiscardDictionary) -> None:
        self.sentence |= other.sentence
        self.story |= other.story
        self.max_len = max(self.max_len, other.max_len)
        self.first_words |= other.first_words

    def find(self, words: list[str]) -> tuple[str, tuple[str, ...]] | None:
        """Return ("story" | "sentence", phrase) for the first discard phrase in `words`."""
        n = len(words)
        for i in range(n):
            if words[i] not in self.first_words:
                continue
            for k in range(1, min(self.max_len, n - i) + 1):
                key = tuple(words[i:i + k])
                if key in self.story:
                    return "story", key
                if key in self.sentence:
                    return "sentence", key
        return None


def read_discards(path: Path) -> DiscardDictionary:
    """Read a discard file.

    Args:
        path: The file.

    Returns:
        The DiscardDictionary.
    """
    result = DiscardDictionary()
    for lineno, line, raw in iter_lines(path):
        text = line.strip()
        story = text.startswith("+")
        if "[" in text:
            # Some files carry a code after the phrase; the phrase is what matters.
            text = text.split("[", 1)[0]
        words = phrase_words(text.lstrip("+"))
        if not words:
            warn_line(path, lineno, "empty discard phrase", raw)
            continue
        (result.story if story else result.sentence).add(words)
        result.first_words.add(words[0])
        result.max_len = max(result.max_len, len(words))
    return result
