"""Split a document's text into paragraphs and sentences with exact offsets.

Plain text and Markdown. Markdown front matter and code blocks are skipped;
headings are kept as context for the sentences below them, never as claims.
A hand-written splitter: the measured libraries were slower (pysbd 0.11 MB/s)
or split after abbreviations this corpus is full of ("No.", "approx.").
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from .lazy import lazy
from .model import Sentence

_FENCE = lazy(r"^ {0,3}(`{3,}|~{3,})")
_HEADING = lazy(r"^ {0,3}(#{1,6})(?:[ \t]+(.*))?$")  # trailing spaces and #s stripped after: (.*?)[ \t#]*$ was quadratic
_LIST_MARKER = re.compile(r"^[ \t]*(?:[-*+\u2022\u25e6\u25aa\u2023\u2043\u00b7]|\d{1,3}[.)]|\(\d{1,3}\)|[a-z][.)]|\[\d{1,4}\])[ \t]+")  # "[12] Smith, J.": a reference entry

# A sentence ends at . ! or ? (plus closing quotes or brackets) followed by space.
# (The look-behind makes a match start only at the first mark of a run: without it a run of a million
# dots was rescanned from each of its dots, quadratic.)
# A stop and the space after it; or a stop glued to the next sentence's first word ("... US$98 Billion.This makes"),
# as text stripped of its footnote marks often has ("2019[65].Kenya's" -> "2019    .Kenya's").
# Both branches start with a stop, the look-behind after it, so the engine skips to the next stop in C (2.3x faster
# than the look-behind first, the same matches on the report and the articles).
_BOUNDARY = re.compile(r"[.!?](?<![.!?][.!?])[.!?]*[\"'\u201d\u2019)\]]*[ \t\r\n]+|\.(?<=[a-z\d\]) ]\.)(?=[A-Z][a-z])")
_ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st no nos vs etc e.g i.e approx est fig figs inc ltd co corp
    jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m u.s u.k u.n e.u al gov dept
    ca c cf op vol pp p para art sec ch""".split()
)


@dataclass(frozen=True, slots=True)
class Block:
    """A paragraph (or list item, or table row) of prose."""

    start: int
    end: int
    heading: str | None
    title: str | None = None  # the last level-1 heading above
    item: bool = False  # begun by a list marker ("- ", "1. ")
    above: tuple[str, ...] = ()  # the headings that contain the nearest one, outermost first ("# A", "## B" above "### C")


def is_markdown(path: str) -> bool:
    return path.lower().endswith((".md", ".markdown", ".mdown", ".mkd"))


def blocks(text: str, markdown: bool) -> list[Block]:
    """Paragraph blocks of prose, skipping front matter and code in Markdown."""
    out: list[Block] = []
    heading: str | None = None
    title: str | None = None
    outline: list[tuple[int, str]] = []  # the open headings by level, outermost first
    above: tuple[str, ...] = ()
    pos = 0
    n = len(text)
    para_start = -1
    para_end = -1
    fence: str | None = None
    first = True
    item = False

    def flush() -> None:
        nonlocal para_start
        if para_start >= 0:
            out.append(Block(para_start, para_end, heading, title, item, above))
        para_start = -1

    while pos < n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        next_pos = n if nl < 0 else nl + 1
        line = text[pos:line_end].rstrip("\r")
        stripped = line.strip()
        if markdown:
            if first and stripped in ("---", "+++"):
                close = _front_matter_end(text, next_pos, stripped)
                if close is not None:
                    pos, first = close, False
                    continue
            m = _FENCE.match(line)
            if fence is not None:
                if m and m.group(1)[0] == fence[0] and len(m.group(1)) >= len(fence):
                    fence = None
                pos, first = next_pos, False
                continue
            if m:
                flush()
                fence = m.group(1)
                pos, first = next_pos, False
                continue
            h = _HEADING.match(line)
            if h:
                flush()
                heading = (h.group(2) or "").rstrip(" \t#").strip()
                level = len(h.group(1))
                if level == 1:
                    title = heading
                while outline and outline[-1][0] >= level:
                    outline.pop()
                above = tuple(name for _, name in outline)
                outline.append((level, heading))
                pos, first = next_pos, False
                continue
            if line.startswith(("    ", "\t")) and para_start < 0 and stripped:
                pos, first = next_pos, False  # indented code block
                continue
        first = False
        if not stripped:
            flush()
        else:
            marker = _LIST_MARKER.match(line)
            if marker:
                flush()
            if para_start < 0:
                lead = marker.end() if marker else len(line) - len(line.lstrip())
                para_start, item = pos + lead, marker is not None
            para_end = pos + len(line.rstrip())
        pos = next_pos
    flush()
    return out


