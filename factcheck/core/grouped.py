"""Shares of a group's total and ranks within a group: "18% of Africa's population", "the EU's second largest economy".

The group's members in the claim's year come from :mod:`factcheck.core.groups` (cited, dated lists);
its total is the sum of its members' records, never a source's aggregate row (the World Bank's
"European Union" is today's 27 members for every year, not the 28 of 2019). The rules that keep a
contradiction certain, each a named reason:

- every member the source covers (has a record of in some year) needs a record for the year, else
  ``group_incomplete`` naming the members without one; members the source never lists (Réunion,
  Western Sahara, Gibraltar: the World Bank counts no such economy) are named in the computation, and
  the total is widened by ``UNCOVERED_ALLOWANCE`` for them, so the share is an interval;
- a name that admits several lists ("Europe" with or without Turkey) is computed for each: the claim
  fits if any fits, and is contradicted only if every one misfits on the same side;
- a year whose membership changed in its middle, or that a list is not known for, is
  ``group_not_judged``, as is a group no list names ("the Balkans", "the Arab world");
- a rank the members without a record could move is ``rank_incomplete``, as for world ranks.

The scope of a rank must be this rank's own: "Africa's third most populous country", "the third
largest economy in Africa", "among EU members" (the only group the sentence names).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import date

from . import derived_words as words
from . import groups
from .compare import format_value
from .derived_records import Context, by_year, decide, latest_rank, make_verdict, measure_named, measure_words, rows_of, stated_year
from .entities import is_country
from .measures import MeasureMatch
from .model import Computation, Entity, Measure, Observation, Verdict

# Members a global source never lists are small territories (Réunion, Mayotte, Western Sahara, Gibraltar, French Guiana,
# Guadeloupe, Martinique) and micro-states (the Holy See). The total is widened by this fraction for them: their people are
# under 0.2% of any continent's (Africa's: about 2 million of 1.3 billion), their GDP about 1% (Réunion's, of Africa's).
UNCOVERED_ALLOWANCE = {"people": 0.005, "money": 0.015}
# A source with records of at least this many countries is global: a member it never lists is one it leaves out by design (the
# World Bank's 217 economies). In a smaller source, a member it never lists is simply missing: the total or rank is incomplete.
GLOBAL_COUNTRIES = 150
_NAME = groups.name_pattern
_WHAT = (r"(?P<what>population|inhabitants|people|GDP|gross[ \t]+domestic[ \t]+product|economy|economic[ \t]+output|output)")
_ADJECTIVES = {  # "among African countries": the group an adjective names
    "african": "Africa", "european": "European countries", "asian": "Asia", "eu": "the European Union",
    "european union": "the European Union",
    "oecd": "the OECD", "g7": "the G7", "g20": "the G20", "asean": "ASEAN", "latin american": "Latin America",
    "south american": "South America", "sub-saharan african": "Sub-Saharan Africa", "west african": "Western Africa",
    "east asian": "Eastern Asia", "southeast asian": "South-eastern Asia", "south-east asian": "South-eastern Asia",
    "central asian": "Central Asia", "central american": "Central America", "caribbean": "the Caribbean",
    "north american": "North America", "south asian": "Southern Asia", "eurozone": "the eurozone", "euro area": "the eurozone",
}
_ADJECTIVE = (r"(?P<adj>(?i:sub-saharan[ \t]+african|west[ \t]+african|east[ \t]+asian|south-?east[ \t]+asian|central[ \t]+asian|"
              r"central[ \t]+american|latin[ \t]+american|south[ \t]+american|north[ \t]+american|south[ \t]+asian|african|"
              r"european[ \t]+union|european|asian|caribbean|eurozone|euro[ \t]+area)|EU|OECD|G7|G20|ASEAN)")
_MEMBERS = r"(?:countries|economies|nations|states|members|member[ \t]+states|member[ \t]+countries)"
# What makes "the EU's GDP" another figure than its total: "GDP per capita", "population growth", "population living in cities".
_NOT_THE_TOTAL = (r"(?![ \t]*(?:per[ \t]|growth|increase|living|who|that|aged|under|over|below|above|"
                  r"in[ \t]+(?:cities|urban|rural|poverty)|at[ \t]+(?:PPP|purchasing)|\((?:PPP|nominal)))")
_MEMBER_NOUN = re.compile(r"[ \t]+(?:member[ \t]+states?|member[ \t]+countr(?:y|ies)|members?|states?)\b")


def _compile() -> dict[str, re.Pattern[str]]:
    name = _NAME()
    return {
        "share_possessive": re.compile(rf"^[ \t]*(?:percent|per[ \t]+cent)?[ \t]*of[ \t]+(?P<group>{name})(?:'s|\u2019s)?[ \t]+"
                                       rf"(?:total[ \t]+|combined[ \t]+|entire[ \t]+|whole[ \t]+)?{_WHAT}\b{_NOT_THE_TOTAL}"),
        "possessive": re.compile(rf"(?P<group>{name})(?:'s|\u2019s)[ \t]+(?:(?:very|own)[ \t]+)?$"),
        "after": re.compile(rf"[ \t,]*(?:in|within|among|amongst|of)[ \t]+(?:(?:the|all)[ \t]+)?(?:(?:countries|nations|economies|"
                            rf"members|member[ \t]+states)[ \t]+of[ \t]+)?(?:(?P<group>{name})(?![ \t]*-?[ \t]*(?i:countries|nations|"
                            rf"economies|members|member))\b|{_ADJECTIVE}[ \t]+{_MEMBERS}\b|(?P<group2>{name})[ \t]+{_MEMBERS}\b)"),
        "among": re.compile(rf"\b(?i:among|amongst|of|within)[ \t]+(?:(?:the|all|all[ \t]+the)[ \t]+)?(?:{_ADJECTIVE}|(?P<group>{name}))"
                            rf"(?:'s)?[ \t]+(?:\d+[ \t]+)?{_MEMBERS}\b"),
        "any": re.compile(rf"\b{_ADJECTIVE}[ \t]+{_MEMBERS}\b|\b(?P<group>{name})(?![\w-])"),
    }


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _p(key: str) -> re.Pattern[str]:
    if not _PATTERNS:
        _PATTERNS.update(_compile())  # compiled on the first group claim: the names come from the data file
    return _PATTERNS[key]


def _key(m: re.Match[str]) -> str | None:
    found = m.groupdict()
    if found.get("adj"):
        return groups.group_of_name(_ADJECTIVES.get(" ".join(found["adj"].lower().split()), ""))
    for k in ("group", "group2"):
        if found.get(k):
            return groups.group_of_name(found[k])
    return None


# --- the scope of a share or a rank -------------------------------------------------------------------------------


def share_scope(after: str) -> tuple[str, str] | None:
    """The group and the measure's word of a share stated right after the figure ("of Africa's population"), or None (also
    for "of the EU's GDP per capita", "of Africa's population living in cities": not the group's total)."""
    m = _p("share_possessive").match(after)
    if m is None:
        return None
    key = _key(m)
    return (key, m.group("what")) if key else None


