"""EDTF parsing: bounds of every form the data uses, and the edtf package as an oracle."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nkru_data.dates import EdtfError, is_valid, not_after, parse


@pytest.mark.parametrize(
    ("text", "lower", "upper"),
    [
        ("2016", date(2016, 1, 1), date(2016, 12, 31)),
        ("2016-02", date(2016, 2, 1), date(2016, 2, 29)),
        ("2016-07-25", date(2016, 7, 25), date(2016, 7, 25)),
        ("2016-11~", date(2016, 11, 1), date(2016, 11, 30)),
        ("2005?", date(2005, 1, 1), date(2005, 12, 31)),
        ("199X", date(1990, 1, 1), date(1999, 12, 31)),
        ("2016-XX", date(2016, 1, 1), date(2016, 12, 31)),
        ("2004/2014", date(2004, 1, 1), date(2014, 12, 31)),
        ("../2019-12-31", None, date(2019, 12, 31)),
        ("2017/..", date(2017, 1, 1), None),
        ("/2016", None, date(2016, 12, 31)),
    ],
)
def test_bounds(text: str, lower: date | None, upper: date | None) -> None:
    value = parse(text)
    assert (value.lower, value.upper) == (lower, upper)


def test_qualifiers_are_kept() -> None:
    assert parse("2016-07~").approximate and not parse("2016-07~").uncertain
    assert parse("2016?").uncertain and not parse("2016?").approximate
    assert parse("2016%").uncertain and parse("2016%").approximate


@pytest.mark.parametrize(
    "text",
    ["", "2016-13", "2016-02-30", "16", "2016/2004", "../..", "July 2016", "2016-1", "2016-21"],
)
def test_rejects(text: str) -> None:
    with pytest.raises(EdtfError):
        parse(text)
    assert not is_valid(text)


def test_order_helper_allows_unknown() -> None:
    assert not_after("2010", "2012")
    assert not not_after("2013", "2012-05")
    assert not_after(None, "2012")
    assert not_after("201X", "2012")  # may be before


years = st.integers(1000, 2999).map(str)
months = st.integers(1, 12).map(lambda m: f"{m:02d}")
days = st.integers(1, 28).map(lambda d: f"{d:02d}")
qualifier = st.sampled_from(["", "?", "~", "%"])


@st.composite
def edtf_dates(draw: st.DrawFn) -> str:
    year = draw(years)
    if draw(st.booleans()):
        year = year[:3] + "X" if draw(st.booleans()) else year[:2] + "XX"
        return year + draw(qualifier)
    form = draw(st.sampled_from(["y", "ym", "ymd"]))
    text = year
    if form in ("ym", "ymd"):
        text += "-" + draw(months)
    if form == "ymd":
        text += "-" + draw(days)
    return text + draw(qualifier)


@st.composite
def edtf_values(draw: st.DrawFn) -> str:
    first = draw(edtf_dates())
    if not draw(st.booleans()):
        return first
    second = draw(edtf_dates())
    a, b = sorted([first.rstrip("?~%"), second.rstrip("?~%")], key=lambda t: parse(t).lower)
    if parse(a).lower and parse(b).upper and parse(a).lower > parse(b).upper:  # pragma: no cover
        return a
    return f"{a}/{b}"


@settings(max_examples=150, deadline=None)
@given(edtf_values())
def test_bounds_agree_with_the_edtf_package(text: str) -> None:
    edtf = pytest.importorskip("edtf")
    oracle = edtf.parse_edtf(text)
    ours = parse(text)
    low, high = oracle.lower_strict(), oracle.upper_strict()
    assert ours.lower == date(low.tm_year, low.tm_mon, low.tm_mday)
    assert ours.upper == date(high.tm_year, high.tm_mon, high.tm_mday)
