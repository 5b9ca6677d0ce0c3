"""Column-wise checks agree with the row-by-row rules they replace.

Cell checks run once per distinct value of a column, the canonical form is compared without
writing the file, and rows are read with each column's repeated values shared: each is held
here to the plain reading of its rule (the csv writer, ``render``, one pass per row).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkru_data.errors import UnusablePackage
from nkru_data.lang.dates import EdtfError, is_valid, parse
from nkru_data.lang.i18n import look_alike_word
from nkru_data.model.layout import TABLE_BY_NAME, Table
from nkru_data.model.schema import column_specs
from nkru_data.model.types import LIST_SEPARATOR, check_id, id_kind, ids_of_kind, iso_countries
from nkru_data.model.values import (
    formula_like,
    hidden_character,
    parse_boolean,
    parse_integer,
    parse_number,
)
from nkru_data.report import Problem
from nkru_data.store.canonical import _Echo, _lines, _quoted_as_needed, file_difference
from nkru_data.store.csvfile import RawTable, first_difference, parse_csv, read_raw
from nkru_data.store.tables import render
from nkru_data.validation.cells import ROMAN, VERBATIM, _suspects, cell_problems
from nkru_data.validation.checks import Rows

PEOPLE, LABELS = TABLE_BY_NAME["people"], TABLE_BY_NAME["labels"]
#: cells made of the characters the checks care about
pieces = st.sampled_from(["a", "Kim", "КОВ", "Москва", "OOO", " ", ",", '"', "\n", "\t", "=",
                          "-", "+1", "1", "1.5", "e", "\u200b", "\u00a0", "e\u0301", "é", "ё",
                          "XX", "KP", "RU", "ZZ", ";", "2016-07~", "199X", "true", "false",
                          "person:kim", "place:x", "Bad:Id", "김"])  # fmt: skip
cells = st.lists(pieces, max_size=4).map("".join)


def write(header: tuple[str, ...], rows: list[list[str]], needless: frozenset[int] = frozenset()
          ) -> str:  # fmt: skip
    """The csv module's text of the rows (those in ``needless`` with every cell quoted)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    every = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_ALL)
    writer.writerow(header)
    for index, row in enumerate(rows):
        (every if index in needless else writer).writerow(row)
    return out.getvalue()


def table_rows(table: Table, rows: list[list[str]]) -> Rows:
    raw = parse_csv(Path(f"{table.name}.csv"), write(table.fields, rows), shared=True)
    return Rows(table, raw, f"{table.name}.csv", frozenset())


