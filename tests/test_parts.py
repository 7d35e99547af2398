"""Issue 19, point 3: each document finished and written as it is decided, with the output of the whole report."""

from __future__ import annotations

import io
import json

import pytest

from factcheck.cli import main
from tests.conftest import CURATED
from tests.test_batch import corpus

FORMATS = ["concise", "github", "sarif", "jsonl", "markdown", "claimreview", "table"]


@pytest.fixture
def docs(tmp_path, monkeypatch) -> list[str]:
    """Sixty documents checked against the built-in and curated sources: records cited across documents."""
    corpus(tmp_path / "docs", 60)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591488000")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    return ["check", "--no-config", "--doc-date", "2020-06-07", "--sources", str(CURATED), "--exit-zero", "--jobs", "2",
            "--url-base", URL_BASE]


URL_BASE = "https://example.org/reports"


def _whole(report: dict, fmt: str) -> str:
    """What a format's renderer makes of the whole report held in memory."""
    from factcheck.cli.outputs import _root
    from factcheck.report import claimreview, concise, github, jsonl, markdown, sarif, table

    if fmt == "concise":
        return concise.render(report)
    if fmt == "github":
        return github.render(report, _root())
    if fmt == "sarif":
        return sarif.render(report, _root())
    if fmt == "jsonl":
        return jsonl.render(report)
    if fmt == "markdown":
        return markdown.render(report)
    if fmt == "claimreview":
        from datetime import date
        from pathlib import Path

        from factcheck.config import defaults
        from factcheck.publication import published

        paths = [Path(d["path"]) for d in report["documents"]]
        return claimreview.render(report, URL_BASE, published(paths, defaults(Path.cwd()), lambda _: date(2020, 6, 7)))
    buffer = io.StringIO()
    table.render(report, buffer, color=False, width=160)
    return buffer.getvalue()


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("n", [40, 80])
def test_a_streamed_format_is_the_whole_reports_rendering(docs, tmp_path, capsys, fmt, n):
    """Written a document at a time by two processes, every format says what its renderer says of the whole
    json report: footnotes numbered across documents, SARIF's base ids before its results, the table or its
    one-line-a-claim layout chosen by the run's claim count (above 500 with 80 documents, below with 40)."""
    for extra in sorted((tmp_path / "docs").iterdir())[n:]:
        extra.unlink()
    if n > 60:
        corpus(tmp_path / "more", n - 60)
    paths = ["docs"] + (["more"] if n > 60 else [])
    assert main([*docs, *paths, "--output", "json:report.json", "--output", f"{fmt}:out.txt"]) == 0
    report = json.loads((tmp_path / "report.json").read_text(encoding="utf-8"))
    assert (tmp_path / "out.txt").read_text(encoding="utf-8") == _whole(report, fmt)
    assert report["summary"]["documents"] == n and (report["summary"]["claims"] > 500) == (n > 60)


def test_the_json_report_is_the_composition_of_its_parts(docs, tmp_path):
    from factcheck.report.json_format import render

    assert main([*docs, "docs", "--output", "json:report.json"]) == 0
    written = (tmp_path / "report.json").read_text(encoding="utf-8")
    report = json.loads(written)
    assert render(report) == written
    claims = [c for d in report["documents"] for c in d["claims"]]
    assert all(isinstance(c["sentence"], int) for c in claims)
    first = report["documents"][0]
    for c in first["claims"]:  # the sentence a claim points at holds it
        sentence = first["sentences"][c["sentence"]]
        assert c["id"] in sentence["claims"] and sentence["location"]["start"] <= c["location"]["start"] < sentence["location"]["end"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_an_error_leaves_every_output_file_as_it_was(tmp_path, capsys, monkeypatch, jobs):
    corpus(tmp_path / "docs", 12)
    (tmp_path / "docs" / "doc0006.md").write_bytes(b"\x00\x01 binary")  # in the middle: parts before it are written
    monkeypatch.chdir(tmp_path)
    for name in ("out.json", "out.sarif", "out.md"):
        (tmp_path / name).write_text("old\n", encoding="utf-8")
    code = main(["check", "docs", "--no-config", "--jobs", jobs, "--output", "json:out.json", "--output", "sarif:out.sarif",
                 "--output", "markdown:out.md", "--output", "jsonl"])
    out, err = capsys.readouterr()
    assert code == 2 and "doc0006.md: binary file" in err
    assert all((tmp_path / name).read_text(encoding="utf-8") == "old\n" for name in ("out.json", "out.sarif", "out.md"))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "out.json", "out.md", "out.sarif"]  # no temporary file left
    paths = {json.loads(line)["path"] for line in out.splitlines()}
    if jobs == "1":  # with two processes the failing document may be met before the first one's part is written
        assert "docs/doc0001.md" in paths  # stdout is written as documents are decided (doc0000, the seed, lists no claim)


