"""The 5,000 CLEF lines labelled by ClaimBuster's definition for training: well formed, by reference, and the seeded draw."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.data import EVAL  # noqa: E402
from bench.eval.fit import reference_rows  # noqa: E402

TRAIN = ROOT / "bench" / "eval" / "claimbuster_definition_train.tsv"
DEV = ROOT / "bench" / "eval" / "claimbuster_definition.tsv"


def test_the_file_is_well_formed_names_lines_by_reference_and_leaves_out_the_development_set() -> None:
    lines = TRAIN.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "AI model" in "\n".join(lines[:8]) and "document\tline\tlabel" in lines
    rows = reference_rows(TRAIN)
    refs = {(n, k) for n, k, _ in rows}
    assert len(rows) == 5000 and len(refs) == 5000
    assert {y for _, _, y in rows} == {0, 1}
    assert 500 < sum(y for _, _, y in rows) < 1500
    assert not refs & {(n, k) for n, k, _ in reference_rows(DEV)}
    assert all(len(line.split("\t")) == 3 for line in lines if not line.startswith("#"))  # no text copied


def test_the_labelled_lines_are_the_seeded_draw() -> None:
    if not (EVAL / "clef2019-train").is_dir() or not (EVAL / "claimbuster").is_dir():
        pytest.skip("../shared/eval is not here")
    from bench.eval.data import clef_documents
    from bench.eval.sample_definition import draw

    assert set(draw()) == {(n, k) for n, k, _ in reference_rows(TRAIN)}
    docs = {name: {line.number: line for line in lines} for name, lines in clef_documents().items()}
    for name, number, _ in reference_rows(TRAIN):
        line = docs[name][number]
        assert line.speaker != "SYSTEM" and len(line.text.split()) >= 5
