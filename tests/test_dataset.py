"""The loader and Dataset lookups, on the real bundled data."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import nkru_data
from nkru_data.dataset import Dataset, fold
from nkru_data.errors import InvalidRecord, MissingExtra, UnknownRecord
from nkru_data.model import records as m

from .conftest import ROOT


def test_tables_are_typed_tuples(ds: Dataset) -> None:
    assert ds.people and all(isinstance(p, m.Person) for p in ds.people)
    assert isinstance(ds.places, tuple)
    assert all(isinstance(c, m.Citation) for c in ds.table("citations"))


def test_get_any_kind(ds: Dataset) -> None:
    assert isinstance(ds.get("person:kim-chol-sam"), m.Person)
    assert isinstance(ds.get("org:fsb"), m.Organization)
    assert isinstance(ds.get("place:pulkovo-airport"), m.Place)
    with pytest.raises(UnknownRecord, match="no record with id 'person:nobody'"):
        ds.get("person:nobody")


def test_label_in_each_language_with_fallback(ds: Dataset) -> None:
    assert ds.label("place:russia", "ru") == "Россия"
    assert ds.label("place:russia", "ko") == "러시아"
    assert ds.label("place:russia", "en") == "Russia"
    # a language with no labels falls back to English
    assert ds.label("place:russia", "de") == "Russia"
    event = ds.events[0]
    assert ds.label(event.id) == event.title
    assert ds.label(event.id, "en", "description") == event.description


def test_reviewed_only_skips_unreviewed() -> None:
    place = m.Place.model_validate(
        {"id": "place:x", "name": "Xville", "kind": "city", "description": "D."}
    )
    draft = m.Label.model_validate(
        {
            "entity": "place:x",
            "field": "name",
            "lang": "ru",
            "value": "Иксвилль",
            "origin": "machine",
            "reviewed": "false",
        }
    )
    small = Dataset(records={"places": (place,), "labels": (draft,)})
    assert small.label("place:x", "ru") == "Иксвилль"
    assert small.label("place:x", "ru", reviewed_only=True) == "Xville"


def test_citations_come_with_their_source(ds: Dataset) -> None:
    cites = ds.citations("person:kim-chol-sam")
    assert cites
    for citation, source in cites:
        assert citation.record == "person:kim-chol-sam"
        assert source.id == citation.source


def test_events_involving_are_in_date_order(ds: Dataset) -> None:
    from nkru_data.lang.dates import parse

    events = ds.events_involving("person:kim-chol-sam")
    assert len(events) >= 3
    keys = [parse(e.date).sort_key() for e in events]
    assert keys == sorted(keys)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("gannushkina", "person:svetlana-gannushkina"),
        ("ГАННУШКИНА", "person:svetlana-gannushkina"),
        ("간누시키나", "person:svetlana-gannushkina"),
        ("Владивосток", "place:vladivostok"),
        ("블라디보스토크", "place:vladivostok"),
        ("Fontaka", "org:fontanka"),
        ("fsb", "org:fsb"),
    ],
)
def test_search_any_language(ds: Dataset, query: str, expected: str) -> None:
    ids = [r.id for r in ds.search(query)]
    assert expected in ids


def test_fold_ignores_case_and_diacritics() -> None:
    assert fold("Ёлка") == fold("елка")
    assert fold("Café") == "cafe"


def test_search_ranks_exact_match_first(ds: Dataset) -> None:
    assert ds.search("Russia")[0].id == "place:russia"


def test_to_pandas_localized(ds: Dataset) -> None:
    frame = ds.to_pandas("places", lang="ru")
    assert list(frame.columns[:5]) == ["id", "name", "name_ru", "name_ru_fallback", "kind"]
    row = frame.set_index("id").loc["place:vladivostok"]
    assert row["name_ru"] == "Владивосток"


def test_to_pandas_without_pandas_names_the_extra(
    ds: Dataset, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "pandas", None)
    with pytest.raises(MissingExtra, match=r"'pandas' extra\): pip install '\.\[pandas\]'"):
        ds.to_pandas("people")


def test_load_options_filter_labels() -> None:
    only_ru = nkru_data.load(langs=("ru",))
    assert {str(lab.lang) for lab in only_ru.labels} <= {"en", "ru"}
    assert only_ru.label("place:russia", "ko") == "Russia"


def test_validating_load_of_another_path_reports_file_line_field(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "datapackage", tmp_path / "pkg")
    people = tmp_path / "pkg" / "data" / "people.csv"
    lines = people.read_text(encoding="utf-8").splitlines(keepends=True)
    lines[1] = lines[1].replace(",false,", ",maybe,", 1)
    people.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(InvalidRecord, match=r"people\.csv:2: field pseudonym"):
        nkru_data.load(tmp_path / "pkg")


HEAVY = "[m for m in ('frictionless', 'pandas', 'edtf', 'babel', 'pydantic') if m in sys.modules]"


def run_python(code: str) -> str:
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    return result.stdout.strip()


def test_import_reads_no_file_and_no_heavy_module() -> None:
    hook = (
        "import sys\n"
        "opened = []\n"
        "def hook(event, args):\n"
        "    if event == 'open' and str(args[0]).endswith(('.csv', '.json')):\n"
        "        opened.append(args[0])\n"
        "sys.addaudithook(hook)\n"
    )
    assert run_python(hook + f"import nkru_data\nprint(opened, {HEAVY})") == "[] []"


def test_load_path_imports_no_heavy_module() -> None:
    """Records are built on first access: loading needs neither pydantic nor frictionless."""
    assert run_python(f"import sys, nkru_data\nnkru_data.load()\nprint({HEAVY})") == "[]"
    built = run_python(f"import sys, nkru_data\nnkru_data.load().people\nprint({HEAVY})")
    assert built == "['pydantic']"


def test_records_built_without_validation_are_the_validated_ones() -> None:
    """The trusted load's fast construction (each distinct value converted once, attributes
    set column by column) gives records equal, field for field, to pydantic's validation of
    every row, in every table, with their ids indexed alike."""
    fast = nkru_data.load(ROOT / "datapackage", trusted=True)
    checked = nkru_data.load(ROOT / "datapackage", trusted=False)
    for name in fast.counts():
        assert fast.table(name) == checked.table(name), name
        assert [vars(r) for r in fast.table(name)] == [vars(r) for r in checked.table(name)]
    assert list(fast.ids()) == list(checked.ids()) and len(fast) == len(checked)
