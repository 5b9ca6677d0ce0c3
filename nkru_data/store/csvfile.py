"""CSV files as read from disk: strict decoding and parsing, with each row's line number.

Free of pydantic, so the load path can read a package before any model exists. A bad
encoding, a truncated quoted cell or an empty file is an
:class:`~nkru_data.errors.UnusablePackage` naming the file and line, never a traceback.
"""

from __future__ import annotations

import csv
import gc
import io
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from itertools import islice
from operator import itemgetter
from pathlib import Path

from nkru_data.errors import UnusablePackage

#: the longest cell the csv module reads (its default field size limit); longer is refused
MAX_CELL = 131_072
#: header names listed in one message at most
_LISTED = 10


class RawTable:
    """A CSV file as read: header, rows of strings, and each row's first line in the file.

    Held row by row, or (``columns``, as validation reads a table whose every row has the
    header's width) column by column: one list per column instead of one per row (under half
    the memory of the row lists at a million rows), and the column-wise checks take each column
    as it is.
    :attr:`rows` and :meth:`column` give either view; neither may be changed by the caller.
    ``record_lines`` gives the first line of every CSV record, blank ones included, as other
    readers (frictionless) count them: record 1 is the header. ``None`` when records and lines
    coincide.
    """

    def __init__(
        self,
        path: Path,
        header: tuple[str, ...],
        rows: list[list[str]] | None,
        lines: Sequence[int],
        record_lines: list[int] | None = None,
        *,
        columns: list[list[str]] | None = None,
    ) -> None:
        if (rows is None) == (columns is None):
            raise ValueError("a table is given by rows or by columns")
        self.path, self.header, self.lines, self.record_lines = path, header, lines, record_lines
        self._rows, self.columns = rows, columns
        self.count = len(rows) if rows is not None else len(lines)

    @property
    def rows(self) -> list[list[str]]:
        """The rows (made once from the columns when the table is held by column)."""
        if self._rows is None:
            assert self.columns is not None
            self._rows = list(map(list, zip(*self.columns))) if self.columns else [
                [] for _ in range(self.count)]  # fmt: skip
        return self._rows

    @property
    def one_line_per_row(self) -> bool:
        """Every row stands on one line of its own (no cell over lines, no blank line)."""
        return isinstance(self.lines, range)

    def column(self, index: int) -> list[str]:
        """The cells at ``index`` of every row (the table's own list when held by column)."""
        if self.columns is not None:
            return self.columns[index]
        return list(map(itemgetter(index), self.rows))

    def cell(self, row: int, index: int) -> str:
        """The cell at ``index`` of row ``row``."""
        if self.columns is not None:
            return self.columns[index][row]
        return self.rows[row][index]

    def select(self, indexes: list[int]) -> RawTable:
        """The table of the rows at ``indexes`` only, held as this one is."""
        lines = [self.lines[i] for i in indexes]
        if self.columns is not None:
            columns = [list(map(column.__getitem__, indexes)) for column in self.columns]
            return RawTable(self.path, self.header, None, lines, columns=columns)
        return RawTable(self.path, self.header, [self.rows[i] for i in indexes], lines)

    def line_of_record(self, number: int) -> int:
        """The physical line of CSV record ``number`` (1-based, header = 1)."""
        if self.record_lines is None:
            return number
        if 1 <= number <= len(self.record_lines):
            return self.record_lines[number - 1]
        return number


