"""Where factcheck keeps what it can rebuild: HTTP responses and SQLite indexes of large sources."""

from __future__ import annotations

import os
from pathlib import Path

CACHE_ENV = "FACTCHECK_CACHE_DIR"


def cache_dir(override: Path | None = None) -> Path:
    """--cache-dir, else $FACTCHECK_CACHE_DIR, else the platform's user cache directory."""
    if override is not None:
        return override
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("factcheck", appauthor=False))
