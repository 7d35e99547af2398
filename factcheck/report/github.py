"""The ``github`` format: GitHub Actions workflow commands, one annotation per finding, grouped per file.

GitHub shows at most 10 error and 10 warning annotations per step and drops the
rest silently, so the CLI also appends the full verdict table to
``$GITHUB_STEP_SUMMARY`` when it is set (:func:`step_summary`).
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
    lines: list[str] = []
    current = None
    path = ""
    for f in findings(report, minimum):
        if f.path != current:
            if current is not None:
                lines.append("::endgroup::")
            current = f.path
            path = relative(f.path, root) or f.path
            lines.append(f"::group::{escape_data(f.path)}")
        props = (
            f"file={escape_property(path)},line={f.line},col={f.column},endLine={f.end_line},endColumn={f.end_column},"
            f"title={escape_property(f'{f.code} {FINDINGS[f.code].name}')}"
        )
        lines.append(f"::{_COMMAND[f.severity]} {props}::{escape_data(f.message)}")
    if current is not None:
        lines.append("::endgroup::")
    counts = report["summary"]["findings"]
    lines.append(
        f"factcheck: {counts['error']} error(s), {counts['warning']} warning(s), {counts['note']} note(s)"
        f", {counts['suppressed']} suppressed"
        + (f"; not listed: {unlisted_text(report['summary'])}" if unlisted_text(report["summary"]) else "")
    )
    return "\n".join(lines) + "\n"
