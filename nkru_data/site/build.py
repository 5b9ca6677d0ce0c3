"""Build the static site: every page of every language, written to a fresh folder.

The build validates the package first, so a broken package stops it with the validator's
first problem (``file:line: field``) rather than a template traceback deep in a page. Pages are
written to a staging folder beside the output and moved into place at the end, so an
interrupted build never leaves half a site where a whole one was; an existing output is
replaced only when asked (``force``) and only when it holds :data:`MARKER`, so that a typo in
the output path can never delete someone's folder. Nothing depends on the clock or on
dictionary order: the same data gives the same bytes.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.errors import OutputExists
from nkru_data.site import overviews, pages
from nkru_data.site.words import LANGS, word
from nkru_data.site.writer import Writer

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset

#: the file that says "this folder is a site nkru-data built" (and may be replaced)
MARKER = ".nkru-data-site"
_MARKER_TEXT = "This folder is a static site built by `nkru-data site`; it is replaced whole.\n"


@dataclass(frozen=True)
class Extras:
    """What the site shows that the layers beside and above it make: the dataset's citation
    (``bibtex``, from the command line's ``cite``), its schema.org ``Dataset`` node and each
    record's node (``jsonld``, ``records``: from the JSON-LD export, by record id), the files
    offered for download (name in ``downloads/`` → (file, description)), the changelog's
    text, and the archived source texts (``seeds``) that quotes are shown in context from."""

    bibtex: str = ""
    jsonld: str = ""
    records: dict[str, str] = field(default_factory=dict)
    downloads: dict[str, tuple[Path, str]] = field(default_factory=dict)
    changelog: str = ""
    seeds: Path | None = None


def build(
    ds: Dataset,
    out: Path,
    *,
    base_url: str | None = None,
    force: bool = False,
    extras: Extras | None = None,
) -> int:
    """Build the site of ``ds`` into ``out``; returns the number of pages written.

    ``base_url`` makes every link absolute under it (for a site served from a known
    address); without it every link is relative, so the folder works from a disk or any
    server. The caller validates the package first (``nkru-data site`` does), so that a broken
    package never gets this far.
    """
    check_output(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        count = _write_site(ds, staging, base_url, extras or Extras())
        (staging / MARKER).write_text(_MARKER_TEXT, encoding="utf-8")
        if out.exists():
            shutil.rmtree(out)
        staging.rename(out)
    finally:
        if staging.exists():
            shutil.rmtree(staging)
    return count


def check_output(out: Path, force: bool) -> None:
    """Refuse an existing output unless ``force``, and even then unless we built it (or it
    is an empty folder): a mistyped path must never cost anyone a folder."""
    if not out.exists():
        return
    if not force:
        raise OutputExists(f"{out}: already exists; pass --force to replace it")
    if not out.is_dir() or not ((out / MARKER).is_file() or not any(out.iterdir())):
        raise OutputExists(f"{out}: not a site built by nkru-data (no {MARKER}); not replacing it")


def _write_site(ds: Dataset, root: Path, base_url: str | None, extras: Extras) -> int:
    writer = Writer(root, base_url)
    for where, data in overviews.static_files().items():
        writer.file(where, data)
    writer.file("static/search-index.js", overviews.search_index(ds).encode("utf-8"))
    downloads = []
    for name, (path, description) in sorted(extras.downloads.items()):
        writer.file(f"downloads/{name}", path.read_bytes())
        downloads.append((name, description, path.stat().st_size))
    writer.page("", "index.html", "chooser.html")
    labels = pages.labels_by_entity(ds)
    quotes = pages.Quotes(ds, extras.seeds)
    timelines = {id_ for table in overviews.TIMELINE_TABLES for id_ in ds.column(table, "id")}
    for table in pages.PAGE_TABLES:
        for record in ds.table(table):
            id_ = str(getattr(record, "id"))  # noqa: B009 — every page table has an id
            facts = pages.record_facts(ds, id_, labels)
            slug = id_.split(":", 1)[1]
            own = id_ in timelines and facts.events
            timeline = f"timeline/{table}/{slug}.html" if own else None
            for lang in LANGS:
                writer.page(lang, f"{table}/{slug}.html", "record.html",
                            r=pages.record_page(ds, facts, lang, quotes),
                            jsonld=_script(extras.records.get(id_, "")),
                            timeline=timeline)  # fmt: skip
    for lang in LANGS:
        overviews.write(ds, writer, lang, downloads, _dataset_context(ds, lang, extras))
    return writer.count


def _script(jsonld: str) -> str:
    """JSON-LD safe inside ``<script>``: ``<`` escaped, so no text can end the script."""
    return jsonld.replace("<", "\\u003c")


def _dataset_context(ds: Dataset, lang: str, extras: Extras) -> dict[str, Any]:
    """The dataset page: the descriptor's title, description and licences, rows per table,
    the citation, the changelog and the schema.org JSON-LD."""
    meta = descriptor(ds)
    licences = [str(x.get("name") or x.get("title") or x.get("path") or "")
                for x in meta.get("licenses", [])]  # fmt: skip
    return {
        "meta_title": str(meta.get("title") or ""),
        "meta_description": str(meta.get("description") or ""),
        "version": str(meta.get("version") or ""),
        "licences": [x for x in licences if x],
        "counts": [
            (word(t if t in pages.PAGE_TABLES else f"table:{t}", lang), n)
            for t, n in ds.counts().items()
        ],
        "bibtex": extras.bibtex,
        "changelog": extras.changelog,
        "jsonld": _script(extras.jsonld),
    }


def descriptor(ds: Dataset) -> dict[str, Any]:
    """The package's ``datapackage.json`` (``{}`` for a dataset built in memory)."""
    from nkru_data.store.safety import load_descriptor

    if ds.path is None or not (ds.path / "datapackage.json").is_file():
        return {}
    return load_descriptor(ds.path / "datapackage.json")


def html_files(root: Path) -> Iterable[Path]:
    """Every page of a built site, in a stable order (for tests and checks)."""
    return sorted(root.rglob("*.html"))
