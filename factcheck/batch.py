"""Many documents on every core, or on a Dask cluster, with the output of a single process.

Each document is checked where it is read, and what comes back is its part of the report:
plain dicts, the same ``build_report`` makes in one process, never claim objects (pickling
15,000 claims back cost as much as the work saved). Results come back in the order of the
documents, so every format prints byte for byte what ``--jobs 1`` prints.

- ``--jobs N``: a pool of N worker processes forked after the sources are loaded, so each
  worker has the catalogue without loading or pickling it.
- ``--scheduler ADDRESS|local[:N]`` and :func:`check_corpus`: a ``dask.distributed`` cluster.
  The catalogue is built once here and shipped to the workers (``client.scatter``, broadcast);
  the workers read the documents themselves, so the paths must be readable where they run
  (a shared file system, or a local cluster).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from .errors import FactcheckError, UsageError

# A document's part of the report, and its text when the caller needs it (--diff-base).
Part = tuple[dict[str, Any], str | None]


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides the catalogue: plain, picklable settings."""

    tolerance: float
    settings: Any  # core.matching.Settings (a frozen dataclass)
    dates: dict[str, date | None]  # document -> its date, where one is configured or given
    keep_text: bool = False
    plan: Any = None  # parts.Plan: finish each document where it is checked (filtered, counted, rendered)


class WorkerError(FactcheckError):
    """Something unforeseen in a worker, reported like the same error in one process."""


def check_one(path: str, catalogue: Any, job: Job) -> Part:
    """One document's report part (and its text when asked), or a FactcheckError naming it."""
    from .engine import check_text, read_document
    from .errors import reading
    from .report.build import document_part

    try:
        with reading(path):
            text = read_document(Path(path))
            settings = job.settings.on(job.dates.get(path) or job.settings.doc_date)
            checked = check_text(text, Path(path).as_posix(), catalogue, settings)
            # with a plan, the part is rendered here: what it does not list is counted, not built, and its sentences
            # are compact rows; without one it is the API's plain data
            listed_only = job.plan is not None and not job.plan.all_findings
            part = document_part(checked, job.tolerance, listed_only=listed_only, rows=job.plan is not None)
            del checked
    except FactcheckError:
        raise
    except Exception as exc:  # noqa: BLE001 - the parent prints it as its own unforeseen error, naming the document
        detail = " ".join(str(exc).split())[:300] or "no message"
        raise WorkerError(f"{path}: unexpected {type(exc).__name__}: {detail} (a bug in factcheck)") from None
    return part, (text if job.keep_text else None)


def finish_one(path: str, catalogue: Any, job: Job, join: bool = True) -> Any:
    """What the caller wants of a document: its report part (:func:`check_one`), or with a plan, its
    rendered parts and counts (:class:`factcheck.parts.Rendered`), ``join``ed into one bytes each to send."""
    from .engine import collector_paused

    if job.plan is None:
        with collector_paused():
            return check_one(path, catalogue, job)
    from .parts import finish

    try:
        with collector_paused():  # the part made and rendered too, not only the check (engine.collector_paused)
            part, text = check_one(path, catalogue, job)
            return finish(part, text, job.plan, job.dates.get(path) or job.settings.doc_date, catalogue, join=join)
    except FactcheckError:
        raise
    except Exception as exc:  # noqa: BLE001 - as in check_one: named, reported as a bug
        detail = " ".join(str(exc).split())[:300] or "no message"
        raise WorkerError(f"{path}: unexpected {type(exc).__name__}: {detail} (a bug in factcheck)") from None


# ---- every core: forked workers, each watched ----
#
# Not multiprocessing.Pool: a worker killed by a signal (SIGKILL from the OOM killer) takes its task
# with it, and Pool.imap then waits for that result for ever. Each worker here has its own pipe and
# the parent waits on the pipes and the processes' sentinels together, so a death is seen at once
# and the document it was checking is named.

_FORKED: dict[str, Any] = {}


class WorkerDied(FactcheckError):
    """A worker process ended without an answer: killed (out of memory?) while checking a document."""


