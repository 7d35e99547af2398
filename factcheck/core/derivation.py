"""Judge a derived figure: which operation it states, the records that answer it, and the verdict.

A figure the reading names as a change, a per-capita rate of GDP, a share of the world's total
or a rank is not a level, but the sources can often compute it (:mod:`factcheck.core.derived`).
This module reads which operation a claim states from the words around its figure (its own
small reading, from the sentence's text and the claim's offsets), gathers every record the
operation needs, and judges the computed value against the interval the stated figure means.

Comparisons between subjects ("twice as many people as Portugal", "larger than Germany's") are judged against both
subjects' records for one measure and year, and superlatives without an ordinal ("the most populous country", "its
highest level since 1990") as rank 1 among the world's countries or among the subject's own years (the readings:
:mod:`factcheck.core.comparative`); a comparison whose other subject or measure is not plain is ``other_subject_unclear``,
an extreme over years some of which lack a record ``series_incomplete``.

Honest limits, each a named reason: a growth rate of a money measure is not judged, since the
sources give current prices and a stated rate is usually real (``real_growth_not_judged``); PPP and
constant-price figures likewise (``not_current_prices``); a share or rank within a region or bloc that no
membership list answers (``group_not_judged``; core.grouped judges the others); a total the sources lack (``total_missing``); a rank when countries lack a
record and the missing ones could move it (``rank_incomplete``); a change whose two periods cannot
be read (``change_period_unclear``). A derived claim is contradicted only when every record it
needs is present and the reading is certain (no weak cue, the stated figure within a factor 2 of
the computed one); otherwise ``uncertain_reading``, with the computation shown.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date

from . import derived, derived_words as words
from .certainty import read_role
from .compare import Interval, fit_reason, format_value, interval, miss_reason
from .entities import is_country
from .measures import MeasureIndex, MeasureMatch
from .comparative import SUPERLATIVE_TEXT, comparisons, series_window
from .model import Claim, Computation, Entity, Measure, Observation, Qualifier, Quantity, Verdict
from .reasons import CONTRADICTED, NOT_ENOUGH_INFO, REASONS, SUPPORTED

Fetch = Callable[[Measure, str | None], list[Observation]]
Candidate = tuple[MeasureMatch, list[Observation]]
WORLD = "WLD"
WORLD_COUNTRIES = 150  # a source with records of fewer countries for a year cannot rank one "in the world" (the World Bank has 217)
_PLAUSIBLE = 2.0  # a stated figure further than this from the computed one is more likely misread than wrong


def judge_derived(claim: Claim, found: Verdict | Candidate | list[Candidate], index: MeasureIndex, fetch: Fetch,
                  min_score: float, tolerance: float, doc_date: date | None, vintage_years: int,
                  countries: frozenset[str] = frozenset()) -> Verdict | None:
    """The verdict on a derived figure, or None when the claim states none of the operations (judged as before).

    A derived figure is decided only on a certain reading: with a weak cue, or another country named in the sentence,
    a fit is left as it was (not compared) and a misfit is ``uncertain_reading``, the computation shown.
    """
    if not words.candidate(claim):
        return None
    read_role(claim)
    text, start, end = _where(claim)
    if "vague period" in claim.weak or words.PART_BEFORE.search(text, 0, start):
        return None  # a change "in the 1960s"; "each of these five states grew by a third": not the subject's, or not now
    weak = claim.weak
    other = claim.versus[0] if claim.versus is not None else None
    if other is not None:  # a comparison names its other subject: that one more country is no doubt about the subject
        countries = countries - {other.id}
        weak = tuple(w for w in weak if not (w.endswith("of 2 names in the sentence") and other.id in countries | {other.id}))
    if claim.subject is not None and len(countries | {claim.subject.id}) > 1:
        weak = (*weak, f"'{claim.subject.name}' is one of {len(countries | {claim.subject.id})} countries the sentence names")
    ctx = _Context(claim, weak, index, fetch, min_score, tolerance, doc_date, vintage_years)
    found_verdict = _operation(ctx, found, text, start, end)
    if found_verdict is not None and found_verdict.label == SUPPORTED and weak:
        return None
    return found_verdict


def _operation(ctx: _Context, found: Verdict | Candidate | list[Candidate], text: str, start: int, end: int) -> Verdict | None:
    """The operation the words around the figure state, judged; None if they state none."""
    claim, q = ctx.claim, ctx.quantity
    assert q is not None
    before, after = text[max(0, start - 80):start], text[end:end + 60]
    if q.currency is not None and q.unit is None and q.change is None and (
            words.PER_CAPITA_BEFORE.search(before) or (words.PER_CAPITA_AFTER.match(after) and words.gdp_owns(before))):
        return _per_capita(ctx, text)
    if q.unit == "%" and q.change is None:
        if words.GROUP_SHARE.match(after):
            return _group_share(ctx, before, after)
        m = words.WORLD_SHARE.match(after)
        if m and words.HOLDS.search(before):
            return _share_of_world(ctx, m.group("what"))
    if (q.unit == words.TIMES or claim.role == "rank") and (words.NOT_ASSERTED.search(text, max(0, start - 60), start)
                                                           or words.NEGATED.search(text, max(0, start - 40), start)):
        return None  # "to avoid becoming the world's third most populous country": not stated as a fact (left as its role)
    if q.unit == words.TIMES and q.change is None:
        return _comparison(ctx, text, start)
    if q.unit == words.TIMES:
        return _multiple(ctx, found, text)
    if claim.role == "rank" and q.unit is None and SUPERLATIVE_TEXT.match(q.text):
        if series_window(q.text) is not None:
            return _series_extremum(ctx, found, text)
        anchor = start - 1 if text[start - 1:start] in (" ", "\t", "\u00a0", "-") else start
        return _rank(ctx, found, text, anchor, extreme=True)  # "the most populous country": rank 1, the ordinal unsaid
    if claim.role == "change" and (q.change is not None or words.direction(claim.role_cue or "")):
        return _change(ctx, found, text, start, end)
    if claim.role == "rank" and q.unit is None and q.currency is None:
        return _rank(ctx, found, text, start + len(q.text))  # a rank's text is its ordinal alone ("21st", "second")
    return None


class _Context:
    """What every operation needs besides its records."""

    __slots__ = ("claim", "weak", "quantity", "index", "fetch", "min_score", "tolerance", "doc_date", "vintage_years")

    def __init__(self, claim: Claim, weak: tuple[str, ...], index: MeasureIndex, fetch: Fetch, min_score: float, tolerance: float,
                 doc_date: date | None, vintage_years: int) -> None:
        self.claim, self.weak, self.index, self.fetch, self.min_score = claim, weak, index, fetch, min_score
        self.quantity = claim.quantity  # the stated figure, signed when the words show a decrease the reading left unsigned
        self.tolerance, self.doc_date, self.vintage_years = tolerance, doc_date, vintage_years


def _where(claim: Claim) -> tuple[str, int, int]:
    s = claim.sentence
    return s.text, claim.span.start - s.start, claim.span.end - s.start


# --- records ------------------------------------------------------------------------------------------------------


def _series_of(ctx: _Context, found: Verdict | Candidate | list[Candidate]) -> tuple[MeasureMatch, dict[int, Observation], Observation] | None:
    """The subject's whole-year levels of the one measure the claim names or matches, for a change or a multiple."""
    one = _one(found) or _named_measure(ctx)
    if one is None or ctx.claim.subject is None:
        return None
    match, records = one
    levels = _levels(records)
    if not levels:
        return None
    return match, levels, next(iter(levels.values()))


