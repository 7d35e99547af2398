"""The report as pydantic models: the JSON format and its published schema.

Consumers should ignore fields they do not know; ``schema_version`` changes
only when a field is removed or changes meaning.
"""

from __future__ import annotations

from datetime import date
from typing import Literal

from pydantic import BaseModel as _PydanticModel
from pydantic import ConfigDict, Field

from . import SCHEMA_VERSION, __version__

# 1.1 added findings, suppressions, review, revision, baseline; 1.2 sentences and check-worthiness; 1.3 unlisted counts;
# 1.4 a derived figure's computation; 2.0 a claim's ``sentence`` is the index of its sentence in the document's
# ``sentences`` (was its text). The version itself is in factcheck/__init__.py.
Severity = Literal["error", "warning", "note"]
SCHEMA_ID = f"urn:factcheck-figures:report-schema:{SCHEMA_VERSION}"


class BaseModel(_PydanticModel):
    """Our objects: every field documented, none other allowed (``additionalProperties: false``)."""

    model_config = ConfigDict(extra="forbid")


class Location(BaseModel):
    line: int = Field(description="1-based line of the figure")
    column: int = Field(description="1-based column of the figure")
    end_line: int = Field(description="1-based line where the claim ends")
    end_column: int = Field(description="1-based column just after the claim's last character")
    start: int = Field(description="character offset where the claim starts")
    end: int = Field(description="character offset where the claim ends (exclusive)")


class Subject(BaseModel):
    id: str = Field(description="ISO 3166-1 alpha-3 for countries, org:XXX for organisations")
    name: str


class QuantityOut(BaseModel):
    value: float
    value_high: float | None = Field(None, description="upper end of a stated range")
    text: str
    unit: str | None = Field(None, description="'%', 'pp', or null for counts and amounts")
    currency: str | None = Field(None, description="ISO 4217 code")
    qualifier: Literal["exact", "approximately", "more_than", "at_least", "less_than", "at_most"]
    qualifier_text: str | None = None
    list_hedge: str | None = Field(None, description="a hedge leading the enumeration, recorded but not applied to this item")
    low: float | None = Field(None, description="lower bound of the interval the claim means; null if unbounded")
    high: float | None = Field(None, description="upper bound; null if unbounded")


class PeriodOut(BaseModel):
    start: date | None = Field(None, description="null for an as-of figure")
    end: date | None
    text: str
    kind: str
    year_known: bool = True
    inherited: bool = Field(False, description="taken from an earlier sentence of the paragraph")


class MemberOut(BaseModel):
    name: str
    type: str | None = Field(None, description="city, province, municipality...")
    part_of: str | None = Field(None, description="the larger place it lies in")
    complete_set: bool = Field(False, description="the record's publication gives the whole set")


class EvidenceOut(BaseModel):
    source: str
    title: str
    publisher: str | None
    url: str | None = Field(description="the record's own URL, else the dataset's")
    licence: str
    retrieved: date | None
    sha256: str = Field(description="sha256 of the snapshot file the record was read from")
    record: int = Field(description="row number in the snapshot file (header is row 1)")
    value: float
    unit: str | None
    period: PeriodOut | None
    origin: bool = Field(description="the record is the figure's own origin, not an independent confirmation")
    note: str | None = None
    kind: str | None = Field(None, description="what the cited page is: primary, secondary news, repost, mirror")
    member: MemberOut | None = Field(None, description="set and places records: the member or place the record names")


class ComputationOut(BaseModel):
    """How a derived figure (a change, a growth rate, a per-capita figure, a share, a rank, a multiple, a comparison between
    subjects, an extreme) was computed from the evidence."""

    operation: Literal["change", "percent_change", "annual_growth", "per_capita", "share", "rank", "multiple", "comparison", "extremum"]
    formula: str = Field(description="the formula in words")
    symbols: str = Field(description="the formula in symbols, with the records' values put in")
    value: float = Field(description="the computed value, in the stated figure's unit (a rank: the best place of a tie)")
    value_text: str = Field(description="the computed value as a reader writes it")
    alternative: float | None = Field(None, description="a second admissible value: the continuous growth rate, the worst place of a tie")
    alternative_text: str | None = Field(None, description="the alternative, in words")
    low: float | None = Field(None, description="lower bound of the interval the stated figure means; null if unbounded")
    high: float | None = Field(None, description="upper bound; null if unbounded")


class FindingOut(BaseModel):
    code: str = Field(description="stable finding code, e.g. FC101; see `factcheck codes`")
    name: str
    severity: Severity
    title: str


class SuppressedOut(BaseModel):
    by: Literal["inline", "baseline", "review"]
    reason: str
    line: int | None = Field(None, description="line of the inline comment")


class ReviewOut(BaseModel):
    decision: Literal["accepted", "disputed", "ignored"]
    note: str = ""


