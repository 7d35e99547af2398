"""Issue 18, point 0: a Markdown block that starts with inline markup is still read.

Blanking "**" or "<em>" at a line's start used to leave the line indented: list items, quotes and
lines opening with bold text or inline HTML were read as code and silently not checked.
Each row is a document written for this test; its figure must be read and judged.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core.matching import Settings
from factcheck.engine import check_text
from tests.core.test_reading import catalogue

BLOCKS = [
    "- **France** had a population of 60 million in 2014.\n",
    "* __France__ had a population of 60 million in 2014.\n",
    "+ *France* had a population of 60 million in 2014.\n",
    "1. **France** had a population of 60 million in 2014.\n",
    "12) **France** had a population of 60 million in 2014.\n",
    "- Countries:\n  - **France** had a population of 60 million in 2014.\n",
    "> **Note:** France had a population of 60 million in 2014.\n",
    "> > **France** had a population of 60 million in 2014.\n",
    "<em>France</em> had a population of 60 million in 2014.\n",
    "<strong>France</strong> had a population of 60 million in 2014.\n",
    '<a href="https://example.org">France</a> had a population of 60 million in 2014.\n',
    '<span class="c">France</span> had a population of 60 million in 2014.\n',
    "![flag](flag.png) France had a population of 60 million in 2014.\n",
    "`FR` France had a population of 60 million in 2014.\n",
    "[France](https://example.org) had a population of 60 million in 2014.\n",
    "Intro line.\n\n**France** had a population of 60 million in 2014.\n",
]


@pytest.mark.parametrize("document", BLOCKS)
def test_a_block_opening_with_markup_is_read(document):
    checked = check_text(document, "d.md", catalogue(), Settings(doc_date=date(2016, 1, 1)))
    verdicts = [(c.subject.id if c.subject else None, v.reason) for c, v in checked.claims if c.quantity]
    assert verdicts == [("FRA", "understated")], verdicts


def test_indented_code_stays_code():
    document = "Intro line.\n\n    France had a population of 60 million in 2014.\n"
    checked = check_text(document, "d.md", catalogue(), Settings(doc_date=date(2016, 1, 1)))
    assert checked.claims == []
