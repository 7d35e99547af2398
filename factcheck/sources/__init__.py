"""Reference data at the edge: every source answers through :class:`Source`."""

from .base import MemorySource, Source, SourceError

__all__ = ["MemorySource", "Source", "SourceError"]
