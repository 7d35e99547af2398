"""Issue 17, item 4: shares of a group's total and ranks within a group, judged from the members' records.

Every sentence was written for this test. The records are invented and round: in 2019 and 2020 the
population (millions) of Germany 80, France 65, the United Kingdom 64, Italy 60, Spain 45, Poland 38,
Romania 20, the Netherlands 17, each other EU member 5 (20 of them in 2019, 19 in 2020), Norway 5.
So the EU's total is 489 million in 2019 (28 members) and 425 million in 2020 (27): France's share
13.29% in 2019, 15.29% in 2020; Italy is the EU's fourth most populous in 2019 and third in 2020.
For Europe every other M49 member (and Kosovo, the Channel Islands) has 1 million, Russia 140 and
Turkey (counted in Europe by the second reading only) 70 in 2019: France is Europe's third most
populous by UN M49 and fourth with the transcontinental countries.
"""

from __future__ import annotations

from datetime import date

import pytest

from factcheck.core import derivation, groups, grouped
from factcheck.core.matching import Settings
from factcheck.core.measures import MeasureIndex
from factcheck.core.model import Measure, Observation, Provenance
from factcheck.engine import Catalogue, check_text, lexicon_of
from factcheck.sources.base import MemorySource

PROVENANCE = Provenance("g", "Test data", "Publisher", "https://example.org/data", "CC0-1.0", None, "0" * 64, "g.csv")
BIG = {"DEU": 80, "FRA": 65, "GBR": 64, "ITA": 60, "ESP": 45, "POL": 38, "ROU": 20, "NLD": 17, "NOR": 5, "RUS": 140, "TUR": 70}
EUROPE = (groups.members("m49:150", 2019) or frozenset()) | {"TUR", "CYP", "GEO", "ARM", "AZE", "KAZ"}


def _value(code: str) -> float:
    if code in BIG:
        return BIG[code] * 1e6
    return 5e6 if code in (groups.members("eu", 2019) or ()) else 1e6


CARIBBEAN = {"CUB": 11.3e6, "HTI": 11.1e6, "DOM": 10.6e6, "PRI": 3.2e6, "JAM": 2.9e6}  # and every other member 0.1 million


def catalogue(*, without: tuple[tuple[str, int], ...] = (), caribbean: bool = False) -> Catalogue:
    codes = sorted(EUROPE | {"NOR"} | (groups.members("m49:029", 2019) or frozenset() if caribbean else frozenset()))
    value = lambda c: CARIBBEAN.get(c, 1e5) if c in (groups.members("m49:029", 2019) or ()) else _value(c)  # noqa: E731
    rows = [(c, y, value(c)) for c in codes for y in (2013, 2019, 2020) if (c, y) not in without]
    observations = [Observation(c, c, "population", date(y, 1, 1), date(y, 12, 31), v, None, None, "level", False, PROVENANCE, i + 2)
                    for i, (c, y, v) in enumerate(rows)]
    measures = [Measure("g/population", "g", "population", ("inhabitants", "residents", "people", "population"))]
    source = MemorySource("g", measures, observations, {})
    return Catalogue([source], MeasureIndex(measures), {"g": source}, lexicon=lexicon_of([source], measures))


CATALOGUE = catalogue()


@pytest.fixture(autouse=True)
def _small_world(monkeypatch):
    """The invented table is the world here: ranks and the 'global source' test use its size."""
    monkeypatch.setattr(derivation, "WORLD_COUNTRIES", 5)


def judged(sentence: str, cat: Catalogue | None = None):
    checked = check_text(sentence, "doc.txt", cat or CATALOGUE, Settings(doc_date=date(2021, 7, 1)))
    return [(c, v) for c, v in checked.claims if c.quantity is not None]


def only(sentence: str, cat: Catalogue | None = None):
    found = judged(sentence, cat)
    assert len(found) == 1, [(c.text, v.reason) for c, v in found]
    return found[0]


SHARES = [  # (sentence, verdict): three phrasings that fit, three that do not, in a year of 28 members and one of 27
    ("In 2019 France accounted for 13.3% of the EU's population.", "supported"),
    ("In 2019 France had roughly 13% of the European Union's population.", "supported"),
    ("In 2020 France made up 15.3% of the EU's total population.", "supported"),
    ("In 2019 France accounted for 15.3% of the EU's population.", "contradicted"),  # the share of the 27, not the 28 of 2019
    ("France had 11% of the European Union's population in 2019.", "contradicted"),
    ("In 2020 France represented 13.3% of the EU's inhabitants.", "contradicted"),
    ("In 2019 France accounted for 13.3% of EU population.", "supported"),  # the group's name without an article
]


