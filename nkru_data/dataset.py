"""``Dataset``: the typed records of one package, with lookups across tables.

Built by :func:`load`. Records are frozen pydantic models; lookups are plain dictionaries
built once on load. Nothing here imports frictionless or pandas.
"""

from __future__ import annotations

import os
import unicodedata
from collections import defaultdict
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from . import models as m
from .errors import MissingExtra, UnknownRecord
from .models import TABLES, Record
from .resources import descriptor_path
from .tables import read_raw, records

if TYPE_CHECKING:
    import pandas

LANGS = ("en", "ru", "ko")


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form for search (``Ё`` → ``е``, ``É`` → ``e``)."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


class Dataset:
    """All tables of a package as tuples of typed records, plus lookups."""

    sources: tuple[m.Source, ...]
    people: tuple[m.Person, ...]
    organizations: tuple[m.Organization, ...]
    places: tuple[m.Place, ...]
    events: tuple[m.Event, ...]
    participants: tuple[m.Participant, ...]
    agreements: tuple[m.Agreement, ...]
    agreement_parties: tuple[m.AgreementParty, ...]
    statistics: tuple[m.Statistic, ...]
    claims: tuple[m.Claim, ...]
    affiliations: tuple[m.Affiliation, ...]
    labels: tuple[m.Label, ...]
    citations_table: tuple[m.Citation, ...]

    def __init__(self, tables: dict[str, tuple[Record, ...]], path: Path | None = None) -> None:
        self.path = path
        for table in TABLES:
            attr = "citations_table" if table.name == "citations" else table.name
            setattr(self, attr, tables.get(table.name, ()))
        self._by_id: dict[str, Record] = {}
        for table in TABLES:
            if table.kind:
                for record in tables.get(table.name, ()):
                    self._by_id[record.id] = record  # type: ignore[attr-defined]
        self._labels: dict[tuple[str, str, str], list[m.Label]] = defaultdict(list)
        for label in self.labels:
            self._labels[(label.entity, str(label.field), str(label.lang))].append(label)
        self._citations: dict[str, list[m.Citation]] = defaultdict(list)
        for citation in self.citations_table:
            self._citations[citation.record].append(citation)
        self._events_of: dict[str, set[str]] = defaultdict(set)
        for p in self.participants:
            self._events_of[p.entity].add(p.event)
        for event in self.events:
            if event.place:
                self._events_of[event.place].add(event.id)
        self._search_index: list[tuple[str, str]] | None = None

    def table(self, name: str) -> tuple[Record, ...]:
        """The records of a table by its name (``"people"``, ``"citations"``...)."""
        if name not in m.TABLE_BY_NAME:
            raise UnknownRecord(f"no table {name!r}; tables: {', '.join(m.TABLE_BY_NAME)}")
        return cast(
            "tuple[Record, ...]", getattr(self, "citations_table" if name == "citations" else name)
        )

    def __contains__(self, id_: object) -> bool:
        return id_ in self._by_id

    def __len__(self) -> int:
        return len(self._by_id)

    def ids(self) -> Iterable[str]:
        """Every record id, table by table."""
        return self._by_id.keys()

    def get(self, id_: str) -> Record:
        """The record with this id, from whichever table holds it."""
        try:
            return self._by_id[id_]
        except KeyError:
            raise UnknownRecord(f"no record with id {id_!r}") from None

    def label(
        self, id_: str, lang: str = "en", field: str = "name", reviewed_only: bool = False
    ) -> str | None:
        """A record's name (or title/description) in ``lang``, falling back to English.

        ``field="name"`` means the record's naming field, whichever it is (a person's name, an
        event's title, a statistic's label).
        """
        record = self.get(id_)
        label_field = field
        if field == "name" and record.name_field is not None:
            label_field = "name" if record.name_field == "name" else "title"
        if lang != "en":
            for label in self._labels.get((id_, label_field, lang), ()):
                if label.reviewed or not reviewed_only:
                    return label.value
        english = record.name_field if field in ("name", "title") else field
        value = getattr(record, english or "", None)
        if value is None:
            for label in self._labels.get((id_, label_field, "en"), ()):
                return label.value
        return value if isinstance(value, str) else None

    def labels_of(self, id_: str) -> list[m.Label]:
        """Every label row of a record."""
        return [lab for key, labs in self._labels.items() if key[0] == id_ for lab in labs]

    def citations(self, id_: str) -> list[tuple[m.Citation, m.Source]]:
        """A record's citations, each with the source it quotes."""
        out = []
        for citation in self._citations.get(id_, ()):
            source = self._by_id.get(citation.source)
            if isinstance(source, m.Source):
                out.append((citation, source))
        return out

    def events_involving(self, id_: str) -> list[m.Event]:
        """Events in which the record takes part (or that happen at the place), by date."""
        from .dates import parse

        self.get(id_)
        found = [cast(m.Event, self._by_id[e]) for e in self._events_of.get(id_, ())]
        return sorted(found, key=lambda ev: (parse(ev.date).sort_key(), ev.id))

    def _index(self) -> list[tuple[str, str]]:
        if self._search_index is None:
            index = []
            for id_, record in self._by_id.items():
                if record.name_field:
                    index.append((id_, fold(str(getattr(record, record.name_field)))))
                abbreviation = getattr(record, "abbreviation", None)
                if abbreviation:
                    index.append((id_, fold(abbreviation)))
            for label in self.labels:
                if label.field != "description":
                    index.append((label.entity, fold(label.value)))
            self._search_index = index
        return self._search_index

    def search(self, text: str, limit: int | None = None) -> list[Record]:
        """Records whose name, title, alias or abbreviation in any language contains ``text``.

        Case- and diacritic-insensitive; exact matches first, then prefixes, then the rest.
        """
        needle = fold(text.strip())
        if not needle:
            return []
        best: dict[str, int] = {}
        for id_, hay in self._index():
            if needle in hay and id_ in self._by_id:
                rank = 0 if hay == needle else 1 if hay.startswith(needle) else 2
                best[id_] = min(rank, best.get(id_, 3))
        ordered = sorted(best, key=lambda i: (best[i], i))
        return [self._by_id[i] for i in ordered[:limit]]

    def to_pandas(self, table: str, lang: str | None = None) -> pandas.DataFrame:
        """A table as a DataFrame; with ``lang``, adds localized name/title/description columns."""
        try:
            import pandas as pd
        except ImportError:
            raise MissingExtra("to_pandas needs pandas: pip install 'nkru-data[pandas]'") from None
        rows = [r.model_dump(mode="json") for r in self.table(table)]
        frame = pd.DataFrame(rows, columns=list(m.TABLE_BY_NAME[table].fields))
        if lang and lang != "en" and "id" in frame.columns:
            frame[f"name_{lang}"] = [self.label(i, lang) for i in frame["id"]]
            frame[f"description_{lang}"] = [self.label(i, lang, "description") for i in frame["id"]]
        return frame

    def counts(self) -> dict[str, int]:
        """Rows per table."""
        return {t.name: len(self.table(t.name)) for t in TABLES}


