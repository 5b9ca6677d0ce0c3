"""One record per real thing: merges keep old ids resolvable, redirects hold, look-alikes are
flagged; claims that dispute have a counterpart; the typology is precise."""

from __future__ import annotations

import csv
import subprocess
from collections import Counter
from pathlib import Path

import pytest

import nkru_data
from nkru_data.dataset import Dataset
from nkru_data.errors import NkruDataError
from nkru_data.model.layout import FACTUAL_FIELDS
from nkru_data.workflow.merge import merge

from .conftest import ROOT, tool_env
from .test_hostile import checked, has, pkg, set_cell  # noqa: F401  (pkg is a fixture)

DATA = ROOT / "datapackage" / "data"


def _rows(table: str, folder: Path = DATA) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _append(path: Path, row: list[str]) -> None:
    with path.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerow(row)


def test_every_released_id_still_resolves(ds: Dataset) -> None:
    redirects = _rows("redirects")
    assert len(redirects) >= 5
    for row in redirects:
        assert row["old"] not in ds and row["new"] in ds
        assert ds.get(row["old"]) == ds.get(row["new"])
        assert ds.moved(row["old"]) == (row["new"], row["reason"])
    assert ds.moved(redirects[0]["new"]) is None


def test_show_of_a_retired_id_says_it_moved(ds: Dataset) -> None:
    row = _rows("redirects")[0]
    result = subprocess.run(["nkru-data", "show", row["old"]], capture_output=True, text=True,
                            env=tool_env(), timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert f"{row['old']} was merged into {row['new']}" in result.stderr
    assert row["new"] in result.stdout


def test_merge_moves_everything_and_records_the_redirect(pkg: Path) -> None:  # noqa: F811
    data = pkg / "data"
    old, new = "event:2008-ryu-en-nam-repatriation", "event:ryu-en-nam-death"  # on a copy
    cited = [c for c in _rows("citations", data) if c["record"] == old]
    taking_part = {p["entity"] for p in _rows("participants", data) if p["event"] == old}
    merge(old, new, "a test merge", pkg)
    assert not any(r["id"] == old for r in _rows("events", data))
    moved = [c for c in _rows("citations", data) if c["record"] == new]
    assert {c["quote"] for c in cited} <= {c["quote"] for c in moved}
    assert taking_part <= {p["entity"] for p in _rows("participants", data) if p["event"] == new}
    assert not any(old in row.values() for t in ("participants", "labels", "citations", "events")
                   for row in _rows(t, data))  # fmt: skip
    assert {"old": old, "new": new, "reason": "a test merge"} in _rows("redirects", data)
    report = checked(pkg, structural=True)
    assert report.valid, report.to_text()
    assert nkru_data.load(pkg).get(old).id == new  # type: ignore[attr-defined]
    with pytest.raises(NkruDataError):
        merge(new, "person:no-such-person", "no such record", pkg)
    with pytest.raises(NkruDataError):
        merge(new, new, "itself", pkg)


def test_a_claim_that_restates_a_fact_retires_into_its_record(pkg: Path) -> None:  # noqa: F811
    data = pkg / "data"
    claim = next(c for c in _rows("claims", data) if c["subject"].startswith("event:"))
    merge(claim["id"], claim["subject"], "restates the event", pkg)
    moved = [c for c in _rows("citations", data) if c["record"] == claim["subject"]]
    assert all(set(filter(None, c["fields"].split(";"))) <= set(FACTUAL_FIELDS["events"])
               for c in moved)  # a claim's fields do not follow it to an event  # fmt: skip
    assert not any(r["entity"] == claim["id"] for r in _rows("labels", data))
    report = checked(pkg)
    assert report.valid, report.to_text()


def test_redirect_rules(pkg: Path) -> None:  # noqa: F811
    redirects = pkg / "data" / "redirects.csv"
    first = _rows("redirects", pkg / "data")[0]
    _append(redirects, ["event:zz-retired", first["old"], "a chain"])
    _append(redirects, ["event:zz-nowhere", "event:zz-no-such-record", "no target"])
    _append(redirects, ["place:russia", "place:north-korea", "still a record"])
    report = checked(pkg)
    has(report, "redirect-chain", "redirects.csv", field="new")
    has(report, "redirect-target", "redirects.csv", field="new")
    has(report, "retired-id", "places.csv", field="id")
    has(report, "retired-id", "citations.csv", field="record")


def test_look_alikes_are_flagged_until_merged_or_marked_distinct(pkg: Path) -> None:  # noqa: F811
    places = pkg / "data" / "places.csv"
    vladivostok = next(r for r in _rows("places", pkg / "data") if r["id"] == "place:vladivostok")
    twin = {**vladivostok, "id": "place:vladivostok-city"}
    _append(places, list(twin.values()))
    _append(pkg / "data" / "citations.csv", ["place:vladivostok-city", "src:editorial", "", "",
                                             "", "a test twin", "", ""])  # fmt: skip
    has(checked(pkg), "possible-duplicate", "places.csv", field="id")
    _append(pkg / "data" / "not_duplicates.csv",
            ["place:vladivostok", "place:vladivostok-city", "checked: a test twin"])  # fmt: skip
    assert "possible-duplicate" not in checked(pkg).codes()


def test_no_possible_duplicate_is_left(ds: Dataset) -> None:
    report = nkru_data.validate()
    assert "possible-duplicate" not in report.codes()
    assert "retired-id" not in report.codes()


def test_a_disputed_claim_has_a_counterpart(pkg: Path) -> None:  # noqa: F811
    claims = _rows("claims", pkg / "data")
    disputed = [c for c in claims if c["status"] == "disputed"]
    assert disputed
    for claim in disputed:  # on the real data every dispute has its other version
        key = (claim["subject"], claim["property"])
        others = {c["value"] for c in claims if (c["subject"], c["property"]) == key}
        assert others - {claim["value"]}, claim["id"]
    line, lonely = next((i, c) for i, c in enumerate(claims, start=2) if c["status"] != "disputed")
    set_cell(pkg / "data" / "claims.csv", line, "status", "disputed")
    if any(c["subject"] == lonely["subject"] and c["property"] == lonely["property"]
           and c["value"] != lonely["value"] for c in claims):  # fmt: skip
        pytest.skip("that claim has a counterpart")  # pragma: no cover
    has(checked(pkg), "lonely-dispute", "claims.csv", line=line, field="status")


def test_a_reviewed_text_using_an_unreviewed_name(pkg: Path) -> None:  # noqa: F811
    labels = pkg / "data" / "labels.csv"
    rows = _rows("labels", pkg / "data")
    line, name = next((i, r) for i, r in enumerate(rows, start=2)
                      if r["lang"] == "ru" and r["field"] == "name" and r["entity"].startswith(
                          "person:") and r["reviewed"] == "true")  # fmt: skip
    set_cell(labels, line, "reviewed", "false")
    using = next((i for i, r in enumerate(rows, start=2)
                  if (r["lang"], r["field"], r["reviewed"]) == ("ru", "description", "true")
                  and r["entity"] != name["entity"]
                  and name["value"] in r["value"]), None)  # fmt: skip
    assert using, "a Russian description naming another person exists in the data"
    has(checked(pkg), "unreviewed-name", "labels.csv", line=using, field="reviewed")


def test_the_typology_is_precise() -> None:
    kinds = Counter(e["kind"] for e in _rows("events"))
    assert kinds["other"] <= 0.05 * sum(kinds.values())
    assert all(s["topic"] for s in _rows("statistics"))
    card = (ROOT / "datapackage" / "README.md").read_text(encoding="utf-8")
    for indicator in {s["indicator"] for s in _rows("statistics")}:
        assert f"`{indicator}`" in card
