"""The ``json`` format: the report's plain data, serialised by pydantic-core (dates as ISO 8601).

Written as a stream: the report of a 20 MB document is hundreds of MB of JSON, and serialising it
whole held it twice in memory (pydantic-core's buffer and the bytes object). Lists and objects are
written one element at a time, each element serialised alone and indented to its depth, so the
output is byte for byte what ``to_json(report, indent=2)`` gives, at a fraction of the memory.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from pydantic_core import to_json

_STREAMED = 64  # lists longer than this (claims, sentences, documents) are written element by element


def render(report: dict) -> str:
    return b"".join(render_chunks(report)).decode("utf-8")


def render_chunks(report: dict) -> Iterator[bytes]:
    """The report as UTF-8 chunks, in order."""
    yield from _chunks(report, 0)
    yield b"\n"


def _chunks(value: Any, depth: int) -> Iterator[bytes]:
    if isinstance(value, dict) and value and _large(value):
        pad = b"  " * (depth + 1)
        yield b"{\n"
        last = len(value) - 1
        for i, (key, item) in enumerate(value.items()):
            yield pad + to_json(key) + b": "
            yield from _chunks(item, depth + 1)
            yield b",\n" if i < last else b"\n"
        yield b"  " * depth + b"}"
    elif isinstance(value, list) and value and _large(value):
        pad = b"  " * (depth + 1)
        yield b"[\n"
        last = len(value) - 1
        for i, item in enumerate(value):
            yield pad
            yield from _chunks(item, depth + 1)
            yield b",\n" if i < last else b"\n"
        yield b"  " * depth + b"]"
    else:
        text = to_json(value, indent=2)
        yield text.replace(b"\n", b"\n" + b"  " * depth) if depth and b"\n" in text else text


def _large(value: Any) -> bool:
    """Worth streaming: a long list, or a container holding one (the report, a document)."""
    if isinstance(value, list):
        return len(value) > _STREAMED or any(isinstance(v, (dict, list)) and _large(v) for v in value[:_STREAMED])
    return any(isinstance(v, (dict, list)) and _large(v) for v in value.values())
