"""The HTTP cache is verified before a 304 reuses it, and never written through a link (issue 21, points 1 and 6)."""

from __future__ import annotations

import hashlib
import json

import requests
from requests.adapters import BaseAdapter

from factcheck.cli import main
from factcheck.connectors.http import HttpClient, cache_problems

URL = "https://api.example.org/data.json"
FRESH = b'{"value": 1}'


class Conditional(BaseAdapter):
    """A server whose content never changes: 304 to a request that names its ETag, else the body."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request, **kwargs):  # noqa: ANN001
        self.sent.append(request)
        response = requests.Response()
        if request.headers.get("If-None-Match") == '"v1"':
            response.status_code, response._content = 304, b""
        else:
            response.status_code, response._content = 200, FRESH
            response.headers["ETag"] = '"v1"'
        response._content_consumed = True  # the whole body is here: iter_content gives it in slices
        response.url, response.request = request.url, request
        return response

    def close(self) -> None:
        pass


def client(cache):
    adapter = Conditional()
    session = requests.Session()
    session.mount("https://", adapter)
    return HttpClient(session=session, sleep=lambda s: None, cache=cache), adapter


def body_file(cache):
    return cache / f"{hashlib.sha256(URL.encode()).hexdigest()}.body"


def test_an_unedited_cache_is_reused_on_a_304(tmp_path):
    c, adapter = client(tmp_path)
    c.get(URL)
    again = c.get(URL)
    assert again.status == 304 and again.body == FRESH and adapter.sent[-1].headers["If-None-Match"] == '"v1"'


def test_an_edited_cached_body_is_fetched_again_not_reused(tmp_path):
    c, _ = client(tmp_path)
    c.get(URL)
    body_file(tmp_path).write_bytes(b'{"value": 999}')
    c, adapter = client(tmp_path)
    again = c.get(URL)
    assert again.body == FRESH and "If-None-Match" not in adapter.sent[-1].headers
    assert any("does not match the sha256" in note for note in c.notes)


def test_a_cached_body_and_its_record_both_edited_do_not_pass_the_snapshots_hash(tmp_path):
    c, _ = client(tmp_path)
    c.get(URL)
    forged = b'{"value": 999}'
    body_file(tmp_path).write_bytes(forged)
    meta = body_file(tmp_path).with_suffix(".json")
    record = json.loads(meta.read_text())
    record["sha256"] = hashlib.sha256(forged).hexdigest()
    meta.write_text(json.dumps(record))
    c, adapter = client(tmp_path)
    c.recorded = {URL: hashlib.sha256(FRESH).hexdigest()}  # what the snapshot was built from
    assert c.get(URL).body == FRESH and "If-None-Match" not in adapter.sent[-1].headers


def test_a_link_planted_in_the_cache_is_replaced_not_written_through(tmp_path):
    victim = tmp_path / "precious.txt"
    victim.write_text("keep me", encoding="utf-8")
    cache = tmp_path / "http"
    cache.mkdir()
    body_file(cache).symlink_to(victim)
    c, _ = client(cache)
    c.get(URL)
    assert victim.read_text(encoding="utf-8") == "keep me" and body_file(cache).read_bytes() == FRESH


def test_sources_verify_reports_an_edited_cached_response(tmp_path, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    c, _ = client(tmp_path / "cache" / "http")
    c.get(URL)
    assert cache_problems(tmp_path / "cache" / "http") == []
    body_file(tmp_path / "cache" / "http").write_bytes(b'{"value": 999}')
    code = main(["sources", "verify", "--no-config", "--cache-dir", str(tmp_path / "cache")])
    err = capsys.readouterr().err
    assert code == 2 and f"cached response for {URL} does not match its recorded sha256" in err


def test_a_snapshot_records_the_sha256_of_every_response(tmp_path, no_cache):
    from tests.connectors.conftest import connector_folder, recorder

    folder = connector_folder(tmp_path, "wb", "worldbank",
                              {"indicator": "SP.POP.TOTL", "countries": ["FRA", "DEU", "ITA", "JPN", "BRA", "IND"],
                               "date": "2018:2022", "per_page": 20})
    with recorder("test_worldbank").use_cassette("pull_population.yaml"):
        assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 0
    snapshot = json.loads((folder / "datapackage.json").read_text())["factcheck"]["snapshot"]
    assert set(snapshot["responses"]) == set(snapshot["requests"])
    assert all(len(sha) == 64 for sha in snapshot["responses"].values())
