"""The one HTTP client of factcheck: timeouts, retries that honour Retry-After, conditional requests, a disk cache.

Only ``factcheck sources pull`` (and ``check --live``) make requests; a client
made with ``offline=True`` refuses every request, so ``--offline`` can never
touch the network. Responses are cached on disk with their ETag and
Last-Modified; a later request sends ``If-None-Match`` / ``If-Modified-Since``
and a 304 reuses the cached body.

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
from ..sources.base import SourceError

USER_AGENT = f"factcheck/{__version__} (claim verification against official statistics; python-requests)"
_RETRY_STATUS = {429, 500, 502, 503, 504}
MAX_RETRY_AFTER = 120.0  # seconds; a longer wait is an error, not a hang, and so are waits adding up to more
DEADLINE = 300.0  # seconds for one request, retries and waits included: a trickling server is an error, not a hang


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
        deadline: float = DEADLINE,
        max_wait: float = MAX_RETRY_AFTER,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.offline = offline
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
        response = self._send(full, send)
        if response.status_code == 304 and cached is not None:
            body = self._body(full).read_bytes()
            return Fetched(full, body, 304, cached["etag"], cached["last_modified"], True)
        fetched = Fetched(full, response.content, response.status_code, response.headers.get("ETag"),
                          response.headers.get("Last-Modified"), False)
        self._store(fetched)
        return fetched

    def _send(self, url: str, headers: dict[str, str]) -> requests.Response:
        attempt = 0
        waited = 0.0
        until = self.clock() + self.deadline
        while True:
            attempt += 1
            try:
                response = self._attempt(url, headers, until)
            except _PastDeadline:
                raise SourceError(url, f"no complete response within {self.deadline:g} s (the total deadline of a request, "
                                       f"{attempt} attempt(s)): the server is too slow; try later") from None
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

    def _attempt(self, url: str, headers: dict[str, str], until: float) -> requests.Response:
        """One request, its body read whole, by ``until``; a request past it is abandoned (its socket shut down).

        The request runs in a daemon thread the caller waits for: a read timeout bounds each read, not
        the sum of them, and a server may trickle its headers or body a byte at a time.
        """
        box: dict[str, Any] = {}

        def run() -> None:
            try:
                response = self.session.get(url, headers=headers, timeout=self.timeout, stream=True)
                box["response"] = response
                response.content  # noqa: B018 - read the whole body here, inside the deadline
            except BaseException as exc:  # noqa: BLE001 - handed to the caller's thread
                box["error"] = exc

        worker = threading.Thread(target=run, name="factcheck-http", daemon=True)
        worker.start()
        worker.join(max(0.0, until - self.clock()))
        if worker.is_alive():
            _abandon(box.get("response"))
            raise _PastDeadline
        if "error" in box:
            raise box["error"]
        return box["response"]

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
            data = json.loads(meta.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if self._body(url).is_file() else None

    def _store(self, fetched: Fetched) -> None:
        if self.cache is None or not (fetched.etag or fetched.last_modified):
            return
        from ..report.atomic import write_atomic_bytes

        self.cache.mkdir(parents=True, exist_ok=True)
        write_atomic_bytes(self._body(fetched.url), fetched.body)
        meta = {"url": fetched.url, "etag": fetched.etag, "last_modified": fetched.last_modified,
                "stored": datetime.now(UTC).isoformat(timespec="seconds")}
        write_atomic_bytes(self.cache / f"{self._key(fetched.url)}.json", json.dumps(meta).encode())


class _PastDeadline(Exception):
    """A request did not complete by its total deadline."""


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


def _snippet(response: requests.Response) -> str:
    text = response.text.strip().replace("\n", " ")
    return (text[:200] + "...") if len(text) > 200 else (text or "empty body")
