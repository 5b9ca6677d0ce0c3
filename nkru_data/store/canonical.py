"""Whether a table file is in canonical form, without writing the canonical file.

Canonical form is what :func:`~nkru_data.store.tables.render` writes. Most files are canonical
already: their columns in the model's order, rows sorted by key, text in NFC. For those the
text :func:`render` would write is the rows as read, written by the csv module, so it is written
a step of rows at a time and compared with the file's bytes as they are read: no dict, sort or
normalisation per row, and never a large file whole in memory. The text is written column by
column (:func:`_lines`), only the cells that need it quoted. Only a file that is not
canonical is rendered whole, to find the first line that differs, exactly as ``nkru-data fmt``
would write it.
"""

from __future__ import annotations

import csv
import operator
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from itertools import islice, repeat
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from nkru_data.model.layout import Table
from nkru_data.store.csvfile import RawTable, first_difference
from nkru_data.store.tables import render

if TYPE_CHECKING:
    from _csv import Writer

__all__ = ["file_difference"]

#: rows written and compared per step
_STEP = 4096


def file_difference(table: Table, raw: RawTable, path: Path) -> int | None:
    """The first line at which the file at ``path`` (the file of ``raw``) differs from its
    canonical text, or ``None`` when it is canonical. ``raw`` holds rows of the header's width
    only. The file is read a step at a time as it is compared: a canonical file is never held
    whole in memory (only one that differs is read whole, to name the line)."""
    if raw.header == table.fields:
        columns = [raw.column(index) for index in range(len(raw.header))]
        if _in_order(table, columns):
            if raw.one_line_per_row and _quoted_as_needed(table.fields, columns, path):
                return None
            with path.open("rb") as file:
                if _written_as(table.fields, columns, raw.count, file.read):
                    return None
    return first_difference(path.read_bytes(), render(table, raw.header, raw.rows))


def _quoted_as_needed(fields: tuple[str, ...], columns: list[list[str]], path: Path) -> bool:
    """True when the file must be the writer's text of its rows, told without writing it:
    ``True`` is sure, ``False`` only says "compare the text" (:func:`_written_as`).

    A file read one line per row (``RawTable.one_line_per_row``) whose cells hold no quote
    character can differ from the writer's text only in which cells it quotes and in its line
    ends: its cells are the rows' cells, joined by commas, and such a cell is written in one way
    unquoted, one way quoted. The writer quotes exactly the cells holding a comma or a line
    break (:data:`_SPECIAL`); in the file those must be quoted to be read as they were, so the
    file quotes a superset, and two quote characters a cell. So with the header written as the
    writer writes it, no carriage return, a line end last, and twice as many quote characters as
    cells the writer quotes, the file is the writer's text: counted in C, over the file's bytes
    a MiB at a time, never holding it whole.
    """
    if len(columns) < 2:  # the writer quotes an empty cell alone on its row
        return False
    quoted = 0
    for column in columns:
        special = set(filter(_SPECIAL.search, set(column)))
        if any(map(operator.contains, special, repeat('"'))):
            return False
        if special:
            quoted += sum(map(special.__contains__, column))
    head = _written_header(fields)[1]
    quotes, last = -head.count(b'"'), b""
    with path.open("rb") as file:
        for chunk in iter(lambda: file.read(1 << 20), b""):
            if not last and not chunk.startswith(head):
                return False
            if b"\r" in chunk:
                return False
            quotes, last = quotes + chunk.count(b'"'), chunk[-1:]
    return last == b"\n" and quotes == 2 * quoted


def _in_order(table: Table, columns: list[list[str]]) -> bool:
    """Rows sorted by primary key, every cell in NFC (``columns``: in the model's order)."""
    key = [columns[table.fields.index(k)] for k in table.primary_key]
    if key and key[0]:
        keys: Sequence[Any] = key[0] if len(key) == 1 else list(zip(*key))
        if any(map(operator.gt, keys, islice(keys, 1, None))):
            return False
    normal = unicodedata.is_normalized
    # an all-ASCII column (ids, dates, kinds) is NFC: a test in C spares it the set
    nfc: Iterable[Literal["NFC"]] = repeat("NFC")
    return all(all(map(str.isascii, column)) or all(map(normal, nfc, set(column)))
               for column in columns)  # fmt: skip


def _written_as(fields: tuple[str, ...], columns: list[list[str]], count: int,
                read: Callable[[int], bytes]) -> bool:  # fmt: skip
    """The bytes ``read`` gives are exactly the csv module's writing of ``fields`` and then
    the ``count`` rows of ``columns``, and nothing more."""
    echo, head = _written_header(fields)
    if read(len(head)) != head:
        return False
    for start in range(0, count, _STEP):
        step = [column[start : start + _STEP] for column in columns]
        data = _lines(step, echo).encode("utf-8")
        if read(len(data)) != data:
            return False
    return not read(1)


def _written_header(fields: tuple[str, ...]) -> tuple[Writer, bytes]:
    """The csv module's writer of canonical lines, and the header line it writes."""
    echo = csv.writer(_Echo(), lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
    return echo, str(echo.writerow(fields)).encode("utf-8")


class _Echo:
    """A file whose ``write`` hands the text back: ``csv.writer(...).writerow`` then returns
    the line it wrote (as documented: the return value of the file's ``write``)."""

    def write(self, text: str) -> str:
        return text


def _lines(columns: list[list[str]], echo: Writer) -> str:
    """The csv module's text of the rows of ``columns``, written column by column.

    With the excel dialect and minimal quoting the writer quotes exactly the cells that hold
    a comma, a quote (doubled) or a line break, and an empty cell only when it is a row's one
    cell. The cells that need quoting are found in C (a regular expression filtering each
    column's distinct values), only those are quoted, and the rows are joined in C: a
    fraction of the writer's cost for long text. Rows of one cell, and steps with a carriage
    return (which the writer quotes or not by Python version), go through the writer.
    """
    if len(columns) < 2:
        return "".join(map(echo.writerow, zip(*columns)))
    written: list[Iterable[str]] = []
    for column in columns:
        special = set(filter(_SPECIAL.search, set(column)))
        if not special:
            written.append(column)
            continue
        if any(map(operator.contains, special, repeat("\r"))):
            return "".join(map(echo.writerow, zip(*columns)))
        quoted = {v: '"' + v.replace('"', '""') + '"' for v in special}
        written.append(map(quoted.get, column, column))
    return "\n".join(map(",".join, zip(*written))) + "\n"


#: what makes the writer quote a cell (a carriage return sends the step to the writer itself)
_SPECIAL = re.compile('[,"\n\r]')
