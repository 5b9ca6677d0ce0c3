"""Each Table Schema field compiled into one check of its column, as frictionless reads it.

Every rule mirrors what frictionless 5 does, not what the Table Schema spec says: a cell equal
to a missing value is null before any check; integers are ``int(cell.strip())`` and numbers
``Decimal(cell.strip())`` (so ``+5``, `` 4`` and ``١٢`` pass, ``4.0`` is no integer); booleans
are looked up in ``trueValues``/``falseValues`` unstripped; a pattern is ``^pattern$`` matched
with :meth:`re.Pattern.match` (a trailing line break passes); constraints are checked only on a
cell without a type error, in frictionless' order. A schema using anything beyond this
(another type or format, ``fieldsMatch``, a file whose sniffed dialect is not plain CSV) is not
compiled: :func:`compilable` says so, and the caller has frictionless read it instead.
Used by :mod:`~nkru_data.validation.schema_checks`.
"""

from __future__ import annotations

import csv
import operator
import re
from collections.abc import Callable
from decimal import Decimal
from itertools import filterfalse
from pathlib import Path
from typing import Any

#: the constraints each type supports, in the order frictionless checks them
_CONSTRAINTS = {
    "string": ("required", "minLength", "maxLength", "pattern", "enum"),
    "integer": ("required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum"),
    "number": ("required", "minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "enum"),
    "boolean": ("required", "enum"),
}
_FIELD_KEYS = {"name", "type", "format", "title", "description", "constraints", "missingValues",
               "trueValues", "falseValues", "rdfType", "example"}  # fmt: skip
_SCHEMA_KEYS = {"$schema", "fields", "missingValues", "primaryKey", "foreignKeys"}
_BOUNDS = {"minimum": operator.ge, "maximum": operator.le,
           "exclusiveMinimum": operator.gt, "exclusiveMaximum": operator.lt}  # fmt: skip
_DEFAULT_TRUE = ["true", "True", "TRUE", "1"]
_DEFAULT_FALSE = ["false", "False", "FALSE", "0"]
#: what frictionless' CSV sniffer reads from the start of a file
_SAMPLE_LINES = 100

Reader = Callable[[str], Any]


def _int(cell: str) -> int | None:
    try:
        return int(cell.strip())
    except ValueError:
        return None


def _decimal(cell: str) -> Decimal | None:
    try:
        return Decimal(cell.strip())
    except ArithmeticError:
        return None


def names(value: Any) -> list[str] | None:
    """A key's field names (a string or a list of strings), or ``None`` when malformed."""
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return value
    return None


def _field_ok(field: Any) -> bool:
    if not isinstance(field, dict) or not isinstance(field.get("name"), str):
        return False
    kind = field.get("type", "string")
    if kind not in _CONSTRAINTS or field.keys() - _FIELD_KEYS:
        return False
    if field.get("format", "default") != "default":
        return False
    constraints = field.get("constraints", {})
    if not isinstance(constraints, dict):
        return False
    allowed = {*_CONSTRAINTS[kind], "unique"}
    if constraints.keys() - allowed:
        return False
    if kind == "boolean" and not all(
        isinstance(field.get(k, []), list) and all(isinstance(v, str) for v in field.get(k, []))
        for k in ("trueValues", "falseValues")
    ):
        return False
    missing = field.get("missingValues", [])
    return isinstance(missing, list) and all(isinstance(v, str) for v in missing)


def _plain_csv(sample: str) -> bool:
    """Frictionless sniffs each file's dialect from its first lines: plain CSV, as we read it?"""
    try:
        sniffed = csv.Sniffer().sniff(sample, ",\t;|")
    except csv.Error:
        return True  # frictionless falls back to the excel dialect: ours
    return (sniffed.delimiter == "," and sniffed.quotechar in ('"', "'")
            and not sniffed.escapechar and not sniffed.skipinitialspace)  # fmt: skip


def head(path: Path) -> str:
    """The first lines of a file, as frictionless' CSV sniffer samples them."""
    with path.open(encoding="utf-8", errors="replace", newline="") as file:
        return "".join(line for _, line in zip(range(_SAMPLE_LINES), file))


def compilable(data: dict[str, Any], samples: dict[str, str]) -> bool:
    """True when every resource's schema and file lies within what the compiled engine mirrors.

    ``samples``: the first lines of each resource's file (:func:`head`), by name: frictionless
    guesses the CSV dialect from them.
    """
    resources = data.get("resources")
    if not isinstance(resources, list):
        return False
    fields_of = {
        r.get("name"): {f.get("name") for f in r["schema"]["fields"] if isinstance(f, dict)}
        for r in resources
        if isinstance(r, dict) and isinstance(r.get("schema"), dict)
        and isinstance(r["schema"].get("fields"), list)
    }  # fmt: skip
    for resource in resources:
        schema = resource.get("schema") if isinstance(resource, dict) else None
        if not isinstance(schema, dict) or schema.keys() - _SCHEMA_KEYS:
            return False
        fields = schema.get("fields")
        if not isinstance(fields, list) or not all(_field_ok(f) for f in fields):
            return False
        missing = schema.get("missingValues", [""])
        if not isinstance(missing, list) or not all(isinstance(v, str) for v in missing):
            return False
        if "primaryKey" in schema and names(schema["primaryKey"]) is None:
            return False
        for fk in schema.get("foreignKeys", []):
            reference = fk.get("reference") if isinstance(fk, dict) else None
            if not isinstance(reference, dict):
                return False
            target = reference.get("resource", "") or resource.get("name")
            own, theirs = names(fk.get("fields")), names(reference.get("fields"))
            if (own is None or theirs is None or len(own) != len(theirs)
                    or target not in fields_of or not set(theirs) <= fields_of[target]):
                return False  # fmt: skip
        name = resource.get("name")
        if name not in samples or not _plain_csv(samples[name]):
            return False
    return True


class Column:
    """One field compiled: how its cells read, and which constraints they must meet."""

    def __init__(self, field: dict[str, Any], number: int, schema_missing: list[str]) -> None:
        self.name: str = field["name"]
        self.number = number
        self.kind: str = field.get("type", "string")
        self.missing = frozenset(field.get("missingValues", schema_missing))
        self.constraints: dict[str, Any] = field.get("constraints", {})
        self.reader: Reader | None = None  # None: the cell is its own value (string)
        if self.kind == "integer":
            self.reader = _int
        elif self.kind == "number":
            self.reader = _decimal
        elif self.kind == "boolean":
            mapping = dict.fromkeys(field.get("trueValues", _DEFAULT_TRUE), True)
            mapping.update(dict.fromkeys(field.get("falseValues", _DEFAULT_FALSE), False))
            self.reader = mapping.get
        self.type_note = f'type is "{self.kind}/{field.get("format", "default")}"'
        self.checks: list[tuple[str, Callable[[Any], bool]]] = []
        for name in _CONSTRAINTS[self.kind]:
            rule = self.constraints.get(name)
            if rule is not None and name != "required":
                self.checks.append((name, self._check(name, rule)))

    def _read(self, value: Any) -> Any:
        return value if self.reader is None or not isinstance(value, str) else self.reader(value)

    def _check(self, name: str, rule: Any) -> Callable[[Any], bool]:
        if name in _BOUNDS:
            bound, compare = self._read(rule), _BOUNDS[name]
            return lambda v: v == v and bool(compare(v, bound))  # NaN meets no bound
        if name == "minLength":
            return lambda v: len(v) >= rule
        if name == "maxLength":
            return lambda v: len(v) <= rule
        if name == "pattern":
            return re.compile(f"^{rule}$").match  # type: ignore[return-value]
        allowed = [self._read(v) for v in rule]  # enum
        return allowed.__contains__

    def note(self, name: str) -> str:
        return f'constraint "{name}" is "{self.constraints[name]}"'

    def scan(self, cells: list[str], errors: dict[int, list[dict[str, Any]]],
             keep: bool) -> list[Any] | None:  # fmt: skip
        """Check one column; errors go to ``errors[row index]``; parsed values if ``keep``.

        Each distinct value is read and judged once (a pattern or an enum in C, over the set
        of values); only the rows holding a failing value are visited, in order, for their
        errors. ``cells`` is not changed (and, for a string column without a null, is the
        list of values returned).
        """
        missing, reader = self.missing, self.reader
        required = bool(self.constraints.get("required"))
        distinct = set(cells)
        nulls = distinct & missing
        present = distinct - nulls
        failing: set[str] = set(nulls) if required else set()
        parsed: dict[str, Any] | None = None
        if reader is None:
            for _, check in self.checks:
                failing.update(filterfalse(check, present))
        else:
            parsed = {v: reader(v) for v in present}
            failing.update(v for v, value in parsed.items() if value is None)
            for _, check in self.checks:
                failing.update(v for v, value in parsed.items()
                               if value is not None and not check(value))  # fmt: skip
        for index in [i for i, v in enumerate(cells) if v in failing] if failing else ():
            cell = cells[index]
            if cell in missing:
                self._error(errors, index, "constraint-error", self.note("required"), cell)
                continue
            value = cell if parsed is None else parsed[cell]
            if value is None:
                self._error(errors, index, "type-error", self.type_note, cell)
                continue
            for name, check in self.checks:
                if not check(value):
                    self._error(errors, index, "constraint-error", self.note(name), cell)
        if not keep:
            return None
        if parsed is None:
            return [None if v in nulls else v for v in cells] if nulls else cells
        parsed.update(dict.fromkeys(nulls))
        return list(map(parsed.__getitem__, cells))

    def _error(self, errors: dict[int, list[dict[str, Any]]], index: int, kind: str, note: str,
               cell: str) -> None:  # fmt: skip
        errors.setdefault(index, []).append({"type": kind, "note": note, "cell": cell,
                                             "fieldName": self.name,
                                             "fieldNumber": self.number})  # fmt: skip


