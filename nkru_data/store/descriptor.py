"""The ``datapackage.json`` descriptor: its generated parts and their freshness.

Hand-written metadata (title, description, licences, contributors, keywords) stays as it is in
the file; the resources' Table Schemas, ``bytes`` and ``hash`` are generated here from the models
and the CSV files, so they cannot drift.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from nkru_data.model.layout import PROFILE, TABLES, Table
from nkru_data.model.schema import dumps, table_schema
from nkru_data.store.resources import DESCRIPTOR
from nkru_data.store.safety import load_descriptor

__all__ = ["PROFILE", "generated", "load_descriptor", "resource_entry", "stale_parts",
           "write_generated"]


def declared_resources(descriptor: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """The declared resources by name, ignoring entries of the wrong shape (reported apart)."""
    resources = descriptor.get("resources")
    if not isinstance(resources, list):
        return {}
    return {
        r["name"]: r for r in resources if isinstance(r, dict) and isinstance(r.get("name"), str)
    }


def file_stats(path: Path) -> tuple[int, str]:
    """``bytes`` and ``sha256:<hex>`` of a file, read a MiB at a time (never held whole)."""
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            digest.update(chunk)
            size += len(chunk)
    return size, "sha256:" + digest.hexdigest()


def generated(descriptor: dict[str, Any], folder: Path) -> dict[str, Any]:
    """The descriptor with every generated part brought up to date."""
    out = dict(descriptor)
    out["$schema"] = PROFILE
    old = declared_resources(descriptor)
    resources = []
    for table in TABLES:
        path = f"data/{table.name}.csv"
        resource = resource_entry(table)
        schema = resource.pop("schema")  # after bytes and hash, as the file has always had it
        if (folder / path).is_file():
            resource["bytes"], resource["hash"] = file_stats(folder / path)
        else:  # keep what was declared; validation reports the missing file
            for key in ("bytes", "hash"):
                if key in old.get(table.name, {}):
                    resource[key] = old[table.name][key]
        resource["schema"] = schema
        resources.append(resource)
    out["resources"] = resources
    out["sources"] = seed_sources(folder)
    return out


def resource_entry(table: Table) -> dict[str, Any]:
    """A table's resource as ``nkru-data schemas`` writes it, but for the file's ``bytes`` and
    ``hash``: a function of the model alone."""
    return {
        "name": table.name,
        "type": "table",
        "path": f"data/{table.name}.csv",
        "title": table.title,
        "description": (table.model.__doc__ or "").strip().splitlines()[0],
        "scheme": "file",
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "schema": table_schema(table),
    }


def seed_sources(folder: Path) -> list[dict[str, str]]:
    """The descriptor's ``sources``: the archived seed articles listed in ``sources.csv``."""
    import csv

    path = folder / "data" / "sources.csv"
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [row for row in csv.DictReader(handle) if row.get("seed")]
    out = []
    for row in sorted(rows, key=lambda r: r.get("seed") or ""):
        title = row.get("title") or ""
        if row.get("published"):
            title += f" ({row['published']})"
        out.append({"title": title})
    return out


def stale_parts(descriptor: dict[str, Any], folder: Path) -> list[str]:
    """Names of generated parts that differ from what :func:`generated` would write."""
    fresh = generated(descriptor, folder)
    stale = []
    if descriptor.get("$schema") != fresh["$schema"]:
        stale.append("$schema")
    old = declared_resources(descriptor)
    if descriptor.get("sources") != fresh["sources"]:
        stale.append("sources")
    for resource in fresh["resources"]:
        before = old.get(resource["name"])
        if before is None:
            stale.append(f"resources[{resource['name']}]")
            continue
        for key, value in resource.items():
            if before.get(key) != value:
                stale.append(f"resources[{resource['name']}].{key}")
    return stale


def write_generated(folder: Path) -> bool:
    """Rewrite ``datapackage.json`` with fresh generated parts; True if it changed."""
    path = folder / DESCRIPTOR
    before = path.read_text(encoding="utf-8")
    after = dumps(generated(load_descriptor(path), folder))
    if after != before:
        path.write_text(after, encoding="utf-8")
        return True
    return False