def _after_fork() -> None:
    """SQLite connections must not cross a fork: each worker opens the indexes again. The parent's output
    files in progress are not the worker's: a worker that does not stop is ended with SIGTERM, and the
    handler that removes temporary files on SIGTERM would remove the parent's."""
    import signal

    from .report import atomic

    atomic.forget_pending()
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    for source in _FORKED["catalogue"].sources:
        reopen = getattr(source, "reopen", None)
        if reopen is not None:
            reopen()


def _work(conn: Any) -> None:
    """A worker's loop: a batch of (index, path) in, one message a document out, until told to stop."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle: it stops the workers
    _after_fork()
    catalogue, job = _FORKED["catalogue"], _FORKED["job"]
    while True:
        batch = conn.recv()
        if batch is None:
            return
        for index, path in batch:
            try:
                conn.send((index, finish_one(path, catalogue, job), None))
            except FactcheckError as exc:
                conn.send((index, None, exc if _picklable(exc) else WorkerError(str(exc))))
                return


def _picklable(exc: BaseException) -> bool:
    import pickle

    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:  # noqa: BLE001 - any failure means: send its message instead
        return False
    return True


def on_cores(paths: Sequence[str], catalogue: Any, job: Job, jobs: int, advance: Callable[[int], None] | None = None) -> Iterator[Any]:
    """The documents' parts (see :func:`finish_one`) in order, checked by ``jobs`` processes forked with the
    catalogue; never more processes than documents or cores (issue 21, point 9: 1,000 forks for 3 documents)."""
    jobs = min(jobs, len(paths), default_jobs())
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        for p in paths:
            yield finish_one(p, catalogue, job, join=False)
            if advance:
                advance(1)
        return
    # a batch per message amortises the cost of one (about a millisecond); small enough that the processes
    # finish together: with 8 batches a process, the last one left 10% of a 1,000-document run to one core
    size = max(1, min(64, len(paths) // (jobs * 32)))
    sys.stdout.flush()  # nothing buffered before the fork is written twice
    batches = [[(i, paths[i]) for i in range(b, min(b + size, len(paths)))] for b in range(0, len(paths), size)]
    _FORKED["catalogue"], _FORKED["job"] = catalogue, job
    context = multiprocessing.get_context("fork")
    workers: list[tuple[Any, Any]] = []  # (process, the parent's end of its pipe)
    try:
        for _ in range(min(jobs, len(batches))):  # never more workers than batches
            parent_end, child_end = context.Pipe()
            process = context.Process(target=_work, args=(child_end,), daemon=True)
            process.start()
            child_end.close()
            workers.append((process, parent_end))
        yield from _collect(paths, batches, workers, advance)
    finally:
        _FORKED.clear()
        _stop(workers)


def _collect(paths: Sequence[str], batches: list[list[tuple[int, str]]], workers: list[tuple[Any, Any]],
             advance: Callable[[int], None] | None) -> Iterator[Any]:
    """Hand out batches, gather the parts, yield them in order; a worker's death is an error naming its document."""
    from multiprocessing.connection import wait

    results: dict[int, Part] = {}
    pending = list(reversed(batches))
    busy: dict[int, list[int]] = {}  # worker number -> indexes of its batch not yet answered

    def hand_out(n: int) -> None:
        process, conn = workers[n]
        batch = pending.pop()
        busy[n] = [i for i, _ in batch]
        try:
            conn.send(batch)
        except OSError:  # it died idle: a BrokenPipeError here would read as "| head went away"
            raise _died(process, paths, busy[n]) from None

    for n in range(len(workers)):
        if pending:
            hand_out(n)
    following = 0
    while following < len(paths):
        by_handle = {}
        for n in busy:
            process, conn = workers[n]
            by_handle[conn] = n
            by_handle[process.sentinel] = n
        for ready in wait(list(by_handle)):
            n = by_handle[ready]
            if n not in busy:
                continue
            process, conn = workers[n]
            if ready is conn or conn.poll():
                try:
                    index, part, error = conn.recv()
                except (EOFError, OSError):
                    raise _died(process, paths, busy[n]) from None
                if error is not None:
                    raise error
                results[index] = part
                busy[n].remove(index)
                if not busy[n]:
                    del busy[n]
                    if pending:
                        hand_out(n)
            elif not process.is_alive():
                raise _died(process, paths, busy[n])
        while following in results:
            yield results.pop(following)
            following += 1
            if advance:
                advance(1)


