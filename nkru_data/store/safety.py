"""What a package may make the validator or the loader open: nothing remote, nothing outside.

A pull request controls ``datapackage.json`` and every file in the package. Before any file is
read or frictionless is started, the descriptor is checked here: its JSON shape, its depth, that
it names no URL where a reader would fetch one, that its resources declare nothing that changes
how the CSV files are read (a dialect that hides rows, a compression, inline data), and that it
keeps its licence. Files are opened only through :func:`inside`, which refuses symlinks and paths
that leave their folder.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from nkru_data.errors import UnusablePackage
from nkru_data.model.layout import PROFILE, TABLESCHEMA_PROFILE
from nkru_data.report import Problem

#: deeper than any real descriptor (ours is 7 levels), shallow enough for any recursive reader
MAX_DEPTH = 32
#: the descriptor of a package with 10^6 rows is a few KB: this bounds what is parsed at all
MAX_DESCRIPTOR_BYTES = 5_000_000
#: a URL (``scheme://``), a ``file:`` or ``data:`` URI, or a protocol-relative ``//host``
_REMOTE = re.compile(r"^\s*(?:[A-Za-z][A-Za-z0-9+.-]*://|(?:file|data):|//|\\\\)", re.I)
#: where a URL is metadata that no reader fetches
_URL_OK = {("homepage",), ("id",), ("image",), ("licenses", "*", "path"),
           ("contributors", "*", "path"), ("sources", "*", "path")}  # fmt: skip
#: the keys a resource may have: exactly what ``nkru-data schemas`` writes, plus a dialect
RESOURCE_KEYS = frozenset({"name", "type", "path", "title", "description", "scheme", "format",
                           "mediatype", "encoding", "bytes", "hash", "schema"})  # fmt: skip
#: a dialect may only restate how the files are written
DIALECT_DEFAULTS: dict[str, tuple[object, ...]] = {
    "delimiter": (",",), "quoteChar": ('"',), "doubleQuote": (True,), "header": (True,),
    "headerRows": ([1],), "lineTerminator": ("\n", "\r\n"), "skipInitialSpace": (False,),
    "caseSensitiveHeader": (False, True), "csvddfVersion": (1.0, 1.2, "1.0", "1.2"),
}  # fmt: skip
#: the shape every key that the validator or frictionless reads must have
_SHAPES: dict[tuple[str, ...], type | tuple[type, ...]] = {
    ("resources",): list, ("resources", "*"): dict, ("resources", "*", "name"): str,
    ("resources", "*", "path"): str, ("resources", "*", "schema"): dict,
    ("resources", "*", "schema", "fields"): list, ("resources", "*", "schema", "fields", "*"): dict,
    ("resources", "*", "schema", "fields", "*", "name"): str,
    ("resources", "*", "schema", "fields", "*", "type"): str,
    ("resources", "*", "schema", "fields", "*", "constraints"): dict,
    ("resources", "*", "schema", "primaryKey"): list,
    ("resources", "*", "schema", "foreignKeys"): list,
    ("resources", "*", "schema", "foreignKeys", "*"): dict,
    ("resources", "*", "schema", "missingValues"): list,
    ("resources", "*", "bytes"): int, ("resources", "*", "hash"): str,
    ("resources", "*", "title"): str, ("resources", "*", "description"): str,
    ("resources", "*", "dialect"): dict, ("licenses",): list, ("licenses", "*"): dict,
    ("licenses", "*", "name"): str, ("licenses", "*", "path"): str,
    ("licenses", "*", "title"): str, ("name",): str, ("title",): str, ("version",): str,
    ("description",): str, ("$schema",): str, ("profile",): str, ("homepage",): str,
    ("id",): str, ("keywords",): list, ("keywords", "*"): str, ("languages",): list,
    ("languages", "*"): str, ("sources",): list, ("sources", "*"): dict,
    ("contributors",): list, ("contributors", "*"): dict, ("created",): str,
}  # fmt: skip
REQUIRED_METADATA = ("name", "title", "description", "version")
#: problems after which no file of the package is read, by the loader as by the validator
REFUSED = frozenset({"broken-descriptor", "remote-reference", "unsafe-path", "dialect-mismatch",
                     "unsupported-key"})  # fmt: skip
#: the profiles this package declares: frictionless knows them without fetching
_PROFILES = {
    (("$schema",), PROFILE),
    (("resources", "*", "schema", "$schema"), TABLESCHEMA_PROFILE),
}


def _no_constant(name: str) -> Any:
    raise ValueError(f"{name} is not a JSON value")


def load_descriptor(descriptor: Path) -> dict[str, Any]:
    """Parse ``datapackage.json``; broken JSON names line and column.

    Bounded: a descriptor over :data:`MAX_DESCRIPTOR_BYTES`, nested past
    what a parser can follow, with integers too long to convert, or with ``NaN`` is refused as
    :class:`UnusablePackage`, never a traceback.
    """
    if descriptor.is_symlink():
        raise UnusablePackage(f"{descriptor}: a symbolic link; the descriptor must be a file of"
                              " the package", code="unsafe-path")  # fmt: skip
    text = read_bounded(descriptor, MAX_DESCRIPTOR_BYTES, str(descriptor))
    try:
        data = json.loads(text, parse_constant=_no_constant)
    except json.JSONDecodeError as exc:
        raise UnusablePackage(
            f"{descriptor}:{exc.lineno}: broken JSON at column {exc.colno}: {exc.msg}"
        ) from None
    except RecursionError:
        raise UnusablePackage(f"{descriptor}: JSON nested too deeply to read") from None
    except ValueError as exc:  # an integer of thousands of digits, NaN, Infinity
        raise UnusablePackage(f"{descriptor}: not a usable JSON value ({exc})") from None
    if not isinstance(data, dict):
        raise UnusablePackage(f"{descriptor}:1: the descriptor must be a JSON object")
    return data


def read_bounded(path: Path, limit: int, shown: str) -> str:
    """A UTF-8 text file of at most ``limit`` bytes; never more than that is read.

    Raises :class:`UnusablePackage` (code ``bad-encoding`` for bytes that are not UTF-8, naming
    the line) when it cannot be read, is larger, or is not UTF-8.
    """
    try:
        with path.open("rb") as handle:
            data = handle.read(limit + 1)
    except OSError as exc:
        raise UnusablePackage(f"{shown}: cannot be read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise UnusablePackage(f"{shown}: larger than {limit:,} bytes")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnusablePackage(f"{shown}:{line}: not valid UTF-8; save it as UTF-8",
                              code="bad-encoding") from None  # fmt: skip


def pointer(keys: tuple[str | int, ...]) -> str:
    """``resources[2].schema.fields[0].name``: where a problem stands in the descriptor."""
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else key)
    return out or "(descriptor)"


def _walk(data: Any) -> Iterator[tuple[tuple[str | int, ...], Any]]:
    """Every value with its key path, iteratively (no recursion however deep the JSON)."""
    stack: list[tuple[tuple[str | int, ...], Any]] = [((), data)]
    while stack:
        keys, value = stack.pop()
        yield keys, value
        if len(keys) >= MAX_DEPTH:
            continue
        if isinstance(value, dict):
            stack.extend(((*keys, str(k)), v) for k, v in reversed(list(value.items())))
        elif isinstance(value, list):
            stack.extend(((*keys, i), v) for i, v in reversed(list(enumerate(value))))


def _generic(keys: tuple[str | int, ...]) -> tuple[str, ...]:
    return tuple("*" if isinstance(k, int) else k for k in keys)


def descriptor_problems(data: Any, shown: str) -> list[Problem]:
    """Everything in a parsed descriptor that must stop a reader before it opens anything.

    ``broken-descriptor`` for a wrong JSON shape or excessive depth (the package is unusable),
    ``remote-reference`` for a URL where a file would be read, ``unsafe-path`` for a profile or
    schema that is a local file, ``dialect-mismatch`` and ``unsupported-key`` for resource
    properties that change how the tables are read, ``missing-licence`` and
    ``missing-metadata`` for what every published package must say.
    """
    if not isinstance(data, dict):
        return [Problem("broken-descriptor", "the descriptor must be a JSON object", shown)]
    problems: list[Problem] = []

    def add(code: str, message: str, keys: tuple[str | int, ...], value: Any = None) -> None:
        shown_value = None if value is None else str(value)[:200]
        problems.append(Problem(code, message, shown, field=pointer(keys), value=shown_value))

    for keys, value in _walk(data):
        generic = _generic(keys)
        if len(keys) >= MAX_DEPTH and isinstance(value, (dict, list)):
            add("broken-descriptor", f"nested deeper than {MAX_DEPTH} levels", keys)
            continue
        if isinstance(value, str) and _REMOTE.match(value):
            url_ok = any(
                len(pattern) == len(generic)
                and all(p in ("*", g) for p, g in zip(pattern, generic))
                for pattern in _URL_OK
            )
            if (generic, value) in _PROFILES:
                continue
            if not url_ok:
                add("remote-reference", "a URL here would be fetched: the validator and the"
                    " loader open no remote file; keep everything inside the package", keys,
                    value)  # fmt: skip
                continue
        expected = _SHAPES.get(generic)
        if expected is not None and (
            not isinstance(value, expected) or (expected is int and isinstance(value, bool))
        ):
            names = expected.__name__ if isinstance(expected, type) else str(expected)
            kind = {"dict": "an object", "list": "a list", "str": "a string",
                    "int": "a whole number"}.get(names, names)  # fmt: skip
            add("broken-descriptor", f"must be {kind}, not {type(value).__name__}", keys)
            continue
    if any(p.code in ("broken-descriptor", "remote-reference") for p in problems):
        return problems  # what follows reads the shapes checked above
    for key in ("$schema", "profile"):
        value = data.get(key)
        if value is not None and value != PROFILE and not _REMOTE.match(value):
            add("unsafe-path", f"{key} must be {PROFILE}", (key,), value)
    for index, resource in enumerate(data.get("resources", [])):
        path = resource.get("path")
        if isinstance(path, str) and not _REMOTE.match(path):
            parts = Path(path).parts
            if Path(path).is_absolute() or ".." in parts or "\\" in path or not parts:
                name = str(resource.get("name"))[:80]
                message = f"resource {name!r} points outside the package: {path[:200]!r}"
                add("unsafe-path", message, ("resources", index, "path"), path)
        for key, value in resource.items():
            where: tuple[str | int, ...] = ("resources", index, key)
            if key == "dialect":
                for name, setting in value.items():
                    allowed = DIALECT_DEFAULTS.get(name)
                    if allowed is None or setting not in allowed:
                        add("dialect-mismatch", f"the tables are plain CSV (comma, double"
                            f" quotes, one header line); {name}={setting!r} would read them"
                            " otherwise: remove it", (*where, name), setting)  # fmt: skip
            elif key not in RESOURCE_KEYS:
                add("unsupported-key", f"{key!r} is not a property this package's resources"
                    " may have (it would change how the table is read): remove it, then run"
                    " `nkru-data schemas`", where)  # fmt: skip
    licences = data.get("licenses")
    if not licences or not all(lic.get("name") or lic.get("path") for lic in licences):
        add("missing-licence", "the package must state its licence (licenses: [{name, path}])",
            ("licenses",))  # fmt: skip
    for key in REQUIRED_METADATA:
        if not data.get(key):
            add("missing-metadata", f"the descriptor must give a {key}", (key,))
    return problems


def inside(base: Path, relative: str) -> Path:
    """``base / relative``, refusing absolute paths, ``..``, URLs and symlinks on the way.

    Raises :class:`UnusablePackage` with code ``unsafe-path`` (or ``remote-reference``).
    """
    if _REMOTE.match(relative):
        raise UnusablePackage(f"{relative!r} is a URL, not a file in the package",
                              code="remote-reference")  # fmt: skip
    parts = Path(relative).parts
    if not parts or Path(relative).is_absolute() or ".." in parts or "\\" in relative:
        raise UnusablePackage(f"{relative!r} is not a relative path inside {base.name}/",
                              code="unsafe-path")  # fmt: skip
    current = base
    for part in parts:
        current = current / part
        if current.is_symlink():
            raise UnusablePackage(
                f"{current} is a symbolic link; files are read only inside the package",
                code="unsafe-path",
                path=str(current),
            )
    return current
