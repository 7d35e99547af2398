"""Project configuration: ``[tool.factcheck]`` in pyproject.toml, or factcheck.toml.

factcheck.toml takes precedence over pyproject.toml in the same folder; the
nearest folder at or above the working directory that has either wins.
Validated strictly: an unknown key or a bad value names the key and the file.

What the configuration names is read only inside the project (the configuration's
folder): an ``include`` pattern, a source folder or a baseline that leads out of it,
through ``..``, an absolute path or a symbolic link, is refused (issue 21, point 4).
A path named on the command line is the user's own choice and is not confined.
"""

from __future__ import annotations

import fnmatch
import re
import tomllib
from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from pathlib import Path
from typing import Annotated, Any, Literal

from .core.findings import POLICIES, SEVERITIES, Policy, Severity
from .errors import UsageError
from .safefs import inside


def _kebab(name: str) -> str:
    return name.replace("_", "-")


@dataclass(slots=True)
class ConfigValues:
    """The settings as plain data, what a run reads: the fields and defaults of :class:`Config` (a test
    says they agree). A table of the usual shape is read into it without pydantic (:func:`_plain`);
    building the models and importing pydantic's machinery would cost a sixth of a seed run."""

    include: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    sources: list[str] | None = None
    builtin_sources: bool = True
    fail_on: Policy = "contradicted"
    min_severity: Severity = "note"
    baseline: str | None = None
    document_dates: dict[str, date] = field(default_factory=dict)
    tolerance: float = 0.05
    spread: float = 0.01
    min_match_score: float = 80.0
    min_checkworthiness: float = 0.0
    url_base: str | None = None
    document_authors: dict[str, Any] = field(default_factory=dict)  # pattern -> a name or an AuthorConfig
    review_author: Any = None  # AuthorConfig | None
    max_download_mb: float = 256
    scheduler_timeout: float = 30.0
    vintage_years: int = 5


_NAMES = {f.name: f.name for f in fields(ConfigValues)} | {_kebab(f.name): f.name for f in fields(ConfigValues)}
_STRINGS = ("baseline",)
_PATTERNS = ("include", "exclude")
_BOUNDED: dict[str, tuple[float, float, bool]] = {  # float settings: low, high, whether low itself is allowed
    "tolerance": (0, 1, True), "spread": (0, 1, True), "min_match_score": (0, 100, True), "min_checkworthiness": (0, 1, True),
    "max_download_mb": (0, 1024 * 1024, False), "scheduler_timeout": (0, 3600, False)}


def _plain(table: dict[str, Any]) -> ConfigValues | None:
    """The table read without pydantic when every key is one it knows and every value exactly the type
    :class:`Config` asks (within its bounds); None leaves the table, and its error messages, to the model.
    The keys that need the model's own checks (url-base, the authors) always go to it."""
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = _NAMES.get(key) if type(key) is str else None
        if name is None or name in values:
            return None  # unknown, or named twice ("scheduler-timeout" and "scheduler_timeout"): the model says which
        kind = type(value)
        if name in _PATTERNS or name == "sources":
            if kind is not list or not all(type(v) is str for v in value):
                return None
            if name == "include" and _bad_pattern(value) is not None:
                return None
            value = list(value)
        elif name in _STRINGS:
            if kind is not str:
                return None
        elif name == "builtin_sources":
            if kind is not bool:
                return None
        elif name == "fail_on":
            if kind is not str or value not in POLICIES:
                return None
        elif name == "min_severity":
            if kind is not str or value not in SEVERITIES:
                return None
        elif name == "document_dates":
            if kind is not dict:
                return None
            value = {k: _date(v) for k, v in value.items()}
            if not all(type(k) is str and v is not None for k, v in value.items()):
                return None
        elif name in _BOUNDED:
            low, high, closed = _BOUNDED[name]
            if kind not in (int, float) or (kind is int and abs(value) > 2**53):
                return None
            value = float(value)
            if not ((low <= value if closed else low < value) and value <= high):
                return None
        elif name == "vintage_years":
            if kind is not int or not 0 <= value <= 100:
                return None
        else:  # url_base, document_authors, review_author
            return None
        values[name] = value
    return ConfigValues(**values)


