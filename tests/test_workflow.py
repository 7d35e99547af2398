"""The CI and review workflow end to end: exit policy, outputs, baselines, configuration, revisions, review."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CURATED, SEED, run

git_required = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=repo, check=True, capture_output=True)


@pytest.fixture
def project(tmp_path, monkeypatch) -> Path:
    """A folder configured like a user's project: the seed, the curated source, a document date."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    shutil.copy(SEED, tmp_path / "seed.txt")
    shutil.copytree(CURATED, tmp_path / "sources" / CURATED.name)  # configured sources lie inside the project (issue 21)
    (tmp_path / "pyproject.toml").write_text(
        '[tool.factcheck]\ninclude = ["*.txt"]\nsources = ["sources"]\n'
        '[tool.factcheck.document_dates]\n"*.txt" = "2020-06-07"\n',
        encoding="utf-8",
    )
    return tmp_path


@pytest.fixture
def repo(project) -> Path:
    """The project as a git repository with one commit."""
    _git(project, "init", "-q")
    _git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "--allow-empty", "-m", "empty")
    _git(project, "add", "-A")
    _git(project, "-c", "user.email=t@example.org", "-c", "user.name=t", "commit", "-q", "-m", "seed")
    return project


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")


# exit policy -----------------------------------------------------------------


@pytest.mark.parametrize(("policy", "expected"), [("contradicted", 0), ("unverifiable", 1), ("any", 1)])
def test_fail_on_policies_on_the_seed(project, capsys, policy, expected):
    code, _, _ = run(capsys, "check", "--fail-on", policy, "--output", "concise")
    assert code == expected


def test_any_fails_on_a_suppression_problem_alone(project, capsys):
    doc = project / "note.md"
    doc.write_text("<!-- factcheck: ignore -->\nNo figures at all.\n", encoding="utf-8")
    assert run(capsys, "check", str(doc), "--fail-on", "unverifiable")[0] == 0
    assert run(capsys, "check", str(doc), "--fail-on", "any")[0] == 1


def test_exit_zero_turns_one_into_zero_but_never_hides_two(project, capsys):
    _edit(project / "seed.txt", "96,700 ventilators", "120,000 ventilators")
    assert run(capsys, "check", "--output", "concise")[0] == 1
    assert run(capsys, "check", "--output", "concise", "--exit-zero")[0] == 0
    code, _, err = run(capsys, "check", "missing.txt", "--exit-zero")
    assert code == 2 and "missing.txt: no such file" in err


def test_fail_on_comes_from_the_configuration(project, capsys):
    with open(project / "pyproject.toml", "a", encoding="utf-8") as fh:
        fh.write("")
    text = (project / "pyproject.toml").read_text().replace("[tool.factcheck]\n", "[tool.factcheck]\nfail-on = \"unverifiable\"\n")
    (project / "pyproject.toml").write_text(text)
    assert run(capsys, "check", "--output", "concise")[0] == 1
    assert run(capsys, "check", "--output", "concise", "--fail-on", "contradicted")[0] == 0


# outputs ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--output", "yaml:out.yaml"], "unknown format 'yaml'"),
        (["--output", "json", "--output", "sarif"], "only one output can go to stdout"),
        (["--output", "sarif:"], "no file after ':'"),
        (["--output", "sarif:nowhere/out.sarif"], "folder 'nowhere' does not exist"),
        (["--output", "sarif:adir"], "is a directory"),
    ],
)
def test_bad_outputs_exit_two_before_checking(project, capsys, args, message):
    (project / "adir").mkdir()
    code, out, err = run(capsys, "check", *args)
    assert code == 2 and message in err and out == ""


def test_format_alone_still_works_and_combines_with_files(project, capsys):
    code, out, _ = run(capsys, "check", "--format", "json", "--output", "sarif:x.sarif")
    assert code == 0 and json.loads(out)["summary"]["claims"] == 22 and (project / "x.sarif").exists()


# baselines ------------------------------------------------------------------------


