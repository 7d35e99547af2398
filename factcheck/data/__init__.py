"""Where the data that ships with factcheck lies: the built-in sources and the JSON Schema.

In the repository they are the top-level ``sources/`` and ``schema/`` folders; the wheel
carries them as ``factcheck/data/sources`` and ``factcheck/data/schema`` (see pyproject.toml),
so an installed factcheck finds them beside this file, a checkout two levels up.
"""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def _first(*candidates: Path) -> Path | None:
    return next((c for c in candidates if c.exists()), None)


def builtin_sources() -> Path | None:
    """The folder of built-in Data Packages (World Bank population and GDP, the curated figures)."""
    return _first(_HERE / "sources", _HERE.parent.parent / "sources")


def schema_file() -> Path | None:
    """The JSON Schema of the ``json`` format."""
    return _first(_HERE / "schema" / "report.schema.json", _HERE.parent.parent / "schema" / "report.schema.json")