def _died(process: Any, paths: Sequence[str], unanswered: list[int]) -> WorkerDied:
    """The error for a worker that ended without answering: the document it was checking, and how it ended."""
    import signal

    process.join(1)
    code = process.exitcode
    if code is not None and code < 0:
        try:
            how = f"killed by {signal.Signals(-code).name}"
        except ValueError:
            how = f"killed by signal {-code}"
        how += " (out of memory?)" if -code == signal.SIGKILL else ""
    else:
        how = f"ended with exit code {code}"
    return WorkerDied(f"{paths[unanswered[0]]}: the worker process checking it {how}; no report was written")


def _stop(workers: list[tuple[Any, Any]]) -> None:
    """Every worker told to stop, then ended if it does not: none outlives the run."""
    for _, conn in workers:
        try:
            conn.send(None)
        except (OSError, ValueError):
            pass
    for process, conn in workers:
        process.join(2)
        if process.is_alive():
            process.terminate()
            process.join(2)
        if process.is_alive():
            process.kill()
            process.join()
        conn.close()


def default_jobs() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


# ---- a cluster: Dask ----

SCHEDULER_TIMEOUT = 30.0  # seconds to reach a scheduler and hear it answer; --scheduler-timeout changes it
_SCHEMES = ("tcp", "tls", "ws", "wss", "ucx")
_EXPECTED = "expected tcp://HOST:PORT (a Dask scheduler, by default on port 8786), tls://HOST:PORT, or local[:N]"


def scheduler_address(scheduler: str) -> str | int:
    """What ``--scheduler`` names, checked before anything is loaded: the number of local workers for
    ``local[:N]``, else a scheduler address with a scheme Dask speaks and a port (issue 18)."""
    import re

    text = scheduler.strip()
    if text == "local" or text.startswith("local:"):
        _, _, n = text.partition(":")
        if not n:
            return default_jobs()
        if not n.isdigit() or int(n) < 1:
            raise UsageError(f"--scheduler {scheduler}: write local or local:N with N worker processes, 1 or more")
        return int(n)
    m = re.fullmatch(r"(?:([A-Za-z][A-Za-z0-9+.-]*)://)?(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9._-]+):(\d{1,5})", text)
    scheme = m.group(1) if m else (text.split("://")[0] if "://" in text else None)
    if scheme is not None and scheme.lower() not in _SCHEMES:
        raise UsageError(f"--scheduler {scheduler}: '{scheme}://' is not a scheme Dask speaks ({', '.join(_SCHEMES)}); {_EXPECTED}")
    if m is None or not 0 < int(m.group(3)) < 65536:
        raise UsageError(f"--scheduler {scheduler}: not an address; {_EXPECTED}")
    return text if m.group(1) else f"tcp://{text}"


def dask_client(scheduler: str, timeout: float = SCHEDULER_TIMEOUT) -> Any:
    """A client for ``ADDRESS`` (tcp://host:8786) or ``local[:N]`` (a LocalCluster of N worker processes).

    A remote address is asked who it is first, within ``timeout`` seconds: Dask's own connection waits
    minutes on a server that accepts and never answers, or one that is not a Dask scheduler."""
    where = scheduler_address(scheduler)
    try:
        from dask.distributed import Client, LocalCluster
    except ImportError as exc:
        raise UsageError("--scheduler needs Dask: pip install 'factcheck-figures[dask]' (dask[distributed])") from exc
    if isinstance(where, int):
        cluster = LocalCluster(n_workers=where, threads_per_worker=1, processes=True, dashboard_address=":0")
        return Client(cluster)
    _ask_identity(where, timeout)
    try:
        return Client(where, timeout=timeout)
    except (OSError, TimeoutError) as exc:
        raise UsageError(f"--scheduler {scheduler}: cannot reach the Dask scheduler: {exc}") from exc


