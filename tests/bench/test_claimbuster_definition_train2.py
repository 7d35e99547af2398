"""The pool's other CLEF lines labelled by ClaimBuster's definition: well formed, by reference, the seeded rest, read by fit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.data import EVAL  # noqa: E402
from bench.eval.fit import DEFINITION, reference_rows  # noqa: E402

TRAIN2 = ROOT / "bench" / "eval" / "claimbuster_definition_train2.tsv"
TRAIN = ROOT / "bench" / "eval" / "claimbuster_definition_train.tsv"
DEV = ROOT / "bench" / "eval" / "claimbuster_definition.tsv"


def test_the_file_is_well_formed_names_lines_by_reference_and_leaves_out_the_other_files() -> None:
    lines = TRAIN2.read_text(encoding="utf-8").splitlines()
    header = "\n".join(line for line in lines if line.startswith("#"))
    assert lines[0].startswith("# ") and "AI model" in header and "not checked by a person" in header
    assert "seed 21" in header and "document\tline\tlabel" in lines
    rows = reference_rows(TRAIN2)
    refs = {(n, k) for n, k, _ in rows}
    assert len(rows) == len(refs) == 6562
    assert {y for _, _, y in rows} == {0, 1}
    assert 500 < sum(y for _, _, y in rows) < 1500
    assert not refs & {(n, k) for n, k, _ in reference_rows(DEV)}
    assert not refs & {(n, k) for n, k, _ in reference_rows(TRAIN)}
    assert all(len(line.split("\t")) == 3 for line in lines if not line.startswith("#"))  # no text copied


def test_fit_reads_all_three_files() -> None:
    assert DEFINITION == [DEV, TRAIN, TRAIN2]


def test_the_labelled_lines_are_the_rest_of_the_pool_and_no_test_sentence() -> None:
    if not (EVAL / "clef2019-train").is_dir() or not (EVAL / "claimbuster").is_dir():
        pytest.skip("../shared/eval is not here")
    from bench.eval.data import claimbuster, clef_documents
    from bench.eval.sample_definition import _pool, draw, rest

    pool, drawn, left = _pool(), draw(), rest()
    assert not set(drawn) & set(left) and set(drawn) | set(left) == set(pool) and len(left) == len(set(left))
    assert set(left) == {(n, k) for n, k, _ in reference_rows(TRAIN2)}
    docs = {name: {line.number: line for line in lines} for name, lines in clef_documents().items()}
    test = {t.strip().lower() for t, _ in claimbuster()}
    for name, number in left:
        line = docs[name][number]
        assert line.speaker != "SYSTEM" and len(line.text.split()) >= 5 and line.text.strip().lower() not in test
