"""Regular expressions compiled at their first use, not at import.

Compiling a pattern costs 0.1-3 ms in CPython; the reading core has some 200, and a run that never
reads a rank, a threshold or a transcript need not compile theirs (issue 19, point 5: a seed run paid
about 30 ms compiling patterns it never used). After the first call the compiled pattern's own
methods sit on the object, so later calls cost what a compiled pattern's do.
"""

from __future__ import annotations

import re
from typing import Any, cast

_METHODS = ("search", "match", "fullmatch", "finditer", "findall", "sub", "subn", "split")


class _Lazy:
    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self._flags = flags
        self._compiled: re.Pattern[str] | None = None

    def _compile(self) -> re.Pattern[str]:
        compiled = self._compiled
        if compiled is None:
            compiled = self._compiled = re.compile(self.pattern, self._flags)
            for name in _METHODS:  # instance attributes shadow the methods below from now on
                setattr(self, name, getattr(compiled, name))
        return compiled

    def search(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().search(*args, **kwargs)

    def match(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().match(*args, **kwargs)

    def fullmatch(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().fullmatch(*args, **kwargs)

    def finditer(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().finditer(*args, **kwargs)

    def findall(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().findall(*args, **kwargs)

    def sub(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().sub(*args, **kwargs)

    def subn(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().subn(*args, **kwargs)

    def split(self, *args: Any, **kwargs: Any) -> Any:
        return self._compile().split(*args, **kwargs)

    def __getattr__(self, name: str) -> Any:  # flags, groups, groupindex
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._compile(), name)


def lazy(pattern: str, flags: int = 0) -> re.Pattern[str]:
    """``re.compile(pattern, flags)``, done when the pattern is first used (its methods, ``pattern``,
    ``flags``, ``groups``; not as an argument to ``re`` functions)."""
    return cast("re.Pattern[str]", _Lazy(pattern, flags))
