"""Tokens and normal forms shared by the lexicon, the place index and the resolver.

One tokenizer serves raw phrases (`resolve_text`) and spaCy spans alike (the
span's text is re-tokenized with character offsets), so that "U.S.", "US" and
"the U.S." or "Kim Jong-un" and "Kim Jong Un" meet on the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# A word (letters/digits, with inner apostrophes or dots: "U.S.", "N'Djamena"),
# or a single non-space character. Hyphens separate words: "al-Shabaab" is two.
_TOKEN = re.compile(r"[^\W_]+(?:[.'’][^\W_]+)*\.?|[^\w\s]", re.UNICODE)
_POSSESSIVE = re.compile(r"^(.+?)(['’]s)$", re.IGNORECASE)


@dataclass(slots=True, frozen=True)
class Tok:
    """A token of a phrase.

    Attributes:
        norm: Lower-case, accent-free, dot-free form used as a lexicon key part
            ("" for punctuation, which the matcher skips).
        text: The original characters.
        start: Offset of the token in the text it came from.
    """

    norm: str
    text: str
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.text)

    @property
    def is_word(self) -> bool:
        return bool(self.norm)

    @property
    def capitalised(self) -> bool:
        return self.text[:1].isupper()

    @property
    def upper(self) -> bool:
        letters = [c for c in self.text if c.isalpha()]
        return bool(letters) and all(c.isupper() for c in letters)


def fold(text: str) -> str:
    """Lower-case `text` and strip accents ("Élysée" -> "elysee")."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


@lru_cache(maxsize=65536)
def norm_word(word: str) -> str:
    """The key form of one word: folded, without dots, straight apostrophes."""
    out = fold(word).replace("’", "'").replace(".", "")
    if out == "&":
        return "and"
    if out.isalnum():
        return out
    return out if any(c.isalnum() for c in out) else ""


def tokenize(text: str, offset: int = 0) -> list[Tok]:
    """Split `text` into tokens with offsets; possessive 's becomes its own token.

    Args:
        text: The phrase.
        offset: Added to every token's start (a span's start in its Doc text).

    Returns:
        The tokens, punctuation included (with an empty `norm`).
    """
    toks: list[Tok] = []
    for m in _TOKEN.finditer(text):
        word = m.group(0)
        start = m.start() + offset
        pm = _POSSESSIVE.match(word)
        if pm and len(pm.group(1)) > 1 and "." not in pm.group(1)[-1:]:
            base, poss = pm.group(1), pm.group(2)
            toks.append(Tok(norm_word(base), base, start))
            toks.append(Tok("'s", poss, start + len(base)))
            continue
        if word in ("'", "’") and toks and toks[-1].norm.endswith("s"):
            toks.append(Tok("'s", word, start))  # plural possessive: "Workers'"
            continue
        if word.endswith(".") and word.count(".") == 1 and len(word) > 2 and word[:-1].isalpha():
            # Sentence-final "Korea." keeps its word; abbreviations like "Gen." keep the dot
            # out of the key either way.
            toks.append(Tok(norm_word(word[:-1]), word[:-1], start))
            continue
        toks.append(Tok(norm_word(word), word, start))
    return toks


@lru_cache(maxsize=65536)
def key_of(phrase: str) -> tuple[str, ...]:
    """The lexicon key of a phrase: its word norms, a leading "the" dropped."""
    norms = [t.norm for t in tokenize(phrase) if t.norm]
    if len(norms) > 1 and norms[0] == "the":
        norms = norms[1:]
    return tuple(norms)


_IRREGULAR = {"man": "men", "woman": "women", "child": "children", "person": "people",
              "policeman": "policemen", "policewoman": "policewomen", "militiaman": "militiamen",
              "businessman": "businessmen", "congressman": "congressmen", "chief": "chiefs",
              "staff": "staff", "police": "police", "media": "media", "press": "press",
              "people": "people", "clergy": "clergy", "military": "militaries",
              "serviceman": "servicemen", "fisherman": "fishermen", "frenchman": "frenchmen",
              "englishman": "englishmen", "irishman": "irishmen", "dutchman": "dutchmen"}


def plural(word: str) -> str:
    """A regular English plural of a noun (the last word of a multi-word term)."""
    head, sep, last = word.rpartition(" ")
    low = last.lower()
    if low in _IRREGULAR:
        out = _IRREGULAR[low]
    elif low.endswith(("s", "x", "z", "ch", "sh")):
        out = last + "es"
    elif low.endswith("y") and len(low) > 1 and low[-2] not in "aeiou":
        out = last[:-1] + "ies"
    else:
        out = last + "s"
    return f"{head}{sep}{out}"


def demonym_plural(demonym: str) -> str | None:
    """Plural of a demonym used as a noun ("Afghan" -> "Afghans"), None when it has none."""
    low = demonym.lower()
    if low.endswith(("ese", "ish", "ch", "ss", "sh", "z", "x", "s", "i.")):
        return None
    if low.endswith(("man", "men")):
        return None if low.endswith("men") else demonym[:-3] + "men"
    return demonym + "s"


# "both governments", "the two leaders", "each side": the parties a text has already named,
# not one country's: no context may fill them in.
_PAIR_OPENERS = ("both ", "each ", "either ", "neither ", "the two ", "the three ", "the four ",
                 "all three ", "all four ", "the countries", "the sides", "the parties")


def names_the_parties(text: str) -> bool:
    """Whether a phrase refers back to several parties named before ("both sides")."""
    return text.lower().lstrip().startswith(_PAIR_OPENERS)
