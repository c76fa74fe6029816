"""The actor knowledge base: countries, sectors, organisations, people with dated roles, places.

`KnowledgeBase.load()` reads the bundled tables in `actors/data/` and any user
files (same formats), validates them and keeps the problems it met (file:line)
so that `newsevents actors check` can print them. A bad row is skipped, never
fatal. User files extend the bundled knowledge and override it where they name
the same key (a person's name, an organisation id, a country's ISO code, a
metonym phrase, a sector code).
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from .tables import Problem, Row, Table, iter_files, parse_date, read_table

DATA_DIR = Path(__file__).parent / "data"

# Prefixes that stand where a country would for transnational actors (CAMEO):
# intergovernmental organisations, international NGOs, international militarised groups.
TRANSNATIONAL = ("IGO", "NGO", "IMG")

# Which sector a dated role puts a person in while they hold it.
ROLE_SECTORS: dict[str, str] = {
    "head_of_state": "GOV",
    "head_of_government": "GOV",
    "vice_president": "GOV",
    "deputy_head_of_government": "GOV",
    "foreign_minister": "GOV",
    "defence_minister": "GOV",
    "minister": "GOV",
    "senior_official": "GOV",  # a state or ruling-party official without a ministry
    "spokesperson": "GOV",
    "military_spokesperson": "MIL",
    "governor": "GOV",
    "central_bank_governor": "GOV",
    "military_commander": "MIL",
    "chief_of_staff": "MIL",
    "police_chief": "COP",
    "intelligence_chief": "SPY",
    "judge": "JUD",
    "prosecutor": "JUD",
    "legislator": "LEG",
    "speaker": "LEG",
    "opposition_leader": "OPP",
    "party_leader": "PTY",
    "rebel_leader": "REB",
    "militant_leader": "REB",
    "religious_leader": "REL",
    "activist": "OPP",
    "business_leader": "BUS",
    "secretary_general": "",  # takes the organisation's own code
    "org_leader": "",
}

# The sector for someone who held a role once but not on the article's date
# (CAMEO's "elites": former office holders, notable public figures).
FORMER_SECTOR = "ELI"


@dataclass(slots=True, frozen=True)
class Country:
    """A country or territory (ISO 3166) and every way news names it."""

    iso3: str
    name: str
    aliases: tuple[str, ...]
    demonyms: tuple[str, ...]
    capitals: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Sector:
    """A CAMEO agent (sector) code and the nouns and titles that signal it."""

    code: str
    label: str
    terms: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class OrgSpell:
    """An organisation's code over a date range (the Taliban: rebels, then government)."""

    code: str
    country: str | None
    sector: str | None
    start: dt.date | None
    end: dt.date | None


@dataclass(slots=True)
class Org:
    """An international, state or non-state organisation."""

    id: str
    names: list[str]
    spells: list[OrgSpell]

    def spell_on(self, day: dt.date | None) -> OrgSpell:
        """The spell covering `day` (the latest spell when undated or uncovered)."""
        if day is not None:
            for spell in self.spells:
                if (spell.start is None or spell.start <= day) and (
                        spell.end is None or day <= spell.end):
                    return spell
            starts = [s for s in self.spells if s.start is not None and s.start > day]
            if starts:
                return min(starts, key=lambda s: s.start)  # type: ignore[arg-type,return-value]
        return max(self.spells, key=lambda s: s.start or dt.date.min)


@dataclass(slots=True, frozen=True)
class Metonym:
    """A phrase standing for a country's institution ("the Pentagon" -> USA MIL).

    `context` lists countries one of which must already be in the article for
    the phrase to apply ("the North" only when Korea is being discussed).
    """

    phrase: str
    country: str
    sector: str | None
    context: tuple[str, ...]


@dataclass(slots=True, frozen=True)
class Region:
    """A region, province or territory name with its country and a representative point."""

    name: str
    aliases: tuple[str, ...]
    country: str
    latitude: float
    longitude: float


@dataclass(slots=True, frozen=True)
class Spell:
    """One role a person held, where, and when (end None: still in office)."""

    country: str
    role: str
    start: dt.date
    end: dt.date | None
    path: str = ""
    line: int = 0
    shared: bool = False  # marked "# overlap ok": a co-holder or rival claimant

    def covers(self, day: dt.date) -> bool:
        return self.start <= day and (self.end is None or day < self.end or day == self.start)


