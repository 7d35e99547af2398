"""No writable cache is no reason not to check (issue 21, point 8): the indexes go to memory, said once."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
from pathlib import Path

import pytest
import requests

from factcheck.cli import main
from factcheck.connectors.http import HttpClient
from factcheck.sources import store
from tests.connectors.test_http_cache import URL, Conditional

WARNING = "this run keeps the sources' indexes in memory instead"


@pytest.fixture
def here(tmp_path, monkeypatch) -> Path:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "doc.md").write_text("In 2014, France had 66 million inhabitants.\n", encoding="utf-8")
    return tmp_path


def checked(capsys) -> tuple[str, str]:
    """The claim's verdict against the built-in sources (both indexed), and stderr."""
    code = main(["check", "doc.md", "--no-config", "--output", "json"])
    out, err = capsys.readouterr()
    assert code == 0 and "bug in factcheck" not in err, err
    return json.loads(out)["documents"][0]["claims"][0]["verdict"], err


def test_a_cache_path_that_is_a_file(here, capsys, monkeypatch):
    (here / "cache").write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(here / "cache"))
    verdict, err = checked(capsys)
    assert verdict == "supported" and err.count(WARNING) == 1 and "Not a directory" in err


def test_home_pointing_at_a_missing_folder_is_not_created(here, capsys, monkeypatch):
    monkeypatch.delenv("FACTCHECK_CACHE_DIR", raising=False)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", str(here / "missing-home"))
    verdict, err = checked(capsys)
    assert verdict == "supported" and err.count(WARNING) == 1 and "does not exist" in err
    assert not (here / "missing-home").exists()


@pytest.mark.parametrize(
    "failure",
    [OSError(errno.EROFS, "Read-only file system"), sqlite3.OperationalError("database or disk is full"),
     OSError(errno.ENOSPC, "No space left on device")],
    ids=["read-only", "sqlite-full", "no-space"],
)
def test_a_cache_that_cannot_take_the_index(here, capsys, monkeypatch, failure):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(here / "cache"))

    def fails(*args, **kwargs):
        raise failure

    monkeypatch.setattr(store, "_build", fails)
    verdict, err = checked(capsys)
    assert verdict == "supported" and err.count(WARNING) == 1
    assert not list((here / "cache" / "index").glob("*.sqlite"))


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into a read-only folder anyway")
def test_a_read_only_cache_folder(here, capsys, monkeypatch):
    (here / "cache").mkdir()
    (here / "cache").chmod(stat.S_IRUSR | stat.S_IXUSR)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(here / "cache"))
    try:
        verdict, err = checked(capsys)
    finally:
        (here / "cache").chmod(stat.S_IRWXU)
    assert verdict == "supported" and err.count(WARNING) == 1


def test_a_prebuilt_index_in_a_read_only_cache_is_used(here, capsys, monkeypatch):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(here / "cache"))
    checked(capsys)
    monkeypatch.setattr(store, "_build", lambda *a, **k: (_ for _ in ()).throw(OSError(errno.EROFS, "Read-only file system")))
    verdict, err = checked(capsys)
    assert verdict == "supported" and WARNING not in err


def test_an_http_cache_that_cannot_be_written_costs_only_the_cache(tmp_path):
    (tmp_path / "http").write_text("a file", encoding="utf-8")
    session = requests.Session()
    session.mount("https://", Conditional())
    client = HttpClient(session=session, cache=tmp_path / "http")
    assert client.get(URL).status == 200
    assert any("cannot write the HTTP cache" in note for note in client.notes)


def test_a_linked_index_folder_in_the_cache_is_not_written_through(here, capsys, monkeypatch):
    (here / "victim").mkdir()
    (here / "cache").mkdir()
    (here / "cache" / "index").symlink_to(here / "victim")
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(here / "cache"))
    verdict, err = checked(capsys)
    assert verdict == "supported" and err.count(WARNING) == 1 and "symbolic link" in err
    assert list((here / "victim").iterdir()) == []
