"""Per-field evidence, anchored quotes, editorial citations and archived texts' hashes, on a copy
of the real package: each rule holds on the real data and fails when broken."""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

from nkru_data.model.layout import FACTUAL_FIELDS
from nkru_data.store.archive import archived_text, normalise
from nkru_data.validation.validate import validate
from nkru_data.workflow.anchor import anchor

from .conftest import ROOT
from .test_hostile import checked, has, pkg, set_cell  # noqa: F401  (pkg is a fixture)

DATA = ROOT / "datapackage" / "data"


def _rows(table: str, folder: Path = DATA) -> list[dict[str, str]]:
    with (folder / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def test_every_quote_is_anchored_where_it_stands() -> None:
    seeds = {s["id"]: ROOT / s["seed"] for s in _rows("sources") if s["seed"]}
    kinds = {s["id"]: s["kind"] for s in _rows("sources")}
    checked_quotes = 0
    for row in _rows("citations"):
        if kinds[row["source"]] == "editorial":
            assert not row["quote"] and row["note"] and not row["start"]
            continue
        text = archived_text(seeds[row["source"]])
        assert text[int(row["start"]) : int(row["end"])] == normalise(row["quote"]), row
        checked_quotes += 1
    assert checked_quotes > 700


def test_every_archived_text_has_its_hash() -> None:
    for source in _rows("sources"):
        if source["seed"]:
            digest = hashlib.sha256((ROOT / source["seed"]).read_bytes()).hexdigest()
            assert source["sha256"] == digest


def test_every_factual_field_has_its_evidence() -> None:
    covered: dict[str, set[str]] = {}
    for row in _rows("citations"):
        covered.setdefault(row["record"], set()).update(filter(None, row["fields"].split(";")))
    missing = [
        (record["id"], field)
        for table, fields in FACTUAL_FIELDS.items()
        for record in _rows(table)
        for field in fields
        if record[field] and field not in covered.get(record["id"], set())
    ]
    assert missing == []
    assert sum(map(len, covered.values())) > 1000


def test_anchor_is_idempotent_and_checks(pkg: Path) -> None:  # noqa: F811
    assert anchor(pkg, write=False) == []
    line = 2
    set_cell(pkg / "data" / "citations.csv", line, "start", "0")
    assert anchor(pkg, write=False) == ["datapackage/data/citations.csv"]
    assert anchor(pkg) == ["datapackage/data/citations.csv"]
    assert anchor(pkg, write=False) == []
    assert validate(pkg, structural=False).valid


def test_a_moved_anchor_is_reported(pkg: Path) -> None:  # noqa: F811
    old = set_cell(pkg / "data" / "citations.csv", 2, "start", "0")
    assert old != "0"
    has(checked(pkg), "anchor-mismatch", "citations.csv", line=2, field="start")


def test_a_missing_anchor_is_reported(pkg: Path) -> None:  # noqa: F811
    set_cell(pkg / "data" / "citations.csv", 2, "start", "")
    set_cell(pkg / "data" / "citations.csv", 2, "end", "")
    has(checked(pkg), "missing-anchor", "citations.csv", line=2)


def test_a_short_quote_standing_twice_needs_a_chosen_anchor(pkg: Path) -> None:  # noqa: F811
    citations = pkg / "data" / "citations.csv"
    rows = _rows("citations", pkg / "data")
    line = next(i for i, r in enumerate(rows, start=2) if r["source"] == "src:pyongyang-on-the-neva"
                and r["record"].startswith("person:"))  # fmt: skip
    set_cell(citations, line, "quote", "Zerkalo Nedelyi")  # stands more than once in seed 003
    set_cell(citations, line, "start", "")
    set_cell(citations, line, "end", "")
    has(checked(pkg), "ambiguous-quote", "citations.csv", line=line)


def test_an_empty_quote_needs_an_editorial_source(pkg: Path) -> None:  # noqa: F811
    set_cell(pkg / "data" / "citations.csv", 2, "quote", "")
    has(checked(pkg), "empty-quote", "citations.csv", line=2, field="quote")


def test_an_editorial_citation_quotes_nothing_and_says_why(pkg: Path) -> None:  # noqa: F811
    rows = _rows("citations", pkg / "data")
    line = next(i for i, r in enumerate(rows, start=2) if r["source"] == "src:editorial")
    set_cell(pkg / "data" / "citations.csv", line, "quote", "general knowledge")
    set_cell(pkg / "data" / "citations.csv", line, "note", "")
    report = checked(pkg)
    has(report, "editorial-quote", "citations.csv", line=line)
    has(report, "missing-note", "citations.csv", line=line, field="note")


def test_an_uncited_field_names_record_field_and_line(pkg: Path) -> None:  # noqa: F811
    citations = pkg / "data" / "citations.csv"
    rows = _rows("citations", pkg / "data")
    places = _rows("places", pkg / "data")
    line, place = next((i, p) for i, p in enumerate(places, start=2) if p["lat"])
    for i, row in enumerate(rows, start=2):
        if row["record"] == place["id"] and "lat" in row["fields"].split(";"):
            kept = [f for f in row["fields"].split(";") if f != "lat"]
            set_cell(citations, i, "fields", ";".join(kept))
    has(checked(pkg), "uncited-field", "places.csv", line=line, field="lat")


def test_a_citation_names_only_factual_fields(pkg: Path) -> None:  # noqa: F811
    set_cell(pkg / "data" / "citations.csv", 2, "fields", "description")
    has(checked(pkg), "unknown-field", "citations.csv", line=2, field="fields")


def test_another_archived_text_is_caught_by_its_hash(pkg: Path) -> None:  # noqa: F811
    seed = pkg.parent / "seeds" / "003_52ec306317207304.txt"
    seed.write_text(seed.read_text(encoding="utf-8") + "\nA line added by a mirror.\n", "utf-8")
    sources = _rows("sources", pkg / "data")
    seed_name = "003_52ec306317207304.txt"
    line = next(i for i, s in enumerate(sources, start=2) if s["seed"].endswith(seed_name))
    has(checked(pkg), "seed-hash-mismatch", "sources.csv", line=line, field="sha256")


def test_an_anchor_of_thousands_of_digits_is_a_type_error(pkg: Path) -> None:  # noqa: F811
    """Found by the fuzzer: int() of a 5000-digit cell raised instead of reporting."""
    set_cell(pkg / "data" / "citations.csv", 2, "start", "9" * 5000)
    report = checked(pkg)
    has(report, "type-error", "citations.csv", line=2, field="start")
