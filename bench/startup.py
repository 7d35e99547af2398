"""Start-up: the seed run against importing factcheck's heaviest dependencies (issue 19, point 5).

    python bench/startup.py [--pairs N] [--code CHECKOUT ...]

Runs, in turn, ``python -c "import rich, pydantic, requests, rapidfuzz"`` and the seed run
(``factcheck check seeds/fighting-covid19-white-paper-excerpt.txt``, output piped to /dev/null) as
whole processes, N times each (default 15), alternating, and reports the median CPU time
(user + system of the child, which the machine's load disturbs less than wall time) of each, their
ratio, and the median of the ratios pair by pair. With ``--code`` each checkout's seed run joins the
rotation (its own ``factcheck`` on ``PYTHONPATH``), for a before/after from one run.

Bytecode: an installed factcheck has its modules compiled (pip writes the .pyc files); a checkout run
with ``PYTHONDONTWRITEBYTECODE=1`` and no ``__pycache__`` compiles every module from source on every
run (about 0.2 s more here). Run ``python -m compileall -q factcheck`` in each checkout first to
measure the installed case; the bench does not, so what it measures is what the environment gives.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEED = "seeds/fighting-covid19-white-paper-excerpt.txt"
IMPORTS = [sys.executable, "-c", "import rich, pydantic, requests, rapidfuzz"]


def cpu_of(argv: list[str], cwd: Path, env: dict[str, str] | None = None) -> float:
    """CPU seconds (user + system) of one child process run to its end."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(argv, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=int, default=15)
    parser.add_argument("--code", type=Path, action="append", default=[], help="another checkout to time too")
    opts = parser.parse_args()
    checkouts = [ROOT, *opts.code]
    seed_runs = [[sys.executable, "-c", "import sys; from factcheck.cli import main; sys.exit(main())", "check", SEED]
                 for _ in checkouts]
    times: dict[str, list[float]] = {"imports": [], **{str(c): [] for c in checkouts}}
    for _ in range(opts.pairs):
        times["imports"].append(cpu_of(IMPORTS, ROOT))
        for checkout, argv in zip(checkouts, seed_runs):
            env = dict(os.environ, PYTHONPATH=str(checkout))
            times[str(checkout)].append(cpu_of(argv, checkout, env))
    base = statistics.median(times["imports"])
    print(f"{opts.pairs} alternating runs each, CPU seconds of the child (user + system), medians\n")
    print("| run | CPU s | ratio of medians | median of pair ratios |")
    print("|---|---|---|---|")
    print(f"| `import rich, pydantic, requests, rapidfuzz` | {base:.3f} | 1.00 | 1.00 |")
    for checkout in checkouts:
        mine = times[str(checkout)]
        pairs = statistics.median(a / b for a, b in zip(mine, times["imports"]))
        print(f"| seed run, {checkout} | {statistics.median(mine):.3f} | {statistics.median(mine) / base:.2f} | {pairs:.2f} |")


if __name__ == "__main__":
    main()
