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
from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.errors import OutputExists
from nkru_data.lang.dates import format_edtf, time_order
from nkru_data.site import pages
from nkru_data.site.words import LANG_NAMES, LANGS, WORDS, word

if TYPE_CHECKING:
    from jinja2 import Environment

    from nkru_data.dataset import Dataset

#: the file that says "this folder is a site nkru-data built" (and may be replaced)
MARKER = ".nkru-data-site"
_MARKER_TEXT = "This folder is a static site built by `nkru-data site`; it is replaced whole.\n"


def build(
    ds: Dataset,
    out: Path,
    *,
    base_url: str | None = None,
    force: bool = False,
    bibtex: str = "",
    jsonld: str = "",
) -> int:
    """Build the site of ``ds`` into ``out``; returns the number of pages written.

    ``base_url`` makes every link absolute under it (for a site served from a known
    address); without it every link is relative, so the folder works from a disk or any
    server. ``bibtex`` (the dataset's citation) and ``jsonld`` (its schema.org ``Dataset``
    node) come from the layers beside and above this one — the command line's ``cite`` module
    and the JSON-LD export — which is why the caller passes them in. The caller validates the
    package first (``nkru-data site`` does), so that a broken package never gets this far.
    """
    check_output(out, force)
    out.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=f".{out.name}.", dir=out.parent))
    try:
        count = _write_site(ds, staging, base_url, bibtex, jsonld)
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


def environment() -> Environment:
    """The templates, escaped (every text is the data's), read from the installed package."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    folder = Path(str(files("nkru_data.site") / "templates"))
    return Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)  # fmt: skip


class _Writer:
    """Renders templates into the staging folder, with each page's chrome in its language."""

    def __init__(self, root: Path, base_url: str | None) -> None:
        self.root = root
        self.base = base_url.rstrip("/") + "/" if base_url else None
        self.env = environment()
        self.count = 0

    def page(self, lang: str, page: str, template: str, **context: Any) -> None:
        """Write ``<lang>/<page>`` (``lang`` empty: the language chooser at the root)."""
        where = f"{lang}/{page}" if lang else page
        root = self.base or "../" * where.count("/")
        words = {key: word(key, lang or "en") for key in WORDS}
        html = self.env.get_template(template).render(
            lang=lang or "en", page=page, root=root, langs=LANGS, lang_names=LANG_NAMES,
            w=words, **context)  # fmt: skip
        target = self.root / where
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html.encode("utf-8"))
        self.count += 1


def _write_site(ds: Dataset, root: Path, base_url: str | None, bibtex: str, jsonld: str) -> int:
    writer = _Writer(root, base_url)
    static = root / "static"
    static.mkdir()
    css = files("nkru_data.site") / "static" / "style.css"
    (static / "style.css").write_bytes(css.read_bytes())
    writer.page("", "index.html", "chooser.html")
    labels = pages.labels_by_entity(ds)
    for table in pages.PAGE_TABLES:
        for record in ds.table(table):
            id_ = str(getattr(record, "id"))  # noqa: B009 — every page table has an id
            facts = pages.record_facts(ds, id_, labels)
            slug = id_.split(":", 1)[1]
            for lang in LANGS:
                writer.page(lang, f"{table}/{slug}.html", "record.html",
                            r=pages.record_page(ds, facts, lang))  # fmt: skip
    for lang in LANGS:
        _write_indexes(ds, writer, lang, bibtex, jsonld)
    return writer.count


def _write_indexes(ds: Dataset, writer: _Writer, lang: str, bibtex: str, jsonld: str) -> None:
    counts = ds.counts()
    writer.page(lang, "index.html", "home.html",
                tables=[(t, counts[t]) for t in pages.PAGE_TABLES])  # fmt: skip
    for table in pages.PAGE_TABLES:
        rows: list[tuple[pages.Item, list[pages.Item]]]
        if table == "sources":  # the sources page: each source with the records citing it
            rows = [(item, _cited(ds, id_, lang)) for item, id_ in pages.list_rows(ds, table, lang)]
        else:
            rows = [(item, []) for item, _ in pages.list_rows(ds, table, lang)]
        writer.page(lang, f"{table}/index.html", "list.html", heading=word(table, lang),
                    rows=rows)  # fmt: skip
    events = sorted(ds.events, key=lambda e: (time_order(e.date), e.id))
    writer.page(
        lang,
        "timeline.html",
        "timeline.html",
        rows=[(format_edtf(e.date, lang), pages.link(ds, e.id, lang)) for e in events],
    )
    writer.page(lang, "dataset.html", "dataset.html", **_dataset_context(ds, lang, bibtex, jsonld))


def _cited(ds: Dataset, source_id: str, lang: str) -> list[pages.Item]:
    """The records a source is cited for, as links."""
    return [pages.link(ds, str(getattr(r, "id")), lang) for r in ds.records_from(source_id)]  # noqa: B009


def _dataset_context(ds: Dataset, lang: str, bibtex: str, jsonld: str) -> dict[str, Any]:
    """The dataset page: the descriptor's title, description and licences, rows per table,
    the citation, and the schema.org JSON-LD (``<`` escaped, so no text ends the script)."""
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
        "bibtex": bibtex,
        "jsonld": jsonld.replace("<", "\\u003c"),
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
