"""Frames: the one flattening of records for pandas and for every export.

A frame is a table's records as typed columns, with what an analyst needs beside the stored
fields (the way UCDP GED and ACLED carry ``date_prec``/``where_prec``):

- every reference resolved to a name: ``place`` → ``place_name`` and, per language asked for,
  ``place_name_ru`` with ``place_name_ru_fallback``;
- the record's own name and description per language: ``title_ko`` (named after the field, not
  ``name_ko``), ``description_ko``, each with a ``*_fallback`` flag saying the English text was
  used (or NA in the text with ``fallback=False``) — never a silent copy;
- every EDTF field as ISO bounds ``*_start``/``*_end`` and a ``*_precision``
  (day, month, season, year, decade, century, interval, open, unknown), so that dates sort and
  filter correctly in pandas, DuckDB and SQL (``../1999`` no longer sorts before ``1945``);
- ``place_precision`` from the place's kind, and ``sources_count``.

Columns are typed (:class:`Column.kind`): lists stay lists, booleans booleans, numbers floats,
vocabularies categories with every allowed value. Nothing here is stored in the CSVs.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

from nkru_data.errors import UnknownRecord
from nkru_data.lang.dates import EdtfError, check_lang, parse
from nkru_data.model.layout import TABLE_BY_NAME, TABLES, Table
from nkru_data.model.schema import ColumnSpec, column_specs
from nkru_data.model.types import ID_PATTERN
from nkru_data.views.lookup import Lookup

Kind = Literal["string", "list", "boolean", "number", "integer", "category", "date"]

#: date precisions, from the finest
DATE_PRECISIONS = ("day", "month", "season", "year", "decade", "century", "interval", "open",
                   "unknown")  # fmt: skip
#: how precisely a place kind locates something (UCDP's where_prec, in words)
PLACE_PRECISION = {
    "airport": "point", "building": "point", "port": "point", "railway": "point",
    "city": "settlement", "town": "settlement", "village": "settlement",
    "region": "region", "district": "region", "territory": "region", "area": "region",
    "country": "country", "border": "border/water", "river": "border/water",
}  # fmt: skip
PLACE_PRECISIONS = ("point", "settlement", "region", "country", "border/water", "unknown")


@dataclass(frozen=True)
class Column:
    """One column of a frame: its name, its type, what it means."""

    name: str
    kind: Kind
    description: str = ""
    categories: tuple[str, ...] = ()
    #: the stored field this column comes from (derived columns name theirs)
    source: str = ""


@dataclass
class Frame:
    """A table's records as typed columns: ``data[i]`` holds the values of ``columns[i]``.

    Column-major because every consumer (pandas, Arrow, SQLite) takes columns, and because
    building a column is one comprehension where a row would be a function call per cell.
    """

    table: str
    columns: list[Column] = field(default_factory=list)
    data: list[list[Any]] = field(default_factory=list)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.columns]

    @property
    def rows(self) -> list[tuple[Any, ...]]:
        """The values row by row, in column order."""
        return list(zip(*self.data)) if self.data else []

    def dicts(self) -> list[dict[str, Any]]:
        """The rows as ``{column: value}``, in column order."""
        names = self.names
        return [dict(zip(names, row)) for row in zip(*self.data)]

    def column(self, name: str) -> list[Any]:
        return self.data[self.names.index(name)]


def date_precision(text: str | None) -> str:
    """How precise an EDTF value is, in :data:`DATE_PRECISIONS`' words.

    >>> [date_precision(t) for t in ("2016-05-03", "2016-21", "194X", "19XX", "2001/2003")]
    ['day', 'season', 'decade', 'century', 'interval']
    >>> date_precision("2016-05/.."), date_precision(None)
    ('open', 'unknown')
    """
    if not text:
        return "unknown"
    try:
        value = parse(text)
    except EdtfError:
        return "unknown"
    if value.interval:
        return "open" if value.lower is None or value.upper is None else "interval"
    unknown_digits = text[:4].count("X")  # a year known only to its decade or century
    if unknown_digits:
        return {1: "decade", 2: "century"}.get(unknown_digits, "unknown")
    return value.precision


def languages(langs: Iterable[str]) -> tuple[str, ...]:
    """The languages asked for, checked (the error :func:`describe` raises), English omitted."""
    out: list[str] = []
    for lang in langs:
        check_lang(lang)
        if lang != "en" and lang not in out:
            out.append(lang)
    return tuple(out)


def _is_reference(spec: ColumnSpec) -> bool:
    return spec.name != "id" and spec.column.pattern == ID_PATTERN and not spec.column.is_list


def _kind(spec: ColumnSpec) -> Kind:
    if spec.column.is_list:
        return "list"
    if spec.enum_type is not None:
        return "category"
    if spec.kind in ("boolean", "number", "integer"):
        return spec.kind  # type: ignore[return-value]
    return "string"


def _plain(values: list[Any], kind: Kind) -> list[Any]:
    """A stored column as a frame holds it: vocabularies as their values, tuples as lists."""
    if kind == "category":
        return [None if v is None else v.value for v in values]
    if kind == "list":
        return [list(v) for v in values]
    return values


class _Builder:
    """Builds frames of one dataset, sharing what every table needs (citations, places, names).

    Names and date bounds are computed once per distinct id or EDTF value, then mapped over the
    column: a table has far fewer distinct places and dates than rows.
    """

    def __init__(self, ds: Lookup | None, langs: Sequence[str], fallback: bool) -> None:
        self.ds = ds  # None: the columns only, no row
        self.langs = languages(langs)
        self.fallback = fallback
        self._names: dict[tuple[str, str, str], tuple[str | None, bool | None]] = {}
        self.sources_count: dict[str, int] = {}
        self.place_kind: dict[str, str] = {}
        if ds is None:
            return
        sources: dict[str, set[str]] = defaultdict(set)
        for citation in ds.table("citations"):
            fields = vars(citation)
            sources[fields["record"]].add(fields["source"])
        self.sources_count = {record: len(found) for record, found in sources.items()}
        self.place_kind = {vars(p)["id"]: vars(p)["kind"].value for p in ds.table("places")}

    def localized(self, id_: str | None, lang: str, field_: str = "name") -> tuple[Any, Any]:
        """A label in ``lang`` and whether it is the English fallback (both NA: no record)."""
        key = (id_ or "", lang, field_)
        found = self._names.get(key)
        if found is None:
            found = self._names[key] = self._lookup(id_, lang, field_)
        return found

    def _lookup(self, id_: str | None, lang: str, field_: str) -> tuple[Any, Any]:
        if not id_ or self.ds is None or id_ not in self.ds:
            return None, None
        text = self.ds.label(id_, lang, field_, fallback=False)
        if text is not None or lang == "en":
            return text, False
        english = self.ds.label(id_, "en", field_)
        return (english if self.fallback else None), english is not None

    def frame(self, table: Table) -> Frame:
        records = [vars(r) for r in self.ds.table(table.name)] if self.ds is not None else []
        columns: list[Column] = []
        data: list[list[Any]] = []

        def add(column: Column, values: list[Any]) -> None:
            columns.append(column)
            data.append(values)

        for spec in column_specs(table.model):
            kind = _kind(spec)
            stored = [r[spec.name] for r in records]
            add(Column(spec.name, kind, spec.description or "", spec.enum or (), spec.name),
                _plain(stored, kind))  # fmt: skip
            if spec.column.format == "edtf":
                bounds = {v: self._date_values(v) for v in set(stored)}
                for i, (suffix, kind_, what) in enumerate(_DATE_PARTS):
                    add(Column(f"{spec.name}_{suffix}", kind_, f"{what} of {spec.name}",
                               DATE_PRECISIONS if kind_ == "category" else (), spec.name),
                        [bounds[v][i] for v in stored])  # fmt: skip
            if _is_reference(spec):
                self._add_names(add, f"{spec.name}_name", spec.name, stored, "name", "name of ")
            if spec.name == table.name_field or (spec.name == "description" and table.kind):
                field_ = "description" if spec.name == "description" else "name"
                ids = [r["id"] for r in records]
                self._add_names(add, spec.name, spec.name, ids, field_, "", english=False)
        if table.name == "places" or "place" in table.fields:
            kinds = (
                [r["kind"].value for r in records] if table.name == "places"
                else [self.place_kind.get(r["place"] or "", "") for r in records]
            )  # fmt: skip
            what = "how precisely the place locates it (from the place's kind)"
            origin = "kind" if table.name == "places" else "place"
            add(Column("place_precision", "category", what, PLACE_PRECISIONS, origin),
                [PLACE_PRECISION.get(k, "unknown") for k in kinds])  # fmt: skip
        if table.kind:
            add(Column("sources_count", "integer", "distinct sources citing it", (), "id"),
                [self.sources_count.get(r["id"], 0) for r in records])  # fmt: skip
        return Frame(table.name, columns, data)

    def _add_names(
        self, add: Any, stem: str, source: str, ids: list[Any], field_: str, what: str,
        english: bool = True,
    ) -> None:  # fmt: skip
        """``stem`` (English, for references) and ``stem_<lang>`` + ``stem_<lang>_fallback``."""
        if english:
            add(Column(stem, "string", f"{what}{source} (English)", (), source),
                [self.localized(i, "en", field_)[0] for i in ids])  # fmt: skip
        for lang in self.langs:
            pairs = [self.localized(i, lang, field_) for i in ids]
            add(Column(f"{stem}_{lang}", "string", f"{what}{source} in {lang}", (), source),
                [p[0] for p in pairs])  # fmt: skip
            add(Column(f"{stem}_{lang}_fallback", "boolean",
                       f"true where no {lang} text exists and the English is used", (), source),
                [p[1] for p in pairs])  # fmt: skip

    @staticmethod
    def _date_values(text: str | None) -> tuple[date | None, date | None, str]:
        precision = date_precision(text)
        if not text or precision == "unknown":  # e.g. XXXX-02: no year, so no bound in time
            return None, None, precision
        value = parse(text)
        return value.lower, value.upper, precision


_DATE_PARTS: tuple[tuple[str, Kind, str], ...] = (
    ("start", "date", "earliest possible day"), ("end", "date", "latest possible day"),
    ("precision", "category", "precision"),
)  # fmt: skip


def frame(ds: Lookup, table: str, langs: Sequence[str] = (), *, fallback: bool = True) -> Frame:
    """One table as a :class:`Frame`, with names and descriptions in ``langs`` too.

    An unknown table raises :class:`~nkru_data.errors.UnknownRecord` (from ``ds.table``); an
    unknown language the :class:`~nkru_data.errors.UnknownLanguage` cards raise.
    """
    if table not in TABLE_BY_NAME:
        raise UnknownRecord(f"no table {str(table)[:40]!r}; tables: {', '.join(TABLE_BY_NAME)}")
    return _Builder(ds, langs, fallback).frame(TABLE_BY_NAME[table])


def frames(ds: Lookup | None, langs: Sequence[str] = (), *, fallback: bool = True) -> list[Frame]:
    """Every table as a frame (the shared lookups built once); with ``ds=None``, the frames'
    columns without any row (what a schema or a metadata file needs)."""
    builder = _Builder(ds, langs, fallback)
    return [builder.frame(t) for t in TABLES]


def to_pandas(frame: Frame) -> Any:
    """A frame as a ``pandas.DataFrame`` with the columns' dtypes: ``string``, ``boolean``,
    ``Float64``, ``Int64``, ``category`` (every allowed value), ``datetime64[s]`` (which holds
    any year, unlike nanoseconds) and lists as Python lists."""
    import numpy as np
    import pandas as pd

    data: dict[str, Any] = {}
    for column, values in zip(frame.columns, frame.data):
        if column.kind == "category":
            data[column.name] = pd.Categorical(values, categories=list(column.categories))
        elif column.kind == "date":
            days = np.array([v.isoformat() if v else "NaT" for v in values], "datetime64[D]")
            data[column.name] = pd.Series(days, dtype="datetime64[s]")
        elif column.kind == "list":
            data[column.name] = pd.Series(values, dtype=object)
        else:
            dtype = {"string": "string", "boolean": "boolean", "number": "Float64",
                     "integer": "Int64"}[column.kind]  # fmt: skip
            data[column.name] = pd.Series(values, dtype=dtype)
    return pd.DataFrame(data, columns=frame.names)
