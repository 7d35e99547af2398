"""Run a check: read documents and sources at the edge, call the pure core.

This is the library entry point the CLI wraps: :func:`check_paths` returns
report models and raises :class:`~factcheck.errors.FactcheckError` for
anything the user must fix.
"""

from __future__ import annotations

import codecs
import contextlib
import errno
import gc
import os
import stat
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .core.checkworthiness import Checkworthiness, score
from .core.claims import Analysis, analyse
from .core.lexicon import Lexicon, default_lexicon
from .core.lexicon import build as build_lexicon
from .core.document import LineIndex, blank_controls, is_markdown, strip_comments
from .core.findings import HIDDEN_IN_FIGURE, UNREADABLE_DATE, code_for
from .core.frontmatter import FrontMatterError, dated
from .core.invisible import Hidden, screen
from .core.marks import blank_marks
from .core.matching import Settings, judge
from .core.measures import MeasureIndex
from .core.membership import judge_member, judge_statement
from .core.model import Claim, Measure, Observation, Sentence, Series, Verdict
from .core.suppressions import Problem, Suppression, Target
from .core.suppressions import apply as apply_suppressions
from .core.transcript import Transcript, kind_of
from .core.transcript import mask as mask_transcript
from .core.transcript import parse as parse_transcript
from .errors import UsageError, reading
from .sources.base import Source, SourceError
from .data import builtin_sources
from .sources.datapackage import BuildProgress, NotPulled, load, select_descriptors

DOCUMENT_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".txt", ".text", ".transcript")  # a .tsv transcript is read when named


@dataclass
class Timings:
    """Seconds spent per stage, for the benchmark."""

    read: float = 0.0
    claims: float = 0.0
    matching: float = 0.0


@dataclass
class Checked:
    path: str
    claims: list[tuple[Claim, Verdict]]
    text: str = ""
    sentences: list[tuple[Sentence, Checkworthiness]] = field(default_factory=list)  # every sentence, scored
    suppressed: dict[int, Suppression] = field(default_factory=dict)  # claim index -> inline suppression
    problems: list[Problem] = field(default_factory=list)  # findings about the document's own comments


@dataclass
class Catalogue:
    """The configured sources and one index over all their measures."""

    sources: list[Source]
    index: MeasureIndex  # measures of figures
    by_source: dict[str, Source] = field(default_factory=dict)
    warnings: list[str] = field(default_factory=list)  # skipped or stale sources, for the CLI to print
    sets: MeasureIndex = field(default_factory=lambda: MeasureIndex([]))  # sets whose records list members
    places: dict[str, Observation] = field(default_factory=dict)  # gazetteer: lower-cased name -> record
    lexicon: Lexicon = field(default_factory=default_lexicon)  # the sources' entity names and measure labels

    fetched: dict[tuple[str, str, str | None], list[Observation]] = field(default_factory=dict, repr=False)

    def fetch(self, measure: Measure, entity: str | None) -> list[Observation]:
        """A measure's records for an entity, fetched once per run (or per worker): a document asks for the
        same country's series for every claim about it (issue 19: 7,776 lookups, 438 distinct, on 1 MB)."""
        key = (measure.source, measure.id, entity)
        found = self.fetched.get(key)
        if found is None:
            found = self.fetched[key] = Series(self.by_source[measure.source].observations(measure.id, entity))
        return found

    def judge(self, claim: Claim, settings: Settings) -> Verdict:
        """The verdict on a claim of any kind: figures by matching, members against sets, statements as they are."""
        if claim.kind == "member":
            return judge_member(claim, self.sets, self.fetch, self.places, settings)
        if claim.kind == "statement":
            return judge_statement(claim)
        return judge(claim, self.index, self.fetch, settings)


def load_sources(paths: list[Path], index_dir: Path | None = None, progress: BuildProgress | None = None,
                 builtin: bool = False) -> Catalogue:
    """Every Data Package under the given paths (and the built-in ones, when asked), verified and
    indexed; connector sources not yet pulled are skipped with a warning."""
    sources: list[Source] = []
    warnings: list[str] = []
    builtin_dir = builtin_sources() if builtin else None
    for descriptor, is_builtin in select_descriptors(paths, builtin_dir):
        try:
            with reading(descriptor):
                source = load(descriptor, index_dir, warnings, progress)
        except NotPulled as exc:
            fallback = _builtin_named(builtin_dir, descriptor) if not is_builtin else None
            if fallback is None:
                warnings.append(str(exc))
                continue
            # a configured source that has never been pulled does not silently take a built-in's place (issue 18, point 2)
            name = fallback.parent.name
            warnings.append(f"{exc}; it has the name of the built-in source '{name}', which is used instead until "
                            f"`factcheck sources pull {name}` writes this one's snapshot")
            with reading(fallback):
                source = load(fallback, index_dir, warnings, progress)
            is_builtin = True
        source.builtin = is_builtin  # type: ignore[attr-defined]
        sources.append(source)
    names: dict[str, Source] = {}
    for source in sources:
        if source.name in names:
            raise SourceError(source.name, "two sources have the same name; each Data Package needs its own 'name'")
        names[source.name] = source
    measures = [m for s in sources for m in s.measures()]
    places = {
        r.member.lower(): r
        for s in sources for m in s.measures() if m.kind == "places"
        for r in s.observations(m.id, None) if r.member
    }
    figures = [m for m in measures if m.kind == "figures"]
    return Catalogue(sources, MeasureIndex(figures), names, warnings,
                     MeasureIndex([m for m in measures if m.kind == "set"]), places, lexicon_of(sources, figures))


