"""Frictionless' verdict on a descriptor, where it is known without starting frictionless.

The descriptor check of the compiled engine (the Data Package, Data Resource and Table Schema
profiles and frictionless' own metadata rules) costs a worker process: a fork, frictionless'
import (a quarter of a second and some 25 MiB) and the building of its objects, at any size of
package. Most descriptors validated are the one ``nkru-data schemas`` writes, with hand-written
package metadata of a few plain shapes: their verdict is known. Each resource is then exactly
:func:`~nkru_data.store.descriptor.resource_entry` of its table (a function of the model alone)
with a file's ``bytes`` and ``hash``, and frictionless accepts those (the tests run it on the
bundled package, against the newest and the oldest frictionless allowed); the package metadata
uses only keys and shapes that frictionless' package profile and rules accept whatever their
values. Anything else (a resource edited by hand, an e-mail address, a key of some other
profile) is not judged here: frictionless judges it, as before. A property test holds this to
frictionless: every descriptor judged here is one that frictionless finds nothing wrong with.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from nkru_data.model.layout import PROFILE, TABLES

__all__ = ["known_verdict"]

#: package keys whose every value of the shape below frictionless accepts
_TEXT = frozenset({"name", "id", "title", "description", "version", "homepage"})
_WORDS = frozenset({"keywords", "languages"})
#: the keys of each entry of these lists, every one a string (``roles``: a list of strings)
_ENTRIES = {
    "licenses": frozenset({"name", "path", "title"}),
    "sources": frozenset({"title", "path"}),
    "contributors": frozenset({"title", "path", "organisation", "role", "roles"}),
}
_HASH = re.compile(r"sha256:[0-9a-f]{64}")
_CREATED = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(?:Z|[+-]\d\d:\d\d)")


def known_verdict(data: dict[str, Any]) -> dict[str, Any] | None:
    """Frictionless' :func:`~nkru_data.validation.structure.descriptor_report` of ``data``
    when it is known without running it (then: nothing wrong), else ``None``."""
    if data.get("$schema") != PROFILE or not _resources_generated(data.get("resources")):
        return None
    for key, value in data.items():
        if key in ("$schema", "resources"):
            continue
        if key in _TEXT:
            known = isinstance(value, str)
        elif key in _WORDS:
            known = _words(value)
        elif key in _ENTRIES:
            known = _entries(value, _ENTRIES[key], licence=key == "licenses")
        elif key == "created":
            known = isinstance(value, str) and _created(value)
        else:
            known = False
        if not known:
            return None
    return {"errors": [], "resources": {}}


def _resources_generated(resources: Any) -> bool:
    """Each table's resource once, as ``nkru-data schemas`` writes it, and nothing else."""
    from nkru_data.store.descriptor import resource_entry

    if not isinstance(resources, list) or len(resources) != len(TABLES):
        return False
    for table, resource in zip(TABLES, resources):
        if not isinstance(resource, dict):
            return False
        written = dict(resource)
        size, digest = written.pop("bytes", None), written.pop("hash", None)
        if not (type(size) is int and size >= 0 and isinstance(digest, str)
                and _HASH.fullmatch(digest)):  # fmt: skip
            return False
        if written != resource_entry(table):
            return False
    return True


def _words(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _entries(value: Any, keys: frozenset[str], *, licence: bool) -> bool:
    """A list of objects with string values under ``keys`` only (a licence: a name or path)."""
    if not isinstance(value, list):
        return False
    for entry in value:
        if not isinstance(entry, dict) or not entry.keys() <= keys:
            return False
        if not all(isinstance(v, str) or (k == "roles" and _words(v)) for k, v in entry.items()):
            return False
        if licence and not (entry.get("name") or entry.get("path")):
            return False
    return True


def _created(value: str) -> bool:
    """A date and time with its zone, as frictionless' datetime field reads it."""
    if not _CREATED.fullmatch(value):
        return False
    try:
        datetime.fromisoformat(value)
    except ValueError:
        return False
    return True
