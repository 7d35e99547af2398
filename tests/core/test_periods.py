from datetime import date

import pytest

from factcheck.core.periods import find_periods

DOC = date(2020, 6, 7)


@pytest.mark.parametrize(
    "text,start,end,kind",
    [
        ("As of May 31, China had sent", None, date(2020, 5, 31), "as_of"),
        ("From March 1 to May 31, China exported", date(2020, 3, 1), date(2020, 5, 31), "range"),
        ("between 1 March and 31 May 2019 it", date(2019, 3, 1), date(2019, 5, 31), "range"),
        ("in 2022 the population", date(2022, 1, 1), date(2022, 12, 31), "year"),
        ("in May 2020 exports", date(2020, 5, 1), date(2020, 5, 31), "month"),
        ("on March 11, 2020 it gave", date(2020, 3, 11), date(2020, 3, 11), "day"),
        ("on 2020-04-23 it gave", date(2020, 4, 23), date(2020, 4, 23), "day"),
        ("in Q3 2021 growth", date(2021, 7, 1), date(2021, 9, 30), "quarter"),
        ("in the first quarter of 2020", date(2020, 1, 1), date(2020, 3, 31), "quarter"),
        ("They have so far organized", None, DOC, "as_of"),
        ("since March 1 exports", date(2020, 3, 1), DOC, "since"),
        ("by the end of 2021 there", None, date(2021, 12, 31), "as_of"),
        ("over the first months of this year exports", date(2020, 1, 1), date(2020, 12, 31), "year"),  # the document's year
        ("Last year the deficit", date(2019, 1, 1), date(2019, 12, 31), "year"),  # the year before it
    ],
)
def test_periods(text, start, end, kind):
    (p,) = find_periods(text, DOC)
    assert (p.period.start, p.period.end, p.period.kind) == (start, end, kind)
    assert p.period.year_known


@pytest.mark.parametrize("text", ["As of May 31, China had sent", "Last year China sent"])
def test_missing_year_without_document_date_says_so(text):
    (p,) = find_periods(text, None)
    assert p.period.year_known is False
    assert p.period.end is None and p.period.start is None


def test_range_takes_the_year_of_its_end():
    (p,) = find_periods("From March 1 to May 31, 2019, it", None)
    assert (p.period.start, p.period.end) == (date(2019, 3, 1), date(2019, 5, 31))


def test_invalid_day_is_not_a_date():
    assert find_periods("on February 30 it", DOC) == []


# The grammar is tried only at words that can begin a period phrase (periods._may_begin): the gate must never be
# stricter than the grammar. Each branch's first word, three phrasings each, written for this test.
GATED = [
    "From 2010 to 2015 the count rose.", "The index fell between 2001 and 2004.", "Output grew from March 2012 until May 2013.",
    "As of 31 December 2019 it stood at 4 million.", "The total was 7 million as at June 2020.", "Up to 2018, 3 million arrived.",
    "By 2016 there were 5 million.", "Until 2014 the rate held.", "Through 2017 the total climbed.",
    "Since 2005 exports doubled.", "Prices have risen since March 2011.", "The debt has grown since 1998, to $3 billion.",
    "In Q3 2019 sales reached $2 billion.", "In the first quarter of 2020 output fell.", "The fourth quarter of 2018 was weak.",
    "So far 12 cases were found.", "To date 40 schools opened.", "Thus far 9 towns have voted.",  # capitalised: the anchor finds them too
    "On 5 May 2017 it had 3 million.", "In Sept. 2015 the figure was 2 million.", "The census of 2011 counted 4.1 million.",
    "This year 2 million voted.", "Exports rose 4% last year.", "Last year the town had 40,000 people.",
]


@pytest.mark.parametrize("text", GATED)
def test_the_first_word_gate_finds_what_the_whole_grammar_finds(text, monkeypatch):
    from factcheck.core import periods

    gated = find_periods(text, date(2020, 6, 1))
    monkeypatch.setattr(periods, "_may_begin", lambda text, start: True)
    assert gated == find_periods(text, date(2020, 6, 1)) and gated