MAX_HANDSHAKE = 1 << 20  # bytes: a scheduler's handshake is a few hundred


def _ask_identity(address: str, timeout: float) -> None:
    """Connect and ask the server's identity within ``timeout`` seconds in all (issue 21: not each step);
    a UsageError saying what was expected unless a Dask scheduler answers. A tcp:// server's handshake
    is read first by :func:`probe_scheduler`, which refuses a frame Dask would allocate whole."""
    import asyncio
    import time
    from urllib.parse import urlsplit

    from distributed.comm import connect

    until = time.monotonic() + timeout
    parts = urlsplit(address)
    if parts.scheme in ("tcp", "tls") and parts.hostname and parts.port:
        probe_scheduler(address, timeout, handshake=parts.scheme == "tcp")
    stage = "answer" if parts.scheme in ("tcp", "tls") else "connect"

    async def identity() -> Any:
        nonlocal stage
        comm = await connect(address, timeout=timeout)
        stage = "answer"
        try:
            await comm.write({"op": "identity", "reply": True})
            return await comm.read()
        finally:
            comm.abort()

    try:
        reply = asyncio.run(asyncio.wait_for(identity(), max(0.1, until - time.monotonic())))
    except (TimeoutError, asyncio.TimeoutError):
        if stage == "connect":
            raise UsageError(f"--scheduler {address}: nothing accepted the connection within {timeout:g} s "
                             "(--scheduler-timeout); is a Dask scheduler running there?") from None
        raise UsageError(f"--scheduler {address}: the server accepted the connection but did not answer as a Dask "
                         f"scheduler within {timeout:g} s (--scheduler-timeout); {_EXPECTED}") from None
    except Exception as exc:  # noqa: BLE001 - CommClosedError, a refused connection, a reply Dask cannot parse
        said = " ".join(str(exc).split())[:200] or type(exc).__name__
        if stage == "connect":
            raise UsageError(f"--scheduler {address}: cannot connect: {said}") from None
        raise UsageError(f"--scheduler {address}: the server is not a Dask scheduler (it closed the connection or "
                         f"answered something else: {said}); {_EXPECTED}") from None
    kind = reply.get("type") if isinstance(reply, dict) else None
    if kind != "Scheduler":
        raise UsageError(f"--scheduler {address}: the server answered as {kind or 'something else'}, not a Dask scheduler; {_EXPECTED}")


def probe_scheduler(address: str, timeout: float, handshake: bool = True) -> None:
    """Whether anything listens at a tcp:// or tls:// address, and (``handshake``, plain tcp) read the
    handshake a Dask scheduler writes as soon as it accepts: 8 bytes of length, then a small message, all
    within ``timeout`` seconds. Dask's own connect waits for it without a timeout and allocates whatever
    length the first frame announces (2 GB from a hostile server), so a server that says nothing,
    trickles, or announces more than :data:`MAX_HANDSHAKE` is refused here first (issue 21, point 7).
    """
    import socket
    import struct
    import time
    from urllib.parse import urlsplit

    parts = urlsplit(address)
    until = time.monotonic() + timeout

    def read(sock: Any, n: int) -> bytes:
        data = b""
        while len(data) < n:
            left = until - time.monotonic()
            if left <= 0:
                raise TimeoutError
            sock.settimeout(left)
            chunk = sock.recv(min(n - len(data), 65536))
            if not chunk:
                raise UsageError(f"--scheduler {address}: the server closed the connection before a Dask scheduler's "
                                 f"handshake; {_EXPECTED}")
            data += chunk
        return data

    try:  # whether anything listens there, apart from whether it speaks Dask
        sock = socket.create_connection((parts.hostname, parts.port), timeout=timeout)
    except TimeoutError:
        raise UsageError(f"--scheduler {address}: nothing accepted the connection within {timeout:g} s "
                         "(--scheduler-timeout); is a Dask scheduler running there?") from None
    except OSError as exc:
        raise UsageError(f"--scheduler {address}: cannot connect: {exc.strerror or exc}; is a Dask scheduler running there?") from None
    with sock:
        if not handshake:
            return
        try:
            (length,) = struct.unpack("Q", read(sock, 8))  # as Dask frames it
            if length > MAX_HANDSHAKE:
                raise UsageError(f"--scheduler {address}: the server announces a first message of {length:,} bytes (a Dask "
                                 f"scheduler's handshake is under {MAX_HANDSHAKE:,}): not a Dask scheduler; refused")
            read(sock, length)
        except TimeoutError:
            raise UsageError(f"--scheduler {address}: the server accepted the connection but sent no Dask scheduler's "
                             f"handshake within {timeout:g} s (--scheduler-timeout); {_EXPECTED}") from None
        except OSError as exc:
            raise UsageError(f"--scheduler {address}: the server is not a Dask scheduler ({exc.strerror or exc}); "
                             f"{_EXPECTED}") from None


