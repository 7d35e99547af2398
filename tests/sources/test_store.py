"""The SQLite index of large sources: same answers as in memory, built once, rebuilt on change, hash checked."""

from __future__ import annotations

import hashlib
import json
import os

import pytest

from factcheck.core.matching import Settings
from factcheck.engine import check_text, load_sources
from factcheck.sources.base import MemorySource, SourceError
from factcheck.sources.datapackage import load
from factcheck.sources.store import StoreSource

COUNTRIES = ["FRA", "DEU", "ITA", "JPN"]


def package(folder, index=None, rows=None):
    folder.mkdir(exist_ok=True)
    lines = ["code,year,indicator,value"]
    for i, code in enumerate(COUNTRIES):
        for year in range(2000, 2023):
            lines.append(f"{code},{year},pop,{(i + 1) * 10_000_000 + year}")
            lines.append(f"{code},{year},gdp,{(i + 1) * 1e12 + year}")
    body = ("\n".join(rows or lines) + "\n").encode()
    (folder / "data.csv").write_bytes(body)
    descriptor = {
        "name": "gen", "licenses": [{"name": "CC0-1.0"}], "retrieved": "2026-11-28",
        "resources": [{"name": "data", "path": "data.csv", "hash": "sha256:" + hashlib.sha256(body).hexdigest(),
                       "factcheck": {"entity": "code", "period": "year", "value": "value", "measure_column": "indicator",
                                     "measure_aliases": {"pop": ["population"], "gdp": ["gross domestic product", "GDP"]}}}],
    }
    if index is not None:
        descriptor["factcheck"] = {"index": index}
    (folder / "datapackage.json").write_text(json.dumps(descriptor))
    return folder / "datapackage.json"


def test_indexed_and_in_memory_give_the_same_records(tmp_path):
    memory = load(package(tmp_path / "m", index=False))
    indexed = load(package(tmp_path / "i", index=True), tmp_path / "idx")
    assert isinstance(memory, MemorySource) and isinstance(indexed, StoreSource)
    assert sorted((m.id, m.labels) for m in memory.measures()) == sorted((m.id, m.labels) for m in indexed.measures())
    for measure in ("pop", "gdp"):
        for entity in (*COUNTRIES, None):
            a = sorted((o.entity, o.period_start, o.period_end, o.value, o.row, o.provenance.sha256) for o in memory.observations(measure, entity))
            b = sorted((o.entity, o.period_start, o.period_end, o.value, o.row, o.provenance.sha256) for o in indexed.observations(measure, entity))
            assert a == b and a
    assert indexed.observations("nope", "FRA") == []


def test_verdicts_are_the_same_through_the_index(tmp_path):
    text = "France had a population of 10 million in 2020. Japan's GDP was 4 trillion in 2021.\n"
    settings = Settings(80, 0.05, None)
    out = []
    for name, index in (("m", False), ("i", True)):
        catalogue = load_sources([package(tmp_path / name, index=index)], tmp_path / "idx")
        out.append([(c.text, v.label, v.reason) for c, v in check_text(text, "d.md", catalogue, settings).claims])
    assert out[0] == out[1] and out[0][0][1] == "supported"


def test_index_is_built_once_and_rebuilt_when_the_data_changes(tmp_path):
    descriptor = package(tmp_path / "p", index=True)
    load(descriptor, tmp_path / "idx")
    (built,) = list((tmp_path / "idx").glob("*.sqlite"))
    stamp = built.stat().st_mtime_ns
    load(descriptor, tmp_path / "idx")
    assert built.stat().st_mtime_ns == stamp  # reused
    rows = ["code,year,indicator,value", "FRA,2020,pop,5"]
    package(tmp_path / "p", index=True, rows=rows)
    source = load(descriptor, tmp_path / "idx")
    assert [o.value for o in source.observations("pop", "FRA")] == [5.0]
    assert len(list((tmp_path / "idx").glob("*.sqlite"))) == 2


def test_the_build_checks_the_hash(tmp_path):
    descriptor = package(tmp_path / "p", index=True)
    data = tmp_path / "p" / "data.csv"
    data.write_text(data.read_text().replace("10002020", "99999999"))
    with pytest.raises(SourceError, match="sha256 mismatch"):
        load(descriptor, tmp_path / "idx")
    assert not list((tmp_path / "idx").glob("*.sqlite")) and not list((tmp_path / "idx").glob(".*tmp"))


def test_large_packages_are_indexed_without_being_asked(tmp_path, monkeypatch):
    from factcheck.sources import datapackage

    monkeypatch.setattr(datapackage, "INDEX_BYTES", 100)
    assert isinstance(load(package(tmp_path / "p"), tmp_path / "idx"), StoreSource)


def test_a_bad_index_file_is_a_clear_error(tmp_path):
    bad = tmp_path / "bad.sqlite"
    bad.write_bytes(b"not sqlite" * 100)
    with pytest.raises(SourceError, match="cannot open the index"):
        StoreSource(bad)


def test_stale_snapshot_warns(tmp_path):
    descriptor = package(tmp_path / "p")
    data = json.loads(descriptor.read_text())
    data["retrieved"] = "2020-01-01"
    data["factcheck"] = {"max_age_days": 30}
    descriptor.write_text(json.dumps(data))
    catalogue = load_sources([descriptor])
    assert catalogue.sources and "snapshot retrieved 2020-01-01 is" in catalogue.warnings[0]
    assert os.fspath(descriptor) in catalogue.warnings[0]
