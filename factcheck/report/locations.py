"""Document paths as CI tools want them: relative to the repository (or working) root, with '/'."""

from __future__ import annotations

import subprocess
from functools import lru_cache
from pathlib import Path


@lru_cache(maxsize=8)
def source_root(cwd: str) -> Path:
    """The git work tree holding ``cwd``, else ``cwd`` itself (what %SRCROOT% stands for)."""
    try:
        out = subprocess.run(["git", "rev-parse", "--show-toplevel"], check=False, cwd=cwd, capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return Path(cwd).resolve()
    return Path(out.stdout.strip()).resolve() if out.returncode == 0 and out.stdout.strip() else Path(cwd).resolve()


def relative(path: str, root: Path) -> str | None:
    """``path`` relative to ``root`` in POSIX form, or None when it lies outside."""
    try:
        return Path(path).resolve().relative_to(root).as_posix()
    except ValueError:
        return None
