"""The membership lists of regions and blocs (factcheck/data/groups.json): print them for review, check them against a
country-codes table.

    python bench/groups.py [YEAR]                  # every group's members in YEAR (default: the latest the lists hold)
    python bench/groups.py --check [CSV]           # compare the M49 areas and the members that are not states with the
                                                   # datasets/country-codes package (default ../shared/refdata/country-codes)
    python bench/groups.py --speed [N]             # N group shares and ranks against N plain levels (default 1,000)

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


def package_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as f:
        return list(csv.DictReader(f))


def package_areas(rows: list[dict[str, str]]) -> dict[str, set[str]]:
    """The country-codes package's M49 areas (region, sub-region, intermediate region) as group ids and their members."""
    theirs: dict[str, set[str]] = {}
    for r in rows:
        for column in ("Region Code", "Sub-region Code", "Intermediate Region Code"):
            if r[column]:
                theirs.setdefault(f"m49:{int(float(r[column])):03d}", set()).add(r["ISO3166-1-Alpha-3"])
    return theirs


def m49_as_written(gid: str, year: int) -> set[str]:
    """A group's members in M49's own reading: the members other readings add ("also", also of its parts) left out."""
    g = groups.group(gid)
    mine = set(groups.members(gid, year) or ()) - set(g.get("also", {}))
    for part in g.get("parts", []):
        mine -= set(groups.group(part).get("also", {}))
    return mine


def check(path: Path) -> int:
    rows = package_rows(path)
    theirs = package_areas(rows)
    differences = 0
    for gid in groups.group_ids():
        if gid not in theirs:
            continue
        g = groups.group(gid)
        mine = m49_as_written(gid, date.today().year - 1)
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


GROUP_SENTENCES = (
    "In {b} {c} accounted for 2% of Europe's population.",
    "In {b} {c} was the fifth most populous country in Europe.",
    "In {b} {c} produced 3% of the EU's GDP.",
    "In {b} {c} was the seventh largest economy in Europe.",
    "In {b} {c} accounted for 1% of the OECD's population.",
)
EUROPEAN = ("France", "Germany", "Spain", "Italy", "Norway", "Sweden", "Poland", "Portugal", "Greece", "Austria", "Hungary", "Finland",
            "Denmark", "Ireland", "Romania")


def speed(n: int) -> None:
    """N claims of shares of and ranks within groups against N plain levels of the same countries and years, as bench/derived.py
    measures the other derived figures (records fetched afresh each run, median of 3)."""
    import statistics
    import time

    from bench import derived
    from factcheck.core.matching import Settings
    from factcheck.engine import check_text, load_sources

    derived.COUNTRIES = EUROPEAN
    catalogue = load_sources([], builtin=True)
    settings = Settings(doc_date=date(2019, 7, 1))
    docs = {"groups": derived.document(GROUP_SENTENCES, n), "levels": derived.document(derived.LEVELS, n)}
    for name, text in docs.items():
        claims = check_text(text, f"{name}.txt", catalogue, settings).claims
        decided = sum(1 for _, v in claims if v.label != "not_enough_info")
        print(f"{name:7} {len(claims)} claims, {sum(1 for _, v in claims if v.computation is not None)} computed, {decided} decided")
    times: dict[str, list[float]] = {name: [] for name in docs}
    for _ in range(3):
        for name, text in docs.items():
            catalogue.fetched.clear()
            t = time.perf_counter()
            check_text(text, f"{name}.txt", catalogue, settings)
            times[name].append(time.perf_counter() - t)
    median = {name: statistics.median(ts) for name, ts in times.items()}
    print(f"groups {median['groups'] * 1000:.0f} ms, levels {median['levels'] * 1000:.0f} ms: {median['groups'] / median['levels']:.2f}x")


def main(argv: list[str]) -> int:
    if argv and argv[0] == "--speed":
        speed(int(argv[1]) if len(argv) > 1 else 1000)
        return 0
    if argv and argv[0] == "--check":
        check(Path(argv[1]) if len(argv) > 1 else DEFAULT_CSV)
        return 0
    show(int(argv[0]) if argv else date.today().year - 1)
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
