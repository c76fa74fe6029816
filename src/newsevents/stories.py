"""Stories: recognising syndicated copies of one report with MinHash LSH.

The same wire story runs in many outlets with a new headline, a local
paragraph, the outlet's boilerplate, a cut at the end, or a sentence
reworded. `StoryIndex` gives every article a `story_id` (its cluster) and
`duplicate_of` (the first-seen copy of that story), incrementally: the index
persists beside the store and new articles join the clusters of earlier runs.

How an article is matched:
    1. Its body is split into lower-cased word tokens and word `shingle`-grams (5),
       summarised by a datasketch `MinHash` (`num_perm` permutations).
    2. A `MinHashLSH` built for a lower Jaccard level (`candidate_threshold`)
       proposes earlier articles that may be copies.
    3. Each candidate is scored with the larger of the estimated Jaccard
       similarity and the estimated containment of the shorter text in the
       longer one (so a copy cut to half its length still matches), and the
       article joins the story of the best candidate scoring >= `threshold`.
       Otherwise it starts a new story.

Persistence (`<db>.stories/`): `meta.json` (parameters) and append-only
`segment-NNNNNN.npz` files (keys, ids, stories, shingle counts, signatures as
uint32). `open` rebuilds the LSH from the signatures, so the threshold can
change between runs; the MinHash parameters cannot.
"""

from __future__ import annotations

import hashlib
import json
import os
import string
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from datasketch import LeanMinHash, MinHash, MinHashLSH

from .model import Article

FORMAT = 1
_PUNCT = str.maketrans({c: " " for c in string.punctuation + "\u201c\u201d\u2018\u2019"
                                                               "\u2014\u2013\u2026\u00ab\u00bb"})
# Fixed odd multipliers that fold k token hashes into one shingle hash; the
# MinHash scheme then mixes it (datasketch's affine32 applies fmix32).
_FOLD = np.array([0x9E3779B1, 0x85EBCA77, 0xC2B2AE3D, 0x27D4EB2F, 0x165667B1],
                 dtype=np.uint32)
_SCHEME = "affine32"
_CACHE_MAX = 2_000_000


@dataclass(frozen=True, slots=True)
class Assignment:
    """Where one article sits: its story and the story's first-seen copy."""

    article_id: str
    story_id: str
    duplicate_of: str | None
    score: float


def shingle_hashes(text: str, k: int = 5, cache: dict[str, int] | None = None) -> np.ndarray:
    """Return the distinct 32-bit hashes of the word k-grams of `text`.

    Args:
        text: Article body.
        k: Words per shingle (a text shorter than k is one shingle).
        cache: Optional token -> hash memo (news vocabulary repeats, and a
            dict lookup is several times cheaper than encoding and hashing).

    Returns:
        A sorted uint32 array (empty when the text has no words).
    """
    # translate + split is several times faster than a \w+ regex on long texts.
    tokens = text.lower().translate(_PUNCT).split()
    if not tokens:
        return np.empty(0, dtype=np.uint32)
    if cache is None:
        hashed = [zlib.crc32(t.encode("utf-8")) for t in tokens]
    else:
        if len(cache) > _CACHE_MAX:
            cache.clear()
        get = cache.get
        hashed = [get(t) for t in tokens]
        if None in hashed:
            for i, h in enumerate(hashed):
                if h is None:
                    h = cache[tokens[i]] = zlib.crc32(tokens[i].encode("utf-8"))
                    hashed[i] = h
    th = np.array(hashed, dtype=np.uint32)
    if len(th) < k:
        k = len(th)
    n = len(th) - k + 1
    with np.errstate(over="ignore"):
        acc = np.zeros(n, dtype=np.uint32)
        for j in range(k):
            acc = acc * np.uint32(31) + th[j:j + n] * _FOLD[j % len(_FOLD)]
    return np.unique(acc)


