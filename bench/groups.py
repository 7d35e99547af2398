"""The membership lists of regions and blocs (factcheck/data/groups.json): print them for review, check them against a
country-codes table.

    python bench/groups.py [YEAR]                  # every group's members in YEAR (default: the latest the lists hold)
    python bench/groups.py --check [CSV]           # compare the M49 areas and the members that are not states with the
                                                   # datasets/country-codes package (default ../shared/refdata/country-codes)

The lists are written by hand from the publishers' pages (no library carries them under a licence the project can use:
babel exposes no territory containment, country_converter is GPL-3). The check is the one tests/core/test_groups.py
runs; it prints every difference instead of failing on the first. Taiwan is a known one: the package places it in
Eastern Asia (as CLDR does), the UN's M49 list does not list it.
"""

from __future__ import annotations

import csv
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from factcheck.core import groups  # noqa: E402

DEFAULT_CSV = Path(__file__).resolve().parents[2] / "shared" / "refdata" / "country-codes" / "data" / "country-codes.csv"


def show(year: int) -> None:
    for gid in groups.group_ids():
        found = groups.members(gid, year)
        g = groups.group(gid)
        listed = "no certain list for this year" if found is None else f"{len(found):3} members: {' '.join(sorted(found))}"
        print(f"{gid:9} {g['name']:32} {listed}")


def check(path: Path) -> int:
    with path.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    theirs: dict[str, set[str]] = {}
    for r in rows:
        for column in ("Region Code", "Sub-region Code", "Intermediate Region Code"):
            if r[column]:
                theirs.setdefault(f"m49:{int(float(r[column])):03d}", set()).add(r["ISO3166-1-Alpha-3"])
    differences = 0
    for gid in groups.group_ids():
        if gid not in theirs:
            continue
        g = groups.group(gid)
        mine = set(groups.members(gid, date.today().year - 1) or ()) - set(g.get("also", {}))
        for part in g.get("parts", []):
            mine -= set(groups.group(part).get("also", {}))
        if mine != theirs[gid]:
            differences += 1
            print(f"{gid} {g['name']}: only here {sorted(mine - theirs[gid])}, only in the package {sorted(theirs[gid] - mine)}")
    not_states = {r["ISO3166-1-Alpha-3"] for r in rows if r["is_independent"] != "Yes"}
    if groups.not_states() - {"XKX", "CHI"} != not_states - {"ATA"}:
        differences += 1
        here, there = sorted(groups.not_states() - not_states), sorted(not_states - groups.not_states())
        print(f"not states: only here {here}, only in the package {there}")
    print(f"{differences} difference(s)")
    return differences


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--check":
        check(Path(argv[1]) if len(argv) > 1 else DEFAULT_CSV)
        return 0
    show(int(argv[0]) if argv else date.today().year - 1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
