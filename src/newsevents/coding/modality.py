"""Modality and attribution of an event trigger, read off the dependency parse.

Modality is one of `asserted`, `negated`, `future`, `hypothetical`
(`newsevents.model.MODALITIES`). Attribution is who *reports* an event that
somebody else did ("state media reported that Kim ordered ...").
"""

from __future__ import annotations

from spacy.tokens import Span, Token

from .lexicon import Lexicon
from .syntax import SUBJ, child, children, phrase

_NEG_WORDS = {"not", "n't", "never", "no", "neither", "nor"}
_FUTURE_AUX = {"will", "shall", "'ll", "wo"}  # "wo" is spaCy's split of "won't"
_COND_MARKS = {"if", "unless", "whether", "once", "lest"}
_DECISION_NOUNS = {"decision", "move", "order", "step", "vote", "ruling"}
_BELIEF_NOUNS = {"evidence", "claim", "allegation", "report", "rumour", "rumor", "speculation",
                 "fear", "suspicion", "possibility", "risk", "prospect", "likelihood", "chance",
                 "concern", "worry", "belief", "assumption", "hope", "sign", "indication"}
_FAIL_VERBS = {"fail", "refrain", "stop", "cease", "abstain"}
# Complement links through which a higher verb governs the event's modality.
_CHAIN = {"xcomp", "ccomp", "conj", "advcl", "acl", "relcl", "pcomp", "prep", "pobj", "dobj",
          "nsubj", "nsubjpass", "attr", "oprd", "advmod", "npadvmod", "acomp"}


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" or (c.dep_ in ("advmod", "preconj") and c.lower_ in _NEG_WORDS)
               for c in tok.children)


def _reported(verb: Token, report: frozenset[str]) -> bool:
    """True when `verb` (or the verb it is coordinated with) is a reported clause."""
    cur = verb
    for _ in range(4):
        if cur.dep_ == "ccomp" and cur.head.lemma_.lower() in report:
            return True
        if cur.dep_ != "conj" or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def refusal(trigger: Token, lex: Lexicon) -> bool:
    """True when a negated act is a refusal or a failure to act, not a plain denial.

    "failed to reach an agreement", "will not meet their demands", "said it would
    not extend the truce": the actor declines the act (CAMEO codes these as
    rejections, root 12). "did not meet", "has not withdrawn" state facts and stay
    negated.

    Args:
        trigger: The event's trigger word.
        lex: The lexicon (report verbs).

    Returns:
        True for a refusal.
    """
    report = lex.words("report_verbs")
    cur = trigger
    for _ in range(6):
        if cur.dep_ == "xcomp" and cur.head.lemma_.lower() == "fail":
            return True
        if _negated(cur):
            return any(c.dep_ == "aux" and (c.lower_ in _FUTURE_AUX or (
                c.lower_ == "would" and _reported(cur, report))) for c in cur.children)
        if cur.dep_ not in ("xcomp", "conj") or cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


# Verbs of wanting: what they want of others has not happened ("wants Britain to act").
_DESIRE_VERBS = {"want", "wish", "hope", "prefer", "desire"}


def _forms(verb: Token) -> set[str]:
    """The verb's lemma and the stems of its inflected form: the small model's lemmatizer
    garbles some ("hopes" -> "hop")."""
    low = verb.lower_
    out = {verb.lemma_.lower(), low}
    if low.endswith("s"):
        out.add(low[:-1])
    if low.endswith("ed"):
        out.update((low[:-1], low[:-2]))
    if low.endswith("ing"):
        out.update((low[:-3], low[:-3] + "e"))
    return out


