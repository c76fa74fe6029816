"""`newsevents evaluate` scores a gold file under the conventions it was annotated with."""

import json

from typer.testing import CliRunner

from newsevents.cli import app

RECORD = {"id": "t1", "date": "2025-08-08", "event": "SUPPORT", "eventText": "signed",
          "text": "Armenia and Azerbaijan signed a peace agreement on Friday.",
          "source": [{"actorText": "Armenia", "code": "ARM"}], "target": [],
          "language": "en"}


def triple_line(output: str) -> str:
    return next(line for line in output.splitlines() if "triple" in line)


def test_plover_gold_is_scored_with_plover_conventions_by_default(tmp_path, nlp):
    gold = tmp_path / "gold.json"
    gold.write_text(json.dumps([RECORD]), encoding="utf-8")
    runner = CliRunner()
    auto = runner.invoke(app, ["evaluate", str(gold), "--show", "0"])
    plover = runner.invoke(app, ["evaluate", str(gold), "--show", "0", "--conventions", "plover"])
    ours = runner.invoke(app, ["evaluate", str(gold), "--show", "0", "--conventions", "project"])
    assert auto.exit_code == plover.exit_code == ours.exit_code == 0, auto.output
    assert triple_line(auto.stdout) == triple_line(plover.stdout)
    assert triple_line(ours.stdout) != triple_line(plover.stdout)
