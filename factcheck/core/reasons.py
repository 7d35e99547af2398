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
        Reason("period_mismatch", NOT_ENOUGH_INFO, "records exist for this measure, but not for the claim's period"),
        Reason("unit_mismatch", NOT_ENOUGH_INFO, "records exist, but in another unit or currency"),
        Reason("no_matching_source", NOT_ENOUGH_INFO, "no configured source has this measure for this subject"),
        Reason("weak_match", NOT_ENOUGH_INFO, "the nearest measure is below the minimum match score; it cannot decide"),
        Reason("ambiguous", NOT_ENOUGH_INFO, "several measures or entities fit equally, or the records disagree"),
        Reason("member_region_only", NOT_ENOUGH_INFO, "sources name only the larger place the item lies in (its province, not the city itself)"),
        Reason("member_not_listed", NOT_ENOUGH_INFO, "sources list members of this set, but not this item, and none says its list is complete"),
        Reason("unsourced_statement", NOT_ENOUGH_INFO, "a statement of participation or event that no configured source records: left for a human"),
        Reason("no_period", NOT_ENOUGH_INFO, "the claim has no period that can be dated (no year and no document date)"),
        Reason("other_vintage", NOT_ENOUGH_INFO, "a figure stated without a year fits an earlier record (within the vintage window), not the latest: an older figure, not a wrong one"),
        Reason("unknown_subject", NOT_ENOUGH_INFO, "the sentence's subject is a name no configured source has records for"),
    )
}


def markdown_table() -> str:
    """The catalogue as the README shows it (a test keeps the two equal)."""
    rows = ["| reason | verdict | meaning |", "|---|---|---|"]
    rows += [f"| `{r.code}` | {r.verdict} | {r.summary} |" for r in REASONS.values()]
    return "\n".join(rows) + "\n"
