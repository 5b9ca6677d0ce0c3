"""Old import paths, from before the modules were grouped into packages by role.

``import nkru_data.dates`` (and every other flat module path of 0.1) keeps working: a finder on
``sys.meta_path`` answers the old name with the module at its new place, the same object, so
classes and exceptions stay identical. Nothing is imported until an old path is asked for.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Sequence
from importlib.machinery import ModuleSpec
from types import ModuleType
from typing import TYPE_CHECKING, cast

if TYPE_CHECKING:
    from importlib.abc import Loader

#: old path -> new path
MOVED = {
    f"nkru_data.{old}": f"nkru_data.{new}"
    for old, new in {
        "i18n": "lang.i18n", "dates": "lang.dates", "terms": "lang.terms",
        "enums": "model.enums", "values": "model.values", "types": "model.types",
        "models": "model.records", "layout": "model.layout", "schema": "model.schema",
        "resources": "store.resources", "safety": "store.safety", "csvfile": "store.csvfile",
        "tables": "store.tables", "descriptor": "store.descriptor",
        "cards": "views.cards",
        "validate": "validation.validate", "structure": "validation.structure",
        "checks": "validation.checks", "cells": "validation.cells",
        "links": "validation.links", "evidence": "store.archive",
        "generate": "workflow.generate", "labels": "workflow.labels",
        "translate": "workflow.translate", "diff": "workflow.diff",
        "release": "workflow.release", "summary": "cli.summary",
    }.items()
}  # fmt: skip


class _Alias:
    """Loads an old path as the module at its new path (imported then, not before).

    A loader and a finder by their methods alone, as the import system takes them: subclassing
    ``importlib.abc`` would import ``importlib.resources`` with it, a fifth of what ``import
    nkru_data`` costs."""

    def __init__(self, new: str) -> None:
        self.new = new

    def create_module(self, spec: ModuleSpec) -> ModuleType:
        return importlib.import_module(self.new)

    def exec_module(self, module: ModuleType) -> None:
        """Nothing to run: the module at the new path is already executed."""


class _MovedFinder:
    """Finds the old paths (see :class:`_Alias`)."""

    def find_spec(
        self, fullname: str, path: Sequence[str] | None, target: ModuleType | None = None
    ) -> ModuleSpec | None:
        new = MOVED.get(fullname)
        return ModuleSpec(fullname, cast("Loader", _Alias(new))) if new else None


def install(validate_module: ModuleType) -> None:
    """Put the finder on ``sys.meta_path`` once.

    ``nkru_data.validate`` is also the name of the function :func:`nkru_data.validate`; the
    import system would overwrite the package's attribute with the module on first import, so
    that old path is registered now (its module is imported by the package anyway).
    """
    if not any(isinstance(f, _MovedFinder) for f in sys.meta_path):
        sys.meta_path.append(_MovedFinder())
    sys.modules.setdefault("nkru_data.validate", validate_module)