def _front_matter_end(text: str, pos: int, delimiter: str) -> int | None:
    """Offset just past a closing front-matter delimiter, if there is one."""
    m = re.compile(r"^" + re.escape(delimiter) + r"[ \t]*\r?$", re.M).search(text, pos)
    if m is None:
        return None
    end = text.find("\n", m.end())
    return len(text) if end < 0 else end + 1


def sentences(text: str, markdown: bool = False) -> list[Sentence]:
    """Sentences of all prose blocks, each with its exact offsets in ``text``."""
    out: list[Sentence] = []
    for index, block in enumerate(blocks(text, markdown)):
        _split_block(text, block, index, out)
    return out


def _split_block(text: str, block: Block, index: int, out: list[Sentence]) -> None:
    if text.find("\n", block.start, block.end) >= 0 and text.find(":", block.start, block.end) >= 0:
        lines = _label_lines(text, block.start, block.end)
        if lines:  # a fact sheet's lines, "Population: 82.4 million⏎Area: 357,022 km2": each line is a statement of its own,
            # read as a list's item is ("- Population: 82.4 million": a key fact under the document's title)
            for a, b in zip((block.start, *lines), (*lines, block.end)):
                labelled = block.item or _LABEL_LINE.match(text, a, b) is not None
                _split_span(text, block if labelled == block.item else replace(block, item=labelled), index, out, a, b)
            return
    _split_span(text, block, index, out, block.start, block.end)


# A line that states a labelled value: a short label beginning with a capital, a colon and the value on the same line
# ("Population: 82.4 million", "GDP (2019): ..."); not a time ("10:30"), a scheme ("https:"), nor a label whose value is
# on the next line ("Population:⏎4,270,480 (July 2018 est.)": the two are one statement).
_LABEL_LINE = lazy(r"[ \t]*(?:\[/?[A-Za-z]{1,6}\])*[A-Z][\w ()/,.'\u2019&-]{0,48}?[ \t]*(?:\[/[A-Za-z]{1,6}\])*[ \t]*:(?![/\d])[ \t]*[^\s]")
# (forum markup around the label, "[B]President[/B]: ", as pasted fact sheets carry it)


def _label_lines(text: str, start: int, end: int) -> list[int]:
    """Where a block's line breaks cut it: before and after each line that states a labelled value (a soft wrap
    elsewhere: hard-wrapped prose stays one sentence). A real fact sheet's "Population: 82.4 million⏎Size: ..." had
    been one sentence, and "82.4 million Size" one figure."""
    cuts: list[int] = []
    line = start
    labelled = _LABEL_LINE.match(text, line, end) is not None
    while True:
        nl = text.find("\n", line, end)
        if nl < 0:
            return cuts
        following = _LABEL_LINE.match(text, nl + 1, end) is not None
        if labelled or following:
            cuts.append(nl + 1)
        line, labelled = nl + 1, following


def _split_span(text: str, block: Block, index: int, out: list[Sentence], start: int, end: int) -> None:
    for m in _BOUNDARY.finditer(text, start, end):
        cut = m.end()
        if cut >= end:
            break
        if not _ends_sentence(text, start, m.start(), cut):
            continue
        stop = m.end() - len(m.group()) + len(m.group().rstrip())
        _emit(text, start, stop, block, index, out)
        start = cut
    _emit(text, start, end, block, index, out)


