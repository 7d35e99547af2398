import pytest

from factcheck.core.model import Qualifier
from factcheck.core.quantities import find_quantities

CASES = [
    # text, expected [(value, unit, currency, qualifier, value_high)]
    ("96,700 ventilators", [(96700, None, None, "exact", None)]),
    ("40.29 million infrared thermometers", [(40.29e6, None, None, "exact", None)]),
    ("US$50 million", [(50e6, None, "USD", "exact", None)]),
    ("£13.2bn spent", [(13.2e9, None, "GBP", "exact", None)]),
    ("RMB 10.2bn", [(10.2e9, None, "CNY", "exact", None)]),
    ("10 billion yuan", [(10e9, None, "CNY", "exact", None)]),
    ("€5 trillion", [(5e12, None, "EUR", "exact", None)]),
    ("USD 3 million", [(3e6, None, "USD", "exact", None)]),
    ("a rise of 5%", [(5, "%", None, "exact", None)]),
    ("up 2.5 percentage points", [(2.5, "pp", None, "exact", None)]),
    ("12 percent of people", [(12, "%", None, "exact", None)]),
    ("two batches", [(2, None, None, "exact", None)]),
    ("twenty-nine teams", [(29, None, None, "exact", None)]),
    ("one hundred and fifty cases", [(150, None, None, "exact", None)]),
    ("two million doses", [(2e6, None, None, "exact", None)]),
    ("between 3 and 5 million people", [(3e6, None, None, "exact", 5e6)]),
    ("3–5% growth", [(3, "%", None, "exact", 5)]),
    ("more than 70.6 billion masks", [(70.6e9, None, None, "more_than", None)]),
    ("over 400 sessions", [(400, None, None, "more_than", None)]),
    ("exceeded 20 tonnes", [(20, None, None, "more_than", None)]),
    ("at least 12 people", [(12, None, None, "at_least", None)]),
    ("under 300 beds", [(300, None, None, "less_than", None)]),
    ("fewer than 9 cases", [(9, None, None, "less_than", None)]),
    ("up to 7 days", [(7, None, None, "at_most", None)]),
    ("no more than 4 teams", [(4, None, None, "at_most", None)]),
    ("about 40m people", [(40e6, None, None, "approximately", None)]),
    ("some 500 doctors", [(500, None, None, "approximately", None)]),
    ("nearly 1,000 beds", [(1000, None, None, "approximately", None)]),
    ("roughly 3 tons", [(3, None, None, "approximately", None)]),
    ("from 12.8% to 12.0%", [(12.8, "%", None, "exact", None), (12.0, "%", None, "exact", None)]),
    ("in 2020, 1500 people", [(1500, None, None, "exact", None)]),
    ("Nine out of ten doctors", [(90, "%", None, "exact", None)]),
    ("9 out of 10 doctors", [(90, "%", None, "exact", None)]),
    ("about one-third of adults", [(100 / 3, "%", None, "approximately", None)]),
    ("two-thirds of the 1,200 respondents", [(200 / 3, "%", None, "exact", None), (1200, None, None, "exact", None)]),
    ("1,234,567,890,123,456,789,012 is an identifier", []),
    # a year, then "to" and a figure: the figure is no end of a range of years (it had been skipped as one)
    ("grew from 2.1 million in 2009 to 2.4 million in 2019", [(2.1e6, None, None, "exact", None), (2.4e6, None, None, "exact", None)]),
    ("from 40% in 2005 to 31% in 2015", [(40, "%", None, "exact", None), (31, "%", None, "exact", None)]),
    ("workers aged 25-54 and 3 million pensioners", [(3e6, None, None, "exact", None)]),  # the other end of an age range is none
    # "from" a few words before: where a change went from and to, not a range; "ranging from" is one
    ("income has climbed from the equivalent of 610 to 1,940 dollars", [(610, None, None, "exact", None), (1940, None, "USD", "exact", None)]),
    ("estimates ranging from about 4 to 6 million", [(4e6, None, None, "approximately", 6e6)]),
    # a number said in pieces is one figure; pieces that are not smaller than the step before are two
    ("a population of 7 million 302 thousand", [(7302000, None, None, "exact", None)]),
    ("it counted 5 million 12 thousand 480 residents", [(5012480, None, None, "exact", None)]),
    ("between 4 million 6 million people", [(4e6, None, None, "exact", None), (6e6, None, None, "exact", None)]),
    # "up" of a verb before "to" is no upper bound: the level reached (a history page's "inched up to 18.9 million")
    ("the population inched up to 18.9 million", [(18.9e6, None, None, "exact", None)]),
    ("it went up to 5 million", [(5e6, None, None, "exact", None)]),
    ("there were up to 5 million", [(5e6, None, None, "at_most", None)]),
    ("they need up to 5 million doses", [(5e6, None, None, "at_most", None)]),  # "need" ends in "-ed" but is no past tense
    # a scale word typed without its space, or with a hyphen
    ("a country of 30-million people", [(30e6, None, None, "exact", None)]),
    ("the population was 6.7million in 1960", [(6.7e6, None, None, "exact", None)]),
    ("a GDP of $3.5billion", [(3.5e9, None, "USD", "exact", None)]),
    # South Asian scales: a lakh is 10^5, a crore 10^7, a lakh crore 10^12
    ("a census count of 138 crore people", [(138e7, None, None, "exact", None)]),
    ("nearly 4.5 lakh residents", [(4.5e5, None, None, "approximately", None)]),
    ("spending of \u20b93 lakh crore", [(3e12, None, "INR", "exact", None)]),
    ("some 12 crores of rupees", [(12e7, None, None, "approximately", None)]),
    ("the population fell by 12,000 to 5,480,000 in 2015", [(-12000, None, None, "exact", None), (5480000, None, None, "exact", None)]),  # a change, then a level: no range
]

