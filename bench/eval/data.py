"""The labelled data in ../shared/eval, read where it lies (never copied into the project)."""

from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EVAL = ROOT.parent / "shared" / "eval"


@dataclass(frozen=True)
class Line:
    number: int
    speaker: str
    text: str
    label: int


def clef_documents() -> dict[str, list[Line]]:
    """CLEF 2019 CheckThat! task 1 training transcripts: name -> lines."""
    docs = {}
    for path in sorted((EVAL / "clef2019-train").glob("*.tsv")):
        with open(path, encoding="utf-8", newline="") as fh:
            rows = list(csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE))
        docs[path.stem] = [Line(int(r[0]), r[1], r[2], int(r[3])) for r in rows if len(r) >= 4]
    return docs


def claimbuster() -> list[tuple[str, int]]:
    data = json.loads((EVAL / "claimbuster" / "two_class_test.json").read_text(encoding="utf-8"))
    return [(d["text"], int(d["label"])) for d in data]


def available() -> bool:
    return (EVAL / "clef2019-train").is_dir() and (EVAL / "claimbuster").is_dir()
