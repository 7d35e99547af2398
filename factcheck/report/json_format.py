"""The ``json`` format: the report's plain data, serialised by pydantic-core (dates as ISO 8601)."""

from __future__ import annotations

from pydantic_core import to_json


def render(report: dict) -> str:
    return to_json(report, indent=2).decode("utf-8") + "\n"
