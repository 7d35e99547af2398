"""A document's part of a run, finished where the document is checked: filtered, counted and rendered.

``check`` streams (issue 19, point 3): what the CLI used to do to the whole report before writing it
(leave out the unlisted claims, apply the baseline, keep the check-worthy claims, keep what changed
since a revision) is done here to one document, and each output's part of it is rendered here, in
the worker process under ``--jobs``. What goes back to the parent is text to write and counts
(:class:`Rendered`): the parent writes the parts in order and keeps the counts, never the claims, so
its memory stays flat in the number of documents and its serial share of the work stays small.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

from .core.findings import Policy, Severity, fails
from .report.build import Totals, keep_checkworthy, keep_listed

Chunks = bytes | Iterable[bytes]  # one output's part of a document: UTF-8, in order


@dataclass(frozen=True)
class Plan:
    """What the CLI asked for, plain and picklable, so a worker can finish a document as the parent would."""

    formats: tuple[str, ...]  # one per output, in order (the table's says where it goes; "markdown" for the step summary too)
    minimum: Severity = "note"
    policy: Policy = "contradicted"
    all_findings: bool = False
    min_checkworthiness: float = 0.0
    root: str = "."  # what sarif and github paths are relative to
    url_base: str | None = None
    published: str = ""  # ClaimReview's datePublished
    documents: dict = field(default_factory=dict)  # ClaimReview: report path -> report.claimreview.Published
    reviewer: Any = None  # ClaimReview: core.frontmatter.Author, or None for factcheck itself
    line_color: bool = False  # colour in the one-line-a-claim table on stdout
    schema_version: str = ""
    baseline: Any = None  # baseline.BaselineFile to apply
    baseline_file: str | None = None
    write_baseline: str | None = None  # the file a new baseline goes to: entries are collected, nothing rendered
    kept: dict = field(default_factory=dict)  # baseline.Kept: reasons already written in that file
    diff_base: str | None = None


@dataclass
class Rendered:
    """One document's parts (one per output) and what the parent adds up."""

    path: str
    parts: list[Chunks]
    totals: Totals
    failing: int = 0  # unsuppressed findings that fail the run under the policy
    hidden: dict[str, int] = field(default_factory=dict)  # of those, the ones below --min-severity, by code
    shown: int = 0  # findings shown at --min-severity (concise's count)
    extras: list[Any] = field(default_factory=list)  # per output: sarif's base id, markdown's records, the table's document
    reasons: set[str] = field(default_factory=set)
    baseline_key: str | None = None  # the document's path as the baseline names it
    baseline_used: list[int] = field(default_factory=list)
    baseline_suppressed: int = 0
    unchanged: int = 0  # claims left out as unchanged since --diff-base
    entries: list[Any] = field(default_factory=list)  # --write-baseline: baseline.Entry


def finish(doc: dict[str, Any], text: str | None, plan: Plan, doc_date: date | None, catalogue: Any, *,
           join: bool = True) -> Rendered:
    """Filter, count and render one document's part of the report. ``join`` makes each part one bytes object
    (to send to the parent); without it a part is a list of chunks, written as they come."""
    if plan.write_baseline is not None or plan.baseline is not None:
        from . import baseline as baseline_mod  # its pydantic models: built only for a run with a baseline

    if not plan.all_findings:
        keep_listed({"documents": [doc]})
    out = Rendered(doc["path"], [], Totals())
    if plan.write_baseline is not None:
        out.entries = baseline_mod.entries_of(doc, Path(plan.write_baseline).parent, plan.kept)
        return out
    if plan.baseline is not None and plan.baseline_file is not None:
        entries = _by_claim(plan.baseline)
        out.baseline_key, out.baseline_used, out.baseline_suppressed = baseline_mod.apply_document(
            doc, entries, Path(plan.baseline_file).parent)
    report = {"documents": [doc]}
    keep_checkworthy(report, plan.min_checkworthiness)
    if plan.diff_base is not None:
        out.unchanged = _keep_changed(doc, text or "", plan.diff_base, doc_date, catalogue)
    out.totals.add(doc)
    _count_findings(doc, plan, out)
    for fmt in plan.formats:
        part, extra = _render(doc, fmt, plan)
        out.parts.append(b"".join(part) if join and not isinstance(part, bytes) else part)
        out.extras.append(extra)
    if "markdown" in plan.formats:
        out.reasons = {c["reason"] for c in doc["claims"]}
    return out


_BY_CLAIM: dict[int, Any] = {}


def _by_claim(data: Any) -> Any:
    """The baseline's entries by claim, indexed once per process (the plan is the same for every document)."""
    from .baseline import by_claim

    found = _BY_CLAIM.get(id(data))
    if found is None:
        _BY_CLAIM.clear()
        found = _BY_CLAIM[id(data)] = (data, by_claim(data))
    return found[1]


def _keep_changed(doc: dict[str, Any], text: str, base: str, doc_date: date | None, catalogue: Any) -> int:
    from .engine import claims_of
    from .revisions import changed_in, read_at

    old = read_at(base, Path(doc["path"]))
    if old is None:
        return 0
    old_ids = {c.id for c in claims_of(old, doc["path"], doc_date, catalogue.lexicon)}
    return changed_in(doc, old_ids, old, text)


def _count_findings(doc: dict[str, Any], plan: Plan, out: Rendered) -> None:
    """What fails the run, what of that --min-severity hides, and what is shown."""
    from .outcome import findings

    report = {"documents": [doc]}
    shown = findings(report, plan.minimum)
    out.shown = len(shown)
    seen = {(f.line, f.column, f.code) for f in shown}
    for f in findings(report):
        if fails(f.code, plan.policy):
            out.failing += 1
            if (f.line, f.column, f.code) not in seen:
                out.hidden[f.code] = out.hidden.get(f.code, 0) + 1


def _render(doc: dict[str, Any], fmt: str, plan: Plan) -> tuple[Chunks, Any]:
    """One output's part of the document, and what its writer needs besides (see :class:`Rendered`)."""
    if fmt == "json":
        from .report import json_format

        return json_format.document(doc), None  # lazy: a large document is written a line at a time, never held twice
    if fmt == "jsonl":
        from .report import jsonl

        return jsonl.document(doc, plan.schema_version).encode("utf-8"), None
    if fmt == "concise":
        from .report import concise

        return concise.document(doc, plan.minimum)[0].encode("utf-8"), None
    if fmt == "sarif":
        from .report import sarif

        items, base = sarif.document(doc, Path(plan.root), plan.minimum)
        return b",\n".join(items), base
    if fmt == "github":
        from .report import github

        return github.document(doc, Path(plan.root), plan.minimum).encode("utf-8"), None
    if fmt == "markdown":
        from .report import markdown

        text, evidence, calcs = markdown.document(doc)
        return text.encode("utf-8"), (evidence, calcs)
    if fmt.startswith("table"):  # table (a file), table-stdout (a terminal), table-lines (stdout, piped)
        from .report import table

        color = plan.line_color and fmt != "table"
        # the document itself, for rich's table at the end, while the run may stay within its rows
        small = doc if fmt != "table-lines" and len(doc["claims"]) + sum((doc.get("unlisted") or {}).values()) <= table.MAX_TABLE_ROWS else None
        return table.document_lines(doc, color).encode("utf-8"), small
    from .report import claimreview

    return b",\n".join(claimreview.document(doc, plan.url_base, plan.published, plan.documents.get(doc["path"]), plan.reviewer)), None
