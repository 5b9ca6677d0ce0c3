"""A topic's statistics as horizontal bars, one axis per unit.

The drawing rules:

- one bar per statistic that has a number, labelled with its label in the language and who
  reported it (``reported_by``), its amount written at the end as the cards write it
  (:func:`~nkru_data.lang.i18n.format_quantity`: qualifier, number, unit);
- which statistics share an axis, in what order, and when an axis is logarithmic is
  :mod:`nkru_data.views.amounts`' (the site's charts use the same): one axis per unit;
- ``low``/``high`` are a whisker from low to high; a statistic with a range and no value is a
  light hatched bar over the range; one with a single bound is a point with an arrow head
  pointing the way the bound leaves open;
- approximate and estimated values are hatched, targets are light bars with a dark edge;
- a logarithmic axis says so, a linear one starts from zero; tick labels are compact numbers
  in the language (``1,5 млрд``, ``15억``);
- statistics with no number (the source gives the amount only in words) are listed under the
  bars as text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from nkru_data.errors import NkruDataError
from nkru_data.lang.captions import unit_name, word
from nkru_data.lang.i18n import format_quantity
from nkru_data.model.enums import Topic, Unit
from nkru_data.pictures.fonts import drawable
from nkru_data.pictures.timeline import DARK, LIGHT, TEXT, title
from nkru_data.views.amounts import axes, scale

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from nkru_data.dataset import Dataset
    from nkru_data.model.records import Statistic

HATCH = "////"
BAR = 0.42  # inches per bar (two lines of label)
WORDLESS = 0.34  # inches per statistic listed as text


@dataclass(frozen=True)
class Bar:
    """One statistic as drawn: its label and reporter in the language, its numbers."""

    id: str
    label: str
    reporter: str | None
    amount: str | None
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None

    def caption(self, lang: str) -> str:
        """The tick label: the statistic's label, then who reported it on a second line."""
        if self.reporter is None:
            return self.label
        return f"{self.label}\n{word('reported by', lang, self.reporter)}"


@dataclass(frozen=True)
class Facet:
    """One axis: the statistics of one unit."""

    unit: str
    name: str
    bars: tuple[Bar, ...]


@dataclass(frozen=True)
class Chart:
    name: str
    facets: tuple[Facet, ...]
    wordless: tuple[Bar, ...]


def _bar(ds: Dataset, stat: Statistic, lang: str) -> Bar:
    reporter = stat.reported_by
    qualifier = stat.qualifier.value if stat.qualifier else None
    amount = format_quantity(stat.value, stat.unit.value, lang, qualifier, stat.low, stat.high)
    return Bar(
        stat.id,
        title(ds, stat.id, lang),
        title(ds, reporter, lang) if reporter and reporter in ds else None,
        drawable(amount) if amount else None,
        stat.value, stat.low, stat.high, qualifier,
    )  # fmt: skip


def chart(ds: Dataset, lang: str, topic: str | None = None) -> Chart:
    """The statistics of ``topic`` (all without one), grouped into one facet per unit."""
    topics = [t.value for t in Topic]
    if topic is not None and topic not in topics:
        raise NkruDataError(f"no topic {str(topic)[:40]!r}; topics: {', '.join(topics)}",
                            code="usage")  # fmt: skip
    from nkru_data.lang.terms import term

    stats = [s for s in ds.statistics if topic is None or s.topic.value == topic]
    on_axes, wordless = axes(stats)
    facets = tuple(
        Facet(unit, word("unit", lang, unit_name(unit, lang)),
              tuple(_bar(ds, stat, lang) for stat in group))
        for unit, group in on_axes
    )  # fmt: skip
    about = term(topic, lang) if topic else word("all topics", lang)
    return Chart(word("statistics", lang, about), facets,
                 tuple(_bar(ds, stat, lang) for stat in wordless))  # fmt: skip


def compact(value: float, lang: str) -> str:
    """A tick label: a short number in the language (``1.5B``, ``1,5 млрд``, ``15억``)."""
    from babel.numbers import format_compact_decimal

    text = format_compact_decimal(value, locale=lang, format_type="short", fraction_digits=1)
    return drawable(str(text))


def texts(chart_: Chart, lang: str) -> list[str]:
    """Every string the picture will draw (checked against the font before drawing)."""
    keys = ("value", "value range", "estimate", "target", "no number", "no statistics")
    out = [chart_.name, *(word(k, lang) for k in keys)]
    for facet in chart_.facets:
        out += [facet.name, word("log scale", lang, facet.name), *(unit_name(u.value, lang)
                                                                   for u in Unit)]  # fmt: skip
        out += [t for b in facet.bars for t in (b.caption(lang), b.amount or "")]
    out += [b.caption(lang) for b in chart_.wordless]
    out += [compact(10.0**k, lang) for k in range(-1, 13)] + [compact(2.5, lang)]
    return [line for text in out for line in text.split("\n")]


def _scale(bars: tuple[Bar, ...]) -> tuple[bool, float]:
    """Whether the axis is logarithmic, and where its bars start."""
    return scale(x for b in bars for x in (b.value, b.low, b.high) if x is not None)


