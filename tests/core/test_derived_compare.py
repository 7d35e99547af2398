"""Issue 17: comparisons between subjects and superlatives without an ordinal, read and judged from the records.

Every sentence was written for this test (none taken from an article). The records are test_derived's invented table
(populations in 2018: Germany 83.0 million, France 67.0, the United Kingdom 66.4, Italy 60.4, Spain 46.7; GDP in 2018:
Germany US$3.97 trillion, France US$2.78 trillion) plus Portugal (10.3 million people, GDP US$0.24 trillion in 2018). So
in 2018 France has 6.50 times Portugal's population and 1.43 times Spain's, Portugal 0.154 of France's, France's GDP is
11.6 times Portugal's; Germany is the most populous and the largest economy, Portugal the least populous. Two invented
series for a country's own extremes: Ireland rising to 4.58 million in 2012, dipping to 4.50 in 2015, rising to 4.60 in
2018; Bulgaria falling every year from 7.80 million in 2005 to 7.00 in 2018.
"""

from __future__ import annotations

import pytest

from factcheck.core import derivation, derived
from factcheck.core.comparative import comparisons, extremes, series_extremes

from .test_derived import _obs, catalogue, judged, only
from .test_derived_reading import with_series as multiplier_series

PORTUGAL = [("PRT", "Portugal", 2018, 10_300_000)]
PORTUGAL_GDP = [("PRT", "Portugal", 2018, 240_000_000_000)]
IRELAND = [("IRL", "Ireland", y, v) for y, v in zip(range(2005, 2019), (4.20e6, 4.30e6, 4.40e6, 4.50e6, 4.52e6, 4.55e6, 4.57e6,
                                                                        4.58e6, 4.55e6, 4.52e6, 4.50e6, 4.54e6, 4.56e6, 4.60e6))]
BULGARIA = [("BGR", "Bulgaria", y, 7.80e6 - (y - 2005) * 0.8e6 / 13) for y in range(2005, 2019)]


@pytest.fixture(autouse=True)
def _small_world(monkeypatch):
    """The invented table lists six countries (three with a GDP): let them stand for the world (real sources need 150)."""
    monkeypatch.setattr(derivation, "WORLD_COUNTRIES", 3)


def with_portugal():
    return catalogue(extra_people=PORTUGAL, extra_money=PORTUGAL_GDP)


def with_series():
    return catalogue(extra_people=IRELAND + BULGARIA)


# (sentence, verdict reason): three phrasings each that fit, that do not fit, that the records cannot answer plainly
COMPARISONS = [
    ("In 2018 France had about 6.5 times as many people as Portugal.", "qualifier_satisfied"),
    ("Germany's population was larger than France's in 2018.", "qualifier_satisfied"),
    ("In 2018 Portugal had roughly one sixth of France's population.", "qualifier_satisfied"),
    ("In 2018 the economy of France was more than ten times the size of Portugal's.", "qualifier_satisfied"),
    ("France's population exceeded Spain's by a factor of 1.4 in 2018.", "within_rounding"),
    ("In 2018 France was more populous than Spain.", "qualifier_satisfied"),
    ("In 2018 France had twice as many people as Spain.", "overstated"),
    ("France's population was smaller than Spain's in 2018.", "qualifier_violated"),
    ("In 2018 Germany was less populous than Italy.", "qualifier_violated"),
    ("In 2018 the GDP of France was eight times that of Portugal.", "understated"),
]


@pytest.mark.parametrize("sentence,reason", COMPARISONS)
def test_a_comparison_is_the_ratio_of_two_subjects_levels(sentence, reason):
    claim, verdict = only(sentence, with_portugal())
    assert claim.quantity is not None and claim.quantity.unit == "\u00d7" and claim.quantity.change is None, claim.quantity
    assert verdict.reason == reason, (verdict.reason, verdict.explanation)
    assert verdict.computation is not None and verdict.computation.operation == "comparison", verdict.explanation
    assert len(verdict.evidence) == 2 and verdict.evidence[0].entity == claim.subject.id != verdict.evidence[1].entity


