from factcheck.core.measures import MeasureIndex, stem
from factcheck.core.model import Measure

MEASURES = [
    Measure("s/teams", "s", "teams", ("medical expert teams sent",)),
    Measure("s/team_countries", "s", "team_countries", ("countries sent medical expert teams",)),
    Measure("s/destinations", "s", "destinations", ("countries and regions exported protective materials to",)),
    Measure("s/masks", "s", "masks", ("masks exported",)),
]


def test_head_noun_decides_between_overlapping_labels():
    index = MeasureIndex(MEASURES)
    assert index.search("medical expert teams sent", "medical expert teams", "sent")[0].measure.id == "teams"
    assert index.search("countries sent medical expert teams", "countries", "sent")[0].measure.id == "team_countries"


def test_a_different_verb_is_a_weak_match():
    index = MeasureIndex(MEASURES)
    top = index.search("countries and regions donated materials", "countries and regions", "donated")[0]
    assert top.measure.id == "destinations" and top.score < 80


def test_only_labels_sharing_a_word_are_scored():
    index = MeasureIndex(MEASURES)
    assert index.search("training sessions organized", "training sessions", "organized") == []


def test_stem_treats_both_sides_alike():
    assert stem("exported") == stem("exports") == stem("export")
    assert stem("countries") == stem("country")


def test_a_sector_or_a_part_before_a_label_makes_another_measure():
    """"non-oil GDP", "private sector GDP", "the youth population": a kind or a part of the measure, never the measure itself
    (a made-up page's non-oil GDP had scored 100 against GDP and been contradicted by the whole economy's record)."""
    index = MeasureIndex([Measure("w/gdp", "w", "gdp", ("gdp", "gross domestic product")),
                          Measure("w/pop", "w", "population", ("population",))])
    assert index.search("gdp", "gdp", None)[0].score == 100
    for phrase in ("kenya's non-oil gdp", "kenya's private sector gdp", "kenya's oil gdp", "kenya's agricultural gdp",
                   "kenya's non-mining gdp", "kenya's nonfarm gdp"):
        assert index.search(phrase, phrase, None)[0].score <= 60, phrase
    for phrase in ("kenya's youth population", "kenya's working-age population", "kenya's adult population"):
        assert index.search(phrase, phrase, None)[0].score <= 60, phrase
    assert index.search("kenya's population", "kenya's population", None)[0].score > 60
