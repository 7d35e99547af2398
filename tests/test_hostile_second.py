"""The second hostile probe (issue 18): bad input once reported as "a bug in factcheck", or that hung or filled
memory, now exit 2 with one line naming the file and the problem. Each case failed before its fix."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.conftest import CURATED, SEED, run

DOC = "France had a population of 67.8 million in 2021.\n"
CSV = "code,year,value\nFRA,2021,67842811\n"


@pytest.fixture
def here(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "doc.md").write_text(DOC, encoding="utf-8")
    return tmp_path


def package(folder: Path, csv_text: str = CSV, raw: str | None = None, resource: dict | None = None, **top) -> Path:
    """A one-resource Data Package with a correct hash; ``top`` and ``resource`` override its keys."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    (folder / "data" / "pop.csv").write_text(csv_text, encoding="utf-8")
    res = {"name": "pop", "path": "data/pop.csv", "hash": "sha256:" + hashlib.sha256(csv_text.encode()).hexdigest(),
           "factcheck": {"entity": "code", "period": "year", "value": "value", "measure": "population"}}
    res.update(resource or {})
    descriptor = {"name": folder.name, "licenses": [{"name": "CC0-1.0"}], "resources": [res], **top}
    (folder / "datapackage.json").write_text(raw if raw is not None else json.dumps(descriptor), encoding="utf-8")
    return folder


def _every_command(capsys, folder: Path) -> list[tuple[int, str]]:
    base = ["--no-config", "--no-builtin-sources", "--sources", str(folder)]
    return [(code, err) for code, _, err in (
        run(capsys, "check", "doc.md", *base, "--format", "concise"),
        run(capsys, "sources", "list", *base),
        run(capsys, "sources", "verify", *base),
    )]


# ---- Data Package descriptors ----

@pytest.mark.parametrize(("kwargs", "message"), [
    ({"raw": "[" * 100_000 + "]" * 100_000}, "JSON nested too deeply to be a Data Package descriptor"),
    ({"resource": {"path": "data/pop\u0000.csv"}}, "'path' contains a NUL byte"),
    ({"licenses": {"name": "CC0-1.0"}}, "'licenses' must be a list of licences"),
    ({"licenses": 3}, "'licenses' must be a list of licences"),
    ({"licenses": "CC0-1.0"}, "'licenses' must be a list of licences"),
    ({"factcheck": {"max_age_days": "30"}, "retrieved": "2020-01-01"}, "'factcheck.max_age_days' must be a whole number of days"),
], ids=["deep-json", "nul-path", "licenses-dict", "licenses-int", "licenses-string", "max-age-string"])
def test_a_hostile_descriptor_is_named_by_every_command(here, capsys, kwargs, message):
    folder = package(here / "src" / "pop", **kwargs)
    for code, err in _every_command(capsys, folder.parent):
        assert code == 2 and message in err and "datapackage.json" in err and "a bug in factcheck" not in err


def test_a_source_name_too_long_for_a_file_name_still_gets_its_index(here, capsys):
    folder = package(here / "src" / "pop", name="x" * 300, factcheck={"index": True})
    for code, err in _every_command(capsys, folder.parent):
        assert code == 0, err


def test_verify_names_a_header_field_over_the_csv_limit(here, capsys):
    import csv

    previous = csv.field_size_limit(131_072)  # the csv module's own limit (frictionless, once imported, raises it)
    try:
        _verify_header_over_the_limit(here, capsys)
    finally:
        csv.field_size_limit(previous)


def _verify_header_over_the_limit(here, capsys):
    folder = package(here / "src" / "pop", csv_text="code,year,value," + "a" * 200_000 + "\nFRA,2021,67842811,1\n")
    code, _, err = run(capsys, "sources", "verify", "--no-config", "--no-builtin-sources", "--sources", str(folder.parent))
    assert code == 2 and "pop.csv: row 1: malformed CSV header: field larger than field limit" in err
    assert "a bug in factcheck" not in err


# ---- configuration ----

@pytest.mark.parametrize("name", ["factcheck.toml", "pyproject.toml"])
def test_toml_nested_deep_is_invalid_toml_naming_the_file(here, capsys, name):
    table = "" if name == "factcheck.toml" else "[tool.factcheck]\n"
    (here / name).write_text(table + "include = " + "[" * 100_000 + "]" * 100_000 + "\n", encoding="utf-8")
    code, _, err = run(capsys, "check", "doc.md")
    assert code == 2 and f"{name}: invalid TOML: nested too deeply" in err


@pytest.mark.parametrize(("pattern", "message"), [
    ("", "an empty pattern matches no document"),
    ("   ", "an empty pattern matches no document"),
    ("/etc/*.md", "pattern '/etc/*.md' is absolute"),
])
def test_an_empty_or_absolute_include_pattern_names_the_key(here, capsys, pattern, message):
    (here / "factcheck.toml").write_text(f"include = [{json.dumps(pattern)}]\n", encoding="utf-8")
    code, _, err = run(capsys, "check")
    assert code == 2 and "factcheck.toml: 'include': " + message in err