def rank_scope(text: str, start: int, end: int) -> str | None:
    """The group a rank is within, when it is this rank's own: a possessive right before the ordinal ("the EU's second"),
    a scope right after its superlative ("most populous country in Africa"), or "among African countries" when the
    sentence names no other group."""
    m = _p("possessive").search(text, max(0, start - 60), start)
    if m is not None and m.end() == start:
        return _key(m)
    after = words._OF_COUNTRIES.match(text, end) or words._SUPERLATIVE.match(text, end)
    if after is not None:
        noun = _MEMBER_NOUN.match(text, after.end())  # "the fourth most populous member state of the European Union"
        m = _p("after").match(text, noun.end() if noun else after.end())
        if m is not None:
            return _key(m)
        if words._SCOPED.match(text, noun.end() if noun else after.end()) or world_scope(text, start, end):
            return None  # a scope of its own that is no listed group ("in the Balkans", "in the world")
    named = {k for k in (_key(x) for x in _p("any").finditer(text)) if k}
    among = _p("among").search(text, 0, start)
    if among is not None and len(named) == 1:
        return _key(among)  # "Among African countries, Egypt is the third most populous": before the rank, the only group named
    return None


_WORLD_BEFORE = re.compile(r"\b(?:the[ \t]+)?(?:world|globe|planet)(?:'s|\u2019s)[ \t]+$", re.I)
_WORLD_AFTER = re.compile(r"(?:[ \t]+by[ \t]+(?:nominal[ \t]+)?(?:GDP|population))?[ \t,]*(?:in|of)[ \t]+the[ \t]+world\b", re.I)


