"""A small algebra over records: the values a derived figure states, computed from levels.

Real prose states relations between levels more often than levels ("rose by 5.2 million between
2010 and 2015", "grew 2.6% a year", "GDP per capita of $1,700", "0.7% of the world's
population", "the 27th most populous"). Each function here takes the records it needs and
returns a :class:`~factcheck.core.model.Computation`: the formula in words and in symbols and the
computed value, so the evidence shows the arithmetic, not only its result. Pure: no reading, no
fetching, no verdicts (those are :mod:`factcheck.core.derivation`'s).

Growth rates are computed two ways, compounded (``(b/a)^(1/n) - 1``) and continuous
(``ln(b/a)/n``, the World Bank's own formula for population growth): a stated rate that fits
either is supported; only one that fits neither (on the same side) can be contradicted.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable

from .compare import format_value
from .model import Computation, Observation


def _year(r: Observation) -> int:
    return r.period_end.year if r.period_end is not None else 0


def _named(r: Observation, what: str) -> str:
    return f"{what} of {r.entity_name or r.entity} in {_year(r)}"


def _v(r: Observation) -> str:
    return format_value(r.value, r.currency, r.unit)


def change(a: Observation, b: Observation, what: str) -> Computation:
    """The absolute change from the earlier level ``a`` to the later ``b``: b − a."""
    value = b.value - a.value
    return Computation(
        "change", f"the {_named(b, what)} minus the {_named(a, what)}",
        f"{what}({_year(b)}) − {what}({_year(a)}) = {_v(b)} − {_v(a)}", value,
        format_value(value, b.currency, b.unit))


def points_change(a: Observation, b: Observation, what: str) -> Computation:
    """The change of a percentage in percentage points: b − a."""
    value = b.value - a.value
    return Computation(
        "change", f"the {_named(b, what)} minus the {_named(a, what)}, in percentage points",
        f"{what}({_year(b)}) − {what}({_year(a)}) = {_v(b)} − {_v(a)}", value, format_value(value, None, "pp"))


def percent_change(a: Observation, b: Observation, what: str) -> Computation:
    """The relative change in percent: (b / a − 1) × 100."""
    value = (b.value / a.value - 1) * 100
    return Computation(
        "percent_change", f"the {_named(b, what)} over the {_named(a, what)}, less one, in percent",
        f"({what}({_year(b)}) / {what}({_year(a)}) − 1) × 100 = ({_v(b)} / {_v(a)} − 1) × 100", value,
        format_value(round(value, 4), None, "%"))


def multiple(a: Observation, b: Observation, what: str) -> Computation:
    """The ratio of the later level to the earlier ('doubled' is 2, 'halved' 0.5): b / a."""
    value = b.value / a.value
    return Computation(
        "multiple", f"the {_named(b, what)} divided by the {_named(a, what)}",
        f"{what}({_year(b)}) / {what}({_year(a)}) = {_v(b)} / {_v(a)}", value, format_value(round(value, 4), None, "\u00d7"))


def annual_growth(a: Observation, b: Observation, what: str) -> Computation:
    """The compound annual growth rate from ``a`` to ``b``, and its continuous twin as ``alternative``."""
    years = _year(b) - _year(a)
    ratio = b.value / a.value
    value = (ratio ** (1 / years) - 1) * 100
    continuous = math.log(ratio) / years * 100
    n = f"1/{years}" if years != 1 else "1"
    return Computation(
        "annual_growth",
        f"the compound annual growth of the {what} of {b.entity_name or b.entity} from {_year(a)} to {_year(b)} "
        f"({years} year{'s' if years != 1 else ''})",
        f"(({what}({_year(b)}) / {what}({_year(a)}))^({n}) − 1) × 100 = (({_v(b)} / {_v(a)})^({n}) − 1) × 100", value,
        format_value(round(value, 4), None, "%"), alternative=continuous,
        alternative_words=f"continuous rate ln({what}({_year(b)}) / {what}({_year(a)})) / {years} × 100 = {continuous:.4f}%")


def ratio(numerator: Observation, denominator: Observation, what: str, over: str, per: str) -> Computation:
    """A ratio of two measures for the same subject and period (GDP per capita = GDP / population)."""
    value = numerator.value / denominator.value
    return Computation(
        "per_capita", f"the {_named(numerator, over)} divided by its {per} in {_year(denominator)}",
        f"{what} = {over}({_year(numerator)}) / {per}({_year(denominator)}) = {_v(numerator)} / {_v(denominator)}", value,
        format_value(round(value, 2), numerator.currency, None))


def share(part: Observation, total: Observation, what: str) -> Computation:
    """A part's share of a total in percent: part / total × 100."""
    value = part.value / total.value * 100
    return Computation(
        "share", f"the {_named(part, what)} divided by the {_named(total, what)}, in percent",
        f"{what}({part.entity}) / {what}({total.entity}) × 100 = {_v(part)} / {_v(total)} × 100", value,
        format_value(round(value, 4), None, "%"))


