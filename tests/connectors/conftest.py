from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import vcr

CASSETTES = Path(__file__).resolve().parent.parent / "cassettes"


def recorder(module: str) -> vcr.VCR:
    """vcrpy in record mode 'none' (never the network), or 'once' with FACTCHECK_RECORD=1 to re-record."""
    return vcr.VCR(
        cassette_library_dir=str(CASSETTES / module),
        record_mode="once" if os.environ.get("FACTCHECK_RECORD") else "none",
        decode_compressed_response=True,
        filter_headers=["authorization", "cookie", "set-cookie"],
        filter_query_parameters=["api_key", "key", "token"],
    )


def connector_folder(root: Path, name: str, connector: str, params: dict, **block) -> Path:
    """A source folder that names its connector and has no snapshot yet."""
    folder = root / name
    folder.mkdir(parents=True)
    descriptor = {"name": name, "resources": [], "factcheck": {"connector": connector, "params": params, **block}}
    (folder / "datapackage.json").write_text(json.dumps(descriptor, indent=2), encoding="utf-8")
    return folder


@pytest.fixture
def no_cache(tmp_path, monkeypatch):
    """An empty HTTP and index cache of the test's own."""
    monkeypatch.setenv("FACTCHECK_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"