def world_scope(text: str, start: int, end: int) -> bool:
    """Whether a rank's own scope is the world: "the world's 16th largest economy", "the 8th-largest by nominal GDP in the
    world" (a group named elsewhere in the sentence, "a member of the G20", is another statement's)."""
    if _WORLD_BEFORE.search(text, max(0, start - 30), start):
        return True
    after = words._OF_COUNTRIES.match(text, end) or words._SUPERLATIVE.match(text, end)
    if after is None:
        return False
    noun = _MEMBER_NOUN.match(text, after.end()) or re.compile(r"[ \t]+(?:national[ \t]+)?(?:country|economy|nation)\b").match(
        text, after.end())
    return _WORLD_AFTER.match(text, noun.end() if noun else after.end()) is not None


# --- the algebra ----------------------------------------------------------------------------------------------------


def _compact(codes: Iterable[str], most: int = 60) -> str:
    listed = sorted(codes)
    return ", ".join(listed[:most]) + (f" and {len(listed) - most} more" if len(listed) > most else "")


def group_share(part: Observation, totals: list[tuple[groups.Reading, list[Observation], list[str]]], what: str,
                group_name: str, allowance: float = UNCOVERED_ALLOWANCE["people"]) -> Computation:
    """A part's share of a group's total, the sum of its members' records, for each reading of the group's name.

    ``value`` is the largest share an admissible total gives, ``alternative`` the smallest (a total widened for the members
    the source never lists, or another reading)."""
    shares: list[float] = []
    parts: list[str] = []
    for reading, records, uncovered in totals:
        total = sum(r.value for r in records)
        shares.append(part.value / total * 100)
        if uncovered:
            shares.append(part.value / (total * (1 + allowance)) * 100)
        left = f"; not in the source at all: {_compact(uncovered)} (the total widened by {allowance:.1%} for them)" if uncovered else ""
        parts.append(f"{reading.label}: {len(records)} members with a record ({_compact(r.entity or '' for r in records)}), "
                     f"total {format_value(total, part.currency, part.unit)}{left}")
    high, low = max(shares), min(shares)
    year = part.period_end.year if part.period_end else 0
    first_total = sum(r.value for r in totals[0][1])
    return Computation(
        "share", f"the {what} of {part.entity_name or part.entity} in {year} divided by the sum of the {what} of {group_name}'s "
        f"members in {year}, in percent; {'; '.join(parts)}",
        f"{what}({part.entity}) / \u03a3 {what}(members of {group_name}) \u00d7 100 = "
        f"{format_value(part.value, part.currency, part.unit)} / {format_value(first_total, part.currency, part.unit)} \u00d7 100",
        high, format_value(round(high, 4), None, "%") if high == low else
        f"{format_value(round(low, 4), None, '%')} to {format_value(round(high, 4), None, '%')}",
        alternative=low if low != high else None,
        alternative_words=f"the smallest share an admissible total gives: {low:.4f}%" if low != high else None)


# --- verdicts -------------------------------------------------------------------------------------------------------


def _not_judged(explanation: str, measure: Measure | None = None) -> Verdict:
    return make_verdict("group_not_judged", explanation, measure=measure)


_INDEXED: dict[int, tuple[list[Observation], dict[str, dict[int, Observation]], int]] = {}


def _indexed(records: list[Observation]) -> tuple[dict[str, dict[int, Observation]], bool]:
    """A measure's records by entity and year, and whether they cover the world's countries: computed once for the list a
    run fetched (the engine keeps one list a measure), not for every group claim. The second: whether they cover the world's
    countries (a member they never list is then left out by design)."""
    hit = _INDEXED.get(id(records))
    if hit is None or hit[0] is not records:
        every = _levels_of(records)
        if len(_INDEXED) >= 8:
            _INDEXED.clear()
        _COMPLETE.clear()  # keyed by the ids of indexes: a new one may reuse a dropped one's id
        hit = _INDEXED[id(records)] = (records, every, sum(1 for e in every if is_country(Entity(e, e))))
    return hit[1], hit[2] >= GLOBAL_COUNTRIES