class ClaimOut(BaseModel):
    id: str = Field(description="stable across runs and edits elsewhere in the document")
    text: str
    sentence: int = Field(ge=0, description="index of the claim's sentence in its document's `sentences` (its text is there, once)")
    location: Location
    subject: Subject | None
    measure: str
    kind: Literal["figure", "member", "statement"] = Field(
        "figure", description="figure; member (one named item of an enumeration); statement (participation or event)")
    item: str | None = Field(None, description="member and statement claims: the named item, or the statement's object")
    quantity: QuantityOut | None = Field(description="null for member and statement claims")
    period: PeriodOut | None
    checkworthiness: float | None = Field(None, description="check-worthiness (0-1) of the claim's sentence")
    verdict: Literal["supported", "contradicted", "not_enough_info"]
    reason: str
    explanation: str
    reference: str | None = None
    matched_measure: str | None = None
    match_score: float | None = None
    evidence: list[EvidenceOut] = Field(description="every record the verdict rests on; for a derived figure, every record the computation used, in order")
    computation: ComputationOut | None = Field(None, description="a derived figure: the computation over the evidence (schema 1.4)")
    finding: FindingOut | None = Field(None, description="null for a supported, undisputed claim")
    suppressed: SuppressedOut | None = Field(None, description="the finding is known and does not count")
    review: ReviewOut | None = Field(None, description="a reviewer's decision from the review file")


class ProblemOut(BaseModel):
    """A finding about the document itself (an inline suppression comment), not a claim."""

    code: str
    name: str
    severity: Severity
    message: str
    location: Location


class SentenceOut(BaseModel):
    """Every sentence of a document, checked or not, with how much it deserves checking."""

    index: int
    text: str
    location: Location
    checkworthiness: float = Field(ge=0, le=1, description="0-1; at or above 0.5 the sentence is check-worthy")
    features: list[str] = Field(description="the features present, strongest contribution first")
    claims: list[str] = Field(description="ids of the claims factcheck found in it")


class DocumentOut(BaseModel):
    path: str
    claims: list[ClaimOut]
    problems: list[ProblemOut] = Field(default_factory=list)
    sentences: list[SentenceOut] = Field(default_factory=list)
    unlisted: dict[str, int] = Field(default_factory=dict, description="claims left out of the list (no source covers them, not a level, a vague period), by verdict reason; --all-findings lists them")


class FindingCounts(BaseModel):
    error: int = Field(description="unsuppressed findings of each severity")
    warning: int
    note: int
    suppressed: int


class Summary(BaseModel):
    documents: int
    claims: int
    supported: int
    contradicted: int
    not_enough_info: int
    findings: FindingCounts
    unmatched: list[str] = Field(default_factory=list, description="documents with claims none of which any configured source could match a measure for")
    unlisted: dict[str, int] = Field(default_factory=dict, description="claims left out of the lists, by verdict reason (counted in claims and not_enough_info)")


class RevisionOut(BaseModel):
    base: str = Field(description="the git revision the documents were compared with (--diff-base)")
    unchanged: int = Field(description="claims left out because they are unchanged since the base")


class BaselineEntryOut(BaseModel):
    path: str
    id: str
    code: str | None
    text: str


class BaselineOut(BaseModel):
    file: str
    suppressed: int
    stale: list[BaselineEntryOut] = Field(description="entries no longer found: prune them")


class Tool(BaseModel):
    name: str = "factcheck"
    version: str = __version__


class Report(BaseModel):
    schema_version: str = SCHEMA_VERSION
    tool: Tool = Field(default_factory=Tool)
    documents: list[DocumentOut]
    summary: Summary
    revision: RevisionOut | None = None
    baseline: BaselineOut | None = None


class ChangedOut(BaseModel):
    old: ClaimOut
    new: ClaimOut


class DiffSummary(BaseModel):
    added: int
    removed: int
    changed: int
    unchanged: int


class DiffReport(BaseModel):
    """``factcheck diff --format json``: the claims a revision added, removed and changed."""

    schema_version: str = SCHEMA_VERSION
    tool: Tool = Field(default_factory=Tool)
    old: str = Field(description="the old version: a path, or REF:PATH")
    new: str
    added: list[ClaimOut]
    removed: list[ClaimOut]
    changed: list[ChangedOut] = Field(description="pairs about the same subject and measure whose figure or wording changed")
    old_sentences: list[SentenceOut] = Field(default_factory=list, description="the old version's sentences the old claims point at")
    new_sentences: list[SentenceOut] = Field(default_factory=list, description="the new version's sentences the new claims point at")
    summary: DiffSummary


def json_schema() -> dict:
    """The published schema: JSON Schema 2020-12, with an id naming the report schema's version."""
    schema = Report.model_json_schema()
    return {"$schema": "https://json-schema.org/draft/2020-12/schema", "$id": SCHEMA_ID, **schema}
