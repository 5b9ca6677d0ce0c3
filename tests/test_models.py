"""The record models: every real row validates, and each rule rejects what it should."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from nkru_data.dataset import Dataset
from nkru_data.model import records as m
from nkru_data.model.layout import TABLES


def test_every_bundled_row_validates(ds: Dataset) -> None:
    """The trusted load skips validation; this proves the data would pass it."""
    for table in TABLES:
        for record in ds.table(table.name):
            table.model.model_validate(record.model_dump())


PERSON = {"id": "person:test-person", "name": "Test Person", "description": "A person."}


def test_records_are_frozen_and_closed() -> None:
    person = m.Person.model_validate(PERSON)
    with pytest.raises(ValidationError):
        person.name = "Other"  # type: ignore[misc]
    with pytest.raises(ValidationError, match="Extra inputs"):
        m.Person.model_validate({**PERSON, "nickname": "x"})


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"id": "Person:Bad"}, "not an id"),
        ({"id": "org:civic-assistance"}, "must be an id of kind person"),
        ({"name": " Padded"}, "white space"),
        ({"name": "Cafe\u0301"}, "NFC"),
        ({"born": "2016-13"}, "not a month"),
        ({"born": "2010", "died": "2001"}, "after died"),
        ({"nationality": "KP;XY"}, "ISO 3166-1"),
        ({"gender": "unknown"}, "Input should be"),
    ],
)
def test_person_rules(change: dict[str, str], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        m.Person.model_validate({**PERSON, **change})


def test_csv_cells_are_converted() -> None:
    person = m.Person.model_validate(
        {**PERSON, "pseudonym": "true", "nationality": "KP;RU", "born": ""}
    )
    assert person.pseudonym is True
    assert person.nationality == ("KP", "RU")
    assert person.born is None


STAT = {"id": "stat:test", "indicator": "x", "topic": "other", "label": "X", "unit": "person",
        "description": "D."}


@pytest.mark.parametrize(
    ("values", "ok"),
    [
        ({"value": "5"}, True),
        ({"low": "1", "high": "3"}, True),
        ({"value": "2", "low": "1", "high": "3"}, True),
        ({"value": "5", "low": "1", "high": "3"}, False),
        ({"low": "4", "high": "3"}, False),
        ({}, True),  # an amount given only in words stays empty
    ],
)
def test_statistic_value_order(values: dict[str, str], ok: bool) -> None:
    if ok:
        m.Statistic.model_validate({**STAT, **values})
    else:
        with pytest.raises(ValidationError):
            m.Statistic.model_validate({**STAT, **values})


PLACE = {"id": "place:x", "name": "X", "kind": "city", "description": "D."}


@pytest.mark.parametrize(
    "coords", [{"lat": "91", "lon": "0"}, {"lat": "0", "lon": "181"}, {"lat": "10"}]
)
def test_place_coordinates(coords: dict[str, str]) -> None:
    with pytest.raises(ValidationError):
        m.Place.model_validate({**PLACE, **coords})


def test_affiliation_dates_in_order() -> None:
    base = {"id": "aff:x", "person": "person:x", "organization": "org:x", "role": "head"}
    m.Affiliation.model_validate({**base, "start": "2004", "end": "2014"})
    with pytest.raises(ValidationError, match="after end"):
        m.Affiliation.model_validate({**base, "start": "2015", "end": "2014"})


def test_label_language_is_closed() -> None:
    base = {
        "entity": "place:x",
        "field": "name",
        "value": "X",
        "origin": "editorial",
        "reviewed": "true",
    }
    m.Label.model_validate({**base, "lang": "ru"})
    with pytest.raises(ValidationError):
        m.Label.model_validate({**base, "lang": "de"})
