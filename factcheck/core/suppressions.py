"""Inline suppressions in Markdown and text, in HTML comments (like markdownlint's):

    <!-- factcheck: ignore[FC201] figure from the minister's speech -->
        the next sentence's findings with these codes are suppressed
    <!-- factcheck: disable[FC201,FC203] reason -->  ...  <!-- factcheck: enable -->
        a range; ``enable[FC201]`` ends only the codes it names; an unended
        range runs to the end of the document

Codes are required and so is a reason. A comment without codes, or that cannot
be read, suppresses nothing and is reported (FC901); a missing reason is
reported (FC902) but the suppression holds; an unknown code is reported
(FC903); a suppression that matched no finding is reported as unused (FC900).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .document import LineIndex, comments, strip_comments
from .findings import FINDINGS
from .lazy import lazy

_COMMENT_HEAD = lazy(r"<!--\s*factcheck\s*:", re.I)
_DIRECTIVE = lazy(r"^\s*(?P<action>ignore|disable|enable)\b\s*(?:\[(?P<codes>[^\]]*)\])?(?P<reason>.*)$", re.S | re.I)
_WORDLIKE = lazy(r"\w")


@dataclass(frozen=True, slots=True)
class Directive:
    action: str  # ignore | disable | enable
    codes: tuple[str, ...]  # known codes only
    reason: str
    start: int  # the comment's offsets in the text
    end: int


@dataclass(frozen=True, slots=True)
class Problem:
    """A finding about the document itself rather than a claim (FC9xx)."""

    code: str
    message: str
    start: int
    end: int
    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True, slots=True)
class Suppression:
    reason: str
    line: int  # where the suppressing comment is


@dataclass(frozen=True, slots=True)
class Target:
    """What a suppression can act on: one claim's sentence, position and finding code."""

    sentence_start: int
    sentence_end: int
    start: int
    code: str | None


def parse(text: str) -> tuple[list[Directive], list[tuple[str, str, int, int]]]:
    """The directives of ``text`` and the problems found reading them (code, message, start, end)."""
    directives: list[Directive] = []
    problems: list[tuple[str, str, int, int]] = []
    for start, end in comments(text):
        head = _COMMENT_HEAD.match(text, start, end)
        if head is None:
            continue
        body = text[head.end():end - 3].strip()
        d = _DIRECTIVE.match(body)
        where = (start, end)
        if d is None:
            problems.append(("FC901", f"cannot read suppression '{body}': use ignore[CODE], disable[CODE] or enable", *where))
            continue
        action = d.group("action").lower()
        raw_codes = [c.strip().upper() for c in (d.group("codes") or "").split(",") if c.strip()]
        reason = " ".join(d.group("reason").split())
        unknown = [c for c in raw_codes if c not in FINDINGS]
        if unknown:
            problems.append(("FC903", f"unknown code(s) in suppression: {', '.join(unknown)}", *where))
        codes = tuple(c for c in raw_codes if c in FINDINGS)
        if action != "enable":
            if not raw_codes:
                problems.append(("FC901", f"'{action}' names no code, so it suppresses nothing: write {action}[FC201] reason", *where))
                continue
            if not reason:
                problems.append(("FC902", f"'{action}[{','.join(raw_codes)}]' gives no reason; say why after the codes", *where))
        if action == "enable" or codes:
            directives.append(Directive(action, codes, reason, *where))
    return directives, problems


def apply(text: str, targets: list[Target]) -> tuple[dict[int, Suppression], list[Problem]]:
    """Which targets (by index) the text's directives suppress, and the problems to report."""
    directives, raw = parse(text)
    lines = LineIndex(text)
    suppressed: dict[int, Suppression] = {}
    enables: dict[str | None, list[int]] = {}
    for x in directives:
        if x.action == "enable":
            for code in x.codes or (None,):
                enables.setdefault(code, []).append(x.start)
    index = _Index([t.sentence_end for t in targets], [t.start for t in targets], enables)
    for d in directives:
        if d.action == "enable":
            continue
        used: set[str] = set()
        for i in _reach(text, d, directives, targets, index):
            code = targets[i].code
            if code in d.codes and i not in suppressed:
                suppressed[i] = Suppression(d.reason or "(no reason given)", lines.position(d.start)[0])
                used.add(code)
        unused = [c for c in d.codes if c not in used]
        if unused:
            what = "the next sentence" if d.action == "ignore" else "its range"
            raw.append(("FC900", f"unused suppression: no {', '.join(unused)} finding in {what}", d.start, d.end))
    problems = [Problem(code, msg, s, e, *lines.position(s), *lines.position(e)) for code, msg, s, e in raw]
    problems.sort(key=lambda p: (p.start, p.code))
    return suppressed, problems


@dataclass(frozen=True, slots=True)
class _Index:
    """Positions computed once per document, for bisection."""

    sentence_ends: list[int]
    starts: list[int]
    enables: dict[str | None, list[int]]  # code (None: every code) -> starts of the enable comments, in order


def _reach(text: str, d: Directive, directives: list[Directive], targets: list[Target], index: _Index) -> list[int]:
    """Indices of the targets a directive covers (for ranges, per code).

    Targets are in document order, so each directive finds its first target by bisection:
    thousands of comments over thousands of claims stay linear-logarithmic, not quadratic.
    """
    if d.action == "ignore":
        # the sentence the comment stands in or before: the first to end after it,
        # provided no other words come between the comment and that sentence
        k = bisect_right(index.sentence_ends, d.end)
        if k == len(targets):
            return []
        first = targets[k]
        if first.sentence_start > d.end and _WORDLIKE.search(strip_comments(text[d.end:first.sentence_start])):
            return []
        out = []
        while k < len(targets) and targets[k].sentence_start == first.sentence_start:
            out.append(k)
            k += 1
        return out
    ends = {code: _range_end(d, code, index.enables, len(text)) for code in d.codes}
    last = max(ends.values(), default=d.end)
    return [i for i in range(bisect_left(index.starts, d.end), bisect_left(index.starts, last))
            if targets[i].code in ends and targets[i].start < ends[targets[i].code]]


def _range_end(d: Directive, code: str, enables: dict[str | None, list[int]], default: int) -> int:
    """Where a disable of ``code`` ends: the first enable after it naming the code or none."""
    found = [starts[k] for starts in (enables.get(code, []), enables.get(None, [])) if (k := bisect_right(starts, d.end)) < len(starts)]
    return min(found, default=default)
