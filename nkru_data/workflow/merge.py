"""``nkru-data merge OLD NEW --reason …``: two records of one real thing become one.

The record ``OLD`` goes; everything that pointed at it points at ``NEW`` (references in every
table, participants, citations, labels); its citations and the labels ``NEW`` lacks move over;
and ``redirects.csv`` gains ``OLD → NEW`` with the reason, so the released id stays resolvable
(``ds.get(OLD)`` gives ``NEW``). Redirects that pointed at ``OLD`` are pointed at ``NEW`` too, so
no chain forms. The package is rewritten in canonical form and its descriptor refreshed.
"""

from __future__ import annotations

import os
from pathlib import Path

from nkru_data.errors import NkruDataError, UnknownRecord
from nkru_data.model.layout import FACTUAL_FIELDS, TABLE_BY_NAME, TABLES
from nkru_data.model.types import LIST_SEPARATOR, id_kind
from nkru_data.store.resources import descriptor_path
from nkru_data.workflow.labels import Row, read_rows, write_rows


def _replace(value: str, old: str, new: str) -> str:
    if old not in value:
        return value
    parts = [new if part == old else part for part in value.split(LIST_SEPARATOR)]
    return LIST_SEPARATOR.join(dict.fromkeys(parts))


def _table_of(folder: Path, id_: str) -> str:
    table = next((t for t in TABLES if t.kind == id_kind(id_)), None)
    if table is None or id_ not in {r["id"] for r in read_rows(folder, table.name)}:
        raise UnknownRecord(f"no record with id {id_!r}")
    return table.name


def merge(old: str, new: str, reason: str, path: str | os.PathLike[str] | None = None) -> None:
    """Merge record ``old`` into record ``new``, recording the redirect.

    ``new`` may be of another kind when ``old`` restates a fact another record holds (a claim
    that only repeats what an event says): then ``old``'s labels go with it (they described
    ``old``) and its citations move with only the fields ``new``'s table has.
    """
    folder = descriptor_path(path).parent
    if not reason.strip():
        raise NkruDataError("say why the two are one real thing: --reason", code="usage")
    if old == new or not id_kind(old) or not id_kind(new):
        raise NkruDataError(f"{old} and {new}: merge two different records", code="usage")
    source_table, target_table = _table_of(folder, old), _table_of(folder, new)
    same = source_table == target_table
    factual = set(FACTUAL_FIELDS.get(target_table, ()))
    for current in TABLES:
        data = original = read_rows(folder, current.name)
        if current.name == source_table:
            data = [r for r in data if r["id"] != old]
        if current.name == "labels":
            have = {(r["field"], r["lang"]) for r in data if r["entity"] == new}
            data = [r for r in data if r["entity"] != old
                    or (same and (r["field"], r["lang"]) not in have)]  # fmt: skip
        if current.name == "citations" and not same:
            data = [
                r
                if r["record"] != old
                else {
                    **r,
                    "fields": LIST_SEPARATOR.join(
                        f for f in r["fields"].split(LIST_SEPARATOR) if f in factual
                    ),
                }
                for r in data
            ]
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
