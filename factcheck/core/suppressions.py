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
from dataclasses import dataclass

from .document import LineIndex
from .findings import FINDINGS

_COMMENT = re.compile(r"<!--\s*factcheck\s*:(?P<body>.*?)-->", re.S | re.I)
_DIRECTIVE = re.compile(r"^\s*(?P<action>ignore|disable|enable)\b\s*(?:\[(?P<codes>[^\]]*)\])?(?P<reason>.*)$", re.S | re.I)
_WORDLIKE = re.compile(r"\w")


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
    for m in _COMMENT.finditer(text):
        body = m.group("body").strip()
        d = _DIRECTIVE.match(body)
        where = (m.start(), m.end())
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
    for d in directives:
        if d.action == "enable":
            continue
        used: set[str] = set()
        for i in _reach(text, d, directives, targets):
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


def _reach(text: str, d: Directive, directives: list[Directive], targets: list[Target]) -> list[int]:
    """Indices of the targets a directive covers (for ranges, per code)."""
    if d.action == "ignore":
        # the sentence the comment stands in or before: the first to end after it,
        # provided no other words come between the comment and that sentence
        after = [i for i, t in enumerate(targets) if t.sentence_end > d.end]
        if not after:
            return []
        first = targets[after[0]]
        if first.sentence_start > d.end and _WORDLIKE.search(_without_comments(text[d.end:first.sentence_start])):
            return []
        return [i for i in after if targets[i].sentence_start == first.sentence_start]
    ends = {code: _range_end(d, code, directives, len(text)) for code in d.codes}
    return [i for i, t in enumerate(targets) if t.code in ends and d.end <= t.start < ends[t.code]]


def _range_end(d: Directive, code: str, directives: list[Directive], default: int) -> int:
    for other in directives:
        if other.action == "enable" and other.start > d.end and (not other.codes or code in other.codes):
            return other.start
    return default


def _without_comments(text: str) -> str:
    return re.sub(r"<!--.*?-->", " ", text, flags=re.S)
