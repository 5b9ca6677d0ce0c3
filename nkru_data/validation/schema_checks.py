"""The Table Schemas compiled into checks, run on the rows the semantic layer already read.

Stock frictionless reads every CSV a second time and builds a row object, a cell reader and an
error list per row: most of ``validate``'s cost. Here each field of each resource's declared
Table Schema becomes one specialised check (:mod:`~nkru_data.validation.schema_fields`), run
down its column of the raw rows that :func:`~nkru_data.validation.checks.read_tables` parsed
once; primary keys, unique fields and foreign keys are checked through dict and set indexes.
The result has the shape of a frictionless report (error ``type``, ``rowNumber``,
``fieldName``, ``note``…), so :func:`~nkru_data.validation.structure.structural_problems`
turns both engines' findings into the same problems.

As frictionless does: header labels are matched to fields by position; a row whose cells are
all null is one ``blank-row`` (its cell errors dropped); a key compares parsed values and names
the latest earlier row with the same; a foreign key skips an all-null reference; a table
reports at most 1,000 errors.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from nkru_data.store.csvfile import RawTable
from nkru_data.validation.schema_fields import Column, names

#: frictionless' default error limit per table (``limit_errors``)
LIMIT_ERRORS = 1000


def _header_errors(fields: list[Column], labels: tuple[str, ...]) -> list[dict[str, Any]]:
    """Label errors as frictionless' header reports them (fields are matched by position)."""
    errors: list[dict[str, Any]] = []
    for number, label in enumerate(labels[len(fields):], start=len(fields) + 1):
        errors.append({"type": "extra-label", "note": "", "label": label, "fieldName": "",
                       "fieldNumber": number,
                       "message": f'There is an extra label "{label}" in header at position'
                                  f' "{number}"'})  # fmt: skip
    for column in fields[len(labels):]:
        errors.append({"type": "missing-label", "note": "", "label": "",
                       "fieldName": column.name, "fieldNumber": column.number,
                       "message": f"There is a missing label in the header's field"
                                  f' "{column.name}" at position "{column.number}"'})  # fmt: skip
    for column, label in zip(fields, labels):
        number, base = column.number, {"fieldName": column.name, "fieldNumber": column.number}
        if not label:
            errors.append({**base, "type": "blank-label", "note": "", "label": "",
                           "message": f'Label in the header in field at position "{number}"'
                                      " is blank"})  # fmt: skip
            continue
        seen = [str(i) for i, other in enumerate(labels[: number - 1], start=1) if other == label]
        if seen:
            note = f'at position "{", ".join(seen)}"'
            errors.append({**base, "type": "duplicate-label", "note": note, "label": label,
                           "message": f'Label "{label}" in the header at position "{number}"'
                                      f" is duplicated to a label: {note}"})  # fmt: skip
        elif label != column.name:
            errors.append({**base, "type": "incorrect-label", "note": "", "label": label,
                           "message": f'Label "{label}" in field {column.name} at position'
                                      f' "{number}" does not match the field name in the'
                                      " schema"})  # fmt: skip
    return errors


class _Table:
    """One resource compiled: its columns, keys, and its rows' numbers as frictionless counts."""

    def __init__(self, resource: dict[str, Any], raw: RawTable) -> None:
        schema = resource["schema"]
        missing = schema.get("missingValues", [""])
        self.name: str = resource["name"]
        self.place: str = resource.get("path", "")
        self.raw = raw
        self.columns = [Column(f, n, missing) for n, f in enumerate(schema["fields"], start=1)]
        self.by_name = {c.name: c for c in self.columns}
        key = names(schema.get("primaryKey", [])) or []
        self.primary_key = key if key and set(key) <= self.by_name.keys() else []
        self.foreign_keys = [
            (names(fk["fields"]) or [], fk["reference"].get("resource", "") or self.name,
             names(fk["reference"]["fields"]) or [])
            for fk in schema.get("foreignKeys", [])
        ]
        self.foreign_keys = [fk for fk in self.foreign_keys if set(fk[0]) <= self.by_name.keys()]
        if raw.record_lines is None:
            self.numbers: Sequence[int] = range(2, raw.count + 2)
            self.blank_records: list[int] = []
        else:
            position = {line: n for n, line in enumerate(raw.record_lines, start=1)}
            self.numbers = [position[line] for line in raw.lines]
            taken = set(self.numbers)
            self.blank_records = [n for n in range(2, len(raw.record_lines) + 1)
                                  if n not in taken]  # fmt: skip
        self.values: dict[str, list[Any]] = {}
        self.cell_errors: dict[int, list[dict[str, Any]]] = {}
        self.referenced: set[str] = set()  # fields another table's foreign key points at
        self.scanned = False

    def keyed(self) -> set[str]:
        """Fields whose parsed values a key or a uniqueness rule needs."""
        names = set(self.primary_key) | self.referenced
        names.update(c.name for c in self.columns if c.constraints.get("unique"))
        for fields, _, _ in self.foreign_keys:
            names.update(fields)
        return names

    def scan(self) -> None:
        """Check every column once, keeping the parsed values the keys need."""
        if self.scanned:
            return
        keyed = self.keyed()
        for column in self.columns:
            values = column.scan(self.raw.column(column.number - 1), self.cell_errors,
                                 keep=column.name in keyed)  # fmt: skip
            if values is not None:
                self.values[column.name] = values
        self.scanned = True


