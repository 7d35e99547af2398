"""The parts a document's claims have alike are made once (issue 19: memory of the report part)."""

from __future__ import annotations

from datetime import date

from factcheck.core.model import Entity, Observation, Period, Provenance
from factcheck.report.build import _Shared

PROVENANCE = Provenance("t", "Test data", "Publisher", "https://example.org/data", "CC0-1.0", None, "0" * 64, "t.csv")


def _record(value: float, row: int) -> Observation:
    return Observation("FRA", "France", "population", date(2019, 1, 1), date(2019, 12, 31), value, None, None, "level", False,
                       PROVENANCE, row)


def test_the_same_subject_period_and_record_give_one_dict() -> None:
    shared = _Shared()
    record = _record(67.0e6, 2)
    assert shared.subject_of(Entity("FRA", "France")) is shared.subject_of(Entity("FRA", "France"))
    year = Period(date(2019, 1, 1), date(2019, 12, 31), "2019", "year")
    assert shared.period_of(year) is shared.period_of(Period(date(2019, 1, 1), date(2019, 12, 31), "2019", "year"))
    assert shared.evidence_of(record) is shared.evidence_of(record)
    assert shared.subject_of(Entity("FRA", "France")) == {"id": "FRA", "name": "France"}


def test_different_parts_are_not_confused() -> None:
    shared = _Shared()
    assert shared.subject_of(Entity("FRA", "France")) is not shared.subject_of(Entity("DEU", "Germany"))
    year = Period(date(2019, 1, 1), date(2019, 12, 31), "2019", "year")
    inherited = Period(date(2019, 1, 1), date(2019, 12, 31), "2019", "year", inherited=True)
    assert shared.period_of(year)["inherited"] is False and shared.period_of(inherited)["inherited"] is True


def test_a_record_made_where_another_one_was_is_its_own_evidence() -> None:
    """Evidence is found by the record object; an entry left by another record under the same id (an id is reused once
    its object is gone) is never taken for it."""
    shared = _Shared()
    first, second = _record(1.0, 2), _record(2.0, 3)
    shared.evidence[id(second)] = (first, shared.evidence_of(first))  # as if ``second`` lived where ``first`` was
    assert shared.evidence_of(second)["value"] == 2.0
    assert shared.evidence_of(second)["record"] == 3
