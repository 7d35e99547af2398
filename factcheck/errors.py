"""Errors a user can cause, each turned into exit code 2 with its message.

    FactcheckError
    ├── UsageError     bad arguments, configuration, or an unreadable document
    └── SourceError    (factcheck.sources.base) a reference dataset cannot be used
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

EXIT_OK = 0
EXIT_CONTRADICTED = 1
EXIT_BROKEN_PIPE = 141  # the reader of stdout went away (| head): 128 + SIGPIPE, as a shell reports it
EXIT_INTERRUPTED = 130  # Ctrl-C: 128 + SIGINT, as shells report an interrupted program
EXIT_ERROR = 2


class FactcheckError(Exception):
    """Base of every error that is the user's to fix."""


class UsageError(FactcheckError):
    """Bad arguments, configuration or input; the message names the file and the problem."""


_READING: list[str] = []  # what is being read now, innermost last
_FAILED_IN: list[str] = []  # where the error being handled arose (the innermost reading it left)


@contextmanager
def reading(what: object) -> Iterator[None]:
    """Name the file being read, so that an unexpected error can say where it happened."""
    _READING.append(str(what))
    try:
        yield
    except BaseException:
        if not _FAILED_IN:
            _FAILED_IN.append(str(what))
        raise
    finally:
        _READING.pop()


def being_read() -> str | None:
    """The file being read when the error being handled arose, if any."""
    return _FAILED_IN[0] if _FAILED_IN else (_READING[-1] if _READING else None)


def forget_failure() -> None:
    _FAILED_IN.clear()