@dataclass(slots=True)
class Person:
    """A person and all their role spells.

    `home` is the country a person belongs to when they hold roles in several (a French
    president is also co-prince of Andorra; the British monarch reigns over other
    realms): the one where they spent the longest in office, ties going to the more
    populous country (see `set_home`). It is None for people of a single country.
    """

    name: str
    aliases: list[str]
    spells: list[Spell]
    home: str | None = None

    @property
    def countries(self) -> list[str]:
        """Their countries, most recent first; the home country first among equals."""
        seen: list[str] = []
        for spell in sorted(self.spells, key=lambda s: (s.start, s.country == self.home),
                            reverse=True):
            if spell.country not in seen:
                seen.append(spell.country)
        return seen

    def set_home(self, weight: dict[str, int], today: dt.date | None = None) -> None:
        """Decide `home` (only for people with roles in several countries).

        Args:
            weight: ISO alpha-3 -> population, the tie-break.
            today: Where open spells end for counting (today when None).
        """
        if len({s.country for s in self.spells}) < 2:
            self.home = None
            return
        end_of_open = today or dt.date.today()
        days: dict[str, int] = {}
        for s in self.spells:
            days[s.country] = days.get(s.country, 0) + ((s.end or end_of_open) - s.start).days
        self.home = max(days, key=lambda c: (days[c], weight.get(c, 0)))

    def _rank(self, s: Spell, prefer: frozenset[str] | set[str]) -> tuple[bool, bool]:
        # The country the phrase names first ("Andorra's co-prince Macron"), then home.
        return (s.country not in prefer, self.home is not None and s.country != self.home)

    def spell_on(self, day: dt.date, weight: dict[str, int] | None = None,
                 prefer: frozenset[str] | set[str] = frozenset()) -> Spell | None:
        """The role held on `day`, else None.

        When several roles are held at once: a role in a country of `prefer` (the
        countries the phrase names) wins, then an undisputed one over one marked
        "# overlap ok" (a rival claimant's), then a role in the home country over one
        held elsewhere by virtue of it (co-prince of Andorra, the monarch's other
        realms), then the most senior role, then the country with the larger
        `weight` (population).
        """
        held = [s for s in self.spells if s.covers(day)]
        if not held:
            return None
        order = list(ROLE_SECTORS)
        weight = weight or {}
        return min(held, key=lambda s: (s.country not in prefer, s.shared,
                                        self._rank(s, prefer)[1],
                                        order.index(s.role) if s.role in order else len(order),
                                        -weight.get(s.country, 0)))

    def last_before(self, day: dt.date,
                    prefer: frozenset[str] | set[str] = frozenset()) -> Spell | None:
        """The most recent spell that ended before `day` (in a `prefer` country if any,
        the home country among spells that ended together)."""
        ended = [s for s in self.spells if s.end is not None and s.end <= day]
        if not ended:
            return None
        return max(ended, key=lambda s: (s.country in prefer, s.end,  # type: ignore[arg-type]
                                         s.country == self.home))

    def first(self, prefer: frozenset[str] | set[str] = frozenset()) -> Spell:
        """The earliest spell (in a `prefer` country if any; home first among equals)."""
        return min(self.spells, key=lambda s: (*self._rank(s, prefer)[:1], s.start,
                                               *self._rank(s, prefer)[1:]))

    def latest(self, prefer: frozenset[str] | set[str] = frozenset()) -> Spell:
        return max(self.spells, key=lambda s: (s.country in prefer, s.end is None,
                                               s.end or s.start, s.start,
                                               s.country == self.home))


