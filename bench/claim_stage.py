"""The claim stage's throughput, this checkout against another commit, interleaved.

    python bench/claim_stage.py [REV] [--runs N]     # REV defaults to the commit before issue 9's reading work

Runs ``analyse`` (segmenting, figures, subjects, measures, periods) over the 1 MB report text of
bench/run.py in a child process per code version, alternating, and prints sentences/s: the
median of N runs each (5 unless told), in CPU time (the machine is shared), and the median of the
ratios of each alternating pair, with their range: on this shared machine a run moves by 10%, and the
pairs' ratio is what the load moves least. Measured as ``check`` runs the stage
(engine.check_text): the claims, then every sentence's check-worthiness score with what the claim
stage found (the score looks for names itself where the claim stage did not), with the garbage
collector paused; both versions are measured so. The other version is checked out with ``git worktree`` in a temporary folder.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BASE = "84b6eec"
CHILD = r"""
import sys, time
sys.path.insert(0, sys.argv[2]); sys.path.insert(0, sys.argv[1])
from factcheck.core.claims import analyse  # the version under test, imported before bench.run adds this checkout
from factcheck.core.checkworthiness import score
from factcheck.core.document import sentences
assert __import__("factcheck").__file__.startswith(sys.argv[1])
from bench.run import report_text
text = report_text(1_000_000)
kwargs = {}
if sys.argv[3] == "lexicon":
    from factcheck.engine import load_sources
    kwargs["lexicon"] = load_sources([__import__("pathlib").Path(sys.argv[1]) / "sources"]).lexicon
analyse(text[:20000], **kwargs)
n = len(sentences(text))
__import__("gc").disable()  # as check runs the stage (engine.check_text): the collector paused while a document is read
t = time.process_time()
analysis = analyse(text, **kwargs)
[score(f.sentence.text, quantities=f.quantities, entities=f.entities) for f in analysis.sentences]  # as check_text runs it
print(n / (time.process_time() - t))
"""


def run(code_root: Path, mode: str) -> float:
    out = subprocess.run([sys.executable, "-c", CHILD, str(code_root), str(ROOT), mode], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("rev", nargs="?", default=BASE)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    rev = args.rev
    with tempfile.TemporaryDirectory() as tmp:
        other = Path(tmp) / "other"
        subprocess.run(["git", "-C", str(ROOT), "worktree", "add", "--detach", str(other), rev], check=True, capture_output=True)
        try:
            runs: dict[str, list[float]] = {"before": [], "after": [], "before, sources' lexicon": [], "after, sources' lexicon": []}
            for _ in range(args.runs):
                runs["before"].append(run(other, "plain"))
                runs["after"].append(run(ROOT, "plain"))
                runs["before, sources' lexicon"].append(run(other, "lexicon"))  # as check runs it, with the built-in sources
                runs["after, sources' lexicon"].append(run(ROOT, "lexicon"))
        finally:
            subprocess.run(["git", "-C", str(ROOT), "worktree", "remove", "--force", str(other)], check=True, capture_output=True)
    print(f"| code | claim stage, 1 MB report (sentences/s, median of {args.runs}) |\n|---|---|")
    for name, values in runs.items():
        print(f"| {name} ({rev if name.startswith('before') else 'this checkout'}) | {statistics.median(values):,.0f} |")
    for mode in ("", ", sources' lexicon"):
        ratios = [a / b for a, b in zip(runs["after" + mode], runs["before" + mode])]
        print(f"after / before{mode}: median of {len(ratios)} pairs {statistics.median(ratios):.3f} "
              f"(range {min(ratios):.3f}-{max(ratios):.3f})")


if __name__ == "__main__":
    main()
