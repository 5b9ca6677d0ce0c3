"""Generated schemas: Table Schemas in ``datapackage.json`` and ``schemas/*.schema.json``.

Both are derived from the models in :mod:`nkru_data.models`; nothing here is hand-edited.
:func:`column_specs` is the one place that reads a model's annotations, and the CSV reader and
writer in :mod:`nkru_data.tables` use it too.
"""

from __future__ import annotations

import json
import types as pytypes
from dataclasses import dataclass
from enum import Enum
from functools import cache
from typing import Annotated, Any, Union, get_args, get_origin

from nkru_data.model.layout import TABLES, TABLESCHEMA_PROFILE, Table
from nkru_data.model.records import Record
from nkru_data.model.types import Column


@dataclass(frozen=True)
class ColumnSpec:
    """What the CSV reader, writer and schema generator need to know of one column."""

    name: str
    kind: str  # Table Schema type: string | number | integer | boolean
    required: bool
    description: str | None
    column: Column
    enum: tuple[str, ...] | None = None
    enum_type: type[Enum] | None = None


def _unwrap(annotation: Any, metadata: list[Any]) -> tuple[Any, list[Any]]:
    """Strip ``Optional`` and ``Annotated`` layers, gathering their metadata."""
    meta = list(metadata)
    while True:
        origin = get_origin(annotation)
        if origin in (Union, pytypes.UnionType):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        elif origin is Annotated:
            annotation, *extra = get_args(annotation)
            meta.extend(extra)
        else:
            return annotation, meta


@cache
def column_specs(model: type[Record]) -> tuple[ColumnSpec, ...]:
    """The columns of a model's table, in CSV order."""
    specs = []
    for name, info in model.model_fields.items():
        base, meta = _unwrap(info.annotation, list(info.metadata))
        column = next((m for m in meta if isinstance(m, Column)), Column())
        enum_type = base if isinstance(base, type) and issubclass(base, Enum) else None
        if base is bool:
            kind = "boolean"
        elif base is float:
            kind = "number"
        elif base is int:
            kind = "integer"
        else:
            kind = column.type
        specs.append(
            ColumnSpec(
                name=name,
                kind=kind,
                required=info.is_required(),
                description=info.description,
                column=column,
                enum=tuple(m.value for m in enum_type) if enum_type else None,
                enum_type=enum_type,
            )
        )
    return tuple(specs)


def table_schema(table: Table) -> dict[str, Any]:
    """The Table Schema (v2) of one table, with constraints and keys."""
    fields = []
    for spec in column_specs(table.model):
        field: dict[str, Any] = {"name": spec.name, "type": spec.kind}
        if spec.description:
            field["description"] = spec.description
        if spec.kind == "boolean":
            field["trueValues"] = ["true"]
            field["falseValues"] = ["false"]
        constraints: dict[str, Any] = {}
        if spec.required:
            constraints["required"] = True
        if spec.enum:
            constraints["enum"] = list(spec.enum)
        if spec.column.pattern:
            constraints["pattern"] = spec.column.pattern
        if spec.column.minimum is not None:
            constraints["minimum"] = spec.column.minimum
        if spec.column.maximum is not None:
            constraints["maximum"] = spec.column.maximum
        if constraints:
            field["constraints"] = constraints
        fields.append(field)
    schema: dict[str, Any] = {
        "$schema": TABLESCHEMA_PROFILE,
        "fields": fields,
        "missingValues": [""],
        "primaryKey": list(table.primary_key),
    }
    if table.foreign_keys:
        schema["foreignKeys"] = [
            {
                "fields": [field],
                "reference": {"resource": ref_table, "fields": [ref_field]},
            }
            for field, ref_table, ref_field in table.foreign_keys
        ]
    return schema


def json_schema(table: Table) -> dict[str, Any]:
    """The JSON Schema of one record type, as pydantic states it."""
    schema = table.model.model_json_schema(mode="validation")
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = table.title
    return schema


def dumps(data: Any) -> str:
    """Canonical JSON text: two-space indent, UTF-8 characters kept, final newline."""
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def json_schema_files() -> dict[str, str]:
    """File name -> canonical text of every generated JSON Schema."""
    return {f"{t.name}.schema.json": dumps(json_schema(t)) for t in TABLES}
