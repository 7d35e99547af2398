"""World Bank connector: paging, error bodies, and the done-when: a pulled snapshot checks like a local package."""

from __future__ import annotations

import csv
import json
import shutil

import pytest

from factcheck.cli import main
from tests.connectors.conftest import connector_folder, recorder

VCR = recorder("test_worldbank")
PARAMS = {"indicator": "SP.POP.TOTL", "countries": ["FRA", "DEU", "ITA", "JPN", "BRA", "IND"], "date": "2018:2022", "per_page": 20}
ALIASES = ["population", "inhabitants", "people"]
DOCUMENT = (
    "France had a population of 67.8 million in 2021. Germany's population was 83.2 million in 2021. "
    "India had 1.5 billion inhabitants in 2020. Japan's population was 125.1 million in 2022. "
    "Brazil had about 210 million people in 2022. Italy had a population of 62 million in 2019.\n"
)


def _pull(tmp_path, capsys):
    folder = connector_folder(tmp_path / "sources", "wb-population", "worldbank", PARAMS, aliases=ALIASES)
    with VCR.use_cassette("pull_population.yaml"):
        code = main(["sources", "pull", "--no-config", "--sources", str(folder)])
    return code, folder, capsys.readouterr()


def test_pull_writes_a_snapshot_with_provenance(tmp_path, capsys, no_cache):
    code, folder, captured = _pull(tmp_path, capsys)
    assert code == 0, captured.err
    assert "wb-population: 30 rows from 2 request(s), upstream version 2023-05-04" in captured.err
    package = json.loads((folder / "datapackage.json").read_text())
    (resource,) = package["resources"]
    assert resource["hash"].startswith("sha256:") and resource["path"].startswith("data/")
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    snapshot = package["factcheck"]["snapshot"]
    assert len(snapshot["requests"]) == 2 and "page=2" in snapshot["requests"][1]
    assert snapshot["upstream_version"] == "2023-05-04" and snapshot["retrieved"].endswith("Z")
    assert package["factcheck"]["connector"] == "worldbank" and package["factcheck"]["params"] == PARAMS
    with open(folder / resource["path"], encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == 30 and {"countryiso3code": "FRA", "date": "2021", "value": "67842811"}.items() <= rows[1].items()
    assert main(["sources", "verify", "--no-config", "--sources", str(folder)]) == 0


def test_verdicts_match_the_same_data_as_a_local_data_package(tmp_path, capsys, no_cache, shared_refdata, monkeypatch):
    code, folder, _ = _pull(tmp_path, capsys)
    assert code == 0
    # the same World Bank values, read from the local datasets/population package
    local = tmp_path / "local"
    shutil.copytree(shared_refdata / "population", local)
    package = json.loads((local / "datapackage.json").read_text())
    package["resources"][0]["factcheck"] = {"entity": "Country Code", "entity_name": "Country Name", "period": "Year",
                                            "value": "Value", "measure": "SP.POP.TOTL",
                                            "measure_aliases": [*ALIASES, "Population, total"]}
    (local / "datapackage.json").write_text(json.dumps(package))
    monkeypatch.chdir(tmp_path)
    (tmp_path / "countries.md").write_text(DOCUMENT, encoding="utf-8")

    def verdicts(source):
        main(["check", "countries.md", "--no-config", "--sources", str(source), "--format", "json"])
        claims = json.loads(capsys.readouterr().out)["documents"][0]["claims"]
        return [(c["text"], c["verdict"], c["reason"], c["reference"]) for c in claims]

    pulled, local_verdicts = verdicts(folder), verdicts(local)
    assert pulled == local_verdicts
    labels = {text: verdict for text, verdict, _, _ in pulled}
    assert labels["67.8 million"] == "supported" and labels["1.5 billion inhabitants"] == "contradicted"
    assert labels["62 million"] == "contradicted" and labels["about 210 million people"] == "supported"


def test_verify_catches_a_tampered_snapshot(tmp_path, capsys, no_cache):
    _, folder, _ = _pull(tmp_path, capsys)
    data = next((folder / "data").glob("*.csv"))
    data.write_text(data.read_text().replace("67842811", "77842811"))
    code = main(["sources", "verify", "--no-config", "--sources", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and "sha256 mismatch" in err and data.name in err
    code = main(["check", "--no-config", "--sources", str(folder), str(tmp_path / "sources")])
    assert code == 2


def test_api_error_body_is_a_clear_error_and_writes_nothing(tmp_path, capsys, no_cache):
    folder = connector_folder(tmp_path, "bad", "worldbank", {"indicator": "NOT.AN.INDICATOR", "countries": ["FRA"]})
    before = (folder / "datapackage.json").read_text()
    with VCR.use_cassette("unknown_indicator.yaml"):
        code = main(["sources", "pull", "--no-config", "--sources", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and "the World Bank API says: Invalid value: The provided parameter value is not valid" in err
    assert (folder / "datapackage.json").read_text() == before and not (folder / "data").exists()


def test_an_unpulled_connector_source_is_skipped_by_check_with_a_warning(tmp_path, capsys, monkeypatch):
    folder = connector_folder(tmp_path, "wb", "worldbank", PARAMS)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "d.md").write_text(DOCUMENT)
    assert main(["check", "d.md", "--no-config", "--no-builtin-sources", "--sources", str(folder), "--format", "json"]) == 0
    assert "has no snapshot yet: run 'factcheck sources pull wb'" in capsys.readouterr().err


@pytest.mark.parametrize("params", [{"countries": ["FRA"]}, {"indicator": "SP.POP.TOTL", "colour": "red"}])
def test_bad_connector_parameters_exit_two(tmp_path, capsys, params):
    folder = connector_folder(tmp_path, "wb", "worldbank", params)
    assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 2
    assert "bad parameters for connector 'worldbank'" in capsys.readouterr().err


def test_list_and_show(tmp_path, capsys, no_cache, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    folder = connector_folder(tmp_path / "sources", "wb-population", "worldbank", PARAMS, aliases=ALIASES)
    assert main(["sources", "show", "wb-population", "--no-config", "--sources", str(folder)]) == 0
    out = capsys.readouterr().out
    assert "connector: worldbank: World Bank indicator SP.POP.TOTL" in out and "snapshot:  none yet" in out
    assert "answers:   SP.POP.TOTL (labels: population, inhabitants, people)" in out
    assert main(["sources", "list", "--no-config", "--sources", str(folder)]) == 0
    assert "not pulled" in capsys.readouterr().out
    _pull(tmp_path / "again", capsys)
    assert main(["sources", "list", "--no-config", "--sources", str(tmp_path / "again" / "sources" / "wb-population")]) == 0
    row = next(line for line in capsys.readouterr().out.splitlines() if "wb-population" in line)
    assert "worldbank" in row and "CC-BY-4.0" in row and "30" in row
    assert main(["sources", "show", "nope", "--no-config", "--sources", str(folder)]) == 2


def test_check_live_pulls_a_missing_snapshot_first(tmp_path, capsys, no_cache, monkeypatch):
    folder = connector_folder(tmp_path / "sources", "wb-population", "worldbank", PARAMS, aliases=ALIASES)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "countries.md").write_text(DOCUMENT, encoding="utf-8")
    with VCR.use_cassette("pull_population.yaml"):
        code = main(["check", "countries.md", "--no-config", "--sources", str(folder), "--live", "--format", "json"])
    captured = capsys.readouterr()
    assert code == 1  # two contradicted figures
    assert "pulled wb-population" in captured.err
    claims = json.loads(captured.out)["documents"][0]["claims"]
    assert {c["text"]: c["verdict"] for c in claims}["67.8 million"] == "supported"
    # a second --live run finds a fresh snapshot and makes no request (the cassette would refuse one)
    with VCR.use_cassette("pull_population.yaml", allow_playback_repeats=False) as cassette:
        main(["check", "countries.md", "--no-config", "--sources", str(folder), "--live", "--format", "json"])
        assert cassette.play_count == 0
