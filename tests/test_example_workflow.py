"""The example GitHub workflow (issue 18, point 10): parsed, its own commands run on a fixture repository,
and audited by zizmor where it is installed.

With ``xargs`` the step's exit status was 123 whether factcheck said 1 (a claim fails) or 2 (it could not
run), and a long file list split over several runs left only the last run's SARIF. The workflow now gives
every changed file to one ``factcheck check --files-from``: these tests run its step as GitHub would
(bash -e, the step's env) against a repository with a base branch and a pull request's commit.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from tests.conftest import CURATED, ROOT, SEED

WORKFLOW = ROOT / "examples" / "github-workflow.yml"
needs_git = pytest.mark.skipif(shutil.which("git") is None or shutil.which("bash") is None, reason="git and bash are needed")


def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps() -> list[dict]:
    (job,) = _workflow()["jobs"].values()
    return job["steps"]


def test_every_action_is_pinned_to_a_commit_with_its_release_named():
    uses = [line.strip() for line in WORKFLOW.read_text(encoding="utf-8").splitlines() if re.match(r"\s*-?\s*uses:", line)]
    assert len(uses) == 3
    for line in uses:
        assert re.fullmatch(r"-?\s*uses: [\w.-]+/[\w./-]+@[0-9a-f]{40}\s+# v\d+(\.\d+)*", line), line


def test_checkout_keeps_no_credentials_and_the_job_asks_only_what_it_needs():
    checkout = next(s for s in _steps() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["persist-credentials"] is False and checkout["with"]["fetch-depth"] == 0
    assert _workflow()["permissions"] == {}
    (job,) = _workflow()["jobs"].values()
    assert job["permissions"] == {"contents": "read", "security-events": "write"}


def test_the_check_is_one_invocation_without_xargs():
    step = next(s for s in _steps() if s.get("name") == "Check changed documents")
    assert "xargs" not in step["run"] and step["run"].count("factcheck check") == 1 and "--files-from" in step["run"]


def _zizmor() -> str | None:
    beside = Path(sys.executable).parent / "zizmor"
    return str(beside) if beside.exists() else shutil.which("zizmor")


def test_zizmor_finds_nothing_in_the_workflow():
    zizmor = _zizmor()
    if zizmor is None:
        pytest.skip("zizmor is not installed (pip install zizmor, or the 'test' extra)")
    done = subprocess.run([zizmor, "--offline", str(WORKFLOW)], capture_output=True, text=True,
                          timeout=120, env={**os.environ, "NO_COLOR": "1"})
    assert done.returncode == 0, done.stdout + done.stderr


# the step's commands on a fixture repository ----------------------------------------------------------


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def pull_request(tmp_path) -> Path:
    """A repository whose branch ``main`` is the base; HEAD is a pull request's commit on top of it."""
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    shutil.copy(SEED, repo / "docs" / "seed.txt")
    shutil.copytree(CURATED, repo / "sources" / CURATED.name)  # configured sources lie inside the project (issue 21)
    (repo / "pyproject.toml").write_text(
        '[tool.factcheck]\nsources = ["sources"]\nbuiltin-sources = false\n'
        '[tool.factcheck.document_dates]\n"**/*" = "2020-06-07"\n"*" = "2020-06-07"\n', encoding="utf-8")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "base")
    _git(repo, "checkout", "-q", "-b", "pr")
    return repo


def _run_step(repo: Path, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    """The workflow's check step as the runner runs it: its script under bash -e, with its env (BASE the base
    branch, RUNNER_TEMP a folder), and ``factcheck`` this checkout's."""
    step = next(s for s in _steps() if s.get("name") == "Check changed documents")
    shim = tmp_path / "bin"
    shim.mkdir(exist_ok=True)
    (shim / "factcheck").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m factcheck "$@"\n', encoding="utf-8")
    (shim / "factcheck").chmod(0o755)
    runner_temp = tmp_path / "runner-temp"
    runner_temp.mkdir(exist_ok=True)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("GITHUB_", "FACTCHECK_"))}
    env.update({"BASE": "main", "RUNNER_TEMP": str(runner_temp), "PATH": f"{shim}{os.pathsep}{env.get('PATH', '')}",
                "CI": "true", "PYTHONPATH": str(ROOT), "FACTCHECK_CACHE_DIR": str(tmp_path / "cache")})
    script = tmp_path / "step.sh"
    script.write_text(step["run"], encoding="utf-8")
    return subprocess.run(["bash", "-e", str(script)], cwd=repo, env=env, capture_output=True, text=True, timeout=300)


def _commit(repo: Path) -> None:
    _git(repo, "add", "-A")
    _git(repo, "commit", "-q", "-m", "change")


@needs_git
def test_a_contradicted_claim_in_any_changed_file_exits_one_with_every_result_in_one_sarif(pull_request, tmp_path):
    seed = pull_request / "docs" / "seed.txt"
    seed.write_text(seed.read_text(encoding="utf-8").replace("96,700 ventilators", "120,000 ventilators"), encoding="utf-8")
    odd = pull_request / "docs" / "a file\nwith a newline.md"  # NUL-separated, so any name survives
    odd.write_text(SEED.read_text(encoding="utf-8").replace("225 million test kits", "250 million test kits"), encoding="utf-8")
    (pull_request / "notes.txt").write_text("No figures here.\n", encoding="utf-8")
    _commit(pull_request)
    done = _run_step(pull_request, tmp_path)
    assert done.returncode == 1, done.stderr
    results = json.loads((pull_request / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"]
    files = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in results if r["level"] == "error"}
    assert files == {"docs/seed.txt", "docs/a%20file%0Awith%20a%20newline.md"}
    assert "::error file=docs/seed.txt" in done.stdout


@needs_git
def test_factcheck_unable_to_run_exits_two_not_one(pull_request, tmp_path):
    (pull_request / "docs" / "new.md").write_text("China sent 29 medical expert teams.\n", encoding="utf-8")
    _commit(pull_request)
    (pull_request / "pyproject.toml").write_text("[tool.factcheck]\nfail-on = 'sometimes'\n", encoding="utf-8")
    done = _run_step(pull_request, tmp_path)
    assert done.returncode == 2 and "fail-on" in done.stderr


@needs_git
def test_a_pull_request_without_changed_documents_passes(pull_request, tmp_path):
    (pull_request / "pyproject.toml").write_text((pull_request / "pyproject.toml").read_text() + "\n", encoding="utf-8")
    _commit(pull_request)
    done = _run_step(pull_request, tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads((pull_request / "factcheck.sarif").read_text(encoding="utf-8"))["runs"][0]["results"] == []
