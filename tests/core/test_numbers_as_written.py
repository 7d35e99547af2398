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


# --- item 2: numbers that count nothing -------------------------------------------------------------------

NOT_A_FIGURE = {
    "years and dates": [
        "The harbour reopened on June 3, 2011 after the storm.",
        "The treaty was signed in 1748 and ratified later.",
        "Around 1620, the valley was settled by herders.",
        "The first fort dates from 1150 BC.",
        "The chronicle was written in AD 820.",
        "The figures were published on 2016-04-30.",
        "The mill ran from 1812 until 1904.",
    ],
    "pages, sections, tables, lists": [
        "The method is set out on page 12 of the report.",
        "See pages 40-44 for the details.",
        "Section 4.2 describes the survey.",
        "Table 3 lists the districts.",
        "The rule is in \u00a7 14 of the statute.",
        "Annex 7 and Box 2 give the sources.",
        "The results appear in vol. 3 of the series.",
    ],
    "ISBN and other standard numbers": [
        "The atlas (ISBN 978-0-306-40615-7) maps every district.",
        "The guide, ISBN 0-306-40615-2, is out of print.",
        "The journal (ISSN 0317-8471) publishes the series.",
        "The paper is doi:10.5555/12345678 in the archive.",
    ],
    "coordinates": [
        "The capital lies at 41\u00b054\u2032N 12\u00b030\u2032E on the river.",
        "The island is at 12.5\u00b0N in the gulf.",
        "The summit stands at 46\u00b0 33\u2032 N, 8\u00b0 0\u2032 E above the pass.",
        "The station sits near 64\u00b08'N 21\u00b056'W on the coast.",
    ],
    "times of day": [
        "The polls close at 10:30 on Sunday.",
        "The ferry leaves at 7 p.m. every day.",
        "Trading opens at 9am and stops at 5 PM.",
        "The bells ring at 6 o'clock each morning.",
    ],
    "phone numbers": [
        "Call the office on +44 20 7946 0958 for details.",
        "The hotline is (555) 123 4567 in the capital.",
        "Its number is 555-123-4567 during office hours.",
        "The desk can be reached on 020 7946 0958 at any time.",
    ],
    "versions": [
        "The survey used version 3.4.1 of the software.",
        "The app moved to v2.1 last month.",
        "The tool was updated to release 5.2 in the spring.",
    ],
    "identifiers": [
        "Country codes follow ISO 3166 in the register.",
        "Numbers are written in E.164 format.",
        "The forms are printed on A4 paper.",
        "The sample was labelled X5Y7 in the laboratory.",
        "The management system is certified to ISO/IEC 27001.",
    ],
}
NOT_A_FIGURE_ROWS = [(kind, s) for kind, rows in NOT_A_FIGURE.items() for s in rows]


@pytest.mark.parametrize("kind,sentence", NOT_A_FIGURE_ROWS, ids=[s for _, s in NOT_A_FIGURE_ROWS])
def test_numbers_that_count_nothing_are_no_figures(kind, sentence):
    assert values(sentence) == [], kind
    assert figures(sentence) == [], kind


@pytest.mark.parametrize("sentence,expected", [
    # what stays a figure beside those rules
    ("In 1500 cases the court ruled for the tenant.", [1500]),
    ("About 1500 people lived in the valley.", [1500]),
    ("Lakeland had 3.2 million people in 2010 and 4.1 million in 2020.", [3.2e6, 4.1e6]),
    ("Prices rose +5% in the year.", [5]),
    ("The lake is 30\u00b0C in summer.", [30]),
    ("Between 2010 and 2015 the harbour grew.", []),
], ids=lambda v: v if isinstance(v, str) else None)
def test_figures_beside_those_rules_stay(sentence, expected):
    assert values(sentence) == pytest.approx(expected)


# --- item 7: scales in brackets, spaced and dotted groups, ambiguous dots, denied figures ---------------

