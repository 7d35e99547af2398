"""``check``'s outputs written as documents are decided (issue 19, point 3).

Each output has a writer that takes a document's rendered part (:class:`factcheck.parts.Rendered`)
in the documents' order and writes it at once; at the end it writes what needs the whole run (the
summary, SARIF's base ids, Markdown's title and footnotes). Files are written to temporary files
and renamed over their targets only when every document is done, all together: an error or Ctrl-C
leaves every old file as it was. SARIF's results and Markdown's body wait in an anonymous temporary
file until their head can be written, so the output is byte for byte what rendering the whole
report gives. stdout is written as the run goes.
"""

from __future__ import annotations

import io
import os
import sys
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from ..parts import Rendered
from ..report.atomic import Pending
from ..report.build import Totals
from .outputs import Output


@dataclass
class End:
    """What the run adds up, for the writers' last words."""

    summary: dict[str, Any]
    meta: dict[str, Any]  # schema_version and tool
    revision: dict[str, Any] | None = None
    baseline: dict[str, Any] | None = None
    shown: int = 0
    reasons: set[str] = field(default_factory=set)

    def rest(self) -> dict[str, Any]:
        """The report's keys after its documents, in the order a whole report has them."""
        return {"summary": self.summary, **({"baseline": self.baseline} if self.baseline else {}),
                **({"revision": self.revision} if self.revision else {})}


class Target:
    """Bytes out: a file replaced at commit, stdout, or a temporary file (the step summary's Markdown)."""

    def __init__(self, file: Path | None, spool: bool = False) -> None:
        self.pending = Pending(file) if file is not None else None
        self.spool = tempfile.TemporaryFile() if spool else None
        if self.pending is None and self.spool is None:
            sys.stdout.flush()

    def write(self, data: bytes | Iterable[bytes]) -> None:
        for chunk in ([data] if isinstance(data, bytes) else data):
            if self.pending is not None:
                self.pending.write(chunk)
            elif self.spool is not None:
                self.spool.write(chunk)
            else:
                sys.stdout.buffer.write(chunk)

    def close(self) -> None:
        if self.pending is None and self.spool is None:
            sys.stdout.buffer.flush()


def _copy(spool: IO[bytes], target: Target) -> None:
    spool.seek(0)
    while chunk := spool.read(1 << 20):
        target.write(chunk)
    spool.close()


class Writer:
    def __init__(self, target: Target) -> None:
        self.target = target
        self.count = 0  # documents with a non-empty part

    def start(self, meta: dict[str, Any]) -> None:
        pass

    def add(self, part: bytes | Iterable[bytes], extra: Any) -> None:
        self.target.write(part)

    def end(self, end: End) -> None:
        pass


class JsonWriter(Writer):
    def start(self, meta: dict[str, Any]) -> None:
        from ..report.json_format import head

        self.target.write(head(meta))

    def add(self, part: bytes | Iterable[bytes], extra: Any) -> None:
        self.target.write(b",\n" if self.count else b"\n")
        self.target.write(part)
        self.count += 1

    def end(self, end: End) -> None:
        from ..report.json_format import tail

        self.target.write(tail(end.rest(), bool(self.count)))


class ConciseWriter(Writer):
    def end(self, end: End) -> None:
        from ..report.concise import footer

        self.target.write(footer(end.shown, end.summary).encode("utf-8"))


class GithubWriter(Writer):
    def end(self, end: End) -> None:
        from ..report.github import footer

        self.target.write(footer(end.summary).encode("utf-8"))


class ClaimReviewWriter(Writer):
    def add(self, part: bytes | Iterable[bytes], extra: Any) -> None:
        if part:
            self.target.write(b",\n" if self.count else b"[\n")
            self.target.write(part)
            self.count += 1

    def end(self, end: End) -> None:
        self.target.write(b"\n]\n" if self.count else b"[]\n")


