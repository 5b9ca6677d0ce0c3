"""Tables read column by column: how the cross-table checks look at many rows cheaply.

Iterating :class:`~nkru_data.validation.checks.Rows` builds a dict of every field of every row,
which at 10^5 rows costs more than most checks themselves. A check that needs two fields takes
those two columns here instead (:meth:`Rows.column`: each made once, or the table's own list
when it is held by column), with the line of every row, and leaves out the rows of the wrong
width exactly as iterating does (they are reported once, when read).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nkru_data.validation.checks import Rows


def columns(rows: Rows, *names: str) -> tuple[Sequence[int], list[list[str]]]:
    """The lines of the rows and, for each name, its column (``""`` for a field the header
    lacks, as ``row.get(name, "")`` gives)."""
    return rows.lines, [rows.column(name) for name in names]


def distinct_values(
    rows: Rows, *, ascii_too: bool = True, but: tuple[str, ...] = ()
) -> list[tuple[str, set[str]]]:
    """Every field with the set of its values, in the order a dict of the row has: a check
    that judges each value once looks here first, and reads a column only where some value
    is wanting. ``ascii_too=False`` leaves out the fields whose every value is ASCII (a
    C-level test of each cell), for checks that only non-ASCII text can fail; the fields in
    ``but`` are left out too."""
    out: list[tuple[str, set[str]]] = []
    for name in dict.fromkeys(rows.header):
        if name in but:
            continue
        cells = rows.column(name)
        if not ascii_too and all(map(str.isascii, cells)):
            continue
        out.append((name, set(cells)))
    return out

