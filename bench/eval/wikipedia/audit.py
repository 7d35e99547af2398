"""The audit of the Wikipedia bench: a human's label for each decided claim, kept by reference.

``audit.tsv`` holds one row per contradicted or supported claim someone has read: where it is
(``file``, ``offset`` = the claim's ``location.start``), what was read (``figure`` = the claim's
``text``), the verdict it had, and the judgement: ``genuine`` (the figure is the country's own total
of the measure for that period and the reference disagrees or agrees) or ``misreading`` (by class).
Never a copy of the articles' text: ``note`` is the auditor's own words.

A claim is matched to its row by (file, offset, figure); the figure is kept exactly as reported
(no-break spaces included), a backslash, tab or line break in it written as \\\\, \\t, \\n, \\r.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
AUDIT = HERE / "audit.tsv"

COMMENT = ("# factcheck Wikipedia bench audit (bench/eval/wikipedia): one row per contradicted or supported claim read "
           "by a person, matched by (file, offset, figure); references only, never the articles' text. "
           "Labels: genuine | misreading; classes in bench/eval/wikipedia/audit.py.")
COLUMNS = ("file", "offset", "figure", "verdict", "label", "class", "note")
VERDICTS = ("contradicted", "supported")
LABELS = ("genuine", "misreading")

MISREADING_CLASSES = (
    "footnote",           # a citation mark such as [125] read as a figure
    "rate",               # per 1,000 / per km2 / per capita / a percentage rate
    "part",               # a part of the subject: a group, a region, urban, a religion, ...
    "share",              # "45% of the population"
    "rank",               # an ordinal or a rank
    "age_duration",       # an age, a median age, a number of years or months
    "change",             # an increase, a difference, a growth
    "other_money",        # budget, debt, revenue, exports, ... compared with GDP
    "group_average",      # the EU / OECD / world figure, not the country's
    "sex_specific",       # the male or female value of a measure with a total
    "place_not_country",  # a city, region, island or other place given to the country
    "other_country",      # another country's figure given to this one
    "period",             # a figure of another time (centuries ago, "at that time") compared with the latest record
    "number_format",      # the number itself misread: split, scale lost, separators
    "identifier",         # a list, page, ISBN, coordinate, code, ... number
    "year_or_date",       # a year or a date read as a quantity
    "scale",              # a unit or scale misread (thousands vs millions, ...)
    "other",
)
GENUINE_CLASSES = (
    "census_vs_estimate",  # a census count beside the reference's mid-year estimate
    "other_publisher",     # another organisation's figure (IMF, CIA, national office, UN)
    "older_figure",        # the article's figure is older (or newer) than the record compared
    "genuine_error",       # the article is wrong
    "other",
)
CLASSES = {"genuine": GENUINE_CLASSES, "misreading": MISREADING_CLASSES}

Key = tuple[str, int, str]


@dataclass(frozen=True)
class Row:
    file: str
    offset: int
    figure: str
    verdict: str
    label: str
    cls: str
    note: str

    @property
    def key(self) -> Key:
        return (self.file, self.offset, self.figure)


class AuditError(ValueError):
    """The audit file is malformed: the message names the line."""


def parse(text: str, name: str = "audit.tsv") -> list[Row]:
    """The rows of an audit file, checked: header, verdicts, labels, classes, integer offsets, unique keys."""
    # split on "\n" only: str.splitlines would also break at characters a figure may hold
    lines = [line.removesuffix("\r") for line in text.split("\n") if line and not line.startswith("#")]
    reader = iter([line.split("\t") for line in lines])
    header = next(reader, None)
    if header is None:
        return []  # an empty audit: nothing labelled yet
    if tuple(header) != COLUMNS:
        raise AuditError(f"{name}: the header must be {list(COLUMNS)}, not {header!r}")
    rows: list[Row] = []
    seen: set[Key] = set()
    for n, fields in enumerate(reader, 2):
        if len(fields) != len(COLUMNS):
            raise AuditError(f"{name}: row {n}: {len(fields)} fields, not {len(COLUMNS)}")
        file, offset, figure, verdict, label, cls, note = fields
        if not (offset.isascii() and offset.isdigit()):
            raise AuditError(f"{name}: row {n}: offset {offset!r} is not a non-negative integer")
        if verdict not in VERDICTS:
            raise AuditError(f"{name}: row {n}: verdict {verdict!r} is not one of {VERDICTS}")
        if label not in LABELS:
            raise AuditError(f"{name}: row {n}: label {label!r} is not one of {LABELS}")
        if cls not in CLASSES[label]:
            raise AuditError(f"{name}: row {n}: class {cls!r} is not a class of {label}: {CLASSES[label]}")
        if not file or not figure:
            raise AuditError(f"{name}: row {n}: file and figure must not be empty")
        row = Row(file, int(offset), unescape(figure), verdict, label, cls, note)
        if row.key in seen:
            raise AuditError(f"{name}: row {n}: a second row for {row.key}")
        seen.add(row.key)
        rows.append(row)
    return rows


def read(path: Path = AUDIT) -> list[Row]:
    return parse(path.read_text(encoding="utf-8"), path.name) if path.exists() else []


def _clean(text: str) -> str:
    """A note on one line."""
    return " ".join(text.replace("\t", " ").split())


_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}


def escape(figure: str) -> str:
    """A figure as reported (no-break spaces and all, since it is part of the key) on one TSV field:
    backslash, tab and line breaks (a figure wrapped onto the next line) written as \\, \\t, \\n, \\r."""
    return "".join(_ESCAPES.get(ch, ch) for ch in figure)


def unescape(field: str) -> str:
    out: list[str] = []
    chars = iter(field)
    for ch in chars:
        if ch == "\\":
            following = next(chars, "")
            ch = _UNESCAPES.get(following, "\\" + following)
        out.append(ch)
    return "".join(out)


def dump(rows: list[Row]) -> str:
    lines = [COMMENT, "\t".join(COLUMNS)]
    for r in sorted(rows, key=lambda r: (r.file, r.offset, r.figure)):
        lines.append("\t".join([r.file, str(r.offset), escape(r.figure), r.verdict, r.label, r.cls, _clean(r.note)]))
    return "\n".join(lines) + "\n"


def write(rows: list[Row], path: Path = AUDIT) -> None:
    path.write_text(dump(rows), encoding="utf-8")
