"""Structural validation with frictionless: the Table Schemas as a stock validator reads them.

Frictionless is imported here only, and its results are turned into :class:`Problem` s; its
types never leave this module. Paths are never ``trusted``: a resource pointing outside the
package is an error.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from nkru_data.report import Problem, display_path
from nkru_data.store.csvfile import RawTable

#: frictionless error types already reported, more precisely, by the semantic layer
_COVERED = {"hash-count", "byte-count"}
#: frictionless error types passed through under their own name (documented in CONTRIBUTING.md);
#: any other type is reported as ``structure-error`` with frictionless' type in the message
PASSED_THROUGH = frozenset({
    "type-error", "constraint-error", "primary-key", "foreign-key", "missing-cell", "extra-cell",
    "blank-row", "blank-label", "duplicate-label", "missing-label", "extra-label",
    "incorrect-label", "encoding-error", "source-error", "scheme-error", "format-error",
    "schema-error", "resource-error", "package-error", "field-error", "unique-error",
})  # fmt: skip


def _line(raws: dict[str, RawTable], table: str, row_number: int | None) -> int | None:
    """Frictionless counts logical rows (header = 1); map to the physical line in the file."""
    if row_number is None:
        return None
    raw = raws.get(table)
    return raw.line_of_record(row_number) if raw is not None else row_number


_CONSTRAINT = re.compile(r'constraint "(\w+)" is "(.*)"', re.S)


def explain(kind: str, note: str, message: str) -> str:
    """Frictionless' note, reworded for the contributor where it is terse."""
    match = _CONSTRAINT.match(note or "")
    if kind == "constraint-error" and match:
        name, rule = match.groups()
        return {
            "required": "a value is required here",
            "pattern": f"the value does not have the expected form (pattern {rule})",
            "enum": f"the value must be one of: {rule.strip('[]')}",
            "minimum": f"the value must be at least {rule}",
            "maximum": f"the value must be at most {rule}",
            "unique": "the value must be unique in this column",
        }.get(name, note)
    return note or message


def _code(kind: str) -> str:
    return kind if kind in PASSED_THROUGH else "structure-error"


def frictionless_report(descriptor: str) -> dict[str, Any]:
    """Run stock frictionless validation; a plain dict, so it can come back from a subprocess."""
    from frictionless import Package, system

    try:
        with system.use_context(trusted=False):
            report = Package(descriptor).validate()
    except Exception as exc:  # frictionless raises FrictionlessException and others on odd input
        return {"crash": str(exc)}
    result: dict[str, Any] = report.to_descriptor()
    return result


def descriptor_report(descriptor: str) -> dict[str, Any]:
    """Frictionless' verdict on the descriptor alone: the Data Package, Data Resource and Table
    Schema profiles and its own metadata rules, without reading a table.

    ``errors``: the package's; ``resources``: each resource's metadata errors by name (a
    resource with any is not read by frictionless, nor by the compiled checks). A plain dict,
    so it can come back from a subprocess.
    """
    from frictionless import FrictionlessException, Package, system

    resources: dict[str, list[dict[str, Any]]] = {}
    try:
        with system.use_context(trusted=False):
            package = Package(descriptor)
            try:
                package.to_descriptor(validate=True)
            except FrictionlessException as exc:
                return {"errors": [e.to_descriptor() for e in exc.to_errors()]}
            for resource in package.resources:
                try:
                    resource.to_descriptor(validate=True)
                except FrictionlessException as exc:
                    resources[resource.name] = [e.to_descriptor() for e in exc.to_errors()]
    except Exception as exc:  # frictionless raises FrictionlessException and others on odd input
        return {"crash": str(exc)}
    return {"errors": [], "resources": resources}


def structural_problems(
    descriptor: Path, raws: dict[str, RawTable], result: dict[str, Any] | None = None
) -> list[Problem]:
    """Problems frictionless finds in the descriptor and tables (``result``: a finished run)."""
    if result is None:
        result = frictionless_report(str(descriptor))
    shown = display_path(descriptor)
    if "crash" in result:
        return [
            Problem(
                "package-error",
                f"frictionless could not read the package: {result['crash']}",
                shown,
            )
        ]
    problems: list[Problem] = []
    for error in result.get("errors", []):
        problems.append(Problem(_code(error.get("type", "")), error.get("message", ""), shown))
    for task in result.get("tasks", []):
        name = task.get("name", "")
        place = display_path(descriptor.parent / str(task.get("place", "")))
        for error in task.get("errors", []):
            kind = error.get("type", "error")
            if kind in _COVERED:
                continue
            cell = error.get("cell")
            line = _line(raws, name, error.get("rowNumber"))
            if line is None and kind.endswith("-label"):
                line = 1  # a header problem: the header is line 1
            message = explain(kind, error.get("note", ""), error.get("message", ""))
            if _code(kind) != kind:
                message = f"({kind}) {message}"
            problems.append(
                Problem(
                    _code(kind),
                    message,
                    place,
                    line,
                    error.get("fieldName"),
                    None if cell is None else str(cell),
                    error.get("fieldNumber"),
                )
            )
    return problems
