"""A Data Package by URL (datasets/population through GitHub raw URLs) and a plain CSV by URL."""

from __future__ import annotations

import json

from factcheck.cli import main
from factcheck.sources.datapackage import load
from tests.connectors.conftest import connector_folder, recorder

VCR = recorder("test_datapackage_url")
BASE = "https://raw.githubusercontent.com/datasets/population/main"
MAPPING = {"entity": "Country Code", "entity_name": "Country Name", "period": "Year", "value": "Value",
           "measure": "population", "measure_aliases": ["population", "inhabitants"]}


def test_pull_a_data_package_by_url(tmp_path, capsys, no_cache):
    folder = connector_folder(tmp_path, "population", "datapackage", {"url": f"{BASE}/datapackage.json", "mapping": MAPPING})
    with VCR.use_cassette("pull_population.yaml"):
        assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 0, capsys.readouterr().err
    package = json.loads((folder / "datapackage.json").read_text())
    assert package["licenses"][0]["name"] == "ODC-PDDL-1.0"
    assert package["factcheck"]["snapshot"]["requests"] == [f"{BASE}/datapackage.json", f"{BASE}/data/population.csv"]
    source = load(folder / "datapackage.json")
    assert {o.value for o in source.observations("population", "FRA") if o.period_end.year == 2021} == {67842811.0}


def test_plain_csv_by_url(tmp_path, capsys, no_cache):
    folder = connector_folder(tmp_path, "pop-csv", "csv", {"url": f"{BASE}/data/population.csv", "mapping": MAPPING,
                                                          "title": "Population (excerpt)", "publisher": "World Bank via datasets",
                                                          "licence": "ODC-PDDL-1.0"})
    with VCR.use_cassette("pull_population.yaml", allow_playback_repeats=True):
        assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 0, capsys.readouterr().err
    assert len(load(folder / "datapackage.json").observations("population", "IND")) == 5
