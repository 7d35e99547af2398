"""Match a claim with reference records and decide its verdict.

Order of evidence, strongest first:
1. independent records for the claim's own period (supports or contradicts);
2. the figure's origin, when the claim misquotes it (contradicts);
3. events that add up (or count up) to the stated total;
4. a running total bracketed by the series' earlier and later values
   (consistency, not confirmation; a value outside the bracket contradicts);
5. the origin alone: traced, not confirmed (not enough info);
6. records for other periods only (not enough info, nearest shown).
Never supported without evidence; a weak measure match cannot contradict.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from .compare import (
    DEFAULT_SPREAD,
    DEFAULT_TOLERANCE,
    Interval,
    fit_reason,
    format_value,
    interval,
    miss_reason,
    year_unstated,
)
from .measures import MeasureIndex, MeasureMatch, tied
from .lexicon import name_like, names_a_faith
from .model import Claim, Measure, Observation, Period, Qualifier, Quantity, Series, Verdict
from .certainty import CENSUS, read_role
from .derivation import judge_derived
from .derived_words import candidate, countries_named
from .reasons import CONTRADICTED, NOT_ENOUGH_INFO, REASONS, ROLE_REASONS, SUPPORTED

Fetch = Callable[[Measure, str | None], list[Observation]]
# Counting words whose figure is a number of events ("two batches"), checked by counting records.
EVENT_COUNTERS = frozenset("batches batch tranches tranche installments instalments rounds round shipments shipment waves wave".split())
DEFAULT_MIN_SCORE = 80.0
DEFAULT_VINTAGE_YEARS = 5


@dataclass(frozen=True, slots=True)
class Settings:
    min_score: float = DEFAULT_MIN_SCORE
    tolerance: float = DEFAULT_TOLERANCE
    doc_date: date | None = None
    vintage_years: int = DEFAULT_VINTAGE_YEARS  # a year-less figure fitting a record this much older is not contradicted
    spread: float = DEFAULT_SPREAD  # a miss smaller than this (relative to the record) is close_to_record, not contradicted

    def on(self, doc_date: date | None) -> Settings:
        """The same settings for a document of another date."""
        return replace(self, doc_date=doc_date)


def judge(claim: Claim, index: MeasureIndex, fetch: Fetch, settings: Settings) -> Verdict:
    """The verdict on one claim, with the records that decide it.

    Only a level of a measure for a whole subject in a certain period is compared; a figure
    with another role (a rate, a part, a rank ...) or a vague period is named and left. A
    contradiction stands only on a certain reading: one resting on a weak cue is
    ``uncertain_reading``, with the record that disagrees shown.
    """
    if claim.subject is None and claim.unknown_subject:
        if not claim.measure_keys and not index.search(claim.measure, claim.noun, claim.verb):
            return verdict("no_matching_source", f"no configured source has a measure like '{claim.measure or claim.text}'")
        if names_a_faith(claim.unknown_subject):
            return verdict("part_of_subject", f"'{claim.unknown_subject}': the followers of a religion, a part of the population, "
                           "not the whole")
        if not name_like(claim.unknown_subject):
            return verdict("unclear_subject", f"'{claim.unknown_subject}' is read where the subject would be, but it is a heading or a "
                           "common noun, not a name a source could hold")
        return _not_a_level(read_role(claim)) or verdict(
            "unknown_subject", f"the sentence is about '{claim.unknown_subject}', which no configured source has records for")
    countries = countries_named(claim) if claim.quantity is not None else frozenset()  # kept by the reading until read_role
    found = _resolve_named(claim, index, fetch) if claim.measure_keys else resolve(claim, index, fetch, settings, claim.noun)
    if isinstance(found, Verdict) and found.reason in _UNCOVERED:
        derived = _derived(claim, found, index, fetch, settings, countries)  # "GDP per capita of $1,700": no source has it, the algebra may
        if derived is not None:  # a computed answer stands only for what the figure says happened, not what is foreseen
            projected = _foreseen(claim, settings) or _projected(read_role(claim))
            if projected is not None:
                return projected
        claim.later = None  # no source could compare it: its role does not matter, and what was kept for it goes
        return derived or found
    read_role(claim)
    projected = _foreseen(claim, settings) or _projected(claim)
    if projected is not None:
        return projected  # a projection is never compared, not even by the algebra of derived figures
    not_level = _not_a_level(claim)
    if not_level is not None:
        return _derived(claim, found, index, fetch, settings, countries) or not_level
    if candidate(claim):
        derived = _derived(claim, found, index, fetch, settings, countries)  # "0.7% of the world's population", read as a level
        if derived is not None:
            return derived
    if isinstance(found, Verdict):
        return found
    candidates = found if isinstance(found, list) else [found]
    verdicts = [_judge_with(claim, records, top, settings) for top, records in candidates]
    if len({v.label for v in verdicts}) == 1:
        return _certain(claim, verdicts[0])  # two sources of one measure that agree are not ambiguous
    shown = "; ".join(f"{v.measure} says {v.label.replace('_', ' ')}" for v in verdicts)
    return verdict("ambiguous", f"measures with the same label disagree: {shown}", match=candidates[0][0])


def _derived(claim: Claim, found: Verdict | Candidate | list[Candidate], index: MeasureIndex, fetch: Fetch,
             settings: Settings, countries: frozenset[str]) -> Verdict | None:
    """A figure the records answer by computation (core.derivation), or None to judge it as before."""
    if not candidate(claim):
        return None
    judged = judge_derived(claim, found, index, fetch, settings.min_score, settings.tolerance, settings.doc_date,
                           settings.vintage_years, countries)
    if judged is None or judged.computation is None or claim.quantity is None or claim.quantity.currency is None \
            or claim.quantity.unit is not None:
        return judged
    # an amount computed from two records ("GDP per capita" = GDP / population) misses by less than publishers differ as a
    # level does: a page's "$4,109" against GDP over population, US$4,116, is close, not contradicted
    return _close(claim, judged, interval(_q(claim), settings.tolerance), settings.spread, (judged.computation.value,))


_VAGUE = "vague period"
_UNCOVERED = ("no_matching_source", "weak_match")


def _not_a_level(claim: Claim) -> Verdict | None:
    """A figure with another role than a level, or of a vague period: named, not compared."""
    if claim.role is not None:
        reason = ROLE_REASONS[claim.role]
        return verdict(reason, f"{_ROLE_WORDS[claim.role]} ('{claim.role_cue}'), not a level of the measure: not compared")
    if _VAGUE in claim.weak:
        return verdict("vague_period", "the figure's period is vague or historical: not compared with a recent record")
    return None
def _projected(claim: Claim) -> Verdict | None:
    """The verdict on a figure read as a projection ("is expected to reach"), or None."""
    return _not_a_level(claim) if claim.role == "projection" else None


def _foreseen(claim: Claim, settings: Settings) -> Verdict | None:
    """A figure for a year after the document's date is a projection, whatever its words ("Ethiopia's GDP ... 98 billion
    U.S. dollars by 2020", written in 2016): the record of that year did not exist when it was written."""
    period, written = claim.period, settings.doc_date
    if period is None or written is None or not period.year_known or period.end is None:
        return None
    first = period.start or period.end
    if first.year <= written.year:
        return None
    return verdict("projection", f"a figure for {period.text}, after the document's date ({written.isoformat()}): a projection, "
                   "not a level the records could confirm")


