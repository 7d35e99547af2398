"""A pull writes only inside its source folder, never through a link planted there (issue 21, point 1)."""

from __future__ import annotations

import hashlib
from datetime import UTC, datetime

import pytest

from factcheck.cli import main
from factcheck.connectors.base import Table
from factcheck.connectors.snapshot import connector_source, write
from factcheck.sources.base import SourceError
from tests.connectors.conftest import connector_folder, recorder

NOW = datetime(2026, 1, 1, tzinfo=UTC)


def table(value: str) -> Table:
    return Table(columns=["code", "year", "value"], rows=[["FRA", "2020", value]],
                 mapping={"entity": "code", "period": "year", "value": "value", "measure": "population"},
                 title="Population", licence={"name": "CC0-1.0"}, publisher="Example", homepage="https://example.org")


@pytest.fixture
def pulled_once(tmp_path):
    folder = connector_folder(tmp_path, "pop", "worldbank", {"indicator": "SP.POP.TOTL"})
    write(connector_source(folder / "datapackage.json"), table("1"), NOW)
    return folder


def test_an_old_data_file_through_a_linked_folder_is_not_deleted(pulled_once, tmp_path):
    folder = pulled_once
    victim = tmp_path / "victim"
    (folder / "data").rename(victim)  # the old snapshot's file now lies outside; data/ leads to it
    (folder / "data").symlink_to(victim)
    before = {p.name: p.read_bytes() for p in victim.iterdir()}
    with pytest.raises(SourceError, match="is a symbolic link.*nothing was written"):
        write(connector_source(folder / "datapackage.json"), table("2"), NOW)
    assert {p.name: p.read_bytes() for p in victim.iterdir()} == before


def test_a_linked_staging_file_is_not_written_through(pulled_once, tmp_path):
    folder = pulled_once
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    (folder / ".datapackage.json.pull").symlink_to(victim)
    with pytest.raises(SourceError, match=r"\.datapackage\.json\.pull: is a symbolic link"):
        write(connector_source(folder / "datapackage.json"), table("2"), NOW)
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_a_linked_new_data_file_is_not_written_through(pulled_once, tmp_path):
    folder = pulled_once
    victim = tmp_path / "precious.csv"
    victim.write_text("keep me", encoding="utf-8")
    new = hashlib.sha256(b"code,year,value\nFRA,2020,2\n").hexdigest()[:16]
    (folder / "data" / f"{new}.csv").symlink_to(victim)
    with pytest.raises(SourceError, match="is a symbolic link"):
        write(connector_source(folder / "datapackage.json"), table("2"), NOW)
    assert victim.read_text(encoding="utf-8") == "keep me"


def test_sources_pull_refuses_a_planted_link_with_exit_2(tmp_path, no_cache, capsys):
    folder = connector_folder(tmp_path, "wb", "worldbank",
                              {"indicator": "SP.POP.TOTL", "countries": ["FRA", "DEU", "ITA", "JPN", "BRA", "IND"],
                               "date": "2018:2022", "per_page": 20})
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    (folder / ".datapackage.json.pull").symlink_to(victim)
    with recorder("test_worldbank").use_cassette("pull_population.yaml"):
        code = main(["sources", "pull", "--no-config", "--sources", str(folder)])
    err = capsys.readouterr().err
    assert code == 2 and "is a symbolic link" in err and "bug" not in err
    assert victim.read_text(encoding="utf-8") == "keep me"
    assert not (folder / "data").exists() or not any((folder / "data").iterdir())


def test_check_live_refuses_a_planted_link_with_exit_2(tmp_path, no_cache, capsys, monkeypatch):
    folder = connector_folder(tmp_path, "wb", "worldbank",
                              {"indicator": "SP.POP.TOTL", "countries": ["FRA", "DEU", "ITA", "JPN", "BRA", "IND"],
                               "date": "2018:2022", "per_page": 20})
    victim = tmp_path / "victim"
    victim.mkdir()
    (folder / "data").symlink_to(victim)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "doc.md").write_text("France had 67.8 million inhabitants in 2021.\n", encoding="utf-8")
    with recorder("test_worldbank").use_cassette("pull_population.yaml"):
        code = main(["check", "doc.md", "--no-config", "--no-builtin-sources", "--sources", str(folder), "--live"])
    err = capsys.readouterr().err
    assert code == 2 and "data: is a symbolic link" in err and list(victim.iterdir()) == []


def test_a_source_folder_that_is_itself_a_link_is_pulled_as_usual(tmp_path):
    real = connector_folder(tmp_path / "elsewhere", "pop", "worldbank", {"indicator": "SP.POP.TOTL"})
    (tmp_path / "pop").symlink_to(real)
    write(connector_source(tmp_path / "pop" / "datapackage.json"), table("1"), NOW)
    assert len(list((real / "data").iterdir())) == 1
