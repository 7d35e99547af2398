"""What a stated figure means, and whether a reference value fits it.

A stated figure means the interval its precision implies: "70.6 billion" is
[70.55e9, 70.65e9); "96,700" is [96,650, 96,750) (trailing zeros of a whole
number are read as rounding, the reading that never invents a contradiction).
Qualifiers widen or bound it: approximately ±5% beyond the rounding (configurable; "almost" and "nearly" only
below the figure),
more_than strictly above the stated value, at_least from it, less_than strictly
below, at_most up to it.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace

from .model import Qualifier, Quantity, Verdict
from .reasons import NOT_ENOUGH_INFO

DEFAULT_TOLERANCE = 0.05
_JUST_BELOW = frozenset(("almost", "nearly"))  # approximations from below: "almost 60 million" is not 62.8 million
# Official figures of one thing differ by this much between publishers (a census count against a mid-year estimate, a
# national office's GDP against the World Bank's conversion, revisions): a miss this small names the record, it does not
# contradict. Measured on real text: a third of the genuine contradictions of real web pages rest on gaps under 1%.
DEFAULT_SPREAD = 0.01


@dataclass(frozen=True, slots=True)
class Interval:
    low: float
    high: float
    low_closed: bool
    high_closed: bool

    def position(self, x: float) -> int:
        """-1 if ``x`` lies below the interval, 0 inside, 1 above."""
        if x < self.low or (x == self.low and not self.low_closed):
            return -1
        if x > self.high or (x == self.high and not self.high_closed):
            return 1
        return 0

    def miss(self, x: float) -> float:
        """How far ``x`` lies outside the interval, relative to ``x`` (0 inside; infinite for 0 outside)."""
        side = self.position(x)
        if side == 0:
            return 0.0
        gap = self.low - x if side == -1 else x - self.high
        return abs(gap / x) if x else math.inf

    def overlaps(self, low: float, high: float) -> int:
        """Like :meth:`position`, for a closed range ``[low, high]``."""
        if self.position(high) == -1:
            return 1  # the whole range is below the interval: the claim is too high
        if self.position(low) == 1:
            return -1  # the whole range is above: the claim is too low
        return 0


def interval(q: Quantity, tolerance: float = DEFAULT_TOLERANCE) -> Interval:
    v = q.value
    top = q.value_high if q.value_high is not None else v
    p = q.precision
    if q.qualifier is Qualifier.EXACT:
        return Interval(v - p, top + p, True, False)
    if q.qualifier is Qualifier.APPROXIMATELY:
        low, high = v - p, top + p  # widened by the tolerance away from the figure, whatever its sign ("about -0.8%")
        if (q.qualifier_text or "").lower() in _JUST_BELOW:
            # "almost 60 million": up to it, not past it; "falling nearly 1%" (-1): a magnitude up to 1
            if top >= 0:
                return Interval(low - tolerance * abs(low), top, True, True)
            return Interval(v, high + tolerance * abs(high), True, True)
        return Interval(low - tolerance * abs(low), high + tolerance * abs(high), True, True)
    if q.qualifier is Qualifier.MORE_THAN:
        return Interval(v, math.inf, False, False)
    if q.qualifier is Qualifier.AT_LEAST:
        return Interval(v, math.inf, True, False)
    if q.qualifier is Qualifier.LESS_THAN:
        return Interval(-math.inf, top, False, False)
    return Interval(-math.inf, top, False, True)  # at_most


def fit_reason(q: Quantity, x: float) -> str:
    """The supporting reason for a value inside the claim's interval."""
    if q.value_high is None and math.isclose(x, q.value, rel_tol=1e-9, abs_tol=1e-9):
        return "exact"
    if q.qualifier is Qualifier.EXACT:
        return "within_rounding"
    return "qualifier_satisfied"


def miss_reason(q: Quantity, side: int) -> str:
    """The contradicting reason for a value outside the interval (side: -1 below, 1 above)."""
    if q.qualifier in (Qualifier.EXACT, Qualifier.APPROXIMATELY):
        return "overstated" if side == -1 else "understated"
    return "qualifier_violated"


_SCALES = ((1e12, "trillion"), (1e9, "billion"), (1e6, "million"))
_SYMBOLS = {"USD": "US$", "EUR": "€", "GBP": "£"}


def format_value(x: float, currency: str | None = None, unit: str | None = None) -> str:
    """A figure as a reader writes it: 70.6 billion, 96,700, US$50 million, 12.5%."""
    text = _plain(x)
    if unit == "%":
        return f"{text}%"
    if unit == "pp":
        return f"{text} percentage points"
    if unit == "\u00d7":
        return f"\u00d7{text}"  # a multiplier: "doubled" is ×2
    if currency:
        symbol = _SYMBOLS.get(currency)
        return f"{symbol}{text}" if symbol else f"{text} {currency}"
    return text


def _plain(x: float) -> str:
    for scale, word in _SCALES:
        if abs(x) >= scale:
            return f"{x / scale:,.4f}".rstrip("0").rstrip(".") + f" {word}"
    if float(x).is_integer():
        return f"{int(x):,}"
    return f"{x:,.4f}".rstrip("0").rstrip(".")


def year_unstated(found: Verdict, written: int) -> Verdict:
    """A contradiction of an amount of a year (GDP, GDP per capita) that names no year, withheld: written in ``written``,
    it may be the year before's or a forecast of ``written``'s (a page of September 2023 giving the IMF's 2023
    projections as "the GDP"). Levels (core.matching) and computed figures (core.derived_records) alike."""
    return replace(found, label=NOT_ENOUGH_INFO, reason="uncertain_reading",
                   explanation=f"{found.explanation}; not contradicted, as the reading is uncertain: an amount of a year "
                               f"without a year, written in {written}, may be {written - 1}'s or a forecast of {written}'s")