# A stated total more than this factor away from the record is far more often another quantity misread
# (a city, a group, a lost scale) than a wrong total: measured on real articles (EVALUATION.md).
_PLAUSIBLE = 2.0
_ROLE_WORDS = {
    "rate": "a rate or per-unit figure", "part": "a part of the subject", "share": "a share of a total", "rank": "a rank",
    "duration": "an age or a duration", "change": "a change or difference", "other_amount": "an amount of something else",
    "group_average": "a group's average", "by_sex": "a value for one sex", "comparison": "a comparison with another subject",
    "projection": "a projection or forecast",
}


def _certain(claim: Claim, found: Verdict) -> Verdict:
    """A contradiction on a weak reading becomes ``uncertain_reading``, keeping the record that disagrees; so does a bound
    the record satisfies only by being far beyond it ("the virus has spread to more than 200 people" in San Marino, a real
    page's count of the infected, had supported the population)."""
    if found.label == SUPPORTED and found.reason == "qualifier_satisfied" and claim.quantity is not None \
            and found.evidence and all(r.series == "level" for r in found.evidence):
        ratio = claim.quantity.value / found.evidence[0].value if found.evidence[0].value else None
        if ratio is not None and not (1 / _PLAUSIBLE <= ratio <= _PLAUSIBLE):
            shown = f"{ratio:.2g}" if ratio < 1 else f"{ratio:.3g}"
            return replace(found, label=NOT_ENOUGH_INFO, reason="uncertain_reading",
                           explanation=f"{found.explanation}; not taken as support: the bound is {shown} times the record, which it "
                                       "satisfies by far: more likely a part, a place or another quantity than the total")
    if found.label != CONTRADICTED:
        return found
    weak = list(claim.weak)
    levels = found.evidence and all(r.series == "level" for r in found.evidence)
    record = found.evidence[0].value if levels else None  # a sum of events or a running total is judged as it is
    stated = claim.quantity.value if claim.quantity is not None else None
    if record and stated and not (1 / _PLAUSIBLE <= stated / record <= _PLAUSIBLE):
        ratio = stated / record
        shown = f"{ratio:.2g}" if ratio < 1 else f"{ratio:.3g}"
        weak.append(f"the figure is {shown} times the record: more likely a part, a place or another quantity than a wrong total")
    if not weak:
        return found
    return Verdict(
        label=NOT_ENOUGH_INFO, reason="uncertain_reading",
        explanation=f"{found.explanation}; not contradicted, as the reading is uncertain: {'; '.join(weak)}",
        evidence=found.evidence, reference=found.reference, measure=found.measure, match_score=found.match_score,
    )