class SarifWriter(Writer):
    """Results wait in a temporary file: the log names the base ids they need before them."""

    def __init__(self, target: Target, root: Path) -> None:
        from ..report.sarif import base_ids

        super().__init__(target)
        self.spool = tempfile.TemporaryFile()
        self.bases = base_ids(root)

    def add(self, part: bytes | Iterable[bytes], extra: Any) -> None:
        if part:
            self.spool.write(b",\n" if self.count else b"")
            self.spool.write(part if isinstance(part, bytes) else b"".join(part))
            self.count += 1
        if extra:
            self.bases.setdefault(*extra)

    def end(self, end: End) -> None:
        from ..report.sarif import envelope

        head, tail = envelope(self.bases, bool(self.count))
        self.target.write(head)
        _copy(self.spool, self.target)
        self.target.write(tail)


class MarkdownWriter(Writer):
    """The body waits in a temporary file (the title line counts the whole run); footnotes are numbered here."""

    def __init__(self, target: Target) -> None:
        super().__init__(target)
        self.spool = tempfile.TemporaryFile()
        self.notes: dict[tuple[str, int], int] = {}
        self.note_lines: list[str] = []
        self.calc_lines: list[str] = []

    def add(self, part: bytes | Iterable[bytes], extra: Any) -> None:
        from ..report.markdown import number

        text = (part if isinstance(part, bytes) else b"".join(part)).decode("utf-8")
        evidence, calcs = extra
        self.spool.write(number(text, evidence, self.notes, self.note_lines, calcs, self.calc_lines).encode("utf-8"))

    def end(self, end: End) -> None:
        from ..report.markdown import head, tail

        self.target.write(head(end.summary, end.revision).encode("utf-8"))
        _copy(self.spool, self.target)
        self.target.write(tail(end.reasons, self.note_lines, end.meta["tool"], end.meta["schema_version"], self.calc_lines).encode("utf-8"))


class TableWriter(Writer):
    """One line a claim as documents come, or, while the run has at most MAX_TABLE_ROWS claims and the
    output is a terminal or a file, the documents held for rich's table at the end."""

    def __init__(self, target: Target, stdout: bool, verbose: bool, color: bool) -> None:
        from ..report.table import layout

        super().__init__(target)
        self.stdout, self.verbose, self.color = stdout, verbose, color
        self.why = layout(0, sys.stdout, None, None) if stdout else None  # "piped": lines from the start
        self.held: list[tuple[bytes | Iterable[bytes], dict[str, Any]]] = []
        self.claims = 0

    def add(self, part: bytes | Iterable[bytes], extra: Any) -> None:
        from ..report.table import MAX_TABLE_ROWS

        if self.why is None:
            # a document too large for the table comes without its dict: the run is one line a claim
            self.claims += (len(extra["claims"]) + sum((extra.get("unlisted") or {}).values())) if extra is not None else MAX_TABLE_ROWS + 1
            if self.claims <= MAX_TABLE_ROWS:
                self.held.append((part, extra))
                return
            self.why = "many"
            for held, _ in self.held:
                self.target.write(held)
            self.held = []
        self.target.write(part)

    def end(self, end: End) -> None:
        from ..report import table

        if self.why is not None:
            self.target.write(table.summary_line(end.summary, end.revision, table.line_note(self.why), self.color).encode("utf-8"))
            return
        report = {"documents": [doc for _, doc in self.held], "summary": end.summary, "revision": end.revision}
        if self.stdout:
            self.target.close()
            table.render(report, sys.stdout, verbose=self.verbose)
            sys.stdout.flush()
            return
        buffer = io.StringIO()
        table.render(report, buffer, color=False, width=160, verbose=self.verbose)
        self.target.write(buffer.getvalue().encode("utf-8"))


def writer_for(o: Output, target: Target, verbose: bool, color: bool, root: Path) -> Writer:
    if o.format == "json":
        return JsonWriter(target)
    if o.format == "concise":
        return ConciseWriter(target)
    if o.format == "github":
        return GithubWriter(target)
    if o.format == "claimreview":
        return ClaimReviewWriter(target)
    if o.format == "sarif":
        return SarifWriter(target, root)
    if o.format == "markdown":
        return MarkdownWriter(target)
    if o.format == "table":
        return TableWriter(target, o.file is None, verbose, color and o.file is None)
    return Writer(target)  # jsonl


