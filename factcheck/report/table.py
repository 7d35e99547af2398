"""The ``table`` format: a coloured verdict table for a reviewer in a terminal."""

from __future__ import annotations

import os
from typing import IO, Any

from .build import unlisted_text
from .safe import printable

_STYLES = {"supported": "bold green", "contradicted": "bold red", "not_enough_info": "yellow"}
_LABELS = {"supported": "supported", "contradicted": "contradicted", "not_enough_info": "not enough info"}
_SYMBOLS = {"exact": "", "approximately": "≈ ", "more_than": "> ", "at_least": "≥ ", "less_than": "< ", "at_most": "≤ "}
# rich lays out a table at ~2 ms a row: 7,500 claims took 18 s. Above this many
# claims the table becomes one line per claim, written directly (~100x faster).
MAX_TABLE_ROWS = 500
_ANSI = {"supported": "\x1b[1;32m", "contradicted": "\x1b[1;31m", "not_enough_info": "\x1b[33m"}


def render(report: dict[str, Any], stream: IO[str], color: bool | None = None, width: int | None = None,
           verbose: bool = False) -> None:
    """The verdict table: compact (claim, verdict, one line of why) unless ``verbose`` (every column, evidence wrapped)."""
    # Piped into a file or another program, a table cut to 80 columns loses the Why and the provenance:
    # print every claim on one full line instead (issue 18, point 7); COLUMNS or a width asks for the table.
    why = layout(report["summary"]["claims"], stream, width, color)
    if why:
        _render_lines(report, stream, use_color(stream) if color is None else color, line_note(why))
        return
    from rich.console import Console  # imported here: rich costs ~100 ms to import

    # no_color=None lets rich honour NO_COLOR itself; False would override it
    console = Console(file=stream, force_terminal=color, no_color=True if color is False else None, width=width, highlight=False)
    for doc in report["documents"]:
        path = printable(doc["path"])
        if not doc["claims"]:
            console.print(f"{path}: no checkable figures", markup=False)
            _print_unchecked(console, doc)
            continue
        console.print(_wide(doc, path) if verbose else _compact(doc, path))
        _print_unchecked(console, doc)
        for p in doc["problems"]:
            loc = p["location"]
            console.print(printable(f"{path}:{loc['line']}:{loc['column']}: {p['code']} {p['message']}"), style="yellow", markup=False)
    console.print(_summary_text(report), style=None)


def _compact(doc: dict[str, Any], path: str) -> Any:
    """One line a claim: where, the claim, the verdict with its code, why (cut to the width left)."""
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(path), title_justify="left", box=box.SIMPLE_HEAD, pad_edge=False, expand=True)
    table.add_column("Line", no_wrap=True, style="dim")
    table.add_column("Claim", no_wrap=True, overflow="ellipsis", ratio=3, min_width=14)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Why", no_wrap=True, overflow="ellipsis", ratio=5, min_width=10)
    for c in doc["claims"]:
        loc = c["location"]
        verdict = Text(_SHORT[c["verdict"]], style=_STYLES[c["verdict"]])
        code = c["finding"]["code"] if c["finding"] else ""
        if code:
            verdict.append(f" {code}", style="dim")
        if c["suppressed"]:
            verdict.append(" (suppressed)", style="dim")
        table.add_row(f"{loc['line']}:{loc['column']}", Text(printable(c["text"])), verdict, Text(printable(c["explanation"])))
    return table


_SHORT = {"supported": "supported", "contradicted": "CONTRADICTED", "not_enough_info": "not enough"}


def _wide(doc: dict[str, Any], path: str) -> Any:
    """Every column, the explanation and its first record wrapped in full (--verbose)."""
    from rich.table import Table
    from rich.text import Text

    table = Table(title=Text(path), title_justify="left", expand=False)
    table.add_column("Location", no_wrap=True, style="dim")
    table.add_column("Claim", ratio=3)
    table.add_column("Claimed", ratio=2)
    table.add_column("Reference", ratio=2)
    table.add_column("Verdict", no_wrap=True)
    table.add_column("Why and source", ratio=5)
    for c in doc["claims"]:
        verdict = Text(_LABELS[c["verdict"]], style=_STYLES[c["verdict"]])
        verdict.append(f"\n{c['reason']}{finding_note(c, chr(10))}", style="dim")
        why = Text(printable(c["explanation"]))
        if c.get("computation"):  # a derived figure: the explanation gives the arithmetic, here every record it used
            why.append(f"\ncomputed from: {printable('; '.join(record_ref(e) for e in c['evidence']))}", style="dim")
        elif c["evidence"]:
            first = c["evidence"][0]
            why.append(f" [{first['source']} row {first['record']}]", style="dim")
        loc = c["location"]
        table.add_row(f"{loc['line']}:{loc['column']}", Text(printable(c["text"])), Text(printable(claimed(c))),
                      Text(printable(c["reference"] or "—")), verdict, why)
    return table