def _judge_with(claim: Claim, records: list[Observation], top: MeasureMatch, settings: Settings) -> Verdict:
    if claim.subject is None and len({r.entity for r in records}) > 1:
        return verdict("ambiguous", f"no subject named; '{top.label}' has records for {len({r.entity for r in records})} entities", match=top)
    return _decide(claim, records, top, settings)


def resolve(
    claim: Claim, index: MeasureIndex, fetch: Fetch, settings: Settings, head: str | None, what: str = "measure"
) -> Verdict | tuple[MeasureMatch, list[Observation]] | list[tuple[MeasureMatch, list[Observation]]]:
    """The claim's best measure in ``index`` and its records for the claim's subject, or the verdict that none will do.

    Shared by figures and by members of sets (``what`` names the kind in explanations).
    """
    matches = index.search(claim.measure, head, claim.verb) if claim.measure else []
    if not matches:
        return verdict("no_matching_source", f"no configured source has a {what} like '{claim.measure or claim.text}'")
    top = matches[0]
    if tied(matches, settings.min_score) and what == "measure":
        pair = [(m, fetch(m.measure, claim.subject.id if claim.subject else None)) for m in matches[:2]]
        pair = [(m, records) for m, records in pair if records]
        if len(pair) == 2:
            return pair  # two measures fit equally: judged by each, ambiguous unless they agree
    if top.score < settings.min_score:
        return verdict(
            "weak_match",
            f"nearest {what} '{top.label}' ({top.measure.source}) scores {top.score:.0f} < {settings.min_score:.0f}: too weak to decide",
            match=top,
        )
    records = fetch(top.measure, claim.subject.id if claim.subject else None)
    if not records:
        who = claim.subject.name if claim.subject else "this subject"
        return verdict("no_matching_source", f"'{top.label}' has no records for {who}", match=top)
    return top, records


Candidate = tuple[MeasureMatch, list[Observation]]