# ---- files that are not regular files or never end ----

@pytest.fixture(params=["/dev/zero", "fifo", "folder"])
def irregular(request, here) -> str:
    if request.param == "fifo":
        if not hasattr(os, "mkfifo"):
            pytest.skip("no FIFOs here")
        os.mkfifo(here / "fifo")
    elif request.param == "folder":
        (here / "folder").mkdir()
    elif not Path("/dev/zero").exists():
        pytest.skip("no /dev/zero here")
    return request.param


def test_a_baseline_that_is_not_a_regular_file_is_refused(here, capsys, irregular):
    code, _, err = run(capsys, "check", "doc.md", "--no-config", "--baseline", irregular)
    assert code == 2 and f"{irregular}: cannot read baseline: " in err


def test_a_review_script_that_is_not_a_regular_file_is_refused(here, capsys, irregular):
    code, out, err = run(capsys, "review", "doc.md", "--no-config", "--script", irregular)
    assert code == 2 and f"{irregular}: cannot read the review script: " in err and out == ""


# ---- --diff-base with an old version in another encoding ----

def _git(repo: Path, *args: str) -> None:
    subprocess.run(["git", "-c", "user.email=t@example.org", "-c", "user.name=t", *args], cwd=repo, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-16", None),
    ("latin-1", "HEAD:doc.txt: not UTF-8 text (invalid byte at offset"),
])
def test_diff_base_decodes_the_old_version_as_the_current_one_or_says_it_cannot(here, capsys, encoding, expected):
    text = SEED.read_text(encoding="utf-8").replace("As of May 31", "As of May 31 (café)")
    (here / "doc.txt").write_bytes(text.encode(encoding))
    _git(here, "init", "-q")
    _git(here, "add", "doc.txt")
    _git(here, "commit", "-q", "-m", "old")
    (here / "doc.txt").write_text(text.replace("96,700 ventilators", "120,000 ventilators"), encoding="utf-8")
    code, out, err = run(capsys, "check", "doc.txt", "--no-config", "--sources", str(CURATED), "--doc-date", "2020-06-07", "--diff-base", "HEAD",
                         "--format", "json")
    if expected is None:
        assert code == 1, err
        assert [c["text"] for c in json.loads(out)["documents"][0]["claims"]] == ["120,000 ventilators"]
    else:
        assert code == 2 and expected in err and "a bug in factcheck" not in err


# ---- --scheduler: the address checked, the connection bounded ----

@pytest.mark.parametrize(("address", "message"), [
    ("http://127.0.0.1:8786", "'http://' is not a scheme Dask speaks"),
    ("foo://host:1", "'foo://' is not a scheme Dask speaks"),
    ("garbage", "not an address; expected tcp://HOST:PORT"),
    ("local:0", "write local or local:N with N worker processes, 1 or more"),
])
def test_a_bad_scheduler_address_is_refused_before_anything_is_loaded(here, capsys, address, message):
    code, _, err = run(capsys, "check", "doc.md", "--no-config", "--scheduler", address)
    assert code == 2 and f"--scheduler {address}: {message}" in err


def _replying(reply: bytes):  # noqa: ANN202
    """A server's behaviour: say ``reply`` and hang up, or (empty) accept and never say a word."""
    def behaviour(conn, stop) -> None:  # noqa: ANN001
        if reply:
            conn.sendall(reply)
            conn.close()
    return behaviour


@pytest.mark.parametrize("reply", [b"", b"HTTP/1.0 400 Bad Request\r\n\r\n"], ids=["silent", "http"])
def test_a_server_that_is_no_dask_scheduler_is_named_within_the_timeout(here, capsys, tcp_server, reply):
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    port = tcp_server(_replying(reply))
    code, _, err = run(capsys, "check", "doc.md", "--no-config", "--scheduler", f"tcp://127.0.0.1:{port}", "--scheduler-timeout", "1")
    assert code == 2 and f"--scheduler tcp://127.0.0.1:{port}: the server" in err and "Dask scheduler" in err


def test_a_closed_port_says_nothing_listens(here, capsys):
    pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free = probe.getsockname()[1]
    code, _, err = run(capsys, "check", "doc.md", "--no-config", "--scheduler", f"127.0.0.1:{free}", "--scheduler-timeout", "1")
    assert code == 2 and f"--scheduler tcp://127.0.0.1:{free}: cannot connect" in err


def test_a_real_scheduler_answers_and_checks(here, capsys):
    distributed = pytest.importorskip("dask.distributed", reason="the dask extra is not installed")
    with distributed.LocalCluster(n_workers=1, threads_per_worker=1, processes=False, protocol="tcp://",
                                  dashboard_address=":0") as cluster:
        code, out, err = run(capsys, "check", "doc.md", "--no-config", "--scheduler", cluster.scheduler_address,
                             "--format", "json")
    assert code == 0, err
    assert json.loads(out)["summary"]["claims"] == 1