def _blank_rows(table: _Table) -> set[int]:
    """Indexes of the rows whose every cell is null (by the missing values of the field at its
    position, or empty, as frictionless' blank-row rule reads a row), column by column."""
    raw, width = table.raw, len(table.raw.header)
    if all(c.missing == {""} for c in table.columns):
        tests = [(index, frozenset({""})) for index in range(width)]
    else:
        tests = [(c.number - 1, c.missing) for c in table.columns[:width]]
    if not tests:
        return set(range(raw.count))
    (first, missing), *rest = tests
    blank = [i for i, v in enumerate(raw.column(first)) if v in missing]
    for index, missing in rest:
        if not blank:
            break
        cells = raw.column(index)
        blank = [i for i in blank if cells[i] in missing]
    return set(blank)


def _row_error(kind: str, number: int, note: str, **more: Any) -> dict[str, Any]:
    templates = {
        "blank-row": f'Row at position "{number}" is completely blank',
        "primary-key": f'Row at position "{number}" violates the primary key: {note}',
        "foreign-key": f'Row at position "{number}" violates the foreign key: {note}',
    }
    message = templates.get(kind, f'Row at position "{number}" has unique constraint violation'
                                  f' in field "{more.get("fieldName")}" at position'
                                  f' "{more.get("fieldNumber")}": {note}')  # fmt: skip
    return {"type": kind, "note": note, "rowNumber": number, "message": message, **more}


def _keys(columns: list[list[Any]]) -> tuple[list[Any], Any]:
    """A key's values row by row, and its all-null value: a one-field key is its column
    itself (no tuple per row), a key of several fields their values zipped."""
    if len(columns) == 1:
        return columns[0], None
    return list(zip(*columns)), (None,) * len(columns)


def _distinct(columns: list[list[Any]], count: int) -> bool:
    """A key of several fields without a null cell and without a repeat, told in C (no list
    of the keys is made); ``False`` also for a key of one field, which :func:`_keys` takes as
    its column."""
    return len(columns) > 1 and not any(None in c for c in columns) and (
        len(set(zip(*columns))) == count)  # fmt: skip


def _repeats(values: list[Any], numbers: Sequence[int]) -> dict[int, int]:
    """Row index -> the number of the latest earlier row with the same (non-null) value."""
    if len(set(values) - {None}) == len(values) - values.count(None):  # in C: none repeats
        return {}
    seen: dict[Any, int] = {}
    found: dict[int, int] = {}
    for index, value in enumerate(values):
        if value is None:
            continue
        match = seen.get(value)
        seen[value] = numbers[index]
        if match:
            found[index] = match
    return found


