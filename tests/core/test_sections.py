"""The period and country a heading or a list's lead line gives the text below it (core.sections)."""

from datetime import date

from factcheck.core.document import sentences
from factcheck.core.model import Entity
from factcheck.core.periods import find_periods
from factcheck.core.sections import Sections, one_period

KENYA = Entity("KEN", "Kenya")


def _sections() -> Sections:
    return Sections(lambda text: find_periods(text, date(2024, 6, 1)))


def test_a_heading_naming_one_period_dates_its_section_and_one_naming_two_does_not():
    doc = "## Outlook for 2031\n\nA line.\n\n## From 2010 to 2020 and in 2024\n\nAnother.\n"
    s = _sections()
    first, second = sentences(doc, markdown=True)
    period, subject = s.enter(first)
    assert period.text == "2031" and subject is None and s.gives(period)
    assert s.enter(second) == (None, None)


def test_a_lead_line_gives_its_items_its_period_and_country_until_the_list_ends():
    lead, item, after = sentences("Kenya in 2019:\n\n- Population 52.6 million\n\nA paragraph.\n")
    s = _sections()
    s.enter(lead)
    s.read(lead, find_periods(lead.text, None), KENYA, named=True, figures=False)
    period, subject = s.enter(item)
    assert (period.text, subject) == ("2019", KENYA)
    assert s.enter(after) == (None, None)


def test_a_sentence_ending_in_a_full_stop_leads_nothing():
    sentence, item = sentences("Kenya had 52.6 million people in 2019.\n\n- A list item\n")
    s = _sections()
    s.enter(sentence)
    s.read(sentence, find_periods(sentence.text, None), KENYA, named=True, figures=True)
    assert s.enter(item) == (None, None)


def test_one_period_is_none_for_none_or_several():
    assert one_period([]) is None
    assert one_period(find_periods("between 2010 and 2020, and in 2024", None)) is None
    assert one_period(find_periods("in 2025", None)).text == "2025"


def test_a_heading_naming_no_period_takes_that_of_the_nearest_heading_containing_it():
    doc = ("# Economies\n\n## The ten largest in 2023\n\n### Japan\n\nA line.\n\n#### Trade\n\nAnother.\n\n"
           "## Outlook\n\nA third.\n\n### Japan\n\nA fourth.\n")
    s = _sections()
    japan, trade, outlook, later = sentences(doc, markdown=True)
    assert japan.above == ("Economies", "The ten largest in 2023") and trade.above[-1] == "Japan"
    assert s.enter(japan)[0].text == "2023" and s.gives(s.section)
    assert s.enter(trade)[0].text == "2023"  # two levels down
    assert s.enter(outlook) == (None, None)  # a heading of the same level closes the one before
    assert s.enter(later) == (None, None)


def test_a_subheading_of_its_own_period_keeps_it():
    first, = sentences("## Figures for 2023\n\n### Estimates for 2024\n\nA line.\n", markdown=True)
    assert _sections().enter(first)[0].text == "2024"