def _resolve_named(claim: Claim, index: MeasureIndex, fetch: Fetch) -> Verdict | Candidate | list[Candidate]:
    """The measure whose label the sentence names for the figure, among those with records in the claim's unit.

    Several sources may use one label ("population"): the unit decides between them (a
    percentage is not a count of people); if it cannot, the verdict is ambiguous, naming them.
    """
    measures = [m for m in (index.get(k) for k in claim.measure_keys) if m is not None]
    label = claim.measure
    who = claim.subject.id if claim.subject else None
    usable: list[tuple[Measure, list[Observation]]] = []
    mismatched: tuple[str, list[Observation], Measure] | None = None
    for m in measures:
        records = fetch(m, who)
        if not records:
            continue
        why = _unit_mismatch(claim, records)
        if why:
            mismatched = mismatched or (why, records, m)
            continue
        usable.append((m, records))
    if len(usable) == 1:
        return MeasureMatch(usable[0][0], 100.0, label), usable[0][1]
    if len(usable) > 1:
        return [(MeasureMatch(m, 100.0, label), records) for m, records in usable]  # judged by each; ambiguous if they disagree
    if mismatched is not None:
        why, records, m = mismatched
        return verdict(_mismatch_reason(claim, records), why, records[:1], match=MeasureMatch(m, 100.0, label))
    subject = claim.subject.name if claim.subject else "this subject"
    sources = ", ".join(sorted({m.source for m in measures})) or "no source"
    return verdict("no_matching_source", f"'{label}' ({sources}) has no records for {subject}",
                   match=MeasureMatch(measures[0], 100.0, label) if measures else None)


def _q(claim: Claim) -> Quantity:
    """The figure of a figure claim (the only kind this module judges; see membership.py for the others)."""
    assert claim.quantity is not None, "matching judges figure claims only"
    return claim.quantity


def _decide(claim: Claim, records: list[Observation], match: MeasureMatch, settings: Settings) -> Verdict:
    q = _q(claim)
    counting = claim.counter in EVENT_COUNTERS and all(r.series == "event" for r in records)
    if not counting:
        mismatch = _unit_mismatch(claim, records)
        if mismatch:
            return verdict(_mismatch_reason(claim, records), mismatch, records[:1], match=match)
    period, implicit = _effective_period(claim.period, settings.doc_date)
    if period is None:
        why = f"'{claim.period.text}' has no year and the document has no date" if claim.period else "the claim names no period and the document has no date"
        return verdict("no_period", why, _nearest(records, None)[:1], match=match)
    span = interval(q, settings.tolerance)
    # a stated period is answered only by records ending in its year (_same_period): those alone are looked at
    same_year = records.in_year(period.end.year) if not implicit and isinstance(records, Series) else records  # type: ignore[union-attr]
    origin = [r for r in same_year if r.origin and _same_period(r, period, implicit)]
    independent = [r for r in records if not r.origin]

    # Without a stated period only a level can be read "as of the document's date": a
    # running total before that date is a lower bound, not the figure.
    direct = [
        r for r in same_year
        if not r.origin and (r.series == "level" or (r.series == "cumulative" and not implicit)) and _same_period(r, period, implicit)
    ]
    if direct:
        found = _judge_direct(claim, direct, span, match, implicit, settings.tolerance)
        if implicit and found.label == CONTRADICTED:
            found = _other_vintage(claim, direct, span, match, settings) or _own_year(claim, independent, direct, period, span, match) or found
        found = _close(claim, found, span, settings.spread)
        return _flow_unclear(found, period) if implicit else found
    bracket = _bracket([r for r in independent if r.series == "cumulative"], period)
    against = _bracket_contradiction(claim, bracket, span, match) if bracket else None
    if against is not None:
        return against
    latest_origin = max(origin, key=lambda r: r.period_end or date.min) if origin else None
    if latest_origin is not None and not _agrees_with_origin(q, latest_origin.value):
        o = latest_origin
        return verdict(
            "misquoted_origin",
            f"its origin ({o.publisher or o.provenance.title}) gives {_fmt(o.value, claim)} for this period, not {q.text}",
            [o], _fmt(o.value, claim), match,
        )
    events = [r for r in independent if r.series == "event" and _within(r, period)]
    if events:
        return _judge_events(claim, events, span, counting, match)
    if bracket is not None and bracket[0] is not None and bracket[1] is not None:
        return _bracketed(claim, bracket, origin, match)
    if origin:
        one_sided = [r for r in (bracket or (None, None)) if r is not None]  # a bound on one side only
        shown = ", ".join(f"{_fmt(r.value, claim)} on {_day(r.period_end)}" for r in one_sided)
        extra = f"; independent records are consistent but do not bracket it ({shown})" if shown else ""
        o = max(origin, key=lambda r: r.period_end or date.min)
        return verdict(
            "origin_only",
            f"only its origin states it ({o.publisher or o.provenance.title}); no independent record {_for(period)}{extra}",
            [o, *one_sided], _fmt(o.value, claim), match,
        )
    near = _nearest(records, period.end)
    shown = "; ".join(f"{_fmt(r.value, claim)} for {_record_period(r)}" for r in near[:2])
    return verdict("period_mismatch", f"no record {_for(period)}; nearest: {shown}", near[:2], match=match)


