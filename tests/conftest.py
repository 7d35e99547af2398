from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "fighting-covid19-white-paper-excerpt.txt"
CURATED = ROOT / "examples" / "sources" / "china-covid19-official-figures-2020"
SHARED = ROOT.parent / "shared"


def run(capsys, *args: str) -> tuple[int, str, str]:
    """The command line in-process: its exit code, stdout and stderr."""
    from factcheck.cli import main

    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def shared_refdata() -> Path:
    """../shared/refdata, or a clean skip where it is absent."""
    path = SHARED / "refdata"
    if not path.is_dir():
        pytest.skip("../shared/refdata is not present")
    return path
