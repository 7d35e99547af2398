"""Judge a derived figure: which operation it states, the records that answer it, and the verdict.

A figure the reading names as a change, a per-capita rate of GDP, a share of the world's total
or a rank is not a level, but the sources can often compute it (:mod:`factcheck.core.derived`).
This module reads which operation a claim states from the words around its figure (its own
small reading, from the sentence's text and the claim's offsets), gathers every record the
operation needs, and judges the computed value against the interval the stated figure means (the
records and the decision, shared with :mod:`grouped`, are in :mod:`derived_records`).

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

import re
from dataclasses import replace
from datetime import date

from . import derived, derived_words as words
from .certainty import read_role
from .entities import is_country
from .measures import MeasureIndex
from .comparative import SUPERLATIVE_TEXT, comparisons, series_window
from .model import Claim, Verdict
from .reasons import SUPPORTED
from .derived_records import (
    WORLD, Candidate, Context, Fetch, by_year, countries_by_year, decide, figure_in_sentence, latest_rank, levels_by_year,
    make_verdict, measure_named, measure_words, named_measure, one_candidate, rows_of, series_of, stated_year,
)

WORLD_COUNTRIES = 150  # a source with records of fewer countries for a year cannot rank one "in the world" (the World Bank has 217)


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
    text, start, end = figure_in_sentence(claim)
    if "vague period" in claim.weak or words.PART_BEFORE.search(text, 0, start):
        return None  # a change "in the 1960s"; "each of these five states grew by a third": not the subject's, or not now
    weak = claim.weak
    other = claim.versus[0] if claim.versus is not None else None
    if other is not None:  # a comparison names its other subject: that one more country is no doubt about the subject
        countries = countries - {other.id}
        weak = tuple(w for w in weak if not (w.endswith("of 2 names in the sentence") and other.id in countries | {other.id}))
    if claim.subject is not None and len(countries | {claim.subject.id}) > 1:
        weak = (*weak, f"'{claim.subject.name}' is one of {len(countries | {claim.subject.id})} countries the sentence names")
    ctx = Context(claim, weak, index, fetch, min_score, tolerance, doc_date, vintage_years)
    found_verdict = _operation(ctx, found, text, start, end)
    if found_verdict is not None and found_verdict.label == SUPPORTED and weak:
        return None
    return found_verdict


def _operation(ctx: Context, found: Verdict | Candidate | list[Candidate], text: str, start: int, end: int) -> Verdict | None:
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


def _change(ctx: Context, found: Verdict | Candidate | list[Candidate], text: str, start: int, end: int) -> Verdict | None:
    """A change between two periods: absolute, in percent, or a compound annual rate."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    if q.change is None and words.direction(claim.role_cue or "") == "decrease" and q.value > 0:
        q = replace(q, value=-q.value, value_high=-q.value_high if q.value_high is not None else None, change="decrease",
                    qualifier=q.qualifier.negated())
        ctx.quantity = q  # "a drop of 2%": the figure is a change of -2%; "shrunk by more than 16%": less than -16%
    series = series_of(ctx, found)
    if series is None:
        return None
    match, levels, sample = series
    annual = bool(words.ANNUAL_AFTER.match(text[end:end + 60]) or words.ANNUAL_BEFORE.search(text, max(0, start - 50), start))
    if q.unit == "%" and sample.unit != "%":
        if sample.currency is not None and not words.NOMINAL.search(text):
            return make_verdict("real_growth_not_judged", f"a growth rate of {match.label} ('{q.text}'): such rates are usually real "
                                f"(at constant prices), the records are in current {sample.currency}; not judged", measure=match.measure)
        op = "percent"
    elif q.unit == "pp" and sample.unit == "%":
        op = "points"
    elif q.unit is None and q.currency == sample.currency and sample.unit != "%":
        if sample.currency is not None and words.NOT_CURRENT.search(text):
            return make_verdict("not_current_prices", f"a change in real, constant-price or PPP terms ('{q.text}'); the records are in "
                                f"current {sample.currency}: not judged", measure=match.measure)
        op = "absolute"
    else:
        return None
    years = words.two_years(claim, text, start, end)
    if years is None:
        return make_verdict("change_period_unclear", f"a change ('{q.text}') whose two periods the sentence does not give plainly "
                            f"({claim.period.text if claim.period else 'no period'}): not computed", measure=match.measure)
    y1, y2 = years
    if y1 not in levels or y2 not in levels:
        missing = ", ".join(str(y) for y in (y1, y2) if y not in levels)
        return make_verdict("period_mismatch", f"a change from {y1} to {y2} needs a record for each year; {match.label} has none for "
                            f"{claim.subject.name} in {missing}", measure=match.measure)
    a, b = levels[y1], levels[y2]
    what = measure_words(match.measure)
    if a.value == 0:
        return None
    if op == "absolute":
        return decide(ctx, derived.change(a, b, what), [a, b], match.measure)
    if op == "points":
        return decide(ctx, derived.points_change(a, b, what), [a, b], match.measure)
    if annual or y2 - y1 == 1:
        return decide(ctx, derived.annual_growth(a, b, what), [a, b], match.measure)
    # a percentage over several years without "a year": the total change, or (writers often leave it out) the annual rate
    return decide(ctx, derived.percent_change(a, b, what), [a, b], match.measure, also=derived.annual_growth(a, b, what))


