"""Fuzzing the whole path from text to every output format (issue 10), bounded to run in CI.

Inputs are the seed mutated (cut, spliced, characters replaced), random Unicode, Markdown
syntax and suppression comments mixed with figures. For each: no exception, every claim's
offsets inside the text and pointing at its text, every format rendered, json/jsonl/SARIF/
ClaimReview valid JSON (no NaN), and time linear in the input. bench/fuzz.py runs the same
properties over 200,000 inputs.
"""

from __future__ import annotations

import io
import json
import time
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from factcheck.core.matching import Settings
from factcheck.engine import check_text, load_sources
from factcheck.report import claimreview, concise, github, jsonl, markdown, sarif, table
from factcheck.report.build import build_report
from factcheck.report.json_format import render as render_json
from tests.conftest import CURATED, SEED

SEED_TEXT = SEED.read_text(encoding="utf-8")
PIECES = [
    "**", "__", "*", "`", "```\n", "[", "](", ")", "<!--", "-->", "<!-- factcheck: ignore[FC201] why -->",
    "<!-- factcheck: disable[FC203] x -->", "<!-- factcheck: enable -->", "# ", "\n\n", "- ", "> ", "|", "[x]: http://a \"t 5\"",
    "96,700", "−3.5%", "4 440 000", "706亿", "½", "US$50 million", "more than 70.6 billion masks", "2020", "As of May 31,",
    "China", "France's population", "the WHO", "Atlantis", "\x1b[0m", "\u202e", "\ufeff", "\r\n", "\t", "\x00", "...", "?!",
]
_catalogue = None


def catalogue():  # type: ignore[no-untyped-def]
    global _catalogue
    if _catalogue is None:
        _catalogue = load_sources([CURATED])
    return _catalogue


@st.composite
def documents(draw: st.DrawFn) -> str:
    kind = draw(st.sampled_from(["mutated seed", "pieces", "unicode"]))
    if kind == "mutated seed":
        a = draw(st.integers(0, len(SEED_TEXT)))
        b = draw(st.integers(a, min(len(SEED_TEXT), a + 3000)))
        text = SEED_TEXT[a:b]
        for _ in range(draw(st.integers(0, 8))):
            at = draw(st.integers(0, len(text)))
            text = text[:at] + draw(st.sampled_from(PIECES) | st.text(max_size=3)) + text[at + draw(st.integers(0, 3)):]
        return text
    if kind == "pieces":
        return "".join(draw(st.lists(st.sampled_from(PIECES) | st.text(max_size=5), max_size=60)))
    return draw(st.text(max_size=400))


def _render_all(text: str, path: str) -> dict:
    checked = check_text(text, path, catalogue(), Settings(doc_date=date(2020, 6, 7)))
    for claim, _ in checked.claims:
        assert 0 <= claim.span.start <= claim.span.end <= len(text)
        assert claim.sentence.start <= claim.span.start and claim.span.end <= max(claim.sentence.end, claim.span.end)
    report = build_report([checked], 0.05)
    json.loads(render_json(report), parse_constant=_no_constants)
    for line in filter(None, jsonl.render(report).split("\n")):
        json.loads(line, parse_constant=_no_constants)
    doc = json.loads(sarif.render(report, Path.cwd(), "note"), parse_constant=_no_constants)
    assert doc["version"] == "2.1.0" and isinstance(doc["runs"][0]["results"], list)
    json.loads(claimreview.render(report, "https://example.org"), parse_constant=_no_constants)
    concise.render(report)
    github.render(report, Path.cwd(), "note")
    markdown.render(report)
    table.render(report, io.StringIO(), color=False, width=100)
    return report


def _no_constants(name: str) -> float:
    raise AssertionError(f"{name} in JSON output")


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents(), st.sampled_from(["doc.md", "doc.txt"]))
def test_any_text_renders_in_every_format(text, path):
    _render_all(text, path)


@settings(max_examples=10, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(documents())
def test_time_is_linear_in_the_input(text):
    unit = (text or "x ") * max(1, 2000 // max(1, len(text)))
    small, large = _best(unit), _best(unit * 10)
    assert large <= 15 * max(small, 0.02), (len(unit), small, large)  # below 20 ms a timer measures the machine


def _best(text: str) -> float:
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        check_text(text, "doc.md", catalogue(), Settings())
        best = min(best, time.perf_counter() - t0)
    return best
