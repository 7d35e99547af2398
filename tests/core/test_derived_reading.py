"""Issue 17, the reading's part: multipliers, ordinal ranks by a measure and "grown by" become claims the algebra judges.

Every sentence was written for this test (none taken from an article). The table is test_derived's invented one
(France second of five countries by population in 2018; by GDP second of two), plus invented series for Kenya
(8.0 million in 1960, 20.0 million in 1990, 32.4 million in 2010, 40.6 million in 2015: ×2.5 from 1960 to 1990,
×2.03 from 1990 to 2015, ×4.05 from 1960 to 2010) and Bulgaria (9.0 million in 1990, 4.4 million in 2015: ×0.489).
"""

from __future__ import annotations

import pytest

from factcheck.core import derivation
from factcheck.core.quantities import find_quantities

from .test_derived import catalogue, judged, only

SERIES = [("KEN", "Kenya", 1960, 8_000_000), ("KEN", "Kenya", 1990, 20_000_000), ("KEN", "Kenya", 2010, 32_400_000),
          ("KEN", "Kenya", 2015, 40_600_000), ("BGR", "Bulgaria", 1990, 9_000_000), ("BGR", "Bulgaria", 2015, 4_400_000),
          ("UGA", "Uganda", 1990, 17_000_000), ("UGA", "Uganda", 2015, 38_000_000)]  # ×2.235


@pytest.fixture(autouse=True)
def _small_world(monkeypatch):
    """The invented table lists five countries: let them stand for the world (real sources need 150)."""
    monkeypatch.setattr(derivation, "WORLD_COUNTRIES", 5)


def with_series():
    return catalogue(extra_people=SERIES)


# (sentence, verdict reason): three phrasings that fit for each multiplier, and one that does not
MULTIPLIERS = [
    ("Kenya's population doubled between 1990 and 2015.", "within_rounding"),
    ("Between 1990 and 2015 the population of Kenya more than doubled.", "qualifier_satisfied"),
    ("From 1990 to 2015 the population of Kenya rose two-fold.", "within_rounding"),
    ("Kenya's population tripled between 1990 and 2015.", "overstated"),
    ("The population of Kenya grew 2.5-fold from 1960 to 1990.", "exact"),
    ("Between 1960 and 1990 the population of Kenya saw a 2.5-fold increase.", "exact"),
    ("Kenya's population rose four-fold between 1960 and 2010.", "within_rounding"),
    ("Kenya's population grew 3.5-fold from 1960 to 2010.", "understated"),
    ("Bulgaria's population halved between 1990 and 2015.", "within_rounding"),
    ("From 1990 to 2015 the population of Bulgaria was roughly halved.", "qualifier_satisfied"),
    ("The population of Bulgaria fell two-fold between 1990 and 2015.", "within_rounding"),
    # a whole multiple in words is rounder than a figure (±15%): ×2.5 is not "doubled", ×1.62 neither, ×4.05 is "quadrupled"
    ("Kenya's population doubled between 1960 and 1990.", "understated"),
    ("Between 1990 and 2010 Kenya's population doubled.", "overstated"),
    ("Kenya's population quadrupled between 1960 and 2010.", "within_rounding"),
    ("Uganda's population doubled between 1990 and 2015.", "within_rounding"),  # ×2.235: was contradicted at ±10%
]


@pytest.mark.parametrize("sentence,reason", MULTIPLIERS)
def test_a_multiplier_is_the_ratio_of_two_levels(sentence, reason):
    claim, verdict = only(sentence, with_series())
    assert claim.quantity is not None and claim.quantity.unit == "\u00d7", claim.quantity
    assert verdict.reason == reason, (verdict.reason, verdict.explanation)
    assert verdict.computation is not None and verdict.computation.operation == "multiple", verdict.explanation
    assert len(verdict.evidence) == 2


MULTIPLIER_LIMITS = [  # named, never contradicted
    ("Kenya's population nearly tripled since 1990.", "change_period_unclear"),
    ("The population of Kenya has doubled.", "change_period_unclear"),
    ("Since 1960 Kenya's population grew five-fold.", "change_period_unclear"),
    ("France's GDP doubled between 2017 and 2018.", "real_growth_not_judged"),
    ("Kenya's population doubled between 1980 and 2015.", "period_mismatch"),
    ("Over the past decades, between 1990 and 2015, Kenya's population doubled.", "change_period_unclear"),
]


@pytest.mark.parametrize("sentence,reason", MULTIPLIER_LIMITS)
def test_a_multiplier_the_records_cannot_answer_is_named(sentence, reason):
    claim, verdict = only(sentence, with_series())
    assert claim.quantity is not None and claim.quantity.unit == "\u00d7", claim.quantity
    assert verdict.label == "not_enough_info" and verdict.reason == reason, (verdict.reason, verdict.explanation)


