"""The pages that look across records: home, lists, timelines, statistics, places, sources,
search, the dataset and the policy on private persons — per language.

The timeline is pre-rendered once for everything and once per person, organisation, place
and event kind (``timeline/<table>/<slug>.html``, ``timeline/kind/<kind>.html``), so that it
can be filtered with links, without a server or a script. The search page is the one page that
needs JavaScript: a small index of names and descriptions in all three languages
(``static/search-index.js``, written once for the three trees) and a plain script
(``static/search.js``) that folds case and accents as :func:`nkru_data.views.search.fold` does.
"""

from __future__ import annotations

import json
from collections import defaultdict
from importlib.resources import files
from typing import TYPE_CHECKING, Any

from nkru_data.lang.captions import word as caption
from nkru_data.lang.dates import format_edtf, time_order
from nkru_data.lang.i18n import cldr_country_name
from nkru_data.lang.terms import term
from nkru_data.model.enums import Topic
from nkru_data.site import charts, pages
from nkru_data.site.words import LANGS, word
from nkru_data.views import amounts
from nkru_data.views.search import NAME, QUOTE, record_texts
from nkru_data.views.spans import span

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset
    from nkru_data.model.records import Event, Statistic
    from nkru_data.site.writer import Writer

#: the tables whose records get a timeline of their own (the events they are involved in)
TIMELINE_TABLES = ("people", "organizations", "places")
#: the timeline's marks, as the legend names them
_LEGEND = ("day", "short", "range", "approximate", "uncertain", "open", "unknown end")


def write(ds: Dataset, writer: Writer, lang: str, downloads: list[tuple[str, str, int]],
          context: dict[str, Any]) -> None:  # fmt: skip
    """Every overview page of one language tree."""
    counts = ds.counts()
    writer.page(lang, "index.html", "home.html",
                tables=[(t, counts[t]) for t in pages.PAGE_TABLES])  # fmt: skip
    for table in pages.PAGE_TABLES:
        if table == "places":
            continue
        rows: list[tuple[pages.Item, list[pages.Item]]]
        if table == "sources":  # the sources page: each source with the records citing it
            rows = [(item, _cited(ds, id_, lang)) for item, id_ in pages.list_rows(ds, table, lang)]
        else:
            rows = [(item, []) for item, _ in pages.list_rows(ds, table, lang)]
        writer.page(lang, f"{table}/index.html", "list.html", heading=word(table, lang),
                    rows=rows)  # fmt: skip
    geojson = next((name for name, _, _ in downloads if name.endswith(".geojson")), None)
    writer.page(lang, "places/index.html", "places.html", rows=_places(ds, lang),
                geojson=geojson)  # fmt: skip
    _timelines(ds, writer, lang)
    writer.page(lang, "statistics.html", "statistics.html", topics=_topics(ds, writer, lang))
    writer.page(lang, "search.html", "search.html", tables=pages.PAGE_TABLES)
    writer.page(lang, "policy.html", "policy.html")
    from babel.numbers import format_decimal

    sized = [(name, about, format_decimal(size, locale=lang)) for name, about, size in downloads]
    writer.page(lang, "dataset.html", "dataset.html", downloads=sized, **context)


def _cited(ds: Dataset, source_id: str, lang: str) -> list[pages.Item]:
    """The records a source is cited for, as links."""
    return [pages.link(ds, str(getattr(r, "id")), lang) for r in ds.records_from(source_id)]  # noqa: B009


# -- places -----------------------------------------------------------------------------------


def _places(ds: Dataset, lang: str) -> list[dict[str, Any]]:
    """Every place with its kind, country and coordinates, sorted by what the reader sees."""
    by_id = {p.id: p for p in ds.places}
    rows = []
    for item, id_ in pages.list_rows(ds, "places", lang):
        place = by_id[id_]
        countries = [cldr_country_name(c, lang) or c for c in place.country or ()]
        rows.append({
            "place": item, "kind": term(place.kind.value, lang),
            "country": ", ".join(countries),
            "lat": "" if place.lat is None else f"{place.lat:.4f}",
            "lon": "" if place.lon is None else f"{place.lon:.4f}",
        })  # fmt: skip
    return rows


# -- timelines --------------------------------------------------------------------------------


def _timelines(ds: Dataset, writer: Writer, lang: str) -> None:
    """The timeline of everything, with links to the same timeline filtered by each person,
    organisation, place and kind of event; and each of those filtered timelines."""
    events = sorted(ds.events, key=lambda e: (time_order(e.date), e.id))
    filters: list[tuple[str, list[tuple[pages.Item, int]]]] = []
    for table in TIMELINE_TABLES:
        found = []
        for item, id_ in pages.list_rows(ds, table, lang):
            involved = ds.events_involving(id_)
            if involved:
                slug = id_.split(":", 1)[1]
                where = f"timeline/{table}/{slug}.html"
                found.append((pages.Item(item.text, item.en, f"{lang}/{where}"), len(involved)))
                _timeline_page(ds, writer, lang, where, involved,
                               caption("events involving", lang, item.text), item)  # fmt: skip
        filters.append((word(table, lang), found))
    kinds: dict[str, list[Event]] = defaultdict(list)
    for event in events:
        kinds[event.kind.value].append(event)
    found = []
    for kind, group in sorted(kinds.items(), key=lambda k: term(k[0], lang).casefold()):
        where = f"timeline/kind/{kind}.html"
        shown = term(kind, lang)
        found.append((pages.Item(shown, href=f"{lang}/{where}"), len(group)))
        _timeline_page(ds, writer, lang, where, group, f"{word('timeline', lang)}: {shown}", None)
    filters.append((word("kind", lang), found))
    _timeline_page(ds, writer, lang, "timeline.html", events, word("timeline", lang), None,
                   filters)  # fmt: skip


