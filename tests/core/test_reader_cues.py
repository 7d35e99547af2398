"""The cheap tests that let a reader skip a sentence (substring cues, the word before a number looked up in sets) are
never stricter than the readers' patterns: a sentence with each cue word, written for this test, is still read."""

from __future__ import annotations

import pytest

from factcheck.core.quantities import find_quantities

READ = [
    # fractions (comparative._fraction_cue: "half", "third", "quarter", then the "-th" words)
    ("Kenya has one fifth of Nigeria's population.", "one fifth of", 0.2),
    ("Its economy is one quarter the size of Spain's.", "one quarter the size of", 0.25),
    ("Chad has one tenth of Egypt's population.", "one tenth of", 0.1),
    # extremes (comparative.extremes: "populous", or a superlative with "economy" or "population")
    ("India has the largest population in the world.", "largest population", 1.0),
    ("Tuvalu has the smallest economy in Oceania.", "smallest economy", 1.0),
    ("Brazil has the biggest economy in South America.", "biggest economy", 1.0),
    # multipliers (relative.multipliers: the chain of stems)
    ("The population trebled between 1950 and 2000.", "trebled", 3.0),
    ("GDP quadrupled in those years.", "quadrupled", 4.0),
    ("Output halved after the war.", "halved", 0.5),
]


@pytest.mark.parametrize(("text", "figure", "value"), READ)
def test_a_sentence_with_each_cue_is_read(text: str, figure: str, value: float) -> None:
    assert (figure, value) in [(m.quantity.text, m.quantity.value) for m in find_quantities(text)]


NOT_A_FIGURE = [
    # the word before the number (quantities.word_before), looked up in sets: any case, a dot kept on a month
    "The office opened on Jan. 5 with a new head.",
    "Firms WITH 10 to 19 employees were counted apart.",
    "Those Aged 15 and older were asked.",
    "It ranked 3 in the region.",
]


@pytest.mark.parametrize("text", NOT_A_FIGURE)
def test_the_word_before_a_number_is_read_in_any_case(text: str) -> None:
    assert [m.quantity.text for m in find_quantities(text)] == []
