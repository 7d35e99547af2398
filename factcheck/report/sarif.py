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
from urllib.parse import quote

from pydantic_core import to_json

from .. import __version__
from ..core.findings import FINDINGS, Severity
from ..outcome import Finding, findings
from .locations import relative

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_CODES = list(FINDINGS)


INFORMATION_URI = "https://pypi.org/project/factcheck-figures/"


def render(report: dict[str, Any], root: Path, minimum: Severity = "note") -> str:
    bases = base_ids(root)
    results: list[bytes] = []
    for doc in report["documents"]:
        items, base = document(doc, root, minimum)
        results += items
        if base:
            bases.setdefault(*base)
    head, tail = envelope(bases, bool(results))
    return (head + b",\n".join(results) + tail).decode("utf-8")


def base_ids(root: Path) -> dict[str, Any]:
    """The log's ``originalUriBaseIds``: the repository, then a folder of its own for each file outside it."""
    return {"%SRCROOT%": {"uri": _folder_uri(root)}}


_RESULTS = "\0results\0"
_PAD = b"        "  # a result's depth in the log: runs, its run, results


def envelope(bases: dict[str, Any], any_results: bool) -> tuple[bytes, bytes]:
    """The log before and after its results, as ``to_json(indent=2)`` writes the whole: results are written a
    document at a time (:func:`document`) and the base ids they need are known once they are."""
    log = {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "factcheck",
                "version": __version__,
                "semanticVersion": __version__,
                "informationUri": INFORMATION_URI,
                "rules": [_rule(code) for code in _CODES],
            }},
            "originalUriBaseIds": bases,
            "columnKind": "unicodeCodePoints",
            "results": [_RESULTS] if any_results else [],
        }],
    }
    text = to_json(log, indent=2) + b"\n"  # Rust: ~9x faster than json.dumps with indent
    if not any_results:
        return text, b""
    head, _, tail = text.partition(_PAD + to_json(_RESULTS))
    return head, tail


def document(doc: dict[str, Any], root: Path, minimum: Severity = "note") -> tuple[list[bytes], tuple[str, Any] | None]:
    """One document's results, each indented as an element of the log's results, and the base id its file
    needs when it lies outside the repository."""
    shown = findings({"documents": [doc]}, minimum, suppressed=True)
    if not shown:
        return [], None
    bases: dict[str, Any] = {}
    artifact = _artifact(doc["path"], root, bases)
    items = [_PAD + to_json(_result(f, artifact), indent=2).replace(b"\n", b"\n" + _PAD) for f in shown]
    return items, next(iter(bases.items()), None)


def _artifact(path: str, root: Path, bases: dict[str, Any]) -> dict[str, str]:
    """A repository file relative to %SRCROOT%; one outside it relative to a base id of its own folder.

    URIs are percent-encoded (a space, '#', '%' or non-ASCII in a path is otherwise no valid URI).
    """
    rel = relative(path, root)
    if rel is not None:
        return {"uri": quote(rel), "uriBaseId": "%SRCROOT%"}
    folder = Path(path).resolve().parent
    key = f"OUTSIDE{hashlib.sha1(str(folder).encode()).hexdigest()[:8].upper()}"
    bases.setdefault(key, {"uri": _folder_uri(folder), "description": {"text": "a folder outside the repository"}})
    return {"uri": quote(Path(path).name), "uriBaseId": key}


def _folder_uri(folder: Path) -> str:
    """An absolute file URI ending in '/', percent-encoded, as SARIF requires of a base."""
    return Path(folder).resolve().as_uri().rstrip("/") + "/"


def _rule(code: str) -> dict[str, Any]:
    f = FINDINGS[code]
    return {
        "id": f.code,
        "name": f.name,
        "shortDescription": {"text": f.title},
        "fullDescription": {"text": f"{f.title}. {f.help}"},
        "help": {"text": f.help, "markdown": f.help},
        "helpUri": f"{INFORMATION_URI}#findings-what-ci-acts-on",
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
        result["properties"] = {"claimId": f.claim_id, **({"source": f.source} if f.source else {}),
                                **({"computation": f.computation} if f.computation else {})}
    if f.suppressed:
        kind = "inSource" if f.suppressed["by"] == "inline" else "external"
        result["suppressions"] = [{"kind": kind, "justification": f.suppressed["reason"]}]
    return result