def _draw_bar(ax: Axes, y: int, bar: Bar, base: float) -> float:
    """Draw one statistic at row ``y``; return where its mark ends on the right."""
    estimate = bar.qualifier in ("approximate", "estimate")
    target = bar.qualifier == "target"
    if bar.value is not None:
        ax.barh(y, bar.value - base, left=base, height=0.55,
                color=LIGHT if estimate or target else DARK, edgecolor=DARK, linewidth=0.8,
                hatch=HATCH if estimate else None)  # fmt: skip
    if bar.low is not None and bar.high is not None:
        if bar.value is None:
            ax.barh(y, bar.high - bar.low, left=bar.low, height=0.55, color=LIGHT,
                    edgecolor=DARK, linewidth=0.8, hatch=HATCH)  # fmt: skip
        ax.plot([bar.low, bar.high], [y, y], color="black", linewidth=1.2, marker="|",
                markersize=9, markeredgewidth=1.2)  # fmt: skip
    elif bar.value is None:  # one bound only: at least / at most
        bound = bar.low if bar.low is not None else bar.high
        assert bound is not None  # a bar with no number at all is listed, not drawn
        ax.plot([bound], [y], marker=">" if bar.low is not None else "<", markersize=7,
                color=DARK, linestyle="none")  # fmt: skip
    return max(x for x in (bar.value, bar.low, bar.high) if x is not None)


def _facet(ax: Axes, facet: Facet, lang: str) -> None:
    from matplotlib.ticker import FuncFormatter, MaxNLocator, NullFormatter

    from nkru_data.pictures.output import beside

    log, base = _scale(facet.bars)
    if log:
        ax.set_xscale("log")
    ends = [_draw_bar(ax, y, bar, base) for y, bar in enumerate(facet.bars)]
    top = max(ends)
    ax.set_xlim(base, top * 3 if log else top * 1.08)
    ax.set_ylim(len(facet.bars) - 0.5, -0.5)
    shifted = beside(ax, 5)
    for y, (bar, end) in enumerate(zip(facet.bars, ends)):
        if bar.amount:
            ax.text(end, y, bar.amount, transform=shifted, va="center", fontsize=7.5,
                    color=TEXT, clip_on=False)  # fmt: skip
    ax.set_yticks(range(len(facet.bars)), labels=[b.caption(lang) for b in facet.bars],
                  fontsize=7.5)  # fmt: skip
    ax.xaxis.set_major_formatter(FuncFormatter(lambda x, _pos: compact(x, lang)))
    if not log and all(float(e).is_integer() for e in ends):  # counts: no tick at 2.5 people
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.xaxis.set_minor_formatter(NullFormatter())
    ax.tick_params(axis="y", length=0)
    ax.tick_params(axis="x", labelsize=7.5)
    ax.grid(axis="x", color="#d9d9d9", linewidth=0.6)
    ax.set_axisbelow(True)
    ax.set_title(facet.name, loc="left", fontsize=9, fontweight="bold")
    name = unit_name(facet.unit, lang)
    ax.set_xlabel(word("log scale", lang, name) if log else name, fontsize=8)
    for spine in ("top", "right"):
        ax.spines[spine].set_visible(False)


def _legend(ax: Axes, name: str, lang: str) -> None:
    from matplotlib.lines import Line2D
    from matplotlib.patches import Patch

    handles: list[Any] = [
        Patch(facecolor=DARK, edgecolor=DARK),
        Patch(facecolor=LIGHT, edgecolor=DARK, hatch=HATCH),
        Patch(facecolor=LIGHT, edgecolor=DARK),
        Line2D([], [], color="black", linewidth=1.2, marker="|", markersize=9),
    ]
    labels = [word(k, lang) for k in ("value", "estimate", "target", "value range")]
    ax.set_axis_off()
    ax.text(0, 1, name, transform=ax.transAxes, fontsize=13, fontweight="bold", va="top")
    ax.legend(handles, labels, loc="lower left", ncol=4, frameon=False, fontsize=8,
              borderaxespad=0)  # fmt: skip


def _wordless(ax: Axes, bars: tuple[Bar, ...], lang: str) -> None:
    ax.set_axis_off()
    ax.set_title(word("no number", lang), loc="left", fontsize=9, fontweight="bold")
    step = 1 / len(bars)
    for i, bar in enumerate(bars):
        ax.text(0, 1 - (i + 0.5) * step, bar.caption(lang), va="center", fontsize=7.5,
                linespacing=1.3, transform=ax.transAxes)  # fmt: skip


def figure(chart_: Chart, lang: str) -> Figure:
    """The chart: title and legend, one axis per unit, then the statistics without a number."""
    from nkru_data.pictures.output import new_figure

    gap = 0.95  # inches for an axis's title, tick labels and unit
    heights = [0.75] + [len(f.bars) * BAR + gap for f in chart_.facets]
    if chart_.wordless:
        heights.append(len(chart_.wordless) * WORDLESS + 0.4)
    if not chart_.facets and not chart_.wordless:
        heights.append(0.6)
    total = sum(heights)
    fig = new_figure(6.5, total)
    top = total
    spans = []
    for h in heights:
        spans.append((top - h, h))
        top -= h
    header = fig.add_axes((0, spans[0][0] / total, 1, spans[0][1] / total))
    _legend(header, chart_.name, lang)
    for facet, (bottom, h) in zip(chart_.facets, spans[1:]):
        ax = fig.add_axes((0, (bottom + 0.55) / total, 1, (h - gap) / total))
        _facet(ax, facet, lang)
    rest = spans[1 + len(chart_.facets) :]
    if chart_.wordless:
        bottom, h = rest[0]
        _wordless(fig.add_axes((0, bottom / total, 1, (h - 0.4) / total)), chart_.wordless, lang)
    elif not chart_.facets:
        bottom, h = rest[0]
        ax = fig.add_axes((0, bottom / total, 1, h / total))
        ax.set_axis_off()
        ax.text(0, 0.5, word("no statistics", lang), va="center")
    return fig
