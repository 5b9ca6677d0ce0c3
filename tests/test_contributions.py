"""Pull-request-shaped mistakes on a copy of the real package: each is reported with the right
code, file and line, as a GitHub annotation, and nothing is written to disk."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkru_data.cli import app
from nkru_data.workflow.diff import diff_sources

from .conftest import ROOT, snapshot

runner = CliRunner()


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    shutil.copytree(ROOT / "datapackage", tmp_path / "datapackage")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path


def edit_line(path: Path, match: str, change: Callable[[str], str]) -> int:
    """Change the first line starting with ``match``; return its line number."""
    lines = path.read_text(encoding="utf-8").split("\n")
    number = next(i for i, line in enumerate(lines) if line.startswith(match))
    lines[number] = change(lines[number])
    path.write_text("\n".join(lines), encoding="utf-8")
    return number + 1


def line_of(path: Path, match: str) -> int:
    lines = path.read_text(encoding="utf-8").split("\n")
    return next(i for i, line in enumerate(lines) if line.startswith(match)) + 1


def annotations(folder: Path) -> str:
    before = snapshot(folder)
    result = runner.invoke(app, ["validate", str(folder), "--format", "github"])
    assert result.exit_code == 1, result.output
    assert snapshot(folder) == before
    return result.stdout


def assert_reported(output: str, code: str, file: str, line: int) -> None:
    wanted = [a for a in output.splitlines() if f"title={code}" in a]
    assert wanted, output
    assert any(f"{file},line={line}," in a or a.endswith(f"{file},line={line}") for a in wanted), (
        wanted
    )


# (table, start of the line to change, old text, new text, expected code)
ONE_LINE_MISTAKES = [
    ("people", "person:alec-luhn,", "person:alec-luhn", "Person:Alec Luhn", "constraint-error"),
    ("participants", "event:2013-kim-crosses-amur,person:", ",person:kim-fp-defector,",
     ",person:kim-fp-defektor,", "dangling-reference"),
    ("citations",
     "person:svetlana-gannushkina,src:fp-luhn-russia-wants-money,said Civic Assistance head",
     "Assistance head", "Assistance chief", "quote-not-in-source"),
    ("labels", "person:svetlana-gannushkina,name,ko,", "스베틀라나 간누시키나",
     "Svetlana Gannushkina", "label-script"),
    ("people", "person:alec-luhn,", ",journalist,", ",=cmd|' /C calc'!A0,", "formula-injection"),
]  # fmt: skip


@pytest.mark.parametrize(("table", "start", "old", "new", "code"), ONE_LINE_MISTAKES)
def test_one_line_mistake(
    repo: Path, table: str, start: str, old: str, new: str, code: str
) -> None:
    path = repo / "datapackage" / "data" / f"{table}.csv"
    line = edit_line(path, start, lambda s: s.replace(old, new, 1))
    assert_reported(annotations(repo / "datapackage"), code, f"{table}.csv", line)


def test_duplicated_record(repo: Path) -> None:
    people = repo / "datapackage" / "data" / "people.csv"
    text = people.read_text(encoding="utf-8")
    row = next(r for r in text.splitlines() if r.startswith("person:alec-luhn,"))
    people.write_text(text + row + "\n", encoding="utf-8")
    last = len(text.splitlines()) + 1
    output = annotations(repo / "datapackage")
    assert_reported(output, "primary-key", "people.csv", last)


def test_changed_id(repo: Path) -> None:
    people = repo / "datapackage" / "data" / "people.csv"
    line = edit_line(
        people,
        "person:alec-luhn,",
        lambda s: s.replace("person:alec-luhn", "person:alec-luhn-2", 1),
    )
    output = annotations(repo / "datapackage")
    assert_reported(output, "missing-citation", "people.csv", line)
    cited = line_of(repo / "datapackage" / "data" / "citations.csv", "person:alec-luhn,")
    assert_reported(output, "dangling-reference", "citations.csv", cited)
    result = diff_sources(str(ROOT / "datapackage"), str(repo / "datapackage"))
    assert any("person:alec-luhn looks renamed to person:alec-luhn-2" in w for w in result.warnings)


def test_shuffled_csv(repo: Path) -> None:
    places = repo / "datapackage" / "data" / "places.csv"
    header, *rows = places.read_text(encoding="utf-8").rstrip("\n").split("\n")
    places.write_text("\n".join([header, *reversed(rows)]) + "\n", encoding="utf-8")
    assert_reported(annotations(repo / "datapackage"), "not-canonical", "places.csv", 2)


def test_crlf_file(repo: Path) -> None:
    people = repo / "datapackage" / "data" / "people.csv"
    people.write_bytes(people.read_bytes().replace(b"\n", b"\r\n"))
    output = annotations(repo / "datapackage")
    assert_reported(output, "not-canonical", "people.csv", 1)
    assert "CRLF" in output


def test_byte_order_mark(repo: Path) -> None:
    people = repo / "datapackage" / "data" / "people.csv"
    people.write_bytes(b"\xef\xbb\xbf" + people.read_bytes())
    output = annotations(repo / "datapackage")
    assert_reported(output, "not-canonical", "people.csv", 1)
    assert "byte-order mark" in output
