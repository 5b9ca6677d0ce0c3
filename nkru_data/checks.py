"""Semantic checks: what a Table Schema cannot say.

Within each table: id kinds, EDTF validity and order, value order, coordinates, formula
injection, NFC and white space, duplicate natural keys, parent cycles, canonical formatting;
across tables (:mod:`nkru_data.links`): references, citations and quotes, labels; and the
freshness of the descriptor's generated parts. Works on the raw CSV strings, so one pass
serves packages of any size.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import links
from .csvfile import RawTable, first_difference, read_raw
from .dates import EdtfError, not_after, parse
from .descriptor import stale_parts
from .errors import UnusablePackage
from .layout import TABLES, Table
from .schema import column_specs
from .tables import check_header, render
from .types import LIST_SEPARATOR, check_id, id_kind, iso_countries
from .validate import Problem, display_path

#: natural keys: two rows agreeing on all of these are the same record entered twice
NATURAL_KEYS: dict[str, tuple[str, ...]] = {
    "people": ("name", "born", "description"),
    "organizations": ("name", "country"),
    "places": ("name", "kind", "country"),
    "events": ("kind", "date", "title"),
    "agreements": ("title",),
    "statistics": ("indicator", "value", "low", "high", "period", "place", "reported_by"),
    "claims": ("subject", "property", "value", "claimed_by"),
    "affiliations": ("person", "organization", "role", "start"),
}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Rows:
    """A table's rows as dicts, each with its line.

    The dicts are made afresh on each pass rather than kept: at a million rows, keeping them
    would cost more memory than the raw rows themselves.
    """

    def __init__(self, table: Table, raw: RawTable, shown: str) -> None:
        self.table, self.raw, self.shown = table, raw, shown
        self.header = raw.header

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        header = self.header
        return ((line, dict(zip(header, row))) for line, row in zip(self.raw.lines, self.raw.rows))

    def problem(
        self,
        code: str,
        message: str,
        line: int | None,
        field: str | None = None,
        value: str | None = None,
    ) -> Problem:
        column = self.header.index(field) + 1 if field in self.header else None
        return Problem(code, message, self.shown, line, field, value, column)


def _formula(value: str) -> bool:
    """A cell a spreadsheet would run as a formula (``=1+2``, ``@SUM``, ``-cmd``), not ``-5``."""
    if not value.startswith(FORMULA_START):
        return False
    if value[0] in "+-":
        rest = value[1:2]
        return bool(rest) and not (rest.isdigit() or rest in " .")
    return True


def read_tables(descriptor: Path, data: dict[str, Any]) -> tuple[list[Problem], dict[str, Rows]]:
    """Read every table strictly; problems for missing, unreadable or misdeclared files."""
    folder = descriptor.parent
    problems: list[Problem] = []
    tables: dict[str, Rows] = {}
    declared = {r.get("name"): r for r in data.get("resources", []) if isinstance(r, dict)}
    shown_descriptor = display_path(descriptor)
    for name, resource in declared.items():
        declared_path = str(resource.get("path", ""))
        if (
            declared_path.startswith(("/", "\\"))
            or ".." in Path(declared_path).parts
            or "://" in declared_path
        ):
            problems.append(
                Problem(
                    "unsafe-path",
                    f"resource {name!r} points outside the package: {declared_path!r}",
                    shown_descriptor,
                    field="path",
                    value=declared_path,
                )
            )
        elif name not in {t.name for t in TABLES}:
            problems.append(
                Problem(
                    "unexpected-resource",
                    f"resource {name!r} is not a table of this dataset",
                    shown_descriptor,
                    field="name",
                    value=name,
                )
            )
    for table in TABLES:
        rel = f"data/{table.name}.csv"
        path = folder / rel
        shown = display_path(path)
        if declared.get(table.name, {}).get("path") != rel:
            problems.append(
                Problem(
                    "unexpected-resource",
                    f"resource {table.name!r} must be declared with path {rel!r}",
                    shown_descriptor,
                )
            )
        if not path.is_file():
            problems.append(
                Problem(
                    "missing-file",
                    "the table file is missing; every table has a file (a header line at least)",
                    shown,
                )
            )
            continue
        try:
            raw = read_raw(path)
            check_header(table, raw)
        except UnusablePackage as exc:
            message = str(exc).split(": ", 1)[-1] if exc.line else str(exc)
            problems.append(Problem(exc.code, message, shown, exc.line))
            continue
        tables[table.name] = Rows(table, raw, shown)
    return problems, tables


def _cells(rows: Rows) -> Iterator[Problem]:
    """Per-cell checks driven by the column specs."""
    table = rows.table
    specs = column_specs(table.model)
    countries = iso_countries()
    width = len(rows.header)
    for (line, row), raw_row in zip(rows, rows.raw.rows):
        if len(raw_row) != width:
            yield rows.problem(
                "row-width", f"the row has {len(raw_row)} cells, the header {width}", line
            )
            continue
        for spec in specs:
            value = row[spec.name]
            if not value:
                continue
            if _formula(value):
                yield rows.problem(
                    "formula-injection",
                    "a cell must not start with = + - @ followed"
                    " by text: spreadsheets run it as a formula",
                    line,
                    spec.name,
                    value,
                )
            if value != value.strip():
                yield rows.problem(
                    "whitespace", "leading or trailing white space", line, spec.name, value
                )
            if not value.isascii() and not unicodedata.is_normalized("NFC", value):
                yield rows.problem(
                    "not-nfc",
                    "text is not in Unicode NFC form (run nkru-data fmt)",
                    line,
                    spec.name,
                    value,
                )
            if spec.column.format == "edtf":
                try:
                    parse(value)
                except EdtfError as exc:
                    yield rows.problem("invalid-edtf", str(exc), line, spec.name, value)
            if spec.name == "country" or (spec.name == "nationality"):
                bad = [c for c in value.split(LIST_SEPARATOR) if c not in countries]
                if bad:
                    yield rows.problem(
                        "unknown-country",
                        f"{', '.join(bad)}: not an ISO 3166-1 alpha-2 code",
                        line,
                        spec.name,
                        value,
                    )
        if table.kind and row.get("id"):
            try:
                check_id(row["id"])
            except ValueError as exc:
                yield rows.problem("bad-id", str(exc), line, "id", row["id"])
            else:
                if id_kind(row["id"]) != table.kind:
                    yield rows.problem(
                        "id-kind",
                        f"ids in {table.name} start with '{table.kind}:'",
                        line,
                        "id",
                        row["id"],
                    )


def _record_rules(rows: Rows) -> Iterator[Problem]:
    """Rules across a row's cells: date order, value order, coordinates."""
    pairs = {"people": ("born", "died"), "affiliations": ("start", "end")}
    name = rows.table.name
    for line, row in rows:
        if name in pairs:
            first, second = pairs[name]
            try:
                ordered = not_after(row.get(first) or None, row.get(second) or None)
            except EdtfError:
                ordered = True  # reported as invalid-edtf
            if not ordered:
                yield rows.problem(
                    "date-order",
                    f"{first} {row[first]} is after {second} {row[second]}",
                    line,
                    second,
                    row[second],
                )
        if name == "statistics":
            try:
                nums = [float(row[k]) if row.get(k) else None for k in ("low", "value", "high")]
            except ValueError:
                continue  # a type-error from the structural layer
            known = [n for n in nums if n is not None]
            if known != sorted(known):
                yield rows.problem(
                    "value-order",
                    "low ≤ value ≤ high does not hold",
                    line,
                    "value",
                    row.get("value"),
                )
        if name == "places" and bool(row.get("lat")) != bool(row.get("lon")):
            yield rows.problem(
                "incomplete-coordinates",
                "give both lat and lon, or neither",
                line,
                "lat" if not row.get("lat") else "lon",
            )


