"""The findings catalogue: complete, stable, and the exit policy it drives."""

from __future__ import annotations

import pytest

from factcheck.core.findings import FINDINGS, POLICIES, code_for, fails
from factcheck.core.reasons import REASONS, SUPPORTED


def test_every_verdict_reason_that_is_not_supported_has_exactly_one_code():
    for reason, r in REASONS.items():
        assert (code_for(reason) is None) == (r.verdict == SUPPORTED), reason


def test_codes_are_unique_and_well_formed():
    names = [f.name for f in FINDINGS.values()]
    assert len(set(names)) == len(names)
    for code, f in FINDINGS.items():
        assert code == f.code and code.startswith("FC") and len(code) == 5
        assert f.title and f.help and f.severity in ("error", "warning", "note")


def test_contradictions_are_errors_and_fail_by_default():
    for f in FINDINGS.values():
        if any(REASONS[r].verdict == "contradicted" for r in f.reasons):
            assert f.severity == "error" and fails(f.code, "contradicted")


@pytest.mark.parametrize(
    ("code", "expected"),
    [
        ("FC101", {"contradicted": True, "unverifiable": True, "any": True}),
        ("FC203", {"contradicted": False, "unverifiable": True, "any": True}),
        ("FC201", {"contradicted": False, "unverifiable": True, "any": True}),
        ("FC900", {"contradicted": False, "unverifiable": False, "any": True}),
    ],
)
def test_fail_policy_is_cumulative(code, expected):
    assert {p: fails(code, p) for p in POLICIES} == expected
