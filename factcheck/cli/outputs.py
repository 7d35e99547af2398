"""``--output FORMAT[:FILE]``: parse the specs; where they are written is :mod:`factcheck.cli.sinks`.

Files are replaced atomically, all together once every document is done; at most one output goes to
stdout (two would interleave).
"""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from ..errors import UsageError

if TYPE_CHECKING:  # the formats load only when asked for
    from ..core.frontmatter import Author
    from ..report.claimreview import Published

FORMATS = ("table", "json", "jsonl", "concise", "sarif", "github", "markdown", "claimreview")
# A file named without a format gets the format its suffix names; another suffix must say which.
_BY_SUFFIX = {".md": "markdown", ".markdown": "markdown", ".json": "json", ".jsonl": "jsonl", ".ndjson": "jsonl",
              ".sarif": "sarif", ".txt": "table", ".jsonld": "claimreview"}


@dataclass(frozen=True, slots=True)
class Output:
    format: str
    file: Path | None  # None: stdout


def parse(specs: list[str], shorthand: str | None) -> list[Output]:
    """The outputs asked for. ``--format F --output FILE`` (a bare file) keeps its old meaning: F into FILE;
    a bare file without ``--format`` takes the format its suffix names (``report.md`` is markdown)."""
    outputs: list[Output] = []
    for spec in specs:
        name, sep, file = spec.partition(":")
        if name in FORMATS:
            if sep and not file:
                raise UsageError(f"--output {spec}: no file after ':' (write {name} to stdout with --output {name})")
            outputs.append(Output(name, Path(file) if file else None))
        elif sep and name.isalpha():
            raise UsageError(f"--output {spec}: unknown format '{name}' (choose from {', '.join(FORMATS)})")
        else:
            outputs.append(Output(shorthand or _by_suffix(spec), Path(spec)))
    if not outputs:
        outputs.append(Output(shorthand or "table", None))
    elif shorthand and all(o.file is not None for o in outputs) and not any(o.format == shorthand for o in outputs):
        outputs.append(Output(shorthand, None))
    if sum(o.file is None for o in outputs) > 1:
        raise UsageError("only one output can go to stdout: give the others a file (--output FORMAT:FILE)")
    refuse_clashes(outputs, [])
    for o in outputs:
        if o.file is not None and not (o.file.parent if str(o.file.parent) else Path(".")).is_dir():
            raise UsageError(f"--output {o.format}:{o.file}: folder '{o.file.parent}' does not exist")
        if o.file is not None and o.file.is_dir():
            raise UsageError(f"--output {o.format}:{o.file}: is a directory; give a file name")
    return outputs


def _by_suffix(spec: str) -> str:
    suffix = "".join(Path(spec).suffixes[-2:]).lower()
    found = _BY_SUFFIX.get(suffix) or _BY_SUFFIX.get(Path(spec).suffix.lower())
    if suffix.endswith(".sarif.json"):
        found = "sarif"
    if found is None:
        raise UsageError(f"--output {spec}: which format? Write --output FORMAT:{spec} (formats: {', '.join(FORMATS)}), "
                         f"or use a suffix that names one ({', '.join(sorted(_BY_SUFFIX))})")
    return found


def refuse_clashes(outputs: list[Output], inputs: list[Path]) -> None:
    """Two outputs into one file lose one; an output onto a document being checked replaces it."""
    seen: dict[str, Output] = {}
    checked = {_identity(p): p for p in inputs if p.is_file()}
    for o in outputs:
        if o.file is None:
            continue
        key = _identity(o.file)
        if key in seen and not _is_char_device(o.file):  # /dev/null twice loses nothing
            raise UsageError(f"--output {o.format}:{o.file} and --output {seen[key].format}:{seen[key].file} write the same file; "
                             "give each output its own file")
        seen[key] = o
        if key in checked:
            raise UsageError(f"--output {o.format}:{o.file}: is the document being checked ({checked[key]}); "
                             "refusing to replace it with a report")


def _is_char_device(path: Path) -> bool:
    try:
        return stat.S_ISCHR(os.stat(path).st_mode)
    except OSError:
        return False


def _identity(path: Path) -> str:
    """One name per file, whatever path or link leads to it."""
    try:
        return os.path.realpath(path)
    except OSError:
        return str(path.absolute())


@dataclass(frozen=True, slots=True)
class Publication:
    """What the ``claimreview`` format needs beyond the report: where and by whom each document is published."""

    url_base: str | None = None
    documents: Mapping[str, Published] = field(default_factory=dict)  # by the document's path in the report
    reviewer: Author | None = None  # who publishes the reviews; None: factcheck itself


def _root() -> Path:
    """What repository-relative paths are relative to; asked of git only by the formats that need it."""
    from ..report.locations import source_root

    return source_root(str(Path.cwd()))


STEP_SUMMARY_LIMIT = 1024 * 1024  # GitHub refuses a step summary above 1 MiB (and shows an error instead)


def summary_within_limit(text: str, limit: int = STEP_SUMMARY_LIMIT, total: int | None = None) -> str:
    """The Markdown report, cut at a line below GitHub's limit with a note saying so. ``total``: the report's
    size in bytes when ``text`` is only its beginning (read back from a streamed run's temporary file)."""
    data = text.encode("utf-8")
    size = len(data) if total is None else total
    if size <= limit:
        return text
    note = ("\n\n> **factcheck:** the report was cut here to stay under GitHub's 1 MiB step-summary limit "
            f"({size:,} bytes in all); write the whole of it with `--output markdown:FILE` and keep it as an artifact.\n")
    room = limit - len(note.encode("utf-8")) - 1024
    cut = data[:room].decode("utf-8", errors="ignore")
    return cut[:cut.rfind("\n") + 1] + note


def append_step_summary(text: str) -> None:
    """GitHub shows 10 errors and 10 warnings a step: the whole table goes to the step summary
    (``text``: the Markdown report, already cut to the limit)."""
    target = os.environ.get("GITHUB_STEP_SUMMARY")
    if not target:
        return
    try:
        # O_NONBLOCK: a FIFO with no reader fails at once (ENXIO) instead of waiting for one; anything but
        # a regular file is refused before a byte is written (a FIFO, a socket, a device).
        fd = os.open(target, os.O_WRONLY | os.O_APPEND | os.O_CREAT | os.O_NONBLOCK, 0o666)
    except OSError as exc:
        if exc.errno == errno.ENXIO:
            raise UsageError(f"GITHUB_STEP_SUMMARY={target}: not a regular file (a FIFO with no reader); "
                             "the summary is appended only to a regular file") from exc
        raise UsageError(f"GITHUB_STEP_SUMMARY={target}: cannot append the summary: {exc.strerror or exc}") from exc
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise UsageError(f"GITHUB_STEP_SUMMARY={target}: not a regular file (a FIFO, socket or device); "
                             "the summary is appended only to a regular file")
        os.set_blocking(fd, True)
        with os.fdopen(fd, "a", encoding="utf-8", closefd=True) as fh:
            fd = -1
            fh.write(text)
    except OSError as exc:
        raise UsageError(f"GITHUB_STEP_SUMMARY={target}: cannot append the summary: {exc.strerror or exc}") from exc
    finally:
        if fd >= 0:
            os.close(fd)
