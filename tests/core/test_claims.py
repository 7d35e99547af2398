from datetime import date

import pytest

from factcheck.core.claims import extract_claims
from tests.conftest import SEED

DOC = date(2020, 6, 7)
MARCH_MAY = (date(2020, 3, 1), date(2020, 5, 31))
AS_OF_MAY31 = (None, date(2020, 5, 31))
SO_FAR = (None, DOC)

# Every figure of the seed: text, value, qualifier, (period start, end), subject.
SEED_CLAIMS = [
    ("two batches of cash support", 2, "exact", None),
    ("US$50 million", 50e6, "exact", None),
    ("29 medical expert teams", 29, "exact", AS_OF_MAY31),
    ("27 countries", 27, "exact", AS_OF_MAY31),
    ("150 countries", 150, "exact", AS_OF_MAY31),
    ("4 international organizations", 4, "exact", AS_OF_MAY31),
    ("56 countries", 56, "exact", AS_OF_MAY31),
    ("over 400 online and offline training sessions", 400, "more_than", SO_FAR),
    ("more than 150 countries and regions", 150, "more_than", SO_FAR),
    ("200 countries and regions", 200, "exact", MARCH_MAY),
    ("more than 70.6 billion masks", 70.6e9, "more_than", MARCH_MAY),
    ("340 million protective suits", 340e6, "exact", MARCH_MAY),
    ("115 million pairs of goggles", 115e6, "exact", MARCH_MAY),
    ("96,700 ventilators", 96700, "exact", MARCH_MAY),
    ("225 million test kits", 225e6, "exact", MARCH_MAY),
    ("40.29 million infrared thermometers", 40.29e6, "exact", MARCH_MAY),
]


@pytest.fixture(scope="module")
def seed_claims():
    """The seed's figure claims (its enumerated places and statement are tested in test_members)."""
    return [c for c in extract_claims(SEED.read_text(encoding="utf-8"), doc_date=DOC) if c.kind == "figure"]


def test_seed_has_sixteen_claims_with_values_qualifiers_periods(seed_claims):
    assert len(seed_claims) == 16
    for claim, (text, value, qualifier, period) in zip(seed_claims, SEED_CLAIMS):
        assert claim.text == text
        assert claim.quantity.value == pytest.approx(value)
        assert claim.quantity.qualifier.value == qualifier
        got = (claim.period.start, claim.period.end) if claim.period else None
        assert got == period, text
        assert claim.subject is not None and claim.subject.id == "CHN"


def test_offsets_lines_and_columns_point_at_the_claim(seed_claims):
    text = SEED.read_text(encoding="utf-8")
    lines = text.split("\n")
    for claim in seed_claims:
        assert text[claim.span.start:claim.span.end] == claim.text
        assert lines[claim.line - 1][claim.column - 1:].startswith(claim.text)


def test_enumeration_items_are_separate_and_the_hedge_is_recorded_not_applied(seed_claims):
    items = [c for c in seed_claims if c.enumeration is not None and c.sentence.text.startswith("From March 1")]
    assert [c.noun for c in items] == ["masks", "protective suits", "goggles", "ventilators", "test kits", "infrared thermometers"]
    assert [c.enumeration for c in items] == [0, 1, 2, 3, 4, 5]
    assert items[0].quantity.list_hedge is None
    assert all(c.quantity.list_hedge == "more than" and c.quantity.qualifier.value == "exact" for c in items[1:])
    assert all(c.verb == "exported" for c in items)


def test_measures_name_the_counted_thing_and_its_verb(seed_claims):
    by_text = {c.text: c for c in seed_claims}
    assert by_text["29 medical expert teams"].measure == "medical expert teams sent"
    assert by_text["96,700 ventilators"].measure == "ventilators exported"
    assert by_text["two batches of cash support"].counter == "batches"
    assert by_text["US$50 million"].noun == "cash support"


def test_ids_survive_lines_added_above_and_rewrapping(seed_claims):
    text = SEED.read_text(encoding="utf-8")
    shifted = "A new first paragraph with no figures.\n\n" + text.replace("As of May 31, China", "As of May 31,\nChina")
    again = [c for c in extract_claims(shifted, doc_date=DOC) if c.kind == "figure"]
    assert [c.id for c in again] == [c.id for c in seed_claims]


