"""The one HTTP client of factcheck: timeouts, retries that honour Retry-After, conditional requests, a disk cache.

Only ``factcheck sources pull`` (and ``check --live``) make requests; a client
made with ``offline=True`` refuses every request, so ``--offline`` can never
touch the network. Responses are cached on disk with their ETag and
Last-Modified; a later request sends ``If-None-Match`` / ``If-Modified-Since``
and a 304 reuses the cached body.

The cache is not trusted (issue 21, point 6): each cached body's sha256 is
recorded beside it, and a snapshot records the sha256 of every response it was
built from. A body that matches neither is never reused: the request is sent
again without conditions, and a note says why.

The retry loop is written here rather than urllib3's ``Retry`` so the sleep is
injectable (tests never wait), Retry-After is honoured for 429 and 503 in both
its forms (seconds, HTTP date), and every failure ends in one message naming the
URL and what went wrong.

Every wait is bounded, not only each read: a request (its retries and waits included) has a total
deadline, so a server that trickles a byte every few seconds, each within the read timeout, still
ends in an error; a Retry-After above :data:`MAX_RETRY_AFTER` is an error at once, and all the waits
of one request together never exceed it either.
"""

from __future__ import annotations

import email.utils
import hashlib
import json
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from .. import __version__
from ..safefs import UnsafePath, refuse_links
from ..sources.base import SourceError

USER_AGENT = f"factcheck/{__version__} (claim verification against official statistics; python-requests)"
_RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 120.0  # seconds; a longer wait is an error, not a hang, and so are waits adding up to more
DEADLINE = 300.0  # seconds for one request, retries, waits and its body included: a trickling server is an error, not a hang
MAX_DOWNLOAD_MB = 256  # one response, unpacked; --max-download-mb (config max-download-mb) changes it
_SPOOL = 8 * 1024 * 1024  # a body larger than this waits on disk, not in memory, until it is complete