def _multiple(ctx: Context, found: Verdict | Candidate | list[Candidate], text: str) -> Verdict | None:
    """A multiplier between two periods ('doubled between 1990 and 2015', 'a 2.5-fold increase'): later / earlier.

    Only between two stated years: 'doubled since 2000' is ``change_period_unclear`` (the document's date is no year a
    writer measured to). A multiple of a money measure is, like a growth rate, usually real: not judged unless nominal.
    """
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    series = series_of(ctx, found)
    if series is None:
        return None
    match, levels, sample = series
    if sample.unit == "%":
        return None  # "inflation doubled": a multiple of a rate, not computed
    if sample.currency is not None and words.NOT_CURRENT.search(text):
        return make_verdict("not_current_prices", f"a multiple in real, constant-price or PPP terms ('{q.text}'); the records are in "
                            f"current {sample.currency}: not judged", measure=match.measure)
    if sample.currency is not None and not words.NOMINAL.search(text):
        return make_verdict("real_growth_not_judged", f"a multiple of {match.label} ('{q.text}'): such growth is usually real "
                            f"(at constant prices), the records are in current {sample.currency}; not judged", measure=match.measure)
    p = claim.period
    if p is None or p.kind != "range" or words.VAGUE_SPAN.search(text) or p.inherited or not p.year_known or p.start is None or p.end is None \
            or p.start.year >= p.end.year:
        return make_verdict("change_period_unclear", f"a multiple ('{q.text}') whose two periods the sentence does not give plainly "
                            f"({p.text if p else 'no period'}): not computed", measure=match.measure)
    y1, y2 = p.start.year, p.end.year
    if y1 not in levels or y2 not in levels or levels[y1].value <= 0:
        missing = ", ".join(str(y) for y in (y1, y2) if y not in levels)
        return make_verdict("period_mismatch", f"a multiple from {y1} to {y2} needs a record for each year; {match.label} has none for "
                            f"{claim.subject.name} in {missing or y1}", measure=match.measure)
    a, b = levels[y1], levels[y2]
    return decide(ctx, derived.multiple(a, b, measure_words(match.measure)), [a, b], match.measure)


