"""core/document.py: blocks and sentences, as the readers see them."""

from __future__ import annotations

import pytest

from factcheck.core.document import sentences


@pytest.mark.parametrize("text", [
    "Lakeland at a glance\nCapital: Port Vale\nPopulation: 4.2 million (2019)\nArea: 61,000 km2\n",
    "Population: 4.2 million (2019)\r\nArea: 61,000 km2\r\n",
    "[B]Leader[/B]: A. Smith (2018)\n[B]Population[/B]: 4.2 million (2019)\n",  # forum markup around a label
])
def test_each_line_of_a_fact_sheet_is_a_statement_of_its_own(text):
    """A real fact sheet's "Population: 82.4 million⏎Size: ..." had been one sentence: "82.4 million Size" one figure."""
    found = [s.text for s in sentences(text)]
    assert any(t.startswith(("Population", "[B]Population")) and t.endswith("(2019)") for t in found), found
    assert all("Area" not in t or t.startswith("Area") for t in found), found


@pytest.mark.parametrize("text", [
    "The population of Lakeland grew\nfast: it reached 4.2 million in 2019, up from 3.9 million.\n",  # hard-wrapped prose
    "Population:\n4,270,480 (July 2018 est.)\n",  # a label whose value is on the next line
    "The meeting began at\n10:30 and ended at noon.\n",  # a time is no label
])
def test_other_line_breaks_stay_soft_wraps(text):
    assert len(sentences(text)) == 1, [s.text for s in sentences(text)]
