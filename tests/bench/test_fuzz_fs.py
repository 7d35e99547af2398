"""bench/fuzz.py's file-system families, a few cases each (issue 21): nothing written outside, no device replaced."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench.fuzz_fs import run  # noqa: E402


@pytest.mark.parametrize("family", ["links", "devices"])
def test_file_system_family_has_no_failure(family, monkeypatch):
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    failures, _ = run(family, 12)
    assert failures == []
