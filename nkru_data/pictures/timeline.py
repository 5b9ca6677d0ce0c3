"""The events on a time axis, one row per event, titled in one language.

Every event is drawn from its EDTF date's earliest and latest possible day
(:func:`nkru_data.lang.dates.parse`), so a picture never claims more precision than the
data has. The drawing rules:

- **a day** is a point (a diamond);
- **a month, season or year** is a short dark bar over that month, season or year (at least a
  few pixels wide, so that it shows on a century-long axis);
- **an interval** (``1999/2002``), a **decade or century** (``199X``) and an **uncertain date**
  (``2016-07?``) are ranges: a light bar with a dark edge from the earliest to the latest
  possible day;
- **approximate** (``~``) dates are hatched (a point is hollow) and their date text starts
  with ``~``; **uncertain** (``?``) dates have a dashed edge and a ``?``;
- an **open end** (``2002/..``, ``../2016-07``) fades out to the edge of the plot and ends in
  an arrow head; an **unknown end** (``2002/``, or an end whose year is unknown) fades out with
  no arrow;
- events whose date has **no known year** (``XXXX``, ``XXXX-05``) are not put at a made-up
  year: they are listed apart, under the plot, with their date as text.

Beside each mark the date is written as a reader of the language writes it
(:func:`~nkru_data.lang.dates.format_edtf`). A title with no label in the language is shown in
English with a visible ``[en]`` in front. Rows come in time order of their earliest known day
(for ``../2016-07``, the end of July 2016), so that an event with an open start stands among its
contemporaries rather than at the top.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from nkru_data.lang.captions import word
from nkru_data.lang.dates import format_edtf, time_order
from nkru_data.pictures.fonts import drawable
from nkru_data.views.spans import Span, span

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from nkru_data.dataset import Dataset
    from nkru_data.model.records import Event

DARK, LIGHT, TEXT = "#1f4e79", "#9dc3e6", "#505050"
HATCH = "//////"
ROW = 0.26  # inches per row
FADE_STEPS = 14


@dataclass(frozen=True)
class Row:
    """One event as drawn: its title and date text in the language, and its :class:`Span`
    (where its mark starts and ends and how the ends look)."""

    id: str
    title: str
    when: str
    span: Span


def title(ds: Dataset, id_: str, lang: str) -> str:
    """A record's name in ``lang``; ``[en] `` in front when it is the English fallback."""
    text = drawable(ds.label(id_, lang) or id_)
    if lang != "en" and ds.label(id_, lang, fallback=False) is None:
        return f"[en] {text}"
    return text


def row(ds: Dataset, event: Event, lang: str) -> Row:
    """How one event is drawn (see the rules in the module's docstring)."""
    return Row(event.id, title(ds, event.id, lang),
               drawable(format_edtf(event.date, lang)), span(event.date))  # fmt: skip


def rows(ds: Dataset, lang: str, involving: str | None = None) -> tuple[list[Row], list[Row]]:
    """The rows on the axis and the rows listed apart (no known year), each in time order."""
    events = (
        ds.events_involving(involving)
        if involving
        else sorted(ds.events, key=lambda e: (time_order(e.date), e.id))
    )
    drawn = [row(ds, e, lang) for e in events]
    dated = sorted((r for r in drawn if r.span.dated), key=lambda r: (r.span.first_day, r.id))
    return dated, [r for r in drawn if not r.span.dated]


def heading(ds: Dataset, lang: str, involving: str | None) -> str:
    """The picture's title: all events, or those involving one record (by its name)."""
    if involving is None:
        return word("events", lang)
    return word(
        "events involving", lang, title(ds, str(getattr(ds.get(involving), "id", involving)), lang)
    )