def test_baseline_round_trip(project, capsys):
    code, _, err = run(capsys, "check", "--write-baseline", "baseline.json")
    assert code == 0 and "wrote 5 finding(s)" in err  # figures no source covers are not findings (not listed)
    data = json.loads((project / "baseline.json").read_text())
    assert [(e["code"], e["reason"]) for e in data["entries"]] == [
        ("FC206", ""), ("FC206", ""), ("FC206", ""), ("FC204", ""), ("FC203", "")]  # FC208 statements: counted, not listed
    assert run(capsys, "check", "--fail-on", "unverifiable", "--output", "concise")[0] == 1
    code, out, _ = run(capsys, "check", "--fail-on", "unverifiable", "--baseline", "baseline.json", "--output", "json")
    report = json.loads(out)
    assert code == 0
    assert report["summary"]["findings"]["suppressed"] == 5 and report["baseline"]["stale"] == []

    # a new finding fails; an entry no longer found is listed for pruning
    _edit(project / "seed.txt", "stationed in 56 countries", "stationed in 58 countries")
    code, out, err = run(capsys, "check", "--fail-on", "unverifiable", "--baseline", "baseline.json", "--output", "json")
    report = json.loads(out)
    assert code == 1 and "1 baseline entry no longer found" in err and "56 countries" in err
    assert [e["text"] for e in report["baseline"]["stale"]] == ["56 countries"]
    assert report["summary"]["findings"]["warning"] == 1


def test_rewriting_a_baseline_keeps_the_reasons(project, capsys):
    run(capsys, "check", "--write-baseline", "baseline.json")
    data = json.loads((project / "baseline.json").read_text())
    data["entries"][0]["reason"] = "figure from the ministry's briefing"
    (project / "baseline.json").write_text(json.dumps(data))
    run(capsys, "check", "--write-baseline", "baseline.json")
    again = json.loads((project / "baseline.json").read_text())
    assert again["entries"][0]["reason"] == "figure from the ministry's briefing"


def test_configured_baseline_applies_and_can_be_turned_off(project, capsys):
    run(capsys, "check", "--write-baseline", "known.json")
    text = (project / "pyproject.toml").read_text().replace("[tool.factcheck]\n", '[tool.factcheck]\nbaseline = "known.json"\n')
    (project / "pyproject.toml").write_text(text)
    assert run(capsys, "check", "--fail-on", "unverifiable", "--output", "concise")[0] == 0
    assert run(capsys, "check", "--fail-on", "unverifiable", "--output", "concise", "--no-baseline")[0] == 1


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "baseline file not found"),
        ("{not json", "not a factcheck baseline"),
        ('{"version": 1, "entries": [{"path": "a", "id": "b"}]}', "entries.0.code"),
        ('{"version": 9, "entries": []}', "format version 9"),
    ],
)
def test_bad_baseline_exits_two_naming_the_file(project, capsys, content, message):
    if content is not None:
        (project / "b.json").write_text(content)
    code, _, err = run(capsys, "check", "--baseline", "b.json")
    assert code == 2 and "b.json" in err and message in err


# configuration ------------------------------------------------------------------


def test_include_and_exclude(project, capsys):
    (project / "drafts").mkdir()
    shutil.copy(SEED, project / "drafts" / "draft.txt")
    text = (project / "pyproject.toml").read_text().replace('include = ["*.txt"]', 'include = ["**/*.txt"]\nexclude = ["drafts/*"]')
    (project / "pyproject.toml").write_text(text)
    code, out, _ = run(capsys, "check", "--output", "json")
    assert [d["path"] for d in json.loads(out)["documents"]] == ["seed.txt"]
    code, out, err = run(capsys, "check", "drafts/draft.txt", "seed.txt", "--output", "json")
    assert "drafts/draft.txt: excluded by the configuration" in err
    assert [d["path"] for d in json.loads(out)["documents"]] == ["seed.txt"]


def test_no_paths_and_no_include_is_a_usage_error(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "check")
    assert code == 2 and "no PATH given and no 'include'" in err


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('fail-on = "sometimes"', "'fail-on'"),
        ("exclude = 3", "'exclude'"),
        ('min-severity = "loud"', "'min-severity'"),
        ("colour = true", "unknown key 'colour'"),
    ],
)
def test_bad_configuration_values_exit_two_naming_key_and_file(project, capsys, line, message):
    text = (project / "pyproject.toml").read_text().replace("[tool.factcheck]\n", f"[tool.factcheck]\n{line}\n")
    (project / "pyproject.toml").write_text(text)
    code, _, err = run(capsys, "check")
    assert code == 2 and "pyproject.toml [tool.factcheck]" in err and message in err


def test_factcheck_toml_takes_precedence(project, capsys):
    (project / "factcheck.toml").write_text('include = ["*.txt"]\nsources = ["sources"]\nfail_on = "any"\n')
    code, _, _ = run(capsys, "check", "--doc-date", "2020-06-07", "--output", "concise")
    assert code == 1


# revisions ------------------------------------------------------------------------