_MISSES = frozenset(("overstated", "understated", "qualifier_violated"))
# A whole number with trailing zeros is read as rounded to its last non-zero digit ("100 million": to the hundred
# million), the reading that never invents a contradiction; a record more than this far from it is not a confirmation.
_TOO_ROUND = DEFAULT_TOLERANCE  # as far as "about" reaches


def _off(q: Quantity, x: float) -> float:
    """How far ``x`` is from the stated figure (or range), relative to it."""
    low, high = q.value, q.value_high if q.value_high is not None else q.value
    if low <= x <= high:
        return 0.0
    near = low if x < low else high
    return abs(x - near) / abs(near) if near else 0.0


def _flow_unclear(found: Verdict, period: Period) -> Verdict:
    """A money amount of a year (GDP) stated without a year is last year's or a forecast of the year the document is
    written in (a page of September 2023 giving the IMF's 2023 projections as "the GDP"): not contradicted by last
    year's record. A stock (a population) without a year is read as of the document's date, as before."""
    if found.label != CONTRADICTED or not found.evidence or any(r.currency is None for r in found.evidence):
        return found
    return year_unstated(found, period.end.year)  # type: ignore[union-attr]


def _close(claim: Claim, found: Verdict, span: Interval, spread: float, values: tuple[float, ...] | None = None) -> Verdict:
    """A contradiction by a record (or a value computed from records: ``values``) that misses the figure by less than
    publishers differ: ``close_to_record``."""
    if found.reason not in _MISSES or not found.evidence or claim.quantity is None \
            or claim.quantity.qualifier is Qualifier.APPROXIMATELY:
        return found  # "about", "around" already allow a tolerance: the spread is not added to it
    miss = max(span.miss(v) for v in (values if values is not None else [r.value for r in found.evidence]))
    if miss >= spread:
        return found
    return replace(found, label=NOT_ENOUGH_INFO, reason="close_to_record",
                   explanation=f"{found.explanation}, but by only {_percent(miss)}: less than official sources commonly "
                               f"differ by ({_percent(spread)}; --spread), so not contradicted")


def _percent(x: float) -> str:
    return f"{100 * x:.2g}%" if x < 0.001 else f"{100 * x:.1f}%".replace(".0%", "%")


