"""Inline suppressions: each form, and each problem they can have (FC900-FC903)."""

from __future__ import annotations

from factcheck.core.findings import code_for
from factcheck.core.matching import Settings
from factcheck.engine import check_text, load_sources

NO_SOURCES = load_sources([])


def check(text: str):
    checked = check_text(text, "doc.md", NO_SOURCES, Settings(80, 0.05, None))
    findings = [(c.text, code_for(v.reason), checked.suppressed.get(i)) for i, (c, v) in enumerate(checked.claims)]
    return findings, [(p.code, p.line) for p in checked.problems]


def test_ignore_applies_to_the_next_sentence_only():
    text = (
        "<!-- factcheck: ignore[FC201] figure from the minister's speech -->\n"
        "France sent 29 teams. France sent 12 doctors.\n"
    )
    findings, problems = check(text)
    assert [(t, s is not None) for t, _, s in findings] == [("29 teams", True), ("12 doctors", False)]
    assert findings[0][2].reason == "figure from the minister's speech" and findings[0][2].line == 1
    assert problems == []


def test_ignore_inside_a_sentence_applies_to_that_sentence():
    findings, problems = check("France sent 29 teams <!-- factcheck: ignore[FC201] see annex --> and 3 planes. Then 4 ships.\n")
    assert [s is not None for _, _, s in findings] == [True, True, False]
    assert problems == []


def test_ignore_with_another_code_suppresses_nothing_and_is_unused():
    findings, problems = check("<!-- factcheck: ignore[FC101] wrong code -->\nFrance sent 29 teams.\n")
    assert findings[0][2] is None
    assert problems == [("FC900", 1)]


def test_ignore_before_a_sentence_without_figures_is_unused():
    text = "<!-- factcheck: ignore[FC201] reason -->\nNo figures here. France sent 29 teams.\n"
    findings, problems = check(text)
    assert findings[0][2] is None and problems == [("FC900", 1)]


def test_suppression_without_code_suppresses_nothing_and_is_reported():
    findings, problems = check("<!-- factcheck: ignore because I say so -->\nFrance sent 29 teams.\n")
    assert findings[0][2] is None and problems == [("FC901", 1)]


def test_unreadable_directive_is_reported():
    findings, problems = check("<!-- factcheck: ignroe[FC201] typo -->\nFrance sent 29 teams.\n")
    assert findings[0][2] is None and problems == [("FC901", 1)]


def test_suppression_without_reason_holds_but_is_reported():
    findings, problems = check("<!-- factcheck: ignore[FC201] -->\nFrance sent 29 teams.\n")
    assert findings[0][2] is not None and problems == [("FC902", 1)]


def test_unknown_code_is_reported_and_known_codes_still_apply():
    findings, problems = check("<!-- factcheck: ignore[FC201, FC777] reason -->\nFrance sent 29 teams.\n")
    assert findings[0][2] is not None and problems == [("FC903", 1)]


def test_disable_enable_range():
    text = (
        "France sent 1 plane.\n\n"
        "<!-- factcheck: disable[FC201] annex figures, checked by hand -->\n"
        "France sent 2 planes.\n\nFrance sent 3 planes.\n\n"
        "<!-- factcheck: enable -->\n"
        "France sent 4 planes.\n"
    )
    findings, problems = check(text)
    assert [s is not None for _, _, s in findings] == [False, True, True, False]
    assert problems == []


def test_enable_with_codes_ends_only_those():
    text = (
        "<!-- factcheck: disable[FC201,FC202] reason -->\n"
        "France sent 2 planes.\n\n<!-- factcheck: enable[FC202] -->\n\nFrance sent 3 planes.\n"
    )
    findings, problems = check(text)
    assert [s is not None for _, _, s in findings] == [True, True]
    assert problems == [("FC900", 1)]  # FC202 matched nothing in its range


def test_unended_disable_runs_to_the_end():
    findings, _ = check("<!-- factcheck: disable[FC201] generated table -->\nFrance sent 2 planes.\n\nAnd 3 ships.\n")
    assert all(s is not None for _, _, s in findings)


def test_comments_that_are_not_factcheck_directives_are_ignored():
    findings, problems = check("<!-- a note to the editor -->\nFrance sent 29 teams.\n")
    assert findings[0][2] is None and problems == []


def test_plain_text_documents_take_the_same_comments():
    checked = check_text("<!-- factcheck: ignore[FC201] ok -->\nFrance sent 29 teams.\n", "doc.txt", NO_SOURCES,
                         Settings(80, 0.05, None))
    assert 0 in checked.suppressed