@git_required
def test_done_when_diff_base_reports_exactly_the_changed_claim(repo, capsys):
    _edit(repo / "seed.txt", "96,700 ventilators", "120,000 ventilators")
    code, out, _ = run(capsys, "check", "--diff-base", "HEAD", "seed.txt", "--output", "sarif:out.sarif", "--output", "github")
    assert code == 1
    annotations = [line for line in out.splitlines() if line.startswith("::") and "group" not in line]
    assert len(annotations) == 1 and annotations[0].startswith("::error file=seed.txt,line=4,col=825,")
    results = json.loads((repo / "out.sarif").read_text())["runs"][0]["results"]
    assert [(r["ruleId"], r["level"]) for r in results] == [("FC103", "error")]

    code, _, _ = run(capsys, "check", "--diff-base", "HEAD", "seed.txt", "--output", "sarif:out.sarif", "--output", "github",
                     "--exit-zero")
    assert code == 0

    assert run(capsys, "check", "seed.txt", "--write-baseline", "baseline.json")[0] == 0
    code, _, _ = run(capsys, "check", "--diff-base", "HEAD", "seed.txt", "--output", "sarif:out.sarif", "--output", "github",
                     "--baseline", "baseline.json")
    assert code == 0


@git_required
def test_diff_base_skips_unchanged_claims_of_an_edited_paragraph(repo, capsys):
    _edit(repo / "seed.txt", "As of May 31, China had sent 29 medical expert teams",
          "By the end of May 31, China had sent 29 medical expert teams")
    _edit(repo / "seed.txt", "over 400 online", "over 450 online")
    code, out, _ = run(capsys, "check", "--diff-base", "HEAD", "--output", "json", "--all-findings")
    report = json.loads(out)
    assert [c["text"] for c in report["documents"][0]["claims"]] == ["over 450 online and offline training sessions"]
    assert report["revision"] == {"base": "HEAD", "unchanged": 21}
    assert code == 0


@git_required
def test_diff_base_on_a_new_file_reports_everything(repo, capsys):
    shutil.copy(SEED, repo / "new.txt")
    code, out, _ = run(capsys, "check", "--diff-base", "HEAD", "new.txt", "--output", "json")
    assert json.loads(out)["summary"]["claims"] == 22


@git_required
def test_diff_base_errors(repo, capsys, tmp_path_factory):
    code, _, err = run(capsys, "check", "--diff-base", "no-such-ref", "seed.txt")
    assert code == 2 and "'no-such-ref': unknown git revision" in err
    outside = tmp_path_factory.mktemp("outside") / "doc.txt"
    shutil.copy(SEED, outside)
    code, _, err = run(capsys, "check", "--diff-base", "HEAD", str(outside))
    assert code == 2 and "not inside a git work tree" in err


@git_required
def test_diff_lists_added_removed_and_changed_with_verdicts(repo, capsys):
    _edit(repo / "seed.txt", "96,700 ventilators", "120,000 ventilators")
    _edit(repo / "seed.txt", "They have so far organized over 400 online and offline training sessions in this regard. ", "")
    with open(repo / "seed.txt", "a", encoding="utf-8") as fh:
        fh.write("China also sent 12 planes.\n")
    code, out, _ = run(capsys, "diff", "HEAD:seed.txt", "seed.txt", "--format", "json")
    diff = json.loads(out)
    assert code == 1  # the changed claim is contradicted
    assert diff["summary"] == {"added": 1, "removed": 1, "changed": 1, "unchanged": 20}
    (pair,) = diff["changed"]
    assert (pair["old"]["quantity"]["text"], pair["old"]["verdict"]) == ("96,700", "supported")
    assert (pair["new"]["quantity"]["text"], pair["new"]["verdict"]) == ("120,000", "contradicted")
    assert [c["text"] for c in diff["added"]] == ["12 planes"]
    assert [c["text"] for c in diff["removed"]] == ["over 400 online and offline training sessions"]
    from factcheck.models import DiffReport

    DiffReport.model_validate(diff)
    # the policy counts what the revision introduced: the added claim has no source
    assert run(capsys, "diff", "HEAD:seed.txt", "seed.txt", "--exit-zero")[0] == 0


@git_required
def test_diff_of_two_files_and_its_table(repo, capsys):
    shutil.copy(repo / "seed.txt", repo / "old.txt")
    _edit(repo / "seed.txt", "225 million test kits", "250 million test kits")
    code, out, _ = run(capsys, "diff", "old.txt", "seed.txt")
    assert code == 1 and "1 changed" in out and "250 million" in out and "(contradicted)" in out  # misquoted origin


