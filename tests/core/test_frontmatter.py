"""Front matter as site generators write it: YAML or TOML, the four keys ClaimReview reads (issue 18, point 5)."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core.frontmatter import Author, FrontMatter, FrontMatterError, parse


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("---\nauthor: Jane Doe\ndate: 2020-06-07\nurl: https://example.org/a\ntitle: A title\n---\nBody 5 million.\n",
         FrontMatter((Author("Jane Doe"),), date(2020, 6, 7), "https://example.org/a", "A title")),
        ("\ufeff---\r\ndate: 2020-06-07T10:00:00+02:00\r\n...\r\nBody\r\n", FrontMatter(date=date(2020, 6, 7))),
        ('+++\ntitle = "T"\ndate = 2021-01-02\n[[authors]]\nname = "SCIO"\ntype = "Organization"\nurl = "https://scio.gov.cn"\n+++\nBody\n',
         FrontMatter((Author("SCIO", "https://scio.gov.cn", "Organization"),), date(2021, 1, 2), None, "T")),
        ("---\nauthors: [A, B]\ndate: '2020-06-07'\nlayout: post\n---\n", FrontMatter((Author("A"), Author("B")), date(2020, 6, 7))),
        ("No front matter.\n---\nauthor: X\n---\n", FrontMatter()),
        ("---\nauthor: X\nnever closed\n", FrontMatter()),
        ("---\n---\nBody\n", FrontMatter()),
    ],
)
def test_front_matter_gives_author_date_url_and_title(text, expected):
    assert parse(text) == expected


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("---\ndate: yesterday\n---\n", "'date': 'yesterday' is not a date"),
        ("---\nauthor: {url: x}\n---\n", "'author': an author given as a mapping needs a 'name'"),
        ("---\nauthor: 3\n---\n", "'author': expected a name"),
        ("---\nurl: [a]\n---\n", "'url': expected text"),
        ("---\n- a list\n---\n", "not a mapping"),
        ("---\nauthor: [unclosed\n---\n", "not valid YAML"),
        ("+++\nauthor = \n+++\n", "not valid TOML"),
        ("---\nx: " + "[" * 30_000 + "\n---\n", "front matter"),
    ],
)
def test_bad_front_matter_says_which_key(text, message):
    with pytest.raises(FrontMatterError, match=message.replace("[", r"\[").replace("(", r"\(")):
        parse(text)
