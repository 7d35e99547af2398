"""Speaker-labelled transcripts: who says each line, and what part they play.

Two formats, told apart by the file's suffix (:func:`kind_of`):

- ``SPEAKER: text`` lines (``.transcript``): a line opening with a name and a colon starts a turn;
  a line without one continues the turn above; a line that is only a stage direction
  ("(APPLAUSE)", "[crosstalk]") belongs to no one and is not read.
- the CLEF CheckThat! TSV (``.tsv``): ``line<TAB>speaker<TAB>text[<TAB>label]``, one sentence a line.

The speaker's part is a feature of check-worthiness: moderators ask, audiences react, and neither
is what fact-checkers check. Roles are read from the transcript itself (:func:`roles`), never from a
list of names. :func:`mask` blanks everything that is not spoken text, offsets unchanged, so the
reading core sees prose and every location still points into the file.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field

from .lazy import lazy

MODERATOR = "moderator"
AUDIENCE = "audience"
SYSTEM = "system"

SUFFIXES = {".transcript": "speaker", ".tsv": "tsv"}

# "TRUMP: ...", "Lester Holt: ...", "MR. SCHWAB: ...", "Q: ...", "AUDIENCE MEMBER: ...": a capitalised name of at
# most five words before the first colon (not "Note that: ..." nor "At 10:30 the ...": lower-case or digits).
_SPEAKER = lazy(r"^[ \t]*((?:[A-Z][A-Za-z.'\-]*|\([A-Z]+\))(?:[ \t]+(?:[A-Z][A-Za-z.'\-]*|\([A-Z]+\)|of|the|de|van|von)){0,4})"
                      r"[ \t]*:[ \t]+(?=\S)")
_STAGE = lazy(r"[ \t]*(?:\([^()]*\)|\[[^\[\]]*\])[ \t.]*$")  # "(APPLAUSE)", "[Laughter]"
_SYSTEM_NAMES = lazy(r"^(?:SYSTEM|SYSYTEM|STAGE|NARRATOR)$", re.I)
_AUDIENCE_NAMES = lazy(r"AUDIENCE|QUESTION|QUESTIONER|UNIDENTIFIED|REPORTER|CROWD|^Q$|^CALLER", re.I)
_MODERATOR_NAMES = lazy(r"MODERATOR|HOST|ANCHOR|INTERVIEWER|PRESENTER|CHAIR", re.I)
_SENTENCE_END = lazy(r"[.!?]+(?=[\"'\u201d\u2019)\]]*(?:\s|$))")
QUESTION_SHARE = 0.12  # a speaker whose sentences are at least this often questions, in a conversation, is moderating


@dataclass(frozen=True, slots=True)
class Line:
    """One line of a transcript: the spoken text's offsets in the file, and who speaks it."""

    start: int
    end: int
    speaker: str | None  # None: a stage direction, or text before any speaker
    label: int | None = None  # the CLEF label column, where there is one


@dataclass(frozen=True, slots=True)
class Transcript:
    lines: list[Line]
    roles: dict[str, str]  # speaker -> moderator, audience or system (absent: a speaker in their own right)
    kind: str = "speaker"  # or "tsv": one sentence a line
    starts: list[int] = field(default_factory=list)  # each line's start, for finding the line at an offset

    def role_at(self, offset: int) -> str | None:
        """The role of whoever speaks the text at ``offset`` (None for a speaker in their own right)."""
        i = bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        speaker = self.lines[i].speaker
        return self.roles.get(speaker) if speaker is not None else None


def kind_of(path: str) -> str | None:
    """'speaker' or 'tsv' when the path's suffix says the file is a transcript, else None."""
    lower = path.lower()
    return next((kind for suffix, kind in SUFFIXES.items() if lower.endswith(suffix)), None)


def parse(text: str, kind: str) -> Transcript:
    """The transcript's lines and its speakers' roles."""
    lines = _tsv_lines(text) if kind == "tsv" else _speaker_lines(text)
    return Transcript(lines, roles(text, lines), kind, [line.start for line in lines])


