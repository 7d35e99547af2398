from __future__ import annotations

import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "fighting-covid19-white-paper-excerpt.txt"
CURATED = ROOT / "examples" / "sources" / "china-covid19-official-figures-2020"
SHARED = ROOT.parent / "shared"


def run(capsys, *args: str) -> tuple[int, str, str]:
    """The command line in-process: its exit code, stdout and stderr."""
    from factcheck.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shared_refdata() -> Path:
    """../shared/refdata, or a clean skip where it is absent."""
    path = SHARED / "refdata"
    if not path.is_dir():
        pytest.skip("../shared/refdata is not present")
    return path


@pytest.fixture
def tcp_server() -> Iterator[Callable[..., int]]:
    """Start TCP servers on 127.0.0.1 for hostile schedulers and services; returns the port.

    Each accepted connection runs ``behaviour(conn, stop)`` in a thread of its own (by default: accept and
    say nothing), so a server that trickles bytes to one client still accepts the next; ``stop`` is set,
    and every server and connection closed, after the test.
    """
    held: list[socket.socket] = []
    stop = threading.Event()

    def start(behaviour: Callable[[socket.socket, threading.Event], None] = lambda conn, stop: None) -> int:
        server = socket.create_server(("127.0.0.1", 0))
        held.append(server)

        def handle(conn: socket.socket) -> None:
            try:
                behaviour(conn, stop)
            except OSError:
                pass  # the client went away, or the test is over

        def serve() -> None:
            while True:
                try:
                    conn, _ = server.accept()
                except OSError:
                    return
                held.append(conn)
                threading.Thread(target=handle, args=(conn,), daemon=True).start()

        threading.Thread(target=serve, daemon=True).start()
        return server.getsockname()[1]

    yield start
    stop.set()
    for s in held:
        s.close()
