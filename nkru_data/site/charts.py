"""The site's pictures: a timeline and a topic's statistics, as SVG written at build time.

They follow the same rules as the pictures for papers — where a date's mark starts and ends
and how its ends look is :mod:`nkru_data.views.spans`', which statistics share an axis and
when an axis is logarithmic is :mod:`nkru_data.views.amounts`', the captions are
:mod:`nkru_data.lang.captions`' — but are drawn here as plain SVG (no matplotlib, no script,
no font file: the reader's browser draws the text in its own fonts). Every text is escaped;
every mark links to its record's page and carries its title as a tooltip. Each chart is one
``<svg>`` with a ``<title>`` and ``role="img"``; the page beside it lists the same facts as
text, so nothing is only in the picture.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

from nkru_data.lang.captions import unit_name
from nkru_data.lang.captions import word as caption
from nkru_data.views.spans import Span

DARK, LIGHT, TEXT, GRID = "#1f4e79", "#9dc3e6", "#505050", "#d9d9d9"
WIDTH = 960
_LABEL = 330  # width of the text column on the left
_RIGHT = 150  # room on the right for the date or amount written beside a mark
_ROW = 20


@dataclass(frozen=True)
class Mark:
    """One row of a chart: its text (``en``: English standing in), its link, what it says."""

    text: str
    en: bool
    href: str | None
    note: str


def _text(x: float, y: float, text: str, *, size: int = 12, anchor: str = "start",
          colour: str = "#222", lang: str | None = None) -> str:  # fmt: skip
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f'<text x="{x:.1f}" y="{y:.1f}" font-size="{size}" fill="{colour}"'
            f' text-anchor="{anchor}"{lang_attr}>{escape(text)}</text>')  # fmt: skip


def _cut(text: str, most: int = 46) -> str:
    return text if len(text) <= most else text[: most - 1].rstrip() + "…"


def _label(mark: Mark, y: float, root: str) -> str:
    """The row's text, linked to its page, with ``[en]`` where English stands in."""
    shown = ("[en] " if mark.en else "") + _cut(mark.text)
    text = _text(6, y + 4, shown, lang="en" if mark.en else None)
    return f'<a href="{escape(root + mark.href)}">{text}</a>' if mark.href else text


def _svg(height: float, name: str, body: list[str], uid: str) -> str:
    """The ``<svg>`` around a chart: its title, the patterns it may use, its marks."""
    return "\n".join([
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{WIDTH}"'
        f' height="{height:.0f}" viewBox="0 0 {WIDTH} {height:.0f}"'
        f' aria-labelledby="{uid}-title">',
        f'<title id="{uid}-title">{escape(name)}</title>',
        "<defs>",
        f'<pattern id="{uid}-hatch" width="5" height="5" patternUnits="userSpaceOnUse"'
        f' patternTransform="rotate(45)"><rect width="5" height="5" fill="{LIGHT}"/>'
        f'<line x1="0" y1="0" x2="0" y2="5" stroke="{DARK}" stroke-width="1.2"/></pattern>',
        f'<linearGradient id="{uid}-fade-right"><stop offset="0" stop-color="{LIGHT}"'
        f' stop-opacity="0.8"/><stop offset="1" stop-color="{LIGHT}" stop-opacity="0"/>'
        "</linearGradient>",
        f'<linearGradient id="{uid}-fade-left"><stop offset="0" stop-color="{LIGHT}"'
        f' stop-opacity="0"/><stop offset="1" stop-color="{LIGHT}" stop-opacity="0.8"/>'
        "</linearGradient>",
        "</defs>",
        *body,
        "</svg>",
    ])  # fmt: skip


# -- the timeline ---------------------------------------------------------------------------


def _year_step(years: float) -> int:
    for limit, step in ((4, 1), (12, 2), (30, 5), (80, 10), (200, 20)):
        if years <= limit:
            return step
    return 50


