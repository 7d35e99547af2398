"""The configuration and the sources' mappings are read without pydantic when their shape is the usual
one (issue 19, point 5): what that reading accepts, the models accept with the same values, and
anything the models refuse it leaves to them (so the error messages are the models')."""

from __future__ import annotations

import json
from dataclasses import fields
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from factcheck import config
from factcheck.sources import mapping

ROOT = Path(__file__).resolve().parent.parent

_VALUES = st.one_of(
    st.none(), st.booleans(), st.integers(-5, 200), st.floats(allow_nan=True), st.text(max_size=8),
    st.sampled_from(["any", "note", "error", "contradicted", "figures", "set", "places", "level", "event", "2020-06-07",
                     "2020-02-30", "/abs", "", "https://x.org/a", "seeds/*.txt"]),
    st.dates(), st.lists(st.sampled_from(["a", "/b", "", "c*"]), max_size=3),
    st.dictionaries(st.sampled_from(["a", "b"]), st.one_of(st.lists(st.text(max_size=3), max_size=2), st.dates(),
                                                           st.sampled_from(["2020-06-07", "x", 3]))),
)


def _config_model(table: dict) -> config.ConfigValues | None:
    try:
        checked = config.Config.model_validate(table)
    except ValidationError:
        return None
    return config.ConfigValues(**{f.name: getattr(checked, f.name) for f in fields(config.ConfigValues)})


def test_config_defaults_are_the_models():
    model = config.Config.model_validate({})
    assert config.ConfigValues() == _config_model({})
    assert [f.name for f in fields(config.ConfigValues)] == list(type(model).model_fields)


@pytest.mark.parametrize("table", [
    {}, {"include": ["seeds/*.txt"], "sources": ["examples/sources"], "document_dates": {"a.txt": "2020-06-07"}},
    {"fail-on": "any", "min_severity": "warning", "tolerance": 0, "min-match-score": 90, "vintage-years": 0},
    {"document-dates": {"a": date(2020, 1, 2)}, "max-download-mb": 1, "scheduler_timeout": 0.5, "builtin-sources": False},
    {"exclude": ["drafts/**"], "baseline": "b.json", "min-checkworthiness": 1},
])
def test_config_plain_reading_is_the_models(table):
    plain = config._plain(table)
    assert plain is not None
    assert plain == _config_model(table)
    assert [type(getattr(plain, f.name)) for f in fields(plain)] == [type(getattr(_config_model(table), f.name)) for f in fields(plain)]


@pytest.mark.parametrize("table", [
    {"include": ["/abs"]}, {"include": [" "]}, {"fail-on": "never"}, {"tolerance": 2}, {"tolerance": True},
    {"vintage-years": 101}, {"max-download-mb": 0}, {"document-dates": {"a": "2020-02-30"}}, {"fail_on": "any", "bogus": 1},
    {"max-download_mb": 3}, {"url-base": "https://example.org"}, {"document-authors": {"*": "Ann"}},
])
def test_config_plain_reading_leaves_the_rest_to_the_model(table):
    assert config._plain(table) is None


@settings(max_examples=400, deadline=None)
@given(st.dictionaries(st.sampled_from([f.name for f in fields(config.ConfigValues)]
                                       + [f.name.replace("_", "-") for f in fields(config.ConfigValues)] + ["other"]),
                       _VALUES, max_size=4))
def test_config_plain_reading_never_differs(table):
    plain = config._plain(table)
    if plain is not None:
        assert plain == _config_model(table)


def _mapping_model(block: object) -> mapping.Mapping | None:
    try:
        checked = mapping.model().model_validate(block)
    except ValidationError:
        return None
    return mapping.Mapping(**{name: getattr(checked, name) for name in mapping.FIELDS})


def test_mapping_fields_are_the_models():
    assert list(mapping.FIELDS) == list(mapping.model().model_fields)
    assert mapping.Mapping() == mapping.Mapping(**{k: v.get_default(call_default_factory=True)
                                                   for k, v in mapping.model().model_fields.items()})


def test_every_mapping_of_the_project_is_read_plainly_as_the_model_reads_it():
    blocks = []
    for path in [*ROOT.glob("sources/*/datapackage.json"), *ROOT.glob("examples/**/datapackage.json"),
                 *ROOT.glob("tests/**/datapackage.json")]:
        package = json.loads(path.read_text(encoding="utf-8"))
        blocks += [r["factcheck"] for r in package.get("resources", []) if isinstance(r, dict) and "factcheck" in r]
    assert len(blocks) > 3
    for block in blocks:
        expected = _mapping_model(block)
        plain = mapping._plain(block)
        assert plain is None or plain == expected
        if expected is not None and isinstance(block, dict) and block.get("kind", "figures") == "figures":
            assert plain is not None, block


@settings(max_examples=500, deadline=None)
@given(st.dictionaries(st.sampled_from([*mapping.FIELDS, "other"]), _VALUES, max_size=6))
def test_mapping_plain_reading_never_differs(block):
    block = {"value": "v", "measure": "m", "period": "y", "entity": "e", **block}
    plain = mapping._plain(block)
    if plain is not None:
        assert plain == _mapping_model(block)
    if _mapping_model(block) is None:
        assert plain is None
