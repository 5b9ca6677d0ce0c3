"""Hostile and broken pull requests against a copy of the real package.

Each test breaks one thing the way a pull request could, and asserts the exact problem (code,
file, line, field), that nothing was written, that nothing was fetched or followed, and that
``load()`` fails with an :class:`NkruDataError` rather than a traceback.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import socket
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

import nkru_data
from nkru_data.errors import NkruDataError
from nkru_data.report import Report
from nkru_data.validation.validate import validate

from .conftest import ROOT, snapshot


@pytest.fixture
def pkg(tmp_path: Path) -> Path:
    """A copy of the real package with its seeds beside it, as in the repository."""
    shutil.copytree(ROOT / "datapackage", tmp_path / "datapackage")
    shutil.copytree(ROOT / "seeds", tmp_path / "seeds")
    return tmp_path / "datapackage"


def edit(path: Path, change: Callable[[str], str]) -> None:
    path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8", newline="")


def descriptor(pkg: Path, change: Callable[[dict], None]) -> None:
    data = json.loads((pkg / "datapackage.json").read_text(encoding="utf-8"))
    change(data)
    (pkg / "datapackage.json").write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")


def set_cell(path: Path, line: int, field: str, value: str) -> str:
    """Write ``value`` into one cell of a one-line-per-row CSV; return what stood there."""
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8"), newline="")))
    column = rows[0].index(field)
    old, rows[line - 1][column] = rows[line - 1][column], value
    out = io.StringIO()
    csv.writer(out, lineterminator="\n").writerows(rows)
    path.write_text(out.getvalue(), encoding="utf-8", newline="")
    return old


def line_of(path: Path, needle: str) -> int:
    for number, text in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1):
        if needle in text:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


def checked(pkg: Path, *, structural: bool = False, **kwargs: object) -> Report:
    """Validate, proving that nothing under the package's parent folder changed."""
    before = snapshot(pkg.parent)
    report = validate(pkg, structural=structural, **kwargs)  # type: ignore[arg-type]
    assert snapshot(pkg.parent) == before
    return report


def has(report: Report, code: str, path: str | None = None, line: int | None = None,
        field: str | None = None) -> None:  # fmt: skip
    found = [
        p for p in report.problems
        if p.code == code
        and (path is None or (p.path or "").endswith(path))
        and (line is None or p.line == line)
        and (field is None or p.field == field)
    ]  # fmt: skip
    assert found, report.to_text(all_warnings=True)


def refuses_load(pkg: Path, code: str | None = None) -> None:
    with pytest.raises(NkruDataError) as caught:
        nkru_data.load(pkg)
    assert code is None or caught.value.code == code, caught.value


# -- no network, no escape ----------------------------------------------------------------------


