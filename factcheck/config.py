"""Project configuration: ``[tool.factcheck]`` in pyproject.toml, or factcheck.toml.

factcheck.toml takes precedence over pyproject.toml in the same folder; the
nearest folder at or above the working directory that has either wins.
Validated strictly: an unknown key or a bad value names the key and the file.
"""

from __future__ import annotations

import fnmatch
import tomllib
from datetime import date
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .errors import UsageError


class Config(BaseModel):
    model_config = ConfigDict(extra="forbid")

    sources: list[str] = Field(default_factory=lambda: ["sources"], description="source folders or datapackage.json files")
    document_dates: dict[str, date] = Field(default_factory=dict, description="glob pattern -> the documents' date")
    tolerance: float = Field(0.05, ge=0, le=1, description="relative width of 'approximately'")
    min_match_score: float = Field(80.0, ge=0, le=100, description="below it a measure match cannot decide")


class LoadedConfig(BaseModel):
    config: Config
    root: Path  # the folder the configuration's relative paths start from
    file: Path | None

    def source_paths(self) -> list[Path]:
        return [(self.root / s) for s in self.config.sources]

    def document_date(self, document: Path) -> date | None:
        """The configured date of a document, by the first pattern that matches it."""
        try:
            rel = document.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            rel = document.as_posix()
        for pattern, when in self.config.document_dates.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(document.as_posix(), pattern):
                return when
        return None


def find(start: Path) -> LoadedConfig:
    """The configuration governing ``start`` (a folder), or the defaults."""
    for folder in [start.resolve(), *start.resolve().parents]:
        own = folder / "factcheck.toml"
        if own.is_file():
            return LoadedConfig(config=_parse(own, _read(own)), root=folder, file=own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read(pyproject).get("tool", {}).get("factcheck")
            if table is not None:
                return LoadedConfig(config=_parse(pyproject, table), root=folder, file=pyproject)
    return LoadedConfig(config=Config.model_validate({}), root=start.resolve(), file=None)


def _read(path: Path) -> dict:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise UsageError(f"{path}: invalid TOML: {exc}") from exc


def _parse(path: Path, table: dict) -> Config:
    try:
        return Config.model_validate(table)
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            key = ".".join(str(p) for p in e["loc"])
            problems.append(f"unknown key '{key}'" if e["type"] == "extra_forbidden" else f"'{key}': {e['msg']}")
        section = "" if path.name == "factcheck.toml" else " [tool.factcheck]"
        raise UsageError(f"{path}{section}: " + "; ".join(problems)) from exc