def row_by_row(rows: Rows) -> Iterator[Problem]:
    """The cell rules read one row and one cell at a time, as they are written down."""
    table, countries = rows.table, iso_countries()
    for line, row in rows:
        for spec in column_specs(table.model):
            value, name = row.get(spec.name, ""), spec.name
            if not value:
                continue
            found: list[tuple[str, str]] = []
            numeric = spec.kind in ("number", "integer")
            edtf = spec.column.format == "edtf"
            if formula_like(value, numeric_ok=numeric) and not (edtf and is_valid(value)):
                found.append(("formula-injection", "a cell must not start with = + - @, a tab or"
                              " a line break (or their full-width forms) unless it is a plain"
                              " number: spreadsheets run it as a formula"))  # fmt: skip
            hidden = hidden_character(value)
            if hidden:
                control = unicodedata.category(chr(int(hidden[2:].split()[0], 16))) == "Cc"
                found.append(("control-character", f"the text holds {hidden}: cells are one"
                              " line of visible text") if control else (
                    "invisible-character", f"the text holds {hidden}, which is invisible or"
                    " changes how text around it shows; remove it"))  # fmt: skip
            if value != value.strip():
                found.append(("whitespace", "leading or trailing white space"))
            if not value.isascii() and not unicodedata.is_normalized("NFC", value):
                found.append(("not-nfc", "text is not in Unicode NFC form (run nkru-data fmt)"))
            parser = {"number": parse_number, "integer": parse_integer,
                      "boolean": parse_boolean}.get(spec.kind)  # fmt: skip
            try:
                if parser:
                    parser(value)
            except ValueError as exc:
                found.append(("type-error", str(exc)))
            try:
                if edtf:
                    parse(value)
            except EdtfError as exc:
                found.append(("invalid-edtf", str(exc)))
            bad = [c for c in value.split(LIST_SEPARATOR) if c not in countries]
            if name in ("country", "nationality") and bad:
                shown = ", ".join(bad)[:80]
                found.append(("unknown-country", f"{shown}: not an ISO 3166-1 alpha-2 code"))
            lang = row.get("lang", "en") if table.name == "labels" else "en"
            if (spec.kind == "string" and not spec.enum and not spec.column.pattern
                    and (table.name, name) not in VERBATIM and not value.isascii()
                    and lang != "ko"):  # fmt: skip
                word = look_alike_word(value, "latin" if lang == "en" else "cyrillic", ROMAN)
                if word:
                    other, meant = ("Cyrillic or Greek", "Latin") if lang == "en" else (
                        "Latin", "Cyrillic")  # fmt: skip
                    found.append(("look-alike", f"{word[:40]!r} is written in {other} letters"
                                  f" that look {meant}: retype it in {meant} letters"))  # fmt: skip
            for code, message in found:
                yield rows.problem(code, message, line, name, value)
        if table.kind and row.get("id"):
            try:
                check_id(row["id"])
            except ValueError as exc:
                yield rows.problem("bad-id", str(exc)[:300], line, "id", row["id"])
            else:
                if id_kind(row["id"]) != table.kind:
                    yield rows.problem("id-kind", f"ids in {table.name} start with"
                                       f" '{table.kind}:'", line, "id", row["id"])  # fmt: skip


def table_data(table: Table, columns: dict[str, st.SearchStrategy[str]]) -> st.SearchStrategy:
    """Rows of ``table``, few distinct values per column so that values repeat."""
    row = st.tuples(*(columns.get(f, cells) for f in table.fields)).map(list)
    return st.lists(row, max_size=10)


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(table_data(PEOPLE, {"id": st.sampled_from(["person:kim", "place:x", "Bad:Id", ""])}))
def test_cell_problems_are_the_row_by_row_ones(data: list[list[str]]) -> None:
    rows = table_rows(PEOPLE, data)
    assert list(cell_problems(rows)) == list(row_by_row(rows))


@settings(max_examples=150, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(table_data(LABELS, {"lang": st.sampled_from(["en", "ru", "ko", ""])}))
def test_look_alikes_follow_each_rows_language(data: list[list[str]]) -> None:
    rows = table_rows(LABELS, data)
    assert list(cell_problems(rows)) == list(row_by_row(rows))


def test_a_repeated_bad_value_is_reported_in_every_row_in_column_order() -> None:
    row = ["person:kim", " Kim", "false", "", "", "", "", "", "x "]
    rows = table_rows(PEOPLE, [row, row])
    found = [(p.line, p.field, p.code) for p in cell_problems(rows)]
    assert found == [(2, "name", "whitespace"), (2, "description", "whitespace"),
                     (3, "name", "whitespace"), (3, "description", "whitespace")]  # fmt: skip


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.integers(1, 5).flatmap(lambda w: st.lists(st.lists(
    st.lists(st.sampled_from(["a", ",", '"', "\n", "\r", " ", "é", "\t", ""]), max_size=4)
    .map("".join), min_size=w, max_size=w), min_size=1, max_size=8)))  # fmt: skip
