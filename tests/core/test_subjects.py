"""Issue 16 item 5: the subject is the whole entity the source describes.

One row per phrasing, written for this file: the sentence (Markdown when it starts with "#"), the
figure, and what the claim of that figure must get: ("subject", ISO code or None) or
("unknown", the place's name or the group's phrase). The lexicon is the built-in sources' (World
Bank population and GDP) with the gazetteer of places inside countries.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core.claims import extract_claims
from factcheck.core.matching import Settings
from factcheck.engine import Catalogue, check_text, load_sources


@pytest.fixture(scope="module")
def builtin() -> Catalogue:
    return load_sources([], builtin=True)


def claim_of(text: str, figure: str, cat: Catalogue):
    claims = [c for c in extract_claims(text, markdown=text.startswith("#"), lexicon=cat.lexicon) if c.quantity is not None]
    found = [c for c in claims if c.quantity.text.startswith(figure) or c.text.startswith(figure)]
    assert found, f"no claim for {figure!r} in {[c.text for c in claims]}"
    return found[0]


UNKNOWN = "unknown"
SUBJECT = "subject"

CASES = [
    # cities: the place in brackets before "(population N)", the possessive, said-of, the nearest name
    ("cities", "Porto (population 232,000 in 2021) lies on the Douro.", "232,000", UNKNOWN, "Porto"),
    ("cities", "Kraków's population grew to 780,000 by 2020.", "780,000", UNKNOWN, "Kraków"),
    ("cities", "The population of Rotterdam was 651,000 in 2019.", "651,000", UNKNOWN, "Rotterdam"),
    ("cities", "Portugal has 10.3 million inhabitants, and Lisbon counted 545,000 in 2019.", "545,000", UNKNOWN, "Lisbon"),
    ("cities", "Portugal has 10.3 million inhabitants, and Lisbon counted 545,000 in 2019.", "10.3 million", SUBJECT, "PRT"),
    # metropolitan areas
    ("metropolitan areas", "Greater Manchester had 2.8 million residents in 2018.", "2.8 million", UNKNOWN, "Greater Manchester"),
    ("metropolitan areas", "The metropolitan area of Monterrey holds about 5.3 million people.", "5.3 million", UNKNOWN, "Monterrey"),
    ("metropolitan areas", "Mexico City and its suburbs are home to 21.8 million people.", "21.8 million", UNKNOWN, "Mexico City"),
    # regions, provinces, states
    ("regions", "Bavaria has a population of 13.1 million.", "13.1 million", UNKNOWN, "Bavaria"),
    ("regions", "In 2017 the province of Punjab counted 110 million inhabitants.", "110 million", UNKNOWN, "Punjab"),
    ("regions", "California's economy was worth 3.1 trillion dollars in 2019.", "3.1 trillion", UNKNOWN, "California"),
    ("regions", "New South Wales is home to 8.1 million people.", "8.1 million", UNKNOWN, "New South Wales"),
    # islands
    ("islands", "Zanzibar (population 1.3 million) is a semi-autonomous archipelago.", "1.3 million", UNKNOWN, "Zanzibar"),
    ("islands", "Bali had about 4.3 million inhabitants in 2020.", "4.3 million", UNKNOWN, "Bali"),
    ("islands", "The population of Sicily was 4.9 million in 2019.", "4.9 million", UNKNOWN, "Sicily"),
    # a place carried to the next sentence of its paragraph
    ("carried", "Kaunas is the second city. It has 295,000 inhabitants.", "295,000", UNKNOWN, "Kaunas"),
    # country names stay countries
    ("countries", "Luxembourg had a population of 614,000 in 2019.", "614,000", SUBJECT, "LUX"),
    ("countries", "Singapore's population reached 5.7 million in 2019.", "5.7 million", SUBJECT, "SGP"),
    ("countries", "Kuwait counted 4.2 million residents in 2019.", "4.2 million", SUBJECT, "KWT"),
    ("countries", "The Democratic Republic of Congo had 92 million people in 2021.", "92 million", SUBJECT, "COD"),  # not "Congo"
    ("countries", "In 2021 the Democratic Republic of the Congo counted 92 million people.", "92 million", SUBJECT, "COD"),
    ("countries", "N. Korea had 25.9 million people in 2021.", "25.9 million", SUBJECT, "PRK"),  # not "Korea"
    ("countries", "Mexico had 126 million inhabitants in 2019, and Monaco 38,000.", "126 million", SUBJECT, "MEX"),
    # a country named only in a comparison
    ("comparisons", "With 211 million people, the country ranks after Brazil in the region.", "211 million", SUBJECT, None),
    ("comparisons", "Its GDP of 1.2 trillion dollars is larger than Mexico's economy.", "1.2 trillion", SUBJECT, None),
    ("comparisons", "Nigeria, second only to Ethiopia, has 201 million inhabitants.", "201 million", SUBJECT, "NGA"),
    ("comparisons", "Compared with Germany, Austria had 8.9 million residents in 2019.", "8.9 million", SUBJECT, "AUT"),
    ("comparisons", "Kenya is the region's hub. With 52 million people, it is nearly as large as Tanzania.", "52 million", SUBJECT,
     "KEN"),  # the country it is "as large as" is compared with, not the subject
    ("comparisons", "The island nation, well ahead of Fiji, reported 9.4 million tourists.", "9.4 million", SUBJECT, None),
    # a currency names no subject
    ("currencies", "Exports reached 45 billion US dollars in 2018.", "45 billion", SUBJECT, None),
    ("currencies", "The deal was valued at 12 billion Hong Kong dollars.", "12 billion", SUBJECT, None),
    ("currencies", "Remittances amounted to 3.4 billion euros, mostly from US dollar accounts.", "3.4 billion", SUBJECT, None),
    ("currencies", "Peru's output was put at US $190 billion in 2017.", "$190 billion", SUBJECT, "PER"),  # "US $", a space before the sign
    # a nationality or origin group is a part, not the country it names
    ("groups", "About 270,000 Polish citizens living in Norway were registered in 2019.", "270,000", UNKNOWN,
     "Polish citizens living in Norway"),
    ("groups", "Filipinos in Qatar number roughly 260,000.", "260,000", UNKNOWN, "Filipinos in Qatar"),
    ("groups", "The largest groups were immigrants from Morocco (41,200) and Algeria.", "41,200", UNKNOWN, "immigrants from Morocco"),
    ("groups", "Some 1.1 million people of Italian descent live in Belgium.", "1.1 million", UNKNOWN, "people of Italian descent"),
    # the world and regions: the subject only when the figure is said of them
    ("world and regions", "The world's population reached 7.7 billion in 2019.", "7.7 billion", SUBJECT, "WLD"),
    ("world and regions", "India now has the world's second-largest population, with over 1.3 billion people.", "over 1.3 billion",
     SUBJECT, "IND"),  # the world is where it ranks ("second-largest", hyphenated)
    ("world and regions", "Kenya, one of the larger countries of Sub-Saharan Africa, had 52 million inhabitants.", "52 million",
     SUBJECT, "KEN"),
    ("world and regions", "Ghana's 30 million people make up 2.8% of Africa.", "30 million", SUBJECT, "GHA"),
    ("world and regions", "Estonia counted 1.3 million residents, among the fewest in the EU.", "1.3 million", SUBJECT, "EST"),
    ("world and regions", "The population of the European Union was 447 million in 2019.", "447 million", SUBJECT, "EUU"),
    # the title's country: "It has ..." under "# Title" when nothing else is named in the paragraph
    ("title", "# Estonia\n\nIt has a population of 1.3 million in 2019.", "1.3 million", SUBJECT, "EST"),
    ("title", "# Economy of Estonia\n\nThe country's GDP was 31 billion dollars in 2019.", "31 billion", SUBJECT, "EST"),
    ("title", "# Estonia\n\nIts population is about 1.3 million.", "1.3 million", SUBJECT, "EST"),
    # a name after the figure's sentence is not what "it" refers back to; one in its sentence or before it may be
    ("title", "# Estonia\n\nIt has a population of 1.3 million in 2019. Finland lies to the north.", "1.3 million", SUBJECT, "EST"),
    ("title", "# Estonia\n\nUnlike Finland, it has a population of 1.3 million.", "1.3 million", SUBJECT, None),
    ("title", "# Estonia\n\nAtlantis is far away. The population was 1.3 million in 2019.", "1.3 million", SUBJECT, None),
    ("title", "# Estonia\n\nTartu is a university town. It has 97,000 inhabitants.", "97,000", UNKNOWN, "Tartu"),
    ("title", "# Estonia\n\nThe population was 1.3 million in 2019.", "1.3 million", SUBJECT, "EST"),  # "the population" of the article's country
    # a sentence without a figure that names another country carries it, not the paragraph's earlier one
    ("carried", "Latvia had 1.9 million people in 2019. Lithuania lies to its south. It had 2.8 million inhabitants in 2019.",
     "2.8 million", SUBJECT, "LTU"),
    ("carried", "Estonia's GDP was 31 billion dollars in 2019. Finland is richer. Its GDP reached 269 billion dollars in 2019.",
     "269 billion", SUBJECT, "FIN"),
    ("carried", "In 2019 Chile counted 19 million residents. Peru is its northern neighbour. There, 32.5 million people lived.",
     "32.5 million", SUBJECT, "PER"),
    # ... but a name after the sentence's verb, or in a sentence that refers back, leaves the carried subject
    ("carried", "Sudan lies in Northeast Africa. It is bordered by Egypt and Chad. It has a population of 43 million people.",
     "43 million", SUBJECT, "SDN"),
    ("carried", "Puerto Rico is a territory. The capital and most populous city is San Juan. The territory's population is 3.2 million.",
     "3.2 million", SUBJECT, "PRI"),
    ("carried", "Geographically, Kiribati is remote. The country is part of the island group of Micronesia. Its population was 115,000.",
     "115,000", SUBJECT, "KIR"),
]


# words of speech are no names: a figure after "I'm", "What" or "Wow" has no unknown subject (read on debate transcripts)
SPOKEN = [
    ("Prices went up; I'm sure 20 million people noticed.", "20 million"),  # not the first word: read as a name before
    ("What's striking is that 12 million people moved.", "12 million"),  # a possessive-looking "What's"
    ("You\u2019ll have 5 million new jobs, believe me.", "5 million"),  # a first word followed by "have"
    ("When the count came in, I said, \"Wow, 40 million people.\"", "40 million"),
    ("We're at 90 percent now, and I've got 30 million supporters.", "30 million"),
    ("Who has 25 million people in one city?", "25 million"),
]


@pytest.mark.parametrize("text,figure", SPOKEN)
def test_words_of_speech_are_no_unknown_subject(text: str, figure: str, builtin: Catalogue) -> None:
    claim = claim_of(text, figure, builtin)
    assert claim.unknown_subject is None, claim.unknown_subject


@pytest.mark.parametrize("kind,text,figure,field,expected", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_subject(kind: str, text: str, figure: str, field: str, expected: str | None, builtin: Catalogue) -> None:
    claim = claim_of(text, figure, builtin)
    if field == UNKNOWN:
        assert claim.subject is None, (claim.subject, claim.unknown_subject)
        assert claim.unknown_subject == expected
    else:
        assert (claim.subject.id if claim.subject else None) == expected, (claim.subject, claim.unknown_subject)
        if expected is None:
            assert claim.unknown_subject is None or claim.unknown_subject != "Brazil"


@pytest.mark.parametrize("text,figure", [
    ("Vilnius (population 574,000 in 2016) is Lithuania's capital.", "574,000"),
    ("In 2019 the state of Jalisco had 8.3 million inhabitants; Mexico had 126 million.", "8.3 million"),
    ("Around 113,000 Turkish citizens living in Austria were counted in 2019.", "113,000"),
    ("With 83 million inhabitants in 2019, Germany is far behind Brazil.", "83 million"),
    ("# Lithuania\n\nThe capital, Vilnius, counted 580,000 residents in 2019.", "580,000"),
    ("Other large cities are Kaunas (population 289,000) and Klaipeda (population 148,000).", "148,000"),
])
def test_not_contradicted(text: str, figure: str, builtin: Catalogue) -> None:
    checked = check_text(text, "doc.md" if text.startswith("#") else "doc.txt", builtin, Settings(doc_date=date(2019, 7, 20)))
    verdicts = [(c.text, v.label, v.reason) for c, v in checked.claims if c.quantity is not None and c.quantity.text.startswith(figure)]
    assert verdicts, [c.text for c, _ in checked.claims]
    assert all(label != "contradicted" for _, label, _ in verdicts), verdicts


def test_place_verdict_names_the_place(builtin: Catalogue) -> None:
    checked = check_text("Kaunas (population 289,000 in 2019) is on the Neris.", "doc.txt", builtin, Settings(doc_date=date(2019, 7, 20)))
    (_, verdict), = [(c, v) for c, v in checked.claims if c.quantity is not None and c.quantity.text == "289,000"]
    assert verdict.reason == "unknown_subject" and "Kaunas" in verdict.explanation


@pytest.mark.parametrize("text", [
    "Norway had 4.9 million citizens in 2020.",
    "The number of Danish citizens rose to 5.3 million in 2019.",
    "In 2018 there were more than 300,000 citizens in Iceland.",
])
def test_citizens_are_not_the_population(builtin, text):
    """The built-in population counts every resident whatever their citizenship (its own description): a count of
    citizens is never compared with it (a real page's 3.52 million citizens had been contradicted by 5.69 million)."""
    from datetime import date

    from factcheck.core.matching import Settings
    from factcheck.engine import check_text

    verdicts = [v for c, v in check_text(text, "d.txt", builtin, Settings(doc_date=date(2021, 1, 1))).claims if c.quantity is not None]
    assert verdicts and all(v.label == "not_enough_info" for v in verdicts), [(v.reason, v.explanation) for v in verdicts]
    assert all(v.measure is None or not v.measure.endswith("population") for v in verdicts), [v.measure for v in verdicts]


@pytest.mark.parametrize("text,subject", [
    ("In 2021 Việt Nam counted 98 million inhabitants.", "VNM"),  # the name as Vietnamese writes it
    ("Türkiye had a population of 85 million in 2022.", "TUR"),
    ("The population of Cote d'Ivoire was 28 million in 2022.", "CIV"),  # without its accent
])
def test_a_name_is_found_with_or_without_its_accents(builtin, text, subject):
    claim = [c for c in extract_claims(text, lexicon=builtin.lexicon) if c.quantity is not None][0]
    assert claim.subject is not None and claim.subject.id == subject, (claim.subject, claim.unknown_subject)


@pytest.mark.parametrize("text,subject", [
    ("Peru is the world's 48th largest economy, with a GDP of $240 billion in 2021.", "PER"),
    ("Ghana, the world's 70th biggest economy, had a GDP of $79 billion in 2021.", "GHA"),
    ("As the world's most populous country, India counted 1.41 billion people in 2021.", "IND"),
])
def test_the_world_a_country_ranks_in_is_not_the_figures_subject(builtin, text, subject):
    """A real page's "the world's 37th largest economy with a GDP of over $409 billion" was read as the world's GDP."""
    claims = [c for c in extract_claims(text, lexicon=builtin.lexicon) if c.quantity is not None and "billion" in c.text]
    assert claims and all(c.subject is not None and c.subject.id == subject for c in claims), [(c.text, c.subject) for c in claims]


@pytest.mark.parametrize("text,figure,expected", [
    ("Accra, the capital of Ghana and its largest city, has an estimated population of over 2.2 million.", "over 2.2", "Accra"),
    ("Mombasa, the main port of Kenya, counted 1.2 million residents in 2019.", "1.2 million", "Mombasa"),
    ("Porto, a city in the north of Portugal, had 232,000 inhabitants in 2021.", "232,000", "Porto"),
    ("Karachi, which is the largest city of Pakistan, had 16 million people in 2017.", "16 million", "Karachi"),
    ("Dhaka, capital of Bangladesh, had 21 million inhabitants in 2020.", "21 million", "Dhaka"),  # no article
])
def test_a_name_inside_an_apposition_is_not_the_subject_of_what_follows(builtin, text, figure, expected):
    """A real page's "Accra, the capital of Ghana and its largest city, has ... over 1.8 million" was Ghana's, and supported."""
    claim = claim_of(text, figure, builtin)
    assert claim.subject is None and claim.unknown_subject == expected, (claim.subject, claim.unknown_subject)


@pytest.mark.parametrize("text,figure,subject", [
    ("Ghana, a country in West Africa, had 32 million people in 2021.", "32 million", "GHA"),  # no name inside it
    ("Accra, the capital of Ghana (31 million people in 2021), is on the coast.", "31 million", "GHA"),  # a figure inside it
    ("France, the UK and Germany are large; Germany had 83 million people in 2021.", "83 million", "DEU"),  # a list of names
    ("Fishing, the mainstay of Portugal's coastal economy, accounts for 2% of GDP in 2021.", "2%", "PRT"),  # no name before it
    ("By the last national count, the number of Kenyans in the United Kingdom was about 140,000 (including 60,000 students), "
     "mostly in London.", "60,000", "GBR"),  # a common word before the comma
])
def test_an_apposition_leaves_other_subjects_alone(builtin, text, figure, subject):
    claim = claim_of(text, figure, builtin)
    assert claim.subject is not None and claim.subject.id == subject, (claim.subject, claim.unknown_subject)


@pytest.mark.parametrize("text", [
    "# Kenya\n\nIts GDP per capita was $1,900 in 2019.\n",
    "# Kenya\n\n- **GDP per capita (2019)**: $1,900\n",
    "# Economy of Kenya\n\nThe GDP per capita reached $1,900 in 2019.\n",
])
def test_a_per_capita_amount_under_the_title_takes_its_country(builtin, text):
    """A figure no source states but two measures answer (GDP per capita = GDP / population) refers back to the title's
    country as a source's measure does ("It has a population of ..."); key-facts pages had left it without a subject."""
    claim = claim_of(text, "$1,900", builtin)
    assert claim.subject is not None and claim.subject.id == "KEN", (claim.subject, claim.unknown_subject)


def test_a_per_capita_key_fact_is_answered_by_its_two_measures(builtin):
    """"GDP per capita (2019): $1,900": the label's colon right before the figure is no clause boundary."""
    text = "# Kenya\n\n- **GDP per capita (2019)**: $1,900\n"
    (judged,) = [v for c, v in check_text(text, "k.md", builtin, Settings(doc_date=date(2020, 6, 1))).claims if c.text == "$1,900"]
    assert "GDP per capita = GDP(2019) / population(2019)" in judged.explanation, judged


@pytest.mark.parametrize("text", [
    "# Kenya\n\nPopulation: 52.6 million (2019)\nArea: 580,367 km2\n",  # a fact sheet's lines, no list markers
    "# Kenya\n\nKenya at a glance\nCapital: Nairobi\nPopulation: 52.6 million (2019)\n",
    "# Kenya\n\nCapital: Nairobi\nPopulation: 52.6 million (2019)\n",  # the capital named first is no other subject
])
def test_a_fact_sheet_line_under_the_title_is_a_key_fact(builtin, text):
    claim = claim_of(text, "52.6 million", builtin)
    assert claim.subject is not None and claim.subject.id == "KEN", (claim.subject, claim.unknown_subject)


@pytest.mark.parametrize("text", [
    "With a population of about 6.9 million on Ireland, the island has many emigrants.",
    "The island of Ireland had 6.9 million people in 2016.",
    "Some 1.2 million people lived on Cyprus in 2016, north and south together.",
])
def test_an_island_shared_by_two_countries_is_not_the_country(builtin, text):
    """A real page's "a population of about 6.9 mn on Ireland" (the whole island) was compared with the Republic's."""
    claim = claim_of(text, "about 6.9" if "about 6.9" in text else ("6.9" if "6.9" in text else "1.2"), builtin)
    assert claim.subject is None, claim.subject


def test_the_country_of_a_shared_island_is_still_the_country(builtin):
    claim = claim_of("Ireland had 4.7 million people in 2016.", "4.7", builtin)
    assert claim.subject is not None and claim.subject.id == "IRL"


@pytest.mark.parametrize(("text", "country"), [
    ("# Southern Africa in numbers\n\n## Botswana\n\nThe population was 2.3 million in 2019.\n", "BWA"),
    ("## Namibia (2019)\n\nIt had 2.5 million inhabitants.\n", "NAM"),  # no title: the section's heading alone
    ("# Southern Africa in numbers\n\n## Zambia\n\nZambia lies inland.\n\n### Economy\n\nIts GDP was $23 billion in 2019.\n", "ZMB"),
])
def test_a_heading_that_is_a_country_s_name_is_its_section_s_topic(builtin, text, country):
    """A page about a region gives each country a section: "The population was ..." under "## Botswana" is Botswana's."""
    (claim,) = [c for c in extract_claims(text, markdown=True, lexicon=builtin.lexicon) if c.quantity]
    assert claim.subject is not None and claim.subject.id == country, (claim.subject, claim.unknown_subject)


@pytest.mark.parametrize("text", [
    "# Southern Africa in numbers\n\n## Trade with Botswana\n\nThe population was 2.3 million in 2019.\n",  # only mentions it
    "# Southern Africa in numbers\n\n## Botswana and Namibia\n\nThe population was 2.3 million in 2019.\n",  # two names
    "# Southern Africa in numbers\n\n## Botswana\n\nLesotho is nearby. Its population was 2.1 million in 2019.\n",  # another named
])
def test_a_heading_that_only_mentions_a_country_is_no_topic(builtin, text):
    (claim,) = [c for c in extract_claims(text, markdown=True, lexicon=builtin.lexicon) if c.quantity]
    assert claim.subject is None or claim.subject.id != "BWA", claim.subject


@pytest.mark.parametrize(("text", "figure", "country"), [
    ("In 1990 the population of Kenya (23.4 million) and Uganda (17.4 million) grew fast.", "17.4 million", "UGA"),
    ("In 1990 the population of Kenya (23.4 million) and Uganda (17.4 million) grew fast.", "23.4 million", "KEN"),
    ("In 1990 the GDP of Ghana ( $5.9 billion ) and Togo ( $1.6 billion ) rose.", "$1.6 billion", "TGO"),
])
def test_a_figure_in_brackets_after_a_name_is_that_name_s(builtin, text, figure, country):
    """A real page's "the population of the Philippines (47.06 million) and Thailand (47.48 million)" had given
    Thailand's figure to the Philippines, of which the measure was said; the bracket is as plain as a possessive."""
    claim = claim_of(text, figure, builtin)
    assert claim.subject is not None and claim.subject.id == country, claim.subject
    (judged,) = [v for c, v in check_text(text, "d.txt", builtin, Settings(doc_date=date(2020, 6, 1))).claims if c.span == claim.span]
    assert "nearest" not in (judged.explanation or ""), judged.explanation


@pytest.mark.parametrize(("text", "figure", "country"), [
    ("In 2015 the Philippine population stood at 101 million.", "101 million", "PHL"),  # "Philippine", not only "Filipino"
    ("In 2019 the Ghanaian economy was worth $67 billion.", "$67 billion", "GHA"),
])
def test_a_country_s_adjective_alone_names_it(builtin, text, figure, country):
    claim = claim_of(text, figure, builtin)
    assert claim.subject is not None and claim.subject.id == country, (claim.subject, claim.unknown_subject)


@pytest.mark.parametrize(("text", "figure", "expected"), [
    ("A country the size of Greece, Nepal had 28 million people in 2017.", "28 million", "NPL"),
    ("There is a land the size of Greece in Asia. With a population of 28 million in 2017, it is growing.", "28 million", None),
])
def test_a_country_named_for_its_size_is_no_subject(builtin, text, figure, expected):
    """A real page's "a country the size of Georgia in the USA" had made Georgia the subject of the next sentence."""
    claim = claim_of(text, figure, builtin)
    assert (claim.subject.id if claim.subject else None) == expected, claim.subject


@pytest.mark.parametrize(("text", "figure", "expected"), [
    ("The South American economy was worth $3.6 trillion in 2019.", "$3.6 trillion", None),  # a region's, not the USA's
    ("The Latin American population passed 640 million in 2019.", "640 million", None),
    ("The South Korean economy was worth $1.6 trillion in 2019.", "$1.6 trillion", "KOR"),  # a two-word adjective is a country's
    ("The South African economy was worth $350 billion in 2019.", "$350 billion", "ZAF"),
    ("In 2019 the coast of the Gulf of Guinea had 200 million residents.", "200 million", None),  # a sea, not Guinea
    ("In 2019 some 80 million people lived in the Congo basin.", "80 million", None),
])
def test_a_region_or_a_sea_named_after_a_country_is_not_it(builtin, text, figure, expected):
    """Real data pages: "The South American economy ... around US$3.25 trillion" had been the United States' (the
    adjective "American"), "on the Gulf of Guinea with over 205 million residents" Guinea's."""
    claim = claim_of(text, figure, builtin)
    assert (claim.subject.id if claim.subject else None) == expected, claim.subject


@pytest.mark.parametrize("text", [
    "In Ghana, the US government estimated the total population at 27 million as of July 2015.",
    "The US Census Bureau put the population of Ghana at 27 million in 2015.",
])
def test_the_country_whose_office_estimates_is_not_the_subject(builtin, text):
    """A history page's "The US government estimated the total population at 26.3 million" (Ghana's) was the USA's."""
    claim = claim_of(text, "27 million", builtin)
    assert claim.subject is None or claim.subject.id == "GHA", claim.subject


def test_a_government_speaking_of_its_own_country_is_still_the_subject(builtin):
    claim = claim_of("The US government said its GDP was $18 trillion in 2015.", "$18 trillion", builtin)
    assert claim.subject is not None and claim.subject.id == "USA", claim.subject


def test_the_country_whose_office_estimates_is_not_carried_to_the_next_sentence(builtin):
    text = "Ghana lies in West Africa. The US government estimated that it had 27 million people in 2015. " \
           "The population grew to 28 million in 2016."
    claim = claim_of(text, "28 million", builtin)
    assert claim.subject is not None and claim.subject.id == "GHA", claim.subject


@pytest.mark.parametrize("text", [
    "Capital: Lima Currency: Sol GDP per capita: US$ 6,900 Language: Spanish",  # a fact sheet run into one line
    "In 2019 the Spanish-speaking nation had a GDP per capita of US$ 6,900.",
])
def test_a_language_is_not_a_country(builtin, text):
    """A data page's "GDP per capita: US$ 4,568 Language: Spanish" (Guatemala's) had been read as Spain's."""
    claim = claim_of(text, "US$ 6,900", builtin)
    assert claim.subject is None or claim.subject.id != "ESP", claim.subject


def test_a_people_s_adjective_is_still_its_country_s(builtin):
    claim = claim_of("In 2019 the Spanish economy was worth $1.4 trillion.", "$1.4 trillion", builtin)
    assert claim.subject is not None and claim.subject.id == "ESP", claim.subject


@pytest.mark.parametrize(("text", "found"), [
    ("Languages: English, French and Arabic", []),
    ("a Portuguese-speaking country", []),
    ("its Russian speakers", []),
    ("the official language is Spanish", []),
    ("the French government", ["French"]),
    ("in Chinese cities", ["Chinese"]),
])
def test_a_language_is_no_people_s_adjective(text, found):
    from factcheck.core.entities import demonyms_in

    assert [text[a:b] for a, b, _ in demonyms_in(text, [])] == found


@pytest.mark.parametrize(("text", "figure", "country"), [
    ("In 2003 Syria, which that week was warned by US envoys, had a GDP per capita of about US$1,200.", "about US$1,200", "SYR"),
    ("Kenya, which Uganda borders, had 47.6 million people in 2019.", "47.6 million", "KEN"),
    ("Senegal, whose capital Dakar lies on the Atlantic, had 16.3 million people in 2019.", "16.3 million", "SEN"),
])
def test_a_name_in_a_clause_that_describes_another_in_passing_is_not_the_subject(builtin, text, figure, country):
    """A news page's "Iraq, which ... came under attack by US planes ..., has ... become a country whose annual per capita GDP
    totals only around US$2,500" had been read as the United States'."""
    claim = claim_of(text, figure, builtin)
    assert claim.subject is not None and claim.subject.id == country, claim.subject


@pytest.mark.parametrize(("text", "figure", "country"), [
    ("In 2019 Vietnam's GDP reached $262 billion, ranking fifth in ASEAN, below the Philippines at $377 billion.", "$377 billion", "PHL"),
    ("In 2019 Vietnam's GDP reached $262 billion, ranking fifth in ASEAN, below the Philippines at $377 billion.", "$262 billion", "VNM"),
    ("In 2019 the GDP of Nigeria led Africa, followed by Egypt, with $303 billion.", "$303 billion", "EGY"),
    # not a scope it ranks in, nor a name added to another
    ("In 2019 Kenya was the 27th most populous nation in the world, with roughly 52 million people.", "roughly 52", "KEN"),
    ("In 1983 the census put the population of Sudan, including present-day South Sudan, at 21.6 million.", "21.6 million", "SDN"),
])
def test_a_figure_right_after_a_name_and_at_or_with_is_that_name_s(builtin, text, figure, country):
    """A data page's "above the Philippines at 462 billion USD" had been Vietnam's, whose GDP the sentence named first."""
    claim = claim_of(text, figure, builtin)
    assert claim.subject is not None and claim.subject.id == country, claim.subject


def test_a_country_named_as_a_multiple_s_yardstick_is_not_the_subject(builtin):
    """A comparison page's "Its economy is now nearly four times that of India's, and is ... the world's second biggest
    economy" had judged China's rank as India's."""
    text = "Germany is large. Its economy is now twice that of Spain's, and in 2019 it was the fourth biggest economy in the world."
    claim = claim_of(text, "fourth biggest", builtin)
    assert claim.subject is not None and claim.subject.id == "DEU", claim.subject


@pytest.mark.parametrize(("text", "figure", "country"), [
    # a name compared with, with its own figure in brackets beside it
    ("In 1993 Vietnam's GDP was lower than that of Indonesia ($158 billion) and of the Philippines ($54 billion).", "$158 billion", "IDN"),
    # the name alone in a bracket right after the figure
    ("The poorest incomes start with US$ 3,133 (2018 estimate) per capita (Ukraine), then US$ 3,226 (Moldova).", "US$ 3,226", "MDA"),
    # where the people counted live, after a clause about other countries
    ("Denmark and Norway each have about five million inhabitants, whereas only 340,000 people live in Iceland.", "340,000", "ISL"),
])
def test_a_figure_beside_its_name_in_a_list_of_countries_is_that_name_s(builtin, text, figure, country):
    """Comparison pages: "lower than that of Indonesia ($1,100)", "US$ 3,226 (Moldova)", "only 370,000 people live in
    Iceland" had been given to Vietnam, Ukraine and Norway."""
    claim = claim_of(text, figure, builtin)
    assert claim.subject is not None and claim.subject.id == country, claim.subject


def test_a_country_s_own_measure_after_a_world_title_is_the_country_s(builtin):
    """A speech page's "annual report 'State of World Population 2010' that has said Bangladesh's present population is
    164 million" had been read as the world's."""
    text = "The agency's report 'State of World Population 2010' said that Nepal's present population is 29 million."
    claim = claim_of(text, "29 million", builtin)
    assert claim.subject is not None and claim.subject.id == "NPL" and claim.measure_keys, (claim.subject, claim.measure_keys)


def test_a_country_s_possessive_nearer_the_figure_beats_the_world_population(builtin):
    claim = claim_of("A world population report said Nepal's usual population was 29 million in 2019.", "29 million", builtin)
    assert claim.subject is not None and claim.subject.id == "NPL", claim.subject


@pytest.mark.parametrize(("text", "figure"), [
    ("Rwanda, often called the 'Singapore of Africa', had 12.6 million people in 2019.", "12.6 million"),
    ("In 2019 Uruguay, the Switzerland of South America, had 3.5 million inhabitants.", "3.5 million"),
])
def test_a_country_s_name_used_as_a_nickname_is_not_the_subject(builtin, text, figure):
    """A comparison page's Rwanda, "often referred to as the 'Singapore of Africa'", had been read as Singapore."""
    claim = claim_of(text, figure, builtin)
    assert claim.subject is None or claim.subject.id not in ("SGP", "CHE"), claim.subject


def test_figures_paired_by_respectively_with_names_of_an_earlier_sentence_take_no_carried_subject(builtin):
    text = "Peru and Chile are in the Andes. They had 32 million and 19 million people in 2019, respectively."
    claims = [c for c in extract_claims(text, lexicon=builtin.lexicon) if c.quantity]
    assert all(c.subject is None for c in claims), [(c.text, c.subject) for c in claims]


def test_a_place_compared_with_and_its_figure_is_the_place_s(builtin):
    """A forum's "Afghanistan has a population of 32 million - - a little less than California at 37 million" had
    contradicted 37 million as Afghanistan's."""
    claim = claim_of("In 2009 Nepal had 28 million people, a little less than Texas at 25 million.", "25 million", builtin)
    assert claim.subject is None and claim.unknown_subject == "Texas", (claim.subject, claim.unknown_subject)


def test_a_figure_for_a_country_with_no_measure_named_is_that_country_s(builtin):
    """A forum's "GDP per capita was $592 for Afghanistan, compared to $35,672 in the U.S." had given $592 to the USA."""
    text = "In 2011 GDP per capita was $690 for Nepal, compared to $49,800 in the U.S."
    assert claim_of(text, "$690", builtin).subject.id == "NPL"
    assert claim_of(text, "$49,800", builtin).subject.id == "USA"


def test_a_name_in_a_contrasting_clause_after_the_figure_is_not_its_subject(builtin):
    """A sector report's "the country had a GDP of $33.992 million, while Nicaragua reached $17.353 million" (Honduras's
    first figure) had been read as Nicaragua's."""
    claim = claim_of("In 2019 the country had a GDP of $25 billion, while Nicaragua reached $12.5 billion.", "$25 billion", builtin)
    assert claim.subject is None or claim.subject.id != "NIC", claim.subject
    assert claim_of("In 2019, 52 million people lived in Kenya.", "52 million", builtin).subject.id == "KEN"


@pytest.mark.parametrize(("text", "figure", "place"), [
    ("Name of territory: Gibraltar\nStatus: self-governing part of UK, claimed by Spain\nPopulation: 32,000 (2019)\n",
     "32,000", "GIB"),
    ("Macao, officially the Macao Special Administrative Region of the People's Republic of China, had 640,000 people in 2019.",
     "640,000", "MAC"),
])
def test_the_state_a_territory_belongs_to_is_not_its_subject(builtin, text, figure, place):
    """A territory's fact sheet ("Status: self-governing part of UK") had given Gibraltar's population to the United
    Kingdom; "a Special Administrative Region of the People's Republic of China" is the territory's, not China's."""
    claim = claim_of(text, figure, builtin)
    assert claim.subject is not None and claim.subject.id == place, claim.subject


def test_the_province_of_a_name_is_that_province(builtin):
    claim = claim_of("In 2017 the province of Sindh counted 48 million inhabitants.", "48 million", builtin)
    assert claim.subject is None and claim.unknown_subject == "Sindh", (claim.subject, claim.unknown_subject)


def test_a_list_of_names_after_a_comma_is_no_apposition(builtin):
    """", the UK and France" lists names (an apposition opens with a lower-case noun after the article, or "officially")."""
    text = "Germany, the UK and France had 83 million, 66 million and 67 million people respectively in 2019."
    claims = [c for c in extract_claims(text, lexicon=builtin.lexicon) if c.quantity]
    assert [c.subject.id if c.subject else None for c in claims] == ["DEU", "GBR", "FRA"], [(c.text, c.subject) for c in claims]


def test_a_figure_inside_the_compared_measure_is_the_compared_one_s(builtin):
    """"India had a per capita income of $582, nearly 2 times the Chinese per capita GDP of $307": $307 is China's (read on
    review: the yardstick rule of "four times that of India's" had first been written for any "times the")."""
    text = "In 1980, Kenya had a per capita income of $450, nearly 2 times the Ugandan per capita GDP of $230."
    claim = claim_of(text, "$230", builtin)
    assert claim.subject is None or claim.subject.id != "KEN", claim.subject