def _per_capita(ctx: Context, text: str) -> Verdict | None:
    """GDP per capita = GDP / population, for the same subject and year."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    if claim.subject is None:
        return None
    if words.NOT_CURRENT.search(text):
        return make_verdict("not_current_prices", f"a per-capita figure in PPP, real or constant-price terms ('{q.text}'); the sources "
                            "give GDP in current US dollars: not judged")
    gdp = measure_named(ctx, "gdp", q.currency)
    people = measure_named(ctx, "population", None)
    if gdp is None or people is None:
        return None
    money, heads = levels_by_year(ctx.fetch(gdp, claim.subject.id)), levels_by_year(ctx.fetch(people, claim.subject.id))
    years = sorted(set(money) & set(heads))
    return by_year(ctx, years, lambda y: (derived.ratio(money[y], heads[y], "GDP per capita", "GDP", "population"),
                                           [money[y], heads[y]]), gdp, "GDP and population")


def _share_of_world(ctx: Context, what: str) -> Verdict | None:
    """A country's share of the world's total: the country's level / the world's level × 100."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    if claim.subject is None or not is_country(claim.subject):
        return None
    money = what.lower() not in ("population", "inhabitants", "people")
    measure = measure_named(ctx, "gdp" if money else "population", "USD" if money else None)
    if measure is None:
        return None
    total = levels_by_year(ctx.fetch(measure, WORLD))
    if not total:
        return make_verdict("total_missing", f"a share of the world's {what}: '{measure.key}' has no record for the world", measure=measure)
    part = levels_by_year(ctx.fetch(measure, claim.subject.id))
    years = sorted(set(part) & set(total))
    label = measure_words(measure)
    return by_year(ctx, years, lambda y: (derived.share(part[y], total[y], label), [part[y], total[y]]), measure,
                    f"{label} of {claim.subject.name} and of the world")


