"""Benchmark: syndicated-copy detection (newsevents.stories.StoryIndex).

Generates a synthetic syndication corpus — original wire stories and their
copies edited as outlets edit them (new headline, added local paragraph,
truncation, outlet boilerplate, a few sentences paraphrased), plus distinct
stories on the same topics sharing their vocabulary — then measures:

    quality  pairwise precision and recall of the story clusters
             (a pair of articles is positive when both are copies of one story)
    speed    wall time to cluster N articles (signature + LSH; text
             generation excluded), and the time to reopen the saved index

Usage:
    .venv/bin/python benchmarks/dedup.py                      # both, default sizes
    .venv/bin/python benchmarks/dedup.py --quality-stories 1500 --speed-articles 100000

All text is generated here from small word pools written for this benchmark.
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections import Counter
from math import comb
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from newsevents.stories import StoryIndex  # noqa: E402

# -- a small generator of news-like prose ------------------------------------------------
PLACES = ("Valmora", "Ressa", "Kirovets", "Altamar", "Dunmore", "Osterby", "Prelik", "Sanvera",
          "Tolvik", "Marrow Bay", "Eastgate", "Quillon", "Harrowfield", "Lintz", "Corvado")
ROLES = ("the interior minister", "the foreign minister", "the prime minister", "police",
         "the army", "union leaders", "opposition deputies", "the central bank",
         "a government spokesman", "rebel commanders", "the mayor", "protesters",
         "aid agencies", "the defence ministry", "election officials", "prosecutors",
         "the coast guard", "regional governors", "student groups", "the health ministry")
VERBS = ("said", "warned", "announced", "denied", "confirmed", "rejected", "demanded",
         "promised", "accused", "urged", "criticised", "welcomed", "threatened", "agreed",
         "refused", "reported", "proposed", "condemned", "praised", "questioned")
DAYS = ("on Monday", "on Tuesday", "on Wednesday", "on Thursday", "on Friday",
        "at the weekend", "late on Sunday", "earlier this week", "overnight")
TOPICS = {
    "strike": ("dock workers", "the stoppage", "night shift bonuses", "the harbour authority",
               "grain ships", "replacement crews", "pay talks", "the picket line",
               "the transport union", "cargo backlogs", "wage demands", "port gates"),
    "election": ("the ballot", "turnout", "the electoral commission", "polling stations",
                 "the recount", "campaign rallies", "postal votes", "the runoff",
                 "exit polls", "the incumbent", "vote buying", "the new parliament"),
    "floods": ("the river", "rescue teams", "evacuation centres", "rainfall", "the dam",
               "flooded villages", "emergency supplies", "the levee", "displaced families",
               "helicopters", "clean water", "the storm"),
    "border": ("the border crossing", "troops", "artillery fire", "the ceasefire line",
               "peace monitors", "the disputed ridge", "refugees", "patrols",
               "the demilitarised zone", "shelling", "the envoy", "checkpoints"),
    "economy": ("inflation", "interest rates", "the currency", "bond yields", "fuel prices",
                "the budget deficit", "exports", "the stock exchange", "tax reform",
                "foreign investors", "the trade balance", "subsidies"),
    "trial": ("the defendant", "the court", "the verdict", "defence lawyers", "witnesses",
              "the indictment", "bail", "the appeal", "corruption charges", "the judge",
              "testimony", "the sentence"),
}
FILLERS = ("after weeks of tension", "according to officials", "in a statement",
           "at a news conference", "despite international pressure", "for the second time",
           "amid growing anger", "in a rare move", "without giving details",
           "citing security concerns", "as talks stalled", "in the capital")
BOILER = ("Subscribe to our newsletter for the latest headlines.",
          "Copyright {outlet}. All rights reserved.", "Follow {outlet} on social media.",
          "Read more: top stories from {outlet}.", "Advertisement",
          "This article was produced with material from wire agencies.")
OUTLETS = tuple(f"Outlet {i}" for i in range(60))


SYLLABLES = ("ka", "ren", "vo", "mi", "tal", "os", "bri", "del", "an", "zu", "mor", "lei",
             "pra", "gon", "es", "vik", "sha", "tur", "len", "ix", "dor", "ya", "quin", "bel")


def name(rng: random.Random) -> str:
    """A made-up proper name (about 10^5 possibilities)."""
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))).title()


def cast(rng: random.Random) -> dict[str, list[str]]:
    """The people, groups and places one story is about."""
    return {"people": [f"{name(rng)} {name(rng)}" for _ in range(3)],
            "groups": [f"the {name(rng)} {g}" for g in
                       rng.sample(("party", "alliance", "council", "front", "union",
                                   "movement", "company", "agency"), 2)],
            "places": [rng.choice(PLACES), name(rng)]}


def sentence(rng: random.Random, topic: str, who: dict[str, list[str]] | None = None) -> str:
    """One news-like sentence on a topic, naming the story's people and places."""
    who = who or cast(rng)
    words = TOPICS[topic]
    person, group, place = (rng.choice(who["people"]), rng.choice(who["groups"]),
                            rng.choice(who["places"]))
    a = rng.choice((person, group, rng.choice(ROLES)))
    b = rng.choice(words)
    day, filler, verb = rng.choice(DAYS), rng.choice(FILLERS), rng.choice(VERBS)
    n = rng.randint(2, 9000)
    form = rng.randrange(6)
    if form == 0:
        s = f"{a} in {place} {verb} {day} that {b} would affect {n} people {filler}"
    elif form == 1:
        s = f"{filler}, {a} {verb} {rng.choice(words)} and {b} {day}, {person} told reporters"
    elif form == 2:
        s = (f"{b} in {place} was {verb} by {a} {day}, while {group} "
             f"{rng.choice(VERBS)} {rng.choice(words)}")
    elif form == 3:
        s = (f"at least {n} {rng.choice(('people', 'families', 'workers', 'officials'))} "
             f"were involved, {a} {verb}, adding that {b} in {place} {filler}")
    elif form == 4:
        s = (f"{person}, who leads {group}, {verb} that {b} had cost {n} million "
             f"{rng.choice(('dollars', 'euros', 'crowns'))} since {rng.choice(MONTHS)}")
    else:
        s = (f"in {place}, {rng.choice(ROLES)} {verb} {person} over {b} and "
             f"{rng.choice(words)} {filler}")
    return s[0].upper() + s[1:] + "."


MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


def original(rng: random.Random, topic: str) -> tuple[list[str], dict[str, list[str]]]:
    who = cast(rng)
    return [sentence(rng, topic, who) for _ in range(rng.randint(12, 30))], who


def paraphrase(rng: random.Random, s: str) -> str:
    """Reword a sentence: swap some words for near-synonyms and move a clause."""
    swaps = {"said": "stated", "warned": "cautioned", "announced": "declared",
             "people": "residents", "officials": "authorities", "would": "could",
             "the": "the", "in": "in", "while": "as", "adding": "and added"}
    words = [swaps.get(w, w) for w in s.rstrip(".").split()]
    cut = rng.randrange(1, max(2, len(words) - 1))
    return " ".join(words[cut:] + [","] + words[:cut]) + "."


def make_copy(rng: random.Random, sents: list[str], outlet: str, topic: str,
              who: dict[str, list[str]]) -> tuple[str, str]:
    """Return (title, body) of one outlet's edited copy of a story."""
    body = list(sents)
    if rng.random() < 0.5:  # truncation: keep the lead
        body = body[: max(4, int(len(body) * rng.uniform(0.45, 0.9)))]
    if rng.random() < 0.5:  # an added local paragraph
        extra = [sentence(rng, topic, who) for _ in range(rng.randint(1, 3))]
        at = rng.choice((len(body), len(body), rng.randrange(1, len(body))))
        body[at:at] = extra
    if rng.random() < 0.5:  # a few sentences paraphrased
        for i in rng.sample(range(len(body)), k=min(len(body), rng.randint(1, 3))):
            body[i] = paraphrase(rng, body[i])
    text = " ".join(body)
    if rng.random() < 0.6:  # outlet boilerplate
        lines = [b.format(outlet=outlet) for b in rng.sample(BOILER, k=2)]
        text = f"{lines[0]}\n{text}\n{lines[1]}"
    title = rng.choice(("Breaking: ", "", "UPDATE - ", "Analysis: ")) + sents[0][:60]
    return title, text


