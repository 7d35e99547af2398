"""The engine's results as the report: plain data in the shape of :class:`factcheck.models.Report`.

The models define the format and its JSON Schema (and tests validate every
output against them), but the report itself stays plain dicts: building
19,000 claims as models cost 1.4-1.8 s on a 1 MB document, the dicts 0.4 s.
"""

from __future__ import annotations

import math
from typing import Any

from .. import SCHEMA_VERSION, __version__
from ..core.checkworthiness import CHECKWORTHY
from ..core.compare import interval
from ..core.document import LineIndex
from ..core.findings import FINDINGS, code_for
from ..core.reasons import listed
from ..core.model import Claim, Computation, Entity, Observation, Period, Quantity, Verdict
from ..core.suppressions import Problem, Suppression
from ..engine import Checked
from .rows import Row, SentenceRows, sentence_dict


def build_report(results: list[Checked], tolerance: float) -> dict[str, Any]:
    """The report of a run; records cited by many claims become dicts once."""
    shared = _Shared()
    docs = []
    for r in results:
        worth = {s.start: (n, cw.score) for n, (s, cw) in enumerate(r.sentences)}
        claims = [_claim_dict(c, v, tolerance, shared, r.suppressed.get(i), *worth.get(c.sentence.start, (None, None)))
                  for i, (c, v) in enumerate(r.claims)]
        docs.append({"path": r.path, "claims": claims, "problems": [problem_dict(p) for p in r.problems],
                     "sentences": _sentences(r, claims)})
    report = {"schema_version": SCHEMA_VERSION, "tool": {"name": "factcheck", "version": __version__}, "documents": docs}
    report["summary"] = summarize(report)
    return report


def document_part(r: Checked, tolerance: float, *, listed_only: bool = False, rows: bool = False) -> dict[str, Any]:
    """One document's part, as :func:`build_report` makes it, for a run that checks one document at a time.

    It consumes ``r``: each claim and sentence is let go once its dict is made, so a large document's
    claim objects and their dicts are not all held at once (issue 19: a 10 MB document held both at its
    peak). With ``listed_only`` the claims :func:`keep_listed` would leave out are counted, never built
    (most figures of real articles match no source: two thirds of their dicts were built to be dropped).
    With ``rows`` the sentences are :class:`~factcheck.report.rows.SentenceRows` (read as the same dicts,
    held in a third of the space) for a part rendered by factcheck itself; without, plain dicts, as the API returns.
    """
    worth = {s.start: (n, cw.score) for n, (s, cw) in enumerate(r.sentences)}
    by_start: dict[int, list[str]] = {}
    for c, _ in r.claims:
        by_start.setdefault(c.sentence.start, []).append(c.id)
    shared = _Shared()
    claims, unlisted = [], {}
    for i, (c, v) in enumerate(r.claims):
        r.claims[i] = None  # type: ignore[call-overload]  # let go as we go
        if listed_only and not listed(v.reason):
            unlisted[v.reason] = unlisted.get(v.reason, 0) + 1
            continue
        claims.append(_claim_dict(c, v, tolerance, shared, r.suppressed.get(i), *worth.get(c.sentence.start, (None, None))))
    r.claims.clear()
    sentences = _sentence_rows(r, by_start)  # after the claims: their objects are gone by now
    r.sentences.clear()
    doc = {"path": r.path, "claims": claims, "problems": [problem_dict(p) for p in r.problems], "sentences": SentenceRows(sentences) if rows and sentences else [sentence_dict(row) for row in sentences]}
    if unlisted:
        doc["unlisted"] = dict(sorted(unlisted.items()))
    return doc


def assemble(documents: list[dict[str, Any]]) -> dict[str, Any]:
    """A report of documents' parts built apart (by worker processes, on a cluster), as build_report makes it."""
    report = {"schema_version": SCHEMA_VERSION, "tool": {"name": "factcheck", "version": __version__}, "documents": documents}
    report["summary"] = summarize(report)
    return report