def load(
    path: str | os.PathLike[str] | None = None,
    *,
    langs: Sequence[str] = LANGS,
    reviewed_only: bool = False,
    trusted: bool | None = None,
) -> Dataset:
    """Load a data package (the bundled one by default) as a :class:`Dataset`.

    ``langs`` keeps labels of those languages only; ``reviewed_only`` drops labels nobody has
    reviewed. The bundled package is validated before release and loads ``trusted`` (no per-row
    validation); any other path is validated row by row unless ``trusted=True``.

    >>> ds = load()
    >>> ds.get("place:vladivostok").name
    'Vladivostok'
    """
    from .descriptor import load_descriptor

    descriptor = descriptor_path(path)
    if trusted is None:
        trusted = path is None and "NKRU_DATA_PATH" not in os.environ
    load_descriptor(descriptor)  # a broken descriptor is reported before any table
    folder = descriptor.parent
    tables: dict[str, tuple[Record, ...]] = {}
    for table in TABLES:
        raw = read_raw(folder / "data" / f"{table.name}.csv")
        tables[table.name] = records(table, raw, trusted=trusted)
    keep = set(langs) | {"en"}
    tables["labels"] = tuple(
        lab
        for lab in cast("tuple[m.Label, ...]", tables["labels"])
        if str(lab.lang) in keep and (lab.reviewed or not reviewed_only)
    )
    return Dataset(tables, folder)