def test_a_changed_figure_gets_a_new_id_and_only_it(seed_claims):
    changed = SEED.read_text(encoding="utf-8").replace("96,700 ventilators", "120,000 ventilators")
    again = [c for c in extract_claims(changed, doc_date=DOC) if c.kind == "figure"]
    differing = [a.text for a, b in zip(again, seed_claims) if a.id != b.id]
    assert differing == ["120,000 ventilators"]


def test_ids_survive_lines_removed_above(seed_claims):
    text = SEED.read_text(encoding="utf-8")
    first_line_end = text.index("\n") + 1
    again = [c for c in extract_claims(text[first_line_end:], doc_date=DOC) if c.kind == "figure"]
    assert [c.id for c in again] == [c.id for c in seed_claims]


@pytest.mark.parametrize(
    ("before", "after", "changed"),
    [
        ("China had sent 29 medical expert teams", "France had sent 29 medical expert teams", "29 medical expert teams"),
        ("96,700 ventilators", "96,700 respirators", "96,700 respirators"),
        ("more than 70.6 billion masks", "about 70.6 billion masks", "about 70.6 billion masks"),
    ],
    ids=["subject", "measure", "qualifier"],
)
def test_a_changed_subject_measure_or_qualifier_gets_a_new_id(seed_claims, before, after, changed):
    text = SEED.read_text(encoding="utf-8")
    assert before in text
    again = [c for c in extract_claims(text.replace(before, after), doc_date=DOC) if c.kind == "figure"]
    differing = [a.text for a, b in zip(again, seed_claims) if a.id != b.id]
    assert changed in differing


def test_no_document_date_leaves_year_unknown():
    (claim,) = extract_claims("As of May 31, China had sent 29 medical teams.")
    assert claim.period is not None and claim.period.year_known is False


def test_markdown_skips_code_and_front_matter_and_keeps_heading_as_context():
    text = "---\ntitle: 2020 report with 99 items\n---\n# Exports in 2020\n\n```\nx = 12345\n```\n\nChina exported 5 million masks.\n"
    claims = extract_claims(text, markdown=True)
    assert [c.text for c in claims] == ["5 million masks"]
    assert claims[0].sentence.heading == "Exports in 2020"
    assert claims[0].line == 10


def test_crlf_and_bom_free_text_keep_offsets():
    text = "Intro line.\r\nChina sent 29 teams.\r\n"
    (claim,) = extract_claims(text)
    assert (claim.line, claim.column) == (2, 12)
    assert text[claim.span.start:claim.span.end] == "29 teams"


def test_amount_without_a_following_noun_takes_the_words_before_it():
    (claim,) = extract_claims("The UK economy grew by 0.4% in the third quarter of 2023.")
    assert claim.noun == "uk economy" and claim.verb == "grew"
    assert claim.subject is not None and claim.subject.id == "GBR"
    assert (claim.period.start.isoformat(), claim.period.end.isoformat()) == ("2023-07-01", "2023-09-30")


def test_subject_is_the_nearest_country_that_is_not_a_recipient():
    claims = extract_claims("In 2022, France had 68.2 million people and Germany had 83.2 million. China sent 5 teams to Italy.")
    assert [c.subject.id for c in claims] == ["FRA", "DEU", "CHN"]


