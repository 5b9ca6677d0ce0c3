"""How a topic's statistics are put on axes: the one grouping behind every chart of them.

The pictures for papers (:mod:`nkru_data.pictures.stats`) and the site's SVG charts both lay
statistics out from here, so the two agree on what may share an axis:

- units never share an axis (people, dollars, roubles, years… each get their own), and a
  statistic whose unit is ``other`` gets an axis of its own: two "other" units are not known
  to be the same;
- axes come in the order of the unit vocabulary, statistics on an axis from the largest
  amount down (then by id);
- a statistic with no number at all (the source gives the amount only in words) is on no
  axis: it is listed apart;
- an axis whose numbers span three orders of magnitude or more is logarithmic.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from typing import TYPE_CHECKING

from nkru_data.model.enums import Unit

if TYPE_CHECKING:
    from nkru_data.model.records import Statistic


def numbers(stat: Statistic) -> list[float]:
    """The statistic's numbers: value, low, high, those it has."""
    return [float(x) for x in (stat.value, stat.low, stat.high) if x is not None]


def size(stat: Statistic) -> float:
    """The amount a statistic is sorted by: its value, else the bound it has."""
    found = [x for x in (stat.value, stat.high, stat.low) if x is not None]
    return float(found[0]) if found else 0.0


def axes(stats: Iterable[Statistic]) -> tuple[list[tuple[str, list[Statistic]]], list[Statistic]]:
    """The statistics on axes, as ``(unit, statistics)`` in drawing order, and those with no
    number (listed apart, in the order given)."""
    groups: dict[tuple[str, str], list[Statistic]] = {}
    wordless: list[Statistic] = []
    for stat in stats:
        if not numbers(stat):
            wordless.append(stat)
            continue
        unit = stat.unit.value
        groups.setdefault((unit, stat.id if unit == "other" else ""), []).append(stat)
    order = [u.value for u in Unit]
    ordered = sorted(groups.items(), key=lambda g: (order.index(g[0][0]), g[0]))
    return [
        (unit, sorted(group, key=lambda s: (-size(s), s.id))) for (unit, _), group in ordered
    ], wordless


def scale(values: Iterable[float]) -> tuple[bool, float]:
    """Whether an axis of these numbers is logarithmic, and where its bars start (zero on a
    linear axis; the power of ten below the smallest number on a logarithmic one)."""
    found = list(values)
    if not found or min(found) <= 0 or max(found) / min(found) < 1000:
        return False, 0.0
    return True, 10.0 ** (math.ceil(math.log10(min(found))) - 1)