def keep_listed(report: dict[str, Any]) -> None:
    """Leave out the claims whose reason is listed only on request (no source covers them, not a level,
    a vague period); each document keeps their number by reason, and the summary adds them up."""
    for doc in report["documents"]:
        kept, unlisted = [], dict(doc.get("unlisted") or {})
        for c in doc["claims"]:
            if listed(c["reason"]) or c.get("review"):
                kept.append(c)
            else:
                unlisted[c["reason"]] = unlisted.get(c["reason"], 0) + 1
        doc["claims"] = kept
        if unlisted:
            doc["unlisted"] = dict(sorted(unlisted.items()))


UNCOVERED = ("no_matching_source", "weak_match")
UNSOURCED = "unsourced_statement"  # a statement of an event: not a figure, and nothing was compared


def unlisted_text(summary: dict[str, Any]) -> str:
    """'1,234 figures no source covers and 56 not compared (rates, parts, ranks, ...), listed with --all-findings'."""
    counts = summary.get("unlisted") or {}
    if not counts:
        return ""
    uncovered = sum(n for r, n in counts.items() if r in UNCOVERED)
    statements = counts.get(UNSOURCED, 0)
    other = sum(n for r, n in counts.items() if r not in UNCOVERED and r != UNSOURCED)
    parts = []
    if uncovered:
        parts.append(f"{uncovered:,} figure{'s' if uncovered != 1 else ''} no source covers")
    if statements:
        parts.append(f"{statements:,} statement{'s' if statements != 1 else ''} of an event no source records")
    if other:
        top = ", ".join(f"{n:,} {r.replace('_', ' ')}" for r, n in sorted(counts.items(), key=lambda kv: -kv[1])
                        if r not in UNCOVERED and r != UNSOURCED)
        parts.append(f"{other:,} not compared ({top})")
    return (", ".join(parts[:-1]) + " and " + parts[-1] if len(parts) > 1 else parts[0]) + ": --all-findings lists them"


def summarize(report: dict[str, Any]) -> dict[str, Any]:
    """The summary of what the report holds now (after baseline or revision filters)."""
    totals = Totals()
    for d in report["documents"]:
        totals.add(d)
    return totals.summary()


class Totals:
    """A summary's counts, added up a document at a time: a streamed run keeps these, not the claims."""

    def __init__(self) -> None:
        self.documents = 0
        self.listed = 0
        self.verdicts = {"supported": 0, "contradicted": 0, "not_enough_info": 0}
        self.findings = {"error": 0, "warning": 0, "note": 0, "suppressed": 0}
        self.unlisted: dict[str, int] = {}
        self.unmatched: list[str] = []

    def add(self, doc: dict[str, Any]) -> Totals:
        self.documents += 1
        for c in doc["claims"]:
            self.listed += 1
            self.verdicts[c["verdict"]] += 1
            if c["finding"] is not None:
                self.findings["suppressed" if c["suppressed"] else c["finding"]["severity"]] += 1
        for p in doc["problems"]:  # problems with suppression comments are never suppressed
            self.findings[p["severity"]] += 1
        for reason, n in (doc.get("unlisted") or {}).items():
            self.unlisted[reason] = self.unlisted.get(reason, 0) + n
        if doc["claims"] and not any(c["matched_measure"] and c["reason"] != "weak_match" for c in doc["claims"]):
            self.unmatched.append(doc["path"])
        return self

    def merge(self, other: Totals) -> None:
        self.documents += other.documents
        self.listed += other.listed
        for key, n in other.verdicts.items():
            self.verdicts[key] += n
        for key, n in other.findings.items():
            self.findings[key] += n
        for reason, n in other.unlisted.items():
            self.unlisted[reason] = self.unlisted.get(reason, 0) + n
        self.unmatched.extend(other.unmatched)

    @property
    def claims(self) -> int:
        """Listed and unlisted: what the table's choice of layout counts."""
        return self.listed + sum(self.unlisted.values())

    def summary(self) -> dict[str, Any]:
        hidden = sum(self.unlisted.values())
        return {
            "documents": self.documents,
            "claims": self.listed + hidden,
            "supported": self.verdicts["supported"],
            "contradicted": self.verdicts["contradicted"],
            "not_enough_info": self.verdicts["not_enough_info"] + hidden,
            "findings": dict(self.findings),
            "unlisted": dict(sorted(self.unlisted.items())),
            "unmatched": list(self.unmatched),
        }


