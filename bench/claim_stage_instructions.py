"""The claim stage's cost in executed instructions, this checkout against another commit.

    python bench/claim_stage_instructions.py [REV] [BYTES]   # REV defaults to f4970ef (before issue 16), BYTES to 100,000

CPU time on this shared machine moves by 10-30% with the load of other sessions, as much as the
differences worth knowing (BENCHMARKS.md). Instructions counted by valgrind's callgrind do not: the
same code, input and hash seed give the same count to a few parts in a million, whatever else runs.
The stage is measured as ``bench/claim_stage.py`` measures it (the claims with the built-in sources'
lexicon, then every sentence's check-worthiness score, the collector paused), on the first BYTES of
the 1 MB report text of bench/run.py: a child process reads the text and warms up, another does the
same and then runs the stage, and the stage's count is the difference. Instructions are not time
(a cache miss costs more than an add), so this complements the paired CPU times, it does not replace
them. Needs valgrind; each count takes about a minute.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "f4970ef"
CHILD = r"""
import gc, sys
from pathlib import Path
sys.path.insert(0, sys.argv[2]); sys.path.insert(0, sys.argv[1])
from factcheck.core.claims import analyse  # the version under test, imported before bench.run adds this checkout
from factcheck.core.checkworthiness import score
from factcheck.engine import load_sources
assert __import__("factcheck").__file__.startswith(sys.argv[1])
from bench.run import report_text
lexicon = load_sources([Path(sys.argv[1]) / "sources"]).lexicon
text = report_text(int(sys.argv[3]))
analyse(text[:20000], lexicon=lexicon)
gc.disable()
if sys.argv[4] == "stage":
    analysis = analyse(text, lexicon=lexicon)
    [score(f.sentence.text, quantities=f.quantities, entities=f.entities) for f in analysis.sentences]
"""


def count(code_root: Path, size: int, what: str) -> int:
    """Instructions callgrind counts for the child process (PYTHONHASHSEED fixed: set and dict order is part of the count)."""
    with tempfile.TemporaryDirectory() as tmp:
        out = subprocess.run(
            ["valgrind", "--tool=callgrind", f"--callgrind-out-file={tmp}/cg.out", sys.executable, "-c", CHILD,
             str(code_root), str(ROOT), str(size), what],
            capture_output=True, text=True, check=True, env={**os.environ, "PYTHONHASHSEED": "0"},
        )
    found = re.search(r"Collected : (\d+)", out.stderr)
    if found is None:
        raise SystemExit(f"callgrind printed no count:\n{out.stderr[-2000:]}")
    return int(found.group(1))


def stage(code_root: Path, size: int) -> int:
    count(code_root, size, "warm")  # a first run may build the sources' index: not part of either count
    return count(code_root, size, "stage") - count(code_root, size, "warm")


def main() -> None:
    if shutil.which("valgrind") is None:
        raise SystemExit("valgrind is not installed (apt-get install valgrind)")
    rev = sys.argv[1] if len(sys.argv) > 1 else BASE
    size = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(other), rev], check=True, capture_output=True)
        try:
            before, after = stage(other, size), stage(ROOT, size)
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True, capture_output=True)
    print(f"| code | claim stage, first {size:,} bytes of the 1 MB report (instructions) |\n|---|---|")
    print(f"| {rev} | {before:,} |\n| this checkout | {after:,} |\n| ratio (this / {rev}) | {after / before:.3f} |")


if __name__ == "__main__":
    main()
