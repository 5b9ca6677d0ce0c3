"""Commands that write files: generated schemas and canonical CSV formatting.

Both compute everything first and write only at the end, and only what changed, so an
interrupted or failing run leaves the package as it was; with ``write=False`` they only report.
"""

from __future__ import annotations

import os
from pathlib import Path

from .csvfile import first_difference, read_raw
from .descriptor import generated, load_descriptor, stale_parts
from .layout import TABLES
from .resources import descriptor_path
from .schema import dumps, json_schema_files
from .tables import render
from .validate import display_path


def schemas_folder(package: Path) -> Path:
    """``schemas/`` beside the package folder (the repository layout)."""
    return package.parent / "schemas"


def regenerate(path: str | os.PathLike[str] | None = None, *, write: bool = True) -> list[str]:
    """Bring ``schemas/`` and the descriptor's generated parts up to date; list what was stale."""
    descriptor = descriptor_path(path)
    folder = descriptor.parent
    data = load_descriptor(descriptor)
    stale: list[str] = []
    pending: dict[Path, str] = {}
    target = schemas_folder(folder)
    # JSON Schemas live beside the repository's package; other packages get them only on request
    files = json_schema_files() if path is None or target.is_dir() else {}
    for name, text in files.items():
        file = target / name
        if not file.is_file() or file.read_text(encoding="utf-8") != text:
            stale.append(display_path(file))
            pending[file] = text
    parts = stale_parts(data, folder)
    if parts or descriptor.read_text(encoding="utf-8") != dumps(data):
        stale.append(f"{display_path(descriptor)} ({', '.join(parts) or 'formatting'})")
        pending[descriptor] = dumps(generated(data, folder))
    if write:
        for file, text in pending.items():
            file.write_text(text, encoding="utf-8", newline="\n")
    return stale


def format_tables(path: str | os.PathLike[str] | None = None, *, write: bool = True) -> list[str]:
    """Rewrite each CSV in canonical form; return ``file:line`` of the first change in each.

    Reading is strict (see :mod:`nkru_data.tables`): a file that cannot be read raises before
    anything is written. After writing, the descriptor's bytes and hashes are refreshed.
    """
    descriptor = descriptor_path(path)
    load_descriptor(descriptor)  # a broken descriptor stops the run before anything is written
    folder = descriptor.parent
    pending: dict[Path, str] = {}
    changes: list[str] = []
    for table in TABLES:
        file = folder / "data" / f"{table.name}.csv"
        raw = read_raw(file)
        expected = render(table, raw.header, raw.rows)
        line = first_difference(file.read_bytes(), expected)
        if line is not None:
            changes.append(f"{display_path(file)}:{line}")
            pending[file] = expected
    if write and pending:
        for file, text in pending.items():
            file.write_bytes(text.encode("utf-8"))
        regenerate(descriptor, write=True)
    return changes


def cldr_labels(path: str | os.PathLike[str] | None = None, *, write: bool = True) -> list[str]:
    """Generate ru/ko name labels of country places from CLDR (``origin=cldr``).

    Existing ``cldr`` labels are replaced; labels of any other origin are left alone, and a
    country that already has a non-CLDR name label in a language gets no CLDR one there.
    Returns the labels added, changed or removed.
    """
    from .i18n import cldr_country_name

    folder = descriptor_path(path).parent
    places = read_raw(folder / "data" / "places.csv")
    labels_path = folder / "data" / "labels.csv"
    labels = read_raw(labels_path)
    table = next(t for t in TABLES if t.name == "labels")
    rows = [dict(zip(labels.header, row)) for row in labels.rows]
    kept = [r for r in rows if r.get("origin") != "cldr"]
    named = {(r["entity"], r["lang"]) for r in kept if r.get("field") == "name"}
    fresh = []
    for place in (dict(zip(places.header, row)) for row in places.rows):
        if place.get("kind") != "country" or not place.get("country"):
            continue
        for lang in ("ru", "ko"):
            value = cldr_country_name(place["country"], lang)
            if value and (place["id"], lang) not in named:
                fresh.append(
                    {
                        "entity": place["id"],
                        "field": "name",
                        "lang": lang,
                        "value": value,
                        "origin": "cldr",
                        "reviewed": "true",
                    }
                )
    before = {tuple(sorted(r.items())) for r in rows if r.get("origin") == "cldr"}
    after = {tuple(sorted(r.items())) for r in fresh}
    changes = [f"{dict(r)['entity']} {dict(r)['lang']}: {dict(r)['value']}" for r in after - before]
    changes += [f"removed {dict(r)['entity']} {dict(r)['lang']}" for r in before - after]
    if write and changes:
        fields = table.fields
        text = render(table, fields, ([r.get(f, "") for f in fields] for r in kept + fresh))
        labels_path.write_bytes(text.encode("utf-8"))
        regenerate(path, write=True)
    return sorted(changes)