@pytest.fixture
def listener() -> Iterator[tuple[str, list[bytes]]]:
    """A TCP server on a free localhost port that records every connection it gets."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    server.settimeout(0.2)
    got: list[bytes] = []
    stop = threading.Event()

    def serve() -> None:
        while not stop.is_set():
            try:
                conn, _ = server.accept()
            except OSError:
                continue
            got.append(conn.recv(1024) or b"(connected)")
            conn.close()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}", got
    stop.set()
    thread.join(2)
    server.close()


def test_no_url_in_the_descriptor_is_ever_fetched(
    pkg: Path, listener: tuple[str, list[bytes]]
) -> None:
    url, got = listener

    def poison(data: dict) -> None:
        data["$schema"] = f"{url}/profile.json"
        data["resources"][1]["schema"] = f"{url}/schema.json"
        data["resources"][2]["path"] = f"{url}/organizations.csv"
        data["resources"][3]["dialect"] = f"{url}/dialect.json"
        data["resources"][4]["schema"]["foreignKeys"] = f"{url}/keys.json"

    descriptor(pkg, poison)
    report = checked(pkg, structural=True)
    has(report, "remote-reference", "datapackage.json", field="$schema")
    has(report, "remote-reference", field="resources[1].schema")
    has(report, "remote-reference", field="resources[2].path")
    has(report, "structure-skipped")
    assert report.exit_code in (1, 2)
    with pytest.raises(NkruDataError) as caught:
        nkru_data.load(pkg)
    assert caught.value.code == "remote-reference"
    time.sleep(0.3)
    assert got == []


def test_a_symlinked_table_is_refused_and_its_target_never_shown(pkg: Path, tmp_path: Path) -> None:
    secret = tmp_path / "secret.csv"
    secret.write_text("id,name\nperson:x,TOP-SECRET-VALUE\n", encoding="utf-8")
    (pkg / "data" / "people.csv").unlink()
    (pkg / "data" / "people.csv").symlink_to(secret)
    report = checked(pkg, structural=True)
    has(report, "unsafe-path", "data/people.csv", field="path")
    assert "TOP-SECRET-VALUE" not in report.to_json()
    refuses_load(pkg, "unsafe-path")


def test_a_symlinked_data_folder_is_refused(pkg: Path, tmp_path: Path) -> None:
    shutil.move(pkg / "data", tmp_path / "elsewhere")
    (pkg / "data").symlink_to(tmp_path / "elsewhere")
    has(checked(pkg), "unsafe-path", "data/sources.csv")
    refuses_load(pkg, "unsafe-path")


@pytest.mark.parametrize(
    "seed",
    ["seeds/../datapackage/data/citations.csv", "datapackage/data/citations.csv",
     "/etc/hostname", "seeds/", "https://example.org/a.txt"],
)  # fmt: skip
def test_a_seed_must_be_a_file_under_seeds(pkg: Path, seed: str) -> None:
    path = pkg / "data" / "sources.csv"
    line = line_of(path, "seeds/000_")
    edit(path, lambda t: t.replace("seeds/000_acff884499895b4e.txt", seed, 1))
    report = checked(pkg)
    assert any(
        p.code in ("unsafe-path", "remote-reference") and p.line == line and p.field == "seed"
        for p in report.problems
    ), report.to_text()


def test_a_symlinked_seed_is_refused(pkg: Path) -> None:
    seed = pkg.parent / "seeds" / "000_acff884499895b4e.txt"
    seed.unlink()
    seed.symlink_to(pkg / "data" / "citations.csv")
    report = checked(pkg)
    has(report, "unsafe-path", "sources.csv", field="seed")
    has(report, "evidence-unverified", "citations.csv")


# -- never a traceback --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "field"),
    [
        (lambda d: d.update(resources={"a": 1}), "resources"),
        (lambda d: d["resources"][0].update(name=7), "resources[0].name"),
        (lambda d: d["resources"][0]["schema"].update(fields="id"), "resources[0].schema.fields"),
        (lambda d: d.update(licenses={"name": "CC-BY-4.0"}), "licenses"),
        (lambda d: d["resources"][2].update(bytes=True), "resources[2].bytes"),
    ],
)  # fmt: skip
def test_a_descriptor_of_the_wrong_shape(pkg: Path, change: Callable, field: str) -> None:
    descriptor(pkg, change)
    report = checked(pkg, structural=True)
    has(report, "broken-descriptor", "datapackage.json", field=field)
    assert report.exit_code == 2


@pytest.mark.parametrize(
    "text",
    ["[" * 100_000 + "]" * 100_000, '{"name": ' + "9" * 100_000 + "}", '{"a": NaN}',
     '{"x":' * 40 + "1" + "}" * 40],
)  # fmt: skip
def test_deep_or_odd_json(pkg: Path, text: str) -> None:
    (pkg / "datapackage.json").write_text(text, encoding="utf-8")
    report = checked(pkg, structural=True)
    assert report.exit_code == 2 and "broken-descriptor" in report.codes(), report.to_text()
    refuses_load(pkg)


def test_a_missing_header_column_and_short_rows_at_load(pkg: Path) -> None:
    people = pkg / "data" / "people.csv"
    edit(people, lambda t: t.replace("id,", "ident,", 1))
    has(checked(pkg), "bad-header", "people.csv", line=1)
    refuses_load(pkg, "bad-header")
    shutil.copyfile(ROOT / "datapackage" / "data" / "people.csv", people)
    edit(people, lambda t: t.replace("\n", "\nperson:short,Short\n", 1))
    has(checked(pkg), "row-width", "people.csv", line=2)
    refuses_load(pkg, "row-width")


def test_an_unknown_language_anywhere(pkg: Path) -> None:
    labels = pkg / "data" / "labels.csv"
    edit(labels, lambda t: t.replace(",name,ru,КНДР,cldr,", ",name,xx,КНДР,cldr,", 1))
    report = checked(pkg, structural=True)
    assert report.exit_code == 1 and report.errors
    with pytest.raises(NkruDataError):
        nkru_data.load(langs=("fr",))
    with pytest.raises(NkruDataError):
        nkru_data.load().describe("place:vladivostok", "xx")


def test_a_seed_that_is_not_utf8(pkg: Path) -> None:
    (pkg.parent / "seeds" / "000_acff884499895b4e.txt").write_bytes(b"Kim \xff\xfe fled\n")
    report = checked(pkg)
    has(report, "unreadable-seed", "sources.csv", field="seed")
    has(report, "evidence-unverified", "citations.csv", field="quote")


# -- bounded cost -------------------------------------------------------------------------------


@pytest.mark.parametrize("shape", ["wide-row", "wide-header", "huge-cell"])
def test_huge_rows_cells_and_headers_cost_seconds(pkg: Path, shape: str) -> None:
    people = pkg / "data" / "people.csv"
    text = people.read_text(encoding="utf-8")
    header, rest = text.split("\n", 1)
    if shape == "wide-row":
        text = header + "\n" + "," * 100_000 + "\n" + rest
    elif shape == "wide-header":
        text = header + ",x" * 100_000 + "\n" + rest
    else:
        text = header + '\nperson:big,"' + "a" * 50_000_000 + '"\n' + rest
    people.write_text(text, encoding="utf-8")
    start = time.monotonic()
    report = checked(pkg, structural=True)
    assert time.monotonic() - start < 30
    code = {"wide-row": "row-width", "wide-header": "bad-header", "huge-cell": "broken-csv"}[shape]
    has(report, code, "people.csv", line=1 if shape == "wide-header" else 2)
    assert len(report.to_text()) < 20_000
    assert "structure-skipped" in report.codes()


# -- text hygiene -------------------------------------------------------------------------------

PERSON = "person:svetlana-gannushkina"


@pytest.mark.parametrize(
    ("value", "code"),
    [
        ("Svetlana\u200bGannushkina", "invisible-character"),
        ("Svetlana \u202eaniksuhnnaG", "invisible-character"),
        ("Svetlana\u3164Gannushkina", "invisible-character"),
        ("Svetlana\u00a0Gannushkina", "invisible-character"),
        ("Svetlana\u0007Gannushkina", "control-character"),
        ("Svetlana \u0421\u0410\u0412\u0415", "look-alike"),
        ("Svetl\u0430na Gannushkina", "mixed-script"),
        ("=HYPERLINK(A1)", "formula-injection"),
        ("+cmd|' /C calc'!A0", "formula-injection"),
        ("-2+3+cmd|' /C calc'!A0", "formula-injection"),
        ("\tSvetlana", "formula-injection"),
        ("@SUM(A1)", "formula-injection"),
        ("\uff1d1+1", "formula-injection"),
    ],
)  # fmt: skip
def test_hidden_look_alike_and_formula_text(pkg: Path, value: str, code: str) -> None:
    people = pkg / "data" / "people.csv"
    line = line_of(people, PERSON)
    edit(people, lambda t: t.replace(",Svetlana Gannushkina,", f',"{value}",', 1))
    has(checked(pkg), code, "people.csv", line=line, field="name")


@pytest.mark.parametrize("value", ["NaN", "1e999", "\u0661\u0662", "Infinity", "0x10", "1_000"])
def test_numbers_are_finite_and_ascii_at_validate_and_load(pkg: Path, value: str) -> None:
    stats = pkg / "data" / "statistics.csv"
    rows = list(csv.DictReader(io.StringIO(stats.read_text(encoding="utf-8"))))
    index = next(i for i, row in enumerate(rows, start=1) if row["value"].isdigit())
    set_cell(stats, index + 1, "value", value)
    has(checked(pkg), "type-error", "statistics.csv", line=index + 1, field="value")
    for trusted in (True, False):
        with pytest.raises(NkruDataError, match=f":{index + 1}: field value"):
            nkru_data.load(pkg, trusted=trusted).table("statistics")


def test_booleans_are_true_or_false_at_validate_and_load(pkg: Path) -> None:
    people = pkg / "data" / "people.csv"
    line = line_of(people, PERSON)
    assert set_cell(people, line, "pseudonym", "yes") in ("true", "false")
    has(checked(pkg), "type-error", "people.csv", line=line, field="pseudonym")
    with pytest.raises(NkruDataError, match="pseudonym"):
        nkru_data.load(pkg, trusted=True).table("people")


# -- evidence -----------------------------------------------------------------------------------


def test_a_quote_too_short_or_inside_a_word(pkg: Path) -> None:
    citations = pkg / "data" / "citations.csv"
    text = citations.read_text(encoding="utf-8")
    rows = text.split("\n")
    first = rows[1].split(",")
    rows.insert(2, f"{first[0]},{first[1]},a,,,,,")
    rows.insert(3, f"{first[0]},{first[1]},ivostok and Khabarovsk are far,,,,,")
    citations.write_text("\n".join(rows), encoding="utf-8")
    report = checked(pkg)
    has(report, "short-quote", "citations.csv", line=3, field="quote")


def test_no_archived_text_means_unverified_never_passed(pkg: Path) -> None:
    shutil.move(pkg.parent / "seeds", pkg.parent / "texts")
    report = checked(pkg)
    assert report.valid and not Report(report.path, report.problems, strict=True).valid
    unverified = [p for p in report.problems if p.code == "evidence-unverified"]
    quoted = [c for c in nkru_data.load().citations_table if c.quote]  # editorial: no quote
    assert len(unverified) == len(quoted)
    assert "--seeds" in unverified[0].message
    assert checked(pkg, seeds=pkg.parent / "texts", strict=True).valid


def test_a_dialect_that_hides_rows_is_refused(pkg: Path) -> None:
    descriptor(pkg, lambda d: d["resources"][1].update(dialect={"commentChar": "p"}))
    has(checked(pkg, structural=True), "dialect-mismatch", field="resources[1].dialect.commentChar")


def test_a_descriptor_without_licence(pkg: Path) -> None:
    descriptor(pkg, lambda d: d.pop("licenses"))
    has(checked(pkg), "missing-licence", "datapackage.json", field="licenses")


# -- lines that are true ------------------------------------------------------------------------


def test_lines_are_physical_after_blank_lines_and_multiline_cells(pkg: Path) -> None:
    stats = pkg / "data" / "statistics.csv"
    rows = stats.read_text(encoding="utf-8").split("\n")
    header = rows[0].split(",")
    rows.insert(1, "")
    label = header.index("label")
    cells = rows[2].split(",")
    cells[label] = '"two\nlines"'
    rows[2] = ",".join(cells)
    cells = rows[3].split(",")
    cells[header.index("unit")] = "furlongs"
    rows[3] = ",".join(cells)
    stats.write_text("\n".join(rows), encoding="utf-8")
    # the blank line is line 2, the two-line cell lines 3-4, the bad unit line 5
    report = checked(pkg, structural=True)
    has(report, "constraint-error", "statistics.csv", line=5, field="unit")
    has(report, "control-character", "statistics.csv", line=3, field="label")


def test_emptied_tables_are_caught(pkg: Path) -> None:
    for name in ("participants", "statistics"):
        path = pkg / "data" / f"{name}.csv"
        edit(path, lambda t: t.split("\n", 1)[0] + "\n")
    report = checked(pkg)
    has(report, "missing-participants", "events.csv")
    has(report, "empty-table", "statistics.csv", line=1)
    assert not Report(report.path, report.problems, strict=True).valid


def test_valid_edtf_forms_are_accepted(pkg: Path) -> None:
    people = pkg / "data" / "people.csv"
    line = line_of(people, PERSON)
    set_cell(people, line, "born", "XXXX-02-29")
    report = checked(pkg)
    assert not [p for p in report.problems if p.code == "invalid-edtf"], report.to_text()


def test_a_huge_cell_is_refused_even_after_a_library_raised_the_csv_limit(pkg: Path) -> None:
    """sqlite-utils raises the csv module's global limit on import; ours still holds."""
    import csv
    import sys

    import sqlite_utils.utils

    people = pkg / "data" / "people.csv"
    header, rest = people.read_text(encoding="utf-8").split("\n", 1)
    people.write_text(header + '\nperson:big,"' + "a" * 1_000_000 + '"\n' + rest, "utf-8")
    before = csv.field_size_limit()
    sqlite_utils.utils.maximize_csv_field_size_limit()
    try:
        report = checked(pkg, structural=False)
        has(report, "broken-csv", "people.csv", line=2)
        assert csv.field_size_limit() == sys.maxsize or csv.field_size_limit() > 10**9
    finally:
        csv.field_size_limit(before)


def test_visible_runs_hold_no_hidden_character() -> None:
    """The fast path of hidden_character: a text of these characters needs no closer look."""
    from nkru_data.model.values import VISIBLE, _is_hidden

    run = VISIBLE.pattern[1:-2]
    inside = re.compile(f"[{run}]")
    assert not [hex(c) for c in range(0x30000) if inside.fullmatch(chr(c)) and _is_hidden(chr(c))]
