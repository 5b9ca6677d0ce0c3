"""Editing ``labels.csv``: CLDR country names, review marks, machine drafts.

Every command that changes labels goes through :func:`write_rows`, which writes the canonical
form and refreshes the descriptor's bytes and hashes, so the package stays valid.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from pathlib import Path

from nkru_data.errors import NkruDataError
from nkru_data.model.layout import TABLE_BY_NAME
from nkru_data.store import csvfile
from nkru_data.store.resources import descriptor_path
from nkru_data.store.tables import render

Row = dict[str, str]


def read_rows(folder: Path, table: str = "labels") -> list[Row]:
    """A table's rows as dicts of strings (labels by default)."""
    return csvfile.read_rows(folder, table)


def write_rows(folder: Path, rows: Iterable[Row], table_name: str = "labels") -> None:
    """Write a table (labels.csv by default) in canonical form and refresh the descriptor."""
    from nkru_data.workflow.generate import regenerate

    table = TABLE_BY_NAME[table_name]
    text = render(table, table.fields, ([r.get(f, "") for f in table.fields] for r in rows))
    (folder / "data" / f"{table_name}.csv").write_bytes(text.encode("utf-8"))
    regenerate(folder, write=True)


def _key(row: Row) -> str:
    return f"{row['entity']}/{row['field']}/{row['lang']}"


def unreviewed(path: str | os.PathLike[str] | None = None, lang: str | None = None) -> list[Row]:
    """Labels nobody has reviewed yet (machine drafts first of all)."""
    folder = descriptor_path(path).parent
    return [
        r
        for r in read_rows(folder)
        if r["reviewed"] != "true" and (lang is None or r["lang"] == lang)
    ]


def mark_reviewed(
    path: str | os.PathLike[str] | None, keys: Iterable[str], lang: str | None = None
) -> int:
    """Mark labels reviewed by ``entity/field/lang`` key (or ``all``); return how many changed."""
    folder = descriptor_path(path).parent
    rows = read_rows(folder)
    wanted = set(keys)
    pending = {_key(r) for r in rows if r["reviewed"] != "true"}
    unknown = wanted - pending - {"all"}
    if unknown:
        raise NkruDataError(
            f"no unreviewed label {', '.join(sorted(unknown))} (keys are ENTITY/FIELD/LANG;"
            " `nkru-data review` lists them)",
            code="unknown-label",
        )
    changed = 0
    for row in rows:
        chosen = "all" in wanted or _key(row) in wanted
        if row["reviewed"] != "true" and chosen and (lang is None or row["lang"] == lang):
            row["reviewed"] = "true"
            changed += 1
    if changed:
        write_rows(folder, rows)
    return changed


def cldr_labels(path: str | os.PathLike[str] | None = None, *, write: bool = True) -> list[str]:
    """Generate ru/ko name labels of country places from CLDR (``origin=cldr``).

    Existing ``cldr`` labels are replaced; labels of any other origin are left alone, and a
    country that already has a non-CLDR name label in a language gets no CLDR one there.
    Returns the labels added, changed or removed.
    """
    from nkru_data.lang.i18n import cldr_country_name

    folder = descriptor_path(path).parent
    rows = read_rows(folder)
    kept = [r for r in rows if r.get("origin") != "cldr"]
    named = {(r["entity"], r["lang"]) for r in kept if r.get("field") == "name"}
    fresh = []
    for place in read_rows(folder, "places"):
        if place.get("kind") != "country" or not place.get("country"):
            continue
        for lang in ("ru", "ko"):
            value = cldr_country_name(place["country"].split(";")[0], lang)
            if value and (place["id"], lang) not in named:
                fresh.append({"entity": place["id"], "field": "name", "lang": lang,
                              "value": value, "origin": "cldr", "reviewed": "true"})  # fmt: skip
    before = {tuple(sorted(r.items())) for r in rows if r.get("origin") == "cldr"}
    after = {tuple(sorted(r.items())) for r in fresh}
    changes = [f"{dict(r)['entity']} {dict(r)['lang']}: {dict(r)['value']}" for r in after - before]
    changes += [f"removed {dict(r)['entity']} {dict(r)['lang']}" for r in before - after]
    if write and changes:
        write_rows(folder, kept + fresh)
    return sorted(changes)