def corpus(n_stories: int, mean_copies: float, seed: int) -> list[tuple[str, str, int]]:
    """Return shuffled (article_id, text, gold_story) rows."""
    rng = random.Random(seed)
    rows: list[tuple[str, str, int]] = []
    for story in range(n_stories):
        topic = rng.choice(tuple(TOPICS))
        sents, who = original(rng, topic)
        rows.append((f"st{story}-0", f"Headline {story}\n" + " ".join(sents), story))
        for c in range(1, 1 + min(20, int(rng.expovariate(1 / mean_copies)))):
            title, text = make_copy(rng, sents, rng.choice(OUTLETS), topic, who)
            rows.append((f"st{story}-{c}", title + "\n" + text, story))
    rng.shuffle(rows)
    return rows


def pairwise(gold: list[int], pred: list[str]) -> tuple[float, float]:
    """Pairwise precision and recall of a clustering against gold clusters."""
    both = Counter(zip(gold, pred, strict=True))
    tp = sum(comb(n, 2) for n in both.values())
    pred_pairs = sum(comb(n, 2) for n in Counter(pred).values())
    gold_pairs = sum(comb(n, 2) for n in Counter(gold).values())
    return (tp / pred_pairs if pred_pairs else 1.0), (tp / gold_pairs if gold_pairs else 1.0)


def quality(n_stories: int, threshold: float, seed: int) -> dict[str, float]:
    rows = corpus(n_stories, mean_copies=4.0, seed=seed)
    index = StoryIndex(threshold=threshold)
    pred = [index.assign_text(aid, text).story_id for aid, text, _ in rows]
    p, r = pairwise([g for _, _, g in rows], pred)
    return {"articles": len(rows), "stories": n_stories, "precision": p, "recall": r,
            "f1": 2 * p * r / (p + r) if p + r else 0.0}


def speed(n_articles: int, threshold: float, seed: int, processes: int) -> dict[str, float]:
    rows: list[tuple[str, str, int]] = []
    stories = 0
    while len(rows) < n_articles:
        chunk = corpus(2000, mean_copies=3.0, seed=seed + stories)
        rows += [(f"{stories}-{aid}", text, g + stories) for aid, text, g in chunk]
        stories += 2000
    rows = rows[:n_articles]
    words = sum(len(t.split()) for _, t, _ in rows) / len(rows)
    with tempfile.TemporaryDirectory() as tmp:
        index = StoryIndex.open(Path(tmp) / "bench.stories", threshold=threshold)
        t0 = time.perf_counter()
        assigned = index.assign_many(((aid, text) for aid, text, _ in rows), processes=processes)
        clustered = time.perf_counter() - t0
        p, r = pairwise([g for _, _, g in rows], [a.story_id for a in assigned])
        t1 = time.perf_counter()
        index.save()
        saved = time.perf_counter() - t1
        t2 = time.perf_counter()
        reopened = StoryIndex.open(Path(tmp) / "bench.stories", threshold=threshold)
        opened = time.perf_counter() - t2
        assert len(reopened) == len(rows)
    return {"articles": len(rows), "mean_words": words, "cluster_s": clustered,
            "precision": p, "recall": r, "processes": processes,
            "articles_per_s": len(rows) / clustered, "save_s": saved, "reopen_s": opened}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quality-stories", type=int, default=1500)
    ap.add_argument("--speed-articles", type=int, default=100_000)
    ap.add_argument("--threshold", type=float, default=0.5)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--processes", type=int, default=2,
                    help="signature worker processes for the speed run (1: sequential)")
    ap.add_argument("--skip-speed", action="store_true")
    args = ap.parse_args()
    q = quality(args.quality_stories, args.threshold, args.seed)
    print(f"quality: {q['articles']} articles / {q['stories']} stories, threshold "
          f"{args.threshold}: precision {q['precision']:.4f} recall {q['recall']:.4f} "
          f"F1 {q['f1']:.4f}")
    if not args.skip_speed:
        s = speed(args.speed_articles, args.threshold, args.seed + 1000, args.processes)
        print(f"speed: {s['articles']} articles (mean {s['mean_words']:.0f} words) clustered "
              f"in {s['cluster_s']:.1f} s ({s['articles_per_s']:.0f}/s, {s['processes']} "
              f"signature processes; P {s['precision']:.4f} R {s['recall']:.4f}); save "
              f"{s['save_s']:.2f} s; reopen {s['reopen_s']:.1f} s")


if __name__ == "__main__":
    main()