def _builtin_named(builtin_dir: Path | None, descriptor: Path) -> Path | None:
    """The built-in source a configured descriptor shares its name with, if any."""
    if builtin_dir is None:
        return None
    from .sources.datapackage import _name_of, find_descriptors

    name = _name_of(descriptor)
    return next((d for d in find_descriptors(builtin_dir) if _name_of(d) == name), None)


def lexicon_of(sources: list[Source], figures: list[Measure]) -> Lexicon:
    """The vocabulary of these sources: their entities (with aliases) and their figures' measure labels."""
    entities: list[tuple[str, str]] = []
    aliases: dict[str, list[str]] = {}
    for source in sources:
        entities.extend(getattr(source, "entities", lambda: [])())
        for code, extra in getattr(source, "entity_aliases", {}).items():
            aliases.setdefault(code, []).extend(extra)
    return build_lexicon(entities, aliases, figures)


def expand_documents(paths: list[Path]) -> list[Path]:
    """Files as given; folders searched for Markdown and text documents."""
    out: list[Path] = []
    for path in paths:
        kind = _kind(path)
        if kind == "dir":
            found = sorted(p for p in path.rglob("*") if p.suffix.lower() in DOCUMENT_SUFFIXES and _kind(p) == "file")
            if not found:
                raise UsageError(f"{path}: directory holds no documents ({', '.join(DOCUMENT_SUFFIXES)})")
            out.extend(found)
        elif kind == "file":
            out.append(path)
        else:
            raise UsageError(f"{path}: {kind}")
    return out


def _kind(path: Path) -> str:
    """'file', 'dir', or what is wrong with the path, in words."""
    try:
        st = os.stat(path)
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            return "a loop of symbolic links, not a file"
        if exc.errno == errno.ENOENT:
            return "no such file or directory" + (" (a broken symbolic link)" if os.path.islink(path) else "")
        return f"cannot read: {exc.strerror or exc}"
    if stat.S_ISDIR(st.st_mode):
        return "dir"
    if stat.S_ISREG(st.st_mode):
        return "file"
    return "not a regular file (a FIFO, socket or device); factcheck reads files"


def not_regular(path: Path) -> str | None:
    """What keeps an existing path from being read as a file (a FIFO would hang the reader, /dev/zero fill its
    memory), in the words used for documents; None for a regular file or a path that does not exist (the caller
    says that in its own words). Baselines and review scripts are refused through here too (issue 18)."""
    kind = _kind(path)
    if kind == "file" or kind.startswith("no such file"):
        return None
    return "a directory, not a file" if kind == "dir" else kind


# Byte-order marks of the encodings a document may come in besides UTF-8 (longest first: UTF-32 LE starts like UTF-16 LE).
_BOMS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def read_document(path: Path) -> str:
    """A document's text: UTF-8 with or without BOM, or UTF-16/UTF-32 with their BOM; binary files refused."""
    kind = _kind(path)
    if kind != "file":
        raise UsageError(f"{path}: {kind}")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    return decode_document(raw, str(path))


def decode_document(raw: bytes, path: str) -> str:
    """A document's bytes as text, the one way every version of a document is decoded (the file on disk, or
    one at a git revision for --diff-base); ``path`` names it in the error."""
    for bom, encoding in _BOMS:
        if raw.startswith(bom):
            try:
                return raw.decode(encoding)
            except UnicodeDecodeError as exc:
                raise UsageError(f"{path}: not valid {encoding.upper()} text (byte {exc.start}) despite its byte-order mark") from exc
    if b"\x00" in raw[:8192]:
        raise UsageError(f"{path}: binary file (NUL bytes); factcheck reads plain text and Markdown")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise UsageError(f"{path}: not UTF-8 text (invalid byte at offset {exc.start}); convert it to UTF-8") from exc


def claims_of(text: str, path: str, doc_date: date | None, lexicon: Lexicon | None = None) -> list[Claim]:
    """The claims of a document's text (Markdown by the path's suffix), without verdicts."""
    return analysis_of(text, path, doc_date, lexicon).claims


def transcript_of(text: str, path: str) -> Transcript | None:
    """The document's speakers and their roles, when its suffix says it is a transcript (.transcript, .tsv)."""
    kind = kind_of(path)
    return parse_transcript(text, kind) if kind else None


def analysis_of(text: str, path: str, doc_date: date | None, lexicon: Lexicon | None = None) -> Analysis:
    return _analysed(text, path, doc_date, lexicon)[0]


