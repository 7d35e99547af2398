"""Issue 17, item 4: every format shows a group's share or rank with its computation: the members counted, their total,
the members the source never lists, and every record used (with the built-in World Bank sources)."""

from __future__ import annotations

import json

import pytest

from factcheck.cli import main
from factcheck.models import Report

# Nigeria 15.5-15.6% of Africa's 2018 population (the 54 members the World Bank lists, the total widened for the six it
# does not); Egypt Africa's third most populous country in 2018, not the fourth
DOC = """# Africa

In 2018 Nigeria accounted for 15.6% of Africa's population.

In 2018 Egypt was the fourth most populous country in Africa.
"""
SHARE = "population(NGA) / \u03a3 population(members of Africa)"


@pytest.fixture
def group_doc(tmp_path, monkeypatch) -> list[str]:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591488000")
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "africa.md").write_text(DOC, encoding="utf-8")
    return ["check", "africa.md", "--no-config", "--doc-date", "2019-07-20", "--url-base", "https://example.org/r"]


def run(capsys, args: list[str]) -> str:
    main(args)
    return capsys.readouterr().out


def test_json_carries_the_group_computation_and_every_members_record(group_doc, capsys):
    report = json.loads(run(capsys, [*group_doc, "--format", "json"]))
    Report.model_validate(report)
    share, rank = report["documents"][0]["claims"]
    assert share["verdict"] == "supported" and share["computation"]["operation"] == "share"
    assert SHARE in share["computation"]["symbols"] and "54 members with a record" in share["computation"]["formula"]
    assert "not in the source at all" in share["computation"]["formula"] and "REU" in share["computation"]["formula"]
    assert len(share["evidence"]) == 54 and share["evidence"][0]["record"] and {e["source"] for e in share["evidence"]} == {"wb-population"}
    assert rank["verdict"] == "contradicted" and rank["computation"]["operation"] == "rank" and rank["computation"]["value"] == 3
    assert "members of Africa" in rank["computation"]["formula"] and rank["evidence"][0]["value"] > 90e6


def test_table_verbose_lists_the_records(group_doc, capsys, monkeypatch):
    monkeypatch.setenv("COLUMNS", "240")
    out = run(capsys, [*group_doc, "--verbose"])
    assert "members of Africa" in out and "computed from:" in out and "wb-population row" in out


def test_sarif_has_the_group_computation(group_doc, capsys):
    sarif = json.loads(run(capsys, [*group_doc, "--format", "sarif"]))
    (result,) = sarif["runs"][0]["results"]  # only the contradicted rank is a finding
    computation = result["properties"]["computation"]
    assert computation["operation"] == "rank" and computation["records"] and "Africa" in result["message"]["text"]


def test_markdown_footnote_cites_every_record(group_doc, capsys):
    out = run(capsys, [*group_doc, "--format", "markdown"])
    calc = next(line for line in out.splitlines() if line.startswith("[^calc-1]:"))
    assert "54 members with a record" in calc and calc.replace("\\", "").count("[^") >= 54


def test_claimreview_body_gives_the_group_computation(group_doc, capsys):
    reviews = json.loads(run(capsys, [*group_doc, "--format", "claimreview"]))
    share, rank = reviews
    assert "computed (share)" in share["reviewBody"] and "54 members with a record" in share["reviewBody"]
    assert share["reviewRating"]["ratingValue"] == 3 and rank["reviewRating"]["ratingValue"] == 1
    assert "members of Africa" in rank["reviewRating"]["ratingExplanation"]
