"""CSV files as read from disk: strict decoding and parsing, with each row's line number.

Free of pydantic, so the load path can read a package before any model exists. A bad
encoding, a truncated quoted cell or an empty file is an
:class:`~nkru_data.errors.UnusablePackage` naming the file and line, never a traceback.
"""

from __future__ import annotations

import csv
import gc
import io
from dataclasses import dataclass
from pathlib import Path

from .errors import UnusablePackage


@dataclass(frozen=True)
class RawTable:
    """A CSV file as read: header, rows of strings, and each row's first line in the file."""

    path: Path
    header: tuple[str, ...]
    rows: list[list[str]]
    lines: list[int]


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


def _line_numbers(text: str) -> tuple[list[list[str]], list[int]]:
    """Rows and the line each starts on, for text with multi-line cells or blank lines."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    rows: list[list[str]] = []
    lines: list[int] = []
    previous_end = 0
    for row in reader:
        start, previous_end = previous_end + 1, reader.line_num
        if row:
            rows.append(row)
            lines.append(start)
    return rows, lines


def parse_csv(path: Path, text: str) -> RawTable:
    """Split CSV text into rows, remembering the line each row starts on."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    collecting = gc.isenabled()
    gc.disable()  # rows are lists of new strings, never cyclic: collection passes are wasted work
    try:
        rows = list(reader)
        physical = text.count("\n") + (0 if text.endswith("\n") or not text else 1)
        if len(rows) == physical and all(rows):  # one line per row: the common case, fast
            lines = list(range(1, len(rows) + 1))
        else:
            rows, lines = _line_numbers(text)
    except csv.Error as exc:
        raise UnusablePackage(
            f"{path}:{reader.line_num}: broken CSV ({exc}); is a quoted cell left open?",
            code="broken-csv",
            path=str(path),
            line=reader.line_num,
        ) from None
    finally:
        if collecting:
            gc.enable()
    if not rows:
        raise UnusablePackage(
            f"{path}: the file is empty (it needs at least a header line)",
            code="broken-csv",
            path=str(path),
            line=1,
        )
    header = rows[0]
    if header and header[0].startswith("\ufeff"):
        header[0] = header[0][1:]
    return RawTable(path, tuple(header), rows[1:], lines[1:])


def read_raw(path: Path) -> RawTable:
    """Read one CSV file strictly."""
    return parse_csv(path, decode(path))


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
