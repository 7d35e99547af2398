"""The README tells the truth: its reasons table is the catalogue, its commands are the CI's."""

from factcheck.core.reasons import markdown_table
from tests.conftest import ROOT


def test_reasons_table_is_generated_from_the_catalogue():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- reasons:start -->\n")[1].split("<!-- reasons:end -->")[0]
    assert section == markdown_table()


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "python3 -m venv .venv && . .venv/bin/activate && pip install '.[test]' && pytest"
    assert command in readme
    assert command in (ROOT / ".ci" / "run").read_text(encoding="utf-8")