def _judge_direct(claim: Claim, direct: list[Observation], span: Interval, match: MeasureMatch, implicit: bool,
                  tolerance: float = DEFAULT_TOLERANCE) -> Verdict:
    q = _q(claim)
    if implicit:
        direct = [max(direct, key=lambda r: r.period_end or date.min)]
    positions = [span.position(r.value) for r in direct]
    shown = ", ".join(sorted({_fmt(r.value, claim) for r in direct}))
    when = f" (latest record before the document's date, {_day(direct[0].period_end)})" if implicit else ""
    if all(p == 0 for p in positions):
        reason = "exact" if any(fit_reason(q, r.value) == "exact" for r in direct) else fit_reason(q, direct[0].value)
        off = max(_off(q, r.value) for r in direct)
        # a fit that rests on the figure's rounding alone: farther than "about" reaches from an exact figure, or than the
        # tolerance from an approximate one ("approximately 80 million" for 86.5 million: 80 is that round)
        if (reason == "within_rounding" and off > _TOO_ROUND) or (
                reason == "qualifier_satisfied" and q.qualifier is Qualifier.APPROXIMATELY and off > max(tolerance, _TOO_ROUND)):
            return verdict("too_round", f"{_source_name(direct[0])} gives {shown}{when}, {_percent(off)} from '{q.text}': within its "
                           "rounding only because the figure is that round, so not confirmed", direct, shown, match)
        return verdict(reason, f"{_source_name(direct[0])} gives {shown}{when}, which fits '{q.text}'", direct, shown, match)
    if all(p != 0 for p in positions) and len(set(positions)) == 1:
        reason = miss_reason(q, positions[0])
        census = " (the figure is a census count, the record an estimate: they differ by method)" if CENSUS.search(claim.sentence.text) else ""
        return verdict(reason, f"{_source_name(direct[0])} gives {shown}{when}; '{q.text}' does not fit it{census}", direct, shown, match)
    return verdict("ambiguous", f"records for the same period disagree ({shown})", direct, shown, match)


def _other_vintage(claim: Claim, levels: list[Observation], span: Interval, match: MeasureMatch, settings: Settings) -> Verdict | None:
    """A figure without a year that fits an older record of the window: stale, not wrong."""
    latest = max(levels, key=lambda r: r.period_end or date.min)
    end = latest.period_end or date.min
    window = [r for r in levels if r is not latest and r.period_end is not None
              and (end.year - r.period_end.year) <= settings.vintage_years and span.position(r.value) == 0]
    if not window:
        return None
    return _vintage(claim, max(window, key=lambda r: r.period_end or date.min), latest, match)


def _vintage(claim: Claim, fits: Observation, latest: Observation, match: MeasureMatch, which: str = "") -> Verdict:
    """``other_vintage``: the year-less figure fits ``fits`` (``which`` says what that record is), not ``latest``."""
    return verdict(
        "other_vintage",
        f"'{_q(claim).text}' has no year: it fits the record for {_record_period(fits)} ({_fmt(fits.value, claim)}){which}, "
        f"not the latest before the document's date ({_fmt(latest.value, claim)} for {_record_period(latest)})",
        [fits, latest], _fmt(fits.value, claim), match,
    )


def _own_year(claim: Claim, records: list[Observation], direct: list[Observation], period: Period, span: Interval,
              match: MeasureMatch) -> Verdict | None:
    """A figure without a year that fits the record of the year the document is dated in: newer than the latest record
    before the document's date, not wrong ("Canada's population has passed 40 million", in June 2023, against 2022's
    38.9 million; the 2023 record, a mid-year estimate, is 40.1 million)."""
    year = period.end.year  # type: ignore[union-attr]
    own = [r for r in records if r.series == "level" and r.period_end is not None and r.period_end > period.end  # type: ignore[operator]
           and r.period_end.year == year and span.position(r.value) == 0]
    if not own:
        return None
    return _vintage(claim, max(own, key=lambda r: r.period_end or date.min), max(direct, key=lambda r: r.period_end or date.min),
                    match, ", the year the document is dated in")


def _judge_events(claim: Claim, events: list[Observation], span: Interval, counting: bool, match: MeasureMatch) -> Verdict:
    q = _q(claim)
    events = sorted(events, key=lambda r: (r.period_end or date.min, r.row))
    parts = " + ".join(f"{_fmt(r.value, claim, r)} ({_day(r.period_end)})" for r in events)
    if counting:
        n = len(events)
        side = span.position(n)
        if side == 0:
            return verdict("count_of_parts", f"{n} records of {match.label}: {parts}", events, str(n), match)
        return verdict(miss_reason(q, side), f"{n} records of {match.label}, not {q.text}: {parts}", events, str(n), match)
    total = sum(r.value for r in events)
    side = span.position(total)
    if len(events) == 1:
        reason = fit_reason(q, total) if side == 0 else miss_reason(q, side)
        return verdict(reason, f"{_source_name(events[0])} gives {_fmt(total, claim)}", events, _fmt(total, claim), match)
    if side == 0:
        return verdict("sum_of_parts", f"{len(events)} records add up to {_fmt(total, claim)}: {parts}", events, _fmt(total, claim), match)
    return verdict(miss_reason(q, side), f"{len(events)} records add up to {_fmt(total, claim)}, not {q.text}: {parts}", events, _fmt(total, claim), match)


