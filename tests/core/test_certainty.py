"""core/certainty.py: what a figure's reading rests on, read on demand, and why a weak one is never contradicted.

Sentences written for this test, three phrasings for each weak cue; each figure disagrees with the
test source's record, so a reader that ignored the cue would contradict it.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core.certainty import read_role
from factcheck.core.claims import extract_claims
from factcheck.core.matching import Settings
from factcheck.engine import check_text
from tests.core.test_reading import catalogue

DOC_DATE = date(2016, 6, 1)

WEAK = [
    # the subject only carried from an earlier sentence
    ("Sweden is in the north. Germany is in the middle. Back then the population was 70 million in 2014.", "70 million", "carried"),
    ("France borders Spain. In 2014 there were 60 million inhabitants.", "60 million", "carried"),
    ("France is large. The population in 2014 was said to be 58 million.", "58 million", "carried"),
    # the nearest of several names
    ("Between Spain and France, 55 million people lived in 2014.", "55 million", "nearest"),
    ("Germany, unlike France and Spain, counted 70 million inhabitants in 2014.", "70 million", "nearest"),
    ("Trade between Spain and France grew, and 95 million people lived there in 2014.", "95 million", "nearest"),
    # a past tense and no year
    ("The population of France was 52 million.", "52 million", "past tense"),
    ("France had a population of 50 million people.", "50 million", "past tense"),
    ("France's population stood at 51 million.", "51 million", "past tense"),
    # what the subject came to later
    ("France's population has since grown to 90 million in 2014.", "90 million", "later"),
    ("By 2014 France is expected to have increased to 88 million people.", "88 million", "later"),
    ("In 2014 France had since climbed to 86 million inhabitants, the government said.", "86 million", "later"),
    # the figure the sentence compares with, at a time it does not plainly give
    ("In 2014 France's population rose 3% as compared with 60 million in its 22 regions on 1 January 2013.", "60 million", "compares"),
    ("France had 66 million inhabitants in 2014, compared with 61 million.", "61 million", "compares"),
    ("In 2014 the population of France was 10% higher when compared to about 59 million.", "about 59 million", "compares"),
    ("In 2014 France's GDP was $2.9 trillion, compared to Spain's estimate of $1.1 trillion.", "$1.1 trillion", "compares"),
    # an amount for part of a year
    ("France's GDP for the nine-month period from January to September 2014 was $2.1 trillion.", "$2.1 trillion", "part of a year"),
    ("In the first quarter of 2014 France's GDP was $700 billion.", "$700 billion", "part of a year"),
    ("France's GDP from January to June 2014 came to $1.4 trillion.", "$1.4 trillion", "part of a year"),
    # a year that is only a citation's: when a source was published, or the date of the statement before the figure
    ("Nine in ten voters took part (Electoral Office, 2014) France, a republic of 12 regions, has 59 million people.",
     "59 million", "citation"),
    ("France has a population of 58 million (Dupont et al., 2014: 12).", "58 million", "citation"),
    ("The population of France stood at 57 million (OECD, 2014; Statistics Office 2014).", "57 million", "citation"),
    # a time counted back from the writing, with a present verb beside it
    ("Ten years ago France had 58 million inhabitants, and it has grown since.", "58 million", "ago"),
    ("France has grown a lot since its population reached 57 million two decades ago.", "57 million", "ago"),
    ("A few years ago the population of France was 59 million; it is larger now.", "59 million", "ago"),
    # a census count whose census the sentence does not date, with a present verb beside it
    ("The third national census confirmed that France is home to 58 million people.", "58 million", "census"),
    ("According to the latest census, the population of France is 59 million.", "59 million", "census"),
    # an amount after the paragraph spoke of purchasing power parity
    ("The ranking below uses purchasing power parity (PPP). In 2014 France's GDP was $2.6 trillion.", "$2.6 trillion", "parity"),
    # a figure in an apposition, dated only by the sentence around it
    ("In 2014, France, a republic of 60 million people, held local elections.", "60 million", "apposition"),
    ("Around 2014 France, a country of some 61 million inhabitants, changed its regions.", "some 61 million", "apposition"),
    ("By 2014, Germany, the home of 75 million people, had a new government.", "75 million", "apposition"),
]


@pytest.mark.parametrize("sentence,figure,cue", WEAK)
def test_a_weak_reading_is_named_and_never_contradicted(sentence: str, figure: str, cue: str) -> None:
    cat = catalogue()
    claims = [read_role(c) for c in extract_claims(sentence, doc_date=DOC_DATE, lexicon=cat.lexicon) if c.quantity]
    (claim,) = [c for c in claims if c.text.startswith(figure)]
    assert claim.weak, (claim.text, claim.subject, claim.period)
    judged = {c.span.start: v for c, v in check_text(sentence, "d.txt", cat, Settings(doc_date=DOC_DATE)).claims}
    assert judged[claim.span.start].label != "contradicted", judged[claim.span.start]


def test_an_amount_said_nominal_after_parity_is_no_weakness() -> None:
    cat = catalogue()
    text = "The ranking below uses purchasing power parity (PPP). In 2014 France's nominal GDP was $2.9 trillion."
    claims = [read_role(c) for c in extract_claims(text, doc_date=DOC_DATE, lexicon=cat.lexicon) if c.quantity]
    assert claims and not any("parity" in w for c in claims for w in c.weak), [c.weak for c in claims]


@pytest.mark.parametrize("sentence", [
    "The census of 2014 found that France has 66 million inhabitants.",  # the census dated
    "France has 66 million inhabitants, the Census Bureau says.",  # an office named after a census publishes estimates
])
def test_a_dated_census_or_a_census_office_is_no_weakness(sentence: str) -> None:
    cat = catalogue()
    (claim,) = [read_role(c) for c in extract_claims(sentence, doc_date=DOC_DATE, lexicon=cat.lexicon) if c.quantity]
    assert not any("census" in w for w in claim.weak), claim.weak


def test_the_role_is_read_once_and_its_reading_released() -> None:
    cat = catalogue()
    (claim,) = [c for c in extract_claims("France had 66.3 million inhabitants in 2014.", lexicon=cat.lexicon) if c.quantity]
    assert claim.later is not None
    read_role(claim)
    assert claim.later is None and claim.weak == () and claim.role is None
    assert read_role(claim) is claim  # a second call changes nothing


@pytest.mark.parametrize("sentence", [
    "France had 66.3 million inhabitants in 2014 (Dupont, 2014).",  # the year said outside the citation too
    "France had 59 million inhabitants (Census 2014).",  # a census named with its year dates its count
    "France had 59 million inhabitants (2014).",  # a bracketed year, no source named
])
def test_a_year_said_outside_a_citation_or_of_a_census_dates_the_figure(sentence: str) -> None:
    cat = catalogue()
    (claim,) = [read_role(c) for c in extract_claims(sentence, doc_date=DOC_DATE, lexicon=cat.lexicon) if c.quantity]
    assert not any("citation" in w for w in claim.weak), claim.weak
