"""A Markdown document's front-matter date dates its figures; one that cannot be read is FC904, never a stop."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core.frontmatter import FrontMatterError, dated
from factcheck.core.matching import Settings
from factcheck.engine import check_text
from tests.core.test_reading import catalogue

BODY = "On 30 June, France had 66.3 million inhabitants.\n"


@pytest.mark.parametrize(
    ("head", "expected"),
    [
        ("---\ntitle: Notes\ndate: 2014-09-01\n---\n", date(2014, 9, 1)),
        ("+++\ndate = 2014-09-01T08:00:00Z\n+++\n", date(2014, 9, 1)),
        ("---\ndate: '2014-09-01'\nauthor: {url: only-a-url}\n---\n", date(2014, 9, 1)),  # ClaimReview would refuse the author
        ("---\ntitle: Notes\n---\n", None),
        ("", None),
    ],
)
def test_the_date_alone_is_read(head, expected):
    assert dated(head + BODY) == expected


@pytest.mark.parametrize("head", ["---\ndate: last summer\n---\n", "---\ndate: [2014\n---\n", "---\n- 2014-09-01\n---\n"])
def test_a_date_that_cannot_be_read_is_an_error_naming_it(head):
    with pytest.raises(FrontMatterError, match="date|YAML|mapping"):
        dated(head + BODY)


def _checked(text: str, path: str = "post.md", doc_date: date | None = None):
    checked = check_text(text, path, catalogue(), Settings(doc_date=doc_date))
    (claim, verdict), = [(c, v) for c, v in checked.claims if c.quantity is not None]
    return claim, verdict, checked.problems


@pytest.mark.parametrize("head", ["---\ndate: 2014-09-01\n---\n", "+++\ndate = 2014-09-01\n+++\n", "\ufeff---\r\ndate: 2014-09-01\r\n---\r\n"])
def test_the_front_matter_date_gives_a_day_without_a_year_its_year(head):
    claim, verdict, problems = _checked(head + BODY)
    assert claim.period is not None and claim.period.start == date(2014, 6, 30)
    assert verdict.label == "supported" and problems == []


def test_the_documents_own_date_comes_before_doc_date():
    claim, _, _ = _checked("---\ndate: 2014-09-01\n---\n" + BODY, doc_date=date(2019, 7, 20))
    assert claim.period is not None and claim.period.start.year == 2014


def test_only_markdown_has_front_matter():
    claim, _, _ = _checked("---\ndate: 2014-09-01\n---\n" + BODY, path="notes.txt", doc_date=date(2015, 1, 1))
    assert claim.period is not None and claim.period.start.year == 2015


@pytest.mark.parametrize(("head", "said"), [("---\ndate: last summer\n---\n", "'date': 'last summer' is not a date"),
                                            ("---\ndate: [2014\n---\n", "not valid YAML"),
                                            ("+++\ndate = \n+++\n", "not valid TOML")])
def test_an_unreadable_date_is_fc904_on_the_first_line_and_the_check_goes_on(head, said):
    claim, verdict, problems = _checked(head + BODY, doc_date=date(2015, 1, 1))
    assert [(p.code, p.line, p.column) for p in problems] == [("FC904", 1, 1)]
    assert said in problems[0].message and "dated 2015-01-01" in problems[0].message
    assert claim.period is not None and claim.period.start.year == 2015