def _bracket_contradiction(
    claim: Claim, bracket: tuple[Observation | None, Observation | None], span: Interval, match: MeasureMatch
) -> Verdict | None:
    """A running total below the series' earlier value, or above its later one."""
    earlier, later = bracket
    q = _q(claim)
    if earlier is not None and span.position(earlier.value) == 1:
        return verdict(
            miss_reason(q, 1),
            f"the running total was already {_fmt(earlier.value, claim)} on {_day(earlier.period_end)}; '{q.text}' is lower",
            [earlier], _fmt(earlier.value, claim), match,
        )
    if later is not None and span.position(later.value) == -1:
        return verdict(
            miss_reason(q, -1),
            f"the running total was only {_fmt(later.value, claim)} on {_day(later.period_end)}; '{q.text}' is higher",
            [later], _fmt(later.value, claim), match,
        )
    return None


def _bracketed(
    claim: Claim, bracket: tuple[Observation | None, Observation | None], origin: list[Observation], match: MeasureMatch
) -> Verdict:
    earlier, later = bracket
    assert earlier is not None and later is not None
    shown = f"{_fmt(earlier.value, claim)} to {_fmt(later.value, claim)}"
    trace = "; its origin states it too" if origin else ""
    return verdict(
        "bracketed_by_series",
        f"between the running totals {_fmt(earlier.value, claim)} ({_day(earlier.period_end)}) "
        f"and {_fmt(later.value, claim)} ({_day(later.period_end)}): consistent, not confirmed{trace}",
        [earlier, later, *origin[:1]], shown, match,
    )


def _agrees_with_origin(q: Quantity, value: float) -> bool:
    """The origin states the same figure (its own hedge aside)."""
    top = q.value_high if q.value_high is not None else q.value
    return q.value - q.precision <= value <= top + q.precision


def _unit_mismatch(claim: Claim, records: list[Observation]) -> str | None:
    q = _q(claim)
    r = records[0]
    if q.change and r.unit != "%":
        return f"the claim states a change ('{q.text}', an {q.change}), the records give levels in {r.currency or r.unit or 'a count'}"
    if q.currency != r.currency and (q.currency or r.currency):
        return f"claim is {_stated_as(q)}, records in {r.currency or r.unit or 'a count'}"
    if (q.unit == "%") != (r.unit == "%"):
        return f"claim is {'a percentage' if q.unit == '%' else 'not a percentage'}, records are in {r.unit or 'a count'}"
    return None


def _mismatch_reason(claim: Claim, records: list[Observation]) -> str:
    """A percentage can never be a level of a measure recorded in people or money: it is a share, a rate or a growth
    the sentence does not name (a note, not a warning to act on); a count against money, or euros against dollars,
    is a unit the writer could give."""
    q = _q(claim)
    if records[0].unit == "%":
        return "unit_mismatch"
    if q.change is not None:
        return "change"  # "grew by 2%", "fell by 3 million" against levels: a change the derived figures did not judge
    if q.unit in ("%", "pp"):
        return "percentage_of_levels"
    if records[0].currency and not q.currency and not q.unit and abs(q.value) < _LEAST_MONEY_LEVEL:
        return "other_amount"  # "8", "42.7", "1,155" in a sentence about GDP: not an amount of money without its currency
    return "unit_mismatch"


_LEAST_MONEY_LEVEL = 1e6  # below it a bare figure is no economy's level of money in any unit (the smallest GDP is about US$60 million)


def _stated_as(q: Quantity) -> str:
    """How a claim's figure is stated: 'in USD', 'a percentage', 'in km2', 'a count'."""
    if q.currency:
        return f"in {q.currency}"
    return {"%": "a percentage", "pp": "in percentage points"}.get(q.unit or "", f"in {q.unit}" if q.unit else "a count")