def _ends_sentence(text: str, sent_start: int, punct: int, after: int) -> bool:
    """Whether the punctuation at ``punct`` closes a sentence."""
    if text[punct] != ".":
        return True
    nxt = text[after] if after < len(text) else ""
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018(["):
        return False
    word_start = punct
    while word_start > sent_start and not text[word_start - 1].isspace() and text[word_start - 1] not in "(\"'":
        word_start -= 1
    word = text[word_start:punct].lower()
    if word in _ABBREVIATIONS:
        return False
    return not (len(word) == 1 and word.isalpha())  # an initial, "J. Smith"


# Longer "sentences" are run-on text (tables flattened, lists without stops, noise):
# they are cut at a space so that per-sentence work stays bounded and the pass linear.
# Never inside a word or a number: a cut in "4,195,161,779,685" would make a phantom
# "04,195,161,779,685" of its second half. A run of 500+ characters without a space is
# no prose (a hash, a data blob, a line of digits) and is skipped whole.
MAX_SENTENCE = 1000
_SPACE = lazy(r"\s")


def _emit(text: str, start: int, end: int, block: Block, index: int, out: list[Sentence]) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    while end - start > MAX_SENTENCE:
        cut = text.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut < 0:
            cut = max(text.rfind("\t", start + MAX_SENTENCE // 2, start + MAX_SENTENCE), text.rfind("\n", start, start + MAX_SENTENCE))
        if cut <= start:
            gap = _SPACE.search(text, start + MAX_SENTENCE // 2, end)
            if text.rfind(" ", start, start + MAX_SENTENCE // 2) > start:
                cut = text.rfind(" ", start, start + MAX_SENTENCE // 2)
            else:
                # one token longer than half a sentence: skip it to its end, emit nothing of it
                start = gap.start() if gap else end
                while start < end and text[start].isspace():
                    start += 1
                continue
        out.append(Sentence(start, cut, _one_line(text[start:cut]), index, block.heading, block.title, block.item, block.above))
        start = cut
        while start < end and text[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, _one_line(text[start:end]), index, block.heading, block.title, block.item, block.above))


# Within a sentence a line break is a soft wrap ("60⏎million inhabitants", CRLF files, hard-wrapped
# Markdown): every reader sees a space in its place (\r\n two), so no pattern is split by it.
_LINE_BREAKS = str.maketrans("\r\n", "  ")


def _one_line(sentence: str) -> str:
    """The sentence's text as on one line, each character where it was."""
    if "\n" in sentence or "\r" in sentence:
        return sentence.translate(_LINE_BREAKS)
    return sentence


class LineIndex:
    """Map character offsets to 1-based line and column numbers."""

    def __init__(self, text: str) -> None:
        self._starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def comments(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each closed HTML comment, in one left-to-right pass.

    Not a regular expression: ``<!--.*?-->`` rescans to the end of the text from every unclosed
    ``<!--``, which made 25,000 of them take 20 seconds.
    """
    pos = 0
    while True:
        start = text.find("<!--", pos)
        if start < 0:
            return
        end = text.find("-->", start + 4)
        if end < 0:
            return  # unclosed: no later "<!--" can close either
        yield start, end + 3
        pos = end + 3


def strip_comments(text: str) -> str:
    """Blank out HTML comments, keeping every offset in place."""
    parts: list[str] = []
    pos = 0
    for start, end in comments(text):
        parts.append(text[pos:start])
        parts.append(_NOT_NEWLINE.sub(" ", text[start:end]))
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


_NOT_NEWLINE = lazy(r"[^\n]")


# Escape sequences (CSI, OSC) and other control characters but tab, newline and carriage return
# (report.safe shows the same ones, and \r, as U+FFFD).
CONTROLS = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]{0,4096}(?:\x07|\x1b\\)?|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def blank_controls(text: str) -> str:
    """Control characters and terminal escape sequences blanked, every offset kept."""
    if not CONTROLS.search(text):
        return text
    return CONTROLS.sub(lambda m: " " * len(m.group()), text)
