"""``Dataset``: the tables of one package, with lookups across them.

:func:`load` only reads the CSV files; typed records (frozen pydantic models) are built per table
on first access, so that ``import nkru_data; nkru_data.load()`` costs little more than reading
the files. Lookups by id, labels and search work on the raw rows and need no model at all;
search, relations and cards live in :mod:`nkru_data.views`, which this class feeds through the
:class:`~nkru_data.views.lookup.Lookup` protocol and imports only when first asked.
"""

from __future__ import annotations

import os
from collections import defaultdict
from collections.abc import Iterator, Sequence
from itertools import count, repeat
from operator import attrgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from nkru_data.errors import MissingExtra, UnknownRecord
from nkru_data.model.layout import TABLE_BY_NAME, TABLES, Table
from nkru_data.store.csvfile import RawTable
from nkru_data.store.package import read_package
from nkru_data.store.resources import ENV_VAR, descriptor_path
from nkru_data.views.referrers import referring

if TYPE_CHECKING:
    import pandas

    from nkru_data.model import records as m
    from nkru_data.model.records import Record
    from nkru_data.views.relations import TimelineRow
    from nkru_data.views.search import SearchIndex

LANGS = ("en", "ru", "ko")


class _Rows:
    """A raw table with its columns by name."""

    def __init__(self, raw: RawTable) -> None:
        self.raw = raw
        self.index = {name: i for i, name in enumerate(raw.header)}

    def column(self, name: str) -> list[str]:
        return list(self.raw.column(self.index[name]))  # a copy: the table's own stays as read


