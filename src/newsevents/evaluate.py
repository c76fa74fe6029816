"""Gold-standard readers and event-coding scores.

Readers turn three gold formats into one shape, `GoldRecord`:

* ``plover``: PLOVER gold-record JSON (a list of records with ``event``,
  ``source``/``target`` actor lists and ``text``); old labels are mapped
  (DEMAND->REQUEST, DISAPPROVE/INVESTIGATE->ACCUSE, FIGHT->ASSAULT).
* ``petrarch``: PETRARCH/TABARI validation XML (``<Sentence>`` with
  ``<EventCoding sourcecode targetcode eventcode>`` or ``noevents``/``error``,
  and the ``<Text>``; parse trees are ignored).
* ``jsonl``: our own format, one record a line:
  ``{"id", "text", "date", "events": [{"source_country", "source_code"?, "target_country",
  "cameo", "plover", "modality", ...}], "tags": [...]}``; a line with no ``events``
  (e.g. ``{"id", "text", "date", "category"}``) is a no-event sentence.

`score` compares predicted `Event`s with the gold per record and reports
precision, recall and F1 at each level: event type, CAMEO root, full CAMEO
code, source country, target country and the (source, target, type) triple;
plus a confusion table of types and every miss and false alarm.
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from .coding.taxonomy import lookup
from .errors import ConfigError
from .model import Event

FORMATS = ("plover", "petrarch", "jsonl")
OLD_PLOVER = {"DEMAND": "REQUEST", "DISAPPROVE": "ACCUSE", "INVESTIGATE": "ACCUSE",
              "FIGHT": "ASSAULT"}
# Known misspellings of ISO codes in published gold files.
CODE_ALIASES = {"JAP": "JPN"}
LEVELS = ("type", "root", "code", "source", "target", "triple")


@dataclass(slots=True)
class GoldEvent:
    """One gold event, reduced to what the scores compare.

    `source`/`target` are comparison keys: an ISO alpha-3 country, "IGO"/"NGO"
    style prefixes, or (PETRARCH suites) the first three letters of the code.
    """

    source: str | None = None
    target: str | None = None
    cameo: str | None = None
    plover: str | None = None
    modality: str | None = None
    source_text: str | None = None
    target_text: str | None = None
    event_text: str | None = None


@dataclass(slots=True)
class GoldRecord:
    """One gold sentence (or short text) and its events."""

    id: str
    text: str
    date: str | None = None
    events: list[GoldEvent] = field(default_factory=list)
    category: str | None = None
    noevents: bool = False
    error: bool = False
    tags: list[str] = field(default_factory=list)


# ------------------------------------------------------------------ readers
def detect_format(path: Path) -> str:
    """Guess a gold file's format from its first bytes."""
    text = path.read_text("utf-8", errors="replace")
    head = text[:2000].lstrip()
    if head.startswith("<"):
        return "petrarch"
    if head.startswith("["):
        return "plover"
    # PLOVER records one per line, or wrapped in an object: a record has an "event" label
    # and actor lists, where our JSONL has an "events" list.
    first: Any = None
    try:
        first = json.loads(head.splitlines()[0]) if head else None
    except ValueError:
        try:
            first = json.loads(text)
        except ValueError:
            first = None
    if isinstance(first, dict) and "event" not in first:
        first = next((v[0] for v in first.values() if isinstance(v, list) and v), first)
    if isinstance(first, dict) and isinstance(first.get("event"), str) and "events" not in first:
        return "plover"
    return "jsonl"


