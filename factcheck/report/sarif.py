"""The ``sarif`` format: SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.

Rules come from the findings catalogue; each finding is a result with its
region, a repository-relative URI under ``%SRCROOT%``, and the claim id as a
partial fingerprint so an alert follows its claim across edits. Suppressed
findings are kept, with a SARIF ``suppressions`` entry (inline comments are
``inSource``, baseline and review entries ``external``), so viewers show them
as dismissed rather than lose them.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from pydantic_core import to_json

from .. import __version__
from ..core.findings import FINDINGS, Severity
from ..outcome import Finding, findings
from .locations import relative

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_CODES = list(FINDINGS)


def render(report: dict[str, Any], root: Path, minimum: Severity = "note") -> str:
    uris: dict[str, dict[str, str]] = {}
    results = []
    for f in findings(report, minimum, suppressed=True):
        if f.path not in uris:
            rel = relative(f.path, root)
            uris[f.path] = {"uri": rel, "uriBaseId": "%SRCROOT%"} if rel else {"uri": Path(f.path).resolve().as_uri()}
        results.append(_result(f, uris[f.path]))
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "rules": [_rule(code) for code in _CODES],
            }},
            "columnKind": "unicodeCodePoints",
            "results": results,
        }],
    }
    return to_json(log, indent=2).decode("utf-8") + "\n"  # Rust: ~9x faster than json.dumps with indent


def _rule(code: str) -> dict[str, Any]:
    f = FINDINGS[code]
    return {
        "id": f.code,
        "name": f.name,
        "shortDescription": {"text": f.title},
        "fullDescription": {"text": f"{f.title}. {f.help}"},
        "help": {"text": f.help, "markdown": f.help},
        "defaultConfiguration": {"level": f.severity},
        "properties": {"tags": ["factcheck", f.fails_at]},
    }


def _result(f: Finding, artifact: dict[str, str]) -> dict[str, Any]:
    fingerprint = f.claim_id or hashlib.sha1(f"{f.path}|{f.code}|{f.message}".encode()).hexdigest()[:16]
    result: dict[str, Any] = {
        "ruleId": f.code,
        "ruleIndex": _CODES.index(f.code),
        "level": f.severity,
        "message": {"text": f.message},
        "locations": [{"physicalLocation": {
            "artifactLocation": artifact,
            "region": {"startLine": f.line, "startColumn": f.column, "endLine": f.end_line, "endColumn": f.end_column},
        }}],
        "partialFingerprints": {"factcheck/claim/v1": fingerprint},
    }
    if f.claim_id:
        result["properties"] = {"claimId": f.claim_id, **({"source": f.source} if f.source else {})}
    if f.suppressed:
        kind = "inSource" if f.suppressed["by"] == "inline" else "external"
        result["suppressions"] = [{"kind": kind, "justification": f.suppressed["reason"]}]
    return result
