"""Characters a reader does not see inside a figure: such a figure is refused, never read around.

"1\u200b67.8 million" shows a reader 167.8 million; read as written it is "1" and "67.8 million",
and a check of either says something about a figure nobody sees. The same goes for a Hangul filler
(U+3164), a soft hyphen, a word joiner, a combining mark on a digit, a bidi override (which shows
"8.76" as "67.8") and, in Markdown, a character reference (``&#49;`` is rendered "1"). So before
the document is read, :func:`screen` finds every figure that holds (or is touched by) one of them,
blanks it in place (every offset kept) and returns it as :class:`Hidden`, which the engine reports
as finding FC106 naming each character. A figure inside an explicit bidi run (an embedding,
override or isolate up to its closing character or the end of the line) is refused too: the run
may show its digits, signs and ranges in another order.

What is safe is normalised in place instead, one character for one: the Arabic decimal and
thousands separators (U+066B, U+066C), fullwidth and small full stops and commas and the one dot
leader between digits become ``.`` and ``,``; in Markdown a no-break or thin space reference
(``&nbsp;``, ``&#8239;``) beside a figure, not inside it, becomes spaces. Digits of other scripts
(fullwidth, Arabic-Indic, mathematical) need nothing: they are read as the digits they are.

Only prose is screened (fenced and indented code in Markdown is never read); a document without
any of these characters costs one regular-expression search.
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

from .lazy import lazy

# Default-ignorable and format characters (every Unicode Cf, listed: `re` has no \p{Cf}; a test checks
# the list against unicodedata), the Hangul fillers and the blank Braille pattern, the combining
# grapheme joiner, and the variation selectors.
_FORMAT = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064"
    "\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3"
    "\U0001d173-\U0001d17a\U000e0001\U000e0020-\U000e007f"
)
_FILLERS = "\u115f\u1160\u3164\uffa0\u2800\u034f\u17b4\u17b5\ufe00-\ufe0f\U000e0100-\U000e01ef"
HIDDEN_CHARACTERS = lazy(f"[{_FORMAT}{_FILLERS}]")
_BIDI_OPEN = frozenset("\u202a\u202b\u202d\u202e\u2066\u2067\u2068")

# What may show a figure other than as read: a hidden character, a combining mark after a digit or
# separator (checked by category), a character reference (Markdown), a separator to normalise.
_SEPARATOR_CLASS = "[\u066b\u066c\uff0c\uff0e\ufe50\ufe52\u2024]"
_MARKED = "[0-9.,](?=[\u0300-\U0010ffff])"  # one character: the mark after it is looked at, not consumed
_SUSPECT_TEXT = re.compile(f"[{_FORMAT}{_FILLERS}]|{_SEPARATOR_CLASS}|{_MARKED}")
_SUSPECT = lazy(f"[{_FORMAT}{_FILLERS}]|{_SEPARATOR_CLASS}|{_MARKED}|&#?[0-9A-Za-z]{{1,32}};")
_REFERENCE = lazy(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
_SEPARATORS = {"\u066b": ".", "\u066c": ",", "\uff0c": ",", "\uff0e": ".", "\ufe50": ",", "\ufe52": ".", "\u2024": "."}
_SPACES = frozenset(" \t\u00a0\u2009\u202f\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u200a\u205f\u3000")
_REACH = 64  # how far a token is followed either way: bounded, so a run without spaces stays linear


@dataclass(frozen=True, slots=True)
class Hidden:
    """A figure refused: its span in the document and what hides in it."""

    start: int
    end: int
    shown: str  # the figure as written, each hidden character as <U+200B>
    characters: tuple[str, ...]  # "U+200B ZERO WIDTH SPACE", in order of first appearance

    @property
    def message(self) -> str:
        what = ", ".join(self.characters)
        return (f"\"{self.shown}\": a figure with characters a reader does not see ({what}); "
                "readers and factcheck would read different figures, so it is not checked: remove them")


def screen(text: str, markdown: bool = False) -> tuple[str, list[Hidden]]:
    """``text`` with hidden-character figures blanked and safe separators normalised, and the figures refused."""
    suspect = _SUSPECT if markdown else _SUSPECT_TEXT
    if not suspect.search(text):
        return text, []
    from .document import blocks

    chars = list(text)
    refused: list[tuple[int, int]] = []
    for block in blocks(text, markdown):
        _screen_block(text, chars, block.start, block.end, markdown, refused)
    hidden = []
    for start, end in _merge(refused):
        hidden.append(_hidden(text, start, end, markdown))
        for i in range(start, end):
            if chars[i] not in "\r\n":
                chars[i] = " "
    return "".join(chars), hidden


def _screen_block(text: str, chars: list[str], begin: int, end: int, markdown: bool, refused: list[tuple[int, int]]) -> None:
    suspect = _SUSPECT if markdown else _SUSPECT_TEXT
    if _BIDI_HINT.search(text, begin, end):
        _bidi_runs(text, begin, end, refused)
    done = begin  # where to look next: past the last figure refused, or up to the reach of the next digit
    next_digit = next_amp = -1  # the next digit's (and "&"'s) offset, found once for every hidden character before it
    while True:
        m = suspect.search(text, done, end)
        if m is None:
            return
        pos = m.start()
        done = pos + 1
        ch = text[pos]
        if ch in _SEPARATORS:
            if _digit_at(text, pos - 1) and _digit_at(text, pos + 1):
                chars[pos] = _SEPARATORS[ch]  # "67\u066b8": the Arabic decimal separator, read as the "." it is
            continue
        if ch == "&":
            _reference(text, chars, m, refused)
            continue
        if not HIDDEN_CHARACTERS.match(ch):  # a digit or separator followed by a character: a combining mark?
            mark = pos + 1
            if unicodedata.category(text[mark])[0] == "M" and not HIDDEN_CHARACTERS.match(text[mark]):
                token = _token(text, mark)
                refused.append(token)
                done = max(done, token[1])
            continue
        if not _DIGIT.search(text, max(0, pos - _REACH - 8), pos + _REACH + 8):
            # no figure within reach (decided in C): nothing to look at before the reach of the next digit
            if next_digit < pos:
                following = _DIGIT.search(text, pos, end)
                next_digit = end if following is None else following.start()
            done = max(done, next_digit - _REACH - 8)
            if markdown:
                if next_amp < pos:
                    next_amp = text.find("&", pos, end) % (end + 1)  # none: end
                done = min(done, max(next_amp, pos + 1))  # a reference may itself be a digit ("&#49;")
            continue
        token = _token(text, pos)
        if _has_digit(text, *token):
            refused.append(token)
            done = token[1]
            continue
        figure = _facing_figure(text, pos, token)
        if figure is not None:
            refused.append((min(figure[0], token[0]), max(figure[1], token[1])))
            done = max(figure[1], token[1])


def _reference(text: str, chars: list[str], m: re.Match[str], refused: list[tuple[int, int]]) -> None:
    """A character reference in Markdown: "&#49;" is rendered "1", "&minus;5" as "−5"; "&nbsp;" beside a figure is a space.

    A reference to a letter ("&eacute;") or one away from any figure ("R&amp;D") is left as written.
    """
    ref = _REFERENCE.match(text, m.start())
    if ref is None:
        return
    start, end = ref.span()
    decoded = html.unescape(ref.group())
    if decoded == ref.group() or any(c.isalpha() for c in decoded):
        return
    if not any(c.isdigit() for c in decoded) and not _DIGIT.search(text, max(0, start - _REACH - 8), end + _REACH + 8):
        return  # no figure within reach (decided in C)
    token = _token(text, start)
    touches = _has_digit(text, *token) or any(c.isdigit() for c in decoded) or _facing_figure(text, start, token) is not None
    if not touches:
        return
    if decoded in _SPACES and not (_number_char(text, start - 1) and _number_char(text, end)):
        for i in range(start, end):
            chars[i] = " "  # "67.8&nbsp;million" reads as shown: 67.8 million
        return
    refused.append(token)


def _bidi_runs(text: str, begin: int, end: int, refused: list[tuple[int, int]]) -> None:
    """Every figure from a bidi opener to its closing character (or the end of the line): it may be shown reordered.

    One pass over the controls, counting how many are open: linear however many there are.
    """
    depth = 0
    run_start = 0
    for m in _BIDI_CONTROL.finditer(text, begin, end):
        ch = m.group()
        if ch in _BIDI_OPEN:
            if depth == 0:
                run_start = m.end()
            depth += 1
            continue
        if depth == 0:
            continue
        depth = 0 if ch == "\n" else depth - 1
        if depth == 0:
            _refuse_digits(text, run_start, m.start(), refused)
    if depth:
        _refuse_digits(text, run_start, end, refused)


def _refuse_digits(text: str, start: int, stop: int, refused: list[tuple[int, int]]) -> None:
    for m in _DIGIT.finditer(text, start, stop):
        refused.append(_token(text, m.start()))


_BIDI_CONTROL = lazy("[\u202a-\u202e\u2066-\u2069\n]")
_BIDI_HINT = lazy("[\u202a\u202b\u202d\u202e\u2066-\u2068]")
_DIGIT = lazy(r"\d+")


def _token(text: str, pos: int) -> tuple[int, int]:
    """The run of non-space characters around ``pos`` (at most _REACH either way)."""
    a = pos
    low = max(0, pos - _REACH)
    while a > low and not _gap(text, a - 1):
        a -= 1
    b = pos + 1
    high = min(len(text), pos + 1 + _REACH)
    while b < high and not _gap(text, b):
        b += 1
    while b - 1 > pos and text[b - 1] in _TRAILING:
        b -= 1  # "2021." ends a sentence: the stop is no part of the figure
    while a < pos and text[a] in _LEADING:
        a += 1
    return a, b


def _gap(text: str, i: int) -> bool:
    """A space between words; a space grouping digits ("167 800 000", "4 440 000") is inside the figure."""
    if not (text[i].isspace() or text[i] in _SPACES):
        return False
    return not (_digit_at(text, i - 1) and _digit_at(text, i + 1)) or text[i] == "\n"


_TRAILING = frozenset(".,;:!?)]\"'\u2019\u201d")
_LEADING = frozenset("([\"'\u2018\u201c")


def _facing_figure(text: str, pos: int, token: tuple[int, int]) -> tuple[int, int] | None:
    """The figure a hidden character at the edge of a word faces across spaces ("67.8 \u200bmillion")."""
    a, b = token
    if all(_is_hidden_at(text, i) for i in range(a, pos)):  # nothing visible before it in its word: it faces left
        j = a
        while j > 0 and a - j < 4 and text[j - 1] in _SPACES:
            j -= 1
        if j < a and j > 0 and _number_char(text, j - 1) and _has_digit(text, *_token(text, j - 1)):
            return _token(text, j - 1)
    if all(_is_hidden_at(text, i) for i in range(pos + 1, b)):  # nothing visible after it: it faces right
        j = b
        while j < len(text) and j - b < 4 and text[j] in _SPACES:
            j += 1
        if j > b and j < len(text) and _has_digit(text, *_token(text, j)) and (_number_char(text, j) or text[j] in "$€£¥"):
            return _token(text, j)
    return None


def _is_hidden_at(text: str, i: int) -> bool:
    return HIDDEN_CHARACTERS.match(text[i]) is not None or (i > 0 and unicodedata.category(text[i])[0] == "M")


def _has_digit(text: str, a: int, b: int) -> bool:
    return any(c.isdigit() for c in text[a:b])


def _digit_at(text: str, i: int) -> bool:
    return 0 <= i < len(text) and text[i].isdigit()


def _number_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isdigit() or text[i] in ".,%")


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for a, b in sorted(spans):
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _hidden(text: str, start: int, end: int, markdown: bool) -> Hidden:
    """The refused figure, shown with its hidden characters named."""
    shown: list[str] = []
    names: dict[str, None] = {}
    i = start
    while i < end:
        ch = text[i]
        ref = _REFERENCE.match(text, i) if markdown and ch == "&" else None
        if ref is not None and html.unescape(ref.group()) != ref.group():
            names[f"the character reference {ref.group()}"] = None
            shown.append(ref.group())
            i = ref.end()
            continue
        if HIDDEN_CHARACTERS.match(ch) or (i > start and unicodedata.category(ch)[0] == "M"):
            code = f"U+{ord(ch):04X}"
            names[f"{code} {unicodedata.name(ch, 'UNNAMED')}"] = None
            shown.append(f"<{code}>")
        else:
            shown.append(ch)
        i += 1
    if not names:  # a plain figure inside a bidi run: name the run's opener
        names.update({f"U+{ord(c):04X} {unicodedata.name(c)}": None for c in _openers_before(text, start)})
    return Hidden(start, end, "".join(shown), tuple(names) or ("a bidirectional control around it",))


def _openers_before(text: str, start: int) -> list[str]:
    line = text.rfind("\n", 0, start) + 1
    return [c for c in text[max(line, start - 4096):start] if c in _BIDI_OPEN][-1:]
