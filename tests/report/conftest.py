from __future__ import annotations

import os
from pathlib import Path

import pytest

from tests.conftest import CURATED, SEED

GOLDEN = Path(__file__).resolve().parent.parent / "golden"


def edited_seed() -> str:
    """The seed with one misquoted figure and one of each inline suppression form."""
    text = SEED.read_text(encoding="utf-8")
    text = text.replace("96,700 ventilators", "120,000 ventilators")
    text = text.replace(
        "They have so far organized",
        "<!-- factcheck: ignore[FC201] counted by the health commission, not published --> They have so far organized",
    )
    text = text.replace("It has instructed its medical teams", "<!-- factcheck: ignore[FC101] wrong code --> It has instructed its medical teams")
    return text + "\n<!-- factcheck: ignore -->\n"


@pytest.fixture
def edited(tmp_path, monkeypatch) -> list[str]:
    """Arguments checking ``doc.txt`` (the edited seed) in a temporary working folder; every finding listed
    (--all-findings), so each format shows every kind of finding the seed has."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1591488000")  # 2020-06-07
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / "doc.txt").write_text(edited_seed(), encoding="utf-8")
    return ["check", "doc.txt", "--no-config", "--sources", str(CURATED), "--doc-date", "2020-06-07", "--all-findings",
            "--url-base", "https://example.org/reports"]


def golden(name: str, text: str) -> str:
    """The golden file's text; FACTCHECK_UPDATE_GOLDEN=1 rewrites it from ``text`` first."""
    path = GOLDEN / name
    if os.environ.get("FACTCHECK_UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    return path.read_text(encoding="utf-8")
