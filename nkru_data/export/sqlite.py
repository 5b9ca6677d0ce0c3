"""SQLite: every table keyed, indexed and searchable, for SQL and Datasette.

Tables are the frames (:mod:`nkru_data.views.frames`), so SQL sees what pandas sees: names per
language with their ``*_fallback`` flags, EDTF dates as ISO ``*_start``/``*_end`` text (which
sorts as time), ``*_precision``, ``place_precision``, ``sources_count``. Lists are JSON arrays
(``json_each`` reads them), booleans 0/1, numbers REAL. Primary and monomorphic foreign keys are
declared, so ``PRAGMA foreign_keys=ON`` enforces them; the polymorphic references (a claim's
subject, a citation's record) name several tables and cannot be keys.

Search is FTS5 with the ``unicode61`` tokenizer, which splits Hangul and Cyrillic into words and
folds case and diacritics (ё finds е): one index per record table over its names and
descriptions in every language (Datasette shows a search box on each), and ``texts``, every name,
label, description and citation quote as stored, one row each, to search them all at once.

sqlite-utils declares the tables, keys, indexes, FTS and views; the rows go in through one
``executemany`` per table, since they are typed already and sqlite-utils' per-row type detection
would only cost time. Rows go in primary-key order and nothing depends on the clock, so the same
data gives the same bytes. Datasette reads its metadata from a file, and the dispatcher moves
only the database: :func:`metadata` and :func:`write_metadata` give that file separately.
"""

from __future__ import annotations

import gc
import json
from collections.abc import Iterator, Sequence
from datetime import date
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.model.layout import TABLE_BY_NAME, TABLES, Table
from nkru_data.model.schema import table_schema
from nkru_data.store.safety import load_descriptor
from nkru_data.views.frames import Frame, frames
from nkru_data.views.lookup import LANGS

if TYPE_CHECKING:
    from sqlite_utils import Database

    from nkru_data.dataset import Dataset

#: the Datasette database name of the default export file (``nkru-data.sqlite``)
DATABASE = "nkru-data"
TOKENIZE = "unicode61 remove_diacritics 2"
_SQL_TYPES: dict[str, type] = {"string": str, "category": str, "date": str, "list": str,
                               "boolean": int, "integer": int, "number": float}  # fmt: skip
#: columns Datasette offers as facets, per table (only those the frame has are kept)
FACETS: dict[str, tuple[str, ...]] = {
    "sources": ("kind", "language", "published_precision"),
    "people": ("gender", "pseudonym", "occupation"),
    "organizations": ("kind", "country"),
    "places": ("kind", "place_precision"),
    "events": ("kind", "date_precision", "place_precision", "certainty"),
    "participants": ("role",),
    "agreements": ("kind", "status"),
    "agreement_parties": ("role",),
    "statistics": ("unit", "qualifier", "indicator"),
    "claims": ("status", "property"),
    "affiliations": ("role",),
    "labels": ("lang", "field", "origin", "reviewed"),
    "citations": ("source",),
    "texts": ("table", "lang", "field"),
}
#: indexes beyond the keys: the date the events view sorts by, the polymorphic references
INDEXES: dict[str, tuple[tuple[str, ...], ...]] = {
    "events": (("date_start", "date_end"),),
    "participants": (("entity",),),
    "agreement_parties": (("party",),),
    "claims": (("subject",),),
    "citations": (("record",),),
    "texts": (("record",),),
}
TEXTS_COLUMNS = {"record": str, "table": str, "lang": str, "field": str, "text": str}
TEXTS_DESCRIPTIONS = {
    "record": "id of the record the text names, describes or (for a quote) supports",
    "table": "table of that record",
    "lang": "language of the text (a quote's: its source's language; empty where unknown)",
    "field": "name, title, description, alias, … or quote",
    "text": "the text as stored: English in the record, other languages in labels",
}


def _json_lists(values: list[Any]) -> list[str | None]:
    """Lists as JSON arrays; a column holds few distinct ones (``["KP"]``), each encoded once."""
    encoded: dict[tuple[Any, ...], str] = {}
    out: list[str | None] = []
    for value in values:
        if value is None:
            out.append(None)
        elif (text := encoded.get(key := tuple(value))) is not None:
            out.append(text)
        else:
            out.append(encoded.setdefault(key, json.dumps(value, ensure_ascii=False)))
    return out


def sql_rows(frame: Frame, table: Table) -> list[tuple[Any, ...]]:
    """The frame's rows as SQLite stores them (dates as ISO text, lists as JSON), in
    primary-key order. Converted column by column: one comprehension each, not a call a cell."""
    columns = []
    for column in frame.columns:
        values = frame.column(column.name)
        if column.kind == "date":
            values = [v.isoformat() if isinstance(v, date) else v for v in values]
        elif column.kind == "list":
            values = _json_lists(values)
        columns.append(values)
    rows = list(zip(*columns))
    rows.sort(key=itemgetter(*(frame.names.index(k) for k in table.primary_key)))
    return rows


