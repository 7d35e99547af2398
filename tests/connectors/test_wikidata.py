"""Wikidata connector: SPARQL JSON bindings with P585 dates; the query it sends."""

from __future__ import annotations

from factcheck.cli import main
from factcheck.connectors.wikidata import Wikidata
from factcheck.sources.datapackage import load
from tests.connectors.conftest import connector_folder, recorder

VCR = recorder("test_wikidata")


def test_query_asks_for_point_in_time_qualifiers_and_iso_codes():
    query = Wikidata({"property": "P1082", "items": ["Q142"]}).query()
    assert "pq:P585 ?time" in query and "ps:P1082 ?value" in query and "wdt:P298 ?iso3" in query and "wd:Q142" in query


def test_pull_maps_bindings_to_dated_records(tmp_path, capsys, no_cache):
    folder = connector_folder(tmp_path, "wd-population", "wikidata", {"property": "P1082", "items": ["Q142", "Q183"]},
                              aliases=["population"])
    with VCR.use_cassette("pull_population.yaml"):
        assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 0, capsys.readouterr().err
    source = load(folder / "datapackage.json")
    records = sorted((o.entity, o.period_end.isoformat(), o.value) for o in source.observations("P1082", None))
    assert records[0] == ("DEU", "2020-01-01", 83160871.0) and len(records) == 4
    assert source.measures()[0].labels == ("population", "P1082")  # the measure's own id is a label too


def test_bad_item_ids_are_refused(tmp_path, capsys):
    folder = connector_folder(tmp_path, "wd", "wikidata", {"property": "P1082", "items": ["France"]})
    assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 2
    assert "params.items.0" in capsys.readouterr().err
