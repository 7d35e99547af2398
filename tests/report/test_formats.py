"""Every output format on the edited seed: golden files, SARIF structure, GitHub escaping, step summary."""

from __future__ import annotations

import json
import os
import threading
import time

import pytest

from factcheck.cli import main
from factcheck.report.github import escape_data, escape_property
from tests.report.conftest import golden

FORMATS = ["concise", "github", "sarif", "jsonl", "claimreview", "markdown"]


def run(capsys, args):
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("fmt", FORMATS)
def test_format_matches_golden(edited, capsys, fmt, tmp_path):
    code, out, _ = run(capsys, [*edited, "--output", fmt])
    assert code == 1  # the misquoted ventilators
    out = out.replace(tmp_path.resolve().as_uri() + "/", "file:///SRCROOT/")  # where the run happened, not what it said
    assert out == golden(f"edited.{fmt}", out)


def test_concise_lines(edited, capsys):
    _, out, _ = run(capsys, [*edited, "--output", "concise"])
    lines = out.splitlines()
    (bad,) = [line for line in lines if "FC103" in line]
    assert bad.startswith('doc.txt:4:825: FC103 "120,000 ventilators": its origin')
    assert bad.endswith("[china-covid19-official-figures-2020]")
    assert lines[-1] == "Found 10 findings (1 suppressed)."
    assert not any("training sessions" in line for line in lines)  # suppressed inline


def test_sarif_has_the_required_structure(edited, capsys):
    _, out, _ = run(capsys, [*edited, "--output", "sarif"])
    log = json.loads(out)
    assert log["version"] == "2.1.0" and log["$schema"].endswith("sarif-2.1.0.json")
    run_ = log["runs"][0]
    rules = run_["tool"]["driver"]["rules"]
    assert {r["id"] for r in rules} >= {"FC101", "FC103", "FC201", "FC900"}
    for rule in rules:
        assert rule["shortDescription"]["text"] and rule["defaultConfiguration"]["level"] in ("error", "warning", "note")
    ids = [r["id"] for r in rules]
    for result in run_["results"]:
        assert ids[result["ruleIndex"]] == result["ruleId"]
        assert result["level"] in ("error", "warning", "note") and result["message"]["text"]
        loc = result["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "doc.txt", "uriBaseId": "%SRCROOT%"}
        region = loc["region"]
        assert region["startLine"] <= region["endLine"] and region["startColumn"] >= 1
        assert result["partialFingerprints"]["factcheck/claim/v1"]
    errors = [r for r in run_["results"] if r["level"] == "error"]
    assert [r["ruleId"] for r in errors] == ["FC103"]
    assert errors[0]["partialFingerprints"]["factcheck/claim/v1"].startswith("fc-")
    suppressed = [r for r in run_["results"] if "suppressions" in r]
    assert len(suppressed) == 1 and suppressed[0]["suppressions"][0] == {
        "kind": "inSource", "justification": "counted by the health commission, not published"}


def test_github_groups_per_file_and_uses_the_right_commands(edited, capsys):
    _, out, _ = run(capsys, [*edited, "--output", "github"])
    lines = out.splitlines()
    assert lines[0] == "::group::doc.txt" and "::endgroup::" in lines
    assert sum(line.startswith("::error file=doc.txt,line=4,col=825,endLine=4,endColumn=844,title=FC103 misquoted-origin::")
               for line in lines) == 1
    assert any(line.startswith("::notice ") for line in lines)  # origin only is a note
    assert any(line.startswith("::warning ") and "FC900" in line for line in lines)


def test_github_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a,b: 5%\n") == "a%2Cb%3A 5%25%0A"
    assert escape_data("a,b:c") == "a,b:c"  # ':' and ',' only in properties


def test_github_escapes_paths_and_messages_end_to_end(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    doc = tmp_path / "notes, v2: draft.md"
    doc.write_text("France's deficit reached 5.5% of GDP\nin 2023.\n", encoding="utf-8")
    _, out, _ = run(capsys, ["check", doc.name, "--no-config", "--output", "github", "--all-findings"])
    line = next(line for line in out.splitlines() if line.startswith(("::warning", "::notice")))  # a share: a note
    assert "file=notes%2C v2%3A draft.md," in line
    props, message = line.split("::", 2)[1:]
    assert "%25" in message and "\n" not in message


def test_step_summary_gets_the_full_table(edited, capsys, tmp_path, monkeypatch):
    summary = tmp_path / "summary.md"
    summary.write_text("previous step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    run(capsys, [*edited, "--output", "github"])
    text = summary.read_text(encoding="utf-8")
    assert text.startswith("previous step\n# factcheck report")  # appended, not replaced
    assert text.count("\n| 4:") == 7 and "120,000 ventilators" in text


def _drain(fifo) -> None:  # noqa: ANN001
    """Read a FIFO for a while: what frees a writer that would otherwise wait for ever."""
    fd = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)
    try:
        end = time.monotonic() + 5
        while time.monotonic() < end:
            try:
                os.read(fd, 65536)
            except BlockingIOError:
                time.sleep(0.05)
    finally:
        os.close(fd)


@pytest.mark.parametrize("reader", [False, True], ids=["no reader", "a reader"])
def test_a_fifo_as_step_summary_is_refused_never_waited_on(edited, capsys, tmp_path, monkeypatch, reader):
    """Issue 21, point 7: it used to block for ever in open(); the rescue thread only bounds a failing test."""
    fifo = tmp_path / "summary.fifo"
    os.mkfifo(fifo)
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(fifo))
    held = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK) if reader else None
    rescue = threading.Timer(20, _drain, args=(fifo,))
    rescue.daemon = True
    rescue.start()
    try:
        code, _, err = run(capsys, [*edited, "--output", "github"])
    finally:
        rescue.cancel()
        if held is not None:
            os.close(held)
    assert code == 2 and "GITHUB_STEP_SUMMARY" in err and "not a regular file" in err