def _effective_period(period: Period | None, doc_date: date | None) -> tuple[Period | None, bool]:
    """The claim's period; with none, 'as of the document's date' (flagged implicit)."""
    if period is not None and period.year_known and period.end is not None:
        return period, False
    if period is None and doc_date is not None:
        return Period(None, doc_date, "as of the document's date", "as_of"), True
    return None, False


def _same_period(r: Observation, period: Period, implicit: bool) -> bool:
    if implicit:
        return r.period_end is not None and r.period_end <= period.end  # type: ignore[operator]
    if _year_record_holds(r, period):
        return True
    if r.period_end != period.end:
        return False
    if period.start is None or r.period_start is None:
        return True
    return r.period_start == period.start


def _year_record_holds(r: Observation, period: Period) -> bool:
    """'as of 1 July 2018', 'in April 2019', 'at the 2011 census' (a day): a level recorded for that calendar year answers it."""
    if r.series != "level" or period.kind not in ("day", "month", "as_of") or r.period_end is None or period.end is None:
        return False
    year = r.period_end.year
    whole_year = r.period_end == date(year, 12, 31) and r.period_start in (None, date(year, 1, 1))
    return whole_year and period.end.year == year


def _within(r: Observation, period: Period) -> bool:
    end = r.period_end or r.period_start
    if end is None or end > period.end:  # type: ignore[operator]
        return False
    return period.start is None or (r.period_start or end) >= period.start


def _bracket(series: list[Observation], period: Period) -> tuple[Observation | None, Observation | None] | None:
    """The latest value before the period's end and the earliest after it, from the same start."""
    same = [r for r in series if r.period_start == period.start and r.period_end is not None]
    if not same:
        return None
    end = period.end
    before = [r for r in same if r.period_end < end]  # type: ignore[operator]
    after = [r for r in same if r.period_end > end]  # type: ignore[operator]
    earlier = max(before, key=lambda r: r.period_end) if before else None  # type: ignore[arg-type, return-value]
    later = min(after, key=lambda r: r.period_end) if after else None  # type: ignore[arg-type, return-value]
    if earlier is None and later is None:
        return None
    return earlier, later


def _nearest(records: list[Observation], when: date | None) -> list[Observation]:
    if when is None:
        return sorted(records, key=lambda r: r.period_end or date.min, reverse=True)
    return sorted(records, key=lambda r: abs(((r.period_end or date.min) - when).days))


def period_text(period: Period) -> str:
    if period.start is None:
        return f"as of {_day(period.end)}"
    if period.start == period.end:
        return _day(period.start)
    return f"{_day(period.start)} to {_day(period.end)}"


def _for(period: Period) -> str:
    text = period_text(period)
    return text if text.startswith("as of") else f"for {text}"


def _record_period(r: Observation) -> str:
    if r.period_start is None or r.period_start == r.period_end:
        return _day(r.period_end)
    return f"{_day(r.period_start)} to {_day(r.period_end)}"


def _day(d: date | None) -> str:
    return d.isoformat() if d else "an unknown date"


def _fmt(value: float, claim: Claim, record: Observation | None = None) -> str:
    currency = record.currency if record is not None else _q(claim).currency
    return format_value(value, currency, _q(claim).unit)


def _source_name(r: Observation) -> str:
    return r.publisher or r.provenance.title


def verdict(
    reason: str,
    explanation: str,
    evidence: list[Observation] | None = None,
    reference: str | None = None,
    match: MeasureMatch | None = None,
) -> Verdict:
    return Verdict(
        label=REASONS[reason].verdict,
        reason=reason,
        explanation=explanation,
        evidence=list(evidence or []),
        reference=reference,
        measure=match.measure.key if match else None,
        match_score=match.score if match else None,
    )


__all__ = ["Settings", "judge", "resolve", "verdict", "period_text", "SUPPORTED", "CONTRADICTED", "NOT_ENOUGH_INFO"]