def decode(path: Path) -> str:
    """The file's text; a bad encoding names the line it stands on."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise UnusablePackage(
            f"{path}: cannot be read ({exc.strerror or exc})", code="missing-file", path=str(path)
        ) from None
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise UnusablePackage(
            f"{path}:{line}: not valid UTF-8 (byte {data[exc.start]:#04x} at offset {exc.start});"
            " save the file as UTF-8",
            code="bad-encoding",
            path=str(path),
            line=line,
        ) from None


def _line_numbers(lines: Iterable[str]) -> tuple[list[list[str]], list[int], list[int]]:
    """Rows, the line each starts on, and the first line of every record (blank ones too),
    for text with multi-line cells or blank lines (``lines``: the text split as read)."""
    reader = csv.reader(lines, strict=True)
    rows: list[list[str]] = []
    lines_of: list[int] = []
    records: list[int] = []
    previous_end = 0
    for row in reader:
        start, previous_end = previous_end + 1, reader.line_num
        records.append(start)
        if row:
            rows.append(row)
            lines_of.append(start)
    return rows, lines_of, records


@contextmanager
def _bounded_cells() -> Iterator[None]:
    """The csv module's cell limit at :data:`MAX_CELL` while we read, whatever it was.

    The limit is one global of the csv module, and other libraries raise it on import
    (sqlite-utils sets it to ``sys.maxsize``): a notebook that imported one of them must still
    refuse a 50 MB cell in a hostile package.
    """
    previous = csv.field_size_limit(MAX_CELL)
    try:
        yield
    finally:
        csv.field_size_limit(previous)


@contextmanager
def gc_paused(*, promote: bool = False) -> Iterator[None]:
    """The cyclic garbage collector paused while tables are read, checked or made records.

    Each makes millions of new objects of which none is cyclic garbage; the collector would
    still walk every live container again and again as they pile up, for nothing (a fifth of
    a second per million records, as much again in a validation). Re-enabled after, if it was
    on. ``promote``: the objects made are kept (records): they are handed to the oldest
    generation at once (``gc.freeze`` then ``gc.unfreeze``), since the first young collection
    after the pause would otherwise walk every one of them to promote it. That promotes the
    caller's young objects too: a cycle among them is collected by the next full collection
    rather than a young one; nothing is kept alive by it.
    """
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if promote and hasattr(gc, "freeze"):
            gc.freeze()
            gc.unfreeze()
        if collecting:
            gc.enable()


def parse_csv(path: Path, text: str, *, shared: bool = False) -> RawTable:
    """Split CSV text into rows, remembering the line each row starts on.

    ``shared``: each column's repeated values become one string object (see :func:`_share`);
    worth its small cost where the rows are kept while many checks run over them.
    """
    with _bounded_cells(), gc_paused():
        return _parse_csv(path, lambda: io.StringIO(text, newline=""), shared)


#: rows shared per step: the cells of a step are all held twice for a moment, never a whole file
_STEP = 4096


def _share(rows: Iterator[list[str]], width: int) -> tuple[list[list[str]] | None,
                                                       list[list[str]]]:  # fmt: skip
    """The columns of ``rows``, with every repeated value of a column one string object; or,
    when some row is not ``width`` cells wide (reported later), ``None`` and the rows as read.

    A table repeats its kinds, languages, dates, countries and referenced ids down the column:
    at 10^5 rows the distinct strings of a column take a tenth of the memory of its cells. The
    csv module makes a new string for every cell, so the copies are folded here, a step of rows
    at a time. A column whose first step is mostly new values (ids, names, quotes) is not
    folded: it would hold a dict as large as itself and save nothing.
    """
    columns: list[list[str]] = [[] for _ in range(width)]
    seen: list[dict[str, str] | None] = [{} for _ in range(width)]
    first = True
    for step in iter(lambda: list(islice(rows, _STEP)), []):
        if set(map(len, step)) != {width}:
            kept = list(map(list, zip(*columns)))
            return None, kept + step + list(rows)
        for column, one, cells in zip(columns, seen, zip(*step)):
            column.extend(cells if one is None else map(one.setdefault, cells, cells))
        if first and len(step) == _STEP:
            seen = [None if one is not None and len(one) > _STEP // 2 else one for one in seen]
            first = False
    return columns, []


def _parse_csv(path: Path, source: Callable[[], Iterable[str]], shared: bool = False
               ) -> RawTable:  # fmt: skip
    """The table in the text ``source()`` gives line by line (called again only for a text
    whose rows and lines do not coincide: a multi-line cell or a blank line)."""
    reader = csv.reader(source(), strict=True)
    records: list[int] | None = None
    columns: list[list[str]] | None = None
    lines: Sequence[int]
    try:
        header = next(reader, None)
        if shared and header:
            columns, rows = _share(reader, len(header))
        else:
            rows = list(reader)
        count = len(columns[0]) if columns else len(rows)
        if header and reader.line_num == count + 1 and (columns is not None or all(rows)):
            lines = range(2, count + 2)  # one line per row: the common case
        else:
            columns = None
            rows, lines, records = _line_numbers(source())
            header, rows, lines = (rows[0], rows[1:], lines[1:]) if rows else (None, [], [])
            if shared and header:
                columns, rows = _share(iter(rows), len(header))
    except csv.Error as exc:
        line = reader.line_num
        hint = (
            f"a cell is longer than {MAX_CELL:,} characters"
            if "field limit" in str(exc)
            else f"broken CSV ({exc}); is a quoted cell left open?"
        )
        raise UnusablePackage(f"{path}:{line}: {hint}", code="broken-csv", path=str(path),
                              line=line) from None  # fmt: skip
    if header is None:
        raise UnusablePackage(
            f"{path}: the file is empty (it needs at least a header line)",
            code="broken-csv",
            path=str(path),
            line=1,
        )
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    if columns is not None:
        return RawTable(path, tuple(header), None, lines, records, columns=columns)
    return RawTable(path, tuple(header), rows, lines, records)


def read_raw(path: Path, *, shared: bool = False) -> RawTable:
    """Read one CSV file strictly (``shared``: see :func:`parse_csv`).

    The file is decoded as it is parsed, never held whole as text: a text of 10^8 characters
    would cost several times its size in memory (``io.StringIO`` keeps four bytes a character).
    A bad byte is located by :func:`decode`, which reads the file again, as bytes.
    """
    files: list[io.TextIOWrapper] = []

    def source() -> Iterable[str]:
        for file in files:
            file.close()
        try:
            files.append(path.open(encoding="utf-8", newline=""))
        except OSError:
            decode(path)  # raises, naming the file
            raise
        return files[-1]

    try:
        with _bounded_cells(), gc_paused():
            return _parse_csv(path, source, shared)
    except UnicodeDecodeError:
        decode(path)  # raises, naming the line
        raise
    finally:
        for file in files:
            file.close()


def listed(names: list[str]) -> str:
    """Names for a message, the first few only when there are many."""
    shown = ", ".join(repr(n[:40]) if len(n) > 40 else n for n in names[:_LISTED])
    return shown + (f" and {len(names) - _LISTED} more" if len(names) > _LISTED else "")


def check_header(header: tuple[str, ...], expected: tuple[str, ...], path: Path) -> None:
    """The header must hold the expected columns (any order), each once, and nothing else."""
    wanted = set(expected)
    missing = [c for c in expected if c not in set(header)]
    extra = [c for c in header if c not in wanted]
    twice = sorted({c for c in header if header.count(c) > 1}) if len(header) < 100 else []
    if len(header) >= 100 and len(set(header)) != len(header):
        twice = ["(a repeated column)"]
    if missing or extra or twice:
        parts = []
        if missing:
            parts.append(f"missing column(s) {listed(missing)}")
        if extra:
            parts.append(f"unknown column(s) {listed(extra)}")
        if twice:
            parts.append(f"repeated column(s) {listed(twice)}")
        raise UnusablePackage(
            f"{path}:1: header has {'; '.join(parts)}", code="bad-header", path=str(path), line=1
        )


def bad_widths(raw: RawTable) -> list[int]:
    """Indexes of rows whose cell count differs from the header's (none in a table held by
    column: it is held so only when every row has the header's width)."""
    if raw.columns is not None:
        return []
    width = len(raw.header)
    return [i for i, row in enumerate(raw.rows) if len(row) != width]


