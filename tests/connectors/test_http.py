"""HTTP faults, each a clear error that loses nothing: timeouts, 5xx, 429 with Retry-After, bad bodies, changed hashes."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest
import requests
from requests.adapters import BaseAdapter

from factcheck import __version__

from factcheck.cli import main
from factcheck.connectors import http
from factcheck.connectors.http import HttpClient
from factcheck.sources.base import SourceError
from tests.connectors.conftest import connector_folder, recorder


class Scripted(BaseAdapter):
    """A transport that answers from a script: a response tuple, or an exception to raise."""

    def __init__(self, script):
        super().__init__()
        self.script = list(script)
        self.sent: list[requests.PreparedRequest] = []

    def send(self, request, **kwargs):  # noqa: ANN001
        self.sent.append(request)
        step = self.script.pop(0) if len(self.script) > 1 else self.script[0]
        if isinstance(step, Exception):
            raise step
        status, body, headers = step
        response = requests.Response()
        response.status_code = status
        response.reason = {200: "OK", 304: "Not Modified", 404: "Not Found", 429: "Too Many Requests",
                           500: "Internal Server Error", 503: "Service Unavailable"}.get(status, "")
        response._content = body.encode() if isinstance(body, str) else body
        response._content_consumed = True  # the whole body is here: iter_content gives it in slices
        response.headers.update(headers)
        response.url = request.url
        response.request = request
        return response

    def close(self):
        pass


def client(script, **kwargs):
    adapter = Scripted(script)
    session = requests.Session()
    session.mount("https://", adapter)
    sleeps: list[float] = []
    return HttpClient(session=session, sleep=sleeps.append, **kwargs), adapter, sleeps


URL = "https://api.example.org/data.json"


def test_user_agent_names_factcheck_and_its_version():
    c, adapter, _ = client([(200, "{}", {})])
    c.get(URL)
    assert adapter.sent[0].headers["User-Agent"].startswith(f"factcheck/{__version__}")


@pytest.mark.parametrize(
    ("error", "message"),
    [
        (requests.exceptions.ConnectTimeout("connect"), "could not connect within 10 s (after 5 attempts)"),
        (requests.exceptions.ReadTimeout("read"), "no response within 65 s (after 5 attempts)"),
        (requests.exceptions.ConnectionError("refused"), "connection failed: refused (after 5 attempts)"),
    ],
)
def test_network_failures_retry_with_exponential_backoff_then_fail_clearly(error, message):
    c, adapter, sleeps = client([error])
    with pytest.raises(SourceError, match=message.replace("(", r"\(").replace(")", r"\)")) as info:
        c.get(URL)
    assert URL in str(info.value) and sleeps == [1.0, 2.0, 4.0, 8.0] and len(adapter.sent) == 5


def test_server_error_is_retried_and_may_recover():
    c, adapter, sleeps = client([(500, "oops", {}), (200, '{"ok": true}', {})])
    assert c.get(URL).json() == {"ok": True} and sleeps == [1.0]


def test_persistent_server_error_fails_with_status():
    c, _, _ = client([(500, "oops", {})])
    with pytest.raises(SourceError, match=r"HTTP 500 Internal Server Error \(after 5 attempts\)"):
        c.get(URL)


def test_429_waits_as_retry_after_says_in_seconds():
    c, _, sleeps = client([(429, "slow down", {"Retry-After": "7"}), (200, "{}", {})])
    c.get(URL)
    assert sleeps == [7.0]


def test_429_retry_after_as_http_date():
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    c, _, sleeps = client([(503, "", {"Retry-After": when}), (200, "{}", {})])
    c.get(URL)
    assert 25 <= sleeps[0] <= 31


def test_a_retry_after_too_long_is_an_error_not_a_hang():
    c, _, sleeps = client([(429, "", {"Retry-After": "3600"})])
    with pytest.raises(SourceError, match="asks to wait 3600 s"):
        c.get(URL)
    assert sleeps == []


def test_client_errors_are_not_retried():
    c, adapter, _ = client([(404, "no such indicator", {})])
    with pytest.raises(SourceError, match="HTTP 404 Not Found: no such indicator"):
        c.get(URL)
    assert len(adapter.sent) == 1


def test_malformed_json_is_named():
    c, _, _ = client([(200, '[{"page": 1', {})])
    with pytest.raises(SourceError, match="malformed JSON"):
        c.get(URL).json()


def test_conditional_requests_reuse_the_cache_on_304(tmp_path):
    c, adapter, _ = client([(200, '{"v": 1}', {"ETag": '"abc"', "Last-Modified": "Thu, 04 May 2023 00:00:00 GMT"}),
                            (304, "", {})], cache=tmp_path)
    first = c.get(URL)
    second = c.get(URL)
    assert adapter.sent[1].headers["If-None-Match"] == '"abc"'
    assert adapter.sent[1].headers["If-Modified-Since"] == "Thu, 04 May 2023 00:00:00 GMT"
    assert second.status == 304 and second.from_cache and second.json() == first.json() == {"v": 1}


def test_offline_never_sends():
    c, adapter, _ = client([(200, "{}", {})], offline=True)
    with pytest.raises(SourceError, match="offline"):
        c.get(URL)
    assert adapter.sent == []


def test_cache_directory_can_be_set_by_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "c"))
    from factcheck.cachedir import cache_dir

    assert cache_dir() == tmp_path / "c"
    assert cache_dir(tmp_path / "d") == tmp_path / "d"


# through `sources pull`: a failed pull keeps the previous snapshot ---------------------------------

PARAMS = {"indicator": "SP.POP.TOTL", "countries": ["FRA", "DEU", "ITA", "JPN", "BRA", "IND"], "date": "2018:2022", "per_page": 20}


@pytest.fixture
def pulled(tmp_path, no_cache, capsys):
    folder = connector_folder(tmp_path, "wb", "worldbank", PARAMS)
    with recorder("test_worldbank").use_cassette("pull_population.yaml"):
        assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 0
    capsys.readouterr()
    return folder


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize(
    ("script", "message"),
    [
        ([requests.exceptions.ConnectTimeout("x")], "could not connect"),
        ([requests.exceptions.ReadTimeout("x")], "no response within"),
        ([(500, "down", {})], "HTTP 500"),
        ([(200, '[{"page": 1, "pages": 2', {})], "malformed JSON"),
        ([(200, json.dumps([{"page": 1, "pages": 2}, [{"countryiso3code": "FRA", "date": "2020", "value": 1}]]), {}),
          requests.exceptions.ReadTimeout("x")], "no response within"),
    ],
    ids=["connect-timeout", "read-timeout", "500", "malformed-json", "interrupted-after-page-1"],
)
def test_a_failed_pull_keeps_the_previous_snapshot(pulled, capsys, monkeypatch, script, message):
    before = _snapshot(pulled)
    adapter = Scripted(script)

    def session():
        s = requests.Session()
        s.mount("https://", adapter)
        return s

    monkeypatch.setattr(http, "new_session", session)
    monkeypatch.setattr(http.time, "sleep", lambda s: None)
    code = main(["sources", "pull", "--no-config", "--sources", str(pulled)])
    err = capsys.readouterr().err
    assert code == 2 and message in err and "previous snapshot kept" in err
    assert _snapshot(pulled) == before


def test_truncated_csv_is_refused(tmp_path, no_cache, capsys, monkeypatch):
    folder = connector_folder(tmp_path, "owid", "owid", {"slug": "population"})
    meta = {"chart": {"title": "Population"}, "columns": {"population": {"titleShort": "Population"}}}
    adapter = Scripted([(200, json.dumps(meta), {}), (200, "Entity,Code,Year,population\nFrance,FRA,2020,676\nGermany,DEU", {})])
    monkeypatch.setattr(http, "new_session", lambda: _mounted(adapter))
    assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 2
    assert "row 3 has 2 fields, the header has 4: truncated or malformed CSV" in capsys.readouterr().err
    assert not (folder / "data").exists()


def test_a_changed_hash_in_a_remote_package_is_refused(tmp_path, no_cache, capsys, monkeypatch):
    folder = connector_folder(tmp_path, "dp", "datapackage", {
        "url": "https://example.org/datapackage.json",
        "mapping": {"entity": "code", "period": "year", "value": "value", "measure": "population"}})
    descriptor = {"name": "p", "licenses": [{"name": "CC0-1.0"}],
                  "resources": [{"name": "data", "path": "data.csv", "hash": "sha256:" + "0" * 64}]}
    adapter = Scripted([(200, json.dumps(descriptor), {}), (200, "code,year,value\nFRA,2020,1\n", {})])
    monkeypatch.setattr(http, "new_session", lambda: _mounted(adapter))
    assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 2
    assert "sha256 mismatch: the package declares 000" in capsys.readouterr().err


def test_pull_refuses_offline(pulled, capsys):
    assert main(["sources", "pull", "--offline", "--no-config", "--sources", str(pulled)]) == 2
    assert "--offline" in capsys.readouterr().err


def _mounted(adapter):
    s = requests.Session()
    s.mount("https://", adapter)
    return s


@pytest.mark.parametrize(
    ("flag", "tty", "ci", "shown"),
    [(None, True, "", True), (None, False, "", False), (None, True, "true", False), (True, False, "true", True),
     (False, True, "", False)],
)
def test_progress_only_on_a_terminal_outside_ci_unless_asked(monkeypatch, flag, tty, ci, shown):
    from factcheck.cli import progress

    monkeypatch.setattr(progress.sys.stderr, "isatty", lambda: tty)
    monkeypatch.setenv("CI", ci)
    assert progress.wanted(flag) is shown


# ---- issue 21, point 7: every wait bounded (local fake servers on 127.0.0.1, small deadlines) ----

import time  # noqa: E402


def http_url(tcp_server, behaviour) -> str:  # noqa: ANN001
    """A URL on a local server (tests/conftest.py tcp_server) that reads the request, then does ``behaviour(conn, stop)``."""
    def answer(conn, stop):  # noqa: ANN001
        conn.recv(65536)  # the request
        behaviour(conn, stop)

    return f"http://127.0.0.1:{tcp_server(answer)}/data.json"


def trickle_body(conn, stop):  # noqa: ANN001
    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 1000\r\n\r\n")
    while not stop.wait(0.2):
        conn.sendall(b" ")  # a byte every 0.2 s: every read well within the read timeout


def trickle_headers(conn, stop):  # noqa: ANN001
    conn.sendall(b"HTTP/1.1 200 OK\r\n")
    while not stop.wait(0.2):
        conn.sendall(b"X")  # one header that never ends


def silent(conn, stop):  # noqa: ANN001
    stop.wait(30)


@pytest.mark.parametrize("behaviour", [trickle_body, trickle_headers, silent], ids=["body", "headers", "silent"])
def test_a_slow_server_meets_a_total_deadline_not_only_a_read_timeout(behaviour, tcp_server):
    url = http_url(tcp_server, behaviour)
    c = HttpClient(timeout=(2.0, 5.0), deadline=1.0, retries=0)
    started = time.monotonic()
    with pytest.raises(SourceError, match=r"no complete response within 1 s \(the total deadline"):
        c.get(url)
    assert time.monotonic() - started < 4.5  # generous: 1 s deadline, 5 s read timeout never reached


def test_a_server_answering_in_time_is_read_whole(tcp_server):
    def answer(conn, stop):  # noqa: ANN001
        conn.sendall(b'HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n\r\n{"ok": true}')

    assert HttpClient(deadline=10.0).get(http_url(tcp_server, answer)).json() == {"ok": True}


def test_retry_after_just_under_the_maximum_on_every_attempt_ends_after_one_wait():
    c, adapter, sleeps = client([(429, "slow down", {"Retry-After": "119"})])
    with pytest.raises(SourceError, match="above the 120 s a request may wait in all"):
        c.get(URL)
    assert sleeps == [119.0] and len(adapter.sent) == 2  # was 4 waits of 119 s: 476 s


def test_a_retry_after_above_two_minutes_is_an_error_at_once():
    c, adapter, sleeps = client([(503, "", {"Retry-After": "121"})])
    with pytest.raises(SourceError, match="asks to wait 121 s"):
        c.get(URL)
    assert sleeps == [] and len(adapter.sent) == 1


def test_waits_never_pass_the_total_deadline():
    now = [0.0]
    sleeps: list[float] = []

    def sleep(seconds: float) -> None:
        sleeps.append(seconds)
        now[0] += seconds

    session = requests.Session()
    session.mount("https://", Scripted([(429, "", {"Retry-After": "30"})]))
    c = HttpClient(session=session, sleep=sleep, clock=lambda: now[0], deadline=45.0)
    with pytest.raises(SourceError, match="would pass the total deadline of 45 s"):
        c.get(URL)
    assert sleeps == [30.0]