# Which period is a figure's (real web pages: a bulletin's "mid-2011" after the second figure, a daily-growth window's
# start, the year a census is compared with, each taken as another figure's period). Sentences written for this test.
@pytest.mark.parametrize(
    "sentence,periods",
    [
        ("The population of Spain was put at 47.1 million in mid-2019, up from an estimated 46.9 million in mid-2018.",
         {"47.1 million": "2019", "an estimated 46.9 million": "2018"}),
        ("Chile's GDP stood at $250 billion in early 2016 and $277 billion in late 2017.", {"$250 billion": "2016", "$277 billion": "2017"}),
        ("Portugal's population reached 10.3 million on Friday, with 120 more people a day since March 2019.",
         {"10.3 million": None}),  # the window's start is not the total's date
        ("The population of Norway fell to 5.2 million, or 2 percent, compared to 2010.", {"5.2 million": None}),
        ("Belgium had 11.4 million inhabitants, more than in 2010.", {"11.4 million inhabitants": None}),
        ("Chile's population rose from 15.1 million (7.4 million men) in 2002 to 17.6 million in 2017.",
         {"15.1 million": "2002", "17.6 million": "2017"}),  # a figure in brackets does not stand between
        ("Austria counted 8.9 million inhabitants and Hungary 9.7 million in 2020.", {"9.7 million": "2020"}),
        ("Slovenia's GDP stood at $48 billion, or $23,000 per capita, for 2017.", {"$48 billion": "2017"}),  # said again: the year is both's
        ("The statistics office said on March 3 that Latvia's population was 1,883,008.", {"1,883,008": None}),  # the day it was said
        ("Results of the 2011 census, released in May 2012, put Estonia's population at 1,294,455.", {"1,294,455": "2011"}),
        ("Figures show Moldova's population grew from 2,997,000 in 2014 to 3,120,000, the office said.",
         {"3,120,000": None}),  # the year right after the first figure of "from ... to" is not the second's
        ("Norway's population reached 5.1 million in 2014, ahead of Denmark's 5.6 million.", {"5.6 million": "2014"}),
        ("Exports by year 2015: $12.4 billion 2016: $13.1 billion 2017: $14.0 billion",  # lines of "YEAR: value" run together
         {"$12.4 billion": "2015", "$13.1 billion": "2016", "$14.0 billion": "2017"}),
        ("Liberia's population grew from 1,016,443 in 1962 to 1,503,368 in 1974, 2,101,628 and 3,476,608 in 1984 and 2008 "
         "respectively.", {"1,503,368": "1974", "2,101,628": "1984", "3,476,608": "2008"}),  # figures and years paired in order
        ("Uruguay and Paraguay had GDPs of $71 billion and $42 billion respectively in 2022.",
         {"$71 billion": "2022", "$42 billion": "2022"}),  # one period that "respectively" gives both
        ("Moldova's resident population, estimated from the census held in 2014, was 2,512,758 for the state of 1 January 2023.",
         {"2,512,758": "1 January 2023"}),
        ("Armenia's population was 2,977,000 as at 1 January 2024.", {"2,977,000": "as at 1 January 2024"}),
        ("LUSAKA, June 4 (Reuters) -- Zambia's GDP reached $29 billion, the finance ministry said.", {"$29 billion": None}),  # a dateline
        ("Peru's population before 2012 was about 29 million.", {"about 29 million": None}),  # a year that bounds, not dates
        ("Chile had 17.6 million people in 2017, up from 15.1 million.", {"15.1 million": None}),  # 2017 is the first's
        ("Chile had 17.6 million people in 2017, up from 15.1 million in 2002.", {"15.1 million": "2002"}),
    ],
)
def test_a_figures_period_is_its_own(sentence, periods):
    claims = {c.text: c for c in extract_claims(sentence, doc_date=date(2021, 6, 1))}
    got = {text: (claims[text].period.text if claims[text].period else None) for text in periods}
    assert got == periods, got


@pytest.mark.parametrize("sentence,figure", [
    ("Portugal's population fell by 20,000 to 10.3 million last year.", "10.3 million"),
    ("The population of Austria reached 9.1 million this year.", "9.1 million"),
    ("Estonia's population stood at 1.37 million last year, the office said.", "1.37 million"),
    ("Lithuania had 2.9 million inhabitants two years ago.", "2.9 million inhabitants"),
    ("Latvia counted 1.9 million residents a decade ago.", "1.9 million residents"),
])
def test_a_time_phrase_after_a_figure_is_not_what_it_counts(sentence, figure):
    """"58.8 million last year" had taken "last year" as the counted noun, so no measure matched."""
    claims = {c.text: c for c in extract_claims(sentence, doc_date=date(2024, 2, 15))}
    assert figure in claims, list(claims)
    assert "year" not in (claims[figure].noun or "") and "year" not in (claims[figure].measure or ""), (claims[figure].noun, claims[figure].measure)


