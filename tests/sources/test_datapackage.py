import hashlib
import json
import shutil
from pathlib import Path

import pytest

from factcheck.sources.base import SourceError
from factcheck.sources.datapackage import find_descriptors, load
from tests.conftest import CURATED

CSV = "code,name,year,value\nFRA,France,2022,68184457\nDEU,Germany,2022,83177813\n"


def package(folder: Path, csv_text: str = CSV, **overrides) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.csv").write_text(csv_text, encoding="utf-8")
    resource = {
        "name": "pop", "path": "data.csv", "format": "csv",
        "hash": "sha256:" + hashlib.sha256(csv_text.encode()).hexdigest(),
        "factcheck": {"entity": "code", "entity_name": "name", "period": "year", "value": "value", "measure": "population"},
    }
    resource.update(overrides)
    descriptor = {"name": folder.name, "title": "T", "licenses": [{"name": "CC-BY-4.0"}], "resources": [resource]}
    (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    return folder / "datapackage.json"


def test_curated_source_loads_and_verifies():
    source = load(CURATED / "datapackage.json")
    assert len(source) > 40
    rows = source.observations("china_cash_to_who", "CHN")
    assert [r.value for r in rows] == [20e6, 30e6]
    assert all(r.provenance.sha256 and r.provenance.licence and r.url for r in rows)
    assert any(r.origin for r in source.observations("china_export_masks", "CHN"))


def test_rows_carry_provenance(tmp_path):
    source = load(package(tmp_path / "pop"))
    (row,) = source.observations("population", "FRA")
    assert row.row == 2 and row.value == 68184457 and row.entity_name == "France"
    assert row.provenance.sha256 == hashlib.sha256(CSV.encode()).hexdigest()


def test_hash_mismatch_names_the_file(tmp_path):
    descriptor = package(tmp_path / "pop")
    (tmp_path / "pop" / "data.csv").write_text(CSV.replace("68184457", "1"), encoding="utf-8")
    with pytest.raises(SourceError, match=r"data\.csv: sha256 mismatch"):
        load(descriptor)


@pytest.mark.parametrize(
    "overrides,message",
    [
        ({"path": "../outside.csv"}, "leaves the source folder"),
        ({"path": "/etc/passwd"}, "leaves the source folder"),
        ({"factcheck": {"entity": "code", "period": "year", "value": "nope", "measure": "p"}}, "column 'nope'"),
        ({"factcheck": {"entity": "code", "period": "year", "value": "value"}}, "exactly one of 'measure'"),
        ({"factcheck": {"entity": "code", "period": "year", "value": "value", "measure": "p", "bogus": 1}}, "bogus"),
        ({"hash": "sha999:abc"}, "unsupported hash"),
    ],
)
def test_bad_descriptors_are_clear_errors(tmp_path, overrides, message):
    with pytest.raises(SourceError, match=message):
        load(package(tmp_path / "pop", **overrides))


def test_malformed_json(tmp_path):
    (tmp_path / "datapackage.json").write_text("{not json", encoding="utf-8")
    with pytest.raises(SourceError, match="not valid JSON"):
        load(tmp_path / "datapackage.json")


def test_truncated_csv(tmp_path):
    text = CSV + "ITA,Italy,2022\n"
    with pytest.raises(SourceError, match="row 4 has 3 fields"):
        load(package(tmp_path / "pop", text))


def test_find_descriptors_in_a_folder_of_packages(tmp_path):
    package(tmp_path / "a")
    package(tmp_path / "b")
    assert [p.parent.name for p in find_descriptors(tmp_path)] == ["a", "b"]


def test_world_bank_population_as_published_with_one_added_block(tmp_path, shared_refdata):
    """A published Data Package becomes a source by adding a factcheck block."""
    original = json.loads((shared_refdata / "population" / "datapackage.json").read_text())
    folder = tmp_path / "population"
    (folder / "data").mkdir(parents=True)
    shutil.copy(shared_refdata / "population" / "data" / "population.csv", folder / "data" / "population.csv")
    original["resources"][0]["factcheck"] = {
        "entity": "Country Code", "entity_name": "Country Name", "period": "Year", "value": "Value",
        "measure": "population", "measure_aliases": ["population", "inhabitants", "people"], "unit": "people",
    }
    (folder / "datapackage.json").write_text(json.dumps(original))
    source = load(folder / "datapackage.json")
    (fra_2022,) = [r for r in source.observations("population", "FRA") if r.period_end.year == 2022]
    assert fra_2022.value == 68184457


def test_set_and_places_resources(tmp_path):
    import hashlib as _h
    import json as _j

    from factcheck.sources.datapackage import load as _load

    body = b"set,entity,member,member_type,part_of,complete\nvisits,WHO,Beijing,municipality,,yes\n"
    places = b"name,type,part_of\nChengdu,city,Sichuan\n"
    (tmp_path / "v.csv").write_bytes(body)
    (tmp_path / "p.csv").write_bytes(places)
    descriptor = {"name": "s", "licenses": [{"name": "CC0-1.0"}], "resources": [
        {"name": "v", "path": "v.csv", "hash": "sha256:" + _h.sha256(body).hexdigest(),
         "factcheck": {"kind": "set", "entity_name": "entity", "member": "member", "member_type": "member_type",
                       "part_of": "part_of", "complete_column": "complete", "measure_column": "set"}},
        {"name": "p", "path": "p.csv", "factcheck": {"kind": "places", "member": "name", "member_type": "type", "part_of": "part_of"}},
    ]}
    (tmp_path / "datapackage.json").write_text(_j.dumps(descriptor))
    source = _load(tmp_path / "datapackage.json")
    kinds = {m.id: m.kind for m in source.measures()}
    assert kinds == {"visits": "set", "places": "places"}
    (visit,) = source.observations("visits", "org:WHO")
    assert (visit.member, visit.member_type, visit.complete) == ("Beijing", "municipality", True)
    (place,) = source.observations("places", None)
    assert (place.member, place.part_of) == ("Chengdu", "Sichuan")

    descriptor["resources"][0]["factcheck"].pop("member")
    (tmp_path / "datapackage.json").write_text(_j.dumps(descriptor))
    with pytest.raises(SourceError, match="needs 'member'"):
        _load(tmp_path / "datapackage.json")


@pytest.mark.parametrize("aliases", [["inhabitants", "residents", "people"], ["population", "inhabitants", "residents", "people"]],
                         ids=["name-not-among-aliases", "name-among-aliases"])
def test_a_measure_is_labelled_by_its_own_name_as_by_its_aliases(tmp_path, shared_refdata, aliases):
    """Issue 13: 'measure': 'population' answers 'population' whether or not the aliases repeat it."""
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text, load_sources

    folder = tmp_path / "population"
    (folder / "data").mkdir(parents=True)
    shutil.copy(shared_refdata / "population" / "data" / "population.csv", folder / "data" / "population.csv")
    descriptor = json.loads((shared_refdata / "population" / "datapackage.json").read_text())
    descriptor["resources"][0]["factcheck"] = {
        "entity": "Country Code", "entity_name": "Country Name", "period": "Year", "value": "Value",
        "measure": "population", "measure_aliases": aliases,
    }
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    catalogue = load_sources([folder])
    (measure,) = catalogue.sources[0].measures()
    assert "population" in measure.labels
    checked = check_text("In 2014, France had a population of 66.3 million.", "a.md", catalogue, Settings())
    ((claim, verdict),) = checked.claims
    assert (claim.subject.id, verdict.label, verdict.measure) == ("FRA", "supported", "population/population")


def test_a_measure_column_names_its_measures(tmp_path):
    """Each value of measure_column is a label of its measure, alongside the aliases given for it."""
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text, load_sources

    text = "code,year,indicator,value\nFRA,2014,population,66312067\nFRA,2014,life_expectancy,82.67\n"
    path = package(tmp_path / "wb", text, factcheck={
        "entity": "code", "period": "year", "value": "value", "measure_column": "indicator",
        "measure_aliases": {"population": ["inhabitants"]}})
    catalogue = load_sources([path.parent])
    labels = {m.id: m.labels for m in catalogue.sources[0].measures()}
    assert labels == {"population": ("inhabitants", "population"), "life_expectancy": ("life expectancy",)}
    checked = check_text("In 2014, France had a population of 66.3 million.", "a.md", catalogue, Settings())
    assert [v.label for _, v in checked.claims] == ["supported"]


def test_a_table_dialect_is_honoured(tmp_path):
    """A semicolon-separated file with a Table Dialect, as frictionless reads it."""
    text = "code;name;year;value\nFRA;France;2022;68184457\n"
    path = package(tmp_path / "semi", text, dialect={"delimiter": ";"})
    (row,) = load(path).observations("population", "FRA")
    assert row.value == 68184457
    bad = package(tmp_path / "nohead", text, dialect={"delimiter": ";", "header": False})
    with pytest.raises(SourceError, match="header"):
        load(bad)
