"""Issue 17: every format shows a derived figure's computation (formula, every record, the value and the stated interval)."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main
from factcheck.models import Report

DOC = """# Kenya

Kenya's population rose by 5.2 million between 2010 and 2015.

Kenya's GDP per capita was $1,840 in 2018.
"""
FORMULA = "population(2015) − population(2010)"


@pytest.fixture
def derived_doc(tmp_path, monkeypatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591488000")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "kenya.md").write_text(DOC, encoding="utf-8")
    return ["check", "kenya.md", "--no-config", "--doc-date", "2019-07-20", "--url-base", "https://example.org/r"]


def run(capsys, args: list[str]) -> str:
    main(args)
    return capsys.readouterr().out


def test_json_carries_the_computation_and_every_record(derived_doc, capsys):
    report = json.loads(run(capsys, [*derived_doc, "--format", "json"]))
    Report.model_validate(report)
    assert report["schema_version"] == "2.1"  # 1.4 added the computation; 2.0 the sentence by index; 2.1 comparisons and extremes
    change, per_capita = report["documents"][0]["claims"]
    assert change["verdict"] == "contradicted" and change["computation"]["operation"] == "change"
    assert FORMULA in change["computation"]["symbols"] and change["computation"]["formula"].startswith("the population of Kenya in 2015")
    assert (change["computation"]["low"], change["computation"]["high"]) == (5_150_000, 5_250_000)
    assert [e["period"]["end"][:4] for e in change["evidence"]] == ["2010", "2015"]
    assert per_capita["verdict"] == "supported" and per_capita["computation"]["operation"] == "per_capita"
    assert {e["source"] for e in per_capita["evidence"]} == {"wb-gdp", "wb-population"}


def test_jsonl_carries_the_computation(derived_doc, capsys):
    rows = [json.loads(line) for line in run(capsys, [*derived_doc, "--format", "jsonl"]).splitlines()]
    assert [r["computation"]["operation"] for r in rows if r["type"] == "claim"] == ["change", "per_capita"]


def test_table_shows_the_formula_and_every_record(derived_doc, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    out = run(capsys, [*derived_doc, "--verbose"])
    assert "population(2015)" in out and "computed from:" in out and "wb-population row" in out and "5.15 million to 5.25" in out


@pytest.mark.parametrize("fmt", ["concise", "github"])
def test_one_line_formats_give_the_formula(derived_doc, capsys, fmt):
    assert FORMULA in run(capsys, [*derived_doc, "--format", fmt])


def test_sarif_result_has_the_computation(derived_doc, capsys):
    sarif = json.loads(run(capsys, [*derived_doc, "--format", "sarif"]))
    (result,) = sarif["runs"][0]["results"]
    computation = result["properties"]["computation"]
    assert computation["operation"] == "change" and len(computation["records"]) == 2
    assert all(r["sha256"] and r["source"] == "wb-population" for r in computation["records"])
    assert FORMULA in result["message"]["text"]


def test_markdown_has_a_footnote_per_computation(derived_doc, capsys):
    out = run(capsys, [*derived_doc, "--format", "markdown"])
    assert "## Computations" in out and "[^calc-1]:" in out and "[^calc-2]:" in out
    calc = next(line for line in out.splitlines() if line.startswith("[^calc-1]:"))
    assert "Records: [^1] [^2]" in calc.replace("\\", "")


def test_claimreview_explains_and_cites_the_computation(derived_doc, capsys):
    reviews = json.loads(run(capsys, [*derived_doc, "--format", "claimreview"]))
    change = reviews[0]
    assert "computed (change)" in change["reviewBody"] and "wb-population row" in change["reviewBody"]
    assert FORMULA in change["reviewRating"]["ratingExplanation"]
    assert change["citation"]


COMPARED_DOC = """# Europe and Asia

In 2018 France had twice as many people as Spain.

China was the world's most populous country in 2018.
"""


@pytest.fixture
def compared_doc(tmp_path, monkeypatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591488000")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "compared.md").write_text(COMPARED_DOC, encoding="utf-8")
    return ["check", "compared.md", "--no-config", "--doc-date", "2019-07-20", "--url-base", "https://example.org/r"]


def test_a_comparison_and_an_extreme_in_json(compared_doc, capsys):
    report = json.loads(run(capsys, [*compared_doc, "--format", "json"]))
    Report.model_validate(report)
    comparison, extreme = report["documents"][0]["claims"]
    assert comparison["verdict"] == "contradicted" and comparison["computation"]["operation"] == "comparison"
    assert "population(FRA) / population(ESP)" in comparison["computation"]["symbols"]
    assert [e["record"] for e in comparison["evidence"]] and {e["source"] for e in comparison["evidence"]} == {"wb-population"}
    assert (comparison["computation"]["low"], comparison["computation"]["high"]) == pytest.approx((1.8, 2.2))
    assert extreme["verdict"] == "supported" and extreme["computation"]["operation"] == "extremum"
    assert extreme["evidence"][0]["value"] > 1e9 and "ordered from the largest" in extreme["computation"]["formula"]


def test_a_comparison_in_the_verbose_table(compared_doc, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    out = run(capsys, [*compared_doc, "--verbose"])
    assert "population(FRA) / population(ESP)" in out and "computed from:" in out and "×1.8 to ×2.2" in out
    assert "population(c) > population(CHN)" in out


def test_a_comparison_in_sarif(compared_doc, capsys):
    sarif = json.loads(run(capsys, [*compared_doc, "--format", "sarif"]))
    (result,) = sarif["runs"][0]["results"]  # the extreme is supported: no finding
    computation = result["properties"]["computation"]
    assert computation["operation"] == "comparison" and len(computation["records"]) == 2
    assert "population(FRA) / population(ESP)" in result["message"]["text"]


def test_a_comparison_and_an_extreme_in_markdown_footnotes(compared_doc, capsys):
    out = run(capsys, [*compared_doc, "--format", "markdown", "--all-findings"])
    calcs = [line.replace("\\", "") for line in out.splitlines() if line.startswith("[^calc-")]
    assert len(calcs) == 2 and "Records: [^" in calcs[0]
    assert any("population(FRA) / population(ESP)" in c for c in calcs) and any("population(CHN)" in c for c in calcs)


def test_a_comparison_and_an_extreme_in_claimreview(compared_doc, capsys):
    reviews = json.loads(run(capsys, [*compared_doc, "--format", "claimreview"]))
    bodies = [r["reviewBody"] for r in reviews]
    assert any("computed (comparison)" in b and "wb-population row" in b for b in bodies)
    assert any("computed (extremum)" in b for b in bodies)


@pytest.mark.parametrize("fmt", ["concise", "github"])
def test_one_line_formats_give_a_comparisons_formula(compared_doc, capsys, fmt):
    assert "population(FRA) / population(ESP)" in run(capsys, [*compared_doc, "--format", fmt])