_ISO_DAY = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


def _date(value: Any) -> date | None:
    """A TOML date, or a string YYYY-MM-DD naming a real day (what pydantic makes of both); else None."""
    if type(value) is date:
        return value
    if type(value) is str and _ISO_DAY.fullmatch(value):
        try:
            return date.fromisoformat(value)
        except ValueError:
            return None
    return None


def _bad_pattern(patterns: list[str]) -> str | None:
    """Patterns are globbed under the configuration's folder: an empty or absolute one names nothing there."""
    for pattern in patterns:
        if not pattern.strip():
            return "an empty pattern matches no document; remove it"
        if pattern.startswith(("/", "\\")) or re.match(r"^[A-Za-z]:", pattern):
            return f"pattern '{pattern}' is absolute; patterns are relative to the configuration's folder"
    return None


def _validated(table: dict[str, Any]) -> ConfigValues:
    """The table as settings; raises pydantic's ValidationError (from :class:`Config`) when it is wrong."""
    plain = _plain(table)
    if plain is not None:
        return plain
    checked = _models()[1].model_validate(table)
    return ConfigValues(**{f.name: getattr(checked, f.name) for f in fields(ConfigValues)})


def __getattr__(name: str) -> Any:
    """``Config`` and ``AuthorConfig``, the pydantic models, are built when first asked for."""
    if name == "AuthorConfig":
        return _models()[0]
    if name == "Config":
        return _models()[1]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@cache
def _models() -> tuple[Any, Any]:
    """The configuration's pydantic models: its validation, error messages and descriptions."""
    from pydantic import BaseModel, ConfigDict, Field, field_validator

    class AuthorConfig(BaseModel):
        """A person or organisation, for ClaimReview: who wrote documents, or who publishes the reviews."""

        model_config = ConfigDict(extra="forbid")

        name: str = Field(min_length=1, description="as it should be shown")
        url: str | None = Field(None, pattern=r"^https?://\S+$", description="their page (http or https)")
        type: Literal["Person", "Organization"] = Field("Person", description="schema.org type")

    class Config(BaseModel):
        """Every key may be written with '-' or '_' (``fail-on`` or ``fail_on``)."""

        model_config = ConfigDict(extra="forbid", alias_generator=_kebab, populate_by_name=True)

        include: list[str] = Field(default_factory=list, description="glob patterns of the documents `factcheck check` checks without paths")
        exclude: list[str] = Field(default_factory=list, description="glob patterns never checked, even when named")
        sources: list[str] | None = Field(None, description="source folders or datapackage.json files (default: the 'sources' folder beside the configuration, when there is one)")
        builtin_sources: bool = Field(True, description="also use the sources built into factcheck (World Bank population and GDP)")
        fail_on: Policy = Field("contradicted", description="contradicted | unverifiable | any")
        min_severity: Severity = Field("note", description="the least severe finding the finding formats show")
        baseline: str | None = Field(None, description="a baseline or review file applied to every check")
        document_dates: dict[str, date] = Field(default_factory=dict, description="glob pattern -> the documents' date")
        tolerance: float = Field(0.05, ge=0, le=1, description="relative width of 'approximately'")
        spread: float = Field(0.01, ge=0, le=1, description="a record that misses a figure by less than this (relative) is close_to_record, not a contradiction: official sources differ by about this much (0: every miss contradicts)")
        min_match_score: float = Field(80.0, ge=0, le=100, description="below it a measure match cannot decide")
        min_checkworthiness: float = Field(0.0, ge=0, le=1, description="report only claims in sentences at least this check-worthy")
        url_base: str | None = Field(None, pattern=r"^https?://\S+$",
                                     description="where the documents are published, for ClaimReview's url (URL/PATH#claim-ID)")
        document_authors: dict[str, Annotated[str, Field(min_length=1)] | AuthorConfig] = Field(
            default_factory=dict, description="glob pattern -> who wrote the documents (a name, or {name, url, type}): ClaimReview's Claim author")
        review_author: AuthorConfig | None = Field(
            None, description="who publishes the reviews: ClaimReview's author (default: factcheck itself)")
        max_download_mb: float = Field(256, gt=0, le=1024 * 1024, description="sources pull (and check --live) refuse a response larger than this, unpacked")
        scheduler_timeout: float = Field(30.0, gt=0, le=3600, description="seconds to wait for a --scheduler to accept the connection and answer")
        vintage_years: int = Field(5, ge=0, le=100, description="a figure without a year that fits a record this many years older than the latest is another vintage, not contradicted")

        @field_validator("include")
        @classmethod
        def _relative_patterns(cls, patterns: list[str]) -> list[str]:
            found = _bad_pattern(patterns)
            if found is not None:
                raise ValueError(found)
            return patterns

    AuthorConfig.__module__ = Config.__module__ = __name__
    return AuthorConfig, Config


