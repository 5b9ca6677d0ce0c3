"""Semantic checks: what a Table Schema cannot say.

Reading (every file strictly, safely, each row's width once), then within each table: cells
(:mod:`nkru_data.cells`: hygiene, EDTF, numbers, formula injection, look-alikes), record rules
(date and value order, coordinates), duplicate natural keys, parent cycles, canonical
formatting; across tables (:mod:`nkru_data.links`): references, coverage, citations and quotes,
labels; and the freshness of the descriptor's generated parts. Works on the raw CSV strings, so
one pass serves packages of any size.
"""

from __future__ import annotations

import csv
import io
import os
import unicodedata
from collections.abc import Iterator
from itertools import pairwise
from pathlib import Path
from typing import Any

from nkru_data.errors import UnusablePackage
from nkru_data.lang.dates import EdtfError, not_after
from nkru_data.model.layout import MAY_BE_EMPTY, TABLES, Table
from nkru_data.model.values import parse_number
from nkru_data.report import Problem, display_path
from nkru_data.store.csvfile import RawTable, bad_widths, first_difference, read_raw
from nkru_data.store.descriptor import declared_resources, stale_parts
from nkru_data.store.safety import inside
from nkru_data.store.tables import check_header, render
from nkru_data.validation import cells, identity, links, provenance

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
#: rows of one table reported as row-width problems at most; the rest are counted
_WIDTH_PROBLEMS = 100


class Rows:
    """A table's rows as dicts, each with its line.

    The dicts are made afresh on each pass rather than kept: at a million rows, keeping them
    would cost more memory than the raw rows themselves. Rows of the wrong width are reported
    once when read and left out of every pass.
    """

    def __init__(self, table: Table, raw: RawTable, shown: str, bad: frozenset[int]) -> None:
        self.table, self.raw, self.shown = table, raw, shown
        self.header = raw.header
        self._columns = {name: i + 1 for i, name in enumerate(raw.header)}
        self.bad = bad

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        header, bad = self.header, self.bad
        return (
            (line, dict(zip(header, row)))
            for index, (line, row) in enumerate(zip(self.raw.lines, self.raw.rows))
            if index not in bad
        )

    def problem(
        self,
        code: str,
        message: str,
        line: int | None,
        field: str | None = None,
        value: str | None = None,
    ) -> Problem:
        column = self._columns.get(field) if field else None
        if value is not None and len(value) > 200:
            value = value[:200] + "…"
        return Problem(code, message, self.shown, line, field, value, column)


def read_tables(descriptor: Path, data: dict[str, Any]) -> tuple[list[Problem], dict[str, Rows]]:
    """Read every table strictly; problems for missing, unreadable, unsafe or misdeclared files.

    Files are opened only through :func:`~nkru_data.safety.inside` (no symlink, nothing outside
    the package); each row's width is checked here, once, so that no later check meets a
    ragged row.
    """
    folder = descriptor.parent
    problems: list[Problem] = []
    tables: dict[str, Rows] = {}
    declared = declared_resources(data)
    shown_descriptor = display_path(descriptor)
    known = {t.name for t in TABLES}
    for name, resource in declared.items():
        if name not in known:
            problems.append(Problem(
                "unexpected-resource", f"resource {name[:80]!r} is not a table of this dataset",
                shown_descriptor, field="name", value=name[:200]))  # fmt: skip
        elif resource.get("path") != f"data/{name}.csv":
            problems.append(Problem(
                "unexpected-resource", f"resource {name!r} must be declared with path"
                f" 'data/{name}.csv'", shown_descriptor, field="path",
                value=str(resource.get("path"))[:200]))  # fmt: skip
    for table in TABLES:
        rel = f"data/{table.name}.csv"
        shown = display_path(folder / rel)
        if table.name not in declared:
            problems.append(Problem(
                "unexpected-resource", f"resource {table.name!r} must be declared with path"
                f" {rel!r}", shown_descriptor))  # fmt: skip
        try:
            path = inside(folder, rel)
        except UnusablePackage as exc:
            problems.append(Problem(exc.code, str(exc), shown, field="path"))
            continue
        if not path.is_file():
            problems.append(Problem(
                "missing-file", "the table file is missing; every table has a file (a header"
                " line at least)", shown))  # fmt: skip
            continue
        try:
            raw = read_raw(path)
            check_header(table, raw)
        except UnusablePackage as exc:
            message = str(exc).split(": ", 1)[-1] if exc.line else str(exc)
            problems.append(Problem(exc.code, message, shown, exc.line))
            continue
        bad = bad_widths(raw)
        rows = Rows(table, raw, shown, frozenset(bad))
        for index in bad[:_WIDTH_PROBLEMS]:
            problems.append(rows.problem(
                "row-width", f"the row has {len(raw.rows[index])} cells, the header"
                f" {len(raw.header)}", raw.lines[index]))  # fmt: skip
        if len(bad) > _WIDTH_PROBLEMS:
            problems.append(rows.problem(
                "row-width", f"and {len(bad) - _WIDTH_PROBLEMS} more rows of the wrong width",
                raw.lines[bad[_WIDTH_PROBLEMS]]))  # fmt: skip
        tables[table.name] = rows
    return problems, tables


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
                nums = [parse_number(row[k]) if row.get(k) else None
                        for k in ("low", "value", "high")]  # fmt: skip
            except ValueError:
                continue  # reported by the cell checks
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