class Dataset:
    """All tables of a package, as tuples of typed records, plus lookups."""

    def __init__(self, raw: dict[str, RawTable] | None = None, path: Path | None = None, *,
                 trusted: bool = True, records: dict[str, tuple[Record, ...]] | None = None,
                 ) -> None:  # fmt: skip
        self.path = path
        self._trusted = trusted
        self._raw = {name: _Rows(table) for name, table in (raw or {}).items()}
        self._records: dict[str, tuple[Record, ...]] = dict(records or {})
        self._where: dict[str, tuple[str, int]] | None = None
        self._labels: dict[tuple[str, str, str], list[tuple[str, bool]]] | None = None
        self._redirects: dict[str, tuple[str, str]] | None = None
        self._search_index: SearchIndex | None = None

    @property
    def _table_of(self) -> dict[str, tuple[str, int]]:
        """Each id -> (table, index), made on first lookup (one C-level pass per table)."""
        if self._where is None:
            self._where = {}
            for table in filter(attrgetter("kind"), TABLES):
                self._where.update(zip(self._ids(table), zip(repeat(table.name), count())))
        return self._where

    # -- tables -------------------------------------------------------------------------------

    def _ids(self, table: Table) -> list[str]:
        if table.name in self._records:
            return [vars(r)["id"] for r in self._records[table.name]]
        if table.name in self._raw:
            rows = self._raw[table.name]
            return rows.raw.column(rows.index["id"])  # read only: no copy
        return []

    def table(self, name: str) -> tuple[Record, ...]:
        """The typed records of a table (``"people"``, ``"citations"``...), built on first use."""
        if name not in TABLE_BY_NAME:
            raise UnknownRecord(f"no table {name!r}; tables: {', '.join(TABLE_BY_NAME)}")
        if name not in self._records:
            from nkru_data.store.tables import records

            rows = self._raw.get(name)
            self._records[name] = (
                records(TABLE_BY_NAME[name], rows.raw, trusted=self._trusted) if rows else ()
            )
        return self._records[name]

    def column(self, table: str, name: str) -> list[str]:
        """One column of a table as CSV text, row by row, without building any record.

        ``""`` in every row where the table has no such column, so that a reader of several
        tables (the search index) need not know which columns each has.
        """
        if table in self._raw:
            rows = self._raw[table]
            return rows.column(name) if name in rows.index else [""] * rows.raw.count
        return [_text(getattr(r, name, None)) for r in self._records.get(table, ())]

    @property
    def sources(self) -> tuple[m.Source, ...]:
        return cast("tuple[m.Source, ...]", self.table("sources"))

    @property
    def people(self) -> tuple[m.Person, ...]:
        return cast("tuple[m.Person, ...]", self.table("people"))

    @property
    def organizations(self) -> tuple[m.Organization, ...]:
        return cast("tuple[m.Organization, ...]", self.table("organizations"))

    @property
    def places(self) -> tuple[m.Place, ...]:
        return cast("tuple[m.Place, ...]", self.table("places"))

    @property
    def events(self) -> tuple[m.Event, ...]:
        return cast("tuple[m.Event, ...]", self.table("events"))

    @property
    def participants(self) -> tuple[m.Participant, ...]:
        return cast("tuple[m.Participant, ...]", self.table("participants"))

    @property
    def agreements(self) -> tuple[m.Agreement, ...]:
        return cast("tuple[m.Agreement, ...]", self.table("agreements"))

    @property
    def agreement_parties(self) -> tuple[m.AgreementParty, ...]:
        return cast("tuple[m.AgreementParty, ...]", self.table("agreement_parties"))

    @property
    def statistics(self) -> tuple[m.Statistic, ...]:
        return cast("tuple[m.Statistic, ...]", self.table("statistics"))

    @property
    def claims(self) -> tuple[m.Claim, ...]:
        return cast("tuple[m.Claim, ...]", self.table("claims"))

    @property
    def affiliations(self) -> tuple[m.Affiliation, ...]:
        return cast("tuple[m.Affiliation, ...]", self.table("affiliations"))

    @property
    def labels(self) -> tuple[m.Label, ...]:
        return cast("tuple[m.Label, ...]", self.table("labels"))

    @property
    def citations_table(self) -> tuple[m.Citation, ...]:
        """The citations table (``citations(id)`` gives one record's citations)."""
        return cast("tuple[m.Citation, ...]", self.table("citations"))

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t.name: self._raw[t.name].raw.count if t.name in self._raw
                else len(self._records.get(t.name, ())) for t in TABLES}  # fmt: skip

    # -- records ------------------------------------------------------------------------------

    def __contains__(self, id_: object) -> bool:
        return id_ in self._table_of

    def __len__(self) -> int:
        return len(self._table_of)

    def ids(self) -> Iterator[str]:
        """Every record id, table by table."""
        return iter(self._table_of)

    def get(self, id_: str) -> Record:
        """The record with this id, from whichever table holds it; a retired id gives the
        record it was merged into (:meth:`moved` says so)."""
        where = self._table_of.get(id_)
        if where is None:
            moved = self.moved(id_)
            if moved is None or moved[0] not in self._table_of:
                raise UnknownRecord(self._unknown(id_))
            where = self._table_of[moved[0]]
        return self.table(where[0])[where[1]]

    def moved(self, id_: str) -> tuple[str, str] | None:
        """Where a retired id went — (the id that holds it now, why) — or ``None``."""
        if self._redirects is None:
            old, *now = (self.column("redirects", c) for c in ("old", "new", "reason"))
            self._redirects = dict(zip(old, zip(*now)))
        return self._redirects.get(id_)

    def _unknown(self, id_: object) -> str:
        """The one-line message for an unknown id, with the nearest ids when some are close."""
        from nkru_data.views.search import suggest

        near = suggest(self._table_of, str(id_))
        hint = f"; did you mean {' or '.join(near)}?" if near else ""
        return f"no record with id {str(id_)[:200]!r}{hint}"

    def _value(self, id_: str, column: str) -> str:
        name, index = self._table_of[id_]
        if name in self._records:
            return _text(getattr(self._records[name][index], column, None))
        rows = self._raw[name]
        return rows.raw.cell(index, rows.index[column]) if column in rows.index else ""

    # -- labels and search --------------------------------------------------------------------

    def _label_index(self) -> dict[tuple[str, str, str], list[tuple[str, bool]]]:
        if self._labels is None:
            index: dict[tuple[str, str, str], list[tuple[str, bool]]] = defaultdict(list)
            names = ("entity", "field", "lang", "value", "reviewed")
            cols = [self.column("labels", c) for c in names]
            for entity, field, lang, value, reviewed in zip(*cols):
                index[(entity, field, lang)].append((value, reviewed == "true"))
            self._labels = index
        return self._labels

    def label(
        self,
        id_: str,
        lang: str = "en",
        field: str = "name",
        reviewed_only: bool = False,
        fallback: bool = True,
    ) -> str | None:
        """A record's name (or title/description) in ``lang``, falling back to English.

        ``field="name"`` means the record's naming field, whichever it is (a person's name, an
        event's title, a statistic's label). With ``fallback=False`` a missing label in ``lang``
        is ``None``, never the English text.
        """
        if id_ not in self._table_of:
            raise UnknownRecord(self._unknown(id_))
        table = TABLE_BY_NAME[self._table_of[id_][0]]
        label_field = table.label_field if field in ("name", "title") else field
        if label_field is None:
            return None
        labels = self._label_index()
        if lang != "en":
            for value, reviewed in labels.get((id_, label_field, lang), ()):
                if reviewed or not reviewed_only:
                    return value
            if not fallback:
                return None
        column = table.name_field if field in ("name", "title") else field
        english = self._value(id_, column or "")
        if english:
            return english
        for value, _ in labels.get((id_, label_field, "en"), ()):
            return value
        return None

    def search(self, text: str, limit: int | None = None) -> list[Record]:
        """Records whose texts in any language hold ``text``, best first; typos forgiven.

        Names, titles, aliases and abbreviations rank first, then descriptions, then citation
        quotes (a quote finds the record it is cited for), then records at a matching place or
        below it; within each, exact, whole-word, word-start, then anywhere. Case- and
        diacritic-insensitive. When nothing holds ``text``, the records whose names come closest
        (``Vladivostk`` finds Vladivostok). See :mod:`nkru_data.views.search`; the index is
        built on the first search and kept.

        >>> [r.id for r in load().search("Vladivostk", limit=1)]
        ['place:vladivostok']
        """
        if self._search_index is None:
            from nkru_data.views.search import SearchIndex

            self._search_index = SearchIndex(self)
        return [self.get(i) for i in self._search_index.search(text, limit)]

    def describe(self, id_: str, lang: str = "en") -> str:
        """The whole record as a card in one language (see :mod:`nkru_data.views.cards`).

        >>> print(load().describe("place:pulkovo-airport", "ko").splitlines()[0])
        풀코보 공항 (공항)
        """
        from nkru_data.views.cards import describe

        return describe(self, id_, lang)

    # -- relations ----------------------------------------------------------------------------

    def citations(self, id_: str) -> list[tuple[m.Citation, m.Source]]:
        """A record's citations, each with the source it quotes."""
        out = []
        for citation in cast("list[m.Citation]", referring(self, "citations", "record", id_)):
            where = self._table_of.get(citation.source)
            if where and where[0] == "sources":
                out.append((citation, cast("m.Source", self.get(citation.source))))
        return out

    def events_involving(self, id_: str, within: bool = True) -> list[m.Event]:
        """Events in which the record takes part (or that happen at the place), by date.

        For a place, ``within=True`` (the default) includes the events at the places below it
        (``places.parent``, recursively); ``within=False`` only those at the place itself.
        """
        from nkru_data.views.relations import events_involving

        return events_involving(self, id_, within)

    def claims_about(self, id_: str) -> dict[str, list[m.Claim]]:
        """Claims whose subject is ``id_``, by property; each names who claimed it and status."""
        from nkru_data.views.relations import claims_about

        return claims_about(self, id_)

    def claims_by(self, id_: str) -> list[m.Claim]:
        """Claims that ``id_`` made (``claims.claimed_by``)."""
        from nkru_data.views.relations import claims_by

        return claims_by(self, id_)

    def records_from(self, source_id: str) -> list[Record]:
        """The records a source is cited for (``citations.record``), each once, in id order."""
        from nkru_data.views.relations import records_from

        return records_from(self, source_id)

    def timeline(
        self, id_: str, lang: str = "en", include_affiliates: bool = False
    ) -> list[TimelineRow]:
        """``(date, event id, title)`` in ``lang`` of the events involving ``id_``, by date
        (:func:`nkru_data.views.relations.timeline`: ``include_affiliates``, too)."""
        from nkru_data.views.relations import timeline

        return timeline(self, id_, lang, include_affiliates)

    def to_pandas(
        self, table: str, lang: str | None = None, *, fallback: bool = True
    ) -> pandas.DataFrame:
        """A table as a typed DataFrame (:mod:`nkru_data.views.frames`): references with their
        names, EDTF bounds and precisions; with ``lang``, names and descriptions in it and
        ``*_fallback`` flags (``fallback=False``: empty where it has no text, never English)."""
        try:
            import pandas  # noqa: F401
        except ImportError:
            raise MissingExtra.needs("to_pandas", "pandas", "pandas") from None
        from nkru_data.views.frames import frame, to_pandas

        return to_pandas(frame(self, table, [lang] if lang else [], fallback=fallback))


