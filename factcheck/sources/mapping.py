"""The ``factcheck`` block of a Data Package resource: which column holds what.

A mapping is plain data (:class:`Mapping`). A block of the usual shape (known keys, each value of
its exact type) is read by :func:`validate` directly; anything else goes through the pydantic model
(:func:`model`), which gives the same result where both accept and the error messages where the
block is wrong. Building that model and importing pydantic's machinery costs about a sixth of a
whole seed run, which every run with sources would otherwise pay (issue 19, point 5).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from functools import cache
from typing import Any, Literal

SERIES = ("level", "cumulative", "event")
KINDS = ("figures", "set", "places")


@dataclass(slots=True)
class Mapping:
    """The ``factcheck`` block of a resource, validated (the fields and defaults of :func:`model`)."""

    kind: Literal["figures", "set", "places"] = "figures"
    entity: str | None = None
    entity_name: str | None = None
    entity_constant: str | None = None
    entity_aliases: dict[str, list[str]] = field(default_factory=dict)
    period: str | None = None
    period_start: str | None = None
    value: str | None = None
    member: str | None = None
    member_type: str | None = None
    part_of: str | None = None
    complete_column: str | None = None
    measure: str | None = None
    measure_column: str | None = None
    measure_aliases: list[str] | dict[str, list[str]] = field(default_factory=list)
    unit: str | None = None
    unit_column: str | None = None
    currency: str | None = None
    scale: float = 1.0
    series: str = "level"
    series_column: str | None = None
    url_column: str | None = None
    publisher_column: str | None = None
    origin_column: str | None = None
    note_column: str | None = None
    kind_column: str | None = None

    def columns(self) -> list[tuple[str, str]]:
        keys = ["entity", "entity_name", "period", "period_start", "value", "measure_column", "unit_column",
                "series_column", "url_column", "publisher_column", "origin_column", "note_column", "kind_column",
                "member", "member_type", "part_of", "complete_column"]
        return [(k, getattr(self, k)) for k in keys if getattr(self, k)]


FIELDS = tuple(f.name for f in fields(Mapping))
_SPECIAL = frozenset({"kind", "entity_aliases", "measure_aliases", "scale", "series"})  # all others: str or None


def problem(m: Any) -> str | None:
    """What makes a mapping unusable (the model's after-validator says it as a ValueError), or None."""
    if m.kind != "figures":
        if m.member is None:
            return f"a '{m.kind}' resource needs 'member' (the column naming each member or place)"
        if m.kind == "set" and (m.measure is None) == (m.measure_column is None):
            return "give exactly one of 'measure' and 'measure_column'"
        if m.kind == "set" and m.entity is None and m.entity_name is None and m.entity_constant is None:
            return "give 'entity', 'entity_name' or 'entity_constant' (whose set it is)"
        return None
    if m.value is None:
        return "'value' (the column of the values) is required"
    if (m.measure is None) == (m.measure_column is None):
        return "give exactly one of 'measure' and 'measure_column'"
    if m.series not in SERIES:
        return f"'series' must be one of {', '.join(SERIES)}"
    if m.period is None:
        return "'period' (the column of dates or years) is required"
    if m.entity is None and m.entity_name is None and m.entity_constant is None:
        return "give 'entity', 'entity_name' or 'entity_constant'"
    return None


def validate(block: Any) -> Mapping:
    """The block as a Mapping; raises pydantic's ValidationError (from :func:`model`) when it is wrong."""
    plain = _plain(block)
    if plain is not None:
        return plain
    checked = model().model_validate(block)  # raises with the messages users see
    return Mapping(**{name: getattr(checked, name) for name in FIELDS})


def _plain(block: Any) -> Mapping | None:
    """The block read without pydantic when every value has exactly the type the model asks and the
    mapping is usable; None to leave the block (and its error messages) to the model."""
    if type(block) is not dict:
        return None
    values: dict[str, Any] = {}
    for key, value in block.items():
        if key not in FIELDS:
            return None
        if key not in _SPECIAL:
            if value is not None and type(value) is not str:
                return None
        elif key == "kind":
            if type(value) is not str or value not in KINDS:
                return None
        elif key == "series":
            if type(value) is not str:
                return None
        elif key == "scale":
            if type(value) not in (int, float) or (type(value) is int and abs(value) > 2**53):
                return None
            value = float(value)
        elif key == "entity_aliases":
            if not _names_by_key(value):
                return None
            value = {k: list(v) for k, v in value.items()}
        elif key == "measure_aliases":
            if type(value) is list and all(type(v) is str for v in value):
                value = list(value)
            elif _names_by_key(value):
                value = {k: list(v) for k, v in value.items()}
            else:
                return None
        values[key] = value
    mapping = Mapping(**values)
    return mapping if problem(mapping) is None else None


def _names_by_key(value: Any) -> bool:
    """A dict of str to lists of str, exactly."""
    return type(value) is dict and all(
        type(k) is str and type(v) is list and all(type(n) is str for n in v) for k, v in value.items())


@cache
def model() -> Any:
    """The pydantic model of a mapping: its validation, error messages and field descriptions."""
    from pydantic import BaseModel, ConfigDict, Field, model_validator

    class MappingModel(BaseModel):
        """The ``factcheck`` block of a resource: which column holds what."""

        model_config = ConfigDict(extra="forbid")

        kind: Literal["figures", "set", "places"] = Field(
            "figures", description="figures (values); set (each row names a member of a set); places (a gazetteer)")
        entity: str | None = Field(None, description="column of entity codes (ISO 3166 alpha-3) or names")
        entity_name: str | None = Field(None, description="column of entity names")
        entity_constant: str | None = Field(None, description="one entity for every row")
        entity_aliases: dict[str, list[str]] = Field(
            default_factory=dict, description="entity (code or name as in the data) -> other names prose gives it")
        period: str | None = Field(None, description="column of the period end or as-of date (YYYY, YYYY-MM or YYYY-MM-DD)")
        period_start: str | None = Field(None, description="column of the period start, empty for as-of figures")
        value: str | None = Field(None, description="column of the values (figures)")
        member: str | None = Field(None, description="set and places: column naming the member or place")
        member_type: str | None = Field(None, description="set and places: column of the member's type (city, province)")
        part_of: str | None = Field(None, description="set and places: column of the larger place the member lies in")
        complete_column: str | None = Field(None, description="set: truthy where the row's publication gives the whole set")
        measure: str | None = Field(None, description="the one measure of every row")
        measure_column: str | None = None
        measure_aliases: list[str] | dict[str, list[str]] = Field(default_factory=list)
        unit: str | None = None
        unit_column: str | None = None
        currency: str | None = None
        scale: float = 1.0
        series: str = Field("level", description="level | cumulative (running totals) | event (flows that add up)")
        series_column: str | None = None
        url_column: str | None = None
        publisher_column: str | None = None
        origin_column: str | None = Field(None, description="truthy where the row is the original publication of a figure")
        note_column: str | None = None
        kind_column: str | None = Field(None, description="what kind of source each row cites: primary, secondary news, repost")

        @model_validator(mode="after")
        def _one_measure(self) -> MappingModel:
            found = problem(self)
            if found is not None:
                raise ValueError(found)
            return self

    return MappingModel