def read_gold(path: str | Path, format: str | None = None) -> list[GoldRecord]:
    """Read a gold file.

    Args:
        path: The file.
        format: "plover", "petrarch" or "jsonl"; None detects it from the content.

    Returns:
        The records, in file order.

    Raises:
        ConfigError: If the file is missing or not in the stated format.
    """
    path = Path(path)
    if not path.exists():
        raise ConfigError(f"gold file {path} does not exist")
    fmt = format or detect_format(path)
    if fmt not in FORMATS:
        raise ConfigError(f"unknown gold format {fmt!r} (known: {', '.join(FORMATS)})")
    try:
        if fmt == "plover":
            records = read_plover(path)
        elif fmt == "petrarch":
            records = read_petrarch(path)
        else:
            records = list(read_jsonl(path))
    except (ValueError, KeyError, TypeError, ET.ParseError) as exc:
        raise ConfigError(f"{path} is not a valid {fmt} gold file: {exc}") from exc
    # Published gold files repeat ids now and then; predictions are keyed by id.
    seen: Counter = Counter()
    for rec in records:
        seen[rec.id] += 1
        if seen[rec.id] > 1:
            rec.id = f"{rec.id}#{seen[rec.id]}"
    return records


def _key(code: Any) -> str | None:
    if not code or not isinstance(code, str):
        return None
    code = code.strip().strip('"').upper()
    if not code or code == "---":
        return None
    key = code[:3]
    return CODE_ALIASES.get(key, key)


def read_plover(path: Path) -> list[GoldRecord]:
    """Read PLOVER gold-record JSON (one event per record; actor lists are crossed).

    Accepts a JSON array of records (the published files), an object holding that array
    under any key ("records", "data" ...), or JSON Lines (one record per line).
    """
    raw = path.read_text("utf-8")
    try:
        data: Any = json.loads(raw)
    except ValueError:
        data = [json.loads(line) for line in raw.splitlines() if line.strip()]
    if isinstance(data, dict):
        data = next((v for v in data.values() if isinstance(v, list)), [data])
    records = []
    for r in data:
        if not isinstance(r, dict):
            raise ValueError(f"a PLOVER record must be a JSON object, not {type(r).__name__}")
        label = str(r.get("event") or "").upper()
        ptype = OLD_PLOVER.get(label, label) or None
        srcs = [a for a in (r.get("source") or []) if isinstance(a, dict)] or [{}]
        tgts = [a for a in (r.get("target") or []) if isinstance(a, dict)] or [{}]
        events = [GoldEvent(source=_key(s.get("code")), target=_key(t.get("code")), plover=ptype,
                            source_text=s.get("actorText"), target_text=t.get("actorText"),
                            event_text=r.get("eventText"))
                  for s in srcs for t in tgts] if ptype else []
        records.append(GoldRecord(id=str(r.get("id")), text=r.get("text", ""),
                                  date=r.get("date"), events=events,
                                  category=r.get("context"), noevents=not events))
    return records


def read_petrarch(path: Path) -> list[GoldRecord]:
    """Read PETRARCH validation XML: only <Text> and <EventCoding> are used."""
    root = ET.parse(path).getroot()
    records = []
    for s in root.iter("Sentence"):
        text = " ".join((s.findtext("Text") or "").split())
        raw_date = s.get("date") or ""
        date = f"{raw_date[:4]}-{raw_date[4:6]}-{raw_date[6:8]}" if len(raw_date) == 8 else None
        events, noevents, err = [], False, False
        for ec in s.findall("EventCoding"):
            if ec.get("noevents") is not None:
                noevents = True
                continue
            if ec.get("error") is not None:
                err = True
                continue
            code = (ec.get("eventcode") or "").strip('"')
            src, tgt = ec.get("sourcecode"), ec.get("targetcode")
            try:
                entry = lookup(code)
                plover, cameo = entry.plover, code
            except KeyError:
                plover, cameo = None, code or None
            events.append(GoldEvent(source=_key(src), target=_key(tgt), cameo=cameo,
                                    plover=plover, source_text=src and src.strip('"'),
                                    target_text=tgt and tgt.strip('"')))
        records.append(GoldRecord(id=s.get("id", ""), text=text, date=date, events=events,
                                  category=s.get("category"), noevents=noevents and not events,
                                  error=err,
                                  tags=[] if s.get("sentence", "true") == "true" else ["not-sentence"]))
    return records


