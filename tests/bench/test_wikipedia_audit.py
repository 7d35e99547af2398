"""The Wikipedia bench's audit file (bench/eval/wikipedia/audit.tsv) is well formed: no corpus, no network."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.wikipedia.audit import (  # noqa: E402
    AUDIT, CLASSES, COLUMNS, LABELS, VERDICTS, AuditError, Row, dump, escape, parse, unescape,
)


def test_header_and_comment() -> None:
    lines = AUDIT.read_text(encoding="utf-8").split("\n")
    assert lines[0].startswith("# ")
    assert tuple(lines[1].split("\t")) == COLUMNS


def test_every_row_is_labelled_from_the_allowed_sets() -> None:
    rows = parse(AUDIT.read_text(encoding="utf-8"))
    assert rows, "the audit holds the rows of the claims decided when it was made"
    for r in rows:
        assert r.file.endswith(".md") and "/" not in r.file
        assert isinstance(r.offset, int) and r.offset >= 0
        assert r.figure
        assert r.verdict in VERDICTS
        assert r.label in LABELS
        assert r.cls in CLASSES[r.label]
        assert r.note.strip(), "every row says in a few words why"
    assert len({r.key for r in rows}) == len(rows)


def test_the_file_is_written_as_dump_writes_it() -> None:
    text = AUDIT.read_text(encoding="utf-8")
    assert dump(parse(text)) == text  # sorted, one line a row: diffs of the audit stay readable


def test_keeps_genuine_rows() -> None:
    rows = parse(AUDIT.read_text(encoding="utf-8"))
    assert any(r.label == "genuine" and r.verdict == "contradicted" for r in rows)
    assert any(r.label == "genuine" and r.verdict == "supported" for r in rows)


@pytest.mark.parametrize("figure", ["21.6 million", "60\nmillion", "1\u00a0000", "a\tb", "back\\slash", "\\n literally"])
def test_figures_round_trip(figure: str) -> None:
    assert unescape(escape(figure)) == figure
    row = Row("A.md", 3, figure, "contradicted", "misreading", "footnote", "a note")
    assert parse(dump([row])) == [row]


@pytest.mark.parametrize("bad, message", [
    ("A.md\tx\t12\tcontradicted\tmisreading\tfootnote\tn", "offset"),
    ("A.md\t1\t12\trefuted\tmisreading\tfootnote\tn", "verdict"),
    ("A.md\t1\t12\tcontradicted\twrong\tfootnote\tn", "label"),
    ("A.md\t1\t12\tcontradicted\tgenuine\tfootnote\tn", "class"),
    ("A.md\t1\t12\tcontradicted\tmisreading\tfootnote", "fields"),
    ("A.md\t1\t12\tcontradicted\tmisreading\tfootnote\tn\nA.md\t1\t12\tsupported\tmisreading\trate\tn", "second row"),
])
def test_malformed_rows_are_refused(bad: str, message: str) -> None:
    with pytest.raises(AuditError, match=message):
        parse("\t".join(COLUMNS) + "\n" + bad + "\n")
