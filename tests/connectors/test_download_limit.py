"""Downloads with a bound (issue 18): a gzip bomb, a 3 GB response and an endless one end in a message naming
the URL and the limit, exit 2, the previous snapshot intact. Served by a local HTTP server on 127.0.0.1, never
the network."""

from __future__ import annotations

import gzip
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from factcheck.cli import main
from tests.connectors.conftest import connector_folder

GOOD = b"code,year,value\nFRA,2021,67842811\n"
BOMB = gzip.compress(b"0" * (64 * 1024 * 1024), compresslevel=6)  # 64 MB of zeros in about 64 KB


class Handler(BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - the standard library's name
        try:
            if self.path == "/good.csv":
                self._send(GOOD)
            elif self.path == "/bomb.csv":
                self._send(BOMB, {"Content-Encoding": "gzip"})
            elif self.path == "/huge.csv":  # says 3 GB, sends a line and hangs up
                self._send(b"code,year,value\n", {"Content-Length": str(3 * 1024 ** 3)}, length=False)
            elif self.path == "/endless.csv":  # no length: the body ends when the server stops, which it never does
                self.send_response(200)
                self.send_header("Content-Type", "text/csv")
                self.end_headers()
                self.wfile.write(b"code,year,value\n")
                line = b"FRA,2021,1\n" * 10_000
                for _ in range(10_000):
                    self.wfile.write(line)
            else:
                self.send_error(404)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client stopped reading: what the limit is for

    def _send(self, body: bytes, headers: dict[str, str] | None = None, length: bool = True) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/csv")
        for key, value in (headers or {}).items():
            self.send_header(key, value)
        if length:
            self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server(monkeypatch):
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    for name in ("HTTP_PROXY", "http_proxy", "HTTPS_PROXY", "https_proxy", "ALL_PROXY", "all_proxy"):
        monkeypatch.delenv(name, raising=False)
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    httpd.daemon_threads = True
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def _source(tmp_path: Path, url: str) -> Path:
    return connector_folder(tmp_path, "pop", "csv", {
        "url": url, "title": "Population", "publisher": "Example", "licence": "CC0-1.0",
        "mapping": {"entity": "code", "period": "year", "value": "value", "measure": "population"}})


def _point(folder: Path, url: str) -> None:
    descriptor = folder / "datapackage.json"
    package = json.loads(descriptor.read_text(encoding="utf-8"))
    package["factcheck"]["params"]["url"] = url
    descriptor.write_text(json.dumps(package, indent=2), encoding="utf-8")


def _files(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in folder.rglob("*") if p.is_file() and p.name != "datapackage.json"}


@pytest.mark.parametrize(("path", "message"), [
    ("/bomb.csv", "unpacks to more than the download limit of 8 MB"),
    ("/huge.csv", "is 3,221,225,472 bytes, over the download limit of 8 MB"),
    ("/endless.csv", "unpacks to more than the download limit of 8 MB"),
])
def test_an_unbounded_download_is_refused_and_the_snapshot_kept(tmp_path, no_cache, server, capsys, path, message):
    folder = _source(tmp_path, f"{server}/good.csv")
    assert main(["sources", "pull", "--no-config", "--sources", str(folder)]) == 0
    before, descriptor = _files(folder), (folder / "datapackage.json").read_text(encoding="utf-8")
    _point(folder, f"{server}{path}")
    capsys.readouterr()
    code = main(["sources", "pull", "--no-config", "--sources", str(folder), "--max-download-mb", "8"])
    err = capsys.readouterr().err
    assert code == 2 and f"{server}{path}: the response {message}" in err and "--max-download-mb" in err
    assert "previous snapshot kept" in err and "Traceback" not in err
    assert _files(folder) == before
    assert json.loads((folder / "datapackage.json").read_text())["resources"] == json.loads(descriptor)["resources"]


def test_the_limit_comes_from_the_configuration_too(tmp_path, no_cache, server, capsys, monkeypatch):
    folder = _source(tmp_path, f"{server}/bomb.csv")
    monkeypatch.chdir(tmp_path)
    (tmp_path / "factcheck.toml").write_text("max-download-mb = 4\nbuiltin-sources = false\n", encoding="utf-8")
    assert main(["sources", "pull", "--sources", str(folder)]) == 2
    assert "download limit of 4 MB" in capsys.readouterr().err
    assert main(["sources", "pull", "--sources", str(folder), "--max-download-mb", "0"]) == 2
    assert "--max-download-mb 0: must be above 0" in capsys.readouterr().err