def texts(rows_: list[Row], undated: list[Row], name: str, lang: str) -> list[str]:
    """Every string the picture will draw (checked against the font before drawing)."""
    keys = ("year", "day", "short", "range", "approximate", "uncertain", "open", "unknown end")
    words = [word(k, lang) for k in keys]
    if undated:
        words.append(word("year unknown", lang))
    if not rows_:
        words.append(word("no dated events", lang))
    return [
        name,
        *words,
        *(r.title for r in rows_ + undated),
        *(_label(r) for r in rows_ + undated),
    ]


def _label(r: Row) -> str:
    mark = ("~" if r.span.approximate else "") + ("?" if r.span.uncertain else "")
    return f"{mark} {r.when}" if mark else r.when


def _limits(rows_: list[Row]) -> tuple[date, date]:
    days = [d for r in rows_ for d in (r.span.lower, r.span.upper) if d is not None]
    lo, hi = min(days), max(days)
    pad = max((hi - lo) * 0.03, timedelta(days=120))
    return lo - pad, hi + pad


def _year_step(span_years: float) -> int:
    for limit, step in ((4, 1), (12, 2), (30, 5), (80, 10), (200, 20)):
        if span_years <= limit:
            return step
    return 50


def _fade(ax: Axes, y: float, start: float, stop: float, alpha: float = 0.6) -> None:
    """A bar from ``start`` towards ``stop`` whose colour thins out to nothing."""
    step = (stop - start) / FADE_STEPS
    for k in range(FADE_STEPS):
        ax.barh(y, step, left=start + k * step, height=0.5, color=LIGHT, linewidth=0,
                alpha=alpha * (1 - k / FADE_STEPS) ** 2)  # fmt: skip


def _draw_row(ax: Axes, y: int, r: Row, left: float, right: float) -> None:
    span = right - left
    lo = _day(r.span.lower) if r.span.lower else None
    hi = _day(r.span.upper + timedelta(days=1)) if r.span.upper else None
    edge = "--" if r.span.uncertain else "-"
    if r.span.shape == "point" and lo is not None:
        ax.plot([lo + 0.5], [y], marker="D", markersize=4.5, linestyle="none", color=DARK,
                markerfacecolor="white" if r.span.approximate else DARK)  # fmt: skip
    elif lo is not None and hi is not None:
        width = max(hi - lo, span * 0.004)
        short = r.span.shape == "short"
        hatch = HATCH if r.span.approximate else None
        ax.barh(y, width, left=lo, height=0.55, color=DARK if short else LIGHT, edgecolor=DARK,
                linewidth=0.7, linestyle=edge, hatch=hatch)  # fmt: skip
    if r.span.start != "known" and hi is not None:
        _fade(ax, y, hi, left)
        if r.span.start == "open":
            ax.plot([left], [y], marker="<", markersize=5, color=DARK, clip_on=False)
    if r.span.end != "known" and lo is not None:
        _fade(ax, y, lo, right)
        if r.span.end == "open":
            ax.plot([right], [y], marker=">", markersize=5, color=DARK, clip_on=False)
    from nkru_data.pictures.output import beside

    x_text = hi if r.span.end == "known" and hi is not None else right
    shift = 7 if r.span.end == "open" else 4  # points: clear of the arrow head
    ax.text(
        x_text,
        y,
        _label(r),
        va="center",
        ha="left",
        fontsize=7,
        color=TEXT,
        clip_on=False,
        transform=beside(ax, shift),
    )


def _legend(ax: Axes, name: str, lang: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Line2D([], [], marker="D", markersize=4.5, linestyle="none", color=DARK),
        Patch(facecolor=DARK, edgecolor=DARK),
        Patch(facecolor=LIGHT, edgecolor=DARK, linewidth=0.7),
        Patch(facecolor=LIGHT, edgecolor=DARK, linewidth=0.7, hatch=HATCH),
        Patch(facecolor=LIGHT, edgecolor=DARK, linewidth=0.7, linestyle="--"),
        Line2D([], [], marker=">", markersize=5, linestyle="none", color=DARK),
        Patch(facecolor=LIGHT, alpha=0.35, linewidth=0),
    ]
    keys = ("day", "short", "range", "approximate", "uncertain", "open", "unknown end")
    ax.set_axis_off()
    ax.text(0, 1, name, transform=ax.transAxes, fontsize=13, fontweight="bold", va="top")
    ax.legend(handles, [word(k, lang) for k in keys], loc="lower left", ncol=4, frameon=False,
              fontsize=8, borderaxespad=0, handlelength=2.2, columnspacing=1.6)  # fmt: skip


