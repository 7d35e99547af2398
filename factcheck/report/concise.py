"""The ``concise`` format: ``path:line:col: CODE message [source]``, one finding a line (like ruff and Vale)."""

from __future__ import annotations

from typing import Any

from ..core.findings import Severity
from ..outcome import findings
from .build import unlisted_text
from .safe import printable


def render(report: dict[str, Any], minimum: Severity = "note") -> str:
    shown = findings(report, minimum)
    # each field made printable: a newline in a file name or a source title never makes a line of its own
    lines = [
        f"{printable(f.path)}:{f.line}:{f.column}: {f.code} {printable(f.message)}" + (f" [{printable(f.source)}]" if f.source else "")
        for f in shown
    ]
    suppressed = report["summary"]["findings"]["suppressed"]
    tail = f" ({suppressed} suppressed)" if suppressed else ""
    lines.append(f"Found {len(shown)} finding{'s' if len(shown) != 1 else ''}{tail}." if shown else f"No findings{tail}.")
    more = unlisted_text(report["summary"])
    if more:
        lines.append(f"Not listed: {more}.")
    return "\n".join(lines) + "\n"
