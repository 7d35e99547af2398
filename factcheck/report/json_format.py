"""The ``json`` format: the report's plain data, serialised by pydantic-core (dates as ISO 8601).

Compact and streamed (issue 19). The envelope (schema version, tool, each document's keys, the
summary) is indented; each element of a document's lists (a claim, a sentence, a problem) is one
line of compact JSON. Indenting every field of every claim was 40% of the bytes of a report, and a
line per claim is what ``grep`` and a diff read best. The report is written a document at a time
(:func:`head`, :func:`document`, :func:`tail`), so a run never holds it whole: the CLI writes each
document's part as it is decided, and :func:`render_chunks` is the same three steps over a report
held in memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic_core import to_json

from .rows import SentenceRows

_PAD = b"  "
_BATCH = 256  # elements of a list rendered into one chunk


def render(report: dict) -> str:
    return b"".join(render_chunks(report)).decode("utf-8")


def render_chunks(report: dict) -> Iterator[bytes]:
    """The report as UTF-8 chunks, in order."""
    keys = list(report)
    cut = keys.index("documents")
    yield head({k: report[k] for k in keys[:cut]})
    for n, doc in enumerate(report["documents"]):
        yield b",\n" if n else b"\n"
        yield from document(doc)
    yield tail({k: report[k] for k in keys[cut + 1:]}, bool(report["documents"]))


def head(meta: dict[str, Any]) -> bytes:
    """Everything before the first document: ``{``, the keys before ``documents``, and ``"documents": [``."""
    return b"{\n" + b"".join(_PAD + to_json(k) + b": " + _pretty(v, 1) + b",\n" for k, v in meta.items()) + _PAD + b'"documents": ['


def document(doc: dict[str, Any]) -> Iterator[bytes]:
    """One document, indented as an element of ``documents``, as chunks: each element of its lists on one line."""
    pad, inner = _PAD * 2, _PAD * 3
    yield pad + b"{\n"
    for n, (key, value) in enumerate(doc.items()):
        yield (b",\n" if n else b"") + inner + to_json(key) + b": "
        if isinstance(value, list | SentenceRows) and value:
            item_pad = inner + _PAD
            yield b"[\n"
            for i in range(0, len(value), _BATCH):  # a chunk of lines at a time: one write for many, a bounded size
                yield (b",\n" if i else b"") + b",\n".join(item_pad + to_json(item) for item in value[i:i + _BATCH])
            yield b"\n" + inner + b"]"
        else:
            yield to_json(list(value) if isinstance(value, SentenceRows) else value)
    yield b"\n" + pad + b"}"


def tail(rest: dict[str, Any], any_documents: bool) -> bytes:
    """What follows the documents (summary, baseline, revision) and the closing brace."""
    out = (b"\n" + _PAD + b"]") if any_documents else b"]"
    return out + b"".join(b",\n" + _PAD + to_json(k) + b": " + _pretty(v, 1) for k, v in rest.items()) + b"\n}\n"


def _pretty(value: Any, depth: int) -> bytes:
    text = to_json(value, indent=2)
    return text.replace(b"\n", b"\n" + _PAD * depth) if b"\n" in text else text