def _levels(records: list[Observation]) -> dict[int, Observation]:
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


def _measure(ctx: _Context, label: str, currency: str | None) -> Measure | None:
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


def _year_of(claim: Claim) -> tuple[int | None, bool]:
    """The year a stated level holds for, and whether it is implicit (no period: the latest record before the document's date)."""
    p = claim.period
    if p is None:
        return None, True
    if not p.year_known or p.end is None or (p.start is not None and p.start.year != p.end.year):
        return None, False
    return p.end.year, False


# --- verdicts -----------------------------------------------------------------------------------------------------


def _verdict(reason: str, explanation: str, evidence: list[Observation] | None = None, reference: str | None = None,
             measure: Measure | None = None, computation: Computation | None = None) -> Verdict:
    return Verdict(REASONS[reason].verdict, reason, explanation, list(evidence or []), reference,
                   measure.key if measure else None, 100.0 if measure else None, computation)


def _decide(ctx: _Context, computation: Computation, records: list[Observation], measure: Measure | None,
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
        return _verdict(reason, f"{fits.words}: {fits.symbols} = {fits.shown}, which fits {said} ({means})", records,
                        fits.shown, measure, fits)
    plausible = [(p, c) for p, c in positions if _near(q.value, c.value)]
    if also is not None and len(plausible) == 1:
        computation = replace(plausible[0][1], low=computation.low, high=computation.high)  # the one reading near the figure decides
        positions = plausible
    sides = {p for p, _ in positions}
    if len(sides) != 1:
        return _verdict("ambiguous", f"{computation.words}: {computation.symbols} = {computation.shown}; the admissible readings "
                        f"lie on both sides of {said}", records, computation.shown, measure, computation)
    side = sides.pop()
    found = _verdict(miss_reason(q, side), f"{computation.words}: {computation.symbols} = {computation.shown}; {said} "
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
        if not (1 / _PLAUSIBLE <= ratio <= _PLAUSIBLE):
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
    return computed != 0 and 1 / _PLAUSIBLE <= abs(stated / computed) <= _PLAUSIBLE


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


def _one(found: Verdict | Candidate | list[Candidate]) -> Candidate | None:
    if isinstance(found, tuple):
        return found
    if isinstance(found, list) and len(found) == 1:
        return found[0]
    return None


def _named_measure(ctx: _Context) -> Candidate | None:
    """The one measure the sentence names for the figure that has level records for the subject (a change's records are
    levels, so matching found them in 'another unit')."""
    claim = ctx.claim
    if claim.subject is None:
        return None
    found: list[Candidate] = []
    for key in claim.measure_keys:
        measure = ctx.index.get(key)
        records = ctx.fetch(measure, claim.subject.id) if measure is not None else []
        if measure is not None and _levels(records):
            found.append((MeasureMatch(measure, 100.0, claim.measure), records))
    return found[0] if len(found) == 1 else None


def _what(measure: Measure) -> str:
    return measure.id.replace("_", " ")


# --- operations ---------------------------------------------------------------------------------------------------


def _change(ctx: _Context, found: Verdict | Candidate | list[Candidate], text: str, start: int, end: int) -> Verdict | None:
    """A change between two periods: absolute, in percent, or a compound annual rate."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    if q.change is None and words.direction(claim.role_cue or "") == "decrease" and q.value > 0:
        q = replace(q, value=-q.value, value_high=-q.value_high if q.value_high is not None else None, change="decrease")
        ctx.quantity = q  # "a drop of 2%": the figure is a change of -2%
    series = _series_of(ctx, found)
    if series is None:
        return None
    match, levels, sample = series
    annual = bool(words.ANNUAL_AFTER.match(text[end:end + 60]) or words.ANNUAL_BEFORE.search(text, max(0, start - 50), start))
    if q.unit == "%" and sample.unit != "%":
        if sample.currency is not None and not words.NOMINAL.search(text):
            return _verdict("real_growth_not_judged", f"a growth rate of {match.label} ('{q.text}'): such rates are usually real "
                            f"(at constant prices), the records are in current {sample.currency}; not judged", measure=match.measure)
        op = "percent"
    elif q.unit == "pp" and sample.unit == "%":
        op = "points"
    elif q.unit is None and q.currency == sample.currency and sample.unit != "%":
        if sample.currency is not None and words.NOT_CURRENT.search(text):
            return _verdict("not_current_prices", f"a change in real, constant-price or PPP terms ('{q.text}'); the records are in "
                            f"current {sample.currency}: not judged", measure=match.measure)
        op = "absolute"
    else:
        return None
    years = words.two_years(claim, text, start, end)
    if years is None:
        return _verdict("change_period_unclear", f"a change ('{q.text}') whose two periods the sentence does not give plainly "
                        f"({claim.period.text if claim.period else 'no period'}): not computed", measure=match.measure)
    y1, y2 = years
    if y1 not in levels or y2 not in levels:
        missing = ", ".join(str(y) for y in (y1, y2) if y not in levels)
        return _verdict("period_mismatch", f"a change from {y1} to {y2} needs a record for each year; {match.label} has none for "
                        f"{claim.subject.name} in {missing}", measure=match.measure)
    a, b = levels[y1], levels[y2]
    what = _what(match.measure)
    if a.value == 0:
        return None
    if op == "absolute":
        return _decide(ctx, derived.change(a, b, what), [a, b], match.measure)
    if op == "points":
        return _decide(ctx, derived.points_change(a, b, what), [a, b], match.measure)
    if annual or y2 - y1 == 1:
        return _decide(ctx, derived.annual_growth(a, b, what), [a, b], match.measure)
    # a percentage over several years without "a year": the total change, or (writers often leave it out) the annual rate
    return _decide(ctx, derived.percent_change(a, b, what), [a, b], match.measure, also=derived.annual_growth(a, b, what))


def _multiple(ctx: _Context, found: Verdict | Candidate | list[Candidate], text: str) -> Verdict | None:
    """A multiplier between two periods ('doubled between 1990 and 2015', 'a 2.5-fold increase'): later / earlier.

    Only between two stated years: 'doubled since 2000' is ``change_period_unclear`` (the document's date is no year a
    writer measured to). A multiple of a money measure is, like a growth rate, usually real: not judged unless nominal.
    """
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    series = _series_of(ctx, found)
    if series is None:
        return None
    match, levels, sample = series
    if sample.unit == "%":
        return None  # "inflation doubled": a multiple of a rate, not computed
    if sample.currency is not None and words.NOT_CURRENT.search(text):
        return _verdict("not_current_prices", f"a multiple in real, constant-price or PPP terms ('{q.text}'); the records are in "
                        f"current {sample.currency}: not judged", measure=match.measure)
    if sample.currency is not None and not words.NOMINAL.search(text):
        return _verdict("real_growth_not_judged", f"a multiple of {match.label} ('{q.text}'): such growth is usually real "
                        f"(at constant prices), the records are in current {sample.currency}; not judged", measure=match.measure)
    p = claim.period
    if p is None or p.kind != "range" or words.VAGUE_SPAN.search(text) or p.inherited or not p.year_known or p.start is None or p.end is None \
            or p.start.year >= p.end.year:
        return _verdict("change_period_unclear", f"a multiple ('{q.text}') whose two periods the sentence does not give plainly "
                        f"({p.text if p else 'no period'}): not computed", measure=match.measure)
    y1, y2 = p.start.year, p.end.year
    if y1 not in levels or y2 not in levels or levels[y1].value <= 0:
        missing = ", ".join(str(y) for y in (y1, y2) if y not in levels)
        return _verdict("period_mismatch", f"a multiple from {y1} to {y2} needs a record for each year; {match.label} has none for "
                        f"{claim.subject.name} in {missing or y1}", measure=match.measure)
    a, b = levels[y1], levels[y2]
    return _decide(ctx, derived.multiple(a, b, _what(match.measure)), [a, b], match.measure)


def _per_capita(ctx: _Context, text: str) -> Verdict | None:
    """GDP per capita = GDP / population, for the same subject and year."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    if claim.subject is None:
        return None
    if words.NOT_CURRENT.search(text):
        return _verdict("not_current_prices", f"a per-capita figure in PPP, real or constant-price terms ('{q.text}'); the sources "
                        "give GDP in current US dollars: not judged")
    gdp = _measure(ctx, "gdp", q.currency)
    people = _measure(ctx, "population", None)
    if gdp is None or people is None:
        return None
    money, heads = _levels(ctx.fetch(gdp, claim.subject.id)), _levels(ctx.fetch(people, claim.subject.id))
    years = sorted(set(money) & set(heads))
    return _by_year(ctx, years, lambda y: (derived.ratio(money[y], heads[y], "GDP per capita", "GDP", "population"),
                                           [money[y], heads[y]]), gdp, "GDP and population")


def _share_of_world(ctx: _Context, what: str) -> Verdict | None:
    """A country's share of the world's total: the country's level / the world's level × 100."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    if claim.subject is None or not is_country(claim.subject):
        return None
    money = what.lower() not in ("population", "inhabitants", "people")
    measure = _measure(ctx, "gdp" if money else "population", "USD" if money else None)
    if measure is None:
        return None
    total = _levels(ctx.fetch(measure, WORLD))
    if not total:
        return _verdict("total_missing", f"a share of the world's {what}: '{measure.key}' has no record for the world", measure=measure)
    part = _levels(ctx.fetch(measure, claim.subject.id))
    years = sorted(set(part) & set(total))
    label = _what(measure)
    return _by_year(ctx, years, lambda y: (derived.share(part[y], total[y], label), [part[y], total[y]]), measure,
                    f"{label} of {claim.subject.name} and of the world")


def _by_year(ctx: _Context, years: list[int], compute: Callable[[int], tuple[Computation, list[Observation]]],
             measure: Measure, needs: str) -> Verdict:
    """Judge a computation for the stated year, or, with no year, the latest before the document's date (an older one
    within the vintage window that fits makes it ``other_vintage``, as for levels)."""
    claim = ctx.claim
    year, implicit = _year_of(claim)
    if year is None and not implicit:
        return _verdict("period_mismatch", f"'{claim.period.text if claim.period else ''}' is not one year: not computed",
                        measure=measure)
    if implicit:
        if ctx.doc_date is None:
            return _verdict("no_period", "the claim names no year and the document has no date", measure=measure)
        usable = [y for y in years if date(y, 12, 31) <= ctx.doc_date]  # as for levels: a year's record once the year is over
        if not usable:
            return _verdict("period_mismatch", f"no year with records of {needs} before the document's date", measure=measure)
        year = usable[-1]
    if year not in years:
        near = ", ".join(str(y) for y in sorted(years, key=lambda y: abs(y - year))[:2]) or "none"  # type: ignore[operator]
        return _verdict("period_mismatch", f"the computation needs records of {needs} for {year}; nearest years: {near}", measure=measure)
    computation, records = compute(year)
    found = _decide(ctx, computation, records, measure)
    if implicit and found.label in (CONTRADICTED, NOT_ENOUGH_INFO) and found.reason not in ("no_period",):
        q = ctx.quantity
        assert q is not None
        span = interval(q, ctx.tolerance)
        older = [y for y in years if year - ctx.vintage_years <= y < year and span.position(compute(y)[0].value) == 0]
        if older and found.computation is not None and span.position(found.computation.value) != 0:
            y = older[-1]
            c, rs = compute(y)
            c = replace(c, low=found.computation.low, high=found.computation.high)
            return _verdict("other_vintage", f"'{q.text}' has no year: it fits {c.words} ({c.shown}), not the latest before the "
                            f"document's date ({computation.shown} for {year})", [*rs, *records], c.shown, measure, c)
    return found


def _rank(ctx: _Context, found: Verdict | Candidate | list[Candidate], text: str, end: int, extreme: bool = False) -> Verdict | None:
    """A rank among the world's countries in one year (aggregates excluded, ties said); with ``extreme``, rank 1 said by a
    superlative alone ('the most populous country', 'the world's largest economy')."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    one = _one(found) or _named_measure(ctx)  # a rank by GDP is a count, matched against dollars: 'another unit'
    if one is None or not claim.measure_keys or claim.subject is None or not is_country(claim.subject) \
            or q.value != int(q.value) or q.value < 1:
        return None
    own = re.split(r",|;|\band\b|\bbut\b", text[end:end + 80])[0]  # what this rank is by: "by nominal GDP", "by PPP"
    if one[1] and one[1][0].currency is not None and words.NOT_CURRENT.search(text if extreme else own) and not words.NOMINAL.search(own):
        return _verdict("not_current_prices", "a rank by GDP at PPP or in real terms; the records are in current "
                        f"{one[1][0].currency}: not judged", measure=one[0].measure)
    worlds = extreme and words.WORLDS_BEFORE.search(text, max(0, end - 20), end + 1) is not None  # "the world's most populous"
    if (words.GROUP_SCOPE.search(text) and not worlds) or words.scoped_here(text, end) or grouped_scope(text, end - len(q.text), end):
        within = _group_rank(ctx, one, text, end - len(q.text), end)
        if within is not None:
            return within  # else the rank's own scope is the world ("the world's 16th largest economy"; a member of the G20)
    if not worlds and not words.WORLD_SCOPE.search(text) and not words.world_by_default(text, end):
        return None  # among what? left as a rank, not compared
    match, _ = one
    by_year, countries = _countries_by_year(ctx.fetch(match.measure, None))
    year, implicit = _year_of(claim)
    if year is None:
        if not implicit or ctx.doc_date is None:
            return None
        own = [y for y, rs in by_year.items() if date(y, 12, 31) <= ctx.doc_date and any(r.entity == claim.subject.id for r in rs)]
        if not own:
            return None
        year = max(own)
    rows = by_year.get(year, [])
    what = _what(match.measure)
    if len(rows) < WORLD_COUNTRIES:
        return _verdict("rank_incomplete", f"'{match.label}' has records of {len(rows)} countries for {year}: too few to rank "
                        f"{claim.subject.name} in the world (at least {WORLD_COUNTRIES} needed)", measure=match.measure)
    if extreme:
        computed = derived.extremum(rows, claim.subject.id, what, descending=not words.SMALLEST.search(q.text))
    else:
        computed = derived.rank(rows, claim.subject.id, what, lambda r: True, descending=not words.SMALLEST.search(text))
    if computed is None:
        return _verdict("period_mismatch", f"no record of {what} for {claim.subject.name} in {year} to rank", measure=match.measure)
    missing = len(countries) - len({r.entity for r in rows})
    stated = int(q.value)
    best, worst = int(computed.value), int(computed.alternative or computed.value)
    if missing and best - missing <= stated <= worst + missing:
        shown = computed.shown
        return _verdict("rank_incomplete", f"{computed.words}: {shown}; {missing} countries have no record for {year} and could move "
                        f"it as far as {max(1, best - missing)} to {worst + missing}: not judged", rows_of(rows, claim.subject.id),
                        shown, match.measure, computed)
    records = rows_of(rows, claim.subject.id)
    if missing:
        computed = replace(computed, alternative=float(worst + missing), value=float(max(1, best - missing)),
                           words=f"{computed.words}; {missing} countries lack a record, so any rank from {max(1, best - missing)} "
                                 f"to {worst + missing}")
    return latest_rank(_decide(ctx, computed, records, match.measure), year, implicit)


def latest_rank(verdict: Verdict, year: int, implicit: bool) -> Verdict:
    """A rank the sentence gives no year for is judged on the latest record, and never contradicted on it: ranks move from
    year to year (world ranks here, ranks within a group in core.grouped)."""
    if verdict.label == CONTRADICTED and implicit:
        return replace(verdict, label=NOT_ENOUGH_INFO, reason="uncertain_reading",
                       explanation=f"{verdict.explanation}; not contradicted, as the rank's year is not stated ({year} is the latest "
                                   "record) and ranks move from year to year")
    return verdict


def _comparison(ctx: _Context, text: str, start: int) -> Verdict | None:
    """A ratio or an order between the subject's level and another country's, same measure and year ('twice as many people
    as Portugal', 'larger than Germany's'): subject / other. Both must be countries named plainly, and the measure said."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    if not words.predicated(text, start, q.text):
        return None  # "44 times the population of Macau visited", "tea exports, higher than Kenya's": not said of the subject
    read = next((c for c in comparisons(text) if text[c.start:c.end] == q.text), None)
    what = words.compared_measure(text, start, q.text, read.measure if read is not None else None)
    subject, other = claim.subject, claim.versus[0] if claim.versus is not None else None
    said = claim.versus[1] if claim.versus is not None else "?"
    if what is None:
        return _verdict("other_subject_unclear", f"a comparison with '{said}' ('{q.text}') that does not say which measure it "
                        "compares (population, GDP): not computed")
    if subject is None or other is None or not is_country(subject) or not is_country(other) or subject.id == other.id:
        whose = subject.name if subject is not None else "no subject read"
        return _verdict("other_subject_unclear", f"a comparison of {what} between {whose} and '{said}': both must be countries "
                        "named plainly in the sentence, with records; not computed")
    if read is not None and not words.other_said_plainly(text, read.other[1], what):
        return _verdict("other_subject_unclear", f"a comparison of {what} with '{said}' followed by another measure or a sum "
                        f"('{text[read.other[1]:read.other[1] + 30].strip()}'): not computed")
    money = what == "gdp"
    if money and words.NOT_CURRENT.search(text):
        return _verdict("not_current_prices", f"a comparison of GDP in PPP, real or constant-price terms ('{q.text}'); the "
                        "sources give current US dollars: not judged")
    measure = _measure(ctx, what, "USD" if money else None)
    if measure is None:
        return None
    mine, theirs = _levels(ctx.fetch(measure, subject.id)), _levels(ctx.fetch(measure, other.id))
    years = sorted(set(mine) & set(theirs))
    label = _what(measure)
    return _by_year(ctx, years, lambda y: (derived.comparison(mine[y], theirs[y], label), [mine[y], theirs[y]]), measure,
                    f"{label} of {subject.name} and of {other.name}")


def _series_extremum(ctx: _Context, found: Verdict | Candidate | list[Candidate], text: str) -> Verdict | None:
    """The subject's own level in the stated year against its window ('its highest level since 1990', 'the lowest in 20
    years'): rank 1 among the window's years. The window's first year is left out ('since 1990' may mean 1990 was higher),
    every other year needs a record, and the stated year must be the sentence's one other year."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    window = series_window(q.text)
    if window is None or words.RATE_BEFORE.search(text[:text.find(q.text)].rsplit(";", 1)[-1]):
        return None  # "grew by 0.3% in 2018, the highest since 2010": the extreme of a growth rate, not of the level
    series = _series_of(ctx, found)
    if series is None:
        return None
    match, levels, sample = series
    if sample.currency is not None and words.NOT_CURRENT.search(text):
        return _verdict("not_current_prices", f"an extreme of {match.label} in real, constant-price or PPP terms ('{q.text}'); "
                        f"the records are in current {sample.currency}: not judged", measure=match.measure)
    if sample.currency is not None and not words.NOMINAL.search(text):
        return _verdict("real_growth_not_judged", f"an extreme of {match.label} over time ('{q.text}'): such comparisons are "
                        f"usually real (at constant prices), the records are in current {sample.currency}; not judged",
                        measure=match.measure)
    kind, n = window
    year = words.stated_year(text, n if kind == "since" else None)
    if year is None or (claim.period is not None and claim.period.inherited):
        return _verdict("change_period_unclear", f"an extreme ('{q.text}') whose year the sentence does not give plainly "
                        "(one year besides the window's): not computed", measure=match.measure)
    first = n + 1 if kind == "since" else year - n + 1
    if first >= year:
        return None
    missing = [y for y in range(first, year + 1) if y not in levels]
    if missing:
        shown = ", ".join(str(y) for y in missing[:5]) + (" ..." if len(missing) > 5 else "")
        return _verdict("series_incomplete", f"'{q.text}' compares {year} with every year from {first}; {match.label} has no "
                        f"record for {claim.subject.name if claim.subject else 'the subject'} in {shown}", measure=match.measure)
    computed = derived.series_extremum(levels, year, first, _what(match.measure), highest=not words.SMALLEST.search(q.text))
    ordered = sorted((levels[y] for y in range(first, year)), key=lambda r: r.value, reverse=not words.SMALLEST.search(q.text))
    return _decide(ctx, computed, [levels[year], *ordered[:2]], match.measure)


_GROUPED: dict[int, tuple[list[Observation], dict[int, list[Observation]], set[str]]] = {}


def _countries_by_year(every: list[Observation]) -> tuple[dict[int, list[Observation]], set[str]]:
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


def grouped_scope(text: str, start: int, end: int) -> bool:
    """Whether a rank is within a group a membership list names ("Europe's 2nd most populous country", "among EU member
    states"): never the world's rank."""
    if not _MAY_NAME_GROUP.search(text):
        return False
    from . import grouped  # loaded with the first group claim
    return grouped.rank_scope(text, start, end) is not None


_MAY_NAME_GROUP = re.compile(r"Africa|Europe|Asia|America|Caribbean|Oceania|EU\b|OECD|G7|G20|ASEAN|euro", re.I)


def _group_share(ctx: _Context, before: str, after: str) -> Verdict:
    """A share of a region's or bloc's total (core.grouped), when the group has a cited list and the words are a share."""
    from . import grouped
    scope = grouped.share_scope(after)
    if scope is None or not words.HOLDS.search(before):
        return _verdict("group_not_judged", f"a share of a region's or bloc's total ('{after.strip()[:40]}'): no membership list "
                        "names the group, or the words do not plainly state the subject's share")
    return grouped.share_within(ctx, *scope)


def _group_rank(ctx: _Context, one: Candidate, text: str, start: int, end: int) -> Verdict | None:
    """A rank within a region or bloc (core.grouped), when the rank's own scope names a group with a cited list; None when
    its own scope is the world, whatever group the sentence names elsewhere."""
    from . import grouped
    key = grouped.rank_scope(text, start, end)
    if key is None and grouped.world_scope(text, start, end):
        return None
    if key is None:
        return _verdict("group_not_judged", "a rank within a region or bloc whose scope is not this rank's own or has no membership "
                        "list", measure=one[0].measure)
    return grouped.rank_within(ctx, one, key, text, descending=not words.SMALLEST.search(text))


def rows_of(rows: list[Observation], entity: str) -> list[Observation]:
    """The evidence of a rank: the ranked country's own record first, then its two neighbours on each side."""
    ordered = sorted(rows, key=lambda r: (-r.value, r.entity or ""))
    i = next(i for i, r in enumerate(ordered) if r.entity == entity)
    return [ordered[i], *ordered[max(0, i - 2):i], *ordered[i + 1:i + 3]]


__all__ = ["judge_derived"]