@pytest.mark.parametrize("sentence,label", SHARES)
def test_a_share_of_a_groups_total_is_the_sum_of_its_members(sentence, label):
    claim, verdict = only(sentence)
    assert verdict.label == label, (verdict.reason, verdict.explanation)
    c = verdict.computation
    assert c is not None and c.operation == "share" and "members of the European Union" in c.symbols
    year = claim.period.end.year
    size = 28 if year == 2019 else 27
    assert f"{size} members with a record" in c.words and len(verdict.evidence) == size  # the part and every other member
    assert verdict.evidence[0].entity == "FRA"


RANKS = [
    ("In 2019 France was the second most populous country in the EU.", "supported"),
    ("In 2020 Italy was the third most populous country of the European Union.", "supported"),
    ("Among EU members, Spain was the fifth most populous country in 2019.", "supported"),
    ("In 2019 Italy was the third most populous country in the EU.", "contradicted"),  # fourth while the UK was a member
    ("In 2020 Spain was the fifth most populous country within the EU.", "contradicted"),  # fourth of the 27
    ("Among EU countries, Poland was the fifth most populous country in 2019.", "contradicted"),  # sixth while the UK was a member
]


@pytest.mark.parametrize("sentence,label", RANKS)
def test_a_rank_within_a_group_is_among_its_members_that_year(sentence, label):
    claim, verdict = only(sentence)
    assert claim.role == "rank"
    assert verdict.label == label, (verdict.reason, verdict.explanation)
    assert verdict.computation is not None and verdict.computation.operation == "rank" and "European Union" in verdict.computation.words
    assert verdict.evidence[0].entity == claim.subject.id


READINGS = [  # Europe by UN M49 (France third) or with the transcontinental countries (Turkey before France: fourth)
    ("In 2019 France was the third most populous country in Europe.", "supported"),
    ("In 2019 France was Europe's 4th most populous country.", "supported"),
    ("In 2019 France was the sixth most populous country in Europe.", "contradicted"),
    ("In 2019 Germany was the second most populous country in Europe.", "supported"),
]


@pytest.mark.parametrize("sentence,label", READINGS)
def test_a_name_with_several_lists_fits_any_and_misfits_only_all(sentence, label):
    _, verdict = only(sentence)
    assert verdict.label == label, (verdict.reason, verdict.explanation)
    assert "with TUR" in verdict.computation.words


NOT_JUDGED = [  # (sentence, reason): the group's list, the year or the records do not answer it plainly; never contradicted
    ("In 2013 France accounted for 13% of the EU's population.", "group_not_judged"),  # Croatia joined on 1 July 2013
    ("In 2013 Italy was the fourth most populous country in the EU.", "group_not_judged"),
    ("In 2019 Norway accounted for 1% of the EU's population.", "group_not_judged"),  # not a member
    ("In 2019 France was the second most populous country in the Benelux.", "group_not_judged"),  # no cited list
    ("In 2019 France accounted for 15% of the Arab world's population.", "group_not_judged"),
]


@pytest.mark.parametrize("sentence,reason", NOT_JUDGED)
def test_what_the_lists_cannot_answer_is_named(sentence, reason):
    _, verdict = only(sentence)
    assert verdict.label == "not_enough_info" and verdict.reason == reason, (verdict.reason, verdict.explanation)


def test_a_member_without_a_record_makes_the_total_incomplete():
    cat = catalogue(without=(("MLT", 2019),))
    _, verdict = only("In 2019 France accounted for 13.3% of the EU's population.", cat)
    assert verdict.reason == "group_incomplete" and "MLT" in verdict.explanation
    _, verdict = only("In 2019 Malta was the 9th most populous country in the EU.", catalogue(without=(("LVA", 2019),)))
    assert verdict.reason in ("rank_incomplete", "group_not_judged") and verdict.label == "not_enough_info"


def test_a_member_without_a_record_that_cannot_move_the_rank_still_decides():
    cat = catalogue(without=(("MLT", 2019),))  # Malta (5 million) cannot stand above France (65 million) or move it far
    _, verdict = only("In 2019 France was the fifth most populous country in the EU.", cat)
    assert verdict.label == "contradicted", verdict.explanation


