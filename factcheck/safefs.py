"""The file-system rules every edge of factcheck applies, in one place (issue 21).

- Inside a folder factcheck writes (a source folder being pulled, the cache), nothing is written or
  deleted through a symbolic link someone planted there: :func:`refuse_links` says which link.
- A device, a FIFO or ``/dev/stdout`` is written by opening it, never replaced by renaming a
  temporary file over it: :func:`written_in_place`.
- What the configuration names is read only inside the project folder: :func:`inside`.
"""

from __future__ import annotations

import hashlib
import os
import re
import stat
from pathlib import Path

from .core.lazy import lazy
from .errors import FactcheckError


class UnsafePath(FactcheckError):
    """A path factcheck refuses to write, delete or read through; the message names it and why."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type, tuple[str, str]]:
        return (type(self), (self.path, self.problem))


def first_link(root: Path, path: Path) -> Path | None:
    """The first component of ``path`` below ``root`` that is a symbolic link, or None.

    ``root`` itself may be a link (the user chose where a folder lives); what lies below it is not
    followed. Components that do not exist yet end the walk: nothing below them can be a link.
    """
    try:
        parts = path.relative_to(root).parts
    except ValueError:
        raise UnsafePath(str(path), f"is not inside '{root}'") from None
    current = root
    for part in parts:
        current = current / part
        try:
            mode = os.lstat(current).st_mode
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise UnsafePath(str(current), f"cannot be examined: {exc.strerror or exc}") from exc
        if stat.S_ISLNK(mode):
            return current
    return None


def refuse_links(root: Path, path: Path, doing: str) -> None:
    """Raise :class:`UnsafePath` when ``path`` goes through (or is) a symbolic link below ``root``."""
    link = first_link(root, path)
    if link is not None:
        try:
            to = f" to '{os.readlink(link)}'"
        except OSError:
            to = ""
        raise UnsafePath(str(link), f"is a symbolic link{to}; factcheck does not {doing} through links "
                                    "in a folder it writes: remove the link")


_PROCESS_STREAMS = lazy(r"^/dev/(stdout|stderr|stdin|fd/\d+)$|^/proc/[^/]+/fd/\d+$")


def written_in_place(path: Path) -> bool:
    """True for what must be opened and written rather than replaced: a device, a FIFO, a socket, and
    ``/dev/stdout`` (or ``/dev/fd/N``) even when it leads to a regular file: that file is the stream the
    caller holds open, and a rename would leave the caller's descriptor on the old one."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        return _special_name(path)
    except OSError:
        return False  # the atomic writer reports the problem with its own message
    if stat.S_ISDIR(st.st_mode):
        return False  # the atomic writer says 'is a directory'
    return not stat.S_ISREG(st.st_mode) or _special_name(path)


def _special_name(path: Path) -> bool:
    return _PROCESS_STREAMS.match(str(path.absolute())) is not None


def inside(path: Path, root: Path) -> bool:
    """Whether ``path``, every link followed, lies in ``root`` (also resolved)."""
    try:
        return path.resolve().is_relative_to(root.resolve())
    except (OSError, RuntimeError):  # a loop of links leads nowhere, certainly not inside
        return False


def sha256_file(path: Path) -> str:
    """The file's sha256, streamed (indexes can be gigabytes)."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
