"""Write a file so that readers see the old content or the new, never half.

The new content goes to a temporary file beside the target (``.NAME.<random>.factcheck-tmp``)
and replaces it in one rename. Through a symbolic link the link's target is written, not the
link replaced (``follow_links=False``, for the folders factcheck owns, replaces the link itself). A
device, a FIFO or ``/dev/stdout`` cannot be replaced without destroying it, so it is opened and
written instead (``/dev/full`` then fails with "no space left"). An existing file keeps its
permission bits; a new one gets what the umask allows (as any editor would create it). SIGTERM
removes the temporary file before the process ends; one left by a SIGKILL is removed by the next
write to the same folder once it is an hour old.
"""

from __future__ import annotations

import errno
import os
import signal
import tempfile
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator

from ..errors import UsageError
from ..safefs import written_in_place

SUFFIX = ".factcheck-tmp"
STALE_SECONDS = 3600
_pending: set[str] = set()


def write_atomic(path: Path, text: str) -> None:
    write_atomic_bytes(path, text.encode("utf-8"))


def write_atomic_bytes(path: Path, data: bytes | Iterable[bytes], follow_links: bool = True) -> None:
    """:func:`write_atomic` for bytes (snapshots, cached responses), or a list of chunks written in turn.

    ``follow_links=False`` is for files in folders factcheck owns (a source folder, the cache): a link
    planted there is replaced by the new file, never written through.
    """
    chunks = [data] if isinstance(data, (bytes, bytearray)) else data
    if follow_links and written_in_place(path):
        _write_in_place(path, chunks)
        return
    target = _target(path) if follow_links else path
    folder = target.parent if str(target.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"{path}: folder '{folder}' does not exist")
    if target.is_dir():
        raise UsageError(f"{path}: is a directory; give a file name to write to")
    remove_stale(folder)
    mode = _mode_for(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=SUFFIX, dir=folder)
    except OSError as exc:
        raise UsageError(f"{path}: cannot write in '{folder}': {exc.strerror or exc}") from exc
    with temporary(tmp):
        try:
            with os.fdopen(fd, "wb") as fh:
                for chunk in chunks:
                    fh.write(chunk)
                fh.flush()
                os.fchmod(fh.fileno(), mode)
                os.fsync(fh.fileno())
            os.replace(tmp, target)
        except BaseException as exc:
            _unlink(tmp)
            if isinstance(exc, OSError):
                raise _write_error(path, exc) from exc
            raise


def _write_in_place(path: Path, chunks: Iterable[bytes]) -> None:
    """A device, FIFO or terminal: opened and written (following links, as ``/dev/stdout`` needs)."""
    try:
        with open(path, "wb") as fh:
            for chunk in chunks:
                fh.write(chunk)
            fh.flush()
    except OSError as exc:
        raise _write_error(path, exc) from exc


def _write_error(path: Path, exc: OSError) -> UsageError:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return UsageError(f"no space left on the device writing {path}")
    return UsageError(f"{path}: cannot write: {exc.strerror or exc}")


def _target(path: Path) -> Path:
    """The file a write lands in: a symbolic link's target (links followed), else the path itself."""
    try:
        return Path(os.path.realpath(path)) if path.is_symlink() else path
    except OSError as exc:
        raise UsageError(f"{path}: cannot follow the link: {exc.strerror or exc}") from exc


def _mode_for(target: Path) -> int:
    """The existing file's permission bits, else 0666 less the umask."""
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
    except OSError as exc:
        raise UsageError(f"{target}: cannot read its permissions: {exc.strerror or exc}") from exc


def remove_stale(folder: Path) -> None:
    """Temporary files of our own naming an interrupted run (SIGKILL) left behind."""
    now = time.time()
    try:
        candidates = [p for p in folder.iterdir() if p.name.startswith(".") and p.name.endswith(SUFFIX)]
    except OSError:
        return
    for p in candidates:
        try:
            if now - p.stat().st_mtime > STALE_SECONDS and str(p) not in _pending:
                p.unlink()
        except OSError:
            pass


def forget_pending() -> None:
    """In a forked child: the temporary files are the parent's to remove, not this process's."""
    _pending.clear()


@contextmanager
def temporary(tmp: str) -> Iterator[None]:
    """While ``tmp`` exists, SIGTERM removes it and then ends the process as SIGTERM would."""
    _pending.add(tmp)
    previous = None
    try:
        previous = signal.signal(signal.SIGTERM, _on_sigterm)
    except ValueError:
        previous = None  # not the main thread: no handler can be installed there
    try:
        yield
    finally:
        _pending.discard(tmp)
        if previous is not None:
            signal.signal(signal.SIGTERM, previous)


def _on_sigterm(signum: int, frame: object) -> None:
    for tmp in list(_pending):
        _unlink(tmp)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def _unlink(tmp: str) -> None:
    try:
        os.unlink(tmp)
    except FileNotFoundError:
        pass


class Pending:
    """A file written as a run goes, replacing the target only at :meth:`commit` (``check`` streams each
    document's part of every output into one of these; an error or Ctrl-C leaves the old file untouched).

    The same rules as :func:`write_atomic_bytes`: a temporary file beside the target, a link's target
    written, the permission bits kept, SIGTERM removing the temporary file; a device, a FIFO or
    ``/dev/stdout`` opened and written as the run goes (it cannot be replaced).
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        self._done = False
        self._tmp: str | None = None
        if written_in_place(path):
            try:
                self._fh = open(path, "wb")  # noqa: SIM115 - closed by commit or discard
            except OSError as exc:
                raise _write_error(path, exc) from exc
            return
        self._target = _target(path)
        folder = self._target.parent if str(self._target.parent) else Path(".")
        if not folder.is_dir():
            raise UsageError(f"{path}: folder '{folder}' does not exist")
        if self._target.is_dir():
            raise UsageError(f"{path}: is a directory; give a file name to write to")
        remove_stale(folder)
        self._mode = _mode_for(self._target)
        try:
            fd, self._tmp = tempfile.mkstemp(prefix=f".{self._target.name}.", suffix=SUFFIX, dir=folder)
        except OSError as exc:
            raise UsageError(f"{path}: cannot write in '{folder}': {exc.strerror or exc}") from exc
        self._guard = temporary(self._tmp)
        self._guard.__enter__()
        self._fh = os.fdopen(fd, "wb")

    def write(self, data: bytes) -> None:
        try:
            self._fh.write(data)
        except OSError as exc:
            raise _write_error(self.path, exc) from exc

    def commit(self) -> None:
        """Flush, sync and rename over the target (a device: flush and close)."""
        try:
            self._fh.flush()
            if self._tmp is not None:
                os.fchmod(self._fh.fileno(), self._mode)
                os.fsync(self._fh.fileno())
            self._fh.close()
            if self._tmp is not None:
                os.replace(self._tmp, self._target)
        except OSError as exc:
            self.discard()
            raise _write_error(self.path, exc) from exc
        self._release()

    def discard(self) -> None:
        """Remove the temporary file; the target keeps its old content."""
        try:
            self._fh.close()
        except OSError:
            pass
        if self._tmp is not None:
            _unlink(self._tmp)
        self._release()

    def _release(self) -> None:
        if not self._done:
            self._done = True
            if self._tmp is not None:
                self._guard.__exit__(None, None, None)