def _rank(ctx: Context, found: Verdict | Candidate | list[Candidate], text: str, end: int, extreme: bool = False) -> Verdict | None:
    """A rank among the world's countries in one year (aggregates excluded, ties said); with ``extreme``, rank 1 said by a
    superlative alone ('the most populous country', 'the world's largest economy')."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    one = one_candidate(found) or named_measure(ctx)  # a rank by GDP is a count, matched against dollars: 'another unit'
    if one is None or not claim.measure_keys or claim.subject is None or not is_country(claim.subject) \
            or q.value != int(q.value) or q.value < 1:
        return None
    own = re.split(r",|;|\band\b|\bbut\b", text[end:end + 80])[0]  # what this rank is by: "by nominal GDP", "by PPP"
    if one[1] and one[1][0].currency is not None and words.NOT_CURRENT.search(text if extreme else own) and not words.NOMINAL.search(own):
        return make_verdict("not_current_prices", "a rank by GDP at PPP or in real terms; the records are in current "
                            f"{one[1][0].currency}: not judged", measure=one[0].measure)
    worlds = extreme and words.WORLDS_BEFORE.search(text, max(0, end - 20), end + 1) is not None  # "the world's most populous"
    if (words.GROUP_SCOPE.search(text) and not worlds) or words.scoped_here(text, end) or grouped_scope(text, end - len(q.text), end):
        within = _group_rank(ctx, one, text, end - len(q.text), end)
        if within is not None:
            return within  # else the rank's own scope is the world ("the world's 16th largest economy"; a member of the G20)
    if not worlds and not words.WORLD_SCOPE.search(text) and not words.world_by_default(text, end):
        return None  # among what? left as a rank, not compared
    match, _ = one
    by_year, countries = countries_by_year(ctx.fetch(match.measure, None))
    year, implicit = stated_year(claim)
    if year is None:
        if not implicit or ctx.doc_date is None:
            return None
        own = [y for y, rs in by_year.items() if date(y, 12, 31) <= ctx.doc_date and any(r.entity == claim.subject.id for r in rs)]
        if not own:
            return None
        year = max(own)
    rows = by_year.get(year, [])
    what = measure_words(match.measure)
    if len(rows) < WORLD_COUNTRIES:
        return make_verdict("rank_incomplete", f"'{match.label}' has records of {len(rows)} countries for {year}: too few to rank "
                            f"{claim.subject.name} in the world (at least {WORLD_COUNTRIES} needed)", measure=match.measure)
    if extreme:
        computed = derived.extremum(rows, claim.subject.id, what, descending=not words.SMALLEST.search(q.text))
    else:
        computed = derived.rank(rows, claim.subject.id, what, lambda r: True, descending=_descending(text, end - len(q.text), end))
    if computed is None:
        return make_verdict("period_mismatch", f"no record of {what} for {claim.subject.name} in {year} to rank", measure=match.measure)
    missing = len(countries) - len({r.entity for r in rows})
    stated = int(q.value)
    best, worst = int(computed.value), int(computed.alternative or computed.value)
    if missing and best - missing <= stated <= worst + missing:
        shown = computed.shown
        return make_verdict("rank_incomplete", f"{computed.words}: {shown}; {missing} countries have no record for {year} and could move "
                            f"it as far as {max(1, best - missing)} to {worst + missing}: not judged", rows_of(rows, claim.subject.id),
                            shown, match.measure, computed)
    records = rows_of(rows, claim.subject.id)
    if missing:
        computed = replace(computed, alternative=float(worst + missing), value=float(max(1, best - missing)),
                           words=f"{computed.words}; {missing} countries lack a record, so any rank from {max(1, best - missing)} "
                                 f"to {worst + missing}")
    return latest_rank(decide(ctx, computed, records, match.measure), year, implicit)


def _comparison(ctx: Context, text: str, start: int) -> Verdict | None:
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
        return make_verdict("other_subject_unclear", f"a comparison with '{said}' ('{q.text}') that does not say which measure it "
                            "compares (population, GDP): not computed")
    if subject is None or other is None or not is_country(subject) or not is_country(other) or subject.id == other.id:
        whose = subject.name if subject is not None else "no subject read"
        return make_verdict("other_subject_unclear", f"a comparison of {what} between {whose} and '{said}': both must be countries "
                            "named plainly in the sentence, with records; not computed")
    if read is not None and not words.other_said_plainly(text, read.other[1], what):
        return make_verdict("other_subject_unclear", f"a comparison of {what} with '{said}' followed by another measure or a sum "
                            f"('{text[read.other[1]:read.other[1] + 30].strip()}'): not computed")
    money = what == "gdp"
    if money and words.NOT_CURRENT.search(text):
        return make_verdict("not_current_prices", f"a comparison of GDP in PPP, real or constant-price terms ('{q.text}'); the "
                            "sources give current US dollars: not judged")
    measure = measure_named(ctx, what, "USD" if money else None)
    if measure is None:
        return None
    mine, theirs = levels_by_year(ctx.fetch(measure, subject.id)), levels_by_year(ctx.fetch(measure, other.id))
    years = sorted(set(mine) & set(theirs))
    label = measure_words(measure)
    return by_year(ctx, years, lambda y: (derived.comparison(mine[y], theirs[y], label), [mine[y], theirs[y]]), measure,
                    f"{label} of {subject.name} and of {other.name}")


def _series_extremum(ctx: Context, found: Verdict | Candidate | list[Candidate], text: str) -> Verdict | None:
    """The subject's own level in the stated year against its window ('its highest level since 1990', 'the lowest in 20
    years'): rank 1 among the window's years. The window's first year is left out ('since 1990' may mean 1990 was higher),
    every other year needs a record, and the stated year must be the sentence's one other year."""
    claim, q = ctx.claim, ctx.claim.quantity
    assert q is not None
    window = series_window(q.text)
    if window is None or words.RATE_BEFORE.search(text[:text.find(q.text)].rsplit(";", 1)[-1]):
        return None  # "grew by 0.3% in 2018, the highest since 2010": the extreme of a growth rate, not of the level
    series = series_of(ctx, found)
    if series is None:
        return None
    match, levels, sample = series
    if sample.currency is not None and words.NOT_CURRENT.search(text):
        return make_verdict("not_current_prices", f"an extreme of {match.label} in real, constant-price or PPP terms ('{q.text}'); "
                            f"the records are in current {sample.currency}: not judged", measure=match.measure)
    if sample.currency is not None and not words.NOMINAL.search(text):
        return make_verdict("real_growth_not_judged", f"an extreme of {match.label} over time ('{q.text}'): such comparisons are "
                            f"usually real (at constant prices), the records are in current {sample.currency}; not judged",
                            measure=match.measure)
    kind, n = window
    year = words.stated_year(text, n if kind == "since" else None)
    if year is None or (claim.period is not None and claim.period.inherited):
        return make_verdict("change_period_unclear", f"an extreme ('{q.text}') whose year the sentence does not give plainly "
                            "(one year besides the window's): not computed", measure=match.measure)
    first = n + 1 if kind == "since" else year - n + 1
    if first >= year:
        return None
    missing = [y for y in range(first, year + 1) if y not in levels]
    if missing:
        shown = ", ".join(str(y) for y in missing[:5]) + (" ..." if len(missing) > 5 else "")
        return make_verdict("series_incomplete", f"'{q.text}' compares {year} with every year from {first}; {match.label} has no "
                            f"record for {claim.subject.name if claim.subject else 'the subject'} in {shown}", measure=match.measure)
    computed = derived.series_extremum(levels, year, first, measure_words(match.measure), highest=not words.SMALLEST.search(q.text))
    ordered = sorted((levels[y] for y in range(first, year)), key=lambda r: r.value, reverse=not words.SMALLEST.search(q.text))
    return decide(ctx, computed, [levels[year], *ordered[:2]], match.measure)


