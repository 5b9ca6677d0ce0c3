"""Semantic checks: what a Table Schema cannot say.

Reading (every file strictly, safely, each row's width once), then within each table: cells
(:mod:`nkru_data.cells`: hygiene, EDTF, numbers, formula injection, look-alikes), record rules
(date and value order, coordinates), duplicate natural keys, parent cycles, canonical
formatting; across tables (:mod:`nkru_data.links`): references, coverage, citations and quotes,
labels; and the freshness of the descriptor's generated parts. Works on the raw CSV strings, so
one pass serves packages of any size.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any

from nkru_data.errors import UnusablePackage
from nkru_data.lang.dates import EdtfError, not_after
from nkru_data.model.layout import MAY_BE_EMPTY, TABLES, Table
from nkru_data.model.values import parse_number
from nkru_data.report import Problem, display_path
from nkru_data.store.canonical import file_difference
from nkru_data.store.csvfile import RawTable, bad_widths, read_raw
from nkru_data.store.descriptor import declared_resources, stale_parts
from nkru_data.store.safety import inside
from nkru_data.store.tables import check_header
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
    """A table's rows as read, with each row's line; by column or as dicts.

    The checks of this package read whole columns (:meth:`column`), which cost one list of
    references and no new string. Iterating gives each row as a dict, made afresh on each pass
    rather than kept: at a million rows, keeping them would cost more memory than the raw rows
    themselves. Rows of the wrong width are reported once when read and left out of every pass.
    """

    def __init__(self, table: Table, raw: RawTable, shown: str, bad: frozenset[int]) -> None:
        self.table, self.raw, self.shown = table, raw, shown
        self.header = raw.header
        self._columns = {name: i + 1 for i, name in enumerate(raw.header)}
        #: each header name's index in a row
        self.index = {name: i for i, name in enumerate(raw.header)}
        self.bad = bad
        #: the line of each row of the right width
        self.lines: Sequence[int] = raw.lines
        self._body: list[list[str]] | None = None
        if bad:
            self._body = [row for i, row in enumerate(raw.rows) if i not in bad]
            self.lines = [line for i, line in enumerate(raw.lines) if i not in bad]
        self._cache: dict[str, list[str]] = {}

    def __len__(self) -> int:
        return len(self.lines)

    def __iter__(self) -> Iterator[tuple[int, dict[str, str]]]:
        body: Iterable[Sequence[str]] = self._body if self._body is not None else (
            zip(*self.raw.columns) if self.raw.columns is not None else self.raw.rows)  # fmt: skip
        return zip(self.lines, map(dict, map(zip, repeat(self.header), body)))

    def column(self, name: str) -> list[str]:
        """The cells of one column, row by row (empty strings for a column not in the file).

        Each column is made once (or, for a table held by column, is the table's own list):
        the checks read the same columns many times. Not to be changed by the caller.
        """
        cached = self._cache.get(name)
        if cached is not None:
            return cached
        index = self.index.get(name)
        if index is None:
            cells = [""] * len(self.lines)
        elif self._body is None:
            cells = self.raw.column(index)
        else:
            cells = list(map(itemgetter(index), self._body))
        self._cache[name] = cells
        return cells

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
            raw = read_raw(path, shared=True)
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
    """Rules across a row's cells: date order, value order, coordinates.

    Each table has at most one of these rules, and each reads only its two or three columns.
    """
    name = rows.table.name
    if name in _ORDERED:
        yield from _date_order(rows, *_ORDERED[name])
    elif name == "statistics":
        yield from _value_order(rows)
    elif name == "places":
        for line, lat, lon in zip(rows.lines, rows.column("lat"), rows.column("lon")):
            if bool(lat) != bool(lon):
                yield rows.problem("incomplete-coordinates", "give both lat and lon, or neither",
                                   line, "lat" if not lat else "lon")  # fmt: skip


#: the tables whose two dates must come in order
_ORDERED = {"people": ("born", "died"), "affiliations": ("start", "end")}


def _date_order(rows: Rows, first: str, second: str) -> Iterator[Problem]:
    """``first`` not after ``second``; a row missing either cannot break the rule, and each
    distinct pair of dates is compared once."""
    ordered: dict[tuple[str, str], bool] = {}
    for line, a, b in zip(rows.lines, rows.column(first), rows.column(second)):
        if not (a and b):
            continue
        verdict = ordered.get((a, b))
        if verdict is None:
            try:
                verdict = not_after(a, b)
            except EdtfError:
                verdict = True  # reported as invalid-edtf
            ordered[a, b] = verdict
        if not verdict:
            yield rows.problem("date-order", f"{first} {a} is after {second} {b}", line, second, b)


def _value_order(rows: Rows) -> Iterator[Problem]:
    """low ≤ value ≤ high where given; a row with one of them or none cannot break it."""
    for line, low, value, high in zip(rows.lines, rows.column("low"), rows.column("value"),
                                      rows.column("high")):  # fmt: skip
        if bool(low) + bool(value) + bool(high) < 2:
            continue
        try:
            known = [parse_number(v) for v in (low, value, high) if v]
        except ValueError:
            continue  # reported by the cell checks
        if known != sorted(known):
            yield rows.problem("value-order", "low ≤ value ≤ high does not hold", line, "value",
                               value if "value" in rows.index else None)  # fmt: skip


def _duplicates(rows: Rows) -> Iterator[Problem]:
    key = NATURAL_KEYS.get(rows.table.name)
    if not key:
        return
    seen: dict[tuple[str, ...], str] = {}
    ids = rows.column("id")
    for line, id_, k in zip(rows.lines, ids, zip(*(rows.column(f) for f in key))):
        if k in seen:
            yield rows.problem(
                "duplicate-record",
                f"same {', '.join(key)} as {seen[k]}: one record entered twice?",
                line,
                key[0],
                k[0] if key[0] in rows.index else None,
            )
        else:
            seen[k] = id_


def _cycles(rows: Rows) -> Iterator[Problem]:
    ids, parents = rows.column("id"), rows.column("parent")
    parent = {id_: up for id_, up in zip(ids, parents) if id_}
    has_parent = "parent" in rows.index
    for line, id_, up in zip(rows.lines, ids, parents):
        seen, node = {id_}, parent.get(id_, "")
        while node:
            if node in seen:
                yield rows.problem(
                    "parent-cycle",
                    f"the parent chain of {id_} loops back to {node}",
                    line,
                    "parent",
                    up if has_parent else None,
                )
                break
            seen.add(node)
            node = parent.get(node, "")


def _canonical(rows: Rows) -> Iterator[Problem]:
    line = file_difference(rows.table, rows.raw, rows.raw.path)
    if line is None:
        return
    current = rows.raw.path.read_bytes()
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
    ids = {id_ for rows in tables.values() if rows.table.kind for id_ in rows.column("id")}
    ids.discard("")
    for rows in tables.values():
        problems.extend(cells.cell_problems(rows))
        problems.extend(_record_rules(rows))
        problems.extend(_duplicates(rows))
        if rows.table.name in ("places", "organizations"):
            problems.extend(_cycles(rows))
        if not rows.raw.count and rows.table.name not in MAY_BE_EMPTY:
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