def read_jsonl(path: Path) -> Iterator[GoldRecord]:
    """Read our JSONL gold (event lists) and no-event files (records without events)."""
    with path.open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            r = json.loads(line)
            if not isinstance(r, dict) or "text" not in r:
                raise ValueError(f"line {n}: a record needs a text")
            events = []
            for e in r.get("events") or []:
                cameo = e.get("cameo")
                plover = e.get("plover")
                if cameo and not plover:
                    try:
                        plover = lookup(str(cameo)).plover
                    except KeyError:
                        plover = None
                events.append(GoldEvent(
                    source=_key(e.get("source_country")) or _key(e.get("source_code")),
                    target=_key(e.get("target_country")) or _key(e.get("target_code")),
                    cameo=str(cameo) if cameo else None, plover=plover,
                    modality=e.get("modality") or "asserted",
                    source_text=e.get("source_text"), target_text=e.get("target_text"),
                    event_text=e.get("event_text")))
            yield GoldRecord(id=str(r.get("id", f"line-{n}")), text=r["text"], date=r.get("date"),
                             events=events, category=r.get("category"),
                             noevents="events" not in r or not events,
                             tags=list(r.get("tags") or []))


# ------------------------------------------------------------------ scoring
def event_keys(ev: Event) -> tuple[str | None, str | None]:
    """Comparison keys (source, target) of a predicted event."""
    src = ev.source_country or _key(ev.source_code)
    tgt = ev.target_country or _key(ev.target_code)
    return src, tgt


