"""What the configuration names is read only inside the project, unless named on the command line (issue 21, point 4)."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from tests.conftest import run

SECRET = "France had 1 inhabitant in 2014. root:x:0:0:secret\n"


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """tmp/project (the working directory, configured) and tmp/outside/secret.md beside it."""
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "secret.md").write_text(SECRET, encoding="utf-8")
    project = tmp_path / "project"
    project.mkdir()
    (project / "doc.md").write_text("China sent 29 teams in 2020.\n", encoding="utf-8")
    monkeypatch.chdir(project)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return project


def configure(project: Path, line: str, pyproject: bool = True) -> None:
    if pyproject:
        (project / "pyproject.toml").write_text(f"[tool.factcheck]\nbuiltin-sources = false\n{line}\n", encoding="utf-8")
    else:
        (project / "factcheck.toml").write_text(f"builtin-sources = false\n{line}\n", encoding="utf-8")


def data_package(folder: Path) -> Path:
    (folder / "data").mkdir(parents=True)
    body = "code,year,value\nFRA,2014,1\n"
    (folder / "data" / "pop.csv").write_text(body, encoding="utf-8")
    mapping = {"entity": "code", "period": "year", "value": "value", "measure": "population", "measure_aliases": ["inhabitants"]}
    (folder / "datapackage.json").write_text(json.dumps({"name": folder.name, "licenses": [{"name": "CC0-1.0"}], "resources": [
        {"name": "pop", "path": "data/pop.csv", "hash": "sha256:" + hashlib.sha256(body.encode()).hexdigest(), "factcheck": mapping}]}),
        encoding="utf-8")
    return folder


@pytest.mark.parametrize("pattern", ["../outside/secret.md", "../outside/*.md", "../../*/outside/secret.md"])
def test_an_include_pattern_leading_out_of_the_project_is_refused(project, capsys, pattern):
    configure(project, f'include = ["{pattern}"]')
    code, out, err = run(capsys, "check", "--output", "json")
    assert code == 2 and "root:x" not in out + err
    assert "pyproject.toml [tool.factcheck]: include pattern" in err and pattern in err and "outside the project" in err


def test_an_absolute_include_pattern_is_refused(project, capsys):
    configure(project, f'include = ["{(project.parent / "outside" / "secret.md").as_posix()}"]', pyproject=False)
    code, out, err = run(capsys, "check", "--output", "json")
    assert code == 2 and "factcheck.toml: 'include'" in err and "absolute" in err and "bug" not in err


def test_an_included_link_out_of_the_project_is_refused(project, capsys):
    (project / "notes.md").symlink_to(project.parent / "outside" / "secret.md")
    configure(project, 'include = ["*.md"]')
    code, out, err = run(capsys, "check", "--output", "json")
    assert code == 2 and "include pattern '*.md' matches" in err and "notes.md" in err and "root:x" not in out


def test_a_file_outside_named_on_the_command_line_is_checked(project, capsys):
    configure(project, 'include = ["*.md"]')
    code, out, _ = run(capsys, "check", "../outside/secret.md", "--output", "json")
    assert code == 0 and "secret.md" in out


def test_a_configured_source_folder_outside_the_project_is_refused(project, capsys):
    data_package(project.parent / "outside" / "sources" / "pop")
    configure(project, 'sources = ["../outside/sources"]')
    code, _, err = run(capsys, "check", "doc.md")
    assert code == 2 and "source folder '../outside/sources'" in err and "outside the project" in err
    code, _, _ = run(capsys, "check", "doc.md", "--no-config", "--sources", "../outside/sources")
    assert code == 0  # named on the command line: the user's choice


def test_a_source_linked_out_of_a_configured_folder_is_refused(project, capsys):
    data_package(project.parent / "outside" / "pop")
    (project / "sources").mkdir()
    (project / "sources" / "pop").symlink_to(project.parent / "outside" / "pop")
    configure(project, 'sources = ["sources"]')
    for command in (["check", "doc.md"], ["sources", "list"]):
        code, _, err = run(capsys, *command)
        assert code == 2 and "source folder 'sources' (pop)" in err and "symbolic link" in err


def test_a_baseline_outside_the_project_is_refused(project, capsys):
    configure(project, 'baseline = "../outside/secret.md"')
    code, _, err = run(capsys, "check", "doc.md")
    assert code == 2 and "baseline '../outside/secret.md'" in err and "root:x" not in err
