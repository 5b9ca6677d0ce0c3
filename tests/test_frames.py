"""Frames on the real data: one flattening, typed, with names per language, honest fallbacks and
date bounds that sort in time."""

from __future__ import annotations

import csv
from collections import defaultdict

import pandas as pd
import pytest

from nkru_data.dataset import Dataset
from nkru_data.errors import UnknownLanguage, UnknownRecord
from nkru_data.lang.dates import parse
from nkru_data.model.layout import TABLES
from nkru_data.views.frames import DATE_PRECISIONS, PLACE_PRECISION, frame, frames

from .conftest import ROOT

DATA = ROOT / "datapackage" / "data"


def _rows(table: str) -> list[dict[str, str]]:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def _labels() -> dict[tuple[str, str, str], str]:
    return {(r["entity"], r["field"], r["lang"]): r["value"] for r in _rows("labels")}


def test_every_table_has_every_row(ds: Dataset) -> None:
    built = {f.table: f for f in frames(ds, ["ru", "ko"])}
    assert set(built) == {t.name for t in TABLES}
    for table in TABLES:
        assert len(built[table.name].rows) == len(_rows(table.name)), table.name


def test_date_bounds_follow_the_edtf_and_sort_in_time(ds: Dataset) -> None:
    events = frame(ds, "events").dicts()
    assert {e["date_precision"] for e in events} <= set(DATE_PRECISIONS)
    for event in events:
        value = parse(event["date"])
        if event["date_precision"] == "unknown":
            assert event["date_start"] is None and event["date_end"] is None
        else:
            assert (event["date_start"], event["date_end"]) == (value.lower, value.upper)
    open_start = [e for e in events if e["date"].startswith("../")]
    dated = [e for e in events if e["date_start"] is not None]
    assert dated and sorted(d["date_start"] for d in dated)[0].year < 2100
    for event in open_start:  # '../1999' has no start: it never sorts before '1945' as text does
        assert event["date_start"] is None and event["date_precision"] == "open"


def test_to_pandas_resolves_names_in_a_language_and_flags_fallbacks(ds: Dataset) -> None:
    labels = _labels()
    df = ds.to_pandas("events", lang="ko")
    assert {"title_ko", "title_ko_fallback", "place_name", "place_name_ko"} <= set(df.columns)
    assert "name_ko" not in df.columns  # columns are named after their field
    for row in df.itertuples():
        has_ko = (row.id, "title", "ko") in labels
        assert bool(row.title_ko_fallback) is (not has_ko)
        if has_ko:
            assert row.title_ko == labels[(row.id, "title", "ko")]
        if isinstance(row.place, str):
            assert row.place_name == ds.label(row.place)
    strict = ds.to_pandas("events", lang="ko", fallback=False)
    missing = strict[strict["title_ko_fallback"]]
    assert missing["title_ko"].isna().all()


def test_typed_columns(ds: Dataset) -> None:
    places = ds.to_pandas("places")
    assert isinstance(places["kind"].dtype, pd.CategoricalDtype)
    assert set(places["kind"].cat.categories) >= set(PLACE_PRECISION)  # every allowed value
    assert str(places["lat"].dtype) == "Float64"
    assert all(isinstance(v, list) for v in places["country"])
    people = ds.to_pandas("people")
    assert str(people["pseudonym"].dtype) == "boolean"
    assert str(ds.to_pandas("events")["date_start"].dtype) == "datetime64[s]"


def test_place_precision_and_sources_count(ds: Dataset) -> None:
    kinds = {p["id"]: p["kind"] for p in _rows("places")}
    sources: dict[str, set[str]] = defaultdict(set)
    for citation in _rows("citations"):
        sources[citation["record"]].add(citation["source"])
    for event in frame(ds, "events").dicts():
        expected = PLACE_PRECISION.get(kinds.get(event["place"] or "", ""), "unknown")
        assert event["place_precision"] == expected
        assert event["sources_count"] == len(sources[event["id"]])
    assert any(e["place_precision"] == "point" for e in frame(ds, "events").dicts())


def test_unknown_language_or_table_is_the_usual_error(ds: Dataset) -> None:
    with pytest.raises(UnknownLanguage) as from_describe:
        ds.describe("place:vladivostok", "fr")
    with pytest.raises(UnknownLanguage) as from_frames:
        ds.to_pandas("events", lang="fr")
    assert type(from_frames.value) is type(from_describe.value)
    with pytest.raises(UnknownRecord):
        ds.to_pandas("nonsense")