def _levels_of(records: list[Observation]) -> dict[str, dict[int, Observation]]:
    """Whole-year level records by entity and year (independent records only)."""
    out: dict[str, dict[int, Observation]] = {}
    for r in records:
        if r.entity is None or r.series != "level" or r.origin or r.period_end is None:
            continue
        y = r.period_end.year
        if r.period_end != date(y, 12, 31) or r.period_start not in (None, date(y, 1, 1)):
            continue
        out.setdefault(r.entity, {}).setdefault(y, r)
    return out


_COMPLETE: dict[tuple[int, bool, str, int], bool] = {}


def _complete(every: dict[str, dict[int, Observation]], wide: bool, key: str, year: int) -> bool:
    """Whether every member of every reading of a group's name has a record for the year (cached for the run's records)."""
    k = (id(every), wide, key, year)
    found = _COMPLETE.get(k)
    if found is None:
        if len(_COMPLETE) > 4096:
            _COMPLETE.clear()
        lists = groups.readings(key, year)
        found = _COMPLETE[k] = lists is not None and all(year in every.get(m, {}) for r in lists for m in r.members
                                                          if m in every or not wide)
    return found


def _readings_for(key: str, year: int, subject: str, rank: bool = False) -> list[groups.Reading] | str:
    """The readings of a group's name in a year that count the subject as a member, or why there are none."""
    found = groups.readings(key, year, rank)
    if found is None:
        return f"the membership of {key} is not known for {year} (a member joined or left in its middle, or the list does not reach it)"
    kept = [r for r in found if subject in r.members]
    if not kept:
        return f"{subject} is not a member of {key} in {year} by {', '.join(r.label for r in found)}"
    return kept


def share_within(ctx: Context, key: str, what_word: str) -> Verdict:
    """A country's share of a group's total population or GDP."""
    claim, q = ctx.claim, ctx.quantity
    assert q is not None
    n = groups.name(key)
    money = what_word.lower() not in ("population", "inhabitants", "people")
    measure = measure_named(ctx, "gdp" if money else "population", "USD" if money else None)
    if claim.subject is None or not is_country(claim.subject) or n is None or measure is None:
        return _not_judged(f"a share of {key}'s {what_word}: the subject is not a country, or no source has the measure", measure)
    if not n.shares:
        return _not_judged(f"a share of {key}'s total: members the sources do not list weigh too much in it to compute", measure)
    label = measure_words(measure)
    every, wide = _indexed(ctx.fetch(measure, None))
    subject = claim.subject.id
    year, implicit = stated_year(claim)
    if year is not None:
        kept = _readings_for(key, year, subject)
        if isinstance(kept, str):
            return _not_judged(f"a share of {key}'s {label}: {kept}", measure)
        missing = sorted({m for r in kept for m in r.members if (m in every or not wide) and year not in every.get(m, {})})
        if missing:
            return make_verdict("group_incomplete", f"a share of {key}'s {label} in {year} needs a record of every member; "
                                f"{_compact(missing)} ha{'s' if len(missing) == 1 else 've'} none for {year}", measure=measure)

    def complete(y: int) -> bool:
        if subject not in every or y not in every[subject]:
            return False
        if _complete(every, wide, key, y):
            return True  # every reading's members have a record: so do those of the readings counting the subject
        kept = _readings_for(key, y, subject)
        return not isinstance(kept, str) and all(y in every.get(m, {}) for r in kept for m in r.members if m in every or not wide)

    if year is not None:
        years = [year] if complete(year) else []  # a stated year: the others are never used
    else:
        own = sorted((y for y in every.get(subject, {}) if ctx.doc_date is None or date(y, 12, 31) <= ctx.doc_date), reverse=True)
        latest = next((y for y in own if complete(y)), None)  # the latest complete year, and the vintage window before it
        years = sorted(y for y in own if latest is not None and latest - ctx.vintage_years <= y <= latest and complete(y))

    def compute(y: int) -> tuple[Computation, list[Observation]]:
        kept = _readings_for(key, y, subject)
        assert not isinstance(kept, str)
        totals = []
        for reading in kept:
            records = [every[m][y] for m in sorted(reading.members) if m in every]
            totals.append((reading, records, sorted(m for m in reading.members if m not in every)))
        part = every[subject][y]
        used = {r.entity: r for _, rs, _ in totals for r in rs}
        allowance = UNCOVERED_ALLOWANCE["money" if money else "people"]
        return group_share(part, totals, label, key, allowance), [part, *(r for e, r in sorted(used.items()) if e != subject)]

    if implicit and not years:
        return make_verdict("group_incomplete", f"no year with a record of every member of {key} before the document's date", measure=measure)
    return by_year(ctx, years, compute, measure, f"{label} of every member of {key}")