def modality(trigger: Token, lex: Lexicon) -> str:
    """Return the modality of the event whose trigger word is `trigger`.

    Args:
        trigger: The verb (or event noun) evoking the event.
        lex: The lexicon (its grammar lists name planning, predicting and hedging words).

    Returns:
        "negated", "hypothetical", "future" or "asserted".
    """
    future_verbs = lex.words("future_verbs")
    prediction = lex.words("prediction_verbs")
    hypo_aux = lex.words("hypothetical_verbs")
    hedges = lex.words("hedge_words")
    report = lex.words("report_verbs")

    negated = hypothetical = future = False
    # "the right to fire", "efforts to broker a deal": an infinitive hung on a noun is a
    # possibility, not an act.
    if trigger.dep_ in ("acl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to"
                                                for c in trigger.children) \
            and trigger.head.lemma_.lower() not in _DECISION_NOUNS:
        hypothetical = True  # ... but "Beijing's decision to suspend imports" was taken
    if trigger.pos_ in ("NOUN", "PROPN") and trigger.dep_ in ("dobj", "pobj", "attr", "oprd",
                                                               "appos", "conj"):
        # "did not condemn Israel's strikes": the strikes still happened. An event noun
        # in an argument slot keeps its own modality, unless a condition frames it.
        for anc in trigger.ancestors:
            if anc.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in _COND_MARKS
                                           for m in anc.children):
                return "hypothetical"
        return "hypothetical" if hypothetical else "asserted"
    # "made no apology", "offered no support", "has given no guarantee": the act is
    # denied by the quantifier of the word that carries it.
    if any(c.dep_ == "dobj" and any(d.dep_ == "det" and d.lower_ == "no" for d in c.children)
           for c in trigger.children):
        return "negated"
    cur = trigger
    steps = 0
    while True:
        steps += 1
        if _negated(cur):
            negated = True
        for c in cur.children:
            low = c.lower_
            if c.dep_ in ("aux", "auxpass"):
                if low in _FUTURE_AUX:
                    future = True
                elif low in hypo_aux:
                    # Reported "would" is the future of the past: "said it would retaliate",
                    # also on a coordinated verb: "announced it would ban X and would deny Y".
                    if low == "would" and _reported(cur, report):
                        future = True
                    else:
                        hypothetical = True
            elif c.dep_ in ("advmod", "amod", "acomp") and low in hedges:
                hypothetical = True
            elif c.dep_ == "mark" and low in _COND_MARKS and cur.dep_ == "advcl":
                hypothetical = True
        if cur.dep_ == "advcl" and any(m.lower_ in _COND_MARKS for m in children(cur, "mark")):
            hypothetical = True
        # "X would impose sanctions if Y tested again": the act hangs on a condition.
        if any(c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("if", "unless")
                                         for m in c.children) for c in cur.children) \
                and any(c.dep_ == "aux" and c.lower_ in ("would", "could", "might", "may")
                        for c in cur.children):
            hypothetical = True
        # "found no evidence that X had used", "fears that X could": a clause on a noun of
        # belief or report is not a fact.
        if cur.dep_ in ("acl", "ccomp") and cur.head.pos_ == "NOUN" \
                and cur.head.lemma_.lower() in _BELIEF_NOUNS:
            hypothetical = True
        # "Neither Russia nor Ukraine has agreed", "no country has recognised"
        for sub in cur.children:
            if sub.dep_ in ("nsubj", "nsubjpass") and any(
                    g.lower_ in ("neither", "no", "none") and g.dep_ in ("preconj", "det")
                    for g in sub.children):
                negated = True
        if cur.head.i == cur.i or cur.dep_ not in _CHAIN or steps > 12:
            break
        head = cur.head
        hl = head.lemma_.lower()
        if cur.dep_ == "xcomp":
            if hl in _FAIL_VERBS:
                negated = True
            if hl in future_verbs or (head.lower_ in future_verbs):
                # "X expects to sign" is a plan; "X is expected to sign" a forecast of others.
                if hl == "expect" and any(c.dep_ == "auxpass" for c in head.children):
                    future = True
                else:
                    future = True
            if hl in hedges:
                hypothetical = True  # "was likely to call on"
            if hl in prediction and child(head, "dobj") is not None:
                hypothetical = True  # "analysts expect Iran to return"
            if hl in ("consider", "weigh", "mull", "contemplate", "threaten", "offer", "propose"):
                hypothetical = True
        elif cur.dep_ == "ccomp":
            if _forms(head) & (prediction | _DESIRE_VERBS):
                hypothetical = True  # "the US wants the UK to extradite him": not done
            if hl in report:
                # The reported clause's own modality decides; stop climbing (a
                # "said" four levels up does not make the event hypothetical).
                if _negated(head) and not negated:
                    hypothetical = True
                break
        elif cur.dep_ in ("conj",):
            pass  # coordinated verbs share auxiliaries: "will meet and sign"
        elif cur.dep_ in ("acl", "relcl", "pobj", "dobj", "nsubj", "nsubjpass", "prep",
                          "attr", "oprd", "advmod", "npadvmod", "pcomp", "advcl"):
            # Nouns and clauses hanging on a verb inherit its futurity and negation
            # ("talks ... will resume"), but not via a plain report.
            if head.pos_ not in ("VERB", "AUX"):
                cur = head
                continue
        cur = head
    if negated:
        return "negated"
    if hypothetical:
        return "hypothetical"
    if future:
        return "future"
    return "asserted"