def minhash_signature(text: str, num_perm: int = 128, seed: int = 1, shingle: int = 5,
                      permutations: object = None,
                      cache: dict[str, int] | None = None) -> tuple[np.ndarray, int]:
    """Return the MinHash signature (uint32[num_perm]) and distinct-shingle count of a text.

    A pure function of its arguments, so worker processes can compute
    signatures that the (single) index then places.
    """
    hashes = shingle_hashes(text, shingle, cache)
    m = MinHash(num_perm=num_perm, seed=seed, permutations=permutations, scheme=_SCHEME,
                hashfunc=int)
    if len(hashes):
        m.update_batch(hashes.tolist())
    return m.hashvalues.astype(np.uint32), len(hashes)


_WORKER: dict[str, object] = {}


def _worker_init(num_perm: int, seed: int, shingle: int) -> None:
    _WORKER.update(num_perm=num_perm, seed=seed, shingle=shingle, cache={},
                   perms=MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME).permutations)


def _worker_signature(text: str) -> tuple[np.ndarray, int]:
    w = _WORKER
    return minhash_signature(text, w["num_perm"], w["seed"], w["shingle"],  # type: ignore[arg-type]
                             w["perms"], w["cache"])  # type: ignore[arg-type]


class StoryIndex:
    """Incremental near-duplicate clustering of articles into stories.

    Use `StoryIndex.open(path)`; the constructor makes an unsaved index.

    Args:
        path: Folder for the persisted index (None: in memory only).
        threshold: Similarity (max of Jaccard and containment) needed to join a story.
        num_perm: MinHash permutations (fixed for the life of an index).
        shingle: Words per shingle (fixed for the life of an index).
        seed: MinHash seed (fixed for the life of an index).
        candidate_threshold: Jaccard level the LSH is tuned for; lower than
            `threshold` so that truncated copies are proposed (default threshold * 0.4).
        min_containment: Shingles the shorter text needs before containment
            counts (a one-line text is contained in too much).
        containment_floor: Estimated Jaccard a pair needs before containment
            counts (guards against MinHash noise on very unequal lengths).
    """

    def __init__(self, path: str | Path | None = None, threshold: float = 0.5,
                 num_perm: int = 128, shingle: int = 5, seed: int = 1,
                 candidate_threshold: float | None = None, min_containment: int = 25,
                 containment_floor: float = 0.08) -> None:
        if not 0.0 < threshold <= 1.0:
            raise ValueError(f"threshold must be in (0, 1], not {threshold}")
        self.path = Path(path) if path is not None else None
        self.threshold = threshold
        self.num_perm = num_perm
        self.shingle = shingle
        self.seed = seed
        self.candidate_threshold = candidate_threshold or max(0.1, round(threshold * 0.4, 3))
        self.min_containment = min_containment
        self.containment_floor = containment_floor
        self._lsh = MinHashLSH(threshold=self.candidate_threshold, num_perm=num_perm)
        self._perms = MinHash(num_perm=num_perm, seed=seed, scheme=_SCHEME).permutations
        self._tokens: dict[str, int] = {}
        # Parallel lists, one entry per indexed article (position = entry number).
        self._keys: list[str] = []
        self._ids: list[str] = []
        self._stories: list[str] = []
        self._dups: list[str] = []
        # Signatures and shingle counts live in growable arrays so that all
        # candidates of a query are scored in one vectorised comparison.
        self._sizes = np.zeros(1024, dtype=np.int64)
        self._sigs = np.zeros((1024, num_perm), dtype=np.uint32)
        self._pos: dict[str, int] = {}
        self._roots: dict[str, str] = {}  # story_id -> first-seen article id
        self._saved = 0
        self._segments = 0

    # -- persistence --------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path, threshold: float = 0.5, **params: object) -> StoryIndex:
        """Open (or create) the index stored in folder `path`.

        Args:
            path: The index folder, conventionally `<db>.stories` beside the store.
            threshold: Similarity needed to join a story (may differ between runs).
            **params: num_perm, shingle, seed for a new index (an existing index
                keeps its own), candidate_threshold, min_containment.

        Returns:
            The index with every saved article loaded.
        """
        path = Path(path)
        meta_file = path / "meta.json"
        if meta_file.exists():
            meta = json.loads(meta_file.read_text())
            if meta.get("format") != FORMAT:
                raise ValueError(f"{path}: unknown story index format {meta.get('format')}")
            for fixed in ("num_perm", "shingle", "seed"):
                params[fixed] = meta[fixed]
        index = cls(path, threshold=threshold, **params)  # type: ignore[arg-type]
        for seg in sorted(path.glob("segment-*.npz")):
            index._load_segment(seg)
            index._segments += 1
        index._saved = len(index._keys)
        return index

    def _load_segment(self, file: Path) -> None:
        with np.load(file, allow_pickle=False) as data:
            sigs = data["signatures"]
            rows = zip(data["keys"].tolist(), data["ids"].tolist(), data["stories"].tolist(),
                       data["duplicate_of"].tolist(), data["sizes"].tolist(), sigs, strict=True)
            with self._lsh.insertion_session() as session:
                for key, aid, story, dup, size, sig in rows:
                    if key in self._pos:
                        continue
                    self._append(key, aid, story, dup, int(size), np.array(sig))
                    if size > 0:
                        session.insert(key, self._lean(sig))

    def save(self) -> Path | None:
        """Write the articles assigned since the last save as a new segment.

        Returns:
            The segment written, or None (nothing new, or an in-memory index).
        """
        if self.path is None or self._saved == len(self._keys):
            return None
        self.path.mkdir(parents=True, exist_ok=True)
        meta = {"format": FORMAT, "num_perm": self.num_perm, "shingle": self.shingle,
                "seed": self.seed, "scheme": _SCHEME, "hash": "crc32-fold"}
        _atomic_write(self.path / "meta.json", json.dumps(meta, indent=1).encode())
        lo, hi = self._saved, len(self._keys)
        self._segments += 1
        seg = self.path / f"segment-{self._segments:06d}.npz"
        tmp = seg.with_name(seg.stem + f".tmp{os.getpid()}.npz")
        np.savez(tmp, keys=np.array(self._keys[lo:hi]), ids=np.array(self._ids[lo:hi]),
                 stories=np.array(self._stories[lo:hi]),
                 duplicate_of=np.array(self._dups[lo:hi]),
                 sizes=self._sizes[lo:hi].astype(np.int32),
                 signatures=self._sigs[lo:hi])
        os.replace(tmp, seg)
        self._saved = hi
        return seg

    # -- assignment -------------------------------------------------------------
    def __len__(self) -> int:
        return len(self._keys)

    def signature(self, text: str) -> tuple[np.ndarray, int]:
        """Return the MinHash signature (uint32[num_perm]) and shingle count of a text."""
        return minhash_signature(text, self.num_perm, self.seed, self.shingle, self._perms,
                                 self._tokens)

    def assign(self, article: Article) -> tuple[str, str | None]:
        """Place an article in a story, adding it to the index.

        Assigning the same content again returns its first assignment.

        Args:
            article: The article (its `text`, `id` and `content_hash` are used).

        Returns:
            (story_id, duplicate_of): duplicate_of is the story's first-seen
            article id, or None when this article starts the story.
        """
        a = self.assign_text(article.id, article.text, article.content_hash)
        return a.story_id, a.duplicate_of

    def assign_text(self, article_id: str, text: str, key: str | None = None) -> Assignment:
        """Like `assign`, over plain fields; returns the full `Assignment`.

        Args:
            article_id: The article's id (becomes `duplicate_of` of later copies).
            text: The body to compare.
            key: Identity of the content (default: the article id).
        """
        key = key or article_id
        if key in self._pos:
            i = self._pos[key]
            return Assignment(self._ids[i], self._stories[i], self._dups[i] or None, 1.0)
        sig, size = self.signature(text)
        return self._place(key, article_id, sig, size)

    def _place(self, key: str, article_id: str, sig: np.ndarray, size: int) -> Assignment:
        """Join the best-scoring earlier story, or start one; index the article."""
        story, score = None, 0.0
        if size:
            lean = self._lean(sig)
            cands = self._lsh.query(lean)
            if cands:
                pos = self._pos
                idx = np.fromiter((pos[c] for c in cands), dtype=np.int64, count=len(cands))
                scores = self._scores(sig, size, idx)
                best = int(np.argmax(scores))
                if scores[best] >= self.threshold:
                    story, score = self._stories[int(idx[best])], float(scores[best])
        if story is None:
            story = "s" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:16]
            dup = ""
            self._roots[story] = article_id
        else:
            dup = self._roots[story]
        self._append(key, article_id, story, dup, size, sig)
        if size:
            self._lsh.insert(key, lean, check_duplication=False)
        return Assignment(article_id, story, dup or None, score)

    def assign_many(self, items: Iterable[tuple[str, str]], processes: int = 1,
                    chunksize: int = 256) -> list[Assignment]:
        """Assign (article_id, text) pairs in order; signatures in parallel when asked.

        Placement stays sequential (first-seen order decides `duplicate_of`);
        only the signatures, the costly part, are computed by `processes`
        worker processes.

        Args:
            items: (article_id, text) pairs; the id is also the content key.
            processes: Worker processes for signatures (1: in this process).
            chunksize: Texts per task sent to a worker.

        Returns:
            One `Assignment` per item, in order.
        """
        if processes <= 1:
            return [self.assign_text(aid, text) for aid, text in items]
        import multiprocessing as mp

        out: list[Assignment] = []
        pending: list[str] = []

        def texts() -> Iterator[str]:
            for aid, text in items:
                pending.append(aid)
                yield text

        with mp.get_context().Pool(processes, _worker_init,
                                   (self.num_perm, self.seed, self.shingle)) as pool:
            for i, (sig, size) in enumerate(pool.imap(_worker_signature, texts(), chunksize)):
                aid = pending[i]
                if aid in self._pos:
                    j = self._pos[aid]
                    out.append(Assignment(aid, self._stories[j], self._dups[j] or None, 1.0))
                else:
                    out.append(self._place(aid, aid, sig, size))
        return out

    def story_of(self, key: str) -> str | None:
        """Return the story of indexed content `key` (None when unknown)."""
        i = self._pos.get(key)
        return self._stories[i] if i is not None else None

    # -- internals ----------------------------------------------------------------
    def _scores(self, sig: np.ndarray, size: int, idx: np.ndarray) -> np.ndarray:
        """Similarity of one signature to the indexed articles at `idx`.

        The larger of the estimated Jaccard similarity and, when the shorter
        text has at least `min_containment` shingles, the estimated share of
        the shorter text found in the longer: |A n B| = J(|A| + |B|) / (1 + J).
        """
        jac = np.count_nonzero(self._sigs[idx] == sig, axis=1) / self.num_perm
        other = self._sizes[idx]
        small = np.minimum(other, size)
        with np.errstate(divide="ignore", invalid="ignore"):
            contained = jac * (other + size) / ((1.0 + jac) * small)
        # Containment magnifies MinHash noise when one text is much shorter, so
        # it only counts for pairs that already share a real part of their text.
        usable = (small >= self.min_containment) & (jac >= self.containment_floor)
        contained = np.where(usable, np.minimum(contained, 1.0), 0.0)
        return np.maximum(jac, contained)

    def _lean(self, sig: np.ndarray) -> LeanMinHash:
        return LeanMinHash(seed=self.seed, hashvalues=sig, scheme=_SCHEME)

    def _append(self, key: str, aid: str, story: str, dup: str, size: int,
                sig: np.ndarray) -> None:
        self._pos[key] = len(self._keys)
        self._keys.append(key)
        self._ids.append(aid)
        self._stories.append(story)
        self._dups.append(dup)
        n = len(self._keys)
        if n > len(self._sizes):
            self._sizes = np.resize(self._sizes, 2 * n)
            grown = np.zeros((2 * n, self.num_perm), dtype=np.uint32)
            grown[: n - 1] = self._sigs[: n - 1]
            self._sigs = grown
        self._sizes[n - 1] = size
        self._sigs[n - 1] = sig
        if not dup:
            self._roots.setdefault(story, aid)


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + f".tmp{os.getpid()}")
    tmp.write_bytes(data)
    os.replace(tmp, path)
