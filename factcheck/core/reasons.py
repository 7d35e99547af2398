"""The one catalogue of verdict reasons: every format and the README read it."""

from __future__ import annotations

from dataclasses import dataclass

SUPPORTED = "supported"
CONTRADICTED = "contradicted"
NOT_ENOUGH_INFO = "not_enough_info"
VERDICTS = (SUPPORTED, CONTRADICTED, NOT_ENOUGH_INFO)


@dataclass(frozen=True, slots=True)
class Reason:
    code: str
    verdict: str
    summary: str
    listed: bool = True  # False: counted in the summary, listed only on request (--all-findings)


REASONS: dict[str, Reason] = {
    r.code: r
    for r in (
        Reason("exact", SUPPORTED, "an independent record gives exactly the stated figure"),
        Reason("within_rounding", SUPPORTED, "an independent record lies within the rounding the stated figure implies"),
        Reason("qualifier_satisfied", SUPPORTED, "an independent record satisfies the stated bound or approximation"),
        Reason("sum_of_parts", SUPPORTED, "independent records of parts (e.g. batches) add up to the stated total"),
        Reason("count_of_parts", SUPPORTED, "the number of independent records of events (e.g. batches) matches the stated count"),
        Reason("bracketed_by_series", SUPPORTED, "a running total lies between the series' earlier and later values: consistency, not confirmation"),
        Reason("member_listed", SUPPORTED, "a source lists the named item itself as a member of the set (a place visited, a member of a body)"),
        Reason("origin_only", NOT_ENOUGH_INFO, "only the figure's own origin (the same publication) states it: traced, not independently confirmed"),
        Reason("overstated", CONTRADICTED, "the stated figure is above what the record gives"),
        Reason("understated", CONTRADICTED, "the stated figure is below what the record gives"),
        Reason("qualifier_violated", CONTRADICTED, "the record breaks the stated bound (more than, at least, up to, ...)"),
        Reason("misquoted_origin", CONTRADICTED, "the figure differs from the one its own origin publishes"),
        Reason("not_a_member", CONTRADICTED, "a source that gives the complete set does not list the named item"),
        Reason("close_to_record", NOT_ENOUGH_INFO, "an independent record misses the figure by less than official sources "
               "commonly differ by (a census count against an estimate, another publisher, a revision: 1% unless --spread says "
               "otherwise): the record is named, the figure not contradicted"),
        Reason("too_round", NOT_ENOUGH_INFO, "the record lies within the figure's rounding only because the figure is so round "
               "('100 million' against 121 million, 'approximately 80 million' against 86.5 million): further from it than "
               "'about' would reach (5%, or the tolerance), so not confirmed"),
        Reason("period_mismatch", NOT_ENOUGH_INFO, "records exist for this measure, but not for the claim's period"),
        Reason("unit_mismatch", NOT_ENOUGH_INFO, "records exist, but in another unit or currency"),
        Reason("no_matching_source", NOT_ENOUGH_INFO, "no configured source has this measure for this subject", listed=False),
        Reason("weak_match", NOT_ENOUGH_INFO, "the nearest measure is below the minimum match score; it cannot decide", listed=False),
        Reason("ambiguous", NOT_ENOUGH_INFO, "several measures or entities fit equally, or the records disagree"),
        Reason("member_region_only", NOT_ENOUGH_INFO, "sources name only the larger place the item lies in (its province, not the city itself)"),
        Reason("member_not_listed", NOT_ENOUGH_INFO, "sources list members of this set, but not this item, and none says its list is complete"),
        Reason("unsourced_statement", NOT_ENOUGH_INFO, "a statement of participation or event that no configured source records: left for a "
               "human (its sentence is among the check-worthy ones no source could check)", listed=False),
        Reason("no_period", NOT_ENOUGH_INFO, "the claim has no period that can be dated (no year and no document date)"),
        Reason("other_vintage", NOT_ENOUGH_INFO, "a figure stated without a year fits an earlier record (within the vintage window) or the record of the year the document is dated in, not the latest before the document's date: another vintage, not a wrong figure"),
        Reason("unknown_subject", NOT_ENOUGH_INFO, "the sentence's subject is a name no configured source has records for"),
        Reason("unclear_subject", NOT_ENOUGH_INFO, "the words read as the figure's subject are a heading or a common noun ('USD BILLIONS', "
               "'Age Group', 'Government'), not a name a source could hold: not compared", listed=False),
        Reason("uncertain_reading", NOT_ENOUGH_INFO, "the record disagrees, but the reading rests on a weak cue (subject only by nearness, "
               "a measure matched by similarity, a period carried over or implied in the past tense): checked by a human, not contradicted"),
        Reason("vague_period", NOT_ENOUGH_INFO, "the figure's period is vague or historical ('at that time', 'in the 1960s', "
               "'before independence', a year before 1800): never compared with a recent record", listed=False),
        Reason("rate", NOT_ENOUGH_INFO, "a rate or per-unit figure (per 1,000 population, per square kilometre, per capita), not a level", listed=False),
        Reason("part_of_subject", NOT_ENOUGH_INFO, "a part of the subject (a group, a place within it, 'of whom'), not the whole", listed=False),
        Reason("share", NOT_ENOUGH_INFO, "a share of a total ('45% of the population', 'two-thirds of'), not a level", listed=False),
        Reason("rank", NOT_ENOUGH_INFO, "a rank or ordinal ('ranked 41st', 'the 21st most populous'), not a level", listed=False),
        Reason("age_or_duration", NOT_ENOUGH_INFO, "an age or a duration ('a median age of 27.9', '14 years'), not a level", listed=False),
        Reason("change", NOT_ENOUGH_INFO, "a change or a difference ('rose by 210', 'an increase of 2.1 million'), not a level", listed=False),
        Reason("other_amount", NOT_ENOUGH_INFO, "an amount of something else than the measure (a budget, debt, revenue, aid, exports)", listed=False),
        Reason("group_average", NOT_ENOUGH_INFO, "a group's average ('the EU average of 9.4%'): the group's figure, not the subject's", listed=False),
        Reason("real_growth_not_judged", NOT_ENOUGH_INFO, "a growth rate of a money measure (GDP): such rates are usually real "
               "(inflation-adjusted), the sources give current prices; not judged unless the sentence says nominal", listed=False),
        Reason("not_current_prices", NOT_ENOUGH_INFO, "a figure in PPP, real or constant-price terms (GDP per capita at PPP, a change "
               "in constant dollars); the sources give current US dollars: not judged", listed=False),
        Reason("change_period_unclear", NOT_ENOUGH_INFO, "a change whose two periods the sentence does not give plainly ('since', "
               "'over the past decade', no year): not computed", listed=False),
        Reason("total_missing", NOT_ENOUGH_INFO, "a share of a total the sources have no record of (the world's, for this measure)", listed=False),
        Reason("group_not_judged", NOT_ENOUGH_INFO, "a share of, or a rank within, a region or bloc that no membership list answers: "
               "a group without a cited list ('the Balkans'), a year whose membership changed in its middle, a subject not a member", listed=False),
        Reason("group_incomplete", NOT_ENOUGH_INFO, "a share of a region's or bloc's total (the sum of its members) when members the "
               "source covers have no record for the year", listed=False),
        Reason("rank_incomplete", NOT_ENOUGH_INFO, "a rank the records compute, but countries without a record for the year "
               "could move it onto or off the stated rank", listed=False),
        Reason("other_subject_unclear", NOT_ENOUGH_INFO, "a comparison between subjects where either is not a country named "
               "plainly with records (a city, a region, 'its neighbours'), or the measure compared is not said: not computed",
               listed=False),
        Reason("series_incomplete", NOT_ENOUGH_INFO, "an extreme of the subject's own series ('the highest since 1990') "
               "where years of the window lack a record that could be higher (or lower): not judged", listed=False),
        Reason("by_sex", NOT_ENOUGH_INFO, "the value for men or for women of a measure that has a total", listed=False),
        Reason("projection", NOT_ENOUGH_INFO, "a projection or a forecast ('is expected to reach', 'projected to rise to', a year after "
               "the document's date), not a level the records could confirm", listed=False),
        Reason("percentage_of_levels", NOT_ENOUGH_INFO, "a percentage where the measure's records are levels (people, US$): a share, "
               "a rate or a growth the sentence does not name, never a level", listed=False),
        Reason("comparison", NOT_ENOUGH_INFO, "a comparison with another subject ('twice as many people as', 'larger than'), "
               "not a level", listed=False),
    )
}


# The role a figure has (core.roles) -> the reason it is not compared.
ROLE_REASONS = {
    "rate": "rate", "part": "part_of_subject", "share": "share", "rank": "rank", "duration": "age_or_duration",
    "change": "change", "other_amount": "other_amount", "group_average": "group_average", "by_sex": "by_sex",
    "comparison": "comparison", "projection": "projection",
}


def listed(reason: str) -> bool:
    """Whether a claim with this reason is listed as a finding by default."""
    r = REASONS.get(reason)
    return r is None or r.listed


def markdown_table() -> str:
    """The catalogue as the README shows it (a test keeps the two equal)."""
    rows = ["| reason | verdict | listed | meaning |", "|---|---|---|---|"]
    rows += [f"| `{r.code}` | {r.verdict} | {'yes' if r.listed else 'on request'} | {r.summary} |" for r in REASONS.values()]
    return "\n".join(rows) + "\n"
