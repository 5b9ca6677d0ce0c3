"""Tables read column by column: how the cross-table checks look at many rows cheaply.

Iterating :class:`~nkru_data.validation.checks.Rows` builds a dict of every field of every row,
which at 10^5 rows costs more than most checks themselves. A check that needs two fields takes
those two columns here instead, each a list made in one C-level pass, with the line of every
row, and leaves out the rows of the wrong width exactly as ``Rows`` does (they are reported
once, when read).
"""

from __future__ import annotations

from operator import itemgetter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nkru_data.validation.checks import Rows


def good_rows(rows: Rows) -> tuple[list[int], list[list[str]]]:
    """The lines and cells of the rows every check looks at (all but the ragged ones)."""
    raw, bad = rows.raw, rows.bad
    if not bad:
        return raw.lines, raw.rows
    keep = [index for index in range(len(raw.rows)) if index not in bad]
    return [raw.lines[index] for index in keep], [raw.rows[index] for index in keep]


def column_index(rows: Rows) -> dict[str, int]:
    """Each field's position in the header (the last one of a repeated name, as a dict of the
    row would keep it)."""
    return {name: index for index, name in enumerate(rows.header)}


def columns(rows: Rows, *names: str) -> tuple[list[int], list[list[str]]]:
    """The lines of the rows and, for each name, its column (``""`` for a field the header
    lacks, as ``row.get(name, "")`` gives)."""
    lines, cells = good_rows(rows)
    where = column_index(rows)
    out: list[list[str]] = []
    for name in names:
        index = where.get(name)
        out.append([""] * len(cells) if index is None else list(map(itemgetter(index), cells)))
    return lines, out


def distinct_values(
    rows: Rows, *, ascii_too: bool = True, but: tuple[str, ...] = ()
) -> list[tuple[str, set[str]]]:
    """Every field with the set of its values, in the order a dict of the row has: a check
    that judges each value once looks here first, and reads a column only where some value
    is wanting (the set is built in C, without the column's list). ``ascii_too=False``
    leaves out the fields whose every value is ASCII (a C-level test of each cell), for
    checks that only non-ASCII text can fail; the fields in ``but`` are left out too."""
    _, cells = good_rows(rows)
    where = column_index(rows)
    out: list[tuple[str, set[str]]] = []
    for name in dict.fromkeys(rows.header):
        if name in but:
            continue
        if not ascii_too and all(map(str.isascii, map(itemgetter(where[name]), cells))):
            continue
        out.append((name, set(map(itemgetter(where[name]), cells))))
    return out


def column(rows: Rows, name: str) -> list[str]:
    """One column (see :func:`columns`)."""
    return columns(rows, name)[1][0]