def _canonical_text(table: Table, raw: RawTable) -> str:
    """The canonical text of a table; written straight from its rows when they are in order.

    Most files are canonical already: their columns in the model's order, rows sorted by key,
    text in NFC. Then only the quoting is left to compare, and no row needs a dict, a sort or a
    normalisation.
    """
    if raw.header != table.fields:
        return render(table, raw.header, raw.rows)
    index = [raw.header.index(k) for k in table.primary_key]
    keys = [tuple(row[i] for i in index) for row in raw.rows]
    normal = unicodedata.is_normalized
    if any(a > b for a, b in pairwise(keys)) or not all(
        v.isascii() or normal("NFC", v) for row in raw.rows for v in row
    ):
        return render(table, raw.header, raw.rows)
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(table.fields)
    writer.writerows(raw.rows)
    return out.getvalue()


def _canonical(rows: Rows) -> Iterator[Problem]:
    current = rows.raw.path.read_bytes()
    line = first_difference(current, _canonical_text(rows.table, rows.raw))
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
    descriptor: Path,
    data: dict[str, Any],
    tables: dict[str, Rows],
    seeds: str | os.PathLike[str] | None = None,
) -> list[Problem]:
    """All semantic problems of a package whose tables :func:`read_tables` has read.

    ``seeds``: the folder of archived texts (default ``seeds/`` beside the package folder).
    """
    problems: list[Problem] = []
    ids = {
        row["id"] for rows in tables.values() if rows.table.kind for _, row in rows if row.get("id")
    }
    for rows in tables.values():
        problems.extend(cells.cell_problems(rows))
        problems.extend(_record_rules(rows))
        problems.extend(_duplicates(rows))
        if rows.table.name in ("places", "organizations"):
            problems.extend(_cycles(rows))
        if not rows.raw.rows and rows.table.name not in MAY_BE_EMPTY:
            problems.append(rows.problem(
                "empty-table", f"{rows.table.name} has no rows: every table of this dataset"
                " holds records", 1))  # fmt: skip
        if not rows.bad:
            problems.extend(_canonical(rows))
    problems.extend(cells.look_alike_ids(tables))
    problems.extend(links.references(tables, ids))
    problems.extend(links.coverage(tables))
    seeds_dir = Path(seeds) if seeds is not None else descriptor.parent.parent / "seeds"
    problems.extend(provenance.evidence(tables, seeds_dir, explicit=seeds is not None))
    problems.extend(provenance.field_evidence(tables))
    problems.extend(links.labels(tables))
    problems.extend(links.disputes(tables))
    problems.extend(links.unreviewed_names(tables))
    problems.extend(identity.redirects(tables, ids))
    problems.extend(identity.duplicates(tables))
    if len(tables) == len(TABLES) and not any(rows.bad for rows in tables.values()):
        for part in stale_parts(data, descriptor.parent):
            code = "stale-hash" if part.endswith((".hash", ".bytes")) else "stale-schema"
            problems.append(Problem(code, f"{part} is out of date: run `nkru-data schemas`",
                                    display_path(descriptor), field=part))  # fmt: skip
    return problems