def timeline(rows: list[tuple[Mark, Span]], name: str, root: str, uid: str = "tl") -> str:
    """The dated events on one time axis, one row each, in the order given (see
    :mod:`nkru_data.views.spans` for what each shape means); ``""`` when none is dated.
    ``uid`` names the chart's patterns, unique on its page."""
    rows = [(m, s) for m, s in rows if s.dated]
    if not rows:
        return ""
    days = [d for _, s in rows for d in (s.lower, s.upper) if d is not None]
    low, high = min(days), max(days)
    pad = max((high - low) * 0.03, timedelta(days=120))
    low, high = low - pad, high + pad
    left, right = _LABEL + 10, WIDTH - _RIGHT
    scale = (right - left) / max((high - low).days, 1)

    def x(day: date) -> float:
        return left + (day - low).days * scale

    top = 28
    height = top + len(rows) * _ROW + 10
    body = []
    step = _year_step((high - low).days / 365.25)
    for year in range(low.year + 1, high.year + 1):
        if year % step == 0:
            at = x(date(year, 1, 1))
            body.append(f'<line x1="{at:.1f}" y1="{top - 6}" x2="{at:.1f}" y2="{height - 8}"'
                        f' stroke="{GRID}" stroke-width="1"/>')  # fmt: skip
            body.append(_text(at, top - 10, str(year), size=11, anchor="middle", colour=TEXT))
    for i, (mark, span) in enumerate(rows):
        y = top + i * _ROW + _ROW / 2
        body.append(_label(mark, y, root))
        body.extend(_span_marks(span, y, x, left, right, uid, mark))
    return _svg(height, name, body, uid)


def _span_marks(span: Span, y: float, x: Callable[[date], float], left: float, right: float,
                uid: str, mark: Mark) -> list[str]:  # fmt: skip
    """The marks of one date: a diamond, a bar, a range, fading ends and arrow heads."""
    tip = f"<title>{escape(mark.note)}</title>"
    out = []
    lo = x(span.lower) if span.lower else None
    hi = x(span.upper + timedelta(days=1)) if span.upper else None
    dash = ' stroke-dasharray="3 2"' if span.uncertain else ""
    if span.shape == "point" and lo is not None:
        fill = "white" if span.approximate else DARK
        out.append(f'<path d="M{lo:.1f} {y - 5:.1f}l5 5l-5 5l-5 -5z" fill="{fill}"'
                   f' stroke="{DARK}" stroke-width="1.2">{tip}</path>')  # fmt: skip
    elif lo is not None and hi is not None:
        width = max(hi - lo, 3.0)
        fill = (f"url(#{uid}-hatch)" if span.approximate
                else DARK if span.shape == "short" else LIGHT)  # fmt: skip
        out.append(f'<rect x="{lo:.1f}" y="{y - 6:.1f}" width="{width:.1f}" height="12"'
                   f' fill="{fill}" stroke="{DARK}" stroke-width="1"{dash}>'
                   f"{tip}</rect>")  # fmt: skip
    if span.start != "known" and hi is not None:
        out.append(f'<rect x="{left:.1f}" y="{y - 5:.1f}" width="{hi - left:.1f}" height="10"'
                   f' fill="url(#{uid}-fade-left)">{tip}</rect>')  # fmt: skip
        if span.start == "open":
            out.append(f'<path d="M{left:.1f} {y:.1f}l7 -5v10z" fill="{DARK}"/>')
    if span.end != "known" and lo is not None:
        out.append(f'<rect x="{lo:.1f}" y="{y - 5:.1f}" width="{right - lo:.1f}" height="10"'
                   f' fill="url(#{uid}-fade-right)">{tip}</rect>')  # fmt: skip
        if span.end == "open":
            out.append(f'<path d="M{right:.1f} {y:.1f}l-7 -5v10z" fill="{DARK}"/>')
    at = hi if span.end == "known" and hi is not None else right
    flags = ("~" if span.approximate else "") + ("?" if span.uncertain else "")
    out.append(_text(at + 8, y + 4, f"{flags} {mark.note}".strip(), size=11, colour=TEXT))
    return out


# -- a topic's statistics ---------------------------------------------------------------------