@pytest.mark.parametrize("text,figure,period", [
    ("Croatia entered the euro area in 2023. Today it counts about 3.9 million inhabitants.", "about 3.9 million inhabitants", None),
    ("Malta joined the union in 2004. It currently has 0.5 million residents.", "0.5 million residents", None),
    ("Latvia joined the union in 2004. Today, after emigration slowed, it has 1.9 million residents.",  # a past verb too
     "1.9 million residents", None),
    ("In 2012, Kenya had 44 million people. It has 53 million people.", "53 million people", None),  # present, no past verb
    # the year still carries where the sentence does not speak of the present
    ("In 2012, Kenya had 44 million people. Its GDP was $50 billion.", "$50 billion", "2012"),
    ("In 2012, Kenya had 44 million people. It had an estimated GDP of $50 billion.", "$50 billion", "2012"),
    ("In 1921, Tanganyika had 4.1 million people. What is now Tanzania had an estimated 4.2 million.", "an estimated 4.2 million", "1921"),
])
def test_a_sentence_about_the_present_takes_no_earlier_year(text, figure, period):
    """A web page's "joined the EU in 2004" had dated the next sentence's present-day population (a wrong support)."""
    claims = {c.text: c for c in extract_claims(text, doc_date=date(2024, 6, 1))}
    got = claims[figure].period
    assert (got.text if got else None) == period, got


# A heading's period, or a list's lead line's, dates the figures below it that name none (a real page's list of economies
# under "the largest economies projected for 2025" had been compared with the records of 2023). Written for this test.
SECTIONED = """# Economies

## Outlook for 2031

Chile's GDP will be $410 billion. Peru's economy is seen at $330 billion.

## Figures

Mexico's population was 126 million in 2020.

Ten fast-growing economies in 2030:

- Vietnam, with a GDP of $800 billion
- Kenya, with a GDP of $190 billion

Ghana's GDP is $76 billion.
"""


def test_a_heading_or_a_lead_line_dates_the_figures_below_it():
    claims = {c.text: c for c in extract_claims(SECTIONED, markdown=True, doc_date=date(2024, 6, 1))}
    got = {t: (c.period.text, c.period.inherited) if c.period else None for t, c in claims.items()}
    assert got["$410 billion"] == ("2031", True) and got["$330 billion"] == ("2031", True)
    assert got["126 million"] == ("2020", False)
    assert got["$800 billion"] == ("2030", True) and got["$190 billion"] == ("2030", True)
    assert got["$76 billion"] is None  # a paragraph after the list is not one of its items


def test_list_items_are_marked():
    from factcheck.core.document import sentences
    marked = [(s.text[:6], s.item) for s in sentences("Intro line:\n\n- first item.\n1. second item.\n\u2022 third item\n\nAfter.\n")]
    assert marked == [("Intro ", False), ("first ", True), ("second", True), ("third ", True), ("After.", False)]


def test_a_lead_line_names_the_country_of_its_items_and_no_other():
    """A fact sheet's bullets ("\u2022 Languages \u2013 English, French") had run together, so "French" named the population's country."""
    text = ("Namibia in figures\n\n  \u2022 Population \u2013 2.5 million people\n  \u2022 Languages \u2013 English, German, Portuguese\n\n"
            "It is dry.\n\n\u2022 Exports \u2013 $4 billion\n")
    claims = {c.text: c for c in extract_claims(text)}
    assert claims["2.5 million people"].subject.id == "NAM"
    assert claims["$4 billion"].subject is None  # a list after a paragraph has no lead line


def test_an_adverb_after_a_figure_is_not_what_it_counts():
    """"around 398,000 just 2,000 short of" had read "just" as the counted noun, so no measure matched."""
    claims = [c.text for c in extract_claims("Iceland's population in 2015 was around 330,000 just 20,000 short of the mark.")]
    assert claims[0] == "around 330,000", claims


