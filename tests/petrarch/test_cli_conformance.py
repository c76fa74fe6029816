"""`newsevents evaluate SUITE.xml --dictionaries ...` runs the conformance suite."""

from pathlib import Path

from typer.testing import CliRunner

from newsevents.cli import app

FIXTURES = Path(__file__).parent / "fixtures"


def test_evaluate_with_dictionaries_reports_pass_fail_per_category(nlp, tmp_path):
    report = tmp_path / "suite.json"
    result = CliRunner().invoke(app, [
        "evaluate", str(FIXTURES / "mini_suite.xml"), "--format", "petrarch",
        "--dictionaries", str(FIXTURES / "dicts"), "--report", str(report)])
    assert result.exit_code == 0, result.output
    assert "scored records pass" in result.stdout
    assert "category" in result.stdout
    assert report.exists() and report.stat().st_size > 0
