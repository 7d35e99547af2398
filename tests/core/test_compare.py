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


@pytest.mark.parametrize("text,value,precision,x,position", [
    ("almost", 60e6, 5e6, 62.8e6, 1),  # "almost 60 million" is not 62.8 million
    ("almost", 60e6, 5e6, 58e6, 0),
    ("almost", 60e6, 5e6, 52e6, -1),  # below the rounding edge and 5% more (55e6 * 0.95)
    ("nearly", 60e6, 5e6, 60e6, 0),  # up to the figure itself
    ("nearly", -1.0, 0.5, -0.88, 0),  # "falling nearly 1%": a magnitude up to 1
    ("nearly", -1.0, 0.5, -1.2, -1),
    ("about", 60e6, 5e6, 62.8e6, 0),  # "about" reaches 5% either side, as before
])
def test_almost_and_nearly_reach_up_to_the_figure_only(text, value, precision, x, position):
    quantity = Quantity(value, f"{text} {value}", None, None, Qualifier.APPROXIMATELY, text, precision)
    assert interval(quantity).position(x) == position
