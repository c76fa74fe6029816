"""`newsevents actor` (resolve phrases) and `newsevents actors list|check` (the knowledge base)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import typer

from ..actors import ActorResolver, KnowledgeBase
from .common import check_date, check_format, emit_rows, read_inputs, stderr

ACTOR_COLUMNS = ("text", "code", "country", "sector", "name", "role", "matched")
ENTRY_COLUMNS = ("kind", "key", "name", "code", "detail")
KINDS = ("country", "sector", "org", "metonym", "region", "person")
KINDS_HELP = f"Only these kinds: {', '.join(KINDS)}."

actors_app = typer.Typer(help="List and validate the actor knowledge base.",
                         no_args_is_help=True)


def _load(actors: list[Path] | None) -> ActorResolver:
    """Load the resolver; problems in the user's own files are shown on stderr."""
    resolver = ActorResolver.load(actors or ())
    mine = {str(p) for p in actors or ()}
    for problem in resolver.kb.problems:
        if problem.path in mine or any(problem.path.startswith(m.rstrip("/") + "/")
                                       for m in mine):
            sys.stderr.write(f"{problem}\n")
    return resolver


def register(app: typer.Typer) -> None:
    """Add `actor` and `actors list|check` to the root app."""

    @app.command("actor")
    def actor(
        text: str | None = typer.Argument(None, help="Phrase to resolve, e.g. 'Kim's military'."),
        date: str | None = typer.Option(None, "--date", callback=check_date,
                                        help="Article date YYYY-MM-DD (dated roles)."),
        input_file: Path | None = typer.Option(None, "--input", "-i",
                                               help="JSONL file of {id, text, date?} lines."),
        fmt: str = typer.Option("table", "--format", "-f",
                                help="Output: table, json or jsonl."),
        actors_files: list[Path] | None = typer.Option(
            None, "--actors", help="Extra actor knowledge file(s) in our TSV formats."),
    ) -> None:
        """Resolve actor phrases to CAMEO-style codes (country + sector) with dated roles.

        Prints text, code, country, sector, name, role and matched (what in the
        knowledge base decided it); code is null when the phrase is unresolvable.
        """
        check_format(fmt, ("table", "json", "jsonl"))
        if text is None and input_file is None:
            raise typer.BadParameter("give a TEXT or --input FILE.jsonl")
        resolver = _load(actors_files)
        rows: list[dict[str, Any]] = []
        columns: tuple[str, ...] = ACTOR_COLUMNS
        if text is not None:
            rows.append(resolver.resolve_text(text, date).to_dict())
        if input_file is not None:
            columns = ("input_id", *ACTOR_COLUMNS)
            for record in read_inputs(input_file):
                found = resolver.resolve_text(record["text"], record["date"] or date)
                rows.append({"input_id": record["id"], **found.to_dict()})
        emit_rows(rows, fmt, columns, title="actors")

    @actors_app.command("list")
    def actors_list(
        kind: list[str] | None = typer.Option(None, "--kind", "-k",
                                              help=KINDS_HELP),
        search: str | None = typer.Option(None, "--search", "-s",
                                          help="Only entries whose name/key/detail contain this."),
        fmt: str = typer.Option("table", "--format", "-f", help="table, json, jsonl or csv."),
        actors_files: list[Path] | None = typer.Option(None, "--actors",
                                                       help="Extra knowledge file(s)."),
    ) -> None:
        """List knowledge-base entries: countries, sectors, organisations, metonyms,
        regions and people (with their dated roles)."""
        check_format(fmt, ("table", "json", "jsonl", "csv"))
        for k in kind or ():
            if k not in KINDS:
                raise typer.BadParameter(f"--kind must be one of {', '.join(KINDS)}")
        kb = KnowledgeBase.load(actors_files or ())
        rows = kb.entries(kind or ())
        if search:
            needle = search.casefold()
            rows = [r for r in rows if any(needle in str(v).casefold() for v in r.values())]
        emit_rows(rows, fmt, ENTRY_COLUMNS, title="actor knowledge base")

    @actors_app.command("check")
    def actors_check(
        files: list[Path] | None = typer.Argument(None, help="Extra files to validate too."),
        actors_files: list[Path] | None = typer.Option(None, "--actors",
                                                       help="Extra knowledge file(s)."),
        strict: bool = typer.Option(False, "--strict", help="Fail on warnings as well."),
        quiet_warnings: bool = typer.Option(False, "--errors-only",
                                            help="Print errors only."),
    ) -> None:
        """Validate the bundled tables and any given files: columns, codes, dates,
        overlapping role spells, duplicate names. Prints file:line messages;
        exits 1 when there are errors (or warnings with --strict)."""
        extra = [*(files or ()), *(actors_files or ())]
        for path in extra:
            if not path.exists():
                stderr.print(f"{path}: no such file")
                raise typer.Exit(2)
        kb = KnowledgeBase.load(extra)
        errors = kb.errors()
        warnings = [p for p in kb.problems if p.level != "error"]
        for problem in kb.problems:
            if quiet_warnings and problem.level != "error":
                continue
            sys.stdout.write(f"{problem}\n")
        sys.stdout.write(
            f"{len(kb.files)} files, {len(kb.countries)} countries, {len(kb.sectors)} sectors, "
            f"{len(kb.orgs)} organisations, {len(kb.metonyms)} metonyms, {len(kb.regions)} "
            f"regions, {len(kb.people)} people: {len(errors)} errors, "
            f"{len(warnings)} warnings\n")
        if errors or (strict and warnings):
            raise typer.Exit(1)

    app.add_typer(actors_app, name="actors")