def check_many(paths: list[str], catalogue: Any, job: Job) -> list[Any]:
    """A batch of documents in one task: Dask's scheduler costs milliseconds a task, a document often less."""
    return [finish_one(p, catalogue, job) for p in paths]


def on_dask(paths: Sequence[str], catalogue: Any, job: Job, client: Any, advance: Callable[[int], None] | None = None,
            timeout: float = SCHEDULER_TIMEOUT) -> Iterator[Any]:
    """The documents' parts in order, checked on a Dask cluster; the catalogue is sent once to every worker.

    Waiting is bounded by what can be known (issue 21, point 7): a scheduler without workers, or one whose
    workers all leave, is exit 2 after ``timeout`` seconds, as is a lost scheduler; a batch that is merely
    slow on a live worker is waited for, as a long document is in one process."""
    _workers(client, timeout, "has no workers")
    shared = client.scatter(catalogue, broadcast=True)
    workers = max(1, sum(client.nthreads().values()))
    size = max(1, min(64, len(paths) // (workers * 8)))
    batches = [list(paths[i:i + size]) for i in range(0, len(paths), size)]
    futures = client.map(check_many, batches, catalogue=shared, job=job, pure=False)
    try:
        for future in futures:  # in order: a slow batch holds back the output, never reorders it
            for part in _result(future, client, timeout):
                yield part
                if advance:
                    advance(1)
    finally:
        with contextlib.suppress(Exception):  # a scheduler already lost has nothing left to cancel
            client.cancel(futures)


def _result(future: Any, client: Any, timeout: float) -> Any:
    """A batch's result, asking every ``timeout`` seconds whether anything is left to compute it."""
    while True:
        try:
            return future.result(timeout=timeout)
        except TimeoutError:
            _workers(client, timeout, "lost its workers")


def _workers(client: Any, timeout: float, what: str) -> None:
    """Exit 2 when the scheduler is gone, or has had no worker for ``timeout`` seconds."""
    try:
        if client.nthreads():
            return
        client.wait_for_workers(1, timeout=timeout)
    except TimeoutError:
        raise UsageError(f"--scheduler: the Dask scheduler {what} (none joined within {timeout:g} s, --scheduler-timeout); "
                         "start workers with 'dask worker ADDRESS'") from None
    except Exception as exc:  # the connection to the scheduler lost: CommClosedError, OSError and their kin
        raise UsageError(f"--scheduler: lost the Dask scheduler while checking ({type(exc).__name__}: {exc})") from None


def check_corpus(paths: Sequence[Path | str], sources: Sequence[Path | str], client: Any, *,
                 doc_date: date | None = None, builtin: bool = True) -> dict[str, Any]:
    """The Python API for a corpus on Dask: the report ``factcheck check PATHS --format json`` would make.

    ``client`` is a ``dask.distributed.Client``; ``sources`` are source folders or datapackage.json files
    (the built-in sources too unless ``builtin=False``).
    """
    from .core.matching import Settings
    from .engine import load_sources
    from .report.build import assemble

    catalogue = load_sources([Path(s) for s in sources], builtin=builtin)
    job = Job(0.05, Settings(doc_date=doc_date), {})
    return assemble([part for part, _ in on_dask([str(p) for p in paths], catalogue, job, client)])
