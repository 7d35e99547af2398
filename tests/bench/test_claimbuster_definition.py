"""The development set of CLEF lines labelled by ClaimBuster's definition: well formed, and naming real lines."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.data import EVAL  # noqa: E402
from bench.eval.fit import reference_rows  # noqa: E402
from bench.eval.run import DEFINITION, definition_labels, separation  # noqa: E402


def test_the_file_is_well_formed_and_names_lines_by_reference() -> None:
    lines = DEFINITION.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# ") and "document\tline\tlabel" in lines
    rows = reference_rows(DEFINITION)
    assert len(rows) == 700 and len({(n, k) for n, k, _ in rows}) == 700
    assert {y for _, _, y in rows} == {0, 1}
    assert 100 < sum(y for _, _, y in rows) < 300  # check-worthy factual statements are a minority of spoken lines


def test_separation_is_balanced_accuracy_and_auc() -> None:
    # two positives (0.9, 0.4) and two negatives (0.6, 0.1): at 0.5 one of each class is right; 3 of 4 pairs in order
    assert separation([0.9, 0.4, 0.6, 0.1], [1, 1, 0, 0], 0.5) == (0.5, 0.5, 0.5, 0.75)
    assert separation([0.7, 0.7], [1, 0], 0.5) == (0.5, 1.0, 0.0, 0.5)  # a tie counts half


def test_every_labelled_line_is_a_speakers_line_of_the_training_transcripts() -> None:
    if not (EVAL / "clef2019-train").is_dir():
        pytest.skip("../shared/eval/clef2019-train is not here")
    from bench.eval.data import clef_documents
    from bench.eval.run import clef_lines

    docs, read = clef_documents(), clef_lines()
    labels = definition_labels()
    assert sum(len(v) for v in labels.values()) == 700
    for name, by_index in labels.items():
        for i in by_index:
            text, role, _ = read[name][i]
            assert role is None and len(text.split()) >= 5
            assert docs[name][i].text.strip() in text or text.strip() in docs[name][i].text
