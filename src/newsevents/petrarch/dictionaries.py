"""Loading a set of PETRARCH dictionaries from files or a folder."""

from __future__ import annotations

import fnmatch
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import ConfigError
from ._lines import log
from .actors import ActorDictionary, read_actors
from .agents import AgentDictionary, read_agents
from .discards import DiscardDictionary, read_discards
from .issues import IssueDictionary, read_issues
from .verbs import VerbDictionary, read_verbs

# Which reader a file goes to, by (case-insensitive) file name; first match wins.
KIND_PATTERNS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("issues", ("*issue*.txt",)),
    ("discards", ("*discard*.txt",)),
    ("agents", ("*agent*.txt",)),
    ("actors", ("*actor*.txt",)),
    ("verbs", ("*verb*.txt", "cameo*.txt")),
)


def classify(path: Path) -> str | None:
    """Return the dictionary kind a file name stands for, or None."""
    name = path.name.lower()
    for kind, patterns in KIND_PATTERNS:
        if any(fnmatch.fnmatch(name, p) for p in patterns):
            return kind
    return None


@dataclass(slots=True)
class PetrarchDictionaries:
    """Everything the PETRARCH coder needs, merged over all files given."""

    verbs: VerbDictionary = field(default_factory=VerbDictionary)
    actors: ActorDictionary = field(default_factory=ActorDictionary)
    agents: AgentDictionary = field(default_factory=AgentDictionary)
    discards: DiscardDictionary = field(default_factory=DiscardDictionary)
    issues: IssueDictionary = field(default_factory=IssueDictionary)
    files: dict[str, list[str]] = field(default_factory=dict)
    load_seconds: float = 0.0

    def summary(self) -> dict[str, int]:
        """Counts of what was loaded, for logs and reports."""
        return {
            "verb_blocks": len(self.verbs.blocks),
            "verb_forms": sum(len(v) for v in self.verbs.forms.values()),
            "verb_patterns": self.verbs.pattern_count,
            "synsets": len(self.verbs.synsets),
            "actor_entries": self.actors.entries,
            "actor_names": len(self.actors.phrases),
            "agent_names": len(self.agents.phrases),
            "discards": len(self.discards.sentence) + len(self.discards.story),
            "issue_phrases": len(self.issues.phrases),
        }


def _files_of(source: Path | str | Sequence[Path | str]) -> list[Path]:
    if isinstance(source, (str, Path)):
        source = [source]
    files: list[Path] = []
    for item in source:
        p = Path(item)
        if p.is_dir():
            files.extend(sorted(f for f in p.iterdir() if f.is_file() and classify(f)))
        elif p.is_file():
            files.append(p)
        else:
            raise ConfigError(f"PETRARCH dictionary path not found: {p}")
    return files


def load_dictionaries(source: Path | str | Sequence[Path | str], *,
                      kinds: dict[str, str] | None = None) -> PetrarchDictionaries:
    """Load PETRARCH/TABARI dictionaries.

    Args:
        source: A folder (files are picked by name: *verbs*/CAMEO*.txt,
            *actors*.txt, *agents*.txt, *discards*.txt, *Issue*.txt), one file,
            or a list of files and folders.
        kinds: Optional {file path: kind} overrides for files whose names do
            not say what they are (kind: verbs, actors, agents, discards, issues).

    Returns:
        The merged PetrarchDictionaries. Files are merged in the order given
        (sorted by name inside a folder); for a name in two files the first wins.

    Raises:
        ConfigError: If a path does not exist or a file's kind cannot be told.
    """
    start = time.perf_counter()
    dicts = PetrarchDictionaries()
    readers = {"verbs": (read_verbs, dicts.verbs), "actors": (read_actors, dicts.actors),
               "agents": (read_agents, dicts.agents), "discards": (read_discards, dicts.discards),
               "issues": (read_issues, dicts.issues)}
    overrides = {str(Path(k)): v for k, v in (kinds or {}).items()}
    for path in _files_of(source):
        kind = overrides.get(str(path)) or classify(path)
        if kind not in readers:
            raise ConfigError(
                f"cannot tell which PETRARCH dictionary {path.name} is; name it *verbs*.txt, "
                f"*actors*.txt, *agents*.txt, *discards*.txt or *issue*.txt")
        reader, target = readers[kind]
        target.update(reader(path))  # type: ignore[operator]
        dicts.files.setdefault(kind, []).append(str(path))
    dicts.load_seconds = time.perf_counter() - start
    log.info("loaded PETRARCH dictionaries in %.2fs: %s", dicts.load_seconds, dicts.summary())
    return dicts