def attribution(trigger: Token, lex: Lexicon) -> Span | None:
    """Return the phrase an event is attributed to, if a reporter is named.

    "State media reported that Kim ordered ..." -> "State media";
    "..., according to the Interior Ministry" -> "the Interior Ministry".

    Args:
        trigger: The event's trigger word.
        lex: The lexicon (report verbs).

    Returns:
        The reporter's noun phrase, or None.
    """
    report = lex.words("report_verbs")
    cur = trigger
    for _ in range(8):
        if cur.head.i == cur.i:
            break
        head = cur.head
        if cur.dep_ in ("ccomp", "parataxis") and head.lemma_.lower() in report:
            subj = child(head, *SUBJ) or _agent(head)
            if subj is not None:
                return phrase(subj)
            break
        if cur.dep_ not in ("conj", "xcomp", "advcl", "ccomp"):
            break
        cur = head
    # "according to X" anywhere on the trigger's clause or the root.
    sent = trigger.sent
    for tok in sent:
        if tok.lower_ == "according" and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == "to":
            to = tok.doc[tok.i + 1]
            objs = [c for c in to.children if c.dep_ == "pobj"] or \
                [c for c in tok.children if c.dep_ == "pobj"]
            if objs:
                return phrase(objs[0])
    # Parenthetical reporter: "Kim ordered the test, state media said."
    root = sent.root
    if root is not trigger and root.lemma_.lower() in report and trigger.head.i != trigger.i:
        cur = trigger
        while cur.head.i != cur.i and cur.head.i != root.i:
            cur = cur.head
        if cur.head.i == root.i and cur.dep_ in ("ccomp", "parataxis"):
            subj = child(root, *SUBJ)
            if subj is not None:
                return phrase(subj)
    return None


def in_reporter(trigger: Token, lex: Lexicon) -> bool:
    """Whether a trigger sits inside the description of whoever reports the news.

    In "..., a member of the Chadian team trying to broker a peace pact has said" the
    brokering only says who the reporter is: background, not the news. A word is in
    the reporter's phrase when it lies under the subject of a report verb that
    carries reported content (a `ccomp` or `parataxis` clause).

    Args:
        trigger: A trigger word.
        lex: The lexicon (report verbs).

    Returns:
        True when the trigger belongs to the reporter's noun phrase.
    """
    report = lex.words("report_verbs")
    cur = trigger
    for _ in range(12):
        head = cur.head
        if head.i == cur.i:
            return False
        if cur.dep_ in SUBJ and head.lemma_.lower() in report and cur.pos_ in ("NOUN", "PROPN") \
                and any(c.dep_ in ("ccomp", "parataxis") for c in head.children):
            return cur.i != trigger.i
        if cur.dep_ in ("ccomp", "parataxis", "ROOT"):
            return False  # a clause of its own: the reported content, not the reporter
        cur = head
    return False


def _agent(verb: Token) -> Token | None:
    for c in verb.children:
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g
    return None