def test_a_key_fact_under_the_title_is_the_title_countrys():
    """Documentation pages list key facts under a country's title ("- **GDP**: $477 billion (2023)"): they are its."""
    text = "# Ghana\n\nGhana is in West Africa.\n\n## Key facts\n\n- **Capital**: Accra\n- **GDP**: $76 billion (2022)\n" \
           "- Population – 33 million (2022)\n- GDP (2021): $79 billion\n- Kumasi population: 3.5 million\n"
    from factcheck.engine import load_sources

    claims = {c.text: c for c in extract_claims(text, markdown=True, lexicon=load_sources([], builtin=True).lexicon)}
    assert claims["$76 billion"].subject.id == "GHA" and claims["33 million"].subject.id == "GHA"
    assert claims["$79 billion"].subject.id == "GHA"  # a label holding its year
    assert claims["3.5 million"].subject is None  # a city's figure stays the city's


def test_a_key_fact_may_be_labelled_with_a_typed_dash():
    """"- Population - 12 million": a hyphen between spaces is a dash typed on a keyboard, as a colon labels the figure."""
    text = "# Rwanda\n\n## At a glance\n\n- Capital - Kigali\n- Population - 12.6 million (2019)\n- Life expectancy - 69 years\n"
    from factcheck.engine import load_sources

    claims = {c.text: c for c in extract_claims(text, markdown=True, lexicon=load_sources([], builtin=True).lexicon)}
    assert claims["12.6 million"].subject.id == "RWA"


@pytest.mark.parametrize(("text", "figure", "year"), [
    # the year after a comma opens the next clause, whose figure has no year of its own: not this figure's
    ("In 1981, Lakeland's population was 6,4 million, in 1991 it grew to 8,2 million and then 9,9 million in 2001.", "6,4", 1981),
    ("In 1981, Lakeland's population was 6,4 million, in 1991 it grew to 8,2 million and then 9,9 million in 2001.", "8,2", 1991),
    ("In 1981, Lakeland's population was 6,4 million, in 1991 it grew to 8,2 million and then 9,9 million in 2001.", "9,9", 2001),
    ("Lakeland counted 6.4 million people, in 1981, and 8.2 million in 1991.", "6.4", 1981),  # the next figure has its own
    ("Lakeland counted 6.4 million people, in 1981, after 12 years of war.", "6.4", 1981),  # the year closes its clause
    ("Lakeland counted 6.4 million people, in 1981.", "6.4", 1981),
])
def test_a_year_that_opens_the_next_clause_is_that_clause_s(text, figure, year):
    """A real page's "In 1982, ... was 7,6 million, in 1992 it rose to 10,4 million" had compared the first figure with 1992."""
    (claim,) = [c for c in extract_claims(text) if c.quantity is not None and c.text.startswith(figure)]
    assert claim.period is not None and claim.period.start.year == year, claim.period


def test_a_year_after_a_colon_is_the_next_clause_s():
    """A ranking page's "Ireland (GDP per capita $ 69,374) : Although ... the financial crisis of 2008" had dated the figure 2008."""
    (claim,) = [c for c in extract_claims("Lakeland (population 6.4 million) : although hit by the crisis of 1991, it grew.") if c.quantity]
    assert claim.period is None, claim.period


def test_a_year_after_a_semicolon_is_the_next_clause_s():
    (claim, _) = [c for c in extract_claims("Lakeland had 6.4 million people; in 1991 it grew to 8.2 million.") if c.quantity]
    assert claim.period is None, claim.period
    claim = [c for c in extract_claims("Lakeland has 6.4 million people (women: 51%; men: 49%) as of 1991.") if c.quantity][0]
    assert claim.period is not None and claim.period.end.year == 1991, claim.period  # a semicolon in brackets ends nothing


def test_a_figure_before_a_clause_opening_year_takes_no_year_from_it():
    (claim, _) = [c for c in extract_claims("Lakeland's population was 6.4 million, in 1991 it grew to 8.2 million.")
                  if c.quantity is not None]
    assert claim.period is None, claim.period


