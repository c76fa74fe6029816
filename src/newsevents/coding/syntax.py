"""Small, pure helpers over spaCy's dependency parse used by the extractor.

Everything here reads tokens and returns tokens or spans; nothing knows about
CAMEO, actors or the lexicon.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Span, Token

SUBJ = {"nsubj", "csubj", "expl"}
PASS_SUBJ = {"nsubjpass", "csubjpass"}
# Dependents that end a noun phrase: the argument is the phrase, not the clause hung on it.
_PHRASE_STOP = {"relcl", "acl", "appos", "conj", "cc", "punct", "advcl", "parataxis", "prep"}
# Prepositional modifiers that belong to a name ("Prime Minister of India").
_NAME_PREPS = {"of", "from", "in", "at"}
# Lower-case links inside Arabic and other names ("Hamad bin Khalifa al-Thani").
_NAME_LINKS = {"bin", "ibn", "bint", "ben", "al", "el", "abu", "ould"}


def conjuncts(tok: Token) -> list[Token]:
    """Return the token and its coordinated siblings ("X, Y and Z")."""
    return [tok, *tok.conjuncts] if tok.conjuncts else [tok]


def children(tok: Token, *deps: str) -> list[Token]:
    """Return the children of `tok` with one of the given dependency labels."""
    return [c for c in tok.children if c.dep_ in deps]


def child(tok: Token, *deps: str) -> Token | None:
    """Return the first child of `tok` with one of the given labels, or None."""
    for c in tok.children:
        if c.dep_ in deps:
            return c
    return None


def is_passive(verb: Token) -> bool:
    """True when the verb is in the passive voice ("was attacked")."""
    return any(c.dep_ in PASS_SUBJ or c.dep_ == "auxpass" for c in verb.children)


def phrase(tok: Token) -> Span:
    """Return the noun phrase headed by `tok`, without clauses, appositions or conjuncts.

    "the embassy of Iran in Paris, which ..." -> "the embassy of Iran". A
    prepositional modifier is kept when it is part of a title or name
    ("Prime Minister of India").
    """
    doc = tok.doc
    keep = {tok.i}
    stack = list(tok.children)
    while stack:
        c = stack.pop()
        if c.head.i == tok.i and c.dep_ in _PHRASE_STOP:
            keep_prep = c.dep_ == "prep" and c.lower_ in _NAME_PREPS
            # Word-internal punctuation belongs to the name: "Zia-Ul-Haq", "U.S.".
            keep_punct = c.dep_ == "punct" and c.text in ("-", ".", "'", "&") \
                and not c.whitespace_ and c.i > 0 and not c.doc[c.i - 1].whitespace_
            if not (keep_prep or keep_punct):
                continue
        if c.dep_ in ("relcl", "acl", "appos", "advcl") and c.head.i != tok.i:
            continue
        keep.add(c.i)
        stack.extend(c.children)
    start, end = min(keep), max(keep)
    # Keep the span contiguous around the head: cut at the first dropped token.
    lo = tok.i
    while lo - 1 >= start and (lo - 1) in keep:
        lo -= 1
    hi = tok.i
    while hi + 1 <= end and (hi + 1) in keep:
        hi += 1
    span = doc[lo:hi + 1]
    # Strip edge punctuation and possessive markers.
    while len(span) > 1 and (span[-1].is_punct or span[-1].tag_ == "POS"):
        span = span[:-1]
    while len(span) > 1 and span[0].is_punct:
        span = span[1:]
    return _whole_name(span, tok)


def _whole_name(span: Span, tok: Token) -> Span:
    """Extend a proper name the parser split at a name link ("bin", "al-"): it often hangs
    "Khalifa al-Thani" of "Sheikh Hamad bin Khalifa al-Thani" on the verb, not the name."""
    doc, end, stop = tok.doc, span.end, tok.sent.end
    if not any(t.pos_ == "PROPN" for t in span):
        return span
    opens = doc[end - 1].lower_ in _NAME_LINKS or (
        end + 1 < stop and doc[end].lower_ in _NAME_LINKS and doc[end + 1].text[:1].isupper())
    if not opens:
        return span
    j = end
    while j < stop:
        t = doc[j]
        glued = t.text == "-" and not doc[j - 1].whitespace_ and not t.whitespace_
        linked = doc[j - 1].lower_ in _NAME_LINKS or doc[j - 1].text == "-"
        if t.lower_ in _NAME_LINKS or glued or t.text[:1].isupper() and (
                t.pos_ == "PROPN" or linked):
            j += 1
            continue
        break
    while j > span.start + 1 and (doc[j - 1].lower_ in _NAME_LINKS or doc[j - 1].text == "-"):
        j -= 1
    return doc[span.start:j]


def pobjs(prep: Token) -> list[Token]:
    """Return the objects of a preposition, coordinated ones included."""
    out: list[Token] = []
    for c in prep.children:
        if c.dep_ in ("pobj", "pcomp"):
            out.extend(conjuncts(c))
    if not out:
        stranded = _reduced_relative_object(prep)
        if stranded is not None:
            out.extend(conjuncts(stranded))
    return out


def _reduced_relative_object(prep: Token) -> Token | None:
    """The object the parser took for the subject of a reduced relative clause.

    "granted asylum to five officers holed up in a residence": the parser leaves "to"
    without an object and makes "officers" the subject of "holed", a clause hung on
    the same verb as "to". The noun right after the preposition is its object.
    """
    if prep.dep_ not in ("prep", "dative") or prep.i + 1 >= prep.sent.end:
        return None
    for tok in prep.doc[prep.i + 1:prep.sent.end]:
        if tok.dep_ in ("compound", "amod", "nummod", "det", "poss", "case"):
            continue
        if tok.pos_ in ("NOUN", "PROPN", "PRON"):
            clause = tok.head
            if tok.dep_ == "nsubj" and clause.tag_ in ("VBN", "VBD") and clause.head == prep.head \
                    and clause.dep_ in ("advcl", "ccomp", "conj") and clause.i > tok.i:
                return tok
        return None
    return None


def preps(tok: Token, lemma: str) -> Iterator[Token]:
    """Yield the prepositions with this lemma attached to `tok` (including "agent" by)."""
    for c in tok.children:
        if c.dep_ in ("prep", "agent", "dative") and c.lower_ == lemma:
            yield c


def ancestors_until_clause(tok: Token) -> Iterator[Token]:
    """Yield `tok` and its heads through verb chains (xcomp, ccomp, conj, advcl, acl)."""
    cur = tok
    seen = {cur.i}
    yield cur
    while cur.head.i != cur.i:
        cur = cur.head
        if cur.i in seen:
            break
        seen.add(cur.i)
        yield cur


def depth(tok: Token) -> int:
    """Number of heads above `tok` (0 for the root)."""
    n = 0
    cur = tok
    while cur.head.i != cur.i and n < 200:
        cur = cur.head
        n += 1
    return n


def hyphen_prefix(tok: Token) -> str | None:
    """Return "test" for "test-fired" (split by the tokenizer as test / - / fired)."""
    i = tok.i
    doc = tok.doc
    if i >= 2 and doc[i - 1].text == "-" and not doc[i - 1].whitespace_ \
            and not doc[i - 2].whitespace_:
        return doc[i - 2].lower_
    if "-" in tok.text:
        return tok.text.lower().split("-", 1)[0]
    return None


def verb_lemma(tok: Token) -> str:
    """The lemma to look up for a verb ("test-fired" -> "fire", "tear-gassed" -> "gas")."""
    if "-" in tok.text:
        tail = tok.text.lower().rsplit("-", 1)[1]
        return tail if tok.lemma_.lower() == tok.text.lower() else tok.lemma_.lower().rsplit("-", 1)[-1]
    return tok.lemma_.lower()


# Heads that stand before the real noun ("a round of sanctions", "$100 million in aid").
# Quantity nouns standing before the real object: "a new round of sanctions".
QUANTITY = {"round", "series", "package", "wave", "set", "number", "batch", "barrage", "volley",
             "string", "raft", "slew", "host", "spate", "flurry", "salvo", "list", "lot", "kind",
             "type", "form", "tranche", "shipment", "amount", "range", "dozens", "dozen",
             "hundreds", "thousands", "scores", "more", "some", "all", "part", "rest", "tens",
             "millions", "group", "team", "contingent", "unit", "state", "stretch"}
MONEY = {"dollar", "euro", "pound", "yen", "yuan", "rupee", "franc", "$", "€", "£", "million",
          "billion", "trillion", "ton", "tonne", "kg", "kilogram", "worth", "consignment",
          "planeload", "truckload", "shipload", "convoy", "plane", "aircraft", "flight", "truck",
          "ship", "vessel", "boat", "lorry"}
ACTOR_PREPS = ("of", "by", "from")


def coordinated_parts(tok: Token) -> list[Token]:
    """Coordinated modifiers of one head: "Russian and Chinese warships", "talks between
    Armenian and Azerbaijani officials", "negotiators from Russia and Ukraine"."""
    for c in tok.children:
        if c.dep_ in ("amod", "compound", "nmod") and c.conjuncts:
            return [c, *c.conjuncts]
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ("from", "of"):
            objs = pobjs(c)
            if len(objs) > 1:
                return objs
    return [tok]


