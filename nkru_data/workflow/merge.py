"""``nkru-data merge OLD NEW --reason …``: two records of one real thing become one.

The record ``OLD`` goes; everything that pointed at it points at ``NEW`` (references in every
table, participants, citations, labels); its citations and the labels ``NEW`` lacks move over;
and ``redirects.csv`` gains ``OLD → NEW`` with the reason, so the released id stays resolvable
(``ds.get(OLD)`` gives ``NEW``). Redirects that pointed at ``OLD`` are pointed at ``NEW`` too, so
no chain forms. The package is rewritten in canonical form and its descriptor refreshed.
"""

from __future__ import annotations

import os

from nkru_data.errors import NkruDataError, UnknownRecord
from nkru_data.model.layout import TABLE_BY_NAME, TABLES
from nkru_data.model.types import LIST_SEPARATOR, id_kind
from nkru_data.store.resources import descriptor_path
from nkru_data.workflow.labels import Row, read_rows, write_rows


def _replace(value: str, old: str, new: str) -> str:
    if old not in value:
        return value
    parts = [new if part == old else part for part in value.split(LIST_SEPARATOR)]
    return LIST_SEPARATOR.join(dict.fromkeys(parts))


def merge(old: str, new: str, reason: str, path: str | os.PathLike[str] | None = None) -> None:
    """Merge record ``old`` into record ``new`` (same kind), recording the redirect."""
    folder = descriptor_path(path).parent
    if not reason.strip():
        raise NkruDataError("say why the two are one real thing: --reason", code="usage")
    if old == new or id_kind(old) != id_kind(new):
        raise NkruDataError(f"{old} and {new}: merge two records of one kind", code="usage")
    table = next((t for t in TABLES if t.kind == id_kind(old)), None)
    if table is None:
        raise UnknownRecord(f"no table holds {old!r}")
    rows = read_rows(folder, table.name)
    ids = {r["id"] for r in rows}
    for id_ in (old, new):
        if id_ not in ids:
            raise UnknownRecord(f"no record with id {id_!r} in {table.name}")
    for current in TABLES:
        data = original = read_rows(folder, current.name)
        if current.name == table.name:
            data = [r for r in data if r["id"] != old]
        if current.name == "labels":
            have = {(r["field"], r["lang"]) for r in data if r["entity"] == new}
            data = [r for r in data
                    if r["entity"] != old or (r["field"], r["lang"]) not in have]  # fmt: skip
        moved: list[Row] = [
            {k: v if (current.name, k) == ("redirects", "old") else _replace(v, old, new)
             for k, v in r.items()}
            for r in data
        ]  # fmt: skip
        if current.name == "redirects":  # a redirect to OLD now leads to NEW: no chain
            moved.append({"old": old, "new": new, "reason": reason.strip()})
        key = TABLE_BY_NAME[current.name].primary_key
        unique: dict[tuple[str, ...], Row] = {}
        for row in moved:
            k = tuple(row.get(f, "") for f in key)
            if k in unique and current.name == "citations":  # one quote, both records' fields
                fields = unique[k]["fields"].split(LIST_SEPARATOR) + row["fields"].split(";")
                unique[k]["fields"] = LIST_SEPARATOR.join(dict.fromkeys(filter(None, fields)))
            unique.setdefault(k, row)
        if list(unique.values()) != original:
            write_rows(folder, unique.values(), current.name)