@git_required
def test_diff_errors(repo, capsys):
    assert run(capsys, "diff", "HEAD:nope.txt", "seed.txt")[0] == 2
    code, _, err = run(capsys, "diff", "missing.txt", "seed.txt")
    assert code == 2 and "missing.txt: no such file" in err


# review ---------------------------------------------------------------------------


def test_review_refuses_without_a_terminal_or_script(project, capsys, monkeypatch):
    monkeypatch.setattr("sys.stdin", open("/dev/null"))
    code, _, err = run(capsys, "review")
    assert code == 2 and "stdin is not a terminal" in err and "--script" in err


def test_scripted_review_session(project, capsys):
    _edit(project / "seed.txt", "96,700 ventilators", "120,000 ventilators")
    (project / "keys").write_text("a typo fixed upstream\nd\nthe mission went to Chengdu itself\ni\nwhat\ns\nq\n")
    code, out, _ = run(capsys, "review", "--script", "keys", "--file", "review.json")
    assert code == 0
    assert "[1/22] seed.txt:4:825" in out and "contradicted" in out  # worst verdict first
    assert "[a] accept  [d] dispute  [i] ignore  [s] skip  [q] quit" in out
    assert "unknown key 'what'" in out and "1 accepted, 1 disputed, 1 ignored, 1 skipped" in out
    entries = json.loads((project / "review.json").read_text())["entries"]
    assert [(e["text"], e["decision"], e["note"]) for e in entries] == [
        ("120,000 ventilators", "accepted", "typo fixed upstream"),
        ("Chengdu", "disputed", "the mission went to Chengdu itself"),
        ("Guangzhou", "ignored", ""),
    ]

    # decisions apply on the next run while the claims are unchanged
    code, out, _ = run(capsys, "check", "--baseline", "review.json", "--output", "json")
    claims = {c["text"]: c for c in json.loads(out)["documents"][0]["claims"]}
    assert claims["120,000 ventilators"]["suppressed"]["by"] == "review"
    assert claims["Chengdu"]["finding"]["code"] == "FC104" and code == 1  # a dispute is an error
    assert claims["Guangzhou"]["suppressed"] is not None

    # the next session skips what is decided
    (project / "keys").write_text("q\n")
    _, out, _ = run(capsys, "review", "--script", "keys", "--file", "review.json")
    assert "[1/19]" in out


def test_review_with_a_missing_script_fails_before_showing_anything(project, capsys):
    code, out, err = run(capsys, "review", "--script", "missing-keys")
    assert code == 2 and "missing-keys: cannot read the review script" in err and out == ""


def test_diff_into_a_directory_is_a_usage_error(project, capsys):
    (project / "adir").mkdir()
    code, _, err = run(capsys, "diff", "seed.txt", "seed.txt", "--output", "adir")
    assert code == 2 and "is a directory" in err


def test_review_saves_each_decision_at_once(project, capsys, monkeypatch):
    (project / "keys").write_text("i\n")  # the script ends after one key
    run(capsys, "review", "--script", "keys", "--file", "review.json")
    assert len(json.loads((project / "review.json").read_text())["entries"]) == 1

    # interrupted (Ctrl-C) while deciding the third claim: the first two decisions are already on disk
    from factcheck.cli import review as review_cli

    decide, calls = review_cli.decide, []

    def interrupted(*args, **kwargs):
        calls.append(1)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return decide(*args, **kwargs)

    monkeypatch.setattr(review_cli, "decide", interrupted)
    (project / "keys").write_text("i\ni\ni\ni\n")
    code, _, err = run(capsys, "review", "--script", "keys", "--file", "interrupted.json")
    assert code == 130 and "interrupted" in err  # 128 + SIGINT (issue 18, point 8)
    assert len(json.loads((project / "interrupted.json").read_text())["entries"]) == 2


def test_min_checkworthiness_filters_reported_claims(project, capsys):
    _, out, _ = run(capsys, "check", "--output", "json")
    everything = json.loads(out)["documents"][0]
    code, out, _ = run(capsys, "check", "--output", "json", "--min-checkworthiness", "0.9")
    kept = json.loads(out)["documents"][0]
    assert 0 < len(kept["claims"]) < len(everything["claims"])
    assert all(c["checkworthiness"] >= 0.9 for c in kept["claims"])
    assert len(kept["sentences"]) == len(everything["sentences"])  # every sentence is still listed
    assert run(capsys, "check", "--min-checkworthiness", "1.5")[0] == 2