def _analysed(text: str, path: str, doc_date: date | None, lexicon: Lexicon | None = None,
              transcript: Transcript | None = None) -> tuple[Analysis, list[Hidden]]:
    """The analysis of the text as prepared for reading, and the figures refused for characters a reader does not see."""
    markdown = is_markdown(path)
    transcript = transcript or transcript_of(text, path)
    body = mask_transcript(text, transcript) if transcript else text  # only the spoken words, each turn a paragraph
    body = blank_controls(body)  # "\x1b[0m" is a terminal's instruction, not "0 million"
    body = strip_comments(body) if markdown or "<!--" in body else body
    body, hidden = screen(body, markdown)  # "1\u200b67.8 million" is refused, never read as "1" and "67.8 million"
    if markdown:
        from .core.markup import plain

        body = plain(body)
    body = blank_marks(body)  # "country.[125]", "1.5 million[3]": a note's number is no figure
    return analyse(body, markdown=markdown, doc_date=doc_date, lexicon=lexicon), hidden


def check_text(text: str, path: str, catalogue: Catalogue, settings: Settings, timings: Timings | None = None) -> Checked:
    """Claims of one document's text with their verdicts, the collector paused meanwhile (:func:`collector_paused`)."""
    with collector_paused():
        return _check_text(text, path, catalogue, settings, timings)


@contextlib.contextmanager
def collector_paused() -> Iterator[None]:
    """The cyclic garbage collector paused while a document is checked and its report part made and rendered.

    The pipeline makes hundreds of thousands of short-lived objects and no cycles worth collecting (reference
    counting frees them), while each of the collector's full scans walks every object alive: the document's
    claims, the sources' records, the places index. It cost 10% of the claim stage, and two thirds of building a
    1 MB document's report part (0.28 s where the work itself is 0.10 s) when it ran again after the check (issue 19). It is
    restored afterwards, and left to catch up; a nested pause leaves it to the outer one.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if paused:
            gc.enable()


def _check_text(text: str, path: str, catalogue: Catalogue, settings: Settings, timings: Timings | None = None) -> Checked:
    t0 = time.perf_counter()
    # Splitting large documents over both cores by paragraph was tried and dropped:
    # workers took half the time, but pickling 15,000 claims back cost as much.
    transcript = transcript_of(text, path)
    settings, unreadable = _own_date(text, path, settings)
    analysis, hidden = _analysed(text, path, settings.doc_date, catalogue.lexicon, transcript)
    scored = [(f.sentence, score(f.sentence.text, role=transcript.role_at(f.sentence.start) if transcript else None))
              for f in analysis.sentences]
    t1 = time.perf_counter()
    judged = [(c, catalogue.judge(c, settings)) for c in analysis.claims]
    checked = Checked(path, judged, text, scored)
    if "factcheck" in text and "<!--" in text:
        targets = [Target(c.sentence.start, c.sentence.end, c.span.start, code_for(v.reason)) for c, v in judged]
        checked.suppressed, checked.problems = apply_suppressions(text, targets)
    if hidden:  # never suppressed: a comment could otherwise hide the very figure it sits beside
        lines = LineIndex(text)
        checked.problems = sorted(checked.problems + [
            Problem(HIDDEN_IN_FIGURE, h.message, h.start, h.end, *lines.position(h.start), *lines.position(h.end)) for h in hidden
        ], key=lambda p: (p.start, p.code))
    if unreadable is not None:
        end = text.find("\n")
        end = len(text) if end < 0 else end
        checked.problems = [Problem(UNREADABLE_DATE, unreadable, 0, end, 1, 1, 1, end + 1), *checked.problems]
    if timings is not None:
        timings.claims += t1 - t0
        timings.matching += time.perf_counter() - t1
    return checked


def _own_date(text: str, path: str, settings: Settings) -> tuple[Settings, str | None]:
    """The settings for a Markdown document that gives its own ``date`` in its front matter, and why a front matter
    that cannot be read does not date it.

    The document's own date comes first, then ``--doc-date``, then ``document_dates`` (the order ClaimReview's
    ``datePublished`` takes): a folder checked with one ``--doc-date`` still dates each post by its own.
    """
    if not is_markdown(path) or text.removeprefix("\ufeff")[:3] not in ("---", "+++"):
        return settings, None
    try:
        own = dated(text)
    except FrontMatterError as exc:
        fallback = f"the figures are dated {settings.doc_date.isoformat()} (--doc-date or document_dates)" if settings.doc_date \
            else "the figures have no document date"
        return settings, f"front matter: {exc}; {fallback}"
    return (settings.on(own), None) if own is not None else (settings, None)


def check_paths(
    documents: list[Path],
    catalogue: Catalogue,
    base: Settings,
    dates: dict[Path, date | None],
    timings: Timings | None = None,
) -> list[Checked]:
    """Check each document with its own date (from ``dates``, else ``base``)."""
    results = []
    for doc in documents:
        with reading(doc):
            t0 = time.perf_counter()
            text = read_document(doc)
            if timings is not None:
                timings.read += time.perf_counter() - t0
            settings = base.on(dates.get(doc) or base.doc_date)
            results.append(check_text(text, doc.as_posix(), catalogue, settings, timings))
    return results