UNCHECKED_SHOWN = 20


def _print_unchecked(console: Any, doc: dict[str, Any]) -> None:
    """What is left for a human: check-worthy sentences no source could check."""
    from ..report.build import unchecked

    left = unchecked(doc)
    if not left:
        return
    console.print(f"Check-worthy sentences no source could check ({len(left)}):", style="bold yellow")
    for s in left[:UNCHECKED_SHOWN]:
        head = f"  {s['location']['line']}:{s['location']['column']}  {s['checkworthiness']:.2f}  "
        room = max(20, console.width - len(head) - 1)
        text = " ".join(printable(s["text"]).split())
        text = text if len(text) <= room else text[:room - 1] + "…"
        console.print(head + text, markup=False, no_wrap=True, overflow="ellipsis")
    if len(left) > UNCHECKED_SHOWN:
        console.print(f"  ... and {len(left) - UNCHECKED_SHOWN} more (json lists every sentence with its score)")


def finding_note(c: dict[str, Any], sep: str = " · ") -> str:
    """' · FC203', and whether the finding is suppressed: what CI will make of the claim."""
    f = c["finding"]
    if f is None:
        return ""
    note = f"{sep}{f['code']}"
    if c["suppressed"]:
        note += f" suppressed ({c['suppressed']['by']})"
    return note


def figure(c: dict[str, Any]) -> str:
    """'≥ 400' for a figure; the item of a member claim; 'statement' for a statement."""
    q = c["quantity"]
    if q is None:
        return c["item"] if c["kind"] == "member" else f"statement: {c['measure']}"
    return f"{_SYMBOLS[q['qualifier']]}{q['text']}"


def evidence_value(e: dict[str, Any]) -> str:
    """What a record says: its value and unit, or the member or place it names."""
    m = e.get("member")
    if m:
        where = f", in {m['part_of']}" if m["part_of"] else ""
        listed = ", in a complete list" if m["complete_set"] else ""
        return f"{m['name']} ({m['type'] or 'member'}{where}{listed})"
    return f"{e['value']:,.0f} {e['unit'] or ''}".rstrip()


def record_ref(e: dict[str, Any]) -> str:
    """One record as a computation cites it: dataset, row, period and value."""
    period = e["period"]["text"] if e["period"] else "no period"
    return f"{e['source']} row {e['record']} ({period}): {e['value']:,.10g}"


def computation_text(c: dict[str, Any]) -> str | None:
    """A derived figure's computation in one line: formula in words and symbols, value, the stated interval, every record."""
    k = c.get("computation")
    if not k:
        return None
    low, high = k["low"], k["high"]
    stated = f"{low:,.10g} to {high:,.10g}" if low is not None and high is not None else (
        f"from {low:,.10g}" if low is not None else (f"up to {high:,.10g}" if high is not None else "any value"))
    alternative = f"; also admissible: {k['alternative_text']}" if k.get("alternative_text") else ""
    records = "; ".join(record_ref(e) for e in c["evidence"])
    return (f"computed ({k['operation'].replace('_', ' ')}): {k['formula']}; {k['symbols']} = {k['value_text']}{alternative}; "
            f"the stated figure means {stated}; records: {records}")


def claimed(c: dict[str, Any]) -> str:
    """The claim as factcheck read it: qualifier and value (or the named item), subject and period."""
    text = figure(c)
    if c["subject"]:
        text += f", {c['subject']['name']}"
    if c["period"]:
        text += f", {c['period']['text']}"
    return text


def _summary_text(report: dict[str, Any]):  # type: ignore[no-untyped-def]
    from rich.text import Text

    s = report["summary"]
    summary = Text(f"{s['claims']} claim{'s' if s['claims'] != 1 else ''} in {s['documents']} document(s): ")
    summary.append(f"{s['supported']} supported", style=_STYLES["supported"])
    summary.append(", ")
    summary.append(f"{s['contradicted']} contradicted", style=_STYLES["contradicted"])
    summary.append(", ")
    summary.append(f"{s['not_enough_info']} not enough info", style=_STYLES["not_enough_info"])
    summary.append(f"; {findings_text(s['findings'])}{revision_text(report)}")
    more = unlisted_text(s)
    if more:
        summary.append(f"\nNot listed: {more}.")
    if s.get("unmatched"):
        summary.append(f"\n{unmatched_text(s['unmatched'])}", style="yellow")
    return summary