@dataclass(slots=True)
class LoadedConfig:
    config: ConfigValues
    root: Path  # the folder the configuration's relative paths start from
    file: Path | None

    def source_paths(self) -> list[Path]:
        """The configured source folders; without a 'sources' key, the 'sources' folder beside the configuration
        if there is one (a configuration that names no sources is no error: issue 18, point 3)."""
        if self.config.sources is None:
            default = self.root / "sources"
            return [default] if default.exists() else []
        return [(self.root / s) for s in self.config.sources]

    def configured_sources(self) -> list[Path]:
        """The source folders to load, each (and every Data Package found in it) confined to the project."""
        from .sources.datapackage import find_descriptors

        paths = [p for p in self.source_paths() if p.exists() or self.file is not None]
        for path in paths:
            name = path.relative_to(self.root).as_posix() if path.is_relative_to(self.root) else str(path)
            self._confine(path, f"source folder '{name}'", hint="pass it with --sources PATH to use it anyway")
            if path.exists():
                for descriptor in find_descriptors(path):
                    self._confine(descriptor, f"source folder '{name}' ({descriptor.parent.name})",
                                  hint="pass it with --sources PATH to use it anyway")
        return paths

    def baseline_path(self) -> Path | None:
        if not self.config.baseline:
            return None
        path = self.root / self.config.baseline
        self._confine(path, f"baseline '{self.config.baseline}'", hint="pass it with --baseline FILE to use it anyway")
        return path

    def included(self) -> list[Path]:
        """The documents the include patterns name, minus the excluded; relative to the working directory when possible."""
        found: set[Path] = set()
        for pattern in self.config.include:  # absolute and empty patterns are refused when the configuration is read
            for p in self.root.glob(pattern):
                if p.is_file():
                    self._confine(p, f"include pattern '{pattern}'", p)
                    found.add(p)
        return [_shorten(p) for p in sorted(found) if not self.excluded(p)]

    def _confine(self, path: Path, what: str, match: Path | None = None, hint: str | None = None) -> None:
        """Refuse a configured path that resolves (through '..', an absolute path or a link) outside the project."""
        if inside(path, self.root):
            return
        matched = f" matches '{match}', which" if match is not None else ""
        self._refuse(f"{what}{matched} leads outside the project folder {self.root} (through '..', an absolute path "
                     "or a symbolic link)", hint)

    def _refuse(self, problem: str, hint: str | None = None) -> None:
        if self.file is None:
            where = f"{self.root} (no configuration file, the defaults)"
        else:
            where = f"{self.file}{'' if self.file.name == 'factcheck.toml' else ' [tool.factcheck]'}"
        raise UsageError(f"{where}: {problem}: refused; {hint or 'name it on the command line to check it anyway'}")

    def excluded(self, document: Path) -> bool:
        rel = self._relative(document)
        return any(fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(rel, pattern.removeprefix("**/")) for pattern in self.config.exclude)

    def _relative(self, document: Path) -> str:
        try:
            return document.resolve().relative_to(self.root.resolve()).as_posix()
        except ValueError:
            return document.as_posix()

    def document_author(self, document: Path) -> Any:
        """The configured author of a document (an AuthorConfig), by the first pattern that matches it (a bare name is a Person)."""
        rel = self._relative(document)
        for pattern, who in self.config.document_authors.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(document.as_posix(), pattern):
                return _models()[0](name=who) if isinstance(who, str) else who
        return None

    def relative(self, document: Path) -> str:
        """The document's path from the configuration's folder (as given when it lies outside)."""
        return self._relative(document)

    def document_date(self, document: Path) -> date | None:
        """The configured date of a document, by the first pattern that matches it."""
        rel = self._relative(document)
        for pattern, when in self.config.document_dates.items():
            if fnmatch.fnmatch(rel, pattern) or fnmatch.fnmatch(document.as_posix(), pattern):
                return when
        return None


