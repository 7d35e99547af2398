"""Issue 11: the built wheel, installed away from the checkout, carries its data and checks the same."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "fighting-covid19-white-paper-excerpt.txt"


@pytest.fixture(scope="module")
def installed(tmp_path_factory) -> Path:
    """The wheel built from this checkout and unpacked into a folder of its own (its dependencies are this venv's)."""
    if shutil.which("git") is None:
        pytest.skip("git is needed to build from a clean copy")
    work = tmp_path_factory.mktemp("wheel")
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(work / "dist"), str(ROOT)],
                           capture_output=True, text=True, timeout=600)
    if build.returncode != 0:
        pytest.skip(f"cannot build the wheel here (no index to fetch setuptools from?): {build.stderr[-300:]}")
    (wheel,) = (work / "dist").glob("factcheck_figures-*.whl")
    assert wheel.stat().st_size < 10 * 1024 * 1024
    subprocess.run([sys.executable, "-m", "pip", "install", "--quiet", "--no-deps", "--target", str(work / "site"), str(wheel)],
                   check=True, timeout=600)
    return work / "site"


def factcheck(site: Path, cwd: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(site), "FACTCHECK_CACHE_DIR": str(cwd / ".cache")}
    return subprocess.run([sys.executable, "-m", "factcheck", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def test_the_installed_wheel_checks_the_seed_as_the_checkout_does(installed, tmp_path):
    """The curated figures belong to the example's configuration, not the wheel: named with --sources, they give the same verdicts."""
    (tmp_path / "seed.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    curated = str(ROOT / "examples" / "sources")
    out = factcheck(installed, tmp_path, "check", "seed.txt", "--doc-date", "2020-06-07", "--format", "json", "--sources", curated)
    assert out.returncode == 0, out.stderr
    away = [(c["text"], c["verdict"], c["reason"]) for c in json.loads(out.stdout)["documents"][0]["claims"]]
    here = subprocess.run([sys.executable, "-m", "factcheck", "check", str(SEED.relative_to(ROOT)), "--format", "json"],
                          cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert away == [(c["text"], c["verdict"], c["reason"]) for c in json.loads(here.stdout)["documents"][0]["claims"]]
    (tmp_path / "edited.txt").write_text(SEED.read_text(encoding="utf-8").replace("96,700 ventilators", "120,000 ventilators"),
                                         encoding="utf-8")
    assert factcheck(installed, tmp_path, "check", "edited.txt", "--doc-date", "2020-06-07", "--format", "concise",
                     "--sources", curated).returncode == 1
    alone = factcheck(installed, tmp_path, "check", "seed.txt", "--doc-date", "2020-06-07", "--format", "json")
    assert "china-covid19" not in alone.stdout  # not a built-in: a user's document is never judged against it


def test_the_installed_wheel_knows_every_countrys_population_and_gdp(installed, tmp_path):
    (tmp_path / "countries.md").write_text(
        "In 2014, France had a population of 66.3 million. Brazil had 150 million inhabitants in 2015.\n", encoding="utf-8")
    out = factcheck(installed, tmp_path, "check", "countries.md", "--format", "json")
    claims = json.loads(out.stdout)["documents"][0]["claims"]
    assert [(c["subject"]["id"], c["verdict"], c["evidence"][0]["source"]) for c in claims] == [
        ("FRA", "supported", "wb-population"), ("BRA", "contradicted", "wb-population")]
    assert out.returncode == 1
    listed = factcheck(installed, tmp_path, "sources", "list")
    assert listed.returncode == 0 and "wb-gdp" in listed.stdout and "built-in" in listed.stdout
    schema = factcheck(installed, tmp_path, "schema")
    assert json.loads(schema.stdout)["$id"].startswith("urn:factcheck-figures:")
