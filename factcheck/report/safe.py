"""Text from documents, file names and sources, made safe to show.

A document is data, never instructions to a terminal or a Markdown renderer: escape sequences
and other control characters are shown as U+FFFD, rich markup in a sentence or a file name
(``[/r/science]``, ``[red]``) is text, and HTML in a Markdown report is escaped.
"""

from __future__ import annotations

import html

from ..core.document import CONTROLS


def printable(text: str) -> str:
    """``text`` with control characters, escape sequences and carriage returns replaced by U+FFFD."""
    return CONTROLS.sub("\ufffd", text).replace("\r", "\ufffd") if text else text


def markdown_text(text: str) -> str:
    """A cell or a footnote of a Markdown report: printable, HTML escaped, one line, pipes escaped."""
    return html.escape(printable(text), quote=False).replace("|", "\\|").replace("\n", " ")
