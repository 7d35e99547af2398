"""Issue 16, items 2 and 7: what a figure is, and numbers as they are written in real text.

Each row is a sentence written for this test (never copied from an article) and the values of
the figures it must yield, in order. Documents go through ``engine.claims_of``, as the CLI reads
them (controls, comments and Markdown blanked, footnote marks blanked); every figure's span must
still point at its own text in the document as written.
"""

from __future__ import annotations

import pytest

from factcheck.core.marks import blank_marks
from factcheck.core.quantities import find_quantities
from factcheck.engine import claims_of


def figures(text: str, path: str = "doc.md") -> list[float]:
    claims = [c for c in claims_of(text, path, None) if c.kind == "figure"]
    for c in claims:
        written = blank_marks(text)[c.span.start:c.span.end]  # the text as written, its marks blanked
        assert written.split() == c.text.split(), (written, c.text)
    return [c.quantity.value for c in claims]


def values(sentence: str) -> list[float]:
    return [m.quantity.value for m in find_quantities(sentence)]


# --- item 2: footnote and citation marks are never a figure -------------------------------------------

FOOTNOTES = [
    # glued to punctuation, a word or a number; numbers, letters, notes and runs
    ("Lakeland is a small republic on the coast.[125] Its capital is Port Vale.", []),
    ("The harbour was rebuilt twice,[7] once after the storm.", []),
    ("Port Vale is the largest town[41] in the republic.", []),
    ("The reform passed in the spring.[2][3][4]", []),
    ("The reform passed[18][19] without debate.", []),
    ("Lakeland had 1.5 million[3] inhabitants in 2010.", [1.5e6]),
    ("Lakeland had 1.5 million[3][4] inhabitants in 2010.", [1.5e6]),
    ("Prices rose 3%[12] in the year.", [3]),
    ("Exports reached 4,200[8] tonnes.", [4200]),
    ("The dialect is spoken in the hills.[a] Few write it.", []),
    ("The dialect is spoken in the hills[b][c] and valleys.", []),
    ("The census was delayed.[note 3] It ran the next year.", []),
    ("The census was delayed[nb 2] by a year.", []),
    ("The census was delayed[Note 12] by a year.", []),
    ("The country has 24 ministries.[citation needed]", [24]),
    ("The harbour is the deepest in the region.[citation needed][14]", []),
    ("Its founding date is disputed.[when?]", []),
    # separated by a space, a mark is still a mark
    ("The rainy season brings more than [85] of rain.", []),
    # superscript digits after a word or punctuation; a unit's power and a power of ten stay
    ("The valley is home to many herders\u00b9\u00b2 and farmers.", []),
    ("The valley is home to many herders.\u00b3 Farmers live lower down.", []),
    ("Lakeland had 2 million\u00b9 inhabitants.", [2e6]),
    ("The lake covers 120 km\u00b2 of the plain.", [120]),
]


@pytest.mark.parametrize("text,expected", FOOTNOTES, ids=[t for t, _ in FOOTNOTES])
def test_footnote_marks_are_no_figures(text, expected):
    assert figures(text) == pytest.approx(expected)
    assert figures(text, "doc.txt") == pytest.approx(expected)


def test_marks_blank_in_place_and_keep_offsets():
    text = "It grew.[12] Then[a] 3 million[4] came.\u00b9"
    blanked = blank_marks(text)
    assert len(blanked) == len(text)
    assert blanked == "It grew.     Then    3 million    came. "


@pytest.mark.parametrize("text,expected", [
    # a reference list: the label opens its line; the entry is read as a list item, the label is none
    ("Notes\n\n[12] Harbour Board annual report.\n", []),
    ("Notes\n\n[3]\n[4] Harbour Board, second report.\n", []),
    ("Notes\n\n1. Harbour Board annual report.\n", []),
], ids=["label", "empty label", "numbered"])
def test_reference_list_labels_are_no_figures(text, expected):
    assert figures(text) == expected


# --- item 7: a line break inside a sentence is a space --------------------------------------------------

LINE_BREAKS = [
    ("Lakeland had 60\nmillion inhabitants in 2010.", "60\nmillion", 60e6),
    ("Lakeland had 60\r\nmillion inhabitants in 2010.", "60\r\nmillion", 60e6),
    ("Lakeland had about\n60 million inhabitants.", "about\n60 million", 60e6),
    ("In 2010 the economy of Lakeland was worth\nUS$12.5\nbillion.", "US$12.5\nbillion", 12.5e9),
    ("Unemployment stood at 7.5\npercent in 2010.", "7.5\npercent", 7.5),
    ("The hard-wrapped paragraph\nsays the republic had\n3.2 million people in 2010 and\n4.1\nmillion in 2020.", "4.1\nmillion", 4.1e6),
]


@pytest.mark.parametrize("text,written,value", LINE_BREAKS, ids=[t for t, _, _ in LINE_BREAKS])
@pytest.mark.parametrize("path", ["doc.md", "doc.txt"])
def test_a_line_break_never_splits_a_figure(text, written, value, path):
    claims = [c for c in claims_of(text, path, None) if c.kind == "figure"]
    hit = [c for c in claims if c.quantity.value == pytest.approx(value)]
    assert hit, [c.quantity.value for c in claims]
    assert text[hit[0].span.start:hit[0].span.end].startswith(written)
    line_of = text.count("\n", 0, hit[0].span.start) + 1
    assert hit[0].line == line_of