def rank(records: Iterable[Observation], entity: str, what: str, keep: Callable[[Observation], bool],
         descending: bool = True) -> Computation | None:
    """The entity's rank among the kept records of one period (1 = the largest), ties said; None if it is not among them.

    ``value`` is the best rank it shares; ``alternative`` the worst, so a stated rank anywhere in a tie fits.
    """
    kept = [r for r in records if keep(r)]
    own = next((r for r in kept if r.entity == entity), None)
    if own is None:
        return None
    above = sum(1 for r in kept if (r.value > own.value if descending else r.value < own.value))
    tied = sum(1 for r in kept if r.value == own.value) - 1
    best, worst = above + 1, above + 1 + tied
    tie = f", tied with {tied} other{'s' if tied != 1 else ''}" if tied else ""
    return Computation(
        "rank", f"the place of {own.entity_name or entity} when the {len(kept)} countries with a record of {what} "
        f"for {_year(own)} are ordered from the {'largest' if descending else 'smallest'}{tie}",
        f"1 + #{{c : {what}(c) {'>' if descending else '<'} {what}({entity})}} = 1 + {above}", float(best), str(best) if not tied else f"{best} to {worst}",
        alternative=float(worst))


def comparison(a: Observation, b: Observation, what: str) -> Computation:
    """The ratio of one subject's level to another's for the same measure and period ('twice as many people as'): a / b."""
    value = a.value / b.value
    return Computation(
        "comparison", f"the {_named(a, what)} divided by the {_named(b, what)}",
        f"{what}({a.entity}) / {what}({b.entity}) = {_v(a)} / {_v(b)}", value, format_value(round(value, 4), None, "\u00d7"))


def extremum(records: Iterable[Observation], entity: str, what: str, descending: bool = True) -> Computation | None:
    """The place of the entity among one period's records (1: the largest, or the smallest when not ``descending``), for
    a superlative without an ordinal ('the most populous country'); ties said. None if the entity has no record."""
    found = rank(records, entity, what, lambda r: True, descending)
    if found is None:
        return None
    extreme = "largest" if descending else "smallest"
    return Computation("extremum", f"{found.words}; the {extreme} is first",
                       found.symbols, found.value, found.shown, alternative=found.alternative)


def series_extremum(levels: dict[int, Observation], year: int, first: int, what: str, highest: bool = True) -> Computation:
    """The place of the level of ``year`` among the subject's own levels from ``first`` to ``year`` (1: the highest, or the
    lowest when not ``highest``), for 'its highest level since 1990'; ties said. ``levels`` must hold every year of the window."""
    own = levels[year]
    window = [levels[y] for y in range(first, year + 1)]
    beyond = sum(1 for r in window if (r.value > own.value if highest else r.value < own.value))
    tied = sum(1 for r in window if r.value == own.value) - 1
    best, worst = beyond + 1, beyond + 1 + tied
    tie = f", tied with {tied} other year{'s' if tied != 1 else ''}" if tied else ""
    extreme = "highest" if highest else "lowest"
    return Computation(
        "extremum", f"the place of the {_named(own, what)} among its {len(window)} yearly levels from {first} to {year}, "
        f"ordered from the {extreme}{tie}",
        f"1 + #{{y in {first}..{year} : {what}(y) {'>' if highest else '<'} {what}({year})}} = 1 + {beyond}", float(best),
        str(best) if not tied else f"{best} to {worst}", alternative=float(worst))


__all__ = ["change", "points_change", "percent_change", "multiple", "annual_growth", "ratio", "share", "rank", "comparison",
           "extremum", "series_extremum"]
