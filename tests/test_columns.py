"""The cross-table checks read column by column and judge each distinct value once: the columns
they see are the rows' own, and a value repeated in many rows is still reported in each; the
quote search's shortcuts (normalising, an anchor's slice compare) and the script checks' agree
with the plain ways they replace."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from nkru_data.lang.i18n import LOOK_CYRILLIC, LOOK_LATIN, WORD, look_alike_word, mixed_script_word
from nkru_data.store.archive import _TYPOGRAPHY, normalise, occurrences_of, stands_at
from nkru_data.store.safety import load_descriptor
from nkru_data.validation.checks import read_tables
from nkru_data.validation.columns import columns, distinct_values

from .conftest import ROOT
from .test_hostile import checked, pkg, set_cell  # noqa: F401  (pkg is a fixture)

_SPACE = re.compile(r"\s+")


def _plain_normalise(text: str) -> str:
    """The normalisation as the module docstring states it, step by step."""
    text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
    return _SPACE.sub(" ", text).strip()


#: pieces of text: white space of every kind, typographic marks, composed and decomposed letters
_PIECES = [*"ab Z1.'-\"", "  ", "\t", "\n", "\r\n", "\x1c", "\u00a0", "\u2009", "\u2019",
           "\u201c", "\u2014", "e\u0301", "\u00e9", "\u3000", "ё", "한"]  # fmt: skip
_TEXT = st.lists(st.sampled_from(_PIECES)).map("".join)


def _plain_look_alike(text: str, script: str, allowed: frozenset[str]) -> str | None:
    look = LOOK_LATIN if script == "latin" else LOOK_CYRILLIC
    return next((w for w in WORD.findall(text) if set(w) <= look and w not in allowed), None)


_SCRIPTS = st.lists(st.sampled_from([*" .1_-aAxTКОВкоЖжΑαβñ", "e\u0301", "TACC"])).map("".join)


@given(_SCRIPTS, st.sampled_from(["latin", "cyrillic"]))
def test_look_alike_words_are_the_plain_ones(text: str, script: str) -> None:
    for allowed in (frozenset(), frozenset({"TACC", "КОВ"})):
        assert look_alike_word(text, script, allowed) == _plain_look_alike(text, script, allowed)


@given(_SCRIPTS)
def test_an_ascii_text_mixes_no_scripts(text: str) -> None:
    if text.isascii():
        assert mixed_script_word(text) is None
    word = mixed_script_word(text)
    assert word is None or word in WORD.findall(text)


@given(_TEXT)
def test_normalise_is_the_plain_normalisation(text: str) -> None:
    assert normalise(text) == _plain_normalise(text)


@given(st.text(alphabet="ab .", max_size=40), st.integers(0, 40), st.integers(1, 8))
def test_an_anchor_that_stands_is_one_the_search_finds(text: str, start: int, size: int) -> None:
    needle = text[start : start + size]
    if stands_at(needle, text, start, start + len(needle)):
        assert start in occurrences_of(needle, text)
    elif needle and text.startswith(needle, start):
        # not standing there: the slice begins or ends inside a word
        assert start not in occurrences_of(needle, text)


def test_a_slice_that_is_not_the_anchor_is_left_to_the_search() -> None:
    text = "one two one two"
    assert stands_at("one", text, 8, 11)
    assert not stands_at("one", text, 8, 12)  # end must be start + the quote's length
    assert not stands_at("one", text, -7, -4)  # a negative offset is never an anchor
    assert not stands_at("", text, 0, 0)
    assert not stands_at("on", text, 0, 2)  # inside a word


def test_columns_are_the_rows_fields() -> None:
    descriptor = ROOT / "datapackage" / "datapackage.json"
    _, tables = read_tables(descriptor, load_descriptor(descriptor))
    for rows in tables.values():
        dicts = list(rows)
        lines, cols = columns(rows, *rows.header, "no-such-field")
        assert list(lines) == [line for line, _ in dicts]
        for name, cells in zip(rows.header, cols):
            assert cells == [row[name] for _, row in dicts] == rows.column(name)
        assert cols[-1] == [""] * len(dicts)
        assert dict(distinct_values(rows)) == {
            name: {row[name] for _, row in dicts} for name in rows.header
        }


def test_a_ragged_row_is_in_no_column(pkg: Path) -> None:  # noqa: F811
    path = pkg / "data" / "redirects.csv"
    text = path.read_text(encoding="utf-8").split("\n")
    text[2] += ",one cell too many"
    path.write_text("\n".join(text), encoding="utf-8", newline="")
    descriptor = pkg / "datapackage.json"
    _, tables = read_tables(descriptor, load_descriptor(descriptor))
    rows = tables["redirects"]
    lines, (olds,) = columns(rows, "old")
    assert 3 not in lines and len(lines) == len(olds) == len(list(rows))


def test_a_value_judged_once_is_reported_in_every_row(pkg: Path) -> None:  # noqa: F811
    data = pkg / "data"
    # one mixed-script value in three rows of two tables: each row has its problem
    set_cell(data / "people.csv", 2, "description", "Mосква office")
    set_cell(data / "places.csv", 2, "description", "Mосква office")
    set_cell(data / "places.csv", 3, "description", "Mосква office")
    report = checked(pkg)
    mixed = [(p.path, p.line) for p in report.problems if p.code == "mixed-script"]
    assert [(Path(path or "").name, line) for path, line in mixed] == [
        ("people.csv", 2), ("places.csv", 2), ("places.csv", 3)]  # fmt: skip


def test_a_third_name_label_is_not_a_second(pkg: Path) -> None:  # noqa: F811
    path = pkg / "data" / "labels.csv"
    lines = path.read_text(encoding="utf-8").split("\n")
    first = next(i for i, line in enumerate(lines[1:], 2) if ",name,ru," in line)
    lines[first:first] = [lines[first - 1]] * 2  # the same ru name three times over
    path.write_text("\n".join(lines), encoding="utf-8", newline="")
    report = checked(pkg)
    second = [p for p in report.problems if p.code == "duplicate-name-label"]
    assert [p.line for p in second] == [first + 1]
