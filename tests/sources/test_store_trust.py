"""An SQLite index from the cache is used only if it matches its recorded hash (issue 21, point 6)."""

from __future__ import annotations

import hashlib
import json
import sqlite3
from pathlib import Path

import pytest

from factcheck.cli import main
from factcheck.sources import store
from factcheck.sources.datapackage import load

BODY = "code,year,value\nFRA,2014,66000000\n"


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    """An indexed source 'pop', a document it supports, and a cache of the test's own."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    (tmp_path / "pop" / "data").mkdir(parents=True)
    (tmp_path / "pop" / "data" / "pop.csv").write_text(BODY, encoding="utf-8")
    mapping = {"entity": "code", "period": "year", "value": "value", "measure": "population", "measure_aliases": ["inhabitants"]}
    descriptor = {"name": "pop", "licenses": [{"name": "CC0-1.0"}], "factcheck": {"index": True}, "resources": [
        {"name": "pop", "path": "data/pop.csv", "hash": "sha256:" + hashlib.sha256(BODY.encode()).hexdigest(), "factcheck": mapping}]}
    (tmp_path / "pop" / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
    (tmp_path / "doc.md").write_text("In 2014, France had 66 million inhabitants.\n", encoding="utf-8")
    return tmp_path


ARGS = ["--no-config", "--no-builtin-sources", "--sources", "pop"]


def index_file(here: Path) -> Path:
    (found,) = (here / "cache" / "index").glob("pop-*.sqlite")
    return found


def edit_value(index: Path, value: float) -> None:
    db = sqlite3.connect(index)
    db.execute("UPDATE obs SET v = ?", (value,))
    db.commit()
    db.close()


def verdict(capsys) -> tuple[str, str]:
    assert main(["check", "doc.md", *ARGS, "--output", "json", "--exit-zero"]) == 0
    out, err = capsys.readouterr()
    return json.loads(out)["documents"][0]["claims"][0]["verdict"], err


def test_an_edited_index_is_rebuilt_not_believed(here, capsys):
    assert verdict(capsys)[0] == "supported"
    edit_value(index_file(here), 99_000_000)
    found, err = verdict(capsys)
    assert found == "supported" and "cannot be trusted" in err and "rebuilt" in err
    assert verdict(capsys) == ("supported", "")  # rebuilt once, then trusted again


def test_sources_verify_reports_an_edited_index(here, capsys):
    assert main(["sources", "verify", *ARGS]) == 0
    capsys.readouterr()
    edit_value(index_file(here), 99_000_000)
    code = main(["sources", "verify", *ARGS])
    out, err = capsys.readouterr()
    assert code == 2 and "ok:" not in out and "index of source 'pop' cannot be trusted" in err


def test_an_index_built_from_other_data_is_rebuilt(here):
    load(here / "pop" / "datapackage.json", here / "cache" / "index")
    index = index_file(here)
    manifest = json.loads(store.manifest_path(index).read_text())
    manifest["data"] = {"data/pop.csv": "0" * 64}
    store.manifest_path(index).write_text(json.dumps(manifest))
    warnings: list[str] = []
    source = load(here / "pop" / "datapackage.json", here / "cache" / "index", warnings)
    assert any("built from other data" in w for w in warnings)
    assert [o.value for o in source.observations("population", "FRA")] == [66_000_000]


def test_an_index_without_a_manifest_is_rebuilt_quietly(here):
    load(here / "pop" / "datapackage.json", here / "cache" / "index")
    store.manifest_path(index_file(here)).unlink()
    edit_value(index_file(here), 1)
    warnings: list[str] = []
    source = load(here / "pop" / "datapackage.json", here / "cache" / "index", warnings)
    assert warnings == [] and [o.value for o in source.observations("population", "FRA")] == [66_000_000]


def test_an_unchanged_index_is_not_hashed_again_and_a_changed_one_is(here, monkeypatch):
    import os

    from factcheck import safefs

    load(here / "pop" / "datapackage.json", here / "cache" / "index")
    hashed: list[Path] = []
    real = safefs.sha256_file
    monkeypatch.setattr(safefs, "sha256_file", lambda path: hashed.append(path) or real(path))
    load(here / "pop" / "datapackage.json", here / "cache" / "index")
    assert hashed == []  # same identity (inode, size, mtime, ctime) as when it was verified
    index = index_file(here)
    before = index.stat()
    edit_value(index, 99_000_000)
    os.utime(index, ns=(before.st_atime_ns, before.st_mtime_ns))  # the mtime set back; the ctime cannot be
    warnings: list[str] = []
    source = load(here / "pop" / "datapackage.json", here / "cache" / "index", warnings)
    assert hashed and any("cannot be trusted" in w for w in warnings)
    assert [o.value for o in source.observations("population", "FRA")] == [66_000_000]
