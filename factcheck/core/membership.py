"""Verdicts on claims without a figure: a named item of an enumeration, or a statement of participation.

A member claim ("the mission made site visits to ... Chengdu ...") is checked
against *set* records: each names one member of a set (the places a mission
visited), its type, the larger place it lies in, and whether its publication
gives the whole set. In order:

1. a record names the item itself: supported (``member_listed``);
2. records name only the larger place the item lies in (Sichuan for Chengdu,
   known from a *places* source): not enough info (``member_region_only``): a
   visit to the province is not a visit to the city, and the verdict says so;
3. a publication that gives the complete set does not list it: contradicted
   (``not_a_member``);
4. otherwise not enough info (``member_not_listed``).
"""

from __future__ import annotations

from .matching import Fetch, Settings, resolve, verdict
from .measures import MeasureIndex
from .model import Claim, Observation, Verdict

Places = dict[str, Observation]  # lower-cased place name -> its gazetteer record


def judge_member(claim: Claim, sets: MeasureIndex, fetch: Fetch, places: Places, settings: Settings) -> Verdict:
    item = claim.item or claim.text
    found = resolve(claim, sets, fetch, settings, None, "set")
    if isinstance(found, Verdict):
        return found
    top, records = found
    about = sorted({r.entity for r in records if r.entity})
    if claim.subject is None and about:
        # a set is about someone (the places a mission visited): a list of places in a sentence about
        # nobody in particular is not a statement about that set, and is never judged against it
        return verdict("no_matching_source", f"'{top.label}' lists what {', '.join(about)} did; the sentence names no one it is about")
    named = [r for r in records if _same(r.member, item)]
    if named:
        sources = _sources(named)
        return verdict("member_listed", f"{sources} name{'s' if len(named) == 1 else ''} {item} among the "
                                         f"{top.measure.labels[0]}", named, item, top)
    place = places.get(item.lower())
    region = place.part_of if place else None
    if place is not None and region:
        regional = [r for r in records if _same(r.member, region)]
        if regional:
            what = place.member_type or "place"
            return verdict(
                "member_region_only",
                f"{_sources(regional)} name {region}, the {regional[0].member_type or 'region'} {item} (a {what}) lies in, "
                f"not {item} itself: that supports '{region}', not '{item}'",
                [*regional, place], region, top,
            )
    complete = [r for r in records if r.complete]
    if complete:
        listed = sorted({r.member for r in complete if r.member})
        return verdict("not_a_member", f"{_sources(complete)} give{'s' if len(complete) == 1 else ''} the whole set "
                                        f"({', '.join(listed)}); {item} is not in it", complete, ", ".join(listed), top)
    listed = sorted({r.member for r in records if r.member})
    return verdict("member_not_listed", f"the records list {', '.join(listed)}, not {item}; none says its list is complete",
                    records, None, top)


def judge_statement(claim: Claim) -> Verdict:
    return verdict("unsourced_statement",
                    f"a statement of participation or event ('{claim.measure} {claim.item}'); no configured source records such events")


def _same(a: str | None, b: str) -> bool:
    return a is not None and a.strip().lower() == b.strip().lower()


def _sources(records: list[Observation]) -> str:
    names = list(dict.fromkeys(r.publisher or r.provenance.title for r in records))
    return names[0] if len(names) == 1 else f"{len(names)} sources ({'; '.join(names)})"
