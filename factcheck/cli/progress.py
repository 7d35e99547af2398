"""Progress bars on stderr: shown when it is a terminal and CI is not set, or when asked (--progress).

Machine formats go to stdout and are never touched; under CI=true nothing is
drawn unless ``--progress`` asks for it.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from typing import Any


def wanted(flag: bool | None) -> bool:
    """``--progress`` (True), ``--no-progress`` (False), or auto (None)."""
    if flag is not None:
        return flag
    return sys.stderr.isatty() and os.environ.get("CI", "").lower() not in ("true", "1")


class Bar:
    """One task: ``advance(n)``; ``total`` may be unknown. Does nothing when not wanted."""

    def __init__(self, description: str, total: float | None, show: bool) -> None:
        self.description = description
        self.total = total
        self.show = show
        self._progress: Any = None
        self._task: Any = None

    def __enter__(self) -> Callable[[float], None]:
        if not self.show:
            return _nothing
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeRemainingColumn,
        )

        rate = TextColumn("{task.fields[rate]}")
        self._progress = Progress(TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), rate,
                                  TimeRemainingColumn(), console=Console(file=sys.stderr), transient=True)
        self._progress.start()
        from rich.markup import escape

        from ..report.safe import printable

        # a source's name in the label is text: neither markup nor escape sequences
        self._task = self._progress.add_task(escape(printable(self.description)), total=self.total, rate="")

        def advance(n: float = 1) -> None:
            self._progress.advance(self._task, n)
            speed = self._progress.tasks[0].speed
            if speed:
                self._progress.update(self._task, rate=f"{speed:,.0f}/s")

        return advance

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._progress.stop()


def _nothing(n: float = 1) -> None:
    """The advance of a bar that is not shown."""
