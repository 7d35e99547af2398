"""The one catalogue of finding codes: every format, the exit policy and the README read it.

A *finding* is what a linter user acts on. Every verdict that is not
``supported`` maps to one code by its reason; review disputes and problems with
inline suppressions have their own codes. Codes never change meaning; a
retired code is not reused.

Severity is how a finding is shown (SARIF level, GitHub annotation type);
``fails_at`` is the least strict ``--fail-on`` policy that fails on it. The two
are separate on purpose: "origin only" is only a note, yet a user who asks to
fail on anything unverifiable wants it to fail.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .reasons import REASONS, SUPPORTED

Severity = Literal["error", "warning", "note"]
Policy = Literal["contradicted", "unverifiable", "any"]
SEVERITIES: tuple[Severity, ...] = ("note", "warning", "error")  # ascending
POLICIES: tuple[Policy, ...] = ("contradicted", "unverifiable", "any")  # strictness ascending


@dataclass(frozen=True, slots=True)
class FindingCode:
    code: str
    name: str  # kebab-case rule name, as SARIF and linters show it
    severity: Severity
    fails_at: Policy
    title: str  # one line: what the finding says
    help: str  # what to do about it
    reasons: tuple[str, ...] = ()  # the verdict reasons that produce it


FINDINGS: dict[str, FindingCode] = {
    f.code: f
    for f in sorted((
        FindingCode(
            "FC101", "figure-contradicted", "error", "contradicted",
            "The figure is contradicted by a reference record",
            "Correct the figure, or cite why the reference does not apply (another definition, period or scope).",
            ("overstated", "understated"),
        ),
        FindingCode(
            "FC102", "qualifier-violated", "error", "contradicted",
            "The reference breaks the stated bound or approximation",
            "Check the qualifier ('more than', 'at least', 'about'): the record lies outside what it allows.",
            ("qualifier_violated",),
        ),
        FindingCode(
            "FC103", "misquoted-origin", "error", "contradicted",
            "The figure differs from the one its own origin publishes",
            "Quote the origin's figure, or name the other publication the figure comes from.",
            ("misquoted_origin",),
        ),
        FindingCode(
            "FC105", "not-a-member", "error", "contradicted",
            "A source giving the complete set does not list the named item",
            "Check the enumeration against the source's list; name the source that does list the item.",
            ("not_a_member",),
        ),
        FindingCode(
            "FC104", "disputed-in-review", "error", "contradicted",
            "A reviewer disputed this claim",
            "Read the reviewer's note in the review file and revise the sentence; an edited claim gets a new id.",
        ),
        FindingCode(
            "FC106", "hidden-characters", "error", "contradicted",
            "A figure holds characters a reader does not see, so it was not read",
            "Remove the characters the message names (zero-width spaces, fillers, bidi controls, combining marks, "
            "character references): as written, readers see one figure and a machine reads another.",
        ),
        FindingCode(
            "FC201", "not-enough-info", "warning", "unverifiable",
            "No configured source has this measure for this subject",
            "Add a reference source that covers it (see 'Reference sources' in the README), or leave it for a human.",
            ("no_matching_source",),
        ),
        FindingCode(
            "FC202", "ambiguous-match", "warning", "unverifiable",
            "The match to a reference measure is too weak or ambiguous to decide",
            "Name the measure as the source does, or add an alias to the source's factcheck block.",
            ("weak_match", "ambiguous"),
        ),
        FindingCode(
            "FC203", "origin-only", "note", "unverifiable",
            "Traced to its own origin, not independently confirmed",
            "Find an independent record (another publisher's data) if the figure matters.",
            ("origin_only",),
        ),
        FindingCode(
            "FC204", "period-not-covered", "warning", "unverifiable",
            "Records exist for this measure, but not for the claim's period",
            "Give the period explicitly (or a document date), or add records for that period.",
            ("period_mismatch", "no_period"),
        ),
        FindingCode(
            "FC205", "unit-mismatch", "warning", "unverifiable",
            "Records exist, but in another unit or currency",
            "Add records in the claim's unit, or state the figure in the source's unit.",
            ("unit_mismatch",),
        ),
        FindingCode(
            "FC206", "region-only", "warning", "unverifiable",
            "Sources name only the larger place the item lies in, not the item itself",
            "Name the province (as the sources do), or cite a source that names the city.",
            ("member_region_only",),
        ),
        FindingCode(
            "FC207", "member-not-listed", "warning", "unverifiable",
            "Sources list members of this set, but not this item",
            "Cite a source that lists the item, or remove it from the enumeration.",
            ("member_not_listed",),
        ),
        FindingCode(
            "FC208", "unsourced-statement", "note", "unverifiable",
            "A statement of participation or event that no configured source records",
            "Check it by hand, or add a source whose records list such events (listed with --all-findings; its sentence is "
            "among the check-worthy sentences no source could check).",
            ("unsourced_statement",),
        ),
        FindingCode(
            "FC209", "other-vintage", "warning", "unverifiable",
            "A figure without a year fits an earlier record, not the latest",
            "Say which year the figure is for, or update it to the latest record.",
            ("other_vintage",),
        ),
        FindingCode(
            "FC215", "close-to-record", "warning", "unverifiable",
            "A record misses the figure by less than official sources commonly differ",
            "Nothing to do if the figure is another publisher's (a census, a national office); else quote the record. "
            "--spread 0 makes such misses contradictions.",
            ("close_to_record",),
        ),
        FindingCode(
            "FC216", "too-round", "note", "unverifiable",
            "The figure is so round that a record far from it lies within its rounding",
            "Give the figure more precisely ('121 million', not '100 million'), or say 'about' if a round figure is meant.",
            ("too_round",),
        ),
        FindingCode(
            "FC210", "unknown-subject", "warning", "unverifiable",
            "The figure is about a name no configured source knows",
            "Add a source with records for it, or an alias (entity_aliases) if a source knows it by another name.",
            ("unknown_subject", "unclear_subject"),
        ),
        FindingCode(
            "FC211", "uncertain-reading", "warning", "unverifiable",
            "The record disagrees, but the figure's reading rests on a weak cue",
            "Read the sentence: if the figure is the subject's own level for that period, name the subject, measure "
            "or year plainly so factcheck can judge it; otherwise nothing is wrong.",
            ("uncertain_reading",),
        ),
        FindingCode(
            "FC212", "not-a-level", "note", "any",
            "The figure is not a level of the measure (a rate, a part, a share, a rank, an age, a change, another amount, a projection)",
            "Nothing to do: such figures are read and named, not compared (listed with --all-findings).",
            ("rate", "part_of_subject", "share", "rank", "age_or_duration", "change", "other_amount", "group_average", "by_sex",
             "comparison", "percentage_of_levels", "projection"),
        ),
        FindingCode(
            "FC213", "vague-period", "note", "any",
            "The figure's period is vague or historical: not compared with a recent record",
            "Give the year the figure is for, if it is meant as a current figure.",
            ("vague_period",),
        ),
        FindingCode(
            "FC214", "derived-not-judged", "note", "any",
            "A derived figure (a change, a growth rate, a per-capita figure, a share, a rank, a comparison, an extreme) the "
            "records cannot answer plainly",
            "Nothing to do, or state the figure so the sources can answer it (nominal growth, both years of a change, "
            "a share of the world's total); listed with --all-findings.",
            ("real_growth_not_judged", "not_current_prices", "change_period_unclear", "total_missing", "group_not_judged",
             "rank_incomplete", "other_subject_unclear", "series_incomplete", "group_incomplete"),
        ),
        FindingCode(
            "FC900", "unused-suppression", "warning", "any",
            "A suppression comment matched no finding",
            "Remove the comment, or fix its code or position (ignore[...] applies to the next sentence).",
        ),
        FindingCode(
            "FC901", "suppression-without-code", "warning", "any",
            "A suppression comment names no code, so it suppresses nothing",
            "Name the codes: <!-- factcheck: ignore[FC201] reason -->.",
        ),
        FindingCode(
            "FC902", "suppression-without-reason", "warning", "any",
            "A suppression comment gives no reason",
            "Say why after the codes: <!-- factcheck: ignore[FC201] figure from the minister's speech -->.",
        ),
        FindingCode(
            "FC903", "unknown-suppression-code", "warning", "any",
            "A suppression comment names a code factcheck does not have",
            "Use a code from `factcheck codes`.",
        ),
        FindingCode(
            "FC904", "unreadable-front-matter-date", "warning", "any",
            "The document's front matter cannot be read, or its date is not a date, so it does not date the figures",
            "Fix the front matter (date: YYYY-MM-DD), or date the document with --doc-date or document_dates.",
        ),
    ), key=lambda f: f.code)
}

HIDDEN_IN_FIGURE = "FC106"  # the finding of a figure refused for hidden characters (core.invisible)
UNREADABLE_DATE = "FC904"  # the finding of a front matter whose date cannot be read (core.frontmatter)

_BY_REASON = {reason: f.code for f in FINDINGS.values() for reason in f.reasons}
assert set(_BY_REASON) == {r for r, v in REASONS.items() if v.verdict != SUPPORTED}, "every non-supported reason needs a code"


def code_for(reason: str) -> str | None:
    """The finding code of a verdict reason; None for a supported verdict."""
    return _BY_REASON.get(reason)


def fails(code: str, policy: Policy) -> bool:
    """Whether a finding with ``code`` fails a run under ``--fail-on policy``."""
    return POLICIES.index(FINDINGS[code].fails_at) <= POLICIES.index(policy)


def at_least(severity: Severity, minimum: Severity) -> bool:
    return SEVERITIES.index(severity) >= SEVERITIES.index(minimum)


def markdown_table() -> str:
    """The catalogue as the README shows it (a test keeps the two equal)."""
    rows = ["| code | name | severity | fails with `--fail-on` | meaning | verdict reasons |", "|---|---|---|---|---|---|"]
    for f in FINDINGS.values():
        reasons = ", ".join(f"`{r}`" for r in f.reasons) or "—"
        rows.append(f"| {f.code} | {f.name} | {f.severity} | {_policies(f.fails_at)} | {f.title} | {reasons} |")
    return "\n".join(rows) + "\n"


def _policies(fails_at: Policy) -> str:
    return ", ".join(f"`{p}`" for p in POLICIES[POLICIES.index(fails_at):])
