"""What every derived operation shares: its context, the records it needs, and how a computed value is decided.

:mod:`derivation` reads which operation a claim states and judges it; :mod:`grouped` judges shares and ranks
within a region or bloc. Both gather a measure's records by year (``series_of``, ``levels_by_year``,
``by_year``, ``countries_by_year``) and end in ``decide``: a computed value against the interval the stated
figure means, contradicted only on a certain reading (no weak cue, the stated figure within a factor
``PLAUSIBLE`` of the computed one), otherwise ``uncertain_reading`` with the computation shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from . import derived_words as words
from .compare import Interval, fit_reason, format_value, interval, miss_reason, year_unstated
from .entities import is_country
from .measures import MeasureIndex, MeasureMatch
from .model import Claim, Computation, Entity, Measure, Observation, Qualifier, Quantity, Verdict
from .reasons import CONTRADICTED, NOT_ENOUGH_INFO, REASONS

Fetch = Callable[[Measure, str | None], list[Observation]]
Candidate = tuple[MeasureMatch, list[Observation]]
WORLD = "WLD"
PLAUSIBLE = 2.0  # a stated figure further than this from the computed one is more likely misread than wrong


class Context:
    """What every operation needs besides its records."""

    __slots__ = ("claim", "weak", "quantity", "index", "fetch", "min_score", "tolerance", "doc_date", "vintage_years")

    def __init__(self, claim: Claim, weak: tuple[str, ...], index: MeasureIndex, fetch: Fetch, min_score: float, tolerance: float,
                 doc_date: date | None, vintage_years: int) -> None:
        self.claim, self.weak, self.index, self.fetch, self.min_score = claim, weak, index, fetch, min_score
        self.quantity = claim.quantity  # the stated figure, signed when the words show a decrease the reading left unsigned
        self.tolerance, self.doc_date, self.vintage_years = tolerance, doc_date, vintage_years


def figure_in_sentence(claim: Claim) -> tuple[str, int, int]:
    """The claim's sentence and the figure's offsets in it."""
    s = claim.sentence
    return s.text, claim.span.start - s.start, claim.span.end - s.start


def series_of(ctx: Context, found: Verdict | Candidate | list[Candidate]) -> tuple[MeasureMatch, dict[int, Observation], Observation] | None:
    """The subject's whole-year levels of the one measure the claim names or matches, for a change or a multiple."""
    one = one_candidate(found) or named_measure(ctx)
    if one is None or ctx.claim.subject is None:
        return None
    match, records = one
    levels = levels_by_year(records)
    if not levels:
        return None
    return match, levels, next(iter(levels.values()))


def levels_by_year(records: list[Observation]) -> dict[int, Observation]:
    """Whole-year levels by year, independent records only; a year with records that disagree is left out."""
    by_year: dict[int, Observation] = {}
    clash: set[int] = set()
    for r in records:
        if r.series != "level" or r.origin or r.period_end is None:
            continue
        y = r.period_end.year
        if r.period_end != date(y, 12, 31) or r.period_start not in (None, date(y, 1, 1)):
            continue
        if y in by_year and by_year[y].value != r.value:
            clash.add(y)
        by_year.setdefault(y, r)
    for y in clash:
        del by_year[y]
    return by_year


def measure_named(ctx: Context, label: str, currency: str | None) -> Measure | None:
    """The measure a label names, if it matches well and is of the wanted kind (money in ``currency``, or a count)."""
    for match in ctx.index.search(label, label.split()[-1], None)[:3]:
        if match.score < ctx.min_score:
            return None
        if any(_OTHER_BASIS.search(name) for name in (match.measure.id, *match.measure.labels)):
            continue  # GDP at PPP or constant prices, a per-capita series: not the current-dollar total the algebra divides
        records = ctx.fetch(match.measure, WORLD) or ctx.fetch(match.measure, None)[:1]
        if records and records[0].currency == currency and records[0].unit != "%":
            return match.measure
    return None


_OTHER_BASIS = re.compile(r"\b(?:ppp|purchasing|constant|real|per[ _]capita|per[ _]head|growth|annual[ _]%)\b", re.I)


def stated_year(claim: Claim) -> tuple[int | None, bool]:
    """The year a stated level holds for, and whether it is implicit (no period: the latest record before the document's date)."""
    p = claim.period
    if p is None:
        return None, True
    if not p.year_known or p.end is None or (p.start is not None and p.start.year != p.end.year):
        return None, False
    return p.end.year, False


def make_verdict(reason: str, explanation: str, evidence: list[Observation] | None = None, reference: str | None = None,
                 measure: Measure | None = None, computation: Computation | None = None) -> Verdict:
    """A verdict for a reason of the catalogue (its label is the reason's)."""
    return Verdict(REASONS[reason].verdict, reason, explanation, list(evidence or []), reference,
                   measure.key if measure else None, 100.0 if measure else None, computation)


