"""The `newsevents` command line: a thin face over the pipeline, query and export.

One module per command group, each exposing `register(app)`, in the way
spaCy keeps one file per CLI command.
"""

from __future__ import annotations

import importlib
import logging

import typer

app = typer.Typer(
    name="newsevents",
    help="Turn raw news into political event data: who did what to whom, when, where "
    "(CAMEO and PLOVER), with the sentence that says so.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

@app.callback()
def _root(
    verbose: bool = typer.Option(False, "--verbose", "-v",
                                 help="Log details, with tracebacks of failed inputs, to stderr."),
) -> None:
    """Turn raw news into political event data."""
    logging.basicConfig(level=logging.DEBUG if verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")


# Order here is the order of `newsevents --help`.
COMMAND_MODULES = ("run", "fetch", "code", "demo", "query", "actor", "evaluate")

for _name in COMMAND_MODULES:
    importlib.import_module(f"{__name__}.{_name}").register(app)


def main() -> None:
    """Entry point of the `newsevents` console script."""
    app()
