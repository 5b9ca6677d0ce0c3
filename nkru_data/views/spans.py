"""How an EDTF date sits on a time axis: the one reading behind every timeline drawn.

Both the pictures for papers (:mod:`nkru_data.pictures.timeline`) and the site's SVG timelines
draw an event from this reading, so the two never disagree about what a date claims:

- **a day** is a point;
- **a month, season or year** is ``short``: a bar over that month, season or year;
- **an interval** (``1999/2002``), a **decade or century** (``199X``) and an **uncertain date**
  (``2016-07?``) are a ``range`` from the earliest to the latest possible day;
- **approximate** (``~``) and **uncertain** (``?``) are flags the drawing shows (hatching, a
  dashed edge);
- an end is ``known``, ``open`` (EDTF ``..``: it goes on) or ``unknown`` (``2002/``, or an end
  whose year is unknown);
- a date with **no known year** (``XXXX-05``) has no place on the axis (:attr:`Span.dated`
  is false) rather than a made-up one.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nkru_data.lang.dates import Edtf, parse
from nkru_data.views.frames import date_precision


@dataclass(frozen=True)
class Span:
    """Where a date's mark starts and ends on the axis, and how its ends look."""

    lower: date | None
    upper: date | None
    start: str
    end: str
    shape: str
    approximate: bool
    uncertain: bool

    @property
    def dated(self) -> bool:
        """Whether the date has a place on the axis (at least one end with a known year)."""
        return self.start == "known" or self.end == "known"

    @property
    def first_day(self) -> tuple[date, date]:
        """Where it sits in time: its earliest known day (the end, for ``../2016-07``), then
        its latest; only for a :attr:`dated` span."""
        first = self.lower or self.upper
        assert first is not None, "an undated span has no first day"
        return first, self.upper or first


def _yearless(part: Edtf) -> bool:
    return date_precision(part.text) == "unknown"


def _side(part: Edtf | None, is_open: bool) -> str:
    if part is None:
        return "open" if is_open else "unknown"
    return "unknown" if _yearless(part) else "known"


def span(text: str) -> Span:
    """The reading of one EDTF date (see the module's rules)."""
    value = parse(text)
    if value.interval:
        start, end = _side(value.start, value.open_start), _side(value.end, value.open_end)
        parts = [p for p in (value.start, value.end) if p is not None]
        return Span(
            value.start.lower if start == "known" and value.start else None,
            value.end.upper if end == "known" and value.end else None,
            start, end, "range",
            any(p.approximate for p in parts), any(p.uncertain for p in parts),
        )  # fmt: skip
    side = "unknown" if _yearless(value) else "known"
    if value.lower == value.upper and not value.uncertain:
        shape = "point"
    elif value.uncertain or date_precision(text) in ("decade", "century"):
        shape = "range"
    else:
        shape = "short"
    known = side == "known"
    return Span(value.lower if known else None, value.upper if known else None, side, side,
                shape, value.approximate, value.uncertain)  # fmt: skip