def _timeline_page(ds: Dataset, writer: Writer, lang: str, where: str, events: list[Event],
                   heading: str, about: pages.Item | None,
                   filters: list[tuple[str, list[tuple[pages.Item, int]]]] | None = None,
                   ) -> None:  # fmt: skip
    ordered = sorted(events, key=lambda e: (time_order(e.date), e.id))
    marks = []
    rows = []
    for event in ordered:
        when = format_edtf(event.date, lang)
        item = pages.link(ds, event.id, lang)
        rows.append((when, item))
        marks.append((charts.Mark(item.text, item.en, item.href, when), span(event.date)))
    dated = sorted((m for m in marks if m[1].dated), key=lambda m: m[1].first_day)
    svg = charts.timeline(dated, heading, writer.root_of(f"{lang}/{where}"))
    undated = [row for row, (_, s) in zip(rows, marks) if not s.dated]
    writer.page(lang, where, "timeline.html", heading=heading, about=about, svg=svg,
                rows=rows, undated=undated, filters=filters or [],
                legend=[caption(k, lang) for k in _LEGEND])  # fmt: skip


# -- statistics -------------------------------------------------------------------------------


def _topics(ds: Dataset, writer: Writer, lang: str) -> list[dict[str, Any]]:
    """Each topic with statistics: its chart (one axis per unit) and its figures as a table."""
    root = writer.root_of(f"{lang}/statistics.html")
    out = []
    for topic in Topic:
        stats = [s for s in ds.statistics if s.topic == topic]
        if not stats:
            continue
        on_axes, _ = amounts.axes(stats)
        figures = [(unit, [_figure(ds, s, lang) for s in group]) for unit, group in on_axes]
        name = caption("statistics", lang, term(topic.value, lang))
        rows = [_row(ds, s, lang) for s in sorted(stats, key=lambda s: s.id)]
        out.append({
            "topic": topic.value, "name": name, "rows": rows,
            "svg": charts.statistics(figures, name, lang, root, f"s-{topic.value}"),
        })  # fmt: skip
    return out


def _figure(ds: Dataset, stat: Statistic, lang: str) -> charts.Figure:
    item = pages.link(ds, stat.id, lang)
    reporter = pages.title(ds, stat.reported_by, lang).text if stat.reported_by else None
    return charts.Figure(
        charts.Mark(item.text, item.en, item.href, pages.amount(stat, lang)), reporter,
        stat.value, stat.low, stat.high, stat.qualifier.value if stat.qualifier else None,
    )  # fmt: skip


def _row(ds: Dataset, stat: Statistic, lang: str) -> dict[str, Any]:
    """A statistic as a row of the table under its topic's chart."""
    return {
        "stat": pages.link(ds, stat.id, lang),
        "amount": pages.amount(stat, lang),
        "period": format_edtf(stat.period, lang) if stat.period else "",
        "reporter": pages.link(ds, stat.reported_by, lang) if stat.reported_by else None,
    }


# -- search -----------------------------------------------------------------------------------


def search_index(ds: Dataset) -> str:
    """The search page's index, as a script: one entry per record with a page — its page (from
    a language tree), its title in each language (``""``: none), its names, its other texts."""
    names: dict[str, list[str]] = defaultdict(list)
    texts: dict[str, list[str]] = defaultdict(list)
    for id_, tier, text in record_texts(ds):
        if tier != QUOTE:
            (names if tier == NAME else texts)[id_].append(text)
    entries = []
    for table in pages.PAGE_TABLES:
        for record in ds.table(table):
            id_ = str(getattr(record, "id"))  # noqa: B009 — every page table has an id
            titles = [pages.title(ds, id_, lang) for lang in LANGS]
            entries.append([
                f"{table}/{id_.split(':', 1)[1]}.html", id_, table,
                *(t.text if not t.en else "" for t in titles),
                " | ".join(dict.fromkeys([id_, *names[id_]])), " | ".join(texts[id_]),
            ])  # fmt: skip
    body = json.dumps(entries, ensure_ascii=False, separators=(",", ":"))
    return f"window.NKRU_SEARCH = {body};\n"


def static_files() -> dict[str, bytes]:
    """The site's stylesheet and scripts, from the installed package."""
    folder = files("nkru_data.site") / "static"
    return {f"static/{name}": (folder / name).read_bytes()
            for name in ("style.css", "search.js")}  # fmt: skip


__all__ = ["TIMELINE_TABLES", "search_index", "static_files", "write"]