@dataclass
class KnowledgeBase:
    """Everything the resolver knows, plus the problems met while loading it."""

    countries: dict[str, Country] = field(default_factory=dict)
    sectors: dict[str, Sector] = field(default_factory=dict)
    orgs: dict[str, Org] = field(default_factory=dict)
    metonyms: dict[str, Metonym] = field(default_factory=dict)
    regions: list[Region] = field(default_factory=list)
    # A state's towns belonged to another before its independence: iso3 -> (since, before).
    independence: dict[str, tuple[dt.date, str]] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    files: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, extra_files: Sequence[Path] = (), bundled: bool = True) -> KnowledgeBase:
        """Load the bundled tables and the user's files.

        Args:
            extra_files: User TSV files (any table kind, told apart by header),
                or folders of them; they extend and override the bundled data.
            bundled: Read the package's own tables (False: only `extra_files`).

        Returns:
            The validated knowledge base (problems in `.problems`).
        """
        tables: list[tuple[Table, bool]] = []
        if bundled:
            for path in iter_files(DATA_DIR):
                tables.append((read_table(path), False))
        for item in extra_files:
            item = Path(item)
            paths = list(iter_files(item)) if item.is_dir() else [item]
            for path in paths:
                tables.append((read_table(path), True))
        kb = cls()
        for table, _ in tables:
            kb.files.append(table.path)
            kb.problems.extend(table.problems)
        by_kind: dict[str, list[tuple[Table, bool]]] = defaultdict(list)
        for table, user in tables:
            if table.kind:
                by_kind[table.kind].append((table, user))
        # Order matters: codes are checked against what is already known.
        kb._load_sectors(by_kind["sectors"])
        kb._load_countries(by_kind["countries"])
        kb._load_orgs(by_kind["orgs"])
        kb._load_metonyms(by_kind["metonyms"])
        kb._load_regions(by_kind["regions"])
        kb._load_independence(by_kind["independence"])
        kb._load_people(by_kind["people"])
        kb._check_duplicate_names()
        return kb

    # -- helpers -----------------------------------------------------------------------

    def _problem(self, row: Row, level: str, message: str) -> None:
        self.problems.append(Problem(row.path, row.line, level, message))

    def is_country(self, code: str) -> bool:
        return code in self.countries

    def _valid_sector(self, row: Row, code: str) -> bool:
        if code and self.sectors and code not in self.sectors:
            self._problem(row, "error", f"unknown sector code {code!r}")
            return False
        return True

    def _valid_country(self, row: Row, code: str, allow_transnational: bool = False) -> bool:
        if code in self.countries:
            return True
        if allow_transnational and code in TRANSNATIONAL:
            return True
        self._problem(row, "error", f"unknown country code {code!r}")
        return False

    # -- loaders -----------------------------------------------------------------------

    def _load_sectors(self, tables: list[tuple[Table, bool]]) -> None:
        for table, _ in tables:
            for row in table.rows:
                code = row.get("code").upper()
                if not code.isalpha() or len(code) != 3:
                    self._problem(row, "error", f"sector code must be 3 letters, not {code!r}")
                    continue
                self.sectors[code] = Sector(code, row.get("label"), tuple(row.items("terms")))

    def _load_countries(self, tables: list[tuple[Table, bool]]) -> None:
        for table, _ in tables:
            for row in table.rows:
                iso3 = row.get("iso3").upper()
                if len(iso3) != 3 or not iso3.isalpha():
                    self._problem(row, "error", f"iso3 must be 3 letters, not {iso3!r}")
                    continue
                if not row.get("name"):
                    self._problem(row, "error", "country without a name")
                    continue
                self.countries[iso3] = Country(iso3, row.get("name"), tuple(row.items("aliases")),
                                               tuple(row.items("demonyms")),
                                               tuple(row.items("capitals")))

    def _load_orgs(self, tables: list[tuple[Table, bool]]) -> None:
        for table, user in tables:
            replaced: set[str] = set()
            for row in table.rows:
                oid = row.get("id")
                code = row.get("code").upper()
                if not oid or not code:
                    self._problem(row, "error", "organisation row needs an id and a code")
                    continue
                country = row.get("country").upper() or None
                prefix = code[:3]
                if prefix not in TRANSNATIONAL and prefix not in self.countries:
                    self._problem(row, "error", f"code {code!r} starts with neither a known "
                                                f"country nor IGO/NGO/IMG")
                    continue
                if country and not self._valid_country(row, country):
                    continue
                if country and prefix in self.countries and prefix != country:
                    self._problem(row, "warning", f"code {code!r} and country {country} differ")
                sector = row.get("sector").upper() or None
                if sector and not self._valid_sector(row, sector):
                    continue
                start, end = self._dates(row)
                if start is False:
                    continue
                spell = OrgSpell(code, country, sector, start or None, end or None)
                if user and oid in self.orgs and oid not in replaced:
                    # A user file naming a bundled id replaces it wholesale.
                    del self.orgs[oid]
                    replaced.add(oid)
                org = self.orgs.get(oid)
                if org is None:
                    org = self.orgs[oid] = Org(oid, [], [])
                for name in row.items("names"):
                    if name not in org.names:
                        org.names.append(name)
                org.spells.append(spell)
        for org in self.orgs.values():
            if not org.names:
                self.problems.append(Problem("", 0, "warning", f"organisation {org.id} has no names"))

    def _load_metonyms(self, tables: list[tuple[Table, bool]]) -> None:
        for table, _ in tables:
            for row in table.rows:
                country = row.get("country").upper()
                sector = row.get("sector").upper() or None
                if not row.get("phrase") or not self._valid_country(row, country):
                    continue
                if sector and not self._valid_sector(row, sector):
                    continue
                context = tuple(c.upper() for c in row.items("context"))
                bad = [c for c in context if c not in self.countries]
                if bad:
                    self._problem(row, "error", f"unknown context country {bad}")
                    continue
                self.metonyms[row.get("phrase")] = Metonym(row.get("phrase"), country, sector,
                                                           context)

    def _load_regions(self, tables: list[tuple[Table, bool]]) -> None:
        for table, _ in tables:
            for row in table.rows:
                country = row.get("country").upper()
                if not row.get("name") or not self._valid_country(row, country):
                    continue
                try:
                    lat, lon = float(row.get("latitude")), float(row.get("longitude"))
                except ValueError:
                    self._problem(row, "error", "latitude/longitude are not numbers")
                    continue
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    self._problem(row, "error", "latitude/longitude out of range")
                    continue
                self.regions.append(Region(row.get("name"), tuple(row.items("aliases")),
                                           country, lat, lon))

    def _load_independence(self, tables: list[tuple[Table, bool]]) -> None:
        for table, _ in tables:
            for row in table.rows:
                iso3, before = row.get("iso3").upper(), row.get("before").upper()
                if not (self._valid_country(row, iso3) and self._valid_country(row, before)):
                    continue
                since = parse_date(row.get("since"))
                if since is None:
                    self._problem(row, "error", f"bad date {row.get('since')!r} (want YYYY-MM-DD)")
                    continue
                self.independence[iso3] = (since, before)

    def country_on(self, iso3: str, day: dt.date) -> str:
        """The country a town of `iso3` belonged to on `day` (Juba in 2000: Sudan)."""
        seen: set[str] = set()
        while iso3 in self.independence and iso3 not in seen:
            seen.add(iso3)
            since, before = self.independence[iso3]
            if day >= since:
                break
            iso3 = before
        return iso3

    def _dates(self, row: Row) -> tuple[dt.date | None | bool, dt.date | None]:
        """Parse a row's start/end; (False, None) and a problem when they are bad."""
        start_s, end_s = row.get("start"), row.get("end")
        start = parse_date(start_s)
        end = parse_date(end_s)
        if start_s and start is None:
            self._problem(row, "error", f"bad start date {start_s!r} (want YYYY-MM-DD)")
            return False, None
        if end_s and end is None:
            self._problem(row, "error", f"bad end date {end_s!r} (want YYYY-MM-DD)")
            return False, None
        if start and end and end < start:
            self._problem(row, "error", f"end {end_s} is before start {start_s}")
            return False, None
        return start, end

    def _load_people(self, tables: list[tuple[Table, bool]]) -> None:
        rows_by_name: dict[str, list[Row]] = defaultdict(list)
        user_names: set[str] = set()
        for table, user in tables:
            names_here: set[str] = set()
            for row in table.rows:
                name = row.get("name")
                if not name:
                    self._problem(row, "error", "person without a name")
                    continue
                if user and name not in names_here and name not in user_names:
                    # A user file naming a bundled person replaces their spells.
                    rows_by_name.pop(name, None)
                    user_names.add(name)
                names_here.add(name)
                rows_by_name[name].append(row)
        org_ids = self.orgs_by_upper_id()
        for name, rows in rows_by_name.items():
            person = Person(name, [], [])
            for row in rows:
                country = row.get("country").upper()
                if country not in self.countries and country not in org_ids:
                    self._problem(row, "error", f"unknown country code {country!r}")
                    continue
                role = row.get("role")
                if not role:
                    self._problem(row, "error", "role is empty")
                    continue
                if role not in ROLE_SECTORS:
                    self._problem(row, "warning", f"role {role!r} is not a known role; "
                                                  f"treated as government")
                start, end = self._dates(row)
                if start is False:
                    continue
                if start is None:
                    self._problem(row, "error", "start date is required")
                    continue
                for alias in row.items("aliases"):
                    if alias not in person.aliases and alias != name:
                        person.aliases.append(alias)
                spell = Spell(country, role, start, end, row.path, row.line,  # type: ignore[arg-type]
                              row.overlap_ok)
                for other in person.spells:
                    if (other.role == spell.role and other.country == spell.country
                            and _overlap(other, spell)):
                        self._problem(row, "error", f"{name}: {role} {start} overlaps the spell "
                                                    f"at {other.path}:{other.line}")
                        break
                else:
                    person.spells.append(spell)
            if person.spells:
                self.people[name] = person
        self._check_role_overlaps(rows_by_name)

    def orgs_by_upper_id(self) -> dict[str, Org]:
        return {oid.upper(): org for oid, org in self.orgs.items()}

    def _check_role_overlaps(self, rows_by_name: dict[str, list[Row]]) -> None:
        """Warn when two people hold the same single-holder role at once in one country."""
        exempt = {(r.path, r.line) for rows in rows_by_name.values() for r in rows if r.overlap_ok}
        by_seat: dict[tuple[str, str], list[tuple[Spell, str]]] = defaultdict(list)
        for person in self.people.values():
            for spell in person.spells:
                if spell.role in ("head_of_state", "head_of_government", "foreign_minister",
                                  "defence_minister") and (spell.path, spell.line) not in exempt:
                    by_seat[(spell.country, spell.role)].append((spell, person.name))
        for (country, role), spells in by_seat.items():
            spells.sort(key=lambda item: item[0].start)
            for (a, name_a), (b, name_b) in zip(spells, spells[1:], strict=False):
                if a.end is None or b.start < a.end:
                    self.problems.append(Problem(
                        b.path, b.line, "warning",
                        f"{country} {role}: {name_b} from {b.start} overlaps {name_a} "
                        f"({a.path}:{a.line}); mark with '# overlap ok' if intended"))

    def _check_duplicate_names(self) -> None:
        """Warn about one name pointing at different entries of the same kind."""
        owners: dict[str, dict[str, Spell]] = defaultdict(dict)
        for person in self.people.values():
            first = min(person.spells, key=lambda s: (s.path, s.line))
            for name in (person.name, *person.aliases):
                owners[name.casefold()].setdefault(person.name, first)
        for name, who in owners.items():
            if len(who) > 1:
                where = sorted(who.items(), key=lambda kv: (kv[1].path, kv[1].line))
                last = where[-1][1]
                others = ", ".join(f"{n} ({s.path}:{s.line})" for n, s in where[:-1])
                self.problems.append(Problem(
                    last.path, last.line, "warning",
                    f"name {name!r} of {where[-1][0]} is also used by {others}"))
        org_owners: dict[str, set[str]] = defaultdict(set)
        for org in self.orgs.values():
            for name in org.names:
                org_owners[name.casefold()].add(org.id)
        for name, ids in org_owners.items():
            if len(ids) > 1:
                self.problems.append(Problem("orgs", 0, "warning",
                                             f"organisation name {name!r} is shared by "
                                             f"{sorted(ids)}"))

    # -- views -------------------------------------------------------------------------

    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.level == "error"]

    def entries(self, kinds: Iterable[str] = ()) -> list[dict[str, str]]:
        """Flat rows describing every entry, for `newsevents actors list`."""
        wanted = set(kinds) or {"country", "sector", "org", "metonym", "region", "person"}
        out: list[dict[str, str]] = []
        if "country" in wanted:
            for c in self.countries.values():
                out.append({"kind": "country", "key": c.iso3, "name": c.name, "code": c.iso3,
                            "detail": "; ".join((*c.aliases, *c.demonyms))})
        if "sector" in wanted:
            for s in self.sectors.values():
                out.append({"kind": "sector", "key": s.code, "name": s.label, "code": s.code,
                            "detail": "; ".join(s.terms)})
        if "org" in wanted:
            for o in self.orgs.values():
                codes = ", ".join(f"{s.code} {s.start or ''}..{s.end or ''}"
                                  if (s.start or s.end) else s.code for s in o.spells)
                out.append({"kind": "org", "key": o.id, "name": o.names[0] if o.names else o.id,
                            "code": codes, "detail": "; ".join(o.names[1:])})
        if "metonym" in wanted:
            for m in self.metonyms.values():
                out.append({"kind": "metonym", "key": m.phrase, "name": m.phrase,
                            "code": m.country + (m.sector or ""),
                            "detail": ("when " + ",".join(m.context)) if m.context else ""})
        if "region" in wanted:
            for r in self.regions:
                out.append({"kind": "region", "key": r.name, "name": r.name, "code": r.country,
                            "detail": f"{r.latitude:.3f},{r.longitude:.3f}"})
        if "person" in wanted:
            for p in self.people.values():
                spells = "; ".join(f"{s.country} {s.role} {s.start}..{s.end or ''}"
                                   for s in sorted(p.spells, key=lambda s: s.start))
                out.append({"kind": "person", "key": p.name, "name": p.name,
                            "code": p.latest().country, "detail": spells})
        return out


def _overlap(a: Spell, b: Spell) -> bool:
    a_end = a.end or dt.date.max
    b_end = b.end or dt.date.max
    return a.start < b_end and b.start < a_end