_TABLE_OF_KIND = {t.kind: t.name for t in TABLES if t.kind}


def _table_of(id_: str) -> str | None:
    return _TABLE_OF_KIND.get(id_.partition(":")[0])


Text = tuple[str, "str | None", "str | None", str, str]


def texts(ds: Dataset, langs: Sequence[str]) -> list[Text]:
    """Every stored name, description, label and quote in ``langs``, sorted: ``texts``' rows.

    Read from the CSV text (:meth:`Dataset.column`), which is what is stored, without records."""
    wanted = set(langs)
    out: list[Text] = []
    for table in TABLES:
        if not table.kind:
            continue
        ids = ds.column(table.name, "id")
        for name in (table.name_field, "description"):
            if name and name in table.fields:
                out += [(i, table.name, "en", name, v)
                        for i, v in zip(ids, ds.column(table.name, name)) if v]  # fmt: skip
    labels = (ds.column("labels", c) for c in ("entity", "lang", "field", "value"))
    out += [(entity, _table_of(entity), lang, field, value)
            for entity, lang, field, value in zip(*labels) if lang in wanted]  # fmt: skip
    source_lang = dict(zip(ds.column("sources", "id"), ds.column("sources", "language")))
    quotes = (ds.column("citations", c) for c in ("record", "source", "quote"))
    for record, source, quote in zip(*quotes):
        lang = source_lang.get(source) or None
        if lang is None or lang in wanted:
            out.append((record, _table_of(record), lang, "quote", quote))
    out.sort(key=lambda r: (r[0], r[3], r[2] or "", r[4]))
    return out


def fts_columns(table: Table, names: Sequence[str], langs: Sequence[str]) -> list[str]:
    """The columns a record table's search box searches: its name and description in every
    language, or, for a record with neither (an affiliation), the names of what it links."""
    present = set(names)
    suffixes = ("", *(f"_{x}" for x in langs[1:]))
    own = [f"{stem}{suffix}" for stem in (table.name_field, "description") if stem
           for suffix in suffixes if f"{stem}{suffix}" in present]  # fmt: skip
    return own or [n for n in names if any(n.endswith(f"_name{x}") for x in suffixes)]


def _creation_order(built: list[Frame]) -> list[Frame]:
    """The frames in an order that creates each referenced table before its referrers (as
    sqlite-utils checks a key's target exists); rows are inserted later, in :data:`TABLES`'."""
    todo, done, order = list(built), set(), []
    while todo:
        frame = next(f for f in todo if all(
            target in done or target == f.table
            for _, target, _ in TABLE_BY_NAME[f.table].foreign_keys))  # fmt: skip
        todo.remove(frame)
        done.add(frame.table)
        order.append(frame)
    return order


def _create(db: Database, frame: Frame, table: Table) -> None:
    required = {f["name"] for f in table_schema(table)["fields"]
                if f.get("constraints", {}).get("required")}  # fmt: skip
    db.table(table.name).create(
        {c.name: _SQL_TYPES[c.kind] for c in frame.columns},
        pk=table.primary_key[0] if len(table.primary_key) == 1 else table.primary_key,
        foreign_keys=list(table.foreign_keys),
        not_null=sorted(required),  # a key column may be empty (an editorial quote)
    )


def _insert(db: Database, name: str, columns: Sequence[str], rows: list[tuple[Any, ...]]) -> None:
    quoted = ", ".join(f"[{c}]" for c in columns)
    marks = ", ".join("?" * len(columns))
    db.conn.executemany(f"INSERT INTO [{name}] ({quoted}) VALUES ({marks})", rows)


def _views(langs: Sequence[str]) -> Iterator[tuple[str, str]]:
    others = langs[1:]
    titles = "".join(f", e.title_{x}" for x in others)
    places = "".join(f", p.name_{x} AS place_name_{x}" for x in others)
    events = (
        f"SELECT e.rowid AS event_rowid, e.id, e.kind, e.title{titles}, e.date, e.date_start,"
        f" e.date_end, e.date_precision, e.place, p.name AS place_name{places},"
        " p.kind AS place_kind, e.place_precision, e.certainty, e.sources_count"
        " FROM events AS e LEFT JOIN places AS p ON p.id = e.place"
        " ORDER BY e.date_start IS NULL, e.date_start, e.date_end, e.id"
    )
    yield "events_view", events
    for lang in langs:
        labels = (
            "SELECT entity, field, value, origin, reviewed FROM labels"
            f" WHERE lang = '{lang}' ORDER BY entity, field, value"
        )
        yield f"labels_{lang}", labels


def write(ds: Dataset, out: Path, langs: Sequence[str]) -> None:
    """Write the database ``out`` (a fresh path) with every table in ``langs``.

    The garbage collector is paused meanwhile, as when records are built: the rows are
    hundreds of thousands of tuples that live until the end, and collecting only rescans them.
    """
    paused = gc.isenabled()
    gc.disable()
    try:
        _write(ds, out, langs)
    finally:
        if paused:
            gc.enable()