def unmatched_text(paths: list[str]) -> str:
    """The documents no source could say anything about: a missing source, not a clean bill."""
    shown = ", ".join(printable(p) for p in paths[:5]) + (f" and {len(paths) - 5} more" if len(paths) > 5 else "")
    return (f"no configured source matched any claim of {len(paths)} document{'s' if len(paths) != 1 else ''} ({shown}): "
            "add a source for what they state (see 'Reference sources')")


def revision_text(report: dict[str, Any]) -> str:
    """Under --diff-base, how many unchanged claims were left out."""
    revision = report.get("revision")
    return f" ({revision['unchanged']} unchanged since {printable(revision['base'])} not shown)" if revision else ""


def findings_text(counts: dict[str, int]) -> str:
    """'findings: 1 error, 3 warnings, 1 note, 2 suppressed' (only the non-zero ones)."""
    parts = [f"{counts[k]} {k}{'s' if counts[k] != 1 else ''}" for k in ("error", "warning", "note") if counts[k]]
    if counts["suppressed"]:
        parts.append(f"{counts['suppressed']} suppressed")
    return "findings: " + (", ".join(parts) if parts else "none")


def use_color(stream: IO[str]) -> bool:
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return bool(getattr(stream, "isatty", lambda: False)())


def _render_lines(report: dict[str, Any], stream: IO[str], color: bool, note: str) -> None:
    """One line per claim: location, verdict, reason, claim, reference, explanation."""
    for doc in report["documents"]:
        stream.write(document_lines(doc, color))
    stream.write(summary_line(report["summary"], report.get("revision"), note, color))


def layout(claims: int, stream: IO[str], width: int | None, color: bool | None) -> str | None:
    """Why the table is printed one line a claim ('piped' or 'many'), or None for the table itself."""
    if claims > MAX_TABLE_ROWS:
        return "many"
    if width is None and not color and not os.environ.get("COLUMNS") and not os.environ.get("FORCE_COLOR") \
            and not getattr(stream, "isatty", lambda: False)():
        return "piped"
    return None


def line_note(why: str) -> str:
    return (f"more than {MAX_TABLE_ROWS} claims: one line each; --format markdown or json for full tables" if why == "many"
            else "not a terminal: one line a claim, in full; set COLUMNS for the table")


def document_lines(doc: dict[str, Any], color: bool) -> str:
    """One document's lines: a line per claim (and per problem), or one saying there are none listed."""
    reset = "\x1b[0m" if color else ""
    out = []
    write = out.append
    path = printable(doc["path"])  # every field made printable, not the line: the verdict's own colour stays
    if not doc["claims"]:
        unlisted = sum((doc.get("unlisted") or {}).values())
        write(f"{path}: " + (f"{unlisted} figure{'s' if unlisted != 1 else ''} not listed\n" if unlisted
                             else "no checkable figures\n"))
    for p in doc["problems"]:
        write(f"{path}:{p['location']['line']}:{p['location']['column']}: {p['code']} {printable(p['message'])}\n")
    for c in doc["claims"]:
        start = _ANSI[c["verdict"]] if color else ""
        reference = f" (reference {printable(c['reference'])})" if c["reference"] else ""
        loc = c["location"]
        write(
            f"{path}:{loc['line']}:{loc['column']}: {start}{_LABELS[c['verdict']]}{reset} [{c['reason']}{finding_note(c)}] "
            f"{printable(c['text'])}{reference}: {printable(c['explanation'])}\n"
        )
    return "".join(out)


def summary_line(s: dict[str, Any], revision: dict[str, Any] | None, note: str, color: bool) -> str:
    """The last line of the one-line-a-claim layout."""
    line = (
        f"{s['claims']} claim{'s' if s['claims'] != 1 else ''} in {s['documents']} document(s): {s['supported']} supported, "
        f"{s['contradicted']} contradicted, {s['not_enough_info']} not enough info; {findings_text(s['findings'])}"
        f"{revision_text({'revision': revision})} "
        f"({note})"
        + (f"; not listed: {unlisted_text(s)}" if unlisted_text(s) else "")
    )
    return line + "\n"  # its fields are made printable where they are made (revision_text, unlisted_text)
