"""Derived claims on the Wikipedia bench by operation (issue 17): how many each operation decided, and what it named instead.

    python bench/eval/wikipedia/operations.py             # every article, 2 processes: 2-4 minutes
    python bench/eval/wikipedia/operations.py --claims    # also print each derived claim decided (file, offset, figure)

A claim counts under the operation of its computation; "uncertain" is `uncertain_reading` with the computation shown,
never contradicted. The reasons named instead of a verdict (FC214, and `comparison` for comparisons left as read) are
counted for the claims the comparison and extremum readings made (core.comparative), since those exist only for them.
Same run as run.py: built-in sources, document date 2019-07-20; nothing of the articles is printed but references.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path.insert(0, str(ROOT))

from bench.eval.wikipedia.run import DATA, article_paths, check  # noqa: E402
from factcheck.core.comparative import SUPERLATIVE_TEXT, series_window  # noqa: E402

NAMED = ("real_growth_not_judged", "not_current_prices", "change_period_unclear", "total_missing", "group_not_judged",
         "rank_incomplete", "other_subject_unclear", "series_incomplete", "comparison", "period_mismatch")


def reading(claim: dict) -> str | None:
    """The comparison or extremum reading a claim came from, by its figure (core.comparative), or None."""
    q = claim.get("quantity") or {}
    text = (q.get("text") or claim.get("text") or "")
    if q.get("unit") is None and SUPERLATIVE_TEXT.match(text):
        return "extremum of a series" if series_window(text) else "extremum"
    if q.get("unit") == "\u00d7" and claim["reason"] in ("comparison", "other_subject_unclear") or \
            (claim.get("computation") or {}).get("operation") == "comparison":
        return "comparison"
    return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--articles", type=Path, default=DATA / "articles")
    parser.add_argument("--claims", action="store_true", help="print each derived claim decided, by reference")
    args = parser.parse_args()
    decided: Counter[tuple[str, str]] = Counter()
    named: Counter[tuple[str, str]] = Counter()
    shown: list[str] = []
    for part in check(article_paths(args.articles)):
        for c in part["claims"]:
            computation = c.get("computation")
            if computation is not None and (c["verdict"] != "not_enough_info" or c["reason"] == "uncertain_reading"):
                op = computation["operation"]
                if op == "extremum" and series_window((c.get("quantity") or {}).get("text") or "") is not None:
                    op = "extremum of a series"
                kind = "uncertain" if c["verdict"] == "not_enough_info" else c["verdict"]
                decided[(op, kind)] += 1
                shown.append(f"{Path(part['path']).name}\t{c['location']['start']}\t{c['text']}\t{op}\t{c['verdict']}\t{c['reason']}")
            elif c["reason"] in NAMED and (how := reading(c)) is not None:
                named[(how, c["reason"])] += 1
    print("| operation | supported | contradicted | uncertain |")
    print("|---|---|---|---|")
    for op in sorted({op for op, _ in decided}):
        print(f"| {op} | {decided[(op, 'supported')]} | {decided[(op, 'contradicted')]} | {decided[(op, 'uncertain')]} |")
    print("\nnamed instead (comparison and extremum readings):")
    for (how, reason), n in sorted(named.items()):
        print(f"  {how}: {reason} {n}")
    if args.claims:
        print("\n" + "\n".join(sorted(shown)))


if __name__ == "__main__":
    main()