class Run:
    """Every output of a run: parts in, counts kept, files committed together at the end."""

    def __init__(self, writers: list[Writer], targets: list[Target], meta: dict[str, Any], step_summary: MarkdownWriter | None) -> None:
        self.writers, self.targets, self.meta, self.step_summary = writers, targets, meta, step_summary
        self.totals = Totals()
        self.failing = 0
        self.hidden: dict[str, int] = {}
        self.shown = 0
        self.reasons: set[str] = set()
        self.baseline_used: set[int] = set()
        self.baseline_paths: set[str] = set()
        self.baseline_suppressed = 0
        self.unchanged = 0
        self.entries: list[Any] = []
        for w in writers:
            w.start(meta)

    def add(self, r: Rendered) -> None:
        for w, part, extra in zip(self.writers, r.parts, r.extras):
            w.add(part, extra)
        self.totals.merge(r.totals)
        self.failing += r.failing
        for code, n in r.hidden.items():
            self.hidden[code] = self.hidden.get(code, 0) + n
        self.shown += r.shown
        self.reasons |= r.reasons
        if r.baseline_key is not None:
            self.baseline_paths.add(r.baseline_key)
            self.baseline_used.update(r.baseline_used)
            self.baseline_suppressed += r.baseline_suppressed
        self.unchanged += r.unchanged
        self.entries += r.entries

    def end(self, end: End) -> None:
        """The writers' last words, then every file renamed over its target, then the step summary."""
        end.shown, end.reasons = self.shown, self.reasons
        for w in self.writers:
            w.end(end)
        for t in self.targets:
            t.close()
        for t in reversed(self.targets):
            if t.pending is not None:
                t.pending.commit()
        if self.step_summary is not None:
            _append_step_summary(self.step_summary, end)

    def discard(self) -> None:
        for t in self.targets:
            if t.pending is not None:
                t.pending.discard()


def open_run(outputs: list[Output], meta: dict[str, Any], verbose: bool, color: bool, root: Path) -> tuple[Run, tuple[str, ...]]:
    """The writers of ``outputs`` (files opened as temporary files), and the formats the workers render for them."""
    targets: list[Target] = []
    writers: list[Writer] = []
    formats: list[str] = []
    try:
        for o in outputs:
            target = Target(o.file)
            targets.append(target)
            writers.append(writer_for(o, target, verbose, color, root))
            formats.append(_format_of(o, writers[-1]))
        summary = None
        if any(o.format == "github" for o in outputs) and os.environ.get("GITHUB_STEP_SUMMARY"):
            summary = MarkdownWriter(Target(None, spool=True))
            writers.append(summary)
            formats.append("markdown")
    except BaseException:
        for t in targets:
            if t.pending is not None:
                t.pending.discard()
        raise
    return Run(writers, targets, meta, summary), tuple(formats)


def _format_of(o: Output, writer: Writer) -> str:
    """What the workers render for an output: the table's parts say whether they need the document for rich."""
    if isinstance(writer, TableWriter):
        return "table-lines" if writer.why else ("table-stdout" if writer.stdout else "table")
    return o.format


def _append_step_summary(writer: MarkdownWriter, end: End) -> None:
    """The whole Markdown report to the step summary, cut below GitHub's limit (read back only as far as it)."""
    from .outputs import STEP_SUMMARY_LIMIT, append_step_summary, summary_within_limit

    spool = writer.target.spool
    assert spool is not None
    size = spool.tell()
    spool.seek(0)
    data = spool.read(STEP_SUMMARY_LIMIT + 1)
    spool.close()
    append_step_summary(summary_within_limit(data.decode("utf-8", errors="ignore"), total=size))
