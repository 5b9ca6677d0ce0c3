"""Reading a package for :func:`nkru_data.load`: the descriptor checked, then every table read
safely and checked just enough for the lookups, labels kept by language and review.

Refuses what validation refuses before reading (see :mod:`nkru_data.store.safety`), so the loader
never opens what the validator would not.
"""

from __future__ import annotations

from collections.abc import Set
from pathlib import Path
from typing import Any

from nkru_data.errors import UnusablePackage
from nkru_data.model.layout import TABLES, Table
from nkru_data.store.csvfile import RawTable, check_widths, listed, read_raw
from nkru_data.store.safety import REFUSED, descriptor_problems, inside, load_descriptor


def read_package(descriptor: Path, *, keep: Set[str], reviewed_only: bool) -> dict[str, RawTable]:
    """Every table of the package at ``descriptor``, raw; labels only in the languages ``keep``
    (and, with ``reviewed_only``, only reviewed ones)."""
    _check_descriptor(descriptor, load_descriptor(descriptor))
    folder = descriptor.parent
    raw = {t.name: _read_table(folder, t) for t in TABLES}
    labels = raw["labels"]
    columns = {name: i for i, name in enumerate(labels.header)}
    if "lang" in columns and "reviewed" in columns:
        langs, reviewed = labels.column(columns["lang"]), labels.column(columns["reviewed"])
        # every label kept (the usual load) is told in C, without a pass over the rows
        if not (set(langs) <= keep and (not reviewed_only or set(reviewed) <= {"true"})):
            raw["labels"] = labels.select([
                i for i, (lang, seen) in enumerate(zip(langs, reviewed))
                if lang in keep and (not reviewed_only or seen == "true")])  # fmt: skip
    return raw


def _check_descriptor(descriptor: Path, data: dict[str, Any]) -> None:
    """Refuse what validation refuses before reading: a descriptor of the wrong shape, a URL,
    a path outside the package, a dialect or property that changes how tables are read."""
    for problem in descriptor_problems(data, str(descriptor)):
        if problem.code in REFUSED:
            raise UnusablePackage(f"{descriptor}: {problem.field}: {problem.message}",
                                  code=problem.code, path=str(descriptor))  # fmt: skip


#: columns the lookups read before any record is built
_LABEL_COLUMNS = ("entity", "field", "lang", "value", "reviewed")


def _read_table(folder: Path, table: Table) -> RawTable:
    """One table, read safely; the columns the lookups need and every row's width checked, so
    that nothing later meets a missing column or a short row."""
    raw = read_raw(inside(folder, f"data/{table.name}.csv"), shared=True)
    needed = (("id",) if table.kind else ()) + ((table.name_field,) if table.name_field else ())
    needed += _LABEL_COLUMNS if table.name == "labels" else ()
    missing = [c for c in needed if c not in raw.header]
    if missing or len(set(raw.header)) != len(raw.header):
        what = f"missing column(s) {listed(missing)}" if missing else "a repeated column"
        raise UnusablePackage(f"{raw.path}:1: header has {what}", code="bad-header",
                              path=str(raw.path), line=1)  # fmt: skip
    check_widths(raw)
    return raw
