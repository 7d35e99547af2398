"""The ``github`` format: GitHub Actions workflow commands, one annotation per finding, grouped per file.

GitHub shows at most 10 error and 10 warning annotations per step and drops the
rest silently, so the CLI also appends the full verdict table to
``$GITHUB_STEP_SUMMARY`` when it is set. Written a document at a time (:func:`document`),
then :func:`footer` with the counts.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from ..core.findings import FINDINGS, Severity
from ..outcome import findings
from .build import unlisted_text
from .locations import relative
from .safe import printable

_COMMAND = {"error": "error", "warning": "warning", "note": "notice"}


def escape_data(text: str) -> str:
    """The toolkit's escaping of a command's message, after control and bidi characters are made visible.

    CR and LF become ``%0D`` and ``%0A`` (GitHub shows them as line breaks inside the annotation): no text
    from a document, a file name or a source can end the command's line and start another command.
    """
    return printable(text, keep_breaks=True).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """The toolkit's escaping of a property value: the message's, plus ':' and ','."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: dict[str, Any], root: Path, minimum: Severity = "note") -> str:
    return "".join(document(doc, root, minimum) for doc in report["documents"]) + footer(report["summary"])


def document(doc: dict[str, Any], root: Path, minimum: Severity = "note") -> str:
    """One document's annotations in a group of their own (nothing for a document without findings)."""
    shown = findings({"documents": [doc]}, minimum)
    if not shown:
        return ""
    path = relative(doc["path"], root) or doc["path"]
    lines = [f"::group::{escape_data(doc['path'])}"]
    for f in shown:
        props = (
            f"file={escape_property(path)},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},"
            f"title={escape_property(f'{f.code} {FINDINGS[f.code].name}')}"
        )
        lines.append(f"::{_COMMAND[f.severity]} {props}::{escape_data(f.message)}")
    lines.append("::endgroup::")
    return "\n".join(lines) + "\n"


def footer(summary: dict[str, Any]) -> str:
    counts = summary["findings"]
    more = unlisted_text(summary)
    return (
        f"factcheck: {counts['error']} error(s), {counts['warning']} warning(s), {counts['note']} note(s)"
        f", {counts['suppressed']} suppressed" + (f"; not listed: {more}" if more else "") + "\n"
    )
