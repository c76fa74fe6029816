"""Reader for PETRARCH/TABARI verb dictionaries (e.g. CAMEO.2.0.txt).

Format:

    &CURRENCY                       a synset: any member matches `&CURRENCY`
    +DOLLARS
    +SWISS FRANCS                   (members may be phrases or other synsets)

    --- BREAK [1717] ---            a verb block and its default code
    BREAK { BROKE BROKEN }          verb forms; regular forms are generated too
    +BREAK_DOWN {+BROKE_DOWN}       multi-word verb: `+` marks the inflected word
    WIRE_+TAP [1711]                a form can carry its own code
    - * TREATY [161]                patterns: `*` the verb, `+` target, `$` source,
    - + KNOWN_* IN_ $ [076]         `%` a compound actor, `^` a skipped phrase,
    - SUGGESTED_+ * DEMAND_&GENINT_CONVENTIONS [111]   `_` joins adjacent words

`[A:B]` codes a paired event: A from source to target and B back. `[---]`
means the form alone codes nothing. `{...}` and `(...)` in PETRARCH 2
patterns group phrase words; they are read as plain word sequences here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ._lines import iter_lines, split_hyphens, warn_line

SLOT_KINDS = {"+": "target", "$": "source", "%": "compound", "^": "skip"}


@dataclass(frozen=True, slots=True)
class Element:
    """One element of a pattern: a word, a synset, or an actor slot."""

    kind: str  # "word" | "synset" | "target" | "source" | "compound" | "skip"
    value: str = ""


@dataclass(frozen=True, slots=True)
class VerbPattern:
    """A pattern around a verb.

    `before` is in text order (the element next to the verb last); `before_adj[i]`
    says element i must touch the element after it (or the verb). `after` is in
    text order; `after_adj[i]` says element i must touch the one before it (or the verb).
    """

    before: tuple[Element, ...]
    before_adj: tuple[bool, ...]
    after: tuple[Element, ...]
    after_adj: tuple[bool, ...]
    code: str | None
    reciprocal: str | None
    text: str = ""
    line: int = 0
    required: frozenset[str] = frozenset()  # literal words that must be in the sentence

    @property
    def size(self) -> int:
        return len(self.before) + len(self.after)


@dataclass(slots=True)
class VerbBlock:
    """A `--- NAME [CODE] ---` block: default code and its patterns."""

    name: str
    code: str | None
    reciprocal: str | None
    patterns: list[VerbPattern] = field(default_factory=list)
    source: str = ""
    line: int = 0


@dataclass(frozen=True, slots=True)
class VerbForm:
    """One inflected spelling of a verb, with the words that must surround it."""

    head: str
    before: tuple[str, ...]
    after: tuple[str, ...]
    block: int
    code: str | None
    reciprocal: str | None
    own_code: bool = False


@dataclass(slots=True)
class VerbDictionary:
    """Verb blocks, verb forms keyed by their inflected head word, and synsets."""

    blocks: list[VerbBlock] = field(default_factory=list)
    forms: dict[str, list[VerbForm]] = field(default_factory=dict)
    synsets: dict[str, list[tuple[str, ...]]] = field(default_factory=dict)
    transformations: list[str] = field(default_factory=list)

    def update(self, other: VerbDictionary) -> None:
        """Merge another verb dictionary (its block indices are shifted)."""
        offset = len(self.blocks)
        self.blocks.extend(other.blocks)
        for head, forms in other.forms.items():
            mine = self.forms.setdefault(head, [])
            for f in forms:
                mine.append(VerbForm(f.head, f.before, f.after, f.block + offset, f.code,
                                     f.reciprocal, f.own_code))
        for name, members in other.synsets.items():
            self.synsets.setdefault(name, members)
        self.transformations.extend(other.transformations)

    @property
    def pattern_count(self) -> int:
        return sum(len(b.patterns) for b in self.blocks)


def regular_forms(base: str) -> set[str]:
    """Return a verb and its regular inflections (-S, -ED, -ING), upper case."""
    forms = {base}
    if not base.isalpha() or len(base) < 2:
        return forms
    if base.endswith("E"):
        forms |= {base + "S", base + "D", base[:-1] + "ING" if not base.endswith("EE") else base + "ING"}
    elif base.endswith("Y") and base[-2] not in "AEIOU":
        forms |= {base[:-1] + "IES", base[:-1] + "IED", base + "ING"}
    elif base.endswith(("S", "X", "Z", "CH", "SH", "O")):
        forms |= {base + "ES", base + "ED", base + "ING"}
    else:
        forms |= {base + "S", base + "ED", base + "ING"}
        # Consonant-vowel-consonant endings double the consonant (BAN -> BANNED);
        # the undoubled forms stay too because stress decides and we cannot know it.
        if (len(base) >= 3 and base[-1] not in "AEIOUWXY" and base[-2] in "AEIOU"
                and base[-3] not in "AEIOU"):
            forms |= {base + base[-1] + "ED", base + base[-1] + "ING"}
    return forms


def parse_code(text: str) -> tuple[str | None, str | None] | None:
    """Parse "031", "032:033" or "---" into (code, reciprocal); None when invalid."""
    text = text.strip().upper()
    if not text:
        return None
    main, _, back = text.partition(":")
    main, back = main.strip(), back.strip()
    if (not main and not back) or " " in main:
        return None
    # "[:173]" codes only the reverse event (target to source).
    code = None if main in ("", "---") else main
    reciprocal = None if (not back or back == "---") else back
    return code, reciprocal


def parse_pattern(text: str) -> tuple[list[Element], list[bool]] | None:
    """Split a pattern body into elements and adjacency links.

    Returns:
        (elements, links) where links[i] is True when elements[i] and
        elements[i+1] are joined by `_`; None when the pattern has no `*`.
    """
    text = re.sub(r"[{}()]", " ", text)
    # "*SCEPTICAL" in some files means "* SCEPTICAL".
    text = re.sub(r"\*(?=[A-Za-z&])", "* ", re.sub(r"(?<=[A-Za-z])\*", " *", text))
    elements: list[Element] = []
    links: list[bool] = []
    for chunk in text.split():
        first = True
        for piece in chunk.split("_"):
            piece = piece.strip().upper()
            if not piece or piece in {"-", "/", ".", ".."}:
                continue
            if piece == "*":
                el = Element("verb")
            elif piece in SLOT_KINDS:
                el = Element(SLOT_KINDS[piece])
            elif piece.startswith("&"):
                el = Element("synset", piece.rstrip("_"))
            else:
                # "PEACE-KEEPING" is three adjacent tokens in spaCy's text.
                parts = split_hyphens(piece)
                for j, part in enumerate(parts[:-1]):
                    if elements:
                        links.append(not first or j > 0)
                    elements.append(Element("word", part))
                    first = False
                el = Element("word", parts[-1])
            if elements:
                links.append(not first)
            elements.append(el)
            first = False
    if sum(1 for e in elements if e.kind == "verb") != 1:
        return None
    return elements, links


def _form_words(text: str) -> tuple[list[str], int] | None:
    """Split "WIRE_+TAP" into (["WIRE", "TAP"], 1): words and the head index."""
    raw = [w for w in re.split(r"[_\s]+", text.strip().upper()) if w]
    if not raw:
        return None
    words: list[str] = []
    head = 0
    for w in raw:
        marked = w.startswith("+")
        parts = split_hyphens(w.lstrip("+"))
        if not parts:
            return None
        words.extend(parts)
        if marked:
            head = len(words) - 1  # the inflected part of "+TEST-FIRE" is FIRE
    return words, head


_HEADER = re.compile(r"^---\s*(?P<name>[^\[]+?)\s*\[(?P<code>[^\]]*)\]")


def read_verbs(path: Path) -> VerbDictionary:
    """Read a verb dictionary file.

    Args:
        path: The file.

    Returns:
        The VerbDictionary; unusable lines are reported with `DictionaryWarning`
        (file and line) and skipped.
    """
    result = VerbDictionary()
    raw_synsets: dict[str, list[tuple[str, ...]]] = {}
    synset: str | None = None
    block: VerbBlock | None = None

    def add_form(words: list[str], head: int, code: tuple[str | None, str | None] | None,
                 regular: bool) -> None:
        assert block is not None
        own = code is not None
        c, r = code if code is not None else (block.code, block.reciprocal)
        heads = regular_forms(words[head]) if regular else {words[head]}
        for h in heads:
            form = VerbForm(h, tuple(words[:head]), tuple(words[head + 1:]),
                            len(result.blocks) - 1, c, r, own)
            result.forms.setdefault(h, []).append(form)

    for lineno, line, raw in iter_lines(path):
        text = line.strip()
        if text.startswith("~"):
            result.transformations.append(text)
            continue
        if text.startswith("&"):
            synset = text.split()[0].upper().rstrip("_")
            raw_synsets.setdefault(synset, [])
            block = None
            continue
        if text.startswith("---"):
            m = _HEADER.match(text)
            code = parse_code(m.group("code")) if m else None
            if not m or code is None:
                warn_line(path, lineno, "bad verb block header (--- NAME [CODE] ---)", raw)
                block, synset = None, None
                continue
            block = VerbBlock(m.group("name").strip().upper(), code[0], code[1],
                              source=str(path), line=lineno)
            result.blocks.append(block)
            synset = None
            continue
        if synset is not None and text.startswith("+") and block is None:
            member = text[1:].strip().upper()
            if member.startswith("&"):
                raw_synsets[synset].append((member.rstrip("_"),))
            else:
                words = tuple(p for w in re.split(r"[_\s]+", member) if w
                              for p in split_hyphens(w))
                if words:
                    raw_synsets[synset].append(words)
            continue
        if block is None:
            warn_line(path, lineno, "line outside a verb block or synset", raw)
            continue
        if text.startswith("-"):
            body = text[1:]
            m = re.search(r"\[([^\]]*)\]\s*$", body)
            code = parse_code(m.group(1)) if m else None
            if m is None or code is None:
                warn_line(path, lineno, "pattern without a [CODE]", raw)
                continue
            parsed = parse_pattern(body[:m.start()])
            if parsed is None:
                warn_line(path, lineno, "pattern needs exactly one `*`", raw)
                continue
            elements, links = parsed
            k = next(i for i, e in enumerate(elements) if e.kind == "verb")
            before, after = tuple(elements[:k]), tuple(elements[k + 1:])
            before_adj = tuple(links[:k])
            after_adj = tuple(links[k:])
            required = frozenset(e.value for e in elements if e.kind == "word")
            block.patterns.append(VerbPattern(before, before_adj, after, after_adj, code[0],
                                              code[1], text=text, line=lineno,
                                              required=required))
            continue
        # A verb form line: FORM {IRREGULAR FORMS} [CODE]
        m = re.match(r"^(?P<form>[^{\[]+?)\s*(?:\{(?P<irr>[^}]*)\})?\s*(?:\[(?P<code>[^\]]*)\])?\s*$",
                     text)
        if not m:
            warn_line(path, lineno, "bad verb form line", raw)
            continue
        code = parse_code(m.group("code")) if m.group("code") else None
        if m.group("code") and code is None:
            warn_line(path, lineno, "bad verb code", raw)
            continue
        fw = _form_words(m.group("form"))
        if fw is None:
            warn_line(path, lineno, "bad verb form", raw)
            continue
        add_form(fw[0], fw[1], code, regular=True)
        for irregular in (m.group("irr") or "").split():
            iw = _form_words(irregular)
            if iw is not None:
                add_form(iw[0], iw[1], code, regular=False)

    result.synsets = _resolve_synsets(raw_synsets, path)
    return result


def _resolve_synsets(raw: dict[str, list[tuple[str, ...]]],
                     path: Path) -> dict[str, list[tuple[str, ...]]]:
    """Expand synsets nested in synsets (`+&OTHER`), longest members first."""
    done: dict[str, list[tuple[str, ...]]] = {}

    def expand(name: str, seen: frozenset[str]) -> list[tuple[str, ...]]:
        if name in done:
            return done[name]
        out: list[tuple[str, ...]] = []
        for member in raw.get(name, []):
            if len(member) == 1 and member[0].startswith("&"):
                inner = member[0]
                if inner in seen or inner not in raw:
                    warn_line(path, 0, f"synset {name} refers to unknown or cyclic {inner}")
                    continue
                out.extend(expand(inner, seen | {inner}))
            else:
                out.append(member)
        out = sorted(set(out), key=lambda w: (-len(w), w))
        done[name] = out
        return out

    for name in raw:
        expand(name, frozenset({name}))
    return done