COMPARISON_LIMITS = [  # named, never contradicted
    ("In 2018 France had twice as many people as Lagos.", "other_subject_unclear"),  # a city, not a country
    ("In 2018 France was twice as large as Spain.", "other_subject_unclear"),  # large in what? (its area, perhaps)
    ("In 2018 France had three times as many people as Europe.", "other_subject_unclear"),
    ("In purchasing power parity terms France's economy was larger than Spain's in 2018.", "not_current_prices"),
    ("In 2018 France, unlike Italy, had twice as many people as Spain.", "uncertain_reading"),  # a third country named
    ("In 2018 France's population wasn't smaller than Spain's.", "comparison"),  # denied: left as read
]


@pytest.mark.parametrize("sentence,reason", COMPARISON_LIMITS)
def test_a_comparison_the_records_cannot_answer_is_named(sentence, reason):
    verdicts = [v for _, v in judged(sentence, with_portugal())]
    assert verdicts and all(v.label == "not_enough_info" for v in verdicts), [(v.reason, v.explanation) for v in verdicts]
    assert reason in [v.reason for v in verdicts], [(v.reason, v.explanation) for v in verdicts]


NOT_COMPARISONS = [  # look like a comparison between subjects, are none: never decided
    "In 2018 France was ten times more likely than Spain to win.",
    "France holds its census twice a year.",
    "In 2018 the debt of France was three times the national average.",
    "In 2018 France had twice as many tourists as Spain.",
    "In 2018, 44 times the population of Portugal visited France.",
    "In 2018 France's tea exports grew 5%, higher than Spain's.",
    "Half of Portugal's population lived in France in 2018.",
    "In 2018 France had 7 million fewer inhabitants than Germany.",
    "In 2018 the ports of France were Third World ports.",
    "In 2018 France had a Fourth Republic museum.",
]


@pytest.mark.parametrize("sentence", NOT_COMPARISONS)
def test_what_only_looks_like_a_comparison_is_not_decided(sentence):
    found = judged(sentence, with_portugal())
    assert all(v.label == "not_enough_info" and (v.computation is None or v.computation.operation != "comparison")
               for _, v in found), [(c.text, v.reason, v.explanation) for c, v in found]


EXTREMES = [  # rank 1 among the world's countries, the ordinal unsaid (aggregates excluded)
    ("In 2018 Germany was the most populous country in the world.", "exact"),
    ("Germany had the largest population in the world in 2018.", "exact"),
    ("In 2018 Portugal was the world's least populous country.", "exact"),
    ("In 2018 Germany was the world's largest economy.", "exact"),
    ("In 2018 France was the most populous country in the world.", "understated"),
    ("France was the world's largest economy in 2018.", "understated"),
    ("In 2018 Spain had the smallest population in the world.", "understated"),
    ("In 2018 Germany's population was the largest in the world.", "exact"),
    ("France's economy was the largest in the world in 2018.", "understated"),
]


@pytest.mark.parametrize("sentence,reason", EXTREMES)
def test_a_superlative_without_an_ordinal_is_rank_one(sentence, reason):
    claim, verdict = only(sentence, with_portugal())
    assert claim.role == "rank" and claim.quantity is not None and claim.quantity.value == 1, (claim.role, claim.quantity)
    assert verdict.reason == reason, (verdict.reason, verdict.explanation)
    assert verdict.computation is not None and verdict.computation.operation == "extremum", verdict.explanation
    assert verdict.evidence[0].entity == claim.subject.id


EXTREME_LIMITS = [
    # an extreme within a group is ranked among its members (core.grouped): this source lacks most of the EU's
    ("In 2018 France was the most populous country in the European Union.", "rank_incomplete"),
    ("Among EU countries Germany had the largest economy in 2018.", "rank_incomplete"),
    ("In 2018 France was expected to become the most populous country in the world.", "rank"),  # not stated as a fact
    ("In 2018 Germany had the largest population.", "rank"),  # among what? not said
    ("In 2018 France was not the most populous country in the world.", "rank"),  # denied: left as read
    ("At purchasing power parity France had the world's largest economy in 2018.", "not_current_prices"),
    ("In 2018 Germany's population was the largest in Europe.", "rank_incomplete"),  # ranked among Europe's members
]