def _shorten(path: Path) -> Path:
    try:
        return path.relative_to(Path.cwd())
    except ValueError:
        return path


def defaults(start: Path) -> LoadedConfig:
    return LoadedConfig(config=ConfigValues(), root=start.resolve(), file=None)


def find(start: Path) -> LoadedConfig:
    """The configuration governing ``start`` (a folder), or the defaults."""
    for folder in [start.resolve(), *start.resolve().parents]:
        own = folder / "factcheck.toml"
        if own.is_file():
            return LoadedConfig(config=_parse(own, _read(own)), root=folder, file=own)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _factcheck_table(pyproject)
            if table is not None:
                return LoadedConfig(config=_parse(pyproject, table), root=folder, file=pyproject)
    return defaults(start)


_OUR_TABLE = re.compile(r"^\s*\[\s*tool\s*\.\s*factcheck\b|^\s*tool\s*\.\s*factcheck\s*[.=]|factcheck\s*=\s*\{", re.M)


def _factcheck_table(pyproject: Path) -> dict | None:
    """``[tool.factcheck]`` of a pyproject.toml, or None when it has none.

    Another project's pyproject.toml above the working directory may be broken or odd
    (``tool = "x"``): that is reported only when the file is the one that configures factcheck.
    """
    try:
        text = pyproject.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{pyproject}: cannot read configuration: {exc}") from exc
    ours = _OUR_TABLE.search(text) is not None
    try:
        data = _toml(text)
    except ValueError as exc:
        if ours:
            raise UsageError(f"{pyproject}: {exc}") from exc
        return None
    tool = data.get("tool")
    table = tool.get("factcheck") if isinstance(tool, dict) else None
    if table is None:
        return None
    if not isinstance(table, dict):
        raise UsageError(f"{pyproject}: [tool.factcheck] must be a table of settings, not {type(table).__name__}")
    return table


def _toml(text: str) -> dict:
    """TOML, every way it can fail as one ValueError with a message: tomllib recurses, so arrays nested
    100,000 deep end in RecursionError, not TOMLDecodeError (issue 18)."""
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"invalid TOML: {exc}") from None
    except RecursionError:
        raise ValueError("invalid TOML: nested too deeply") from None


def _read(path: Path) -> dict:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise UsageError(f"{path}: cannot read configuration: {exc}") from exc
    try:
        return _toml(text)
    except ValueError as exc:
        raise UsageError(f"{path}: {exc}") from exc


def _parse(path: Path, table: dict) -> ConfigValues:
    section = "" if path.name == "factcheck.toml" else " [tool.factcheck]"
    spelled: dict[str, str] = {}
    for key in table:
        canonical = key.replace("-", "_")
        if canonical in spelled:
            raise UsageError(f"{path}{section}: '{spelled[canonical]}' and '{key}' are the same setting, given twice; keep one")
        spelled[canonical] = key
    from pydantic_core import ValidationError

    try:
        return _validated(table)
    except ValidationError as exc:
        problems = []
        for e in exc.errors():
            key = ".".join(str(p) for p in e["loc"])
            problems.append(f"unknown key '{key}'" if e["type"] == "extra_forbidden" else f"'{key}': {e['msg'].removeprefix('Value error, ')}")
        section = "" if path.name == "factcheck.toml" else " [tool.factcheck]"
        raise UsageError(f"{path}{section}: " + "; ".join(problems)) from exc
