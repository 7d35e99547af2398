"""bench/eval/fit.py reproduces the shipped check-worthiness model byte for byte (where the data and scikit-learn are)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.eval.data import EVAL  # noqa: E402


def test_the_training_script_writes_the_shipped_file() -> None:
    pytest.importorskip("sklearn", reason="scikit-learn is only in the train extra")
    if not (EVAL / "clef2019-train").is_dir():
        pytest.skip("../shared/eval/clef2019-train is not here")
    from bench.eval.fit import OUTPUT, dumps, model_data, transcripts

    assert dumps(model_data(transcripts())) == OUTPUT.read_text(encoding="utf-8")


def test_the_transcripts_are_read_as_factcheck_reads_them() -> None:
    if not (EVAL / "clef2019-train").is_dir():
        pytest.skip("../shared/eval/clef2019-train is not here")
    from bench.eval.data import clef_documents
    from bench.eval.fit import transcripts

    docs, samples = clef_documents(), transcripts()
    assert list(docs) == list(samples)
    assert [len(v) for v in docs.values()] == [len(v) for v in samples.values()]
    assert [line.label for v in docs.values() for line in v] == [s[2] for v in samples.values() for s in v]
