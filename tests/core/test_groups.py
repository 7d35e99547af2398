"""Issue 17, item 4: the members of regions and blocs, dated, from cited lists (factcheck/data/groups.json)."""

from __future__ import annotations

import csv
from pathlib import Path

import pycountry
import pytest

from factcheck.core import groups

COUNTRY_CODES = Path(__file__).resolve().parents[2].parent / "shared" / "refdata" / "country-codes" / "data" / "country-codes.csv"

SIZES = [  # (group, year, number of members)
    ("eu", 2019, 28), ("eu", 2020, 27), ("eu", 2012, 27), ("eu", 2014, 28), ("eu", 2003, 15), ("eu", 2005, 25), ("eu", 1972, 6),
    ("euro", 2019, 19), ("euro", 2023, 20), ("oecd", 2019, 36), ("oecd", 2011, 34), ("oecd", 2022, 38), ("oecd", 1970, 22),
    ("g7", 2018, 7), ("g20", 2018, 19), ("asean", 2018, 10), ("asean", 1990, 6),
    ("m49:002", 2018, 60), ("m49:202", 2018, 53), ("m49:005", 2018, 16), ("m49:150", 2018, 53), ("m49:142", 2018, 50),
]


@pytest.mark.parametrize("group,year,size", SIZES)
def test_members_in_a_year(group, year, size):
    found = groups.members(group, year)
    assert found is not None and len(found) == size, sorted(found or [])


UNKNOWN = [  # a membership that changed in the middle of the year, a year before the group or after the list, an unknown group
    ("eu", 2013),  # Croatia joined on 1 July
    ("eu", 2004),  # ten members joined on 1 May
    ("oecd", 2010),  # Chile (May), Slovenia (July), Israel (September)
    ("asean", 2025),  # Timor-Leste joined on 26 October
    ("eu", 1950), ("g20", 1998), ("eu", 2031), ("m49:002", 2031), ("benelux", 2018),
]


@pytest.mark.parametrize("group,year", UNKNOWN)
def test_a_year_without_a_certain_list_has_no_members(group, year):
    assert groups.members(group, year) is None


def test_a_member_for_a_month_of_the_year_does_not_count():
    assert "GBR" in groups.members("eu", 2019) and "GBR" not in groups.members("eu", 2020)  # left on 31 January 2020
    assert "SVK" not in groups.members("oecd", 2000) and "SVK" in groups.members("oecd", 2001)  # joined on 14 December 2000
    assert "CZE" not in groups.members("oecd", 1995) and "CZE" in groups.members("oecd", 1996 + 1)  # 21 December 1995


NAMES = [
    ("the EU", "the European Union"), ("EU's", "the European Union"), ("the European Union's", "the European Union"),
    ("Africa's", "Africa"), ("sub-Saharan Africa", "Sub-Saharan Africa"), ("Southeast Asia", "South-eastern Asia"),
    ("the OECD", "the OECD"), ("G7", "the G7"), ("the eurozone", "the eurozone"), ("ASEAN", "ASEAN"),
    ("Lagos", None), ("the Balkans", None), ("the Middle East", None), ("the Arab world", None),
]


@pytest.mark.parametrize("text,key", NAMES)
def test_names_of_groups(text, key):
    assert groups.group_of_name(text) == key


def test_a_name_with_several_meanings_has_every_reading():
    europe = groups.readings("Europe", 2018)
    assert europe is not None and len(europe) == 2
    assert "TUR" not in europe[0].members and "TUR" in europe[1].members and "RUS" in europe[0].members
    north = groups.readings("North America", 2018)
    assert north is not None and "MEX" not in north[0].members and "MEX" in north[1].members
    assert groups.readings("the European Union", 2013) is None
    assert [len(r.members) for r in groups.readings("the European Union", 2019) or []] == [28]


def test_a_rank_in_the_g20_is_among_its_19_countries_and_its_total_may_count_the_eu():
    shares = groups.readings("the G20", 2019) or []
    ranks = groups.readings("the G20", 2019, rank=True) or []
    assert [len(r.members) for r in ranks] == [19] and len(shares) == 2 and "NLD" in shares[1].members


def test_every_list_is_cited():
    for gid in groups.group_ids():
        s = groups.source(gid)
        assert s["url"].startswith("https://") and s["licence"] and s["written"] and s["publisher"], gid


def test_every_member_is_an_iso_code_or_a_world_bank_economy():
    extra = {"XKX", "CHI"}  # Kosovo and the Channel Islands: World Bank economies without an ISO 3166-1 code of their own
    for gid in groups.group_ids():
        g = groups.group(gid)
        codes = g.get("members", [])
        for code in [*codes, *g.get("also", {})]:
            assert code in extra or pycountry.countries.get(alpha_3=code) is not None, (gid, code)


def test_the_name_pattern_finds_names_in_prose():
    import re
    pattern = re.compile(groups.name_pattern())
    assert pattern.search("a share of the EU's population").group() == "the EU"
    assert pattern.search("in sub-Saharan Africa").group() == "sub-Saharan Africa"
    assert pattern.search("the eu is") is None  # an acronym in capitals only


@pytest.mark.skipif(not COUNTRY_CODES.exists(), reason="../shared/refdata/country-codes is not beside the repository")
def test_m49_lists_agree_with_the_country_codes_package():
    """The M49 areas as written agree with the datasets/country-codes package's M49 columns (UNSD's), except Taiwan, which
    that package places in Eastern Asia (as CLDR does) and the UN's M49 list does not list."""
    from bench.groups import m49_as_written, package_areas, package_rows

    theirs = package_areas(package_rows(COUNTRY_CODES))
    compared = 0
    for gid in groups.group_ids():
        if gid in theirs:
            mine = m49_as_written(gid, 2018)
            assert mine == theirs[gid] - {"TWN"}, (gid, sorted(mine ^ (theirs[gid] - {"TWN"})))
            compared += 1
    assert compared >= 28


@pytest.mark.skipif(not COUNTRY_CODES.exists(), reason="../shared/refdata/country-codes is not beside the repository")
def test_the_members_that_are_not_states_agree_with_the_country_codes_package():
    with COUNTRY_CODES.open(encoding="utf-8") as f:
        theirs = {r["ISO3166-1-Alpha-3"] for r in csv.DictReader(f) if r["is_independent"] != "Yes"} - {"ATA"}  # Antarctica: no group's
    assert groups.not_states() - {"XKX", "CHI"} == theirs  # Kosovo and the Channel Islands: World Bank economies, not in the package
