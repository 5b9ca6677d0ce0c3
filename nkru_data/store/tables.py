"""Reading and writing the CSV tables, and their canonical form.

Canonical form (what ``nkru-data fmt`` writes): UTF-8 without BOM, LF line ends, a final
newline, the model's column order, rows sorted by primary key, minimal quoting, NFC text.
Raw reading lives in :mod:`nkru_data.csvfile`; this module turns raw rows into records and
records back into canonical text.
"""

from __future__ import annotations

import csv
import io
import math
import unicodedata
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from itertools import repeat
from typing import Any

from nkru_data.errors import InvalidRecord
from nkru_data.lang.dates import is_valid, parse
from nkru_data.model.layout import Table
from nkru_data.model.records import Record
from nkru_data.model.schema import ColumnSpec, column_specs
from nkru_data.model.types import LIST_SEPARATOR
from nkru_data.model.values import (
    FALSE,
    INTEGER_RE,
    NUMBER_RE,
    TRUE,
    is_number,
    parse_boolean,
    parse_integer,
    parse_number,
)
from nkru_data.store.csvfile import RawTable, check_widths, gc_paused
from nkru_data.store.csvfile import check_header as header_rule


def _convert_column(spec: ColumnSpec, column: list[str], raw: RawTable) -> list[Any]:
    """Strings of one column -> Python values for the trusted load.

    Each distinct value is judged and converted once, and the column mapped through the
    result in C: a function call per cell would cost more than the CSV parsing itself at a
    million rows (a table repeats its kinds, dates and references down the column, and the
    converted values are immutable, so they are shared). Values are parsed by the rules
    validation applies (:mod:`nkru_data.values`), so a cell that ``validate`` rejects is an
    :class:`InvalidRecord` here too, never a silent guess. Plain text is kept as it is (only
    its empty cells become ``None``): no set of its values is made.
    """
    plain = (not spec.column.is_list and spec.kind not in ("boolean", "number", "integer")
             and spec.enum_type is None and spec.column.format != "edtf")  # fmt: skip
    if plain:
        return _as_text(column)
    present = set(column) - {""}
    converted: dict[str, Any]
    if spec.column.is_list:
        converted = {v: tuple(v.split(LIST_SEPARATOR)) for v in present}
        converted[""] = ()
        return list(map(converted.__getitem__, column))
    if spec.kind == "boolean":
        if not present <= {TRUE, FALSE}:
            _reject(raw, spec.name, column, lambda v: v in ("", TRUE, FALSE), parse_boolean)
        converted = {TRUE: True, FALSE: False}  # empty: not known
    elif spec.kind == "number":
        match = NUMBER_RE.fullmatch
        if not all(map(match, present)):
            _reject(raw, spec.name, column, lambda v: not v or bool(match(v)), parse_number)
        converted = {v: float(v) for v in present}
        if not all(map(math.isfinite, converted.values())):
            _reject(raw, spec.name, column, lambda v: not v or is_number(v), parse_number)
    elif spec.kind == "integer":
        whole = INTEGER_RE.fullmatch
        if not all(map(whole, present)):
            _reject(raw, spec.name, column, lambda v: not v or bool(whole(v)), parse_integer)
        converted = {v: int(v) for v in present}
    elif spec.enum_type is not None:
        converted = {m.value: m for m in spec.enum_type}
        if not present <= converted.keys():
            choices = ", ".join(m.value for m in spec.enum_type)

            def parse_enum(value: str) -> None:
                raise ValueError(f"{value[:40]!r} is not one of: {choices}")

            _reject(raw, spec.name, column, lambda v: not v or v in converted, parse_enum)
    else:  # an EDTF date, kept as its text
        if not all(map(is_valid, present)):
            _reject(raw, spec.name, column, lambda v: not v or is_valid(v), parse)
        return _as_text(column)
    converted[""] = None
    return list(map(converted.__getitem__, column))


#: ``get(cell, cell)``: the cell itself, except an empty one (not known)
_EMPTY_IS_NONE: dict[str, None] = {"": None}


def _as_text(column: list[str]) -> list[Any]:
    """The cells as they are, ``None`` for an empty one (not known); a scan for an empty cell
    costs less than a set of the values. A column without one is the table's own list (read,
    never changed, by :func:`_construct_all`)."""
    return list(map(_EMPTY_IS_NONE.get, column, column)) if "" in column else column


