"""`newsevents evaluate`: score the coder against a gold file."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from ..config import DEFAULT_MODEL
from ..errors import ConfigError
from .common import check_format, emit_rows, stderr, stdout


def run_conformance(gold: Path, dictionaries: list[Path], model: str,
                    report: Path | None) -> None:
    """Run a PETRARCH unit-test suite with its dictionaries and print pass/fail."""
    from ..petrarch.conformance import evaluate_suite, format_report

    try:
        result = evaluate_suite(gold, dictionaries if len(dictionaries) > 1 else dictionaries[0],
                                model=model, report=report)
    except ConfigError as exc:
        stderr.print(f"[red]error:[/red] {exc}")
        raise typer.Exit(2) from exc
    stdout.print(format_report(result, failures=True), markup=False, highlight=False)
    if report is not None:
        stderr.print(f"report written to {report}")


def register(app: typer.Typer) -> None:
    """Add the `evaluate` command to the root app."""

    @app.command("evaluate")
    def evaluate_cmd(
        gold: Path = typer.Argument(..., help="Gold file: PLOVER JSON, PETRARCH XML or our JSONL."),
        fmt: str = typer.Option(None, "--format", "-f",
                                help="plover, petrarch or jsonl (default: detected)."),
        report: Path = typer.Option(None, "--report",
                                    help="Write the full report (.md Markdown, .json JSON)."),
        dictionaries: list[Path] = typer.Option(
            [], "--dictionaries",
            help="PETRARCH dictionaries (folder or files; repeatable) to code with. With a "
                 "PETRARCH unit-test XML this runs the conformance suite: pass/fail per record."),
        dictionaries_mode: str = typer.Option("extend", "--dictionaries-mode",
                                              help="'extend' our lexicon or 'replace' it."),
        actors: list[Path] = typer.Option(None, "--actors", help="Extra actor files."),
        conventions: str = typer.Option(
            "auto", "--conventions",
            help="Coding conventions: 'project' (ours), 'plover' (PLOVER's), or 'auto': "
                 "PLOVER's for PLOVER gold files, ours otherwise."),
        model: str = typer.Option(DEFAULT_MODEL, "--model", help="spaCy model."),
        modality: str = typer.Option("auto", "--modality",
                                     help="auto, asserted or all (which events count)."),
        type_name: str = typer.Option("plover", "--type", help="plover (PLOVER type) or root."),
        show: int = typer.Option(20, "--show", help="Misses and false alarms printed (0: none)."),
    ) -> None:
        """Precision, recall and F1 by level (type, root, code, source, target, triple).

        Prints a summary, the type confusion table and the first misses and
        false alarms; --report writes all of them.
        """
        from ..evaluate import detect_format, predict, read_gold, score
        from ..nlp import load_nlp
        from ..pipeline import build_coder
        from .run import build_config

        if fmt is not None:
            check_format(fmt, ("plover", "petrarch", "jsonl"))
        if dictionaries and gold.exists() and (fmt or detect_format(gold)) == "petrarch":
            run_conformance(gold, dictionaries, model, report)
            return
        check_format(modality, ("auto", "asserted", "all"))
        check_format(type_name, ("plover", "root"))
        try:
            records = read_gold(gold, fmt)
            if conventions == "auto":
                # Score against a gold set under the conventions it was annotated with.
                conventions = "plover" if (fmt or detect_format(gold)) == "plover" else "project"
            config = build_config(Path("unused.duckdb"), 1, model, actors=actors,
                                  dictionaries_mode=dictionaries_mode,
                                  conventions=conventions)
            config.dictionaries = list(dictionaries)
            nlp = load_nlp(model)
            coder = build_coder(config)
        except ConfigError as exc:
            stderr.print(f"[red]error:[/red] {exc}")
            raise typer.Exit(2) from exc
        preds = predict(records, nlp, coder)
        rep = score(records, preds, modality=modality, type_name=type_name)
        emit_rows(rep.summary_rows(), "table",
                  ("level", "precision", "recall", "f1", "tp", "fp", "fn"),
                  title=f"{gold.name}: {rep.records} records")
        stdout.print(f"type accuracy (main event): {rep.type_accuracy_main:.1%}   "
                     f"(gold type among predicted): {rep.type_accuracy_any:.1%}")
        if rep.modality_pairs:
            stdout.print(f"modality agreement on matched events: {rep.modality_agree}/"
                         f"{rep.modality_pairs} ({rep.modality_agree / rep.modality_pairs:.1%})")
        if rep.noevent_records:
            stdout.print(f"no-event sentences with an asserted event: {rep.noevent_false}/"
                         f"{rep.noevent_records} ({rep.noevent_rate:.1%})")
        conf = [{"gold": g, "predicted": p, "n": n}
                for (g, p), n in rep.confusion.most_common() if g != p]
        if conf:
            emit_rows(conf[:25], "table", ("gold", "predicted", "n"), title="type confusions")
        for title, rows in (("misses", rep.misses), ("false alarms", rep.false_alarms)):
            if show and rows:
                stdout.print(f"[bold]{title}[/bold] ({len(rows)}):")
                for r in rows[:show]:
                    stdout.print(f"  {r['id']} {r['triple']}  {r['text'][:160]}", markup=False,
                                 highlight=False)
        if report is not None:
            if report.suffix == ".json":
                report.write_text(json.dumps(rep.to_dict(), indent=2, default=str), "utf-8")
            else:
                report.write_text(rep.to_markdown(), "utf-8")
            stderr.print(f"report written to {report}")
