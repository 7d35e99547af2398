"""Markdown read by a Markdown parser: inline markup does not change what a sentence says.

``**masks**``, ``[masks](https://…)``, `` `masks` `` and ``<b>masks</b>`` say "masks"; a link
reference definition (``[id]: https://… "Title with 96,700"``) says nothing. markdown-it-py
(CommonMark) parses the document; its block tokens carry a source map (their lines), and the
text of each inline token is found again, in order, in those lines: everything between two
pieces of text is markup and is blanked. Blanking keeps every offset, so line and column of
each claim still point into the file as written. Where the text cannot be aligned (an escape,
an entity such as ``&amp;``), the line is left as written: markup read as text is the old
behaviour, never a lost sentence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

_CLOSERS = frozenset({"strong_close", "em_close", "link_close", "s_close", "code_inline"})


@lru_cache(maxsize=1)
def _parser() -> Any:
    from markdown_it import MarkdownIt  # imported here: only Markdown documents need it

    return MarkdownIt("commonmark").enable("table").enable("strikethrough")


def plain(text: str) -> str:
    """``text`` with Markdown inline markup and link reference definitions blanked, offsets kept."""
    if not _MARKUP_HINT.search(text):
        return text
    tokens = _parser().parse(text)
    starts = [0] + [m.end() for m in _NEWLINE.finditer(text)]  # lines as markdown-it counts them (it reads \r and \r\n as \n)
    chars = list(text)
    covered = [False] * len(starts)
    for token in tokens:
        if token.map is not None:
            for line in range(token.map[0], min(token.map[1], len(starts))):
                covered[line] = True
        if token.type == "inline" and token.map is not None and token.children and token.map[0] < len(starts):
            first, last = token.map
            begin = starts[first]
            end = starts[last] if last < len(starts) else len(text)
            _blank_markup(text, chars, begin, end, token.children)
    for line, seen in enumerate(covered):
        if not seen:  # a link reference definition: markdown-it consumed it without a token
            begin = starts[line]
            end = starts[line + 1] if line + 1 < len(starts) else len(text)
            for i in range(begin, end):
                if chars[i] not in "\r\n":
                    chars[i] = " "
    return "".join(chars)


_LINK_TAIL = re.compile(
    r"""[*_`~]*\](?:\((?:\s*(?:<[^>\n]*>|[^\s()]*(?:\([^\s()]*\))?[^\s()]*))(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)|\[[^\]]*\])?"""
)
_NEWLINE = re.compile(r"\r\n|\r|\n")
# What opens a block's first line before its inline content: indentation, quote marks, list markers, a heading's hashes.
_BLOCK_PREFIX = re.compile(r"[ \t]*(?:(?:>[ \t]?|[-*+][ \t]+|\d{1,9}[.)][ \t]+|#{1,6}[ \t]+)[ \t]*)*")
_MARKUP_HINT = re.compile(r"[*_`\[\]<]|^ {0,3}\[[^\]]+\]:", re.M)


def _blank_markup(text: str, chars: list[str], begin: int, end: int, children: list[Any]) -> None:
    """Align the inline token's pieces of text with the source; blank what lies between them.

    The block's own marker ("- ", "1. ", "> ", "## ") is kept: blanked, a list item or quote that starts
    with bold text or inline HTML ("- **France** had ...") would read as indented code (issue 18, point 0).
    """
    pos = _BLOCK_PREFIX.match(text, begin, end).end()  # type: ignore[union-attr]
    edits: list[tuple[int, int]] = []
    for n, child in enumerate(children):
        if n == 0 and child.type == "text":
            found = text.find(child.content, pos, end)
            if found < 0:
                return
            pos = found + len(child.content)  # what precedes it is a block marker ("# ", "- ", "> "), kept
            continue
        kind = child.type
        if kind in ("text", "code_inline") and child.content:
            found = text.find(child.content, pos, end)
            if found < 0:
                return  # cannot align (an escape or an entity): leave this paragraph as written
            edits.append((pos, found))
            pos = found + len(child.content)
        elif kind in ("softbreak", "hardbreak"):
            found = text.find("\n", pos, end)
            if found < 0:
                return
            edits.append((pos, found))
            pos = found + 1
        elif kind == "html_inline":
            found = text.find(child.content, pos, end)
            if found < 0:
                return
            edits.append((pos, found + len(child.content)))
            pos = found + len(child.content)
        elif kind == "link_close":
            tail = _LINK_TAIL.match(text, pos, end)
            if tail is None:
                return
            edits.append((pos, tail.end()))  # "](https://… "title")": the destination is no text of the sentence
            pos = tail.end()
        elif kind == "image":
            close = re.compile(r"!\[[^\]]*\]\([^)]*\)").search(text, pos, end)
            if close is None:
                return
            edits.append((pos, close.end()))
            pos = close.end()
    if children and children[-1].type in _CLOSERS:
        tail = re.match(r"[^\n]*", text[pos:end])
        edits.append((pos, pos + (tail.end() if tail else 0)))
    for a, b in edits:
        line_start = text.rfind("\n", 0, a) + 1
        # Markup that opens a line ("<em>France</em> had ...") blanked with spaces would indent the line
        # into a code block; a no-break space keeps the offsets and is no indentation.
        fill = "\u00a0" if chars[line_start:a] == [" "] * (a - line_start) or all(c in " \t>" for c in chars[line_start:a]) else " "
        for i in range(a, b):
            if chars[i] not in "\r\n":
                chars[i] = fill
