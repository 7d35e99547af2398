"""The ``markdown`` format: a verdict table with numbered provenance footnotes."""

from __future__ import annotations

import re
from typing import Any

from ..core.reasons import REASONS
from .build import unchecked
from .safe import markdown_link, markdown_text
from .build import unlisted_text
from .table import computation_text, evidence_value, figure, finding_note, findings_text, revision_text, unmatched_text

_ICONS = {"supported": "✅ supported", "contradicted": "❌ contradicted", "not_enough_info": "❔ not enough info"}


def _cell(text: str) -> str:
    return markdown_text(text)


def render(report: dict[str, Any]) -> str:
    notes: dict[tuple[str, int], int] = {}
    note_lines: list[str] = []
    calc_lines: list[str] = []
    body = []
    for doc in report["documents"]:
        text, evidence, calcs = document(doc)
        body.append(number(text, evidence, notes, note_lines, calcs, calc_lines))
    used = {c["reason"] for d in report["documents"] for c in d["claims"]}
    return (head(report["summary"], report.get("revision")) + "".join(body)
            + tail(used, note_lines, report["tool"], report["schema_version"], calc_lines))


def head(s: dict[str, Any], revision: dict[str, Any] | None) -> str:
    """The title and the summary: written last in a streamed run (the body waits in a temporary file)."""
    out = [
        "# factcheck report",
        "",
        f"{s['claims']} claims in {s['documents']} document(s): **{s['supported']} supported**, "
        f"**{s['contradicted']} contradicted**, **{s['not_enough_info']} not enough info**; "
        f"{findings_text(s['findings'])}{revision_text({'revision': revision})}.",
        "",
    ]
    if unlisted_text(s):
        out += [f"Not listed: {markdown_text(unlisted_text(s))}.", ""]
    if s.get("unmatched"):
        out += [f"**Note:** {markdown_text(unmatched_text(s['unmatched']))}.", ""]
    return "\n".join(out) + "\n"


Evidence = list[tuple[tuple[str, int], str]]  # (source, record) and its footnote without the number
_REF = re.compile(r"\[\^(calc-)?<(\d+)>\]")  # a footnote reference before numbering; escaped text never holds '<'


def document(doc: dict[str, Any]) -> tuple[str, Evidence, list[str]]:
    """One document's section, its footnote references marked ``[^<k>]`` (k: the k-th record it cites), and
    those records: footnotes are numbered across the report, which :func:`number` does as sections arrive."""
    out = [f"## {markdown_text(doc['path'])}", ""]
    cited: dict[tuple[str, int], int] = {}
    evidence: Evidence = []
    calcs: list[str] = []  # the computations of derived figures, footnotes numbered across the report too
    if not doc["claims"]:
        out += ["No checkable figures found.", ""]
        left = unchecked(doc)
        out += [f"- {s['location']['line']}:{s['location']['column']} ({s['checkworthiness']:.2f}): {_cell(s['text'])}"
                for s in left] + ([""] if left else [])
        return "\n".join(out) + "\n", evidence, calcs
    out += ["| Line | Claim | Claimed | Reference | Verdict | Why | Evidence |", "|---:|---|---|---|---|---|---|"]
    for c in doc["claims"]:
        refs = []
        for e in c["evidence"]:
            key = (e["source"], e["record"])
            if key not in cited:
                cited[key] = len(evidence)
                evidence.append((key, _footnote_body(e)))
            refs.append(f"[^<{cited[key]}>]")
        computed = computation_text(c)
        if computed:  # a derived figure: its arithmetic is a footnote of its own, citing the records' footnotes
            calc = f"calc-<{len(calcs)}>"
            calcs.append(f"[^{calc}]: {markdown_text(computed[0].upper() + computed[1:])}. Records: {' '.join(refs)}.")
            refs.insert(0, f"[^{calc}]")
        loc = c["location"]
        out.append(
            f"| {loc['line']}:{loc['column']} | {_cell(c['text'])} | {_cell(_claimed(c))} | "
            f"{_cell(c['reference'] or '—')} | {_ICONS[c['verdict']]} ({c['reason']}{finding_note(c)}) | {_cell(c['explanation'])} | "
            f"{' '.join(refs) or '—'} |"
        )
    out.append("")
    left = unchecked(doc)
    if left:
        out += [f"Check-worthy sentences no source could check ({len(left)}):", ""]
        out += [f"- {s['location']['line']}:{s['location']['column']} ({s['checkworthiness']:.2f}): {_cell(s['text'])}"
                for s in left]
        out.append("")
    if doc["problems"]:
        comments_only = all(p["code"].startswith("FC9") for p in doc["problems"])
        out += ["Suppression comments to fix:" if comments_only else "Problems to fix:", ""]
        out += [f"- {p['location']['line']}:{p['location']['column']}: {p['code']} {_cell(p['message'])}" for p in doc["problems"]]
        out.append("")
    return "\n".join(out) + "\n", evidence, calcs


