"""ClaimReview publishable by default (issue 18, point 5): a real url or a refusal, and the Claim's author and
date from the document's front matter or the configuration."""

from __future__ import annotations

import json

import pytest

from tests.conftest import CURATED, run

FIGURE = "As of May 31, China had sent 120,000 ventilators abroad.\n"


@pytest.fixture
def folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591488000")
    return tmp_path


def _check(capsys, *args: str) -> tuple[int, list[dict], str]:
    code, out, err = run(capsys, "check", *args, "--sources", str(CURATED), "--format", "claimreview", "--all-findings")
    return code, (json.loads(out) if out else []), err


def test_without_a_url_claimreview_is_refused_not_given_a_urn(folder, capsys):
    (folder / "doc.md").write_text(FIGURE, encoding="utf-8")
    code, reviews, err = _check(capsys, "doc.md", "--no-config")
    assert code == 2 and reviews == []
    assert "doc.md: no published URL for ClaimReview" in err and "--url-base" in err and "front matter" in err


def test_front_matter_gives_the_page_the_claims_author_and_date(folder, capsys):
    (folder / "doc.md").write_text(
        "---\ntitle: Aid in figures\nauthor: Jane Doe\ndate: 2020-06-07\nurl: https://news.example.org/aid#top\n---\n" + FIGURE,
        encoding="utf-8")
    _, reviews, _ = _check(capsys, "doc.md", "--no-config")
    assert reviews
    for r in reviews:
        assert r["url"].startswith("https://news.example.org/aid#claim-fc-")
        claim = r["itemReviewed"]
        assert claim["author"] == {"@type": "Person", "name": "Jane Doe"} and claim["datePublished"] == "2020-06-07"
        assert claim["appearance"] == {"@type": "CreativeWork", "url": "https://news.example.org/aid",
                                       "headline": "Aid in figures", "datePublished": "2020-06-07"}


def test_toml_front_matter_with_a_relative_url_and_several_authors(folder, capsys):
    (folder / "doc.md").write_text(
        '+++\nurl = "/posts/aid/"\ndate = 2020-06-07\n[[authors]]\nname = "A"\n[[authors]]\nname = "SCIO"\ntype = "Organization"\n+++\n'
        + FIGURE, encoding="utf-8")
    _, reviews, _ = _check(capsys, "doc.md", "--no-config", "--url-base", "https://example.org/site/")
    claim = reviews[0]["itemReviewed"]
    assert reviews[0]["url"].startswith("https://example.org/posts/aid/#claim-")
    assert claim["author"] == [{"@type": "Person", "name": "A"}, {"@type": "Organization", "name": "SCIO"}]


def test_configuration_gives_authors_the_reviewer_and_the_url_base(folder, capsys):
    (folder / "docs").mkdir()
    (folder / "docs" / "aid.txt").write_text(FIGURE, encoding="utf-8")
    (folder / "factcheck.toml").write_text(
        'url-base = "https://example.org/reports"\n'
        'review-author = {name = "Example Fact Desk", url = "https://example.org", type = "Organization"}\n'
        '[document_dates]\n"docs/*" = "2020-06-07"\n'
        '[document_authors]\n"docs/*.txt" = {name = "State Council Information Office", type = "Organization"}\n',
        encoding="utf-8")
    _, reviews, _ = _check(capsys, "docs/aid.txt")
    r = reviews[0]
    assert r["url"].startswith("https://example.org/reports/docs/aid.txt#claim-")
    assert r["author"] == {"@type": "Organization", "name": "Example Fact Desk", "url": "https://example.org"}
    assert r["itemReviewed"]["author"] == {"@type": "Organization", "name": "State Council Information Office"}
    assert r["itemReviewed"]["datePublished"] == "2020-06-07"


@pytest.mark.parametrize(
    ("front", "args", "message"),
    [
        ("---\ndate: yesterday\n---\n", ["--url-base", "https://example.org"], "doc.md: 'date': 'yesterday' is not a date"),
        ("---\nurl: posts/aid\n---\n", [], "doc.md: front matter 'url' 'posts/aid' is not an absolute http(s) URL"),
        ("", ["--url-base", "example.org"], "--url-base example.org: not an http(s) URL"),
    ],
)
def test_bad_publication_data_exits_two_naming_the_problem(folder, capsys, front, args, message):
    (folder / "doc.md").write_text(front + FIGURE, encoding="utf-8")
    code, _, err = _check(capsys, "doc.md", "--no-config", *args)
    assert code == 2 and message in err and "Traceback" not in err


def test_a_bad_configured_author_names_the_key(folder, capsys):
    (folder / "doc.md").write_text(FIGURE, encoding="utf-8")
    (folder / "factcheck.toml").write_text('review-author = {name = "X", url = "not a url"}\n', encoding="utf-8")
    code, _, err = _check(capsys, "doc.md")
    assert code == 2 and "factcheck.toml: 'review-author.url'" in err