@dataclass(slots=True)
class PRF:
    """Counts and scores at one level."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, gold: Counter, pred: Counter) -> None:
        hit = sum((gold & pred).values())
        self.tp += hit
        self.fp += sum(pred.values()) - hit
        self.fn += sum(gold.values()) - hit

    def to_dict(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "precision": round(self.precision, 4),
                "recall": round(self.recall, 4), "f1": round(self.f1, 4)}


@dataclass(slots=True)
class Report:
    """Everything `score` measured."""

    levels: dict[str, PRF]
    records: int
    event_records: int
    type_accuracy_main: float
    type_accuracy_any: float
    noevent_records: int
    noevent_false: int
    confusion: Counter
    misses: list[dict[str, Any]]
    false_alarms: list[dict[str, Any]]
    type_name: str
    modality_pairs: int = 0
    modality_agree: int = 0

    @property
    def noevent_rate(self) -> float:
        return self.noevent_false / self.noevent_records if self.noevent_records else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "records": self.records, "event_records": self.event_records,
            "type": self.type_name,
            "levels": {k: v.to_dict() for k, v in self.levels.items()},
            "type_accuracy_main": round(self.type_accuracy_main, 4),
            "type_accuracy_any": round(self.type_accuracy_any, 4),
            "noevent_records": self.noevent_records, "noevent_false": self.noevent_false,
            "noevent_rate": round(self.noevent_rate, 4),
            "modality_pairs": self.modality_pairs, "modality_agree": self.modality_agree,
            "confusion": [{"gold": g, "predicted": p, "n": n}
                          for (g, p), n in self.confusion.most_common()],
            "misses": self.misses, "false_alarms": self.false_alarms,
        }

    def summary_rows(self) -> list[dict[str, Any]]:
        rows = []
        for name, prf in self.levels.items():
            if prf.tp + prf.fp + prf.fn:
                rows.append({"level": name, **prf.to_dict()})
        return rows

    def to_markdown(self) -> str:
        out = ["# Event coding evaluation\n",
               f"- records: {self.records} ({self.event_records} with gold events, "
               f"{self.noevent_records} without)",
               f"- event type = {self.type_name}",
               f"- type accuracy (main event): {self.type_accuracy_main:.1%}; "
               f"(gold type among predicted): {self.type_accuracy_any:.1%}"]
        if self.noevent_records:
            out.append(f"- no-event sentences with an asserted event: {self.noevent_false}/"
                       f"{self.noevent_records} ({self.noevent_rate:.1%})")
        if self.modality_pairs:
            out.append(f"- modality agreement on matched (source, target, type): "
                       f"{self.modality_agree}/{self.modality_pairs} "
                       f"({self.modality_agree / self.modality_pairs:.1%})")
        out += ["", "| level | P | R | F1 | tp | fp | fn |", "|---|---|---|---|---|---|---|"]
        for r in self.summary_rows():
            out.append(f"| {r['level']} | {r['precision']:.3f} | {r['recall']:.3f} | "
                       f"{r['f1']:.3f} | {r['tp']} | {r['fp']} | {r['fn']} |")
        out += ["", "## Confusion (gold type -> predicted type)", "",
                "| gold | predicted | n |", "|---|---|---|"]
        for (g, p), n in sorted(self.confusion.items(), key=lambda kv: (-kv[1], kv[0])):
            out.append(f"| {g} | {p} | {n} |")
        for title, rows in (("Misses", self.misses), ("False alarms", self.false_alarms)):
            out += ["", f"## {title} ({len(rows)})", ""]
            for r in rows:
                out.append(f"- `{r['id']}` {r['triple']} — {r['text']}")
        return "\n".join(out) + "\n"


def _type(cameo: str | None, plover: str | None, type_name: str) -> str | None:
    if type_name == "root":
        return cameo[:2] if cameo else None
    if plover:
        return plover
    return f"CAMEO{cameo[:2]}" if cameo else None


def score(records: Iterable[GoldRecord], predictions: dict[str, list[Event]], *,
          modality: str = "auto", type_name: str = "plover") -> Report:
    """Score predicted events against gold records.

    Args:
        records: Gold records.
        predictions: Predicted events by record id (records missing here have none).
        modality: "asserted" (only asserted events on both sides), "all", or
            "auto": asserted-only when the gold states modalities (our JSONL); for
            gold without modalities (PLOVER, PETRARCH), asserted events plus future
            events compared by their intent code (AGREE/THREATEN), as those
            conventions code announced acts.
        type_name: "plover" (PLOVER type; CAMEO root 01, which has no PLOVER type,
            counts as "CAMEO01") or "root" (CAMEO root).

    Returns:
        The report.
    """
    levels = {name: PRF() for name in LEVELS}
    confusion: Counter = Counter()
    misses: list[dict[str, Any]] = []
    false_alarms: list[dict[str, Any]] = []
    n = n_events = main_ok = any_ok = n_none = none_false = 0
    mod_pairs = mod_agree = 0
    for rec in records:
        if rec.error:
            continue
        n += 1
        preds = predictions.get(rec.id, [])
        # Modality agreement: gold events with a stated modality against predicted events
        # of the same (source, target, type), whatever their modality.
        pool = [(*event_keys(e), _type(e.cameo, e.plover, type_name), e.modality) for e in preds]
        for g in rec.events:
            if not g.modality:
                continue
            key = (g.source, g.target, _type(g.cameo, g.plover, type_name))
            match = next((p for p in pool if p[:3] == key), None)
            if match is not None:
                pool.remove(match)
                mod_pairs += 1
                mod_agree += match[3] == g.modality
        has_modality = any(e.modality for e in rec.events)
        asserted = modality == "asserted" or (modality == "auto" and has_modality) or \
            (modality == "auto" and rec.noevents)
        if asserted:
            preds = [e for e in preds if e.modality == "asserted"]
            gold = [g for g in rec.events if (g.modality or "asserted") == "asserted"]
        else:
            # PLOVER and PETRARCH gold mark no modality; their convention codes an announced
            # future act as the announcement (AGREE / THREATEN), and never codes what is
            # negated or only possible. Compare our future events by their intent code.
            preds = [_as_intent(e) if e.modality == "future" else e for e in preds
                     if e.modality in ("asserted", "future")]
            gold = list(rec.events)
        if rec.noevents and not rec.events:
            n_none += 1
            if preds:
                none_false += 1
        gold_has_cameo = any(g.cameo for g in gold)
        g_rows = [(g.source, g.target, _type(g.cameo, g.plover, type_name), g.cameo) for g in gold]
        p_rows = []
        for e in preds:
            s, t = event_keys(e)
            p_rows.append((s, t, _type(e.cameo, e.plover, type_name), e.cameo))
        levels["type"].add(Counter(r[2] for r in g_rows), Counter(r[2] for r in p_rows))
        if gold_has_cameo or not gold:
            levels["root"].add(Counter(r[3][:2] for r in g_rows if r[3]),
                               Counter(r[3][:2] for r in p_rows if r[3]))
            levels["code"].add(Counter(r[3] for r in g_rows if r[3]),
                               Counter(r[3] for r in p_rows if r[3]))
        levels["source"].add(Counter(r[0] for r in g_rows if r[0]),
                             Counter(r[0] for r in p_rows if r[0]))
        levels["target"].add(Counter(r[1] for r in g_rows if r[1]),
                             Counter(r[1] for r in p_rows if r[1]))
        g_tr = Counter((r[0], r[1], r[2]) for r in g_rows)
        p_tr = Counter((r[0], r[1], r[2]) for r in p_rows)
        levels["triple"].add(g_tr, p_tr)
        for tr, k in (g_tr - p_tr).items():
            misses.extend({"id": rec.id, "triple": tr, "text": rec.text} for _ in range(k))
        for tr, k in (p_tr - g_tr).items():
            false_alarms.extend({"id": rec.id, "triple": tr, "text": rec.text} for _ in range(k))
        # Confusion of types: matched on the diagonal, leftovers paired in order.
        g_types = Counter(r[2] for r in g_rows)
        p_types = Counter(r[2] for r in p_rows)
        both = g_types & p_types
        for t, k in both.items():
            confusion[(t, t)] += k
        g_left = list((g_types - both).elements())
        p_left = list((p_types - both).elements())
        for i in range(max(len(g_left), len(p_left))):
            confusion[(g_left[i] if i < len(g_left) else "NONE",
                       p_left[i] if i < len(p_left) else "NONE")] += 1
        if gold:
            n_events += 1
            gold_types = {r[2] for r in g_rows}
            if p_rows and p_rows[0][2] in gold_types:
                main_ok += 1
            if gold_types & {r[2] for r in p_rows}:
                any_ok += 1
    return Report(levels=levels, records=n, event_records=n_events,
                  type_accuracy_main=main_ok / n_events if n_events else 0.0,
                  type_accuracy_any=any_ok / n_events if n_events else 0.0,
                  noevent_records=n_none, noevent_false=none_false, confusion=confusion,
                  misses=misses, false_alarms=false_alarms, type_name=type_name,
                  modality_pairs=mod_pairs, modality_agree=mod_agree)


def _as_intent(ev: Event) -> Event:
    """A copy of a future event carrying the code of announcing it ("will attack" -> 138)."""
    from dataclasses import replace

    from .coding.codes import intent_code

    code = intent_code(ev.cameo) if ev.cameo else ev.cameo
    if code == ev.cameo or not code:
        return ev
    entry = lookup(code)
    return replace(ev, cameo=code, cameo_root=entry.root, plover=entry.plover,
                   plover_mode=entry.plover_mode)


def predict(records: Iterable[GoldRecord], nlp: Any, coder: Any,
            batch_size: int = 32) -> dict[str, list[Event]]:
    """Code every gold record's text with a coder.

    Args:
        records: Gold records.
        nlp: A loaded spaCy pipeline.
        coder: An object with `code_doc` (EventCoder, PetrarchCoder, ...).
        batch_size: Texts per `nlp.pipe` batch.

    Returns:
        Predicted events by record id (in each record, events in coder order).
    """
    from .coding.texts import code_texts

    recs = [r for r in records if not r.error]
    out: dict[str, list[Event]] = {r.id: [] for r in recs}
    items = ((r.text, {"news_date": r.date, "input_id": r.id, "article_id": r.id}) for r in recs)
    for ev in code_texts(items, nlp, coder, batch_size=batch_size):
        out.setdefault(ev.input_id or "", []).append(ev)
    return out


def gold_to_dict(rec: GoldRecord) -> dict[str, Any]:
    """A gold record as plain data (for reports and debugging)."""
    return asdict(rec)