def unchecked(doc: dict[str, Any], threshold: float = CHECKWORTHY) -> list[dict[str, Any]]:
    """Check-worthy sentences that no source could check: no claim in them, or only claims no record answered.

    A claim a record answered without deciding it (an uncertain reading, a record close to the figure, a figure too
    round) is in the claims' list with that record, for the reviewer to decide: its sentence is not left out again."""
    checked = {c["id"] for c in doc["claims"] if c["verdict"] != "not_enough_info" or c["evidence"]}
    return [s for s in doc.get("sentences", ()) if s["checkworthiness"] >= threshold and not checked & set(s["claims"])]


def keep_checkworthy(report: dict[str, Any], minimum: float) -> None:
    """--min-checkworthiness: report only the claims whose sentence scores at least ``minimum``."""
    if minimum <= 0:
        return
    for doc in report["documents"]:
        doc["claims"] = [c for c in doc["claims"] if (c["checkworthiness"] or 0.0) >= minimum]


def finding_dict(code: str) -> dict[str, str]:
    """The finding's dict, one per code for a run: claims share it (nothing changes one; a claim's finding is replaced)."""
    found = _FINDING_DICTS.get(code)
    if found is None:
        f = FINDINGS[code]
        found = _FINDING_DICTS[code] = {"code": f.code, "name": f.name, "severity": f.severity, "title": f.title}
    return found


_FINDING_DICTS: dict[str, dict[str, str]] = {}


def problem_dict(p: Problem) -> dict[str, Any]:
    f = FINDINGS[p.code]
    return {
        "code": p.code, "name": f.name, "severity": f.severity, "message": p.message,
        "location": {"line": p.line, "column": p.column, "end_line": p.end_line, "end_column": p.end_column,
                     "start": p.start, "end": p.end},
    }