@dataclass(frozen=True)
class Figure:
    """One statistic as charted: its row's text, and its numbers."""

    mark: Mark
    reporter: str | None
    value: float | None
    low: float | None
    high: float | None
    qualifier: str | None


def statistics(axes: list[tuple[str, list[Figure]]], name: str, lang: str, root: str,
               uid: str) -> str:  # fmt: skip
    """One SVG for a topic: an axis per unit, a bar per figure with its low–high whisker and
    who reported it; ``""`` when no figure has a number. ``uid`` names the chart's patterns,
    unique on its page."""
    if not axes:
        return ""
    from nkru_data.views.amounts import scale

    body: list[str] = []
    y = 4.0
    left, right = _LABEL + 10, WIDTH - _RIGHT
    for unit, figures in axes:
        numbers = [v for f in figures for v in (f.value, f.low, f.high) if v is not None]
        log, base = scale(numbers)
        top = max(numbers) * (3 if log else 1.08)
        span = math.log10(top / base) if log else top

        def x(v: float, log: bool = log, base: float = base, span: float = span) -> float:
            share = math.log10(max(v, base) / base) / span if log else v / span
            return left + share * (right - left)

        axis = unit_name(unit, lang) if unit != "other" else caption("unit", lang, "—")
        shown = caption("log scale", lang, axis) if log else axis
        body.append(_text(6, y + 14, caption("unit", lang, shown) if unit != "other" else shown,
                          size=12, colour=DARK))  # fmt: skip
        y += 24
        for f in figures:
            body.extend(_figure(f, y, x, uid, lang, root))
            y += 34
        first = y - 34 * len(figures)
        body.append(f'<line x1="{left}" y1="{first:.1f}" x2="{left}" y2="{y - 4:.1f}"'
                    f' stroke="{TEXT}"/>')  # fmt: skip
        y += 8
    return _svg(y, name, body, uid)


def _figure(f: Figure, y: float, x: Callable[[float], float], uid: str, lang: str,
            root: str) -> list[str]:  # fmt: skip
    mid = y + 10
    out = [_label(f.mark, y + 4, root)]
    if f.reporter:
        out.append(_text(6, y + 22, _cut(caption("reported by", lang, f.reporter), 52),
                         size=10, colour=TEXT))  # fmt: skip
    tip = f"<title>{escape(f.mark.note)}</title>"
    start = x(0.0)
    estimate = f.qualifier in ("approximate", "estimate")
    if f.value is not None:
        fill = f"url(#{uid}-hatch)" if estimate else LIGHT if f.qualifier == "target" else DARK
        width = max(x(f.value) - start, 2)
        out.append(f'<rect x="{start:.1f}" y="{mid - 7:.1f}" width="{width:.1f}" height="14"'
                   f' fill="{fill}" stroke="{DARK}">{tip}</rect>')  # fmt: skip
    if f.low is not None and f.high is not None:
        a, b = x(f.low), x(f.high)
        if f.value is None:
            out.append(f'<rect x="{a:.1f}" y="{mid - 7:.1f}" width="{max(b - a, 2):.1f}"'
                       f' height="14" fill="url(#{uid}-hatch)" stroke="{DARK}">'
                       f"{tip}</rect>")  # fmt: skip
        out.append(f'<path d="M{a:.1f} {mid - 6:.1f}v12M{a:.1f} {mid:.1f}H{b:.1f}M{b:.1f}'
                   f' {mid - 6:.1f}v12" stroke="black" stroke-width="1.5"'
                   ' fill="none"/>')  # fmt: skip
    elif f.value is None:
        bound = f.low if f.low is not None else f.high
        assert bound is not None, "a figure with no number is listed, not charted"
        at, way = x(bound), (1 if f.low is not None else -1)
        out.append(f'<path d="M{at:.1f} {mid - 6:.1f}l{7 * way} 6l{-7 * way} 6z"'
                   f' fill="{DARK}">{tip}</path>')  # fmt: skip
    end = max(x(v) for v in (f.value, f.low, f.high) if v is not None)
    out.append(_text(end + 8, mid + 4, f.mark.note, size=11, colour=TEXT))
    return out
