"""Frictionless' verdict on a descriptor, known without starting it, is frictionless' own.

:func:`known_verdict` judges a descriptor only when it is what ``nkru-data schemas`` writes,
with package metadata of shapes frictionless accepts; hypothesis edits the bundled descriptor
(package metadata and resources, keeping or breaking their shapes) and every descriptor it
judges must be one that frictionless, run for real, finds nothing wrong with.
"""

from __future__ import annotations

import copy
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from nkru_data.validation.structure import descriptor_report
from nkru_data.validation.validate import validate
from nkru_data.validation.verdict import known_verdict

from .conftest import ROOT

BUNDLED = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
#: JSON values of every shape, small
VALUES = st.recursive(
    st.none() | st.booleans() | st.integers(-5, 10**6) | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner),
    max_leaves=6,
)
#: text frictionless might read in some special way
TEXT = st.text(max_size=20) | st.sampled_from([
    "", " ", "Not A Name", "nkru data", "2026-11-22T00:00:00Z", "2026-02-30T00:00:00Z",
    "2026-11-22", "2026-11-22T00:00:00+09:00", "2026-11-22T25:00:00Z", "user@example.org",
    "not an email", "https://example.org/", "data/people.csv", "../x", "tabular-data-package",
])  # fmt: skip
ENTRY_KEYS = ["name", "path", "title", "email", "organisation", "role", "roles", "given"]


def _write(folder: Path, data: dict[str, Any]) -> str:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "datapackage.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return str(path)


@st.composite
def edited(draw: st.DrawFn) -> dict[str, Any]:
    """The bundled descriptor with one to three edits of its metadata or resources."""
    data = copy.deepcopy(BUNDLED)
    for _ in range(draw(st.integers(1, 3))):
        where = draw(st.sampled_from(["text", "list", "entry", "value", "drop", "resource"]))
        if where == "text":  # a package text kept a string: judged, must be accepted
            key = draw(st.sampled_from(["name", "id", "title", "description", "version",
                                        "homepage", "created", "$schema"]))  # fmt: skip
            data[key] = draw(TEXT)
        elif where == "list":
            key = draw(st.sampled_from(["keywords", "languages"]))
            data[key] = draw(st.lists(TEXT, max_size=3) | VALUES)
        elif where == "entry":
            key = draw(st.sampled_from(["licenses", "sources", "contributors"]))
            entry = draw(st.dictionaries(st.sampled_from(ENTRY_KEYS),
                                         TEXT | st.lists(TEXT, max_size=2) | VALUES,
                                         max_size=3))  # fmt: skip
            data[key] = [*data.get(key, [])[: draw(st.integers(0, 2))], entry]
        elif where == "value":  # any key set to any value
            key = draw(st.sampled_from([*BUNDLED, "profile", "image", "type", "fields"]))
            data[key] = draw(VALUES)
        elif where == "drop":
            data.pop(draw(st.sampled_from(sorted(data))), None)
        else:
            resource = draw(st.sampled_from(data.get("resources") or [{}]))
            if isinstance(resource, dict):
                key = draw(st.sampled_from(["bytes", "hash", "title", "schema", "path", "extra"]))
                resource[key] = draw(VALUES | st.just("sha256:" + "0" * 64))
    return data


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=edited())
def test_a_known_verdict_is_frictionless_own(data: dict[str, Any], tmp_path_factory: Any) -> None:
    verdict = known_verdict(data)
    event("judged" if verdict is not None else "left to frictionless")
    if verdict is None:
        return  # frictionless judges it, in a worker, as before
    path = _write(tmp_path_factory.mktemp("pkg"), data)
    assert descriptor_report(path) == verdict


def test_the_bundled_descriptor_is_known_and_frictionless_agrees(tmp_path: Path) -> None:
    """The premise: frictionless accepts what ``nkru-data schemas`` writes."""
    assert known_verdict(BUNDLED) == {"errors": [], "resources": {}}
    path = str(ROOT / "datapackage" / "datapackage.json")
    assert descriptor_report(path) == {"errors": [], "resources": {}}


@pytest.mark.parametrize("edit", [
    lambda d: d["resources"][0]["schema"]["fields"][0].update(type="integer"),
    lambda d: d["resources"][2].update(dialect={"delimiter": ","}),
    lambda d: d["resources"].pop(),
    lambda d: d["resources"][1].pop("hash"),
    lambda d: d["contributors"][0].update(email="someone@example.org"),
    lambda d: d.update(profile="tabular-data-package"),
    lambda d: d.update(created="yesterday"),
    lambda d: d["licenses"].append({"title": "no name, no path"}),
    lambda d: d.pop("$schema"),
])  # fmt: skip
def test_anything_else_goes_to_frictionless(edit: Any) -> None:
    data = copy.deepcopy(BUNDLED)
    edit(data)
    assert known_verdict(data) is None


def test_a_resource_edited_by_hand_is_still_judged_by_frictionless(tmp_path: Path) -> None:
    """Not known here, so frictionless runs and its schema error is reported as before."""
    import shutil

    folder = tmp_path / "datapackage"
    shutil.copytree(ROOT / "datapackage", folder)
    data = copy.deepcopy(BUNDLED)
    data["resources"][0]["schema"]["fields"][0]["type"] = "no-such-type"
    _write(folder, data)
    report = validate(folder, seeds=ROOT / "seeds")
    assert any(p.code in ("package-error", "schema-error", "field-error")
               and p.path and p.path.endswith("datapackage.json")
               for p in report.problems), report.problems  # fmt: skip