def _write(ds: Dataset, out: Path, langs: Sequence[str]) -> None:
    import sqlite_utils

    built = frames(ds, langs)
    db = sqlite_utils.Database(out, execute_plugins=False, recursive_triggers=False)
    try:
        # a staged file, moved into place only when complete: no journal or fsync is needed
        db.execute("PRAGMA journal_mode=OFF")
        db.execute("PRAGMA synchronous=OFF")
        for frame in _creation_order(built):
            _create(db, frame, TABLE_BY_NAME[frame.table])
        db.table("texts").create(TEXTS_COLUMNS, not_null=["record", "field", "text"])
        with db.conn:
            for frame in built:
                _insert(db, frame.table, frame.names, sql_rows(frame, TABLE_BY_NAME[frame.table]))
            _insert(db, "texts", list(TEXTS_COLUMNS), texts(ds, langs))
        for name, indexes in INDEXES.items():
            for columns in indexes:
                db.table(name).create_index(columns)
        db.index_foreign_keys()
        for frame in built:
            table = TABLE_BY_NAME[frame.table]
            if not table.kind:
                continue  # link tables, labels, citations: searched through ``texts``
            db.table(frame.table).enable_fts(fts_columns(table, frame.names, langs),
                                             tokenize=TOKENIZE, create_triggers=True)  # fmt: skip
        db.table("texts").enable_fts(["text"], tokenize=TOKENIZE, create_triggers=True)
        for name, sql in _views(langs):
            db.create_view(name, sql)
    finally:
        db.close()


# -- Datasette metadata -----------------------------------------------------------------------


def _descriptor(ds: Dataset) -> dict[str, Any]:
    if ds.path is None or not (ds.path / "datapackage.json").is_file():
        return {}
    return load_descriptor(ds.path / "datapackage.json")


def column_descriptions(table: Table, frame: Frame) -> dict[str, str]:
    """Each column's description: the Table Schema's for a stored field, the frame's for a
    derived one; a column neither describes is left out rather than given an empty string."""
    stored = {f["name"]: f.get("description", "") for f in table_schema(table)["fields"]}
    out = {c.name: stored.get(c.name) or c.description for c in frame.columns}
    return {name: text for name, text in out.items() if text}


def metadata(ds: Dataset, langs: Sequence[str] = LANGS, database: str = DATABASE) -> dict[str, Any]:
    """Datasette metadata for the export of ``ds`` in ``langs``, served as ``database`` (the
    file's stem): licence and sources from the descriptor, table and column descriptions,
    facets, label columns (so ``_labels=on`` names what a key points to) and the search setup."""
    descriptor = _descriptor(ds)
    meta: dict[str, Any] = {"title": descriptor.get("title", "nkru-data")}
    if descriptor.get("description"):
        meta["description"] = descriptor["description"]
    for licence in descriptor.get("licenses", [])[:1]:
        meta["license"] = licence.get("name") or licence.get("title", "")
        if str(licence.get("path", "")).startswith("https://"):
            meta["license_url"] = licence["path"]
    for source in descriptor.get("sources", []):
        if str(source.get("path", "")).startswith(("https://", "http://")):
            meta["source"], meta["source_url"] = source.get("title", source["path"]), source["path"]
            break
    if str(descriptor.get("homepage", "")).startswith("https://"):
        meta["about"], meta["about_url"] = "nkru-data", descriptor["homepage"]
    tables: dict[str, Any] = {}
    for frame in frames(None, langs):
        table = TABLE_BY_NAME[frame.table]
        entry: dict[str, Any] = {
            "description": table.title,
            "columns": column_descriptions(table, frame),
            "facets": [f for f in FACETS.get(table.name, ()) if f in frame.names],
        }
        if table.kind:
            entry["fts_table"] = f"{table.name}_fts"
        if table.name_field:
            entry["label_column"] = table.name_field
        tables[table.name] = entry
    tables["texts"] = {
        "description": "Every name, label, description and citation quote, one row each, for"
        " full-text search across tables and languages",
        "columns": TEXTS_DESCRIPTIONS,
        "facets": list(FACETS["texts"]),
        "fts_table": "texts_fts",
    }
    tables["events_view"] = {
        "description": "Events by date, with their place's names",
        "fts_table": "events_fts",
        "fts_pk": "event_rowid",
    }
    for lang in langs:
        tables[f"labels_{lang}"] = {"description": f"Labels in {lang}"}
    meta["databases"] = {database: {"tables": tables}}
    return meta


def write_metadata(
    ds: Dataset, path: Path, langs: Sequence[str] = LANGS, database: str = DATABASE
) -> None:
    """Write :func:`metadata` as JSON to ``path`` (``datasette --metadata path``)."""
    text = json.dumps(metadata(ds, langs, database), indent=2, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