def rank_within(ctx: Context, one: tuple[MeasureMatch, list[Observation]], key: str, text: str, descending: bool) -> Verdict:
    """A country's rank among a group's members in one year (members without a record could move it: ``rank_incomplete``)."""
    claim, q = ctx.claim, ctx.quantity
    assert q is not None and claim.subject is not None
    match, _ = one
    label, subject = measure_words(match.measure), claim.subject.id
    every, wide = _indexed(ctx.fetch(match.measure, None))
    year, implicit = stated_year(claim)
    if year is None:
        if not implicit:
            return make_verdict("period_mismatch", f"a rank within {key} whose period is not one year: not computed", measure=match.measure)
        if ctx.doc_date is None:
            return make_verdict("no_period", "the rank names no year and the document has no date", measure=match.measure)
        recorded = [y for y in every.get(subject, {}) if date(y, 12, 31) <= ctx.doc_date]
        if not recorded:
            return make_verdict("period_mismatch", f"no record of {label} for {claim.subject.name} to rank", measure=match.measure)
        year = max(recorded)
    kept = _readings_for(key, year, subject, rank=True)
    if isinstance(kept, str):
        return _not_judged(f"a rank within {key}: {kept}", match.measure)
    if year not in every.get(subject, {}):
        return make_verdict("period_mismatch", f"no record of {label} for {claim.subject.name} in {year} to rank", measure=match.measure)
    stated = int(q.value)
    best_all, worst_all, pieces, incomplete = [], [], [], []
    if subject not in groups.not_states():  # "the fourth most populous country in the Caribbean": with Puerto Rico or without
        kept = [*kept, *(groups.Reading(f"{r.label}, states only", r.members - groups.not_states(), r.groups)
                         for r in kept if r.members & groups.not_states())]
    first: list[Observation] = []
    own = every[subject][year]
    for reading in kept:
        rows, missing = [], []
        for m in reading.members:
            found = every.get(m)
            if found is not None and year in found:
                rows.append(found[year])
            elif found is not None or not wide:
                missing.append(m)
        values = [r.value for r in rows]
        above = sum(1 for v in values if (v > own.value if descending else v < own.value))
        tied = values.count(own.value) - 1
        best, worst = above + 1, above + 1 + tied
        if missing:
            if max(1, best - len(missing)) <= stated <= worst + len(missing):
                incomplete.append(f"{reading.label}: {_compact(missing)} ha{'s' if len(missing) == 1 else 've'} no record for {year} "
                                  f"and could move it from {best} to anywhere from {max(1, best - len(missing))} to {worst + len(missing)}")
            best, worst = max(1, best - len(missing)), worst + len(missing)
        first = first or rows
        best_all.append(best)
        worst_all.append(worst)
        tie = f", tied with {tied} other{'s' if tied != 1 else ''}" if tied else ""
        lack = f"; {len(missing)} members without a record could move it" if missing else ""
        pieces.append(f"{reading.label}: place {best if best == worst else f'{best} to {worst}'} of the {len(rows)} members with a "
                      f"record{tie}{lack}")
    low, high = min(best_all), max(worst_all)
    shown = str(low) if low == high else f"{low} to {high}"
    order = "largest" if descending else "smallest"
    computed = Computation(
        "rank", f"the place of {claim.subject.name} when the members of {key} with a record of {label} for {year} are ordered from "
        f"the {order}; {'; '.join(pieces)}",
        f"1 + #{{c \u2208 {key} : {label}(c) {'>' if descending else '<'} {label}({subject})}}", float(low), shown,
        alternative=float(high) if high != low else None,
        alternative_words=f"the worst place an admissible reading gives: {high}" if high != low else None)
    records = rows_of(first, subject) if first else []
    if incomplete:
        return make_verdict("rank_incomplete", f"{computed.words}; {'; '.join(incomplete)}: not judged", records, shown, match.measure,
                            computed)
    return latest_rank(decide(ctx, computed, records, match.measure), year, implicit)


__all__ = ["GLOBAL_COUNTRIES", "UNCOVERED_ALLOWANCE", "group_share", "rank_scope", "rank_within", "share_scope", "share_within",
           "world_scope"]