WRITTEN = [
    # a scale in brackets right after the figure
    ("Lakeland's population was 52.1 (millions of) in 2010.", [52.1e6]),
    ("The labour force numbered 7,340 (in thousands) that year.", [7.34e6]),
    ("Output reached 812.5 (thousands) tonnes.", [812_500]),
    ("Exports were 41.7 (billions of US dollars) in 2010.", [41.7e9]),
    # groups of three separated by a comma and a space
    ("Lakeland had 4, 512, 310 inhabitants in 2010.", [4_512_310]),
    ("The census counted 12, 480, 005 residents.", [12_480_005]),
    ("The registry lists 310, 000, 000 accounts.", [310_000_000]),
    # ... but a list stays a list
    ("The villages had 4, 5 and 6 wells.", [4, 5, 6]),
    ("The halls seat 120, 250, 400 and 500 people.", [120, 250, 400, 500]),
    ("The squads had 12, 250, 400 or 500 members.", [12, 250, 400, 500]),
    ("Rooms hold 100, 200, 300 guests.", [100, 200, 300]),
    # dots grouping thousands: unambiguous with two or more groups
    ("Lakeland had 1.234.567 inhabitants in 2010.", [1_234_567]),
    ("The budget was 12.500.000 euros.", [12_500_000]),
    ("The census counted 4.512.310 residents.", [4_512_310]),
    # ... one group is 1,234 or 1.234: no claim rather than a guess
    ("The village had 1.234 inhabitants.", []),
    ("Farmers earn between 60.000 and 229.000 a year.", []),
    ("The rate was 41.731 per dollar.", []),
    # ... a decimal the text makes plain stays one
    ("The economy was worth 1.375 trillion dollars.", [1.375e12]),
    ("Prices rose 6.109% in the year.", [6.109]),
    ("Lakeland had 0.125 doctors per household.", [0.125]),
    # a no-break or narrow space before the scale or the percent sign
    ("Reserves were $83.2\u00a0billion at the end of the year.", [83.2e9]),
    ("Lakeland had 4.5\u202fmillion inhabitants.", [4.5e6]),
    ("Unemployment stood at 7\u00a0% in the spring.", [7]),
    # a figure the sentence denies
    ("Lakeland has 6 million inhabitants, and not 5 million as often said.", [6e6]),
    ("The census found 6 million rather than 5 million people.", [6e6]),
    ("Officials now cite 6 million instead of 5 million.", [6e6]),
    ("The count is 6 million, not five million.", [6e6]),
    ("Use the 2010 census as opposed to 5.8 million from the estimate.", []),
    # ... "not more than" is a bound, not a denial
    ("The hall holds not more than 500 people.", [500]),
]


@pytest.mark.parametrize("sentence,expected", WRITTEN, ids=[s for s, _ in WRITTEN])
def test_numbers_as_written(sentence, expected):
    assert values(sentence) == pytest.approx(expected)
    assert figures(sentence) == pytest.approx(expected)


def test_a_bracketed_scale_keeps_its_currency_and_text():
    (m,) = find_quantities("Exports were 41.7 (billions of US dollars) in 2010.")
    assert m.quantity.currency == "USD"
    assert m.quantity.text == "41.7 (billions of US dollars)"


# A stop glued to the next sentence (text stripped of its footnote marks): two sentences, and the
# figure before the stop keeps its own noun, not the next sentence's words.
GLUED = [
    ("Ruritania's GDP reached US$41 billion.That made it the largest economy of the region.", "US$41 billion", "That made"),
    ("The census counted 2.3 million residents    .Most of them live on the coast.", "2.3 million residents", "Most of them"),
    ("Its population was 870,000 in 2015.Since then it has grown.", "870,000", "Since then"),
]


@pytest.mark.parametrize(("text", "claim_text", "next_sentence"), GLUED)
def test_a_stop_glued_to_the_next_sentence_ends_it(text: str, claim_text: str, next_sentence: str) -> None:
    from factcheck.core.document import sentences

    parts = sentences(text)
    assert len(parts) == 2 and parts[1].text.startswith(next_sentence)
    (claim,) = [c for c in claims_of(text, "doc.txt", None) if c.kind == "figure"]
    assert claim.text == claim_text


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Population:7.6 million (2015)", [7.6e6]),  # a fact sheet's label, its space lost
    ("Area:462,840 km2 and Population:8.9 million", [462_840, 8.9e6]),
    ("The paper is doi:10.5555/12345678 in the archive.", []),  # an identifier's scheme
    ("See arXiv:1706.03762 and ISBN:978 for both.", []),
    ("Category:1990 births and width:300 are markup.", []),  # a markup key, lower case, or the wiki's own
])
def test_a_label_glued_to_its_figure_by_a_colon_is_no_identifier(sentence, expected):
    """A real page's "Population:7.6 million (2015)" had no figure at all: "word:123" was read as "doi:10.1038"."""
    assert values(sentence) == expected


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Its population was 41,7 million in 2019.", [41.7e6]),  # a decimal comma before a scale word
    ("Real growth reached 3,8% that year.", [3.8]),
    ("Exports came to 12,45 billion euros.", [12.45e9]),
    ("The sample counted 1,234 million people.", [1.234e9]),  # three digits: a thousands separator
    ("Rows 2,5 and 9 were left out.", [9]),  # a list or a decimal, the text cannot say: no claim for either
    ("In 2018,14 million voted.", []),  # a year's comma without its space is no decimal comma
])
def test_a_decimal_comma_before_a_scale_or_percent_is_one_figure(sentence, expected):
    """A real page's "Population: 37,9 million" was read as 37 (the digits after the comma dropped)."""
    assert values(sentence) == expected
