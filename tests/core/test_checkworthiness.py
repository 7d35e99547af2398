"""Check-worthiness: features present, direction of each, determinism, and the threshold."""

from __future__ import annotations

import pytest

from factcheck.core.checkworthiness import CHECKWORTHY, WEIGHTS, features, score


@pytest.mark.parametrize(
    ("text", "feature"),
    [
        ("Unemployment fell to 4.1 percent in 2017.", "quantity"),
        ("Exports were higher than ever.", "comparison"),
        ("It was the worst trade deal ever signed.", "superlative"),
        ("According to the census, the population grew.", "attribution"),
        ("He voted against the bill.", "action_record"),
        ("France signed the treaty.", "entity"),
        ("Maybe it could happen.", "hedge"),
        ("I think we are very lucky.", "opinion"),
        ("We will build the wall.", "promise"),
        ("What do you say to that?", "question"),
        ("Thank you very much.", "stage"),
    ],
)
def test_features_are_found(text, feature):
    assert feature in features(text)


def test_figures_and_records_raise_the_score_opinions_and_questions_lower_it():
    factual = score("In 2019 the deficit rose to $984 billion, according to the Treasury.").score
    opinion = score("I think that is a wonderful idea.").score
    question = score("What would you do about it?").score
    assert factual >= 0.8 and opinion < CHECKWORTHY and question < CHECKWORTHY


def test_the_seed_statement_without_a_figure_is_check_worthy():
    cw = score("It has also participated in the WHO's \"Access to Covid-19 Tools (act) Accelerator\" initiative.")
    assert cw.score >= CHECKWORTHY and "action_record" in cw.features


def test_deterministic_and_bounded():
    text = "China exported 70.6 billion masks from March 1 to May 31."
    assert score(text) == score(text)
    assert 0.0 <= score(text).score <= 1.0
    assert score("").score < CHECKWORTHY


def test_features_are_ordered_by_contribution():
    cw = score("Thank you. What?")
    weights = [abs(WEIGHTS.get(f, 0.0)) for f in cw.features]
    assert weights == sorted(weights, reverse=True)


def test_known_facts_spare_the_finders():
    text = "France grew."
    assert "quantity" in features(text, quantities=True, entities=False)
    assert "entity" not in features(text, quantities=True, entities=False)
