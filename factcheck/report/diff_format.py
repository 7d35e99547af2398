"""Formats of ``factcheck diff``: a table for the terminal, JSON, and Markdown."""

from __future__ import annotations

from typing import IO, Any

from pydantic_core import to_json

from .safe import markdown_text
from .table import figure

_LABELS = {"supported": "supported", "contradicted": "contradicted", "not_enough_info": "not enough info"}
_STYLES = {"supported": "green", "contradicted": "bold red", "not_enough_info": "yellow"}


def rows(diff: dict[str, Any]) -> list[tuple[str, str, str, str, str, str]]:
    """(change, location, claim, before, after, verdict change) for each difference, in the new document's order."""
    out = []
    for pair in diff["changed"]:
        old, new = pair["old"], pair["new"]
        out.append(("changed", _loc(new), new["text"], f"{figure(old)} ({_LABELS[old['verdict']]})",
                    f"{figure(new)} ({_LABELS[new['verdict']]})", new["verdict"]))
    for c in diff["added"]:
        out.append(("added", _loc(c), c["text"], "—", f"{figure(c)} ({_LABELS[c['verdict']]})", c["verdict"]))
    for c in diff["removed"]:
        out.append(("removed", "old " + _loc(c), c["text"], f"{figure(c)} ({_LABELS[c['verdict']]})", "—", ""))
    return out


def _loc(c: dict[str, Any]) -> str:
    return f"{c['location']['line']}:{c['location']['column']}"


def _headline(diff: dict[str, Any]) -> str:
    s = diff["summary"]
    return (f"{diff['old']} → {diff['new']}: {s['added']} added, {s['removed']} removed, "
            f"{s['changed']} changed, {s['unchanged']} unchanged")


def render_table(diff: dict[str, Any], stream: IO[str], color: bool | None = None) -> None:
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    from .safe import printable

    console = Console(file=stream, force_terminal=color, no_color=True if color is False else None, highlight=False)
    table = Table(title=Text(printable(_headline(diff))), title_justify="left")
    for name in ("Change", "Where", "Claim", "Before", "After"):
        table.add_column(name)
    for change, loc, text, before, after, verdict in rows(diff):
        table.add_row(change, loc, Text(printable(text)), Text(printable(before)),
                      Text(printable(after), style=_STYLES[verdict] if verdict else ""))
    console.print(table if diff["added"] or diff["removed"] or diff["changed"] else Text(printable(_headline(diff))))


def render_json(diff: dict[str, Any]) -> str:
    return to_json(diff, indent=2).decode("utf-8") + "\n"


def render_markdown(diff: dict[str, Any]) -> str:
    out = ["# factcheck diff", "", _headline(diff) + ".", ""]
    if rows(diff):
        out += ["| Change | Where | Claim | Before | After |", "|---|---|---|---|---|"]
        out += ["| " + " | ".join(markdown_text(cell) for cell in r[:5]) + " |" for r in rows(diff)]
        out.append("")
    return "\n".join(out) + "\n"