CONTEXT_ONLY = [
    # a year and its footnote mark run together in text taken from a PDF
    "the population grew fast in 20062, the report says",
    "the figure was estimated for 2007.4",
    "as the country has a long coastline.1 It is",  # a footnote mark after a full stop
    "fragile and conflict situations (FCS).2",
    "Covid-19 Solidarity Response Fund",
    "As of May 31, 2020",
    "On 31 May the mission left",
    "SARS-CoV-2 and H1N1",
    "in 2020 and since 1998",
    "Resolution No. 5 and Article 12",
    "the 1st and 22nd meetings",
    "at 10:30 on the day",
    "one of the countries",
    "page 59 of the report",
    "between 2009 and 2019 the economy grew",
    "from 2009 to 2019 nothing changed",
    "measured in constant 2015 dollars",  # a base year, not an amount
    "at current 2010 prices",
]


@pytest.mark.parametrize("text,expected", CASES)
def test_quantities(text, expected):
    found = [
        (m.quantity.value, m.quantity.unit, m.quantity.currency, m.quantity.qualifier.value, m.quantity.value_high)
        for m in find_quantities(text)
    ]
    assert len(found) == len(expected), found
    for got, want in zip(found, expected):
        assert got[0] == pytest.approx(want[0])
        assert got[1:4] == want[1:4]
        assert (got[4] is None and want[4] is None) or got[4] == pytest.approx(want[4])


@pytest.mark.parametrize("text", CONTEXT_ONLY)
def test_years_dates_identifiers_are_context(text):
    assert find_quantities(text) == []


@pytest.mark.parametrize(
    "text,precision",
    [("70.6 billion", 0.05e9), ("96,700", 50), ("29", 0.5), ("40.29 million", 5000), ("150", 5), ("2.50", 0.005)],
)
def test_precision_follows_last_stated_digit(text, precision):
    (m,) = find_quantities(text)
    assert m.quantity.precision == pytest.approx(precision)


def test_mention_span_covers_qualifier_and_currency():
    text = "It gave more than US$50 million to the WHO."
    (m,) = find_quantities(text)
    assert text[m.start:m.end] == "more than US$50 million"
    assert m.quantity.text == "US$50 million"
    assert m.quantity.qualifier is Qualifier.MORE_THAN


# Issue 9: figures as real documents write them. text, [(value, unit, currency, text, change)]
READINGS = [
    ("inflation was -0.8% in 2014", [(-0.8, "%", None, "-0.8%", None)]),
    ("a balance of \u221296,700 units", [(-96700, None, None, "\u221296,700", None)]),
    ("minus 3 degrees", [(-3, None, None, "minus 3", None)]),
    ("4 440 000 people", [(4440000, None, None, "4 440 000", None)]),
    ("96 700 ventilators", [(96700, None, None, "96 700", None)]),
    ("1\u00a0571\u00a0691 people", [(1571691, None, None, "1\u00a0571\u00a0691", None)]),
    ("1\u2009571\u2009691 people", [(1571691, None, None, "1\u2009571\u2009691", None)]),
    ("1\u202f571\u202f691 people", [(1571691, None, None, "1\u202f571\u202f691", None)]),
    ("96\u00bd thousand", [(96500, None, None, "96\u00bd thousand", None)]),
    ("3\u00bc million", [(3.25e6, None, None, "3\u00bc million", None)]),
    ("706\u4ebf yuan", [(70.6e9, None, "CNY", "706\u4ebf yuan", None)]),
    ("3\u4e07", [(3e4, None, None, "3\u4e07", None)]),
    ("an estimated 2014 population of 10.37 million", [(10.37e6, None, None, "10.37 million", None)]),
    ("its 2019 budget of 5 million", [(5e6, None, None, "5 million", None)]),
    ("US$ 2.85 trillion", [(2.85e12, None, "USD", "US$ 2.85 trillion", None)]),
    ("2.85 trillion U.S. dollars", [(2.85e12, None, "USD", "2.85 trillion U.S. dollars", None)]),
    ("consumer prices fell by 0.7% in 2013", [(-0.7, "%", None, "0.7%", "decrease")]),
    ("the population grew by 0.1%", [(0.1, "%", None, "0.1%", "increase")]),
    ("exports up 3%", [(3, "%", None, "3%", "increase")]),
    ("firms with 10 to 19 employees made up 12%", [(12, "%", None, "12%", None)]),
    ("people aged 15\u201364 made up 65%", [(65, "%", None, "65%", None)]),
    ("people aged 65 and over", []),
    ("the top 5 economies", []),
    ("it ranked 3 in the region", []),
    ("Mexico had 7 million fewer inhabitants than Vietnam", []),
    ("seven times as many", []),
    ("12 times more", []),
]


@pytest.mark.parametrize("text,expected", READINGS, ids=[t for t, _ in READINGS])
def test_signs_groupings_fractions_categories_ranks_and_comparisons(text, expected):
    got = [(m.quantity.value, m.quantity.unit, m.quantity.currency, m.quantity.text, m.quantity.change) for m in find_quantities(text)]
    assert [(pytest.approx(v), u, c, t, ch) for v, u, c, t, ch in expected] == got


def test_an_unknown_chinese_unit_is_refused_not_read_as_the_bare_number():
    assert find_quantities("706\u4eba") == []
