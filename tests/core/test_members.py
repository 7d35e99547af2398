"""Claims without a figure: enumerations of named items, statements of participation, and their verdicts."""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core.claims import extract_claims
from factcheck.core.matching import Settings
from factcheck.core.measures import MeasureIndex
from factcheck.core.members import find_member_lists, find_statements
from factcheck.core.membership import judge_member, judge_statement
from factcheck.core.model import Measure, Observation, Provenance
from factcheck.sources.base import MemorySource

SENTENCE = ("The WHO-China Joint Mission on Covid-19 made site visits to Beijing, Chengdu, Guangzhou, Shenzhen, "
            "and Wuhan, and spoke highly of China's efforts.")


def test_an_enumeration_of_places_is_one_claim_per_place():
    claims = [c for c in extract_claims(SENTENCE, doc_date=date(2020, 6, 7)) if c.kind == "member"]
    assert [c.item for c in claims] == ["Beijing", "Chengdu", "Guangzhou", "Shenzhen", "Wuhan"]
    assert [c.enumeration for c in claims] == [0, 1, 2, 3, 4]
    assert {c.measure for c in claims} == {"made site visits"}
    assert {c.subject.id for c in claims} == {"org:WHO-China-Joint-Mission"}
    assert len({c.id for c in claims}) == 5
    assert all(SENTENCE[c.span.start:c.span.end] == c.item for c in claims)


@pytest.mark.parametrize(
    "text",
    ["We met the ministers of France, Germany and Italy.", "China, India and Brazil grew.", "He saw Paris and Rome."],
)
def test_lists_without_a_relation_or_of_two_are_not_member_claims(text):
    assert find_member_lists(text) == []


def test_statements_of_participation():
    (st,) = find_statements("It has also participated in the WHO's \"ACT Accelerator\" initiative, aiming to speed up vaccines.")
    assert st.verb == "participated in" and st.object == "the WHO's \"ACT Accelerator\" initiative"
    assert find_statements("It grew fast.") == []


@pytest.mark.parametrize(("text", "obj"), [
    ("In 2015 the country signed the Paris Agreement on climate.", "the Paris Agreement on climate"),
    ("The senator won Ohio by a wide margin.", "Ohio by a wide margin"),
    ("Two years later it joined the OECD as its 35th member.", "the OECD as its 35th member"),
])
def test_a_statement_is_of_something_named(text, obj):
    (st,) = find_statements(text)
    assert st.object == obj


@pytest.mark.parametrize("text", [
    "We won the big one last night, and I think we won with everyone.",  # nothing named: nothing a record holds
    "He signed that bill, and then he attacked me for it.",
    "I joined those who did, because I believed it was right.",
    "So who signed the treaty with Iran?",  # a question asks; it does not state
    "Did she say she won Nevada?\u201d",
    "And you hosted the summit in Geneva?",
])
def test_events_without_a_name_and_questions_are_no_statements(text):
    assert find_statements(text) == []


PROV = Provenance("test", "Test", None, None, "CC0-1.0", None, "0" * 64, "t.csv")


def _record(member: str, typ: str, part_of: str | None = None, complete: bool = True, entity: str = "org:M") -> Observation:
    return Observation(entity, "Mission", "visits", None, date(2020, 2, 24), 1.0, None, None, "member", False, PROV, 2,
                       publisher="Health commission", member=member, member_type=typ, part_of=part_of, complete=complete)


def _judge(item: str, records: list[Observation], places: dict[str, Observation] | None = None):
    source = MemorySource("test", [Measure("test/visits", "test", "visits", ("site visits made",), "set")], records)
    claim = next(c for c in extract_claims(SENTENCE.replace("Wuhan", item), doc_date=date(2020, 6, 7)) if c.item == item)
    claim.subject = type(claim.subject)("org:M", "Mission")
    fetch = lambda m, e: source.observations(m.id, e)  # noqa: E731
    return judge_member(claim, MeasureIndex(source.measures()), fetch, places or {}, Settings())


VISITED = [_record("Beijing", "municipality"), _record("Sichuan", "province"), _record("Wuhan", "city", "Hubei")]
PLACES = {"chengdu": _record("Chengdu", "city", "Sichuan", False), "shanghai": _record("Shanghai", "municipality", None, False)}


def test_a_listed_member_is_supported():
    verdict = _judge("Wuhan", VISITED, PLACES)
    assert (verdict.label, verdict.reason, verdict.reference) == ("supported", "member_listed", "Wuhan")


def test_a_city_whose_province_is_listed_is_not_enough_info_and_says_so():
    verdict = _judge("Chengdu", VISITED, PLACES)
    assert (verdict.label, verdict.reason, verdict.reference) == ("not_enough_info", "member_region_only", "Sichuan")
    assert "not Chengdu itself" in verdict.explanation and PLACES["chengdu"] in verdict.evidence


def test_absent_from_a_complete_list_is_contradicted():
    verdict = _judge("Shanghai", VISITED, PLACES)
    assert (verdict.label, verdict.reason) == ("contradicted", "not_a_member")
    assert "Beijing, Sichuan, Wuhan" in verdict.explanation


def test_absent_from_partial_lists_is_not_enough_info():
    partial = [_record(r.member, r.member_type, r.part_of, complete=False) for r in VISITED]  # type: ignore[arg-type]
    verdict = _judge("Shanghai", partial, PLACES)
    assert (verdict.label, verdict.reason) == ("not_enough_info", "member_not_listed")


def test_no_set_source_means_no_matching_source():
    claim = next(c for c in extract_claims(SENTENCE) if c.kind == "member")
    verdict = judge_member(claim, MeasureIndex([]), lambda m, e: [], {}, Settings())
    assert verdict.reason == "no_matching_source"


def test_statements_are_reported_unsourced():
    claim = next(c for c in extract_claims("China has also participated in the ACT Accelerator initiative.") if c.kind == "statement")
    verdict = judge_statement(claim)
    assert (verdict.label, verdict.reason) == ("not_enough_info", "unsourced_statement")
