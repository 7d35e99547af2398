"""Our World in Data connector: grapher CSV plus metadata, licence and citation from the metadata."""

from __future__ import annotations

import json

from factcheck.cli import main
from factcheck.sources.datapackage import load
from tests.connectors.conftest import connector_folder, recorder

VCR = recorder("test_owid")


def test_pull_reads_csv_and_metadata(tmp_path, capsys, no_cache):
    folder = connector_folder(tmp_path, "owid-population", "owid", {"slug": "population"})
    with VCR.use_cassette("pull_population.yaml"):
        assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 0, capsys.readouterr().err
    package = json.loads((folder / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert package["factcheck"]["snapshot"]["last_modified"] == "Thu, 04 May 2023 00:00:00 GMT"
    assert package["factcheck"]["snapshot"]["upstream_version"] == "2023-05-04"
    assert package["publisher"] == "Illustrative values for factcheck's tests"
    source = load(folder / "datapackage.json")
    (measure,) = source.measures()
    assert measure.id == "population_historical" and "Population" in measure.labels
    (obs,) = [o for o in source.observations("population_historical", "JPN") if o.period_end.year == 2020]
    assert obs.value == 126261000 and obs.unit == "people" and obs.entity_name == "Japan"


def test_unknown_column_is_a_clear_error(tmp_path, capsys, no_cache):
    folder = connector_folder(tmp_path, "owid", "owid", {"slug": "population", "column": "gdp"})
    with VCR.use_cassette("pull_population.yaml"):
        assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 2
    assert "column 'gdp' not in the chart (columns: population_historical)" in capsys.readouterr().err