def check_widths(raw: RawTable) -> None:
    """Raise :class:`UnusablePackage` (``row-width``) at the first row of the wrong width."""
    bad = bad_widths(raw)
    if bad:
        line = raw.lines[bad[0]]
        raise UnusablePackage(
            f"{raw.path}:{line}: row has {len(raw.rows[bad[0]])} cells, the header has"
            f" {len(raw.header)}", code="row-width", path=str(raw.path), line=line)  # fmt: skip


def differing_lines(current: bytes, expected: str) -> list[int]:
    """Every line at which a file differs from its canonical text (1-based)."""
    got, want = current.split(b"\n"), expected.encode("utf-8").split(b"\n")
    return [
        number
        for number in range(1, max(len(got), len(want)) + 1)
        if got[number - 1 : number] != want[number - 1 : number]
    ]


def first_difference(current: bytes, expected: str) -> int | None:
    """The first line at which a file differs from its canonical text, or ``None``."""
    want = expected.encode("utf-8")
    if current == want:
        return None
    got_lines, want_lines = current.split(b"\n"), want.split(b"\n")
    for number, (a, b) in enumerate(zip(got_lines, want_lines), start=1):
        if a != b:
            return number
    return min(len(got_lines), len(want_lines))


def read_rows(folder: Path, table: str) -> list[dict[str, str]]:
    """A table of the package at ``folder`` as dicts of strings (for tools that edit rows)."""
    raw = read_raw(folder / "data" / f"{table}.csv")
    return [dict(zip(raw.header, row)) for row in raw.rows]