@dataclass(frozen=True, slots=True)
class Fetched:
    url: str
    body: bytes
    status: int  # 200, or 304 when the cached body was confirmed current
    etag: str | None
    last_modified: str | None
    from_cache: bool

    def json(self) -> Any:
        try:
            return json.loads(self.body.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise SourceError(self.url, f"malformed JSON in the response: {exc}") from exc

    def text(self) -> str:
        try:
            return self.body.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SourceError(self.url, f"response is not UTF-8 text (byte {exc.start})") from exc


class HttpClient:
    """One requests session with factcheck's policies."""

    def __init__(
        self,
        *,
        offline: bool = False,
        cache: Path | None = None,
        timeout: tuple[float, float] = (10.0, 65.0),
        retries: int = 4,
        backoff: float = 1.0,
        sleep: Callable[[float], None] | None = None,
        session: requests.Session | None = None,
        max_bytes: int = MAX_DOWNLOAD_MB * 1024 * 1024,
        deadline: float = DEADLINE,
        max_wait: float = MAX_RETRY_AFTER,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.offline = offline
        self.max_bytes = max_bytes
        self.cache = cache
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.deadline = deadline
        self.max_wait = max_wait
        self.clock = clock
        self.sleep = sleep or (lambda seconds: time.sleep(seconds))
        self.session = session or new_session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.recorded: dict[str, str] = {}  # url -> sha256 the current snapshot records for its response
        self.bodies: dict[str, str] = {}  # url -> sha256 of every body returned, for the next snapshot to record
        self.notes: list[str] = []  # what the caller should tell the user (a cached body refused)

    def get(self, url: str, params: dict[str, Any] | None = None, headers: dict[str, str] | None = None) -> Fetched:
        full = requests.Request("GET", url, params=params).prepare().url or url
        if self.offline:
            raise SourceError(full, "offline: this would need the network (drop --offline, or use the snapshot)")
        cached = self._cached(full)
        send = dict(headers or {})
        if cached is not None:
            if cached["etag"]:
                send["If-None-Match"] = cached["etag"]
            if cached["last_modified"]:
                send["If-Modified-Since"] = cached["last_modified"]
        until = self.clock() + self.deadline  # one deadline for the request: its retries, waits and body
        response = self._send(full, send, until)
        if response.status_code == 304 and cached is not None:
            response.close()
            body = self._trusted_body(full, cached)
            if body is not None:
                self.bodies[full] = hashlib.sha256(body).hexdigest()
                return Fetched(full, body, 304, cached["etag"], cached["last_modified"], True)
            response = self._send(full, dict(headers or {}), until)  # changed since it was checked: fetch it whole
        fetched = Fetched(full, self._read(response, full, until), response.status_code, response.headers.get("ETag"),
                          response.headers.get("Last-Modified"), False)
        self.bodies[full] = hashlib.sha256(fetched.body).hexdigest()
        self._store(fetched)
        return fetched

    def _send(self, url: str, headers: dict[str, str], until: float) -> requests.Response:
        """The response's status and headers (its body is read by :meth:`_read`), retried as the policy says, by ``until``."""
        attempt = 0
        waited = 0.0
        while True:
            attempt += 1
            try:
                response = self._within(until, url, lambda: self.session.get(url, headers=headers, timeout=self.timeout, stream=True))
            except requests.exceptions.ConnectTimeout:
                problem = f"could not connect within {self.timeout[0]:g} s"
            except requests.exceptions.ReadTimeout:
                problem = f"no response within {self.timeout[1]:g} s"
            except requests.exceptions.ConnectionError as exc:
                problem = f"connection failed: {_short(exc)}"
            except requests.exceptions.RequestException as exc:
                raise SourceError(url, f"request failed: {_short(exc)}") from exc
            else:
                if response.status_code < 400 or response.status_code == 304:
                    return response
                problem = f"HTTP {response.status_code} {response.reason or ''}".strip()
                if response.status_code not in _RETRY_STATUS:
                    raise SourceError(url, f"{problem}: {_snippet(response)}")
                response.close()
                wait = _retry_after(response.headers.get("Retry-After"))
                if wait is not None:
                    if wait > MAX_RETRY_AFTER:
                        raise SourceError(url, f"{problem}; the server asks to wait {wait:.0f} s (Retry-After): try later")
                    if attempt <= self.retries:
                        waited = self._wait(url, problem, wait, waited, until, "(Retry-After)")
                        continue
            if attempt > self.retries:
                raise SourceError(url, f"{problem} (after {attempt} attempts)")
            waited = self._wait(url, problem, self.backoff * 2 ** (attempt - 1), waited, until, "(backing off)")

    def _wait(self, url: str, problem: str, wait: float, waited: float, until: float, why: str) -> float:
        """Sleep ``wait`` unless the waits of this request would add up past ``max_wait`` or the deadline: then an error."""
        if waited + wait > self.max_wait:
            raise SourceError(url, f"{problem}; waiting {wait:.0f} s more {why} would make {waited + wait:.0f} s of waiting, "
                                   f"above the {self.max_wait:.0f} s a request may wait in all: try later")
        if self.clock() + wait > until:
            raise SourceError(url, f"{problem}; waiting {wait:.0f} s more {why} would pass the total deadline of "
                                   f"{self.deadline:g} s: try later")
        self.sleep(wait)
        return waited + wait

    def _within(self, until: float, url: str, call: Callable[[], Any], streaming: requests.Response | None = None) -> Any:
        """``call()``'s result if it ends by ``until``, else an error naming the deadline (and ``streaming`` shut).

        A read timeout bounds each read, not their sum: a server may trickle its headers or its body a byte
        every few seconds. So the call runs in a daemon thread the caller waits for, up to the deadline.
        """
        box: dict[str, Any] = {}

        def run() -> None:
            try:
                box["value"] = call()
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                box["error"] = exc

        worker = threading.Thread(target=run, name="factcheck-http", daemon=True)
        worker.start()
        worker.join(max(0.0, until - self.clock()))
        if worker.is_alive():
            _abandon(streaming)
            raise SourceError(url, f"no complete response within {self.deadline:g} s (the total deadline of a request, "
                                   "retries and waits included): the server is too slow; try later")
        if "error" in box:
            raise box["error"]
        return box["value"]

    def _read(self, response: requests.Response, url: str, until: float) -> bytes:
        """The body, unpacked, streamed through a temporary file and capped at ``max_bytes``: a gzip bomb or a
        3 GB response ends in a message naming the URL and the limit, not in exhausted memory (issue 18). The
        caller writes nothing until the whole body is here, so the previous snapshot stays as it was. Read by
        ``until`` (issue 21): a body trickled a byte at a time ends in an error, not a wait."""
        limit = self.max_bytes
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit and not response.headers.get("Content-Encoding"):
            response.close()
            raise SourceError(url, f"the response is {int(declared):,} bytes, over the download limit of {_mb(limit)} "
                                   "(raise it with --max-download-mb, or config max-download-mb)")
        return self._within(until, url, lambda: self._spool(response, url, limit), streaming=response)

    def _spool(self, response: requests.Response, url: str, limit: int) -> bytes:
        """The body through a temporary file, at most ``limit`` bytes unpacked."""
        import tempfile

        total = 0
        try:
            with tempfile.SpooledTemporaryFile(max_size=_SPOOL, dir=self.cache if self.cache and self.cache.is_dir() else None) as spool:
                for chunk in response.iter_content(1 << 16):
                    total += len(chunk)
                    if total > limit:
                        raise SourceError(url, f"the response unpacks to more than the download limit of {_mb(limit)} "
                                               "(raise it with --max-download-mb, or config max-download-mb); nothing was written")
                    spool.write(chunk)
                spool.seek(0)
                return spool.read()
        except requests.exceptions.RequestException as exc:
            raise SourceError(url, f"the response broke off after {total:,} bytes: {_short(exc)}") from exc
        finally:
            response.close()

    # the cache: <sha256 of the URL>.body and .json (etag, last-modified, when)

    def _key(self, url: str) -> str:
        return hashlib.sha256(url.encode()).hexdigest()

    def _body(self, url: str) -> Path:
        assert self.cache is not None
        return self.cache / f"{self._key(url)}.body"

    def _cached(self, url: str) -> dict[str, Any] | None:
        if self.cache is None:
            return None
        meta = self.cache / f"{self._key(url)}.json"
        try:
            refuse_links(self.cache.parent, self.cache, "read the cache")
            if meta.is_symlink() or self._body(url).is_symlink():
                return None  # planted, not ours: fetched again, and the link replaced by the new file
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError, UnsafePath):
            return None
        if not isinstance(data, dict) or not self._body(url).is_file():
            return None
        return data if self._trusted_body(url, data) is not None else None

    def _trusted_body(self, url: str, meta: dict[str, Any]) -> bytes | None:
        """The cached body, if it matches the sha256 recorded beside it and the one the snapshot records."""
        try:
            body = self._body(url).read_bytes()
        except OSError:
            return None
        actual = hashlib.sha256(body).hexdigest()
        recorded = meta.get("sha256")
        if recorded is None:
            return None  # cached by an older factcheck: nothing to verify it by, so fetched again
        if actual != recorded:
            self.notes.append(f"{url}: the cached response does not match the sha256 recorded beside it "
                              "(edited or corrupted); fetched again")
            return None
        if actual != self.recorded.get(url, actual):
            return None  # not the response the current snapshot was built from: fetched again rather than trusted
        return body

    def _store(self, fetched: Fetched) -> None:
        if self.cache is None or not (fetched.etag or fetched.last_modified):
            return
        from ..cachedir import make
        from ..errors import UsageError
        from ..report.atomic import write_atomic_bytes

        meta = {"url": fetched.url, "etag": fetched.etag, "last_modified": fetched.last_modified,
                "sha256": hashlib.sha256(fetched.body).hexdigest(), "stored": datetime.now(UTC).isoformat(timespec="seconds")}
        try:
            refuse_links(self.cache.parent, self.cache, "write the cache")
            make(self.cache)
            write_atomic_bytes(self._body(fetched.url), fetched.body, follow_links=False)
            write_atomic_bytes(self.cache / f"{self._key(fetched.url)}.json", json.dumps(meta).encode(), follow_links=False)
        except (OSError, UsageError, UnsafePath) as exc:  # a read-only or full cache costs the next run a request, no more
            reason = getattr(exc, "strerror", None) or str(exc)
            self.notes.append(f"cannot write the HTTP cache {self.cache} ({reason}); responses are not cached in this run")
            self.cache = None


def cache_problems(folder: Path) -> list[str]:
    """Every cached response whose body does not match the sha256 recorded beside it (for ``sources verify``)."""
    problems = []
    try:
        metas = sorted(folder.glob("*.json"))
    except OSError:
        return []
    for meta_path in metas:
        body_path = meta_path.with_suffix(".body")
        try:
            meta = json.loads(meta_path.read_text(encoding="utf-8"))
            recorded = meta.get("sha256") if isinstance(meta, dict) else None
            if recorded is None or not body_path.is_file():
                continue
            actual = hashlib.sha256(body_path.read_bytes()).hexdigest()
        except (OSError, ValueError):
            continue
        if actual != recorded:
            problems.append(f"{body_path}: the cached response for {meta.get('url')} does not match its recorded sha256 "
                            "(edited or corrupted); the next pull fetches it again")
    return problems


def _abandon(response: requests.Response | None) -> None:
    """Shut the socket of a response being read, so the thread reading it ends now rather than at the server's pace."""
    if response is None:
        return  # still in the headers: the daemon thread ends with the connection or the process
    raw = getattr(response, "raw", None)
    sock = getattr(getattr(raw, "connection", None), "sock", None) or getattr(getattr(raw, "_connection", None), "sock", None)
    if isinstance(sock, socket.socket):
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    try:
        response.close()
    except Exception:  # noqa: BLE001 - closing what is being abandoned must not raise
        pass


def new_session() -> requests.Session:
    """The session every client starts from (tests replace it to mount a fake transport)."""
    return requests.Session()


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds: a number, or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _short(exc: BaseException) -> str:
    text = str(exc)
    return text if len(text) <= 200 else text[:197] + "..."


def _mb(size: int) -> str:
    return f"{size / (1024 * 1024):g} MB"


def _snippet(response: requests.Response) -> str:
    """The start of an error body (never the whole of it: it may be huge)."""
    try:
        head = next(response.iter_content(1024), b"")
    except requests.exceptions.RequestException:
        head = b""
    finally:
        response.close()
    text = (head if isinstance(head, str) else head.decode("utf-8", "replace")).strip().replace("\n", " ")
    return (text[:200] + "...") if len(text) > 200 else (text or "empty body")
