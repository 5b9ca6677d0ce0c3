"""The two structural engines agree: the compiled Table Schema checks and stock frictionless.

Hypothesis breaks copies of the small valid package (wrong types, patterns, vocabularies,
empty required cells, repeated unique values and keys, dangling foreign keys, rows of the
wrong width, blank rows, swapped columns, bytes that are not UTF-8) and both engines must report
the same problems: the same (file, line, field, code), and the same messages.
"""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkru_data.validation import structure
from nkru_data.validation.validate import validate

from .conftest import DATA, ROOT

BASE = DATA / "base" / "datapackage"
_TABLES = json.loads((BASE / "datapackage.json").read_text(encoding="utf-8"))["resources"]
SCHEMAS = {r["name"]: r["schema"] for r in _TABLES}
#: values that frictionless reads in surprising ways (stripped, Unicode digits, NaN...)
ODD = ["abc", "4.0", " 5", "+3", "NaN", "1e999", "\u0661\u0662", " ", "True", "1", "0x10",
       "-1", "1_000", "Male", "bogus", "person:ok\n", "Person:X", "a b", "", "org:nowhere",
       "place:nowhere", "src:nowhere", "event:nowhere", "91", "-180.5"]  # fmt: skip
KINDS = ["cell", "cell", "cell", "required", "unique", "duplicate-row", "copy-key", "width",
         "blank", "blank-cells", "swap", "encoding", "foreign-key"]  # fmt: skip


def _read(folder: Path, table: str) -> list[list[str]]:
    text = (folder / "data" / f"{table}.csv").read_text(encoding="utf-8")
    return list(csv.reader(io.StringIO(text, newline="")))


def _readable(folder: Path, table: str) -> bool:
    try:
        (folder / "data" / f"{table}.csv").read_text(encoding="utf-8")
    except UnicodeDecodeError:
        return False  # damaged already: left as it is
    return True


def _write(folder: Path, table: str, rows: list[list[str]]) -> None:
    out = io.StringIO(newline="")
    csv.writer(out, lineterminator="\n").writerows(rows)
    (folder / "data" / f"{table}.csv").write_text(out.getvalue(), encoding="utf-8")


def damage(folder: Path, kind: str, pick: Any) -> None:
    """One kind of damage to one table of the package at ``folder``."""
    tables = [t for t in SCHEMAS if _readable(folder, t) and len(_read(folder, t)) > 1]
    table = pick(tables)
    rows = _read(folder, table)
    fields = SCHEMAS[table]["fields"]
    full = [i for i in range(1, len(rows)) if len(rows[i]) == len(fields)]
    if not full:
        return
    row = pick(full)
    column = pick(range(len(fields)))
    if kind == "cell":
        rows[row][column] = pick(ODD)
    elif kind == "required":
        required = [i for i, f in enumerate(fields) if f.get("constraints", {}).get("required")]
        rows[row][pick(required or [column])] = ""
    elif kind == "unique":  # a uniqueness rule in the descriptor, and a value repeated
        descriptor = json.loads((folder / "datapackage.json").read_text(encoding="utf-8"))
        resource = next(r for r in descriptor["resources"] if r["name"] == table)
        resource["schema"]["fields"][column].setdefault("constraints", {})["unique"] = True
        (folder / "datapackage.json").write_text(json.dumps(descriptor), encoding="utf-8")
        rows.append(list(rows[row]))
    elif kind == "duplicate-row":
        rows.insert(pick(range(1, len(rows) + 1)), list(rows[row]))
    elif kind == "copy-key":  # another row takes this row's first column (an id, mostly)
        rows[pick(full)][0] = rows[row][0]
    elif kind == "width":
        rows[row] = rows[row] + ["extra"] if pick([True, False]) else rows[row][:-1]
    elif kind == "blank":
        rows.insert(row, [])
    elif kind == "blank-cells":
        rows.insert(row, [""] * len(fields))
    elif kind == "swap" and len(fields) > 1:
        other = (column + 1) % len(fields)
        for cells in rows:
            cells[column], cells[other] = cells[other], cells[column]
    elif kind == "foreign-key":
        keys = SCHEMAS[table].get("foreignKeys", [])
        if keys:
            name = pick(keys)["fields"][0]
            index = next(i for i, f in enumerate(fields) if f["name"] == name)
            rows[row][index] = pick(["org:nowhere", "place:nowhere", "src:nowhere", ""])
    if kind == "encoding":
        path = folder / "data" / f"{table}.csv"
        data = path.read_bytes()
        cut = pick(range(len(data)))
        path.write_bytes(data[:cut] + b"\xff" + data[cut:])
        return
    _write(folder, table, rows)


def problems(folder: Path, engine: str) -> set[tuple[Any, ...]]:
    report = validate(folder, engine=engine, seeds=ROOT / "seeds")
    return {(p.path, p.line, p.field, p.code, p.message) for p in report.problems}


def fresh(root: Path) -> Path:
    folder = root / "datapackage"
    shutil.copytree(BASE, folder)
    return folder


@settings(max_examples=14, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(kinds=st.lists(st.sampled_from(KINDS), min_size=1, max_size=3), data=st.data())
def test_engines_report_the_same_problems(kinds: list[str], data: st.DataObject) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        folder = fresh(Path(tmp))
        for kind in sorted(kinds, key=lambda k: k == "encoding"):  # bad bytes last: unreadable
            damage(folder, kind, lambda options: data.draw(st.sampled_from(list(options))))
        compiled, stock = problems(folder, "compiled"), problems(folder, "frictionless")
        assert compiled == stock, (kinds, sorted(compiled ^ stock, key=str)[:10])


@pytest.mark.parametrize(
    ("table", "field", "value", "code", "line"),
    [
        ("places", "lat", "NaN", "constraint-error", 2),  # NaN meets no bound
        ("people", "pseudonym", "True", "type-error", 3),  # trueValues are exact
        ("citations", "start", "4.0", "type-error", 2),
        ("organizations", "kind", "Media", "constraint-error", 2),
        ("events", "place", "place:nowhere", "foreign-key", 2),
    ],
)
def test_compiled_engine_finds_each_problem(
    tmp_path: Path, table: str, field: str, value: str, code: str, line: int
) -> None:
    folder = fresh(tmp_path)
    rows = _read(folder, table)
    rows[line - 1][rows[0].index(field)] = value
    _write(folder, table, rows)
    report = validate(folder, seeds=ROOT / "seeds")
    assert any(
        (p.path or "").endswith(f"data/{table}.csv") and (p.line, p.code) == (line, code)
        for p in report.problems
    ), report.to_text()


def test_compiled_engine_reads_no_table_with_frictionless(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The compiled engine asks frictionless about the descriptor only."""

    def refuse(descriptor: str) -> dict[str, Any]:
        raise AssertionError("frictionless was asked to read the tables")

    monkeypatch.setattr(structure, "frictionless_report", refuse)
    folder = fresh(tmp_path)
    rows = _read(folder, "people")
    rows.append(list(rows[1]))  # a repeated primary key
    _write(folder, "people", rows)
    report = validate(folder, seeds=ROOT / "seeds")
    assert "primary-key" in report.codes()


def test_unknown_engine_is_refused() -> None:
    from nkru_data.errors import NkruDataError

    with pytest.raises(NkruDataError, match="unknown engine"):
        validate(engine="pandas")