def mods(tok: Token) -> set[str]:
    """Modifier lemmas of a noun, through compound chains ("joint air force drills")."""
    out: set[str] = set()
    stack = [tok]
    while stack:
        t = stack.pop()
        for c in t.children:
            if c.dep_ in ("amod", "compound", "nmod"):
                out.add(c.lemma_.lower())
                stack.append(c)
    return out


def head_tokens(tok: Token) -> list[Token]:
    """The token, or the real head behind a quantity word ("a round of sanctions")."""
    out = [tok]
    frontier = [tok]
    for _ in range(2):  # "tens of thousands of reservists"
        nxt = []
        for t in frontier:
            lem = t.lemma_.lower()
            if lem in QUANTITY or lem in MONEY or t.lower_ in QUANTITY:
                for c in t.children:
                    # "a round of sanctions", "$100 million in economic aid", "15 tons of supplies"
                    if c.dep_ == "prep" and (c.lower_ == "of" or (c.lower_ == "in" and lem in MONEY)):
                        nxt.extend(pobjs(c))
                    elif c.dep_ == "acl" and lem in MONEY:
                        # "planes carrying medical supplies"
                        nxt.extend(g for g in c.children if g.dep_ == "dobj")
        out.extend(nxt)
        frontier = nxt
    return out