def _text(value: Any) -> str:
    """A record's value as the CSV text the raw index would hold."""
    if isinstance(value, tuple):
        return ";".join(map(str, value))
    return "" if value is None else str(value)


def load(
    path: str | os.PathLike[str] | None = None,
    *,
    langs: Sequence[str] = LANGS,
    reviewed_only: bool = False,
    trusted: bool | None = None,
) -> Dataset:
    """Load a data package (the bundled one by default) as a :class:`Dataset`.

    ``langs`` keeps labels of those languages only; ``reviewed_only`` drops labels nobody has
    reviewed. The bundled package is validated before release and loads ``trusted`` (records are
    built without per-row validation); any other path is validated row by row, eagerly, unless
    ``trusted=True``.

    >>> ds = load()
    >>> ds.get("place:vladivostok").name
    'Vladivostok'
    """
    from nkru_data.errors import UnknownLanguage

    unknown = [lang for lang in langs if lang not in LANGS]
    if unknown:
        raise UnknownLanguage(f"no labels in {', '.join(map(repr, unknown))[:200]}; the dataset"
                              f" speaks {', '.join(LANGS)}")  # fmt: skip
    descriptor = descriptor_path(path)
    if trusted is None:
        trusted = path is None and ENV_VAR not in os.environ
    raw = read_package(descriptor, keep=set(langs) | {"en"}, reviewed_only=reviewed_only)
    ds = Dataset(raw, descriptor.parent, trusted=trusted)
    if not trusted:
        for table in TABLES:
            ds.table(table.name)
    return ds


def __getattr__(name: str) -> Any:
    """``fold``, at its home of 0.1, imported when asked for (not on every load)."""
    if name == "fold":
        from nkru_data.views.search import fold

        return fold
    raise AttributeError(f"module 'nkru_data.dataset' has no attribute {name!r}")
