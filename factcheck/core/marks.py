"""Footnote and citation marks blanked in place, once per document, before sentences are split.

``country.[125]``, ``1.5 million[3]``, ``[2][3][4]``, ``[a]``, ``[note 3]``, ``[nb 2]``,
``[citation needed]`` and superscript digits after a word (``people¹²``) point at a note; they
state nothing. Each is replaced by as many spaces as it has characters, so every offset still
points into the file as written and no reader (figures, subjects, periods) ever sees them.

Wiki template calls left in exported text (``{{#expr:/1e6 round 1}}``, ``{{convert|...}}``) are
markup that was never rendered: their numbers are arguments, not figures, and they are blanked too.

A mark that opens a line and is followed by text (``[12] Smith, J. …``) labels a reference-list
entry; it is left for the sentence splitter, which reads it as a list marker.
"""

from __future__ import annotations

import re

from .lazy import lazy

_MARK = lazy(
    r"\[(?:\d{1,4}|[A-Za-z]|[ivx]{2,4}"
    r"|(?:note|notes|nb|n|fn|ref|lower-alpha|upper-alpha)[ \u00a0]?\d{1,4}"
    r"|[A-Za-z][A-Za-z' ]{0,30}?(?:needed|\?)|dead link|update|dubious[^\]\n]{0,20}|failed verification"
    r"|not in citation given|clarification needed)\]"
    # superscript digits after a letter, a closing bracket or punctuation (never after a digit: 10⁶ is a power)
    r"|(?<=[^\W\d_]|[.,;:!?)\]\"'\u2019\u201d])[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]+",
    re.I,
)
_HINT = re.compile(r"\[|[\u00b9\u00b2\u00b3\u2070\u2074-\u2079]")
_TEMPLATE = lazy(r"\{\{[^{}\n]{0,300}\}\}")
# km², m³, sq mi²: a unit's power, not a note
_UNIT_BEFORE = lazy(r"(?:^|[^A-Za-z])(?:k?m|cm|mm|mi|ft|in|yd|ha|sq)$")
_LINE_LABEL = lazy(r"[ \t]+\S")


def blank_marks(text: str) -> str:
    """``text`` with footnote and citation marks replaced by spaces of the same length."""
    if "{{" in text:
        text = _TEMPLATE.sub(lambda m: " " * len(m.group()), text)
    if not _HINT.search(text):
        return text
    return _MARK.sub(lambda m: _blank(text, m), text)


def _blank(text: str, m: re.Match[str]) -> str:
    start = m.start()
    mark = m.group()
    if mark[0] != "[":
        if mark in ("\u00b2", "\u00b3") and _UNIT_BEFORE.search(text[max(0, start - 4):start]):
            return mark
        return " " * len(mark)
    j = start
    while j > 0 and start - j < 8 and text[j - 1] in " \t":
        j -= 1  # a bounded look back: a search for the line's start would be quadratic on one long line
    if (j == 0 or text[j - 1] in "\r\n") and _LINE_LABEL.match(text, m.end()):
        return mark  # "[12] Smith, J.": a reference-list entry's label
    return " " * len(mark)