def decide(ctx: Context, computation: Computation, records: list[Observation], measure: Measure | None,
           also: Computation | None = None) -> Verdict:
    """Judge the computed value (or an admissible alternative) against the stated figure's interval."""
    q = ctx.quantity
    assert q is not None
    span = interval(q, ctx.tolerance)
    computation = replace(computation, low=_finite(span.low), high=_finite(span.high))
    options = [c for c in (computation, also) if c is not None]
    positions = [(span.position(v), c) for c in options for v in (c.value, c.alternative) if v is not None]
    fits = next((c for p, c in positions if p == 0), None)
    said = f"'{q.text}'"
    means = "first" if computation.operation == "extremum" else _means(q, span)  # "most populous": first, not "0.5 to 1.5"
    if fits is not None:
        fits = replace(fits, low=computation.low, high=computation.high)
        reason = fit_reason(q, fits.value) if span.position(fits.value) == 0 else fit_reason(q, fits.alternative or fits.value)
        return make_verdict(reason, f"{fits.words}: {fits.symbols} = {fits.shown}, which fits {said} ({means})", records,
                            fits.shown, measure, fits)
    plausible = [(p, c) for p, c in positions if _near(q.value, c.value)]
    if also is not None and len(plausible) == 1:
        computation = replace(plausible[0][1], low=computation.low, high=computation.high)  # the one reading near the figure decides
        positions = plausible
    sides = {p for p, _ in positions}
    if len(sides) != 1:
        return make_verdict("ambiguous", f"{computation.words}: {computation.symbols} = {computation.shown}; the admissible readings "
                            f"lie on both sides of {said}", records, computation.shown, measure, computation)
    side = sides.pop()
    found = make_verdict(miss_reason(q, side), f"{computation.words}: {computation.symbols} = {computation.shown}; {said} "
                         f"({means}) does not fit it",
                         records, computation.shown, measure, computation)
    return _certain(ctx.weak, q, found, computation.value)


def _certain(weak_cues: tuple[str, ...], q: Quantity, found: Verdict, computed: float) -> Verdict:
    """A contradiction on a weak reading, or on a figure far from the computed one, is an uncertain reading."""
    if found.label != CONTRADICTED:
        return found
    weak = list(weak_cues)
    order = q.unit == words.TIMES and q.value == 1 and q.qualifier in (Qualifier.MORE_THAN, Qualifier.LESS_THAN)  # "larger than"
    if computed and q.value and found.computation is not None and found.computation.operation not in ("rank", "extremum") \
            and not order:
        ratio = abs(q.value / computed)
        if not (1 / PLAUSIBLE <= ratio <= PLAUSIBLE):
            weak.append(f"the figure is {ratio:.2g} times the computed value: more likely another period or quantity than a wrong figure")
    if not weak:
        return found
    return replace(found, label=NOT_ENOUGH_INFO, reason="uncertain_reading",
                   explanation=f"{found.explanation}; not contradicted, as the reading is uncertain: {'; '.join(weak)}")


def _means(q: Quantity, span: Interval) -> str:
    """The interval a stated figure means, in words: 'from 5.15 million to 5.25 million', 'more than 3%'."""
    low, high = _finite(span.low), _finite(span.high)
    f = lambda x: format_value(round(x, 6), q.currency, q.unit)  # noqa: E731
    if low is not None and high is not None:
        return f"{f(low)} to {f(high)}"
    if low is not None:
        return f"{'at least' if span.low_closed else 'more than'} {f(low)}"
    return f"{'at most' if span.high_closed else 'less than'} {f(high)}" if high is not None else "any value"


def _near(stated: float, computed: float) -> bool:
    return computed != 0 and 1 / PLAUSIBLE <= abs(stated / computed) <= PLAUSIBLE


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def one_candidate(found: Verdict | Candidate | list[Candidate]) -> Candidate | None:
    """The one measure matching found for the claim, if exactly one."""
    if isinstance(found, tuple):
        return found
    if isinstance(found, list) and len(found) == 1:
        return found[0]
    return None


def named_measure(ctx: Context) -> Candidate | None:
    """The one measure the sentence names for the figure that has level records for the subject (a change's records are
    levels, so matching found them in 'another unit')."""
    claim = ctx.claim
    if claim.subject is None:
        return None
    found: list[Candidate] = []
    for key in claim.measure_keys:
        measure = ctx.index.get(key)
        records = ctx.fetch(measure, claim.subject.id) if measure is not None else []
        if measure is not None and levels_by_year(records):
            found.append((MeasureMatch(measure, 100.0, claim.measure), records))
    return found[0] if len(found) == 1 else None


