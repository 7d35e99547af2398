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
    ],
)
def test_periods(text, start, end, kind):
    (p,) = find_periods(text, DOC)
    assert (p.period.start, p.period.end, p.period.kind) == (start, end, kind)
    assert p.period.year_known


def test_missing_year_without_document_date_says_so():
    (p,) = find_periods("As of May 31, China had sent", None)
    assert p.period.year_known is False
    assert p.period.end is None and p.period.start is None


def test_range_takes_the_year_of_its_end():
    (p,) = find_periods("From March 1 to May 31, 2019, it", None)
    assert (p.period.start, p.period.end) == (date(2019, 3, 1), date(2019, 5, 31))


def test_invalid_day_is_not_a_date():
    assert find_periods("on February 30 it", DOC) == []
