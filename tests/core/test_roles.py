"""Issue 16, items 4, 6 and 9: only a level of the measure for the whole subject in a certain period is compared.

Every sentence here was written for this test (three phrasings a class, none taken from an
article). Each names a configured measure and a known country beside a figure that is *not*
that country's level, so a reader that ignores the role would compare it and contradict it.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core.certainty import read_role
from factcheck.core.claims import extract_claims
from factcheck.core.reasons import ROLE_REASONS
from tests.core.test_reading import catalogue, read

DOC_DATE = date(2016, 6, 1)

ROLES = [
    # a rate or per-unit figure
    ("France counted 118 inhabitants per square kilometre in 2014.", "rate"),
    ("In 2014 France recorded 12.3 births per 1,000 population.", "rate"),
    ("Germany's GDP reached $47,600 per capita in 2014.", "rate"),
    ("Sweden had one doctor for every 250 inhabitants in 2014.", "rate"),
    # a part of the subject: a group, a place within it, "of whom"
    ("In 2014 France was home to 5.8 million foreign residents.", "part_of_subject"),
    ("The population of France in 2014 included 2.1 million pensioners living abroad.", "part_of_subject"),
    ("Of the population of Germany in 2014, 9 million lived in rural districts.", "part_of_subject"),
    ("The Muslim population of France was estimated at 4.7 million in 2014.", "part_of_subject"),
    ("France's population in 2014 was 66 million, of whom 12 million were children.", "part_of_subject"),
    ("In 2014 Germany had 3.5 million (4.3%) inhabitants of Turkish descent.", "part_of_subject"),
    # a share of a total
    ("In 2014, 22% of the population of France lived in the countryside.", "share"),
    ("Two thirds of the population of Germany lived in towns in 2014.", "share"),
    ("Public spending took 57 percent of GDP in France in 2014.", "share"),
    # a rank or ordinal
    ("In 2014 France's rank by population was 21 in the world.", "rank"),
    ("By GDP, Spain held position 14 among economies in 2014.", "rank"),
    ("Germany's population gave it a global rank of 16 in 2014.", "rank"),
    # an age or a duration
    ("The median age of the population of Germany was 46 in 2014.", "age_or_duration"),
    ("In 2014 the population of France took 14 years to grow by a tenth.", "age_or_duration"),
    ("Half of the inhabitants of Germany were older than 45 in 2014.", "age_or_duration"),
    # a change or difference
    ("France's population rose by 300,000 in 2014.", "change"),
    ("Germany recorded an increase of 430,000 inhabitants in 2014.", "change"),
    ("In 2014 the population of France was up by 0.3 million.", "change"),
    ("Lithuania's population kept falling in 2019, declining by more than 30,000.", "change"),  # a participle, then "by"
    ("Iceland's population in 2015 was about 330,000, just 20,000 short of the 350,000 mark.", "comparison"),  # a mark it falls short of
    ("Poland's population has grown to 38 million from a low of 24 million after the war.", "change"),  # the level a change began at
    ("Germany's economy surpasses France's by over $1 trillion.", "change"),  # a margin between two subjects
    ("Egypt moved up, with expectations of its GDP reaching $400 billion in 2014.", "projection"),
    ("Vietnam has 24 centres, each with populations of over 1 million.", "part_of_subject"),  # a size of places
    # money that is not the measure
    ("France's GDP was large in 2014, while its budget deficit reached $84 billion.", "other_amount"),
    ("Spain's GDP grew in 2014 and its exports were worth $318 billion.", "other_amount"),
    ("In 2014 Spain's GDP at purchasing power parity was $1.6 trillion.", "other_amount"),
    ("In 2014 Spain's real GDP (inflation adjusted) reached $1.2 trillion.", "other_amount"),  # not current prices
    ("Spain's GDP in constant 2010 dollars was $1.3 trillion in 2014.", "other_amount"),
    # a group's average
    ("France's inflation in 2015 was close to the EU average of 0.1%.", "group_average"),
    ("Greece's inflation in 2014 stood far below the world average of 3.2%.", "group_average"),
    ("Switzerland's inflation in 2015 trailed the OECD average of 0.6%.", "group_average"),
    # the value for one sex of a measure that has a total
    ("Life expectancy in Afghanistan in 2007 was 47.9 years for men.", "by_sex"),
    ("In 2007 female life expectancy in Afghanistan reached 49.5 years.", "by_sex"),
    ("Afghanistan's life expectancy in 2007 was 49.2 years for women and lower for men.", "by_sex"),
    # a projection or forecast, whatever year it names (real web pages: "is expected to hit 26 million")
    ("In 2014 France's population was expected to reach 67 million.", "projection"),
    ("Spain's GDP in 2014 was forecast at $1.5 trillion by the ministry.", "projection"),
    ("Germany's population in 2015 could hit 83 million, the statisticians said.", "projection"),
    ("In 2014 France will officially become a country of 68 million people.", "projection"),  # an adverb after the modal
    ("Spain's GDP will trend around $1.4 trillion in 2014, according to our models.", "projection"),  # a model's forecast
    ("Spain's GDP fell from $1.4 trillion in 2012 to a projected $1.3 trillion in 2014.", "projection"),  # the adjective
    ("Spain's GDP may well hover around $1.4 trillion in 2014.", "projection"),  # an adverb after the modal
    # an aim: a figure someone wants the subject kept at
    ("The government made keeping France's population above 60 million in 2014 a priority.", "projection"),
    ("Its plan for 2014 was maintaining the population of France at 66 million.", "projection"),
    ("In 2014 ministers sought to keep the population of Germany below 85 million.", "projection"),
    ("The plan for 2014 was maintaining Spain's GDP at $1.2 trillion.", "projection"),  # "at" after a few words
    # a country's nationals beside its residents (real web pages: "the country's Maldivian population", "the Omani
    # population ... beside 2 million expatriates"), and its "locals"
    ("In 2014 the country's French population was 60 million, the statisticians said of France.", "part_of_subject"),
    ("In 2014 foreign residents numbered 7 million while the German population reached 74 million.", "part_of_subject"),
    ("In 2014 the population of locals in Sweden was 8.1 million.", "part_of_subject"),
    # how many were ranked ("holds position #155 out of 205" on a data page had been read as the population)
    ("In 2014 France held position #21 by population out of 200.", "rank"),
    ("In 2014 France was ranked 21st for population, out of 200 countries.", "rank"),
    # a class of countries by size, and the vaccinated or targeted
    ("In 2014, among nations with over 60 million inhabitants, France did well.", "part_of_subject"),
    ("In 2014 France had vaccinated 40 million people.", "part_of_subject"),
    ("In France, the total of targeted people is 50 million people.", "part_of_subject"),
    # what the figure leaves out, said right after it
    ("In 2014 the population of France was about 64 million, excluding its overseas regions.", "part_of_subject"),
    ("In 2014 Spain's GDP was $1.2 trillion, not including the Canary Islands.", "part_of_subject"),
    ("France had 64 million people in 2014, excluding its overseas regions.", "part_of_subject"),  # after the year
    ("In 2014 France's population (excluding its overseas regions) was 64 million.", "part_of_subject"),  # before the figure
    ("In 2014 France had 64 million people, not counting its overseas regions.", "part_of_subject"),
    # a people's adjective beside a named place is a group there (the country's own adjective too: "the Fijian population
    # of Fiji" are the indigenous Fijians)
    ("In 2014 the Turkish population of Germany was 3 million.", "part_of_subject"),
    ("Germany's Turkish population reached 3 million in 2014.", "part_of_subject"),
    ("In 2014 the French population of France was 60 million, against 66 million residents.", "part_of_subject"),
    # a figure said of each of several parts (a real page's "five regions ..., each one, over 3.5 million inhabitants"
    # had supported the country's total)
    ("In 2014 half of France's people lived in four regions grouping, each one, over 6 million inhabitants.", "part_of_subject"),
    ("In 2014 Germany's three largest states counted 10 million inhabitants each.", "part_of_subject"),
    ("In 2014 Spain's two largest regions each counted over 8 million inhabitants.", "part_of_subject"),
]


ROLE_OF_REASON = {reason: role for role, reason in ROLE_REASONS.items()}


@pytest.mark.parametrize("sentence,reason", ROLES)
def test_a_figure_that_is_not_a_level_is_named_and_not_compared(sentence, reason):
    """The reader names the role; the judge never compares such a figure (it reads the role only for a
    figure a source could compare: one no source covers is 'no source covers', whatever its role)."""
    cat = catalogue()
    claims = [read_role(c) for c in extract_claims(sentence, doc_date=DOC_DATE, lexicon=cat.lexicon) if c.quantity]
    assert ROLE_OF_REASON[reason] in [c.role for c in claims], [(c.text, c.role, c.role_cue) for c in claims]
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text

    starts = {c.span.start for c in claims if c.role == ROLE_OF_REASON[reason]}
    judged = [v for c, v in check_text(sentence, "d.txt", cat, Settings(doc_date=DOC_DATE)).claims if c.span.start in starts]
    # issue 17: a change the records answer is computed (tests/core/test_derived.py), its computation shown, never read as a level
    assert judged and all((v.label == "not_enough_info" and v.reason != "uncertain_reading") or v.computation is not None
                          for v in judged), judged


NO_FIGURE = [  # comparisons and ordinals without a superlative of a measure: no claim at all
    # (an ordinal with one, "ranked 21st in the world by population", is a rank claim: tests/core/test_derived_reading.py)
    "In 2014 France ranked 21st in the world by area.",
    "Germany was the 16th country to join in 2014.",
    "In 2014 the population of France grew 0.5 million more than in 2013.",
]


@pytest.mark.parametrize("sentence", NO_FIGURE)
def test_ordinals_and_comparisons_are_no_claim(sentence):
    assert read(sentence, catalogue(), doc_date=DOC_DATE) == []


LEVELS = [  # the same measures stated as levels are still compared
    ("France counted 66.3 million inhabitants in 2014.", "within_rounding"),
    ("The population of Germany in 2014 was 81 million.", "within_rounding"),
    ("Spain's GDP was $1.375 trillion in 2014.", "exact"),
    ("Life expectancy in Afghanistan in 2007 was 48.7 years.", "within_rounding"),
    ("From 66.0 million in 2013 the population of France rose to 66.3 million in 2014.", "within_rounding"),
    ("The population of Germany was estimated to be 81 million in 2014.", "within_rounding"),  # an estimate, not a projection
    ("In 2014 France, keeping its population of 66.3 million, grew richer.", "within_rounding"),  # kept, but at no mark
    ("France grows each year and had 66.3 million inhabitants in 2014.", "within_rounding"),  # "each year" is a time
    ("In 2014 the French population was 66.3 million.", "within_rounding"),  # the people's adjective alone: the country's
    ("In 2014 just 8% of France's 66.3 million inhabitants were vaccinated.", "within_rounding"),  # the whole a share is of
]


@pytest.mark.parametrize("sentence,reason", LEVELS)
def test_levels_are_still_compared(sentence, reason):
    got = read(sentence, catalogue(), doc_date=DOC_DATE)
    assert got[-1][3] == reason, got


VAGUE = [  # item 6: periods a recent record cannot speak for
    ("At that time France had 40 million inhabitants.", "vague_period"),
    ("In the late 1960s the population of France was 50 million.", "vague_period"),
    ("Towards the end of the 19th century Germany's population was 56 million.", "vague_period"),
    ("Before independence the population of Botswana was 0.5 million.", "vague_period"),
    ("In 1750 the population of France was 24 million.", "vague_period"),
    ("France had a population of 27 million in 1780.", "vague_period"),
    # a leader's time in office, decades counted (a history page's "For two decades under Mahathir's premiership")
    ("Under Mitterrand's presidency, France's GDP grew to $1.2 trillion.", "vague_period"),
    ("In the early days France's population was 40 million.", "vague_period"),
    ("In 2014 it changed. For two decades before, France's population rose to 66 million.", "vague_period"),
]


@pytest.mark.parametrize("sentence,reason", VAGUE)
def test_a_vague_or_old_period_is_never_compared_with_the_latest_record(sentence, reason):
    got = read(sentence, catalogue(), doc_date=DOC_DATE)
    assert [g[3] for g in got if g[2] > 3000] == [reason], got  # the population figure (a year is no figure)


DATED = [  # item 6: a day, a month or a census uses that year's record, and says census vs estimate
    ("As of 1 July 2014, France had a population of 66.3 million.", "within_rounding", ""),
    ("France had a population of 66,312,067 as of April 2014.", "exact", ""),
    ("Germany counted 80,982,500 inhabitants on 31 December 2014.", "exact", ""),
    ("The 2014 census put the population of France at 64.1 million.", "understated", "census"),
    ("At the 2014 census France counted 64 million inhabitants.", "understated", "census"),
    ("France's census of 2014 enumerated a population of 64.2 million.", "understated", "census"),
]


@pytest.mark.parametrize("sentence,reason,says", DATED)
def test_a_day_or_census_date_uses_that_years_record(sentence, reason, says):
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text

    (claim, verdict), = [(c, v) for c, v in check_text(sentence, "d.txt", catalogue(), Settings(doc_date=DOC_DATE)).claims]
    assert verdict.reason == reason, verdict.explanation
    assert says in verdict.explanation


UNCERTAIN = [  # item 9: the record disagrees, but the reading rests on a weak cue
    # the subject only by nearness among several names
    ("In 2014 Spain reported that Germany had 70 million inhabitants.", "only the nearest"),
    # the subject carried from an earlier sentence
    ("France is a large country. Its population was 60 million in 2014.", "carried from an earlier sentence"),
    # the period carried from an earlier sentence
    ("France grew quickly in 2014. The population of France reached 60 million.", "carried from an earlier sentence"),
    # past tense and no year at all
    ("The population of France was 60 million.", "past tense"),
    # a figure far from the record: a part or another quantity more likely than a wrong total
    ("France had a population of 2.2 million in 2014.", "times the record"),
    ("The population of Germany was 9 million in 2014.", "times the record"),
    # a figure the subject came to later, at a time the sentence does not give
    ("The population of France, 66.0 million at the 2013 census, is estimated to have increased to 60 million.", "came to later"),
    # a figure the sentence compares the subject's with
    ("In 2014 the population of France stood well below the official estimates of more than 70 million.", "compares"),
    # a table cell
    ("| France | 2014 | population | 60 million |", "table cell"),
]


@pytest.mark.parametrize("sentence,why", UNCERTAIN)
def test_a_contradiction_on_a_weak_cue_is_an_uncertain_reading(sentence, why):
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text

    verdicts = [v for c, v in check_text(sentence, "d.txt", catalogue(), Settings(doc_date=DOC_DATE)).claims if c.quantity]
    assert verdicts[-1].reason == "uncertain_reading", verdicts[-1].explanation
    assert why in verdicts[-1].explanation and verdicts[-1].evidence  # the record that disagrees is shown


def test_a_projection_cue_far_before_the_figure_still_reads():
    """"will be among 15 countries in the world and three in Southeast Asia to have a population of 100 million": 96
    characters between the cue and the figure (a news page's milestone had been supported as a level)."""
    sentence = ("By then Peru will be among 40 countries in the world and two of the largest nations in South America "
                "to have a population of 35 million.")
    claims = {c.text: read_role(c) for c in extract_claims(sentence, doc_date=DOC_DATE, lexicon=catalogue().lexicon)}
    assert claims["35 million"].role == "projection"


def test_a_whole_said_with_what_it_includes_is_still_a_level():
    """"including" names a part of the whole, "not including" what the figure leaves out."""
    claims = [read_role(c) for c in extract_claims("In 2014 France counted 66.3 million inhabitants, including 2 million overseas.",
                                                   doc_date=DOC_DATE, lexicon=catalogue().lexicon) if c.quantity]
    assert claims[0].role is None, (claims[0].role, claims[0].role_cue)