def test_members_a_global_source_never_lists_widen_the_total(monkeypatch):
    """A source of the world's countries that lists no Gibraltar leaves it out by design: the total is widened, not refused."""
    cat = catalogue(without=(("GIB", 2013), ("GIB", 2019), ("GIB", 2020)))
    monkeypatch.setattr(grouped, "GLOBAL_COUNTRIES", 20)
    _, verdict = only("In 2019 Germany accounted for 10.1% of Europe's population.", cat)
    assert verdict.computation is not None and "GIB" in verdict.computation.words and verdict.computation.alternative is not None
    monkeypatch.setattr(grouped, "GLOBAL_COUNTRIES", 150)
    _, verdict = only("In 2019 Germany accounted for 10.1% of Europe's population.", cat)
    assert verdict.reason == "group_incomplete" and "GIB" in verdict.explanation


NOT_GROUP_FIGURES = [  # look like a group's share or rank, are something else: never a group verdict
    "In 2019 Lyon was the second largest city in the EU.",
    "In 2019 France accounted for 13% of the EU's land area.",
    "In 2019 France accounted for 13% of the EU's exports.",
    "In 2019 the population of Europe grew by 0.1%.",
    "Since 2010 France has accounted for a growing share of the EU's population.",
    "In 2019 France had 13% of the EU's population living in cities.",
    "In 2019 France had 110% of the EU's GDP per capita.",
    "In 2019 France accounted for 13% of the EU's population growth.",
]


@pytest.mark.parametrize("sentence", NOT_GROUP_FIGURES)
def test_what_only_looks_like_a_group_figure_is_not_decided(sentence):
    for _, verdict in judged(sentence):
        assert verdict.label == "not_enough_info", (verdict.reason, verdict.explanation)
        assert verdict.computation is None or "members" not in verdict.computation.words


def test_group_share_algebra_says_the_count_total_and_members():
    part = Observation("FRA", "France", "population", date(2019, 1, 1), date(2019, 12, 31), 65e6, None, None, "level", False, PROVENANCE, 2)
    members = [Observation(c, c, "population", date(2019, 1, 1), date(2019, 12, 31), v, None, None, "level", False, PROVENANCE, 3)
               for c, v in (("FRA", 65e6), ("DEU", 80e6), ("ITA", 55e6))]
    reading = groups.Reading("Test", frozenset({"FRA", "DEU", "ITA"}), ("t",))
    c = grouped.group_share(part, [(reading, members, [])], "population", "Test")
    assert c.value == pytest.approx(32.5) and c.alternative is None
    assert "3 members with a record (DEU, FRA, ITA)" in c.words and "total 200 million" in c.words
    widened = grouped.group_share(part, [(reading, members, ["GIB"])], "population", "Test", 0.02)
    assert widened.alternative == pytest.approx(32.5 / 1.02) and "GIB" in widened.words


STATES = [  # Puerto Rico, a territory, stands above Jamaica: fourth among the Caribbean's states, fifth among all its members
    ("In 2019 Jamaica was the fourth most populous country in the Caribbean.", "supported"),
    ("In 2019 Jamaica was the fifth most populous country in the Caribbean.", "supported"),
    ("In 2019 Jamaica was the third most populous country in the Caribbean.", "contradicted"),
]


@pytest.mark.parametrize("sentence,label", STATES)
def test_a_rank_among_a_groups_countries_counts_territories_or_not(sentence, label):
    _, verdict = only(sentence, catalogue(caribbean=True))
    assert verdict.label == label, (verdict.reason, verdict.explanation)
    assert "states only" in verdict.computation.words


WORLD_RANKS = [  # a group named for another statement leaves the rank the world's: Spain is seventh of the table's countries
    ("In 2019 Spain, a member of the EU, was the world's 7th most populous country.", "supported"),
    ("In 2019 Spain, a member of the EU, was the world's 6th most populous country.", "contradicted"),
    ("In 2019 Spain was the 7th most populous country in the world and the fifth most populous in the EU.", "supported"),
    ("In 2019 Spain was the 7th most populous country in the world, one of the largest of European countries.", "supported"),
]


@pytest.mark.parametrize("sentence,label", WORLD_RANKS)
def test_a_rank_whose_own_scope_is_the_world_is_the_worlds(sentence, label):
    claim, verdict = judged(sentence)[0]
    assert verdict.label == label, (verdict.reason, verdict.explanation)
    assert "countries with a record" in verdict.computation.words and "members of" not in verdict.computation.words
