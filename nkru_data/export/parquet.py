"""Parquet: one file per table, typed, for DuckDB, polars, pandas and Spark.

Types follow the frame's columns: lists as ``list<string>``, booleans, floats, counts as int64,
vocabularies dictionary-encoded, date bounds as ``date32`` — so ``ORDER BY date_start`` sorts
by time, which the EDTF strings cannot. Each field carries its description in the Parquet
field metadata (``description``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.views.frames import Column, Frame, frames

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset


def _arrow_type(column: Column) -> Any:
    import pyarrow as pa

    return {
        "string": pa.string(),
        "list": pa.list_(pa.string()),
        "boolean": pa.bool_(),
        "number": pa.float64(),
        "integer": pa.int64(),
        "category": pa.dictionary(pa.int32(), pa.string()),
        "date": pa.date32(),
    }[column.kind]


def arrow_table(frame: Frame) -> Any:
    """A frame as a ``pyarrow.Table`` with the columns' types and descriptions."""
    import pyarrow as pa

    fields = [
        pa.field(c.name, _arrow_type(c), metadata={"description": c.description})
        for c in frame.columns
    ]
    arrays = []
    for column, field, values in zip(frame.columns, fields, frame.data):
        if column.kind == "category":
            index = {value: i for i, value in enumerate(column.categories)}
            indices = [None if v is None else index[v] for v in values]
            arrays.append(pa.DictionaryArray.from_arrays(
                pa.array(indices, pa.int32()), pa.array(list(column.categories), pa.string())
            ))  # fmt: skip
        else:
            arrays.append(pa.array(values, field.type))
    return pa.Table.from_arrays(arrays, schema=pa.schema(fields))


def write(ds: Dataset, out: Path, langs: Sequence[str]) -> None:
    """Write ``<table>.parquet`` for every table into the folder ``out``."""
    import pyarrow.parquet as pq

    for frame in frames(ds, langs):
        pq.write_table(arrow_table(frame), out / f"{frame.table}.parquet", compression="zstd")