def _table_errors(table: _Table, lookups: dict[tuple[str, tuple[str, ...]], set[Any]]
                  ) -> list[dict[str, Any]]:  # fmt: skip
    """Every error of one table, in frictionless' order, cut at :data:`LIMIT_ERRORS`."""
    raw, numbers = table.raw, table.numbers
    table.scan()
    errors = table.cell_errors
    late: dict[int, list[dict[str, Any]]] = {}  # after the cell errors: unique, keys
    blank = _blank_rows(table)
    for column in table.columns:
        if column.constraints.get("unique"):
            for index, match in _repeats(table.values[column.name], numbers).items():
                late.setdefault(index, []).append(_row_error(
                    "unique-error", numbers[index], f"the same as in the row at position {match}",
                    cell=str(table.values[column.name][index]), fieldName=column.name,
                    fieldNumber=column.number))  # fmt: skip
    blank_records: dict[int, list[dict[str, Any]]] = {
        n: [_row_error("blank-row", n, "")] for n in table.blank_records
    }
    if table.primary_key:
        key_columns = [table.values[f] for f in table.primary_key]
        all_null = 'cells composing the primary keys are all "None"'
        if _distinct(key_columns, raw.count):
            keys: list[Any] = []  # no null and no repeat: nothing to report
        else:
            keys, null = _keys(key_columns)
        if keys and null in keys:
            for index, key in enumerate(keys):
                if key == null:
                    late.setdefault(index, []).append(_row_error("primary-key", numbers[index],
                                                                 all_null))  # fmt: skip
            keys = [None if k == null else k for k in keys]
        for index, match in _repeats(keys, numbers).items():
            late.setdefault(index, []).append(_row_error(
                "primary-key", numbers[index], f"the same as in the row at position {match}"))
        for found in blank_records.values():
            found.append(_row_error("primary-key", found[0]["rowNumber"], all_null))
    for fields, target, target_fields in table.foreign_keys:
        lookup = lookups[(target, tuple(target_fields))]
        refs, null = _keys([table.values[f] for f in fields])
        if not (set(refs) - lookup - {null}):
            continue
        for index, ref in enumerate(refs):
            if ref != null and ref not in lookup:
                shown = ", ".join(map(str, ref)) if isinstance(ref, tuple) else str(ref)
                note = (f'for "{", ".join(fields)}": values "{shown}"'
                        f' not found in the lookup table "{target}" as'
                        f' "{", ".join(target_fields)}"')  # fmt: skip
                late.setdefault(index, []).append(_row_error("foreign-key", numbers[index], note))
    by_number: dict[int, list[dict[str, Any]]] = dict(blank_records)
    for index in {*errors, *late, *blank}:
        found = ([_row_error("blank-row", numbers[index], "")] if index in blank
                 else errors.get(index, []))  # fmt: skip
        for error in found:
            error.setdefault("rowNumber", numbers[index])
        by_number[numbers[index]] = found + late.get(index, [])
    out = _header_errors(table.columns, raw.header)
    for number in sorted(by_number):
        out.extend(by_number[number])
        if len(out) >= LIMIT_ERRORS:
            return out[:LIMIT_ERRORS]
    return out


def check_tables(data: dict[str, Any], raws: dict[str, RawTable],
                 described: dict[str, Any]) -> dict[str, Any]:  # fmt: skip
    """A frictionless-shaped report of every resource, given the descriptor's own verdict.

    ``described``: what frictionless said of the descriptor alone (package ``errors``, and
    ``resources``: each resource's metadata errors by name); a package with descriptor errors
    is not read further, and a resource with its own is reported by those, as frictionless does.
    """
    if "crash" in described:
        return described
    if described.get("errors"):
        return {"errors": described["errors"], "tasks": []}
    own: dict[str, list[dict[str, Any]]] = described.get("resources", {})
    tables = [_Table(r, raws[r["name"]]) for r in data["resources"]]
    by_name = {t.name: t for t in tables}
    for table in tables:
        for _, target, target_fields in table.foreign_keys:
            by_name[target].referenced.update(target_fields)
    lookups: dict[tuple[str, tuple[str, ...]], set[Any]] = {}
    for table in tables:
        for _, target, target_fields in table.foreign_keys:
            key = (target, tuple(target_fields))
            if key not in lookups:
                source = by_name[target]
                source.scan()
                values, null = _keys([source.values[f] for f in target_fields])
                lookups[key] = set(values) - {null}
    tasks = []
    for table in tables:
        errors = own.get(table.name) or _table_errors(table, lookups)
        tasks.append({"name": table.name, "place": table.place, "errors": errors})
        table.values.clear()
        table.cell_errors.clear()
    return {"errors": [], "tasks": tasks}