def test_claimreview_has_one_review_per_claim(edited, capsys):
    _, out, _ = run(capsys, [*edited, "--output", "claimreview"])
    reviews = json.loads(out)
    assert len(reviews) == 22
    bad = next(r for r in reviews if r["itemReviewed"]["name"] == "120,000 ventilators")
    assert bad["@type"] == "ClaimReview" and bad["datePublished"] == "2020-06-07"
    rating = bad["reviewRating"]
    assert rating["alternateName"] == "Contradicted" and rating["ratingValue"] == rating["worstRating"] == 1
    assert "96,700" in rating["ratingExplanation"]


def test_jsonl_lines_validate_against_the_models(edited, capsys):
    from factcheck.models import SCHEMA_VERSION, ClaimOut, ProblemOut, SentenceOut

    _, out, _ = run(capsys, [*edited, "--output", "jsonl"])
    rows = [json.loads(line) for line in out.splitlines()]
    kinds = [r.pop("type") for r in rows]
    claims = [r for r, k in zip(rows, kinds) if k == "claim"]
    problems = [r for r, k in zip(rows, kinds) if k == "problem"]
    sentences = [r for r, k in zip(rows, kinds) if k == "sentence"]
    assert len(claims) == 22 and len(problems) == 2 and len(sentences) == len(rows) - 24
    for row in rows:
        assert row.pop("path") == "doc.txt" and row.pop("schema_version") == SCHEMA_VERSION == "2.1"
    for row in claims:
        ClaimOut.model_validate(row)
    for row in problems:
        ProblemOut.model_validate(row)
    seen: set[int] = set()
    for row, kind in zip(rows, kinds):  # each sentence once, on a line before the first claim pointing at it
        if kind == "sentence":
            SentenceOut.model_validate(row)
            assert row["index"] not in seen
            seen.add(row["index"])
        elif kind == "claim":
            assert row["sentence"] in seen
    assert len(seen) == len({c["sentence"] for c in claims}) < len(claims)  # five members share one sentence


def test_several_outputs_in_one_run(edited, capsys, tmp_path):
    code, out, _ = run(capsys, [*edited, "--output", "sarif:out.sarif", "--output", "markdown:report.md", "--output", "json"])
    assert code == 1
    assert json.loads((tmp_path / "out.sarif").read_text())["version"] == "2.1.0"
    assert (tmp_path / "report.md").read_text().startswith("# factcheck report")
    assert json.loads(out)["summary"]["findings"] == {"error": 1, "warning": 7, "note": 2, "suppressed": 1}


def test_min_severity_filters_what_is_shown_not_what_fails(edited, capsys):
    code, out, _ = run(capsys, [*edited, "--output", "concise", "--min-severity", "error"])
    assert code == 1 and out.splitlines()[0].startswith("doc.txt:4:825: FC103")
    code, out, _ = run(capsys, [*edited, "--output", "concise", "--min-severity", "error", "--fail-on", "any"])
    assert code == 1 and len(out.splitlines()) == 2