@pytest.mark.parametrize("sentence,reason", EXTREME_LIMITS)
def test_an_extreme_the_records_cannot_answer_is_named(sentence, reason):
    _, verdict = only(sentence, with_portugal())
    assert verdict.label == "not_enough_info" and verdict.reason == reason, (verdict.reason, verdict.explanation)


def test_an_extreme_that_missing_countries_could_move_is_not_judged():
    # Kenya has a 2017 record only: it could stand above Germany in 2018
    cat = catalogue(extra_people=PORTUGAL + [("KEN", "Kenya", 2017, 50_000_000)], extra_money=PORTUGAL_GDP)
    _, verdict = only("In 2018 Germany was the most populous country in the world.", cat)
    assert verdict.reason == "rank_incomplete", verdict.explanation
    _, verdict = only("In 2018 Spain was the most populous country in the world.", cat)
    assert verdict.label == "contradicted", verdict.explanation  # one missing country cannot lift Spain above four others


def test_an_extreme_says_its_ties():
    rows = [_obs(2018, v, e) for e, v in (("AAA", 10), ("BBB", 10), ("CCC", 3))]
    r = derived.extremum(rows, "BBB", "population")
    assert r is not None and (r.value, r.alternative) == (1, 2) and "tied with 1 other" in r.words and r.operation == "extremum"


NO_EXTREME = [  # superlatives that are no rank 1 of a country by a measure: no claim at all
    "France is one of the most populous countries in the world.",
    "In 2018 France was the largest economy after Germany.",
    "Lyon is the most populous city of France.",
    "Paris has the highest population density in France.",
    "France has the largest population of cats in Europe.",
    "In 2018 France's Muslim population was the largest in the world.",
    "In 2018 France's population was the largest after Germany's.",
    "In 2018 France's population was no longer the largest in the world.",
]


@pytest.mark.parametrize("sentence", NO_EXTREME)
def test_other_superlatives_are_no_figure(sentence):
    assert judged(sentence, with_portugal()) == []


SERIES = [  # the stated year's level against the subject's own levels of the window (its first year left out)
    ("In 2018 Ireland's population reached its highest level since 2005.", "exact"),
    ("Bulgaria's population fell to its lowest level in ten years in 2018.", "exact"),
    ("In 2012 the population of Ireland was the highest in 5 years.", "exact"),
    ("In 2016 Ireland's population reached its highest level since 2005.", "understated"),
    ("In 2015 the population of Ireland was the lowest in ten years.", "understated"),
    ("In 2017 Bulgaria's population reached its highest level since 2010.", "understated"),
]


@pytest.mark.parametrize("sentence,reason", SERIES)
def test_a_series_extreme_is_rank_one_of_the_window(sentence, reason):
    claim, verdict = only(sentence, with_series())
    assert claim.role == "rank", claim.role
    assert verdict.reason == reason, (verdict.reason, verdict.explanation)
    assert verdict.computation is not None and verdict.computation.operation == "extremum", verdict.explanation
    assert verdict.evidence[0].period_end is not None and str(verdict.evidence[0].period_end.year) in sentence


SERIES_LIMITS = [
    ("France's population reached its highest level since 2010 in 2018.", "series_incomplete"),  # 2011-2014, 2016 missing
    ("Ireland's population is at its highest since 2005.", "change_period_unclear"),  # which year?
    ("In 2018 France's GDP reached its highest level since 2017.", "real_growth_not_judged"),
]


def test_the_extreme_of_a_growth_rate_is_not_the_levels():
    found = judged("Ireland's population grew by 0.9% in 2018, the highest in ten years.", with_series())
    assert found and all(v.computation is None or v.computation.operation != "extremum" for _, v in found), \
        [(c.text, v.reason) for c, v in found]