def _reject(
    raw: RawTable,
    field: str,
    column: list[str],
    ok: Callable[[str], bool],
    parse: Callable[[str], object],
) -> None:
    """Raise :class:`InvalidRecord` for the first cell of ``column`` that is not ``ok``."""
    index = next(i for i, v in enumerate(column) if not ok(v))
    try:
        parse(column[index])
        message = "not a valid value"
    except ValueError as exc:
        message = str(exc)
    line = raw.lines[index]
    raise InvalidRecord(f"{raw.path}:{line}: field {field}: {message}", path=str(raw.path),
                        line=line)  # fmt: skip


def _construct_all(
    model: type[Record], header: tuple[str, ...], columns: list[list[Any]]
) -> tuple[Record, ...]:
    """Build records from typed columns without validation.

    What ``model.model_construct(**values)`` does when every field is given, at a fraction of
    its cost: frozen records never change their fields-set, so one set object is shared, and
    each of the four attributes is set on every record in one C-level pass (``map`` of the
    attribute's own setter, :func:`_setter`), not by a Python loop per record.
    """
    count = len(columns[0]) if columns else 0
    out = tuple(map(object.__new__, repeat(model, count)))
    dicts = map(dict, map(zip, repeat(header), zip(*columns)))
    deque(map(_setter(model, "__dict__"), out, dicts), maxlen=0)
    for name, value in (("__pydantic_fields_set__", set(model.model_fields)),
                        ("__pydantic_extra__", None), ("__pydantic_private__", None)):
        deque(map(_setter(model, name), out, repeat(value, count)), maxlen=0)
    return out


def _setter(model: type[Record], name: str) -> Callable[[Any, Any], None]:
    """``setter(record, value)``: what ``object.__setattr__(record, name, value)`` does.

    That call looks the attribute up in the class and calls its descriptor's ``__set__`` (a
    slot or the instance dict, for these four); calling ``__set__`` itself spares the look-up,
    half the cost of a pass over a million records.
    """
    for klass in model.__mro__:
        found = vars(klass).get(name)
        if found is not None and hasattr(type(found), "__set__"):
            setter: Callable[[Any, Any], None] = found.__set__
            return setter
    return lambda record, value: object.__setattr__(record, name, value)


def check_header(table: Table, raw: RawTable) -> None:
    """The header must hold the model's columns (any order), each once, and nothing else."""
    header_rule(raw.header, table.fields, raw.path)


def records(table: Table, raw: RawTable, *, trusted: bool) -> tuple[Record, ...]:
    """Typed records of one table.

    ``trusted`` skips validation (the bundled package is validated before release); otherwise each
    row goes through its pydantic model and the first bad row raises :class:`InvalidRecord`
    naming file, line and field.
    """
    check_header(table, raw)
    check_widths(raw)
    header = raw.header
    if trusted:
        by_name = {s.name: s for s in column_specs(table.model)}
        with gc_paused(promote=True):
            columns = [
                _convert_column(by_name[name], raw.column(i), raw)
                for i, name in enumerate(header)
            ]
            return _construct_all(table.model, header, columns)
    from pydantic import ValidationError

    validated = []
    for row, line in zip(raw.rows, raw.lines):
        try:
            validated.append(table.model.model_validate(dict(zip(header, row))))
        except ValidationError as exc:
            first = exc.errors()[0]
            field = ".".join(str(p) for p in first["loc"]) or "(row)"
            raise InvalidRecord(
                f"{raw.path}:{line}: field {field}: {first['msg']}", path=str(raw.path), line=line
            ) from None
    return tuple(validated)


def sort_key(table: Table) -> Callable[[dict[str, str]], tuple[str, ...]]:
    """Canonical row order: by primary key."""
    key = table.primary_key
    return lambda row: tuple(row.get(k, "") for k in key)


def render(table: Table, header: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """Canonical CSV text of a table's rows (given as strings under ``header``)."""
    fields = table.fields
    dicts = [dict(zip(header, row)) for row in rows]
    dicts.sort(key=sort_key(table))
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(fields)
    for d in dicts:
        writer.writerow([unicodedata.normalize("NFC", d.get(f, "")) for f in fields])
    return out.getvalue()