def test_output_files_are_written_by_a_run_on_every_core(tmp_path, capsys, monkeypatch):
    """The workers are forked while the outputs' temporary files exist: ending them must not remove those."""
    corpus(tmp_path / "docs", 12)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "docs", "--no-config", "--jobs", "2", "--exit-zero", "--output", "json:out.json", "--output", "sarif:out.sarif"]) == 0
    assert json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))["summary"]["documents"] == 12
    assert json.loads((tmp_path / "out.sarif").read_text(encoding="utf-8"))["version"] == "2.1.0"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["docs", "out.json", "out.sarif"]


def test_jobs_are_capped_at_the_documents_and_the_cores(tmp_path, capsys, monkeypatch):
    import multiprocessing

    from factcheck import batch

    started: list[int] = []
    context = multiprocessing.get_context("fork")
    real = context.Process

    def process(*args, **kwargs):
        started.append(1)
        return real(*args, **kwargs)

    monkeypatch.setattr(type(context), "Process", staticmethod(process))
    monkeypatch.setattr(batch, "default_jobs", lambda: 2)
    corpus(tmp_path / "docs", 3)
    monkeypatch.chdir(tmp_path)
    assert main(["check", "docs", "--no-config", "--jobs", "1000", "--format", "jsonl", "--exit-zero"]) == 0
    assert len(started) == 2
    (tmp_path / "one").mkdir()
    (tmp_path / "one" / "a.md").write_text("France had 68 million inhabitants in 2020.\n", encoding="utf-8")
    assert main(["check", "one", "--no-config", "--jobs", "1000", "--format", "jsonl", "--exit-zero"]) == 0
    assert len(started) == 2  # one document: checked here, no worker at all


def test_the_step_summary_of_a_streamed_run_is_the_markdown_report(docs, tmp_path, capsys, monkeypatch):
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    assert main([*docs, "docs", "--output", "github", "--output", "markdown:report.md"]) == 0
    assert summary.read_text(encoding="utf-8") == (tmp_path / "report.md").read_text(encoding="utf-8")


def test_the_baseline_and_diff_base_are_applied_per_document(tmp_path, capsys, monkeypatch):
    """Baseline entries found in any document are used; stale ones are those no document used."""
    corpus(tmp_path / "docs", 8)
    monkeypatch.chdir(tmp_path)
    common = ["check", "docs", "--no-config", "--doc-date", "2020-06-07", "--jobs", "2"]
    assert main([*common, "--write-baseline", "base.json"]) == 0
    data = json.loads((tmp_path / "base.json").read_text(encoding="utf-8"))
    assert len(data["entries"]) > 8
    data["entries"].append({**data["entries"][0], "id": "fc-000000000000"})
    (tmp_path / "base.json").write_text(json.dumps(data), encoding="utf-8")
    capsys.readouterr()
    assert main([*common, "--baseline", "base.json", "--format", "json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["baseline"]["suppressed"] == len(data["entries"]) - 1
    assert [e["id"] for e in report["baseline"]["stale"]] == ["fc-000000000000"]
    assert list(report)[-2:] == ["summary", "baseline"]
    assert report["summary"]["findings"]["suppressed"] == len(data["entries"]) - 1


def test_a_worker_sends_text_and_counts(tmp_path):
    """What crosses from a worker to the parent: bytes for each output and counts, no claim objects."""
    import pickle

    from factcheck.batch import Job, finish_one
    from factcheck.core.matching import Settings
    from factcheck.engine import load_sources
    from factcheck.parts import Plan, Rendered

    corpus(tmp_path / "docs", 1)
    path = str(next((tmp_path / "docs").iterdir()))
    plan = Plan(formats=("json", "sarif", "concise", "markdown"), schema_version="2.1")
    rendered = finish_one(path, load_sources([]), Job(0.05, Settings(), {}, plan=plan))
    assert isinstance(rendered, Rendered) and all(isinstance(p, bytes) for p in rendered.parts)
    assert rendered.totals.documents == 1 and b'"claims"' in rendered.parts[0]
    assert b"fc-" in pickle.dumps(rendered) and "Claim(" not in repr(rendered.__dict__)
