"""The ``concise`` format: ``path:line:col: CODE message [source]``, one finding a line (like ruff and Vale).

Written a document at a time (:func:`document`), then :func:`footer` with the counts.
"""

from __future__ import annotations

from typing import Any

from ..core.findings import Severity
from ..outcome import Finding, findings
from .build import unlisted_text
from .safe import printable


def render(report: dict[str, Any], minimum: Severity = "note") -> str:
    shown = findings(report, minimum)
    return "".join(_line(f) for f in shown) + footer(len(shown), report["summary"])


def document(doc: dict[str, Any], minimum: Severity = "note") -> tuple[str, int]:
    """One document's lines and how many findings they show."""
    shown = findings({"documents": [doc]}, minimum)
    return "".join(_line(f) for f in shown), len(shown)


def _line(f: Finding) -> str:
    # each field made printable: a newline in a file name or a source title never makes a line of its own
    return (f"{printable(f.path)}:{f.line}:{f.column}: {f.code} {printable(f.message)}"
            + (f" [{printable(f.source)}]" if f.source else "") + "\n")


def footer(shown: int, summary: dict[str, Any]) -> str:
    suppressed = summary["findings"]["suppressed"]
    tail = f" ({suppressed} suppressed)" if suppressed else ""
    lines = [f"Found {shown} finding{'s' if shown != 1 else ''}{tail}." if shown else f"No findings{tail}."]
    more = unlisted_text(summary)
    if more:
        lines.append(f"Not listed: {more}.")
    return "\n".join(lines) + "\n"