@pytest.mark.parametrize("text", [
    "With 38,610,097 inhabitants reported in the 2009 census, Kenya ranks high in Africa.",
    "Kenya had 38.6 million people, as published in the 2009 provisional census results.",
])
def test_a_census_year_after_reported_dates_the_count(text):
    """"reported in the 2011 provisional census report": the census's year, not the day a figure was published."""
    (claim,) = [c for c in extract_claims(text) if c.quantity]
    assert claim.period is not None and claim.period.start.year == 2009, claim.period


def test_the_day_a_figure_was_reported_on_is_not_its_period():
    (claim,) = [c for c in extract_claims("The office reported on 3 May 2015 that Kenya had 44 million inhabitants.") if c.quantity]
    assert claim.period is None, claim.period


@pytest.mark.parametrize(("text", "year"), [
    ("Kenya's GDP was $95 billion last year, the minister said in 2020.", 2019),
    ("The bank reported on 3 May 2020 that Kenya's GDP reached $95 billion this year.", 2020),
])
def test_a_relative_year_counts_from_the_day_the_sentence_was_said(text, year):
    """"last year, the minister said in 2020" is 2019 whatever the document's date."""
    (claim,) = [c for c in extract_claims(text, doc_date=date(2022, 6, 1)) if c.quantity]
    assert claim.period is not None and claim.period.start.year == year, claim.period


def test_a_relative_year_without_a_said_date_counts_from_the_document():
    (claim,) = [c for c in extract_claims("Kenya's GDP was $95 billion last year.", doc_date=date(2022, 6, 1)) if c.quantity]
    assert claim.period.start.year == 2021


def test_a_year_after_per_capita_is_the_amount_s_own():
    """"growing from less than US$100 per capita in 1962, to ...": 1962, not the year the sentence opened with."""
    text = "Since independence in 1963, Malawi grew slowly, from less than US$90 per capita in 1964, to about US$400 in 2010."
    first = [c for c in extract_claims(text) if c.quantity][0]
    assert first.period is not None and first.period.start.year == 1964, first.period


@pytest.mark.parametrize("text", [
    "In 2015 Kenya set the goal of becoming a middle-income country by 2030. Its GDP was $64 billion.",
    "The plan aims to double exports by 2030. Kenya's GDP stood at $64 billion.",
    "We are targeting a GDP of $100 billion by 2030. Kenya's GDP stood at $64 billion.",
])
def test_a_year_aimed_at_is_not_carried_to_the_next_sentence(text):
    """"with the aim of becoming a self-sufficient industrialized nation by 2020. For two decades ..., GDP growing to more
    than $110 billion": a history page's figure had been supported as 2020's."""
    claim = [c for c in extract_claims(text) if c.quantity and c.text.startswith("$64")][0]
    assert claim.period is None, claim.period


@pytest.mark.parametrize("text", [
    "By 2015 Kenya had 47 million people. Its GDP was $64 billion.",
    "Kenya expected its plan to work in 2015. Its GDP was $64 billion.",  # a year the plan is in, not one it aims at
])
def test_a_year_reached_by_is_still_carried(text):
    claim = [c for c in extract_claims(text) if c.text.startswith("$64")][0]
    assert claim.period is not None and claim.period.end.year == 2015, claim.period


@pytest.mark.parametrize(("text", "years"), [
    ("Ghana's population was 18.9 million and 24.6 million in 2000 and 2010.", [2000, 2010]),
    ("In 2000 and 2010 Ghana's population was 18.9 million and 24.6 million.", [2000, 2010]),
    ("In 1984 it was 12.3 million and then rose to 18.9 million and 24.6 million in 2000 and 2010.", [1984, 2000, 2010]),
])
def test_figures_and_periods_joined_pair_by_order_without_respectively(text, years):
    """A history page's "... 12.3 million in 1984 and inched up to 18.9 million and 24.6million in 2000 and 2010" had dated
    18.9 million 1984."""
    claims = [c for c in extract_claims(text) if c.quantity]
    assert [c.period.start.year if c.period else None for c in claims] == years, [(c.text, c.period) for c in claims]
