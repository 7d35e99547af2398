"""The one interface between the pure core and reference data.

A source describes the measures it can answer and returns observations for a
measure and an entity. Local Data Packages implement it; so does
:class:`MemorySource`, which makes any test free of files and network.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from typing import Protocol

from ..core.model import Measure, Observation
from ..errors import FactcheckError


class SourceError(FactcheckError):
    """A reference dataset cannot be used; the message names the file and the problem."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem

    def __reduce__(self) -> tuple[type, tuple[str, str]]:  # raised in a worker process, re-raised here
        return (type(self), (self.path, self.problem))


class Source(Protocol):
    name: str

    def measures(self) -> list[Measure]: ...

    def observations(self, measure_id: str, entity: str | None) -> list[Observation]:
        """Records of a measure for an entity (all entities when ``entity`` is None)."""
        ...


class MemorySource:
    """Observations held in memory, indexed by measure and entity."""

    def __init__(self, name: str, measures: Iterable[Measure], observations: Iterable[Observation],
                 entity_aliases: dict[str, list[str]] | None = None) -> None:
        self.name = name
        self.entity_aliases = entity_aliases or {}  # entity id -> other names prose gives it
        self._measures = list(measures)
        self._by_key: dict[tuple[str, str | None], list[Observation]] = defaultdict(list)
        self._by_measure: dict[str, list[Observation]] = defaultdict(list)
        for obs in observations:
            self._by_key[(obs.measure, obs.entity)].append(obs)
            self._by_measure[obs.measure].append(obs)

    def measures(self) -> list[Measure]:
        return self._measures

    def entities(self) -> list[tuple[str, str]]:
        """(id, name) of every entity with records, for the lexicon."""
        seen: dict[str, str] = {}
        figures = {m.id for m in self._measures if m.kind == "figures"}  # members and places are not subjects of figures
        for (measure, entity), rows in self._by_key.items():
            if entity and entity not in seen and measure in figures:
                seen[entity] = rows[0].entity_name or entity
        return list(seen.items())

    def observations(self, measure_id: str, entity: str | None) -> list[Observation]:
        if entity is None:
            return list(self._by_measure.get(measure_id, ()))
        return list(self._by_key.get((measure_id, entity), ())) + list(self._by_key.get((measure_id, None), ()))

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_measure.values())
