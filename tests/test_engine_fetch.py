"""Issue 19 item 1: a document asks for one country's series for every claim about it; it is fetched once."""

from __future__ import annotations

from datetime import date

from factcheck.core.matching import Settings
from factcheck.engine import check_text
from tests.core.test_reading import catalogue


def test_records_are_fetched_once_per_source_measure_and_entity():
    cat = catalogue()
    source = cat.by_source["t"]
    calls: list[tuple[str, str | None]] = []
    original = source.observations

    def counting(measure: str, entity: str | None):
        calls.append((measure, entity))
        return original(measure, entity)

    source.observations = counting  # type: ignore[method-assign]
    text = " ".join(f"In 2014 France had a population of {n} million." for n in (66.3, 66.31, 66.3, 66.3))
    checked = check_text(text, "d.txt", cat, Settings(doc_date=date(2016, 1, 1)))
    assert [v.reason for _, v in checked.claims] == ["within_rounding"] * 4
    assert calls == [("population", "FRA")]