def test_column_writing_is_the_csv_writers(rows: list[list[str]]) -> None:
    expected = write(("h",) * len(rows[0]), rows).split("\n", 1)[1]
    echo = csv.writer(_Echo(), lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    columns = [list(column) for column in zip(*rows)]
    assert _lines(columns, echo) == expected


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(table_data(TABLE_BY_NAME["claims"], {}), st.booleans(), st.booleans(),
       st.frozensets(st.integers(0, 6), max_size=2) | st.just(frozenset()))  # fmt: skip
def test_canonical_difference_is_the_rendered_ones(
    tmp_path_factory: pytest.TempPathFactory, data: list[list[str]], ordered: bool, crlf: bool,
    needless: frozenset[int],
) -> None:  # fmt: skip
    claims = TABLE_BY_NAME["claims"]
    data = [[c.replace("\r", "") for c in row] for row in data]
    if ordered:  # most files are canonical already: the fast path must say so exactly
        data = sorted(({r[0]: [unicodedata.normalize("NFC", c) for c in r] for r in data}
                       ).values())  # fmt: skip
    text = write(claims.fields, data, needless)  # ``needless``: rows quoted needlessly
    if crlf:
        text = text.replace("\n", "\r\n")
    raw = parse_csv(Path("claims.csv"), text, shared=True)
    if any(len(r) != len(raw.header) for r in raw.rows):
        return  # row-width problems: the canonical form is not checked
    current = text.encode("utf-8")
    path = tmp_path_factory.mktemp("canonical") / "claims.csv"
    path.write_bytes(current)
    expected = first_difference(current, render(claims, raw.header, raw.rows))
    assert file_difference(claims, raw, path) == expected


def test_shared_reading_keeps_every_value_and_folds_repeats() -> None:
    text = "id,kind\n" + "".join(f"x:{i},same\n" for i in range(10_000)) + 'y,"two\nlines"\n'
    plain, shared = parse_csv(Path("t.csv"), text), parse_csv(Path("t.csv"), text, shared=True)
    assert [list(r) for r in shared.rows] == [list(r) for r in plain.rows]
    assert (shared.header, shared.lines, shared.record_lines) == (
        plain.header, plain.lines, plain.record_lines)  # fmt: skip
    assert len({id(r[1]) for r in shared.rows[:-1]}) == 1
    assert len({id(r[1]) for r in plain.rows[:-1]}) > 1


def _read(read: Callable[[], RawTable]) -> object:
    """What a reading gives: the table's parts, or the problem it raises."""
    try:
        raw = read()
    except UnusablePackage as exc:
        return (exc.code, exc.line, str(exc))
    return (raw.header, raw.rows, list(raw.lines), raw.record_lines)


_CELLS = st.sampled_from(["a", "é", "한", "", '"x,y"', '"two\nlines"', 'a"b', '"a""b"', '"open',
                          "nul\x00", "lone\rcr", '"cr\rin"'])  # fmt: skip


@settings(max_examples=400, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.lists(st.lists(_CELLS, min_size=1, max_size=3), min_size=1, max_size=12),
       st.sampled_from(["\n", "\r\n"]), st.booleans(), st.booleans())  # fmt: skip
def test_a_file_read_by_column_is_the_file_read_by_row(
    tmp_path_factory: pytest.TempPathFactory, rows: list[list[str]], end: str, bom: bool,
    blank: bool,
) -> None:  # fmt: skip
    # rows of mixed widths, blank lines, multi-line cells, CRLF and a byte-order mark: reading
    # the file as it decodes, and holding it by column, gives what the text read by row gives
    lines = [",".join(r) for r in rows]
    if blank:
        lines.insert(len(lines) // 2, "")
    text = ("\ufeff" if bom else "") + end.join(lines) + end
    path = tmp_path_factory.mktemp("csv") / "t.csv"
    path.write_bytes(text.encode("utf-8"))
    expected = _read(lambda: parse_csv(path, text))
    assert _read(lambda: read_raw(path)) == expected
    assert _read(lambda: read_raw(path, shared=True)) == expected
    if isinstance(expected, tuple) and len(expected) == 4:
        plain, shared = parse_csv(path, text), read_raw(path, shared=True)
        width = len(plain.header)
        # held by column exactly when every row has the header's width
        assert (shared.columns is not None) == all(len(r) == width for r in plain.rows)
        if shared.columns is not None:
            assert [shared.column(i) for i in range(width)] == [
                [r[i] for r in plain.rows] for i in range(width)]  # fmt: skip


def test_a_bad_byte_is_named_by_its_line_when_the_file_is_read_as_it_decodes(
    tmp_path: Path,
) -> None:
    path = tmp_path / "t.csv"
    path.write_bytes(b"id,name\n" + b"x:1,a\n" * 5000 + b"x:2,\xff\n")
    with pytest.raises(UnusablePackage) as caught:
        read_raw(path, shared=True)
    assert caught.value.code == "bad-encoding" and caught.value.line == 5002
    assert str(caught.value).startswith(f"{path}:5002: not valid UTF-8 (byte 0xff")


@given(st.sets(st.text(st.sampled_from("ab=+-@ \t~é1:\n"), max_size=5)))
def test_clean_plain_text_is_printable_ascii_without_a_formula_start_or_end_space(
    values: set[str],
) -> None:
    def clean(v: str) -> bool:
        return bool(v) and v.isascii() and v.isprintable() and v[0] not in "=+-@ " and (
            v[-1] != " ")  # fmt: skip

    assert set(_suspects(values, plain=True)) == {v for v in values if v and not clean(v)}


@given(st.sets(st.text(st.sampled_from("person:org-ab1\nP"), max_size=12)),
       st.sampled_from(["person", "org", "place"]))  # fmt: skip
def test_ids_of_a_kind_are_the_ids_the_id_check_accepts(values: set[str], kind: str) -> None:
    def accepted(v: str) -> bool:
        try:
            check_id(v)
        except ValueError:
            return False
        return id_kind(v) == kind

    assert ids_of_kind(values, kind) == {v for v in values if accepted(v)}


def test_a_file_quoted_as_needed_is_told_canonical_without_writing_it(tmp_path: Path) -> None:
    """The quote count decides alone only where no cell holds a quote; a needless quote, a
    carriage return or a quote in a cell sends the file to the full comparison."""
    claims = TABLE_BY_NAME["claims"]
    rows = [[f"claim:{i}", "person:kim", "said", "a, b", "person:lee", "", "", "x"]
            for i in range(3)]  # fmt: skip
    text = write(claims.fields, rows)
    cases = {
        "canonical": (text, True),
        "needless quote": (text.replace("said", '"said"', 1), False),
        "crlf": (text.replace("\n", "\r\n"), False),
        "a quote in a cell": (text.replace("a, b", 'a, ""b""'), False),
    }
    for name, (content, expected) in cases.items():
        path = tmp_path / f"{name}.csv"
        path.write_bytes(content.encode("utf-8"))
        raw = parse_csv(path, content, shared=True)
        columns = [raw.column(i) for i in range(len(raw.header))]
        assert isinstance(raw.lines, range) or name == "crlf", name
        assert _quoted_as_needed(claims.fields, columns, path) is expected, name
        assert (file_difference(claims, raw, path) is None) is (name in ("canonical",
                                                                         "a quote in a cell"))


@pytest.mark.parametrize("where", [4094, 4095, 4096, 4097, 8191])
@pytest.mark.parametrize("odd", ['x,"two\nlines"', 'x,"open', "x,nul\x00", "", "x,lone\rcr",
                                 "x," + "c" * 140_000, 'x,"a,""b"""'])  # fmt: skip
def test_a_long_file_is_read_alike_whatever_stands_at_a_step_boundary(
    tmp_path: Path, where: int, odd: str
) -> None:
    """Rows split in C a step of lines at a time (quoted lines by the csv module) give what the
    csv module gives for the whole file, with a record over two lines, a broken or NUL cell, a
    blank line, a carriage return or a cell too long just before, at or after a step's end."""
    lines = [f"id:{i},plain" if i % 3 else f'id:{i},"a, quoted"' for i in range(9000)]
    lines.insert(where, odd)
    text = "id,name\n" + "\n".join(lines) + "\n"
    path = tmp_path / "t.csv"
    path.write_bytes(text.encode("utf-8"))
    expected = _read(lambda: parse_csv(path, text))
    assert _read(lambda: read_raw(path, shared=True)) == expected
    assert _read(lambda: parse_csv(path, text, shared=True)) == expected