RANKS = [  # France is second of the five countries by population in 2018 (the European Union, an aggregate, left out)
    ("In 2018 France was the second most populous country in the world.", "exact"),
    ("France was the world's 2nd-most populous country in 2018.", "exact"),
    ("In 2018 France ranked 2nd in the world by population.", "exact"),
    ("In 2018 France was the 2nd most populous country.", "exact"),
    ("In 2018 France was the fourth most populous country.", "overstated"),
    # the rank's own words say which way it counts, not another superlative of the sentence
    ("In 2018 France was the second most populous country in the world, and far from the poorest.", "exact"),
    ("In 2018 France was the 2nd most populous country; its rivers are the least polluted.", "exact"),
]
GDP_RANKS = [  # and second of the two countries with a GDP record
    ("France was the world's second largest economy in 2018.", "exact"),
    ("In 2018 France had the 2nd-largest economy in the world.", "exact"),
    ("In 2018 France ranked 2nd by GDP among the world's countries.", "exact"),
    ("In 2018 France was the third largest economy in the world.", "overstated"),
]


@pytest.mark.parametrize("sentence,reason", RANKS)
def test_an_ordinal_with_a_superlative_of_population_is_a_rank(sentence, reason):
    claim, verdict = only(sentence)
    assert claim.role == "rank" and claim.measure_keys == ("t/population",), (claim.role, claim.measure_keys)
    assert claim.subject is not None and claim.subject.id == "FRA"
    assert verdict.reason == reason, (verdict.reason, verdict.explanation)
    assert verdict.computation is not None and verdict.computation.operation == "rank"


GDP_RANK_LIMITS = [  # a rank by another GDP than current dollars is not the records'
    ("In 2018 France had the 2nd largest economy at purchasing power parity.", "not_current_prices"),
    ("France was the world's 2nd largest economy in PPP terms in 2018.", "not_current_prices"),
]


@pytest.mark.parametrize("sentence,reason", GDP_RANK_LIMITS)
def test_a_rank_by_gdp_at_ppp_is_not_judged(sentence, reason, monkeypatch):
    monkeypatch.setattr(derivation, "WORLD_COUNTRIES", 2)
    _, verdict = only(sentence)
    assert verdict.reason == reason, (verdict.reason, verdict.explanation)


def test_a_rank_by_gdp_at_ppp_is_no_figure():
    assert judged("In 2018 France was the 2nd largest by GDP at PPP.") == []


@pytest.mark.parametrize("sentence,reason", GDP_RANKS)
def test_an_ordinal_with_largest_economy_is_a_rank_by_gdp(sentence, reason, monkeypatch):
    monkeypatch.setattr(derivation, "WORLD_COUNTRIES", 2)
    claim, verdict = only(sentence)
    assert claim.role == "rank" and claim.measure_keys == ("t/gdp",), (claim.role, claim.measure_keys)
    assert verdict.reason == reason, (verdict.reason, verdict.explanation)


RANK_LIMITS = [  # the invented table has five of the EU's 28 members: a rank within it is incomplete (tests/core/test_grouped.py)
    ("France is the second most populous country in the EU.", "rank_incomplete"),
    ("In 2018 France was the 3rd largest economy in Europe.", "rank_incomplete"),
    ("Among European countries France was the second most populous in 2018.", "rank_incomplete"),
    ("In 2018 France ranked 2nd by population.", "rank"),  # among what? not said: a rank, not compared
    ("In 2018 France was expected to become the fourth most populous country.", "projection"),  # not stated as a fact
    ("In 2018 France was the 2nd most populous country in the Mediterranean.", "group_not_judged"),
]


@pytest.mark.parametrize("sentence,reason", RANK_LIMITS)
def test_a_rank_within_a_group_or_of_no_scope_is_not_judged(sentence, reason):
    _, verdict = only(sentence)
    assert verdict.label == "not_enough_info" and verdict.reason == reason, (verdict.reason, verdict.explanation)


NO_FIGURE = [  # ordinals and multiples without a superlative of a measure, or of nothing measured: no claim at all
    "In the 21st century France grew quickly.",
    "The 2nd edition of the survey appeared in 2018.",
    "Lyon is the second largest city of France.",
    "In 2018 France was the 3rd largest country by area in Europe.",
    "France hosted the twentieth conference of the parties.",
    "France is the fifth most visited country in the world.",
    "The plan had a two-fold aim for France.",
    "France celebrated the 14th of July.",
]


@pytest.mark.parametrize("sentence", NO_FIGURE)
def test_other_ordinals_stay_no_figure(sentence):
    assert judged(sentence) == []


GROWN = [  # "grown by" signs the change like "grew by"
    ("France's population has grown by 2% since 2010.", "2%"),
    ("Exports of Kenya have grown by 3.5 percent.", "3.5 percent"),
    ("Since 2000 the economy had grown 40%.", "40%"),
]


@pytest.mark.parametrize("sentence,figure", GROWN)
def test_grown_by_is_a_change(sentence, figure):
    found = [m.quantity for m in find_quantities(sentence) if m.quantity.text == figure]
    assert found and found[0].change == "increase", found
