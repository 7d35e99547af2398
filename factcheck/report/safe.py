"""Text from documents, file names, sources and review files, made safe to show: the one place.

Every text that reaches a terminal or a line-oriented format (table, concise, github, the lines
of ``sources show`` and ``sources list``, error and warning messages, the stale-baseline list,
review screens) goes through :func:`printable`. A document, a file name or a source is data,
never instructions to a terminal or a CI runner:

- control characters (C0 but tab, DEL, C1), which start escape and OSC sequences, are shown as
  ``\\x1b``-style escapes: what was there stays visible, nothing is executed;
- line breaks inside a field (``\\n``, ``\\r``, VT, FF, NEL, U+2028, U+2029) are shown as ``\\n``,
  ``\\r`` or ``\\u2028``, so a newline in a file name or a source title never forges another
  ``concise`` line or a GitHub workflow command (the ``github`` format keeps CR and LF for its
  own ``%0D``/``%0A`` escaping, which GitHub undoes when it shows the annotation);
- bidirectional controls (embeddings, overrides, isolates, LRM, RLM, ALM) are shown as
  ``\\u202e``-style escapes, so a field cannot reorder what is printed after it;
- lone surrogates (undecodable bytes of a file name) are shown as ``\\udcff``, never a crash.

Rich markup in a field (``[red]``) is text: callers print with ``markup=False`` or ``Text``.
In the Markdown report (:func:`markdown_text`, :func:`markdown_link`) HTML is escaped, brackets
cannot make links, and only an http or https URL becomes a link.
"""

from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

from ..core.lazy import lazy

# Everything printable() escapes: C0 but tab, DEL and C1, the line and paragraph separators,
# the bidirectional formatting characters, and surrogates.
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_UNSAFE_BUT_BREAKS = lazy("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _visible(m: re.Match[str]) -> str:
    ch = m.group()
    if ch in _NAMED:
        return _NAMED[ch]
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"


def printable(text: str, *, keep_breaks: bool = False) -> str:
    """``text`` as one inert line: control, bidi and line-break characters shown as backslash escapes.

    ``keep_breaks`` leaves CR and LF for a caller that escapes them itself (GitHub's ``%0A``).
    """
    if not text:
        return text
    pattern = _UNSAFE_BUT_BREAKS if keep_breaks else _UNSAFE
    return pattern.sub(_visible, text) if pattern.search(text) else text


# What makes a link, an image or a footnote reference of text: "](" and "][" after a bracketed text, "[^".
# (A bracket elsewhere, "[list hedge ...]", stays as written: it cannot link.)
_LINK_SYNTAX = lazy(r"\](?=[(\[])|\[(?=\^)")


def markdown_text(text: str) -> str:
    """A cell or a footnote of a Markdown report: one line, printable, HTML escaped, pipes and brackets escaped.

    Escaped brackets mean no text from a document or a source makes a link, an image (``[x](javascript:…)``)
    or a footnote reference; escaped HTML, no raw ``<a>`` or autolink.
    """
    one_line = text.replace("\r\n", " ").replace("\n", " ").replace("\r", " ") if text else text
    return _LINK_SYNTAX.sub(lambda m: "\\" + m.group(), html.escape(printable(one_line), quote=False)).replace("|", "\\|")


LINK_SCHEMES = frozenset({"http", "https"})


def markdown_link(url: str) -> str:
    """A source's URL in the Markdown report: an autolink when it is http or https, else inert text.

    A ``javascript:``, ``data:`` or ``file:`` URL from a source row is shown, never made clickable.
    """
    clean = printable(url.strip())
    try:
        parts = urlsplit(clean)
    except ValueError:
        parts = None
    if parts is not None and parts.scheme.lower() in LINK_SCHEMES and parts.netloc and clean == url.strip():
        return "<" + clean.replace("<", "%3C").replace(">", "%3E").replace(" ", "%20") + ">"
    return "URL (not linked: not http or https): " + markdown_text(url)
