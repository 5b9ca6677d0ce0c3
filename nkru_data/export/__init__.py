"""Exports: the dataset in the formats analysts open without Python.

Every format is a module here with a ``write(ds, out, langs)`` function that writes ``out`` (a file
or, for Parquet, a folder) from :mod:`nkru_data.views.frames` — the one flattening — and imports
its library only when called. :func:`export` is the one entry point: it checks the languages,
writes into a temporary sibling of the target and moves it into place, so an export never writes
outside its target, never leaves half a file, and replaces an existing target only with
``force=True``.
"""

from __future__ import annotations

import importlib
import os
import shutil
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from nkru_data.errors import MissingExtra, NkruDataError, OutputExists
from nkru_data.views.frames import languages

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset

LANGS = ("en", "ru", "ko")


@dataclass(frozen=True)
class Format:
    """One export format: where its writer lives, what it needs, where it writes by default."""

    name: str
    module: str
    default: str
    #: the third-party module it imports and the extra that brings it ("" for the stdlib)
    needs: str = ""
    extra: str = ""
    folder: bool = False
    description: str = ""


FORMATS: dict[str, Format] = {
    f.name: f
    for f in (
        Format("sqlite", "sqlite", "nkru-data.sqlite", "sqlite_utils", "sqlite",
               description="SQLite with keys, views, full-text search and Datasette metadata"),
        Format("parquet", "parquet", "nkru-data-parquet", "pyarrow", "parquet", folder=True,
               description="one Parquet file per table, typed (DuckDB, polars, pandas)"),
        Format("jsonl", "jsonl", "nkru-data.jsonl",
               description="one nested record per line, with labels and citations"),
        Format("jsonld", "jsonld", "nkru-data.jsonld",
               description="schema.org Dataset and records as JSON-LD"),
        Format("graphml", "graph", "nkru-data.graphml", "networkx", "graph",
               description="the network of people, organisations, places and events (Gephi)"),
        Format("gexf", "graph", "nkru-data.gexf", "networkx", "graph",
               description="the same network as GEXF (Gephi)"),
        Format("geojson", "geojson", "nkru-data.geojson",
               description="places with coordinates as GeoJSON points (QGIS)"),
    )
}  # fmt: skip


def writer(fmt: Format) -> Callable[[Dataset, Path, Sequence[str]], None]:
    """The format's ``write`` function (``write_<name>`` where one module serves two formats),
    its library checked first so that a missing extra is a clear error, not a traceback."""
    if fmt.needs:
        try:
            importlib.import_module(fmt.needs)
        except ImportError:
            raise MissingExtra.needs(f"export {fmt.name}", fmt.needs, fmt.extra) from None
    module = importlib.import_module(f"nkru_data.export.{fmt.module}")
    found: Callable[[Dataset, Path, Sequence[str]], None] = (
        getattr(module, f"write_{fmt.name}", None) or module.write
    )
    return found


def export(
    ds: Dataset,
    name: str,
    out: str | os.PathLike[str] | None = None,
    *,
    langs: Sequence[str] = LANGS,
    force: bool = False,
) -> Path:
    """Write ``ds`` as format ``name`` to ``out`` (default: the format's file name here) and
    return the path written."""
    fmt = FORMATS.get(name)
    if fmt is None:
        raise NkruDataError(f"no export format {str(name)[:40]!r}; formats: {', '.join(FORMATS)}",
                            code="unknown-format")  # fmt: skip
    chosen = ("en", *languages(langs))
    target = Path(out if out is not None else fmt.default)
    if target.is_symlink() or (target.exists() and not force):
        raise OutputExists(f"{target}: already exists; pass --force to replace it",
                           path=str(target))  # fmt: skip
    if target.is_dir() != fmt.folder and target.exists():
        what = "a folder" if fmt.folder else "a file"
        raise OutputExists(f"{target}: exists and is not {what}; {fmt.name} writes {what}",
                           path=str(target))  # fmt: skip
    parent = target.resolve().parent
    if not parent.is_dir():
        raise NkruDataError(f"{target.parent}: no such folder", code="no-such-folder",
                            path=str(target.parent))  # fmt: skip
    write = writer(fmt)
    work = Path(tempfile.mkdtemp(prefix=f".{target.name}.", dir=parent))
    try:
        staged = work / target.name
        if fmt.folder:
            staged.mkdir()
        write(ds, staged, chosen)
        _replace(target, staged, fmt)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return target


def _replace(target: Path, staged: Path, fmt: Format) -> None:
    """Move the finished export into place; an old folder goes only if it holds nothing but
    files this format writes (``--force`` must never delete someone's folder)."""
    if fmt.folder and target.is_dir():
        theirs = [p.name for p in target.iterdir() if not (staged / p.name).is_file()]
        if theirs:
            raise OutputExists(f"{target}: holds files this export does not write"
                               f" ({', '.join(sorted(theirs)[:3])}); choose another folder",
                               path=str(target))  # fmt: skip
        shutil.rmtree(target)
    os.replace(staged, target)