def _sentences(r: Checked, claims: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every sentence with its check-worthiness, the features behind it, and the ids of its claims."""
    by_start: dict[int, list[str]] = {}
    for (c, _), out in zip(r.claims, claims):
        by_start.setdefault(c.sentence.start, []).append(out["id"])
    return _sentence_dicts(r, by_start)


def _sentence_rows(r: Checked, by_start: dict[int, list[str]]) -> list[Row]:
    lines = LineIndex(r.text)
    rows: list[Row] = []
    for n, (s, cw) in enumerate(r.sentences):
        line, column = lines.position(s.start)
        end_line, end_column = lines.position(s.end)
        rows.append((n, s.text, line, column, end_line, end_column, s.start, s.end, cw.score, cw.features, by_start.get(s.start, [])))
    return rows


def _sentence_dicts(r: Checked, by_start: dict[int, list[str]]) -> list[dict[str, Any]]:
    return [sentence_dict(row) for row in _sentence_rows(r, by_start)]


def _finite(x: float) -> float | None:
    return x if math.isfinite(x) else None


class _Shared:
    """The parts of a document's claims that many have alike, each made once and read by every format, never
    changed: a record's evidence, a subject, a period. 80,000 claims of figure-dense prose name a few hundred
    countries, years and records; a dict each made the report part half again as large (issue 19)."""

    __slots__ = ("evidence", "subjects", "periods")

    def __init__(self) -> None:
        self.evidence: dict[int, tuple[Observation, dict]] = {}  # by the record object, which the entry keeps alive
        self.subjects: dict[tuple[str, str], dict] = {}
        self.periods: dict[Period, dict] = {}

    def evidence_of(self, r: Observation) -> dict:
        hit = self.evidence.get(id(r))
        if hit is None or hit[0] is not r:
            hit = self.evidence[id(r)] = (r, _evidence_dict(r))
        return hit[1]

    def subject_of(self, e: Entity) -> dict:
        key = (e.id, e.name)
        made = self.subjects.get(key)
        if made is None:
            made = self.subjects[key] = {"id": e.id, "name": e.name}
        return made

    def period_of(self, p: Period) -> dict:
        made = self.periods.get(p)
        if made is None:
            made = self.periods[p] = {"start": p.start, "end": p.end, "text": p.text, "kind": p.kind,
                                      "year_known": p.year_known, "inherited": p.inherited}
        return made


def _claim_dict(c: Claim, v: Verdict, tolerance: float, shared: _Shared, suppressed: Suppression | None,
                sentence: int | None = None, checkworthiness: float | None = None) -> dict:
    """A claim points at its sentence by index: the text is once in the document's ``sentences`` (issue 19,
    point 4: repeating it in every claim made the report of real articles 20-30x its input)."""
    q = c.quantity
    p = c.period
    code = code_for(v.reason)
    return {
        "id": c.id,
        "text": c.text,
        "sentence": sentence,
        "location": {"line": c.line, "column": c.column, "end_line": c.end_line, "end_column": c.end_column,
                     "start": c.span.start, "end": c.span.end},
        "subject": shared.subject_of(c.subject) if c.subject else None,
        "measure": c.measure,
        "kind": c.kind,
        "item": c.item,
        "quantity": None if q is None else _quantity_dict(q, tolerance),
        "period": None if p is None else shared.period_of(p),
        "checkworthiness": checkworthiness,
        "verdict": v.label,
        "reason": v.reason,
        "explanation": v.explanation,
        "reference": v.reference,
        "matched_measure": v.measure,
        "match_score": v.match_score,
        "evidence": [shared.evidence_of(r) for r in v.evidence],
        "computation": _computation_dict(v.computation) if v.computation else None,
        "finding": finding_dict(code) if code else None,
        "suppressed": {"by": "inline", "reason": suppressed.reason, "line": suppressed.line} if suppressed else None,
        "review": None,
    }


def _computation_dict(c: Computation) -> dict[str, Any]:
    return {"operation": c.operation, "formula": c.words, "symbols": c.symbols, "value": c.value, "value_text": c.shown,
            "alternative": c.alternative, "alternative_text": c.alternative_words, "low": c.low, "high": c.high}


def _quantity_dict(q: Quantity, tolerance: float) -> dict[str, Any]:
    span = interval(q, tolerance)
    return {
        "value": q.value, "value_high": q.value_high, "text": q.text, "unit": q.unit, "currency": q.currency,
        "qualifier": q.qualifier.value, "qualifier_text": q.qualifier_text, "list_hedge": q.list_hedge,
        "low": _finite(span.low), "high": _finite(span.high),
    }


def _evidence_dict(r: Observation) -> dict:
    period: dict[str, Any] | None
    if r.period_end is None:
        period = None
    else:
        if r.period_start is None or r.period_start == r.period_end:
            text, kind = str(r.period_end), "as_of" if r.period_start is None else "day"
        else:
            text, kind = f"{r.period_start} to {r.period_end}", "range"
        period = {"start": r.period_start, "end": r.period_end, "text": text, "kind": kind, "year_known": True, "inherited": False}
    p = r.provenance
    out = {
        "source": p.source, "title": p.title, "publisher": r.publisher or p.publisher, "url": r.cite_url, "licence": p.licence,
        "retrieved": p.retrieved, "sha256": p.sha256, "record": r.row, "value": r.value, "unit": r.unit, "period": period,
        "origin": r.origin, "note": r.note, "kind": r.kind,
    }
    if r.member is not None:
        out["member"] = {"name": r.member, "type": r.member_type, "part_of": r.part_of, "complete_set": r.complete}
    return out
