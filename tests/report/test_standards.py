"""Outputs validated against the standards they claim (issue 11): SARIF 2.1.0's official schema,
our own JSON Schema, Google's required ClaimReview fields, and frictionless over the shipped packages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from jsonschema import Draft4Validator, Draft202012Validator, FormatChecker

from factcheck.cli import main
from factcheck.data import builtin_sources
from tests.conftest import CURATED
from tests.report.conftest import edited_seed

ROOT = Path(__file__).resolve().parents[2]
SARIF_SCHEMA = json.loads((ROOT / "tests" / "schemas" / "sarif-schema-2.1.0.json").read_text(encoding="utf-8"))


def run(capsys, *args: str) -> tuple[int, str]:
    code = main(list(args))
    return code, capsys.readouterr().out


@pytest.fixture
def awkward(tmp_path, monkeypatch):
    """The edited seed under file names SARIF URIs must encode, one of them outside the repository root."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591488000")
    repo = tmp_path / "repo"
    (repo / "docs").mkdir(parents=True)
    names = [repo / "docs" / "a report #1 (50%).md", repo / "docs" / "données é.txt", tmp_path / "outside doc.md"]
    for name in names:
        name.write_text(edited_seed(), encoding="utf-8")
    monkeypatch.chdir(repo)
    return [str(n) for n in names]


def test_sarif_is_valid_against_the_official_schema(awkward, capsys):
    code, out = run(capsys, "check", *awkward, "--no-config", "--sources", str(CURATED), "--doc-date", "2020-06-07", "--output", "sarif")
    log = json.loads(out)
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}"
              for e in Draft4Validator(SARIF_SCHEMA, format_checker=FormatChecker()).iter_errors(log)]
    assert code == 1 and errors == []
    run_ = log["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run_["results"]}
    assert "docs/a%20report%20%231%20%2850%25%29.md" in uris and "docs/donn%C3%A9es%20%C3%A9.txt" in uris
    outside = [r["locations"][0]["physicalLocation"]["artifactLocation"] for r in run_["results"]
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "outside%20doc.md"]
    assert outside and outside[0]["uriBaseId"] in run_["originalUriBaseIds"] and outside[0]["uriBaseId"] != "%SRCROOT%"
    assert run_["tool"]["driver"]["informationUri"].startswith("https://")


def test_json_is_valid_against_the_published_schema(awkward, capsys):
    _, out = run(capsys, "check", *awkward, "--no-config", "--sources", str(CURATED), "--doc-date", "2020-06-07", "--format", "json")
    schema = json.loads((ROOT / "schema" / "report.schema.json").read_text(encoding="utf-8"))
    assert schema["$schema"].startswith("https://json-schema.org/") and schema["$id"]
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in Draft202012Validator(schema).iter_errors(json.loads(out))]
    assert errors == []
    assert schema["$defs"]["ClaimOut"]["additionalProperties"] is False
    assert "member" in schema["$defs"]["EvidenceOut"]["properties"]


def test_claimreview_has_googles_required_fields(awkward, capsys):
    _, out = run(capsys, "check", *awkward, "--no-config", "--sources", str(CURATED), "--doc-date", "2020-06-07", "--format", "claimreview",
                 "--url-base", "https://example.org/reports")
    reviews = json.loads(out)
    assert reviews
    for r in reviews:
        assert r["@type"] == "ClaimReview" and r["url"].startswith("https://example.org/reports/") and "#claim-" in r["url"]
        assert 0 < len(r["claimReviewed"]) <= 202
        assert r["author"]["name"] and r["author"]["url"].startswith("https://")
        rating = r["reviewRating"]
        assert {"ratingValue", "bestRating", "worstRating", "alternateName"} <= rating.keys()
        assert rating["worstRating"] <= rating["ratingValue"] <= rating["bestRating"]
        assert r["itemReviewed"]["appearance"]["url"].startswith("https://example.org/reports/")


def test_the_shipped_packages_are_valid_frictionless_data_packages():
    frictionless = pytest.importorskip("frictionless")
    folder = builtin_sources()
    assert folder is not None
    for descriptor in sorted(folder.glob("*/datapackage.json")):
        report = frictionless.validate(str(descriptor))
        problems = [f"{e.type}: {e.note}" for task in report.tasks for e in task.errors] + [f"{e.type}: {e.note}" for e in report.errors]
        assert report.valid, f"{descriptor}: {problems[:5]}"


def test_the_step_summary_stays_under_githubs_limit():
    from factcheck.cli.outputs import STEP_SUMMARY_LIMIT, summary_within_limit

    line = "| 1:1 | 29 teams | ✅ supported | a reason that fills the line with words and more words |\n"
    big = "# factcheck report\n\n" + line * (2 * STEP_SUMMARY_LIMIT // len(line.encode()))
    cut = summary_within_limit(big)
    assert len(cut.encode("utf-8")) <= STEP_SUMMARY_LIMIT and "1 MiB step-summary limit" in cut
    assert cut.split("\n\n> **factcheck:**")[0].endswith(line)
    assert summary_within_limit("# small\n") == "# small\n"
