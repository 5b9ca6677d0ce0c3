"""Parquet and JSON Lines exports read by the tools analysts use, and the export command's rules:
deterministic output, nothing written outside the target, no overwrite without --force."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import duckdb
import pandas as pd
import pytest

from nkru_data.dataset import Dataset
from nkru_data.errors import MissingExtra, NkruDataError, OutputExists
from nkru_data.export import FORMATS, export
from nkru_data.model.layout import TABLES

from .conftest import ROOT, tool_env

DATA = ROOT / "datapackage" / "data"


def _count(table: str) -> int:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as handle:
        return sum(1 for _ in csv.DictReader(handle))


def types_of(path: Path) -> dict[str, str]:
    return {r[0]: r[1] for r in duckdb.connect().execute(f"describe '{path}'").fetchall()}


def test_parquet_is_read_by_duckdb_with_types(ds: Dataset, tmp_path: Path) -> None:
    folder = export(ds, "parquet", tmp_path / "pq")
    assert sorted(p.name for p in folder.iterdir()) == sorted(f"{t.name}.parquet" for t in TABLES)
    db = duckdb.connect()
    for table in TABLES:
        rows = db.execute(f"select count(*) from '{folder / table.name}.parquet'").fetchall()
        assert rows == [(_count(table.name),)]
    joined = db.execute(
        f"""select e.id, e.date_start, p.name, pa.role
            from '{folder}/events.parquet' e
            join '{folder}/participants.parquet' pa on pa.event = e.id
            join '{folder}/people.parquet' p on p.id = pa.entity
            where e.date_start is not null
            order by e.date_start, e.id, p.id"""
    ).fetchall()
    assert len(joined) > 20
    starts = [r[1] for r in joined]
    assert starts == sorted(starts)  # dates sort as dates
    types = {r[0]: r[1] for r in db.execute(f"describe '{folder}/places.parquet'").fetchall()}
    assert types["country"] == "VARCHAR[]" and types["lat"] == "DOUBLE"
    events = {r[0]: r[1] for r in db.execute(f"describe '{folder}/events.parquet'").fetchall()}
    assert events["date_start"] == "DATE" and events["sources_count"] == "BIGINT"
    frame = pd.read_parquet(folder / "people.parquet")
    assert len(frame) == _count("people")
    assert types_of(folder / "people.parquet")["pseudonym"] == "BOOLEAN"
    assert frame["pseudonym"].isna().any() and not frame["pseudonym"].isna().all()  # unknown: NA


def test_jsonl_nests_labels_citations_and_participants(ds: Dataset, tmp_path: Path) -> None:
    path = export(ds, "jsonl", tmp_path / "x.jsonl")
    lines = path.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) == sum(_count(t.name) for t in TABLES if t.kind)
    by_id = {r["id"]: r for r in records}
    with (DATA / "citations.csv").open(encoding="utf-8", newline="") as handle:
        cited = Counter(row["record"] for row in csv.DictReader(handle))
    for id_, count in cited.items():
        if id_ in by_id:
            assert len(by_id[id_]["citations"]) == count
    with (DATA / "participants.csv").open(encoding="utf-8", newline="") as handle:
        taking_part = Counter(row["event"] for row in csv.DictReader(handle))
    for event, count in taking_part.items():
        assert len(by_id[event]["participants"]) == count
    selectors = [c["selector"] for r in records for c in r["citations"] if c.get("quote")]
    assert selectors and all(s[0]["type"] == "TextQuoteSelector" and s[1]["end"] > s[1]["start"]
                             for s in selectors)  # fmt: skip
    assert any(c["fields"] for r in records for c in r["citations"])  # per-field provenance
    vladivostok = by_id["place:vladivostok"]
    names = [x["value"] for x in vladivostok["labels"]["ru"] if x["field"] == "name"]
    assert names == [ds.label("place:vladivostok", "ru")]
    assert {"origin", "reviewed", "field"} <= set(vladivostok["labels"]["ko"][0])


@pytest.mark.parametrize("name", ["parquet", "jsonl"])
def test_exports_are_deterministic_and_stay_in_their_target(
    ds: Dataset, tmp_path: Path, name: str
) -> None:
    first, second = tmp_path / "a", tmp_path / "b"
    first.mkdir()
    second.mkdir()
    one = export(ds, name, first / "out")
    two = export(ds, name, second / "out")
    assert [p.name for p in first.iterdir()] == ["out"]  # no staging folder left behind

    def contents(path: Path) -> dict[str, bytes]:
        if path.is_dir():
            return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
        return {path.name: path.read_bytes()}

    assert contents(one) == contents(two)


def test_existing_output_is_replaced_only_with_force(ds: Dataset, tmp_path: Path) -> None:
    target = tmp_path / "x.jsonl"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputExists):
        export(ds, "jsonl", target)
    assert target.read_text(encoding="utf-8") == "keep me"
    export(ds, "jsonl", target, force=True)
    assert target.read_text(encoding="utf-8").startswith("{")
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("mine", encoding="utf-8")
    with pytest.raises(OutputExists):
        export(ds, "parquet", folder, force=True)  # --force never deletes someone's folder
    assert (folder / "notes.txt").read_text(encoding="utf-8") == "mine"
    with pytest.raises(NkruDataError):
        export(ds, "xml", tmp_path / "x.xml")


def test_cli_export_and_its_bad_input(tmp_path: Path) -> None:
    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(["nkru-data", "export", *args], capture_output=True, text=True,
                              env=tool_env(), cwd=tmp_path, timeout=300)  # fmt: skip

    done = run("jsonl", "-o", "out.jsonl", "--lang", "ko")
    assert done.returncode == 0, done.stderr
    first = json.loads((tmp_path / "out.jsonl").read_text("utf-8").splitlines()[0])
    assert "title_ko" in first and "title_ru" not in first
    again = run("jsonl", "-o", "out.jsonl")
    assert again.returncode == 2 and "--force" in again.stderr
    assert "Traceback" not in again.stderr and len(again.stderr.strip().splitlines()) == 1
    for bad in (["xml"], ["jsonl", "--lang", "fr"], ["jsonl", "-o", "no/such/dir/x.jsonl"]):
        result = run(*bad)
        assert result.returncode == 2 and "Traceback" not in result.stderr, bad


def test_a_missing_extra_names_it(tmp_path: Path) -> None:
    code = (
        "import sys\nsys.modules['pyarrow'] = None\n"
        "import nkru_data\nfrom nkru_data.export import export\n"
        "from nkru_data.errors import MissingExtra\n"
        "try:\n    export(nkru_data.load(), 'parquet', sys.argv[1])\n"
        "except MissingExtra as exc:\n    print(exc)\n"
    )
    result = subprocess.run([sys.executable, "-c", code, str(tmp_path / "p")],
                            capture_output=True, text=True, check=True)  # fmt: skip
    assert "'parquet' extra" in result.stdout and "pyarrow" in result.stdout
    assert not (tmp_path / "p").exists()
    assert issubclass(MissingExtra, ImportError)
    assert {f.extra for f in FORMATS.values() if f.needs} == {"sqlite", "parquet", "graph"}
