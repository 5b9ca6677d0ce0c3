"""One renderer for every command that shows records: a rich table, JSON or CSV (``--format``).

A command builds its rows once, as plain dicts in a fixed key order, and says which of them a
table shows and how; this module writes them in the format asked for, so that ``info``,
``search``, ``show`` and the listings agree on what JSON and CSV look like:

- ``table``: rich tables for a person. Piped, a table is as wide as its content, so that ids
  are never cut; in a terminal it fits the window.
- ``json``: a JSON array of objects, UTF-8 (no ``\\u`` escapes), keys in the command's order.
- ``csv``: RFC 4180 (CRLF, minimal quoting) with a header row; a list is ``a;b`` as in the
  package's CSVs, a count per key is ``key n, key n``.
"""

from __future__ import annotations

import csv
import io
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from rich.console import Console
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text

from nkru_data.cli.app import Output, out

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset

FALLBACK = " [en]"


@dataclass(frozen=True)
class Localized:
    """Text in the language asked for, or (``fallback``) the English text standing in for it.

    A table marks a fallback ``[en]``, as the record cards do; JSON and CSV carry the text
    alone, since a mark inside a value would corrupt it for the program that reads it.
    """

    text: str
    fallback: bool = False


Value = str | int | float | bool | None | Localized | Mapping[str, int] | Sequence[str]
Row = dict[str, Value]


@dataclass(frozen=True)
class Column:
    """A column of the table view: which key, under which heading, and how it reads."""

    key: str
    heading: str = ""
    right: bool = False
    #: the text a person reads, when it is not the value itself (a term in the language)
    show: Callable[[Row], str] | None = None


@dataclass(frozen=True)
class Section:
    """Rows with one shape; a table view shows ``columns`` of them under ``title``.

    ``keys`` is the rows' full shape, for the CSV header even when no row matched.
    """

    title: str | None
    columns: Sequence[Column]
    rows: Sequence[Row]
    keys: Sequence[str] = ()


def localized(ds: Dataset, id_: str | None, lang: str, field: str = "name") -> Localized | None:
    """A record's name (or title, description) in ``lang``, or the English one marked so."""
    if not id_:
        return None
    if id_ not in ds:
        return Localized(id_)
    text = ds.label(id_, lang, field, fallback=False)
    if text is not None:
        return Localized(text)
    english = ds.label(id_, "en", field)
    return Localized(english, fallback=lang != "en") if english else None


def plain(value: object) -> object:
    """A value as JSON holds it: the text of a label, a whole float as an integer (``13``, as
    the CSV has it, not ``13.0``), at any depth."""
    if isinstance(value, Localized):
        return value.text
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, Mapping):
        return {str(k): plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v) for v in value]
    return value


def cell_text(value: Value) -> str:
    """A value as one CSV cell: empty for nothing, ``true``/``false``, lists joined by ``;``."""
    if value is None:
        return ""
    if isinstance(value, Localized):
        return value.text
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, Mapping):
        return ", ".join(f"{k} {v}" for k, v in value.items())
    if isinstance(value, (list, tuple)):
        return ";".join(cell_text(v) for v in value)
    return str(value)


def write(data: str) -> None:
    """Write to stdout as UTF-8, whatever the locale says (Korean must not fail on a C locale)."""
    stream = sys.stdout
    encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
    buffer = getattr(stream, "buffer", None)
    if encoding != "utf8" and buffer is not None:
        stream.flush()
        buffer.write(data.encode("utf-8"))
        buffer.flush()
    else:
        stream.write(data)


def emit_json(data: object) -> None:
    """JSON as every command writes it: UTF-8, indented, keys in the order given."""
    write(json.dumps(data, ensure_ascii=False, indent=2) + "\n")


def emit_csv(header: Sequence[str], rows: Sequence[Row]) -> None:
    """RFC 4180 CSV: a header, then one line per row, CRLF, quoted only where needed."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    writer.writerows([cell_text(row.get(key)) for key in header] for row in rows)
    write(buf.getvalue())


def _cell(column: Column, row: Row) -> Text:
    if column.show is not None:
        return Text(column.show(row))
    value = row.get(column.key)
    if isinstance(value, Localized) and value.fallback:
        return Text(value.text + FALLBACK)
    return Text(cell_text(value))  # Text, not str: a "[1945 report]" title is no markup


def table(section: Section) -> Table:
    """The rich table of a section (also used by ``info`` in the main job)."""
    view = Table(title=section.title)
    for column in section.columns:
        view.add_column(
            column.heading or column.key, justify="right" if column.right else "left",
            overflow="fold",
        )  # fmt: skip
    for row in section.rows:
        view.add_row(*(_cell(c, row) for c in section.columns))
    return view


def print_table(view: Table) -> None:
    """Print a table to fit the terminal, or, piped, as wide as it needs (no cut ids)."""
    if out.is_terminal:
        out.print(view)
        return
    width = Measurement.get(out, out.options.update_width(100_000), view).maximum
    Console(soft_wrap=True, width=max(width, 20)).print(view)


def emit(format: Output, *sections: Section) -> None:
    """Write the sections' rows in ``format``; JSON and CSV join them into one list."""
    rows = [row for section in sections for row in section.rows]
    if format is Output.json:
        emit_json(plain(rows))
    elif format is Output.csv:
        header: dict[str, None] = {}
        for section in sections:
            header.update(dict.fromkeys(section.keys))
            for row in section.rows:
                header.update(dict.fromkeys(row))
        emit_csv(list(header), rows)
    else:
        for section in sections:
            print_table(table(section))