def number(text: str, evidence: Evidence, notes: dict[tuple[str, int], int], note_lines: list[str],
           calcs: list[str] = (), calc_lines: list[str] | None = None) -> str:  # type: ignore[assignment]
    """A section with its footnotes numbered in the report's order; new footnotes are added to ``note_lines``,
    its computations (numbered after those already in ``calc_lines``) to ``calc_lines``."""
    numbers = []
    for key, body in evidence:
        if key not in notes:
            notes[key] = len(notes) + 1
            note_lines.append(f"[^{notes[key]}]: {body}")
        numbers.append(notes[key])
    first = len(calc_lines) + 1 if calc_lines is not None else 1

    def numbered(m: re.Match[str]) -> str:
        return f"[^calc-{first + int(m[2])}]" if m[1] else f"[^{numbers[int(m[2])]}]"

    if calc_lines is not None:
        calc_lines.extend(_REF.sub(numbered, line) for line in calcs)
    return _REF.sub(numbered, text) if evidence or calcs else text


def tail(reasons: set[str], note_lines: list[str], tool: dict[str, Any], schema_version: str, calc_lines: list[str] = ()) -> str:  # type: ignore[assignment]
    """The reasons used, the computations, the footnotes, and the generator's line."""
    out = ["## Reasons", ""]
    out += [f"- `{code}` ({REASONS[code].verdict}): {REASONS[code].summary}" for code in sorted(reasons)]
    out.append("")
    if calc_lines:
        out += ["## Computations", ""] + list(calc_lines) + [""]
    if note_lines:
        out += ["## Sources", ""] + note_lines + [""]
    out.append(f"_Generated by {tool['name']} {tool['version']}, report schema {schema_version}._")
    return "\n".join(out) + "\n"


def _claimed(c: dict[str, Any]) -> str:
    q = c["quantity"]
    period = f" ({c['period']['text']})" if c["period"] else ""
    hedge = f" [list hedge '{q['list_hedge']}' not applied]" if q and q["list_hedge"] else ""
    subject = f"{c['subject']['name']}: " if c["subject"] else ""
    what = q["text"] if q else figure(c)
    return f"{subject}{what}{period}{hedge}"


def _footnote_body(e: dict[str, Any]) -> str:
    """A record's footnote after its ``[^n]: `` (which escaping leaves as it is)."""
    role = "origin of the figure (not independent)" if e["origin"] else "independent record"
    if e["kind"]:
        role += f", {e['kind']}"
    period = e["period"]["text"] if e["period"] else "no period"
    parts = [
        f"{e['publisher'] or e['title']}: {evidence_value(e)} ({period}), {role}.".replace(" ()", ""),
        _AUTOLINK if e["url"] else "",
        f"Dataset `{e['source']}` row {e['record']}, retrieved {e['retrieved'] or 'unknown'}, licence {e['licence']}, "
        f"sha256 `{e['sha256']}`.",
        f"Note: {e['note']}." if e["note"] else "",
    ]
    return " ".join(f"{markdown_link(e['url'])}." if p is _AUTOLINK else markdown_text(p) for p in parts if p)


_AUTOLINK = "\0url"  # where a footnote's URL goes, as an autolink, not escaped as text
