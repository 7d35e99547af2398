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


def test_codes_table_is_generated_from_the_catalogue():
    from factcheck.core.findings import markdown_table as codes_table

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("<!-- codes:start -->\n")[1].split("<!-- codes:end -->")[0]
    assert section == codes_table()


def test_pre_commit_hook_entry_runs(capsys, monkeypatch):
    """The hook's entry, given the seed as pre-commit would, is a valid offline check."""
    import shlex

    from factcheck.cli import main

    hooks = (ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    fields = dict(line.strip().split(": ", 1) for line in hooks.splitlines() if line.strip() and ":" in line
                  and not line.lstrip().startswith("#") and not line.lstrip().startswith("- id"))
    assert fields["language"] == "python" and "markdown" in fields["types_or"]
    args = shlex.split(fields["entry"])
    assert args[0] == "factcheck"
    monkeypatch.chdir(ROOT)
    assert main([*args[1:], "seeds/fighting-covid19-white-paper-excerpt.txt"]) == 0
    assert capsys.readouterr().out.endswith("Found 5 findings.\nNot listed: 2 figures no source covers and 1 statement of an event no source records: "
                                               "--all-findings lists them.\n")


def test_example_workflow_uses_options_that_exist():
    from factcheck.cli import _parser

    workflow = (ROOT / "examples" / "github-workflow.yml").read_text(encoding="utf-8")
    check_help = _parser()._subparsers._group_actions[0].choices["check"].format_help()  # type: ignore[union-attr]
    for option in ("--diff-base", "--output", "--fail-on"):
        assert option in workflow and option in check_help
    assert "upload-sarif" in workflow and "fetch-depth: 0" in workflow
