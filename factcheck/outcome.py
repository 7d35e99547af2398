"""What a run found and whether it fails: the findings of a report and the exit policy.

Every finding format (concise, sarif, github) reads :func:`findings`; the CLI
reads :func:`exit_code`. What is shown (``--min-severity``) and what fails
(``--fail-on``) are separate: a finding hidden from the output still fails.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from .core.findings import Policy, Severity, at_least, fails
from .errors import EXIT_CONTRADICTED, EXIT_OK


@dataclass(frozen=True, slots=True)
class Finding:
    path: str
    code: str
    severity: Severity
    message: str
    line: int
    column: int
    end_line: int
    end_column: int
    claim_id: str | None = None
    source: str | None = None  # the dataset of the first evidence record
    suppressed: dict[str, Any] | None = None
    computation: dict[str, Any] | None = None  # a derived figure: the computation and every record it used


def findings(report: dict[str, Any], minimum: Severity = "note", suppressed: bool = False) -> list[Finding]:
    """The report's findings in document order; suppressed ones only when asked."""
    out: list[Finding] = []
    for doc in report["documents"]:
        items: list[tuple[int, Finding]] = []
        for c in doc["claims"]:
            f = c["finding"]
            if f is None or (c["suppressed"] and not suppressed) or not at_least(f["severity"], minimum):
                continue
            items.append((c["location"]["start"], _claim_finding(doc["path"], c)))
        for p in doc["problems"]:
            if at_least(p["severity"], minimum):
                loc = p["location"]
                items.append((loc["start"], Finding(doc["path"], p["code"], p["severity"], p["message"], loc["line"],
                                                    loc["column"], loc["end_line"], loc["end_column"])))
        items.sort(key=lambda item: item[0])
        out.extend(f for _, f in items)
    return out


def _claim_finding(path: str, c: dict[str, Any]) -> Finding:
    f = c["finding"]
    if c["review"] and c["review"]["decision"] == "disputed":
        message = f"\"{c['text']}\": disputed in review: {c['review']['note'] or 'no note'} (verdict: {c['verdict']})"
    else:
        message = f"\"{c['text']}\": {c['explanation']}"
    loc = c["location"]
    source = c["evidence"][0]["source"] if c["evidence"] else None
    computation = None
    if c.get("computation"):
        records = [{"source": e["source"], "record": e["record"], "period": e["period"]["text"] if e["period"] else None,
                    "value": e["value"], "url": e["url"], "sha256": e["sha256"]} for e in c["evidence"]]
        computation = {**c["computation"], "records": records}
    return Finding(path, f["code"], f["severity"], message, loc["line"], loc["column"], loc["end_line"], loc["end_column"],
                   c["id"], source, c["suppressed"], computation)


def failing(report: dict[str, Any], policy: Policy) -> list[Finding]:
    """The unsuppressed findings that fail the run under ``policy``."""
    return [f for f in findings(report) if fails(f.code, policy)]


def exit_code(report: dict[str, Any], policy: Policy, exit_zero: bool = False) -> int:
    """0 or 1 by the policy; exit 2 (the tool failing) never comes from here, so it is never hidden."""
    if exit_zero:
        return EXIT_OK
    return EXIT_CONTRADICTED if failing(report, policy) else EXIT_OK