def measure_words(measure: Measure) -> str:
    """A measure's id as words, for explanations ("gdp_per_capita" -> "gdp per capita")."""
    return measure.id.replace("_", " ")


def by_year(ctx: Context, years: list[int], compute: Callable[[int], tuple[Computation, list[Observation]]],
            measure: Measure, needs: str) -> Verdict:
    """Judge a computation for the stated year, or, with no year, the latest before the document's date (an older one
    within the vintage window that fits makes it ``other_vintage``, as for levels)."""
    claim = ctx.claim
    year, implicit = stated_year(claim)
    if year is None and not implicit:
        return make_verdict("period_mismatch", f"'{claim.period.text if claim.period else ''}' is not one year: not computed",
                            measure=measure)
    if implicit:
        if ctx.doc_date is None:
            return make_verdict("no_period", "the claim names no year and the document has no date", measure=measure)
        usable = [y for y in years if date(y, 12, 31) <= ctx.doc_date]  # as for levels: a year's record once the year is over
        if not usable:
            return make_verdict("period_mismatch", f"no year with records of {needs} before the document's date", measure=measure)
        year = usable[-1]
    if year not in years:
        near = ", ".join(str(y) for y in sorted(years, key=lambda y: abs(y - year))[:2]) or "none"  # type: ignore[operator]
        return make_verdict("period_mismatch", f"the computation needs records of {needs} for {year}; nearest years: {near}", measure=measure)
    computation, records = compute(year)
    found = decide(ctx, computation, records, measure)
    if implicit and found.label in (CONTRADICTED, NOT_ENOUGH_INFO) and found.reason not in ("no_period",):
        q = ctx.quantity
        assert q is not None
        span = interval(q, ctx.tolerance)
        older = [y for y in years if year - ctx.vintage_years <= y < year and span.position(compute(y)[0].value) == 0]
        if older and found.computation is not None and span.position(found.computation.value) != 0:
            y = older[-1]
            c, rs = compute(y)
            c = replace(c, low=found.computation.low, high=found.computation.high)
            return make_verdict("other_vintage", f"'{q.text}' has no year: it fits {c.words} ({c.shown}), not the latest before the "
                                f"document's date ({computation.shown} for {year})", [*rs, *records], c.shown, measure, c)
        if found.label == CONTRADICTED and q.currency is not None and ctx.doc_date is not None:
            return year_unstated(found, ctx.doc_date.year)  # as for levels (core.matching)
    return found


def latest_rank(verdict: Verdict, year: int, implicit: bool) -> Verdict:
    """A rank the sentence gives no year for is judged on the latest record, and never contradicted on it: ranks move from
    year to year (world ranks here, ranks within a group in core.grouped)."""
    if verdict.label == CONTRADICTED and implicit:
        return replace(verdict, label=NOT_ENOUGH_INFO, reason="uncertain_reading",
                       explanation=f"{verdict.explanation}; not contradicted, as the rank's year is not stated ({year} is the latest "
                                   "record) and ranks move from year to year")
    return verdict


_GROUPED: dict[int, tuple[list[Observation], dict[int, list[Observation]], set[str]]] = {}


def countries_by_year(every: list[Observation]) -> tuple[dict[int, list[Observation]], set[str]]:
    """Every country's independent levels by year (aggregates left out), and the countries with any: grouped once for the
    list a fetch returns (a document of many ranks asks of the same list again; the list is kept, so its id stays its own)."""
    kept = _GROUPED.get(id(every))
    if kept is not None and kept[0] is every:
        return kept[1], kept[2]
    by_year: dict[int, list[Observation]] = {}
    country: dict[str, bool] = {}  # asked once an entity, not once a record
    for r in every:
        if r.entity is None or r.series != "level" or r.origin or r.period_end is None:
            continue
        ok = country.get(r.entity)
        if ok is None:
            ok = country[r.entity] = is_country(Entity(r.entity, r.entity_name or r.entity))
        if ok:
            by_year.setdefault(r.period_end.year, []).append(r)
    for rows in by_year.values():
        rows.sort(key=lambda r: (-r.value, r.entity or ""))  # the order rows_of shows them in, sorted once
    countries = {r.entity for rs in by_year.values() for r in rs if r.entity is not None}
    if len(_GROUPED) >= 8:
        _GROUPED.pop(next(iter(_GROUPED)))
    _GROUPED[id(every)] = (every, by_year, countries)
    return by_year, countries


def rows_of(rows: list[Observation], entity: str) -> list[Observation]:
    """The evidence of a rank: the ranked country's own record first, then its two neighbours on each side."""
    ordered = sorted(rows, key=lambda r: (-r.value, r.entity or ""))
    i = next(i for i, r in enumerate(ordered) if r.entity == entity)
    return [ordered[i], *ordered[max(0, i - 2):i], *ordered[i + 1:i + 3]]
