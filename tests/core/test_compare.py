import math

import pytest

from factcheck.core.compare import format_value, interval
from factcheck.core.model import Qualifier, Quantity


def q(value, precision, qualifier=Qualifier.EXACT, high=None):
    return Quantity(value, str(value), None, None, qualifier, None, precision, high)


@pytest.mark.parametrize(
    "quantity,x,position",
    [
        (q(70.6e9, 0.05e9), 70.55e9, 0),  # lower rounding edge is inside
        (q(70.6e9, 0.05e9), 70.65e9, 1),  # upper edge is outside: [70.55e9, 70.65e9)
        (q(70.6e9, 0.05e9), 70.5499e9, -1),
        (q(100, 0.5, Qualifier.MORE_THAN), 100, -1),  # strictly greater
        (q(100, 0.5, Qualifier.MORE_THAN), 100.01, 0),
        (q(100, 0.5, Qualifier.AT_LEAST), 100, 0),
        (q(100, 0.5, Qualifier.LESS_THAN), 100, 1),
        (q(100, 0.5, Qualifier.AT_MOST), 100, 0),
        (q(100, 0.5, Qualifier.APPROXIMATELY), 105.5, 0),  # (100.5) * 1.05 = 105.525
        (q(100, 0.5, Qualifier.APPROXIMATELY), 105.6, 1),
        (q(100, 0.5, Qualifier.APPROXIMATELY), 94.6, 0),  # 99.5 * 0.95 = 94.525
        (q(100, 0.5, Qualifier.APPROXIMATELY), 94.5, -1),
        (q(3, 0.5, Qualifier.EXACT, high=5), 5.4, 0),
        # a negative figure is widened away from it too ("about -0.8%", "an estimated -1.8%"): it was an empty interval
        (q(-1.8, 0.05, Qualifier.APPROXIMATELY), -1.83, 0),  # [-1.85 * 1.05, -1.75 * 0.95] = [-1.9425, -1.6625]
        (q(-1.8, 0.05, Qualifier.APPROXIMATELY), -1.95, -1),
        (q(-1.8, 0.05, Qualifier.APPROXIMATELY), -1.6, 1),
        (q(-0.5, 0.05, Qualifier.APPROXIMATELY, high=0.5), 0.0, 0),
    ],
)
def test_interval_edges(quantity, x, position):
    assert interval(quantity).position(x) == position


def test_tolerance_is_configurable():
    assert interval(q(100, 0.5, Qualifier.APPROXIMATELY), 0.10).position(110) == 0
    assert interval(q(100, 0.5, Qualifier.APPROXIMATELY), 0.01).position(110) == 1


def test_open_bounds_are_infinite():
    span = interval(q(5, 0.5, Qualifier.MORE_THAN))
    assert math.isinf(span.high)


@pytest.mark.parametrize(
    "x,currency,unit,text",
    [(70.6e9, None, None, "70.6 billion"), (96700, None, None, "96,700"), (50e6, "USD", None, "US$50 million"), (12.5, None, "%", "12.5%"), (3, "CNY", None, "3 CNY")],
)
def test_format_value(x, currency, unit, text):
    assert format_value(x, currency, unit) == text
