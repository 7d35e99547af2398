"""Errors a user can cause, each turned into exit code 2 with its message.

    FactcheckError
    ├── UsageError     bad arguments, configuration, or an unreadable document
    └── SourceError    (factcheck.sources.base) a reference dataset cannot be used
"""

from __future__ import annotations

EXIT_OK = 0
EXIT_CONTRADICTED = 1
EXIT_ERROR = 2


class FactcheckError(Exception):
    """Base of every error that is the user's to fix."""


class UsageError(FactcheckError):
    """Bad arguments, configuration or input; the message names the file and the problem."""
