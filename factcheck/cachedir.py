"""Where factcheck keeps what it can rebuild: HTTP responses and SQLite indexes of large sources.

The cache is a convenience, never a requirement (issue 21, point 8): a read-only or full cache, a
cache path that is a file, or HOME pointing at a missing folder makes the run keep its indexes in
memory instead (saying so once), not fail.
"""

from __future__ import annotations

import errno
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


def make(folder: Path) -> None:
    """Create a cache folder (and its parents), but never a missing home folder on the way: HOME pointing
    nowhere is a broken environment to work around, not a folder to create. Raises OSError."""
    home = os.environ.get("HOME")
    if home and not os.path.isdir(home) and folder.absolute().is_relative_to(Path(home).absolute()):
        raise FileNotFoundError(errno.ENOENT, f"HOME ({home}) does not exist", home)
    folder.mkdir(parents=True, exist_ok=True)


def unavailable(folder: Path, exc: BaseException) -> str:
    """The one warning a run gives when it cannot use its cache (the same text for every source, so it is said once)."""
    reason = getattr(exc, "strerror", None) or getattr(exc, "problem", None) or str(exc) or type(exc).__name__
    return (f"cannot use the cache folder {folder} ({reason}); this run keeps the sources' indexes in memory instead "
            "(slower for large sources: --cache-dir or FACTCHECK_CACHE_DIR names a writable folder)")
