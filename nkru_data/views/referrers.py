"""Which rows of a table refer to an id: one index per dataset, table and column, built once.

A dataset never changes once loaded, so an index of ``column → rows`` stays true for its life;
building it costs one pass over the table, after which each lookup costs the rows it returns.
Without it every record page, card or timeline would scan whole tables (participants,
citations, claims…) for each record, and a site of 10^4 records would cost 10^4 scans of
10^5 rows. The indexes are kept beside the dataset (weakly: they go when it goes), not in it,
so that any :class:`~nkru_data.views.lookup.Lookup` gets them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any
from weakref import WeakKeyDictionary

if TYPE_CHECKING:
    from nkru_data.model.records import Record
    from nkru_data.views.lookup import Lookup

_Index = dict[str, list["Record"]]
_INDEXES: WeakKeyDictionary[Any, dict[tuple[str, str], _Index]] = WeakKeyDictionary()


def referring(ds: Lookup, table: str, column: str, value: str) -> list[Record]:
    """The rows of ``table`` whose ``column`` holds ``value`` (a list column: among its
    values), in table order. The returned list is shared: do not change it."""
    indexes = _INDEXES.setdefault(ds, {})
    index = indexes.get((table, column))
    if index is None:
        index = {}
        for record in ds.table(table):
            found = getattr(record, column)
            for key in found if isinstance(found, tuple) else (found,):
                if key is not None:
                    index.setdefault(str(key), []).append(record)
        indexes[(table, column)] = index
    return index.get(value, [])