def _axis(ax: Axes, rows_: list[Row], lang: str) -> None:
    from matplotlib.dates import MonthLocator, YearLocator

    low, high = _limits(rows_)
    left, right = _day(low), _day(high)
    ax.set_xlim(left, right)
    ax.set_ylim(len(rows_) - 0.5, -0.5)
    for y, r in enumerate(rows_):
        _draw_row(ax, y, r, left, right)
    ax.set_yticks(range(len(rows_)), labels=[r.title for r in rows_], fontsize=8)
    step = _year_step((high - low).days / 365.25)
    ax.xaxis.set_major_locator(YearLocator(step))  # type: ignore[no-untyped-call]
    if step == 1:
        ax.xaxis.set_minor_locator(MonthLocator())  # type: ignore[no-untyped-call]
    ax.xaxis.set_major_formatter(_year_format())
    ax.tick_params(axis="x", top=True, labeltop=True, labelsize=8)
    ax.tick_params(axis="y", length=0, pad=7)
    ax.grid(axis="x", color="#d9d9d9", linewidth=0.6)
    ax.grid(axis="y", color="#f2f2f2", linewidth=0.5)
    ax.set_axisbelow(True)
    ax.set_xlabel(word("year", lang))
    for spine in ("left", "right"):
        ax.spines[spine].set_visible(False)


def _year_format() -> Any:
    """Tick labels as plain years (``2016``), the same in every language."""
    from matplotlib.dates import num2date
    from matplotlib.ticker import FuncFormatter

    return FuncFormatter(lambda x, _pos: str(num2date(x).year))  # type: ignore[no-untyped-call]


def _day(day: date) -> float:
    """A day as a position on matplotlib's time axis."""
    from matplotlib.dates import date2num

    return float(date2num(day))  # type: ignore[no-untyped-call]


def _apart(ax: Axes, undated: list[Row], lang: str) -> None:
    ax.set_ylim(len(undated) - 0.5, -0.5)
    ax.set_xlim(0, 1)
    ax.set_yticks(range(len(undated)), labels=[r.title for r in undated], fontsize=8)
    ax.set_xticks([])
    ax.tick_params(axis="y", length=0)
    for spine in ax.spines.values():
        spine.set_visible(False)
    for y, r in enumerate(undated):
        ax.text(0.01, y, _label(r), va="center", fontsize=7, color=TEXT)
    ax.set_title(word("year unknown", lang), loc="left", fontsize=9, fontweight="bold")


def figure(rows_: list[Row], undated: list[Row], name: str, lang: str) -> Figure:
    """The timeline: title and legend, the dated rows on the axis, the undated ones below."""
    from nkru_data.pictures.output import new_figure

    width = 8.0
    heights = [0.75, max(len(rows_), 1) * ROW + 0.9, (len(undated) * ROW + 0.6) if undated else 0]
    total = sum(heights)
    fig = new_figure(width, total)
    top = total
    boxes = []
    for h in heights:
        boxes.append((top - h) / total)
        top -= h
    header = fig.add_axes((0, boxes[0], 1, heights[0] / total))
    _legend(header, name, lang)
    main = fig.add_axes((0, boxes[1] + 0.45 / total, 1, (heights[1] - 0.9) / total))
    if rows_:
        _axis(main, rows_, lang)
    else:
        main.set_axis_off()
        main.text(0.5, 0.5, word("no dated events", lang), ha="center", va="center")
    if undated:
        apart = fig.add_axes((0, boxes[2], 1, (heights[2] - 0.45) / total))
        _apart(apart, undated, lang)
    return fig