def head_words(tok: Token) -> set[str]:
    """Lemmas that identify an object: its head, compounds/adjectives, and quantity targets."""
    words = set()
    for t in head_tokens(tok):
        words.add(t.lemma_.lower())
        words.add(t.lower_)
        for c in t.children:
            if c.dep_ in ("compound", "amod", "nmod"):
                words.add(c.lemma_.lower())
    return words


def owner_of(tok: Token) -> list[Token]:
    """Who an object belongs to: "Iran's assets", "the assets of Iran"."""
    for c in tok.children:
        if c.dep_ == "poss":
            return conjuncts(c)
    for c in tok.children:
        if c.dep_ == "prep" and c.lower_ in ACTOR_PREPS:
            objs = pobjs(c)
            if objs:
                return objs
    return []


def governed_by(tok: Token, trigger: Token) -> bool:
    cur = tok
    for _ in range(4):
        if cur.head.i == cur.i:
            return False
        cur = cur.head
        if cur.i == trigger.i:
            return True
        if cur.pos_ in ("VERB", "AUX") and cur.i != trigger.i:
            return False
    return False


def words_text(words: list[Token]) -> str:
    """Join trigger words in sentence order, keeping "test-fired" together."""
    toks = sorted({t.i: t for t in words}.values(), key=lambda t: t.i)
    parts: list[str] = []
    for n, t in enumerate(toks):
        parts.append(t.text)
        if n + 1 < len(toks):
            parts.append(t.whitespace_ if toks[n + 1].i == t.i + 1 else " ")
    return "".join(parts)