@pytest.mark.parametrize("sentence,reason", SERIES_LIMITS)
def test_a_series_extreme_the_records_cannot_answer_is_named(sentence, reason):
    _, verdict = only(sentence, with_series())
    assert verdict.label == "not_enough_info" and verdict.reason == reason, (verdict.reason, verdict.explanation)


def test_the_algebra_of_a_series_extreme():
    levels = {y: _obs(y, v) for y, v in ((2010, 5), (2011, 7), (2012, 6), (2013, 7))}
    r = derived.series_extremum(levels, 2013, 2011, "population")
    assert (r.value, r.alternative) == (1, 2) and "tied with 1 other year" in r.words
    r = derived.series_extremum(levels, 2012, 2011, "population")
    assert r.value == 2 and "2011" in r.words and "2012" in r.words


def test_the_algebra_of_a_comparison():
    r = derived.comparison(_obs(2018, 30, "AAA"), _obs(2018, 10, "BBB"), "population")
    assert r.value == pytest.approx(3.0) and r.operation == "comparison" and "population(AAA) / population(BBB)" in r.symbols


READINGS = [  # (sentence, the figure's words, its value, its upper end)
    ("France has twice as many people as Portugal.", "twice as many people as", 2.0, None),
    ("France is three times larger than Belgium.", "three times larger than", 3.0, 4.0),
    ("Ghana has one tenth of Nigeria's population.", "one tenth of", 0.1, None),
    ("Spain's GDP is larger than Portugal's by a factor of 6.", "larger than Portugal's by a factor of 6", 6.0, None),
]


@pytest.mark.parametrize("sentence,words,value,high", READINGS)
def test_the_reading_of_a_comparison(sentence, words, value, high):
    (found,) = comparisons(sentence)
    assert sentence[found.start:found.end] == words and found.value == pytest.approx(value) and found.high == high
    assert sentence[found.other[0]:found.other[1]] in ("Portugal", "Belgium", "Nigeria")


def test_the_reading_of_extremes():
    assert [e.smallest for e in extremes("It is the least populous country and the world's largest economy.")] == [True, False]
    (series,) = series_extremes("Its population was the lowest in 20 years.")
    assert series.smallest and series.measure is None


FACTORS = [  # a change over time stated as a factor is a multiplier (Kenya ×2.5 from 1960 to 1990, ×2.03 from 1990 to 2015)
    ("Kenya's population grew by a factor of 2.5 between 1960 and 1990.", "exact"),
    ("From 1990 to 2015 the population of Bulgaria fell by a factor of two.", "within_rounding"),
    ("The population of Kenya rose by a factor of 3 from 1990 to 2015.", "overstated"),
]


@pytest.mark.parametrize("sentence,reason", FACTORS)
def test_a_factor_over_time_is_a_multiple(sentence, reason):
    claim, verdict = only(sentence, multiplier_series())
    assert claim.quantity is not None and claim.quantity.unit == "\u00d7" and claim.quantity.change is not None, claim.quantity
    assert verdict.reason == reason and verdict.computation is not None and verdict.computation.operation == "multiple", \
        (verdict.reason, verdict.explanation)


OTHER_MEASURE_OR_SUM = [  # the other subject's name followed by another measure, or summed with another: not computed
    "In 2018 France's GDP was higher than Portugal's GDP per capita.",
    "In 2018 France's population was larger than that of Spain and Portugal combined.",
    "In 2018 the population of France was larger than Portugal's 22% share.",
]


@pytest.mark.parametrize("sentence", OTHER_MEASURE_OR_SUM)
def test_a_comparison_with_another_measure_or_a_sum_is_not_computed(sentence):
    found = judged(sentence, with_portugal())
    assert all(v.label == "not_enough_info" for _, v in found), [(c.text, v.reason, v.explanation) for c, v in found]
    assert "other_subject_unclear" in [v.reason for _, v in found] or "uncertain_reading" in [v.reason for _, v in found], \
        [(c.text, v.reason) for c, v in found]