def _duplicates(rows: Rows) -> Iterator[Problem]:
    key = NATURAL_KEYS.get(rows.table.name)
    if not key:
        return
    seen: dict[tuple[str, ...], str] = {}
    for line, row in rows:
        k = tuple(row.get(f, "") for f in key)
        if k in seen:
            yield rows.problem(
                "duplicate-record",
                f"same {', '.join(key)} as {seen[k]}: one record entered twice?",
                line,
                key[0],
                row.get(key[0]),
            )
        else:
            seen[k] = row.get("id", "")


def _cycles(rows: Rows) -> Iterator[Problem]:
    parent = {row["id"]: row.get("parent", "") for _, row in rows if row.get("id")}
    for line, row in rows:
        seen, node = {row.get("id")}, parent.get(row.get("id", ""), "")
        while node:
            if node in seen:
                yield rows.problem(
                    "parent-cycle",
                    f"the parent chain of {row['id']} loops back to {node}",
                    line,
                    "parent",
                    row.get("parent"),
                )
                break
            seen.add(node)
            node = parent.get(node, "")


def _canonical(rows: Rows) -> Iterator[Problem]:
    current = rows.raw.path.read_bytes()
    line = first_difference(current, render(rows.table, rows.raw.header, rows.raw.rows))
    if line is None:
        return
    reason = (
        "CRLF line ends"
        if b"\r\n" in current
        else "a byte-order mark"
        if current.startswith(b"\xef\xbb\xbf")
        else "column order, row order, quoting or NFC"
    )
    yield rows.problem(
        "not-canonical",
        f"not in canonical form ({reason}) from this line on; run `nkru-data fmt`",
        line,
    )


def semantic_problems(
    descriptor: Path, data: dict[str, Any]
) -> tuple[list[Problem], dict[str, RawTable]]:
    """All semantic problems of a package, and the raw tables read on the way."""
    problems, tables = read_tables(descriptor, data)
    ids = {
        row["id"] for rows in tables.values() if rows.table.kind for _, row in rows if row.get("id")
    }
    for rows in tables.values():
        problems.extend(_cells(rows))
        problems.extend(_record_rules(rows))
        problems.extend(_duplicates(rows))
        if rows.table.name in ("places", "organizations"):
            problems.extend(_cycles(rows))
        problems.extend(_canonical(rows))
    problems.extend(links.references(tables, ids))
    problems.extend(links.evidence(tables, descriptor.parent))
    problems.extend(links.labels(tables))
    if len(tables) == len(TABLES):
        for part in stale_parts(data, descriptor.parent):
            code = "stale-hash" if part.endswith((".hash", ".bytes")) else "stale-schema"
            problems.append(
                Problem(
                    code,
                    f"{part} is out of date: run `nkru-data schemas`",
                    display_path(descriptor),
                    field=part,
                )
            )
    return problems, {name: rows.raw for name, rows in tables.items()}
