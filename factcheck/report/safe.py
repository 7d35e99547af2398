"""Text from documents, file names and sources, made safe to show.

A document is data, never instructions to a terminal or a Markdown renderer: escape sequences
and other control characters are shown as U+FFFD, rich markup in a sentence or a file name
(``[/r/science]``, ``[red]``) is text, and HTML in a Markdown report is escaped.
"""

from __future__ import annotations

import html
import re

# ANSI/VT escape sequences (CSI and OSC), then any other C0/C1 control character but tab and newline.
CONTROL = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?|[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def printable(text: str) -> str:
    """``text`` with control characters and escape sequences replaced by U+FFFD."""
    return CONTROL.sub("\ufffd", text) if text else text


def markdown_text(text: str) -> str:
    """A cell or a footnote of a Markdown report: printable, HTML escaped, one line, pipes escaped."""
    return html.escape(printable(text), quote=False).replace("|", "\\|").replace("\n", " ")