def _speaker_lines(text: str) -> list[Line]:
    out: list[Line] = []
    speaker: str | None = None
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        end = pos + len(line)
        if not line.strip():
            pos += len(raw)
            continue
        m = _SPEAKER.match(line)
        if _STAGE.match(line):
            out.append(Line(pos + len(line) - len(line.lstrip()), end, None))
        elif m:
            speaker = " ".join(m.group(1).split()).upper()
            out.append(Line(pos + m.end(), end, speaker))
        else:
            out.append(Line(pos + len(line) - len(line.lstrip()), end, speaker))
        pos += len(raw)
    return out


def _tsv_lines(text: str) -> list[Line]:
    out: list[Line] = []
    pos = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        cells = line.split("\t")
        if len(cells) >= 3 and cells[1].strip():
            start = pos + len(cells[0]) + 1 + len(cells[1]) + 1
            label = cells[3].strip() if len(cells) >= 4 else ""
            out.append(Line(start, start + len(cells[2]), " ".join(cells[1].split()).upper(),
                            int(label) if label in ("0", "1") else None))
        pos += len(raw)
    return out


def roles(text: str, lines: list[Line]) -> dict[str, str]:
    """Each speaker's part, from their name or, failing that, from how they speak.

    ``SYSTEM`` (and the like) is the system; ``AUDIENCE``, ``QUESTION``, ``UNIDENTIFIED ...`` the audience;
    ``MODERATOR``, ``HOST``, ... a moderator; and where two or more people converse, whoever asks a
    question in at least one sentence of eight (``QUESTION_SHARE``), and more than once, moderates: on
    the CLEF debates the candidates ask in 0-8% of their sentences, the moderators in 15-30%.
    """
    sentences: dict[str, int] = {}
    questions: dict[str, int] = {}
    for line in lines:
        if line.speaker is None:
            continue
        ends = _SENTENCE_END.findall(text, line.start, line.end)
        sentences[line.speaker] = sentences.get(line.speaker, 0) + max(1, len(ends))
        questions[line.speaker] = questions.get(line.speaker, 0) + sum(1 for e in ends if "?" in e)
    out: dict[str, str] = {}
    for speaker in sentences:
        if _SYSTEM_NAMES.match(speaker):
            out[speaker] = SYSTEM
        elif _AUDIENCE_NAMES.search(speaker):
            out[speaker] = AUDIENCE
        elif _MODERATOR_NAMES.search(speaker):
            out[speaker] = MODERATOR
    talking = [s for s in sentences if s not in out]
    if len(talking) >= 2:
        for speaker in talking:
            if questions[speaker] >= max(2.0, QUESTION_SHARE * sentences[speaker]):
                out[speaker] = MODERATOR
    staged: dict[str, bool] = {}  # a speaker whose every line is a stage direction is the system under another name
    for line in lines:
        if line.speaker is not None and line.speaker not in out:
            staged[line.speaker] = staged.get(line.speaker, True) and bool(_STAGE.match(text, line.start, line.end))
    out.update((speaker, SYSTEM) for speaker, only in staged.items() if only)
    return out


def mask(text: str, transcript: Transcript) -> str:
    """The text with only the spoken words left, each line its own paragraph, every offset unchanged.

    Names, line numbers and labels become spaces; a line that opens a turn (in the TSV, every line: each
    is a sentence) starts with ``-`` where its name was, which the reading core takes as the start of a
    list item: a sentence never runs from one speaker into the next, nor does a subject carry over to
    another speaker.
    """
    out = [" " if c not in "\r\n" else c for c in text]
    previous: str | None = "\0"
    for line in transcript.lines:
        if line.speaker is None and transcript.kind == "speaker":
            previous = None
            continue  # a stage direction on a line of its own: no sentence to read, and no room for a "-"
        out[line.start:line.end] = text[line.start:line.end]
        starts_turn = line.speaker != previous or line.speaker is None or transcript.kind == "tsv"
        line_start = text.rfind("\n", 0, line.start) + 1
        if starts_turn and line.start - line_start >= 2:
            out[line_start] = "-"
        previous = line.speaker
    return "".join(out)