def grouped_scope(text: str, start: int, end: int) -> bool:
    """Whether a rank is within a group a membership list names ("Europe's 2nd most populous country", "among EU member
    states"): never the world's rank."""
    if not _MAY_NAME_GROUP.search(text):
        return False
    from . import grouped  # loaded with the first group claim
    return grouped.rank_scope(text, start, end) is not None


_MAY_NAME_GROUP = re.compile(r"Africa|Europe|Asia|America|Caribbean|Oceania|EU\b|OECD|G7|G20|ASEAN|euro", re.I)


def _group_share(ctx: Context, before: str, after: str) -> Verdict:
    """A share of a region's or bloc's total (core.grouped), when the group has a cited list and the words are a share."""
    from . import grouped
    scope = grouped.share_scope(after)
    if scope is None or not words.HOLDS.search(before):
        return make_verdict("group_not_judged", f"a share of a region's or bloc's total ('{after.strip()[:40]}'): no membership list "
                            "names the group, or the words do not plainly state the subject's share")
    return grouped.share_within(ctx, *scope)


def _group_rank(ctx: Context, one: Candidate, text: str, start: int, end: int) -> Verdict | None:
    """A rank within a region or bloc (core.grouped), when the rank's own scope names a group with a cited list; None when
    its own scope is the world, whatever group the sentence names elsewhere."""
    from . import grouped
    key = grouped.rank_scope(text, start, end)
    if key is None and grouped.world_scope(text, start, end):
        return None
    if key is None:
        return make_verdict("group_not_judged", "a rank within a region or bloc whose scope is not this rank's own or has no membership "
                            "list", measure=one[0].measure)
    return grouped.rank_within(ctx, one, key, text, descending=_descending(text, start, end))


def _descending(text: str, start: int, end: int) -> bool:
    """Whether a rank counts from the largest: its own words, up to the next comma, say no "smallest", "least", "poorest"
    ("Ethiopia, the second-most populous country in Africa, was the third-poorest": the first rank counts from the
    largest; a real page's had been counted from the smallest, for the other rank's word)."""
    return not words.SMALLEST.search(re.split(r"[,;]", text[start:end + 40], maxsplit=1)[0])


__all__ = ["judge_derived"]
