"""Listing one table in one language: ``events``, ``claims``, ``stats``, ``sources``.

Each command filters the typed records, sorts them by date where they have one (EDTF, by the
earliest then latest day the date may stand for), and hands rows to the shared renderer. Rows
carry the raw values a program wants (ids, EDTF, vocabulary values, numbers) beside the text a
reader wants in ``--lang`` (names and titles from the labels, dates written out); the table
view shows the latter.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from nkru_data.cli.app import Lang, LangOpt, Output, OutputOpt, PathOpt, app, friendly
from nkru_data.cli.render import Column, Row, Section, emit, localized
from nkru_data.errors import NkruDataError, UnknownRecord
from nkru_data.lang.dates import time_order
from nkru_data.model.enums import ClaimStatus, EventKind, SourceKind, Topic
from nkru_data.views.search import fold

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset


def _year(flag: str, help: str) -> Any:
    """A year option: 1 to 9999, the years a ``datetime.date`` can hold."""
    return typer.Option(None, flag, min=1, max=9999, metavar="YEAR", help=help)


def _choices(what: str, vocabulary: type[Enum]) -> str:
    return f"{what}: {', '.join(str(member.value) for member in vocabulary)}."


def _when(edtf: str | None, lang: str) -> str | None:
    from nkru_data.lang.dates import format_edtf

    return format_edtf(edtf, lang) if edtf else None


def _term(key: str, lang: str) -> Callable[[Row], str]:
    """A table cell showing a vocabulary value in ``lang`` (``arrest`` → ``арест``)."""
    from nkru_data.lang.terms import term

    return lambda row: term(str(row[key]), lang) if row.get(key) else ""


def _within(since: int | None, until: int | None) -> Callable[[str], bool]:
    """Whether an EDTF date may fall in ``since``..``until``: an interval that reaches into the
    years counts, an open end reaches on; a date whose year is unknown (``XXXX``) never does."""
    from nkru_data.lang.dates import parse

    if since is not None and until is not None and since > until:
        raise NkruDataError(f"--since {since} is after --until {until}", code="usage")

    def test(edtf: str) -> bool:
        if since is None and until is None:
            return True
        if "XXXX" in edtf:
            return False
        value = parse(edtf)
        if since is not None and value.upper is not None and value.upper < date(since, 1, 1):
            return False
        return not (until is not None and value.lower is not None
                    and value.lower > date(until, 12, 31))  # fmt: skip

    return test


def _places_inside(ds: Dataset, place: str) -> set[str]:
    """The place and every place whose chain of parents leads to it."""
    if not place.startswith("place:"):
        raise NkruDataError(f"--place takes a place id (place:…), not {place!r}", code="usage")
    _known(ds, "--place", place)
    parent = {p.id: p.parent for p in ds.places}
    inside = set()
    for start in parent:
        seen: set[str] = set()
        node: str | None = start
        while node and node not in seen:
            if node == place:
                inside.add(start)
                break
            seen.add(node)
            node = parent.get(node)
    return inside


def _known(ds: Dataset, flag: str, id_: str | None) -> None:
    """An id given to a filter must name a record: a typo is an error, not an empty list."""
    if id_ is None:
        return
    try:
        ds.get(id_)
    except UnknownRecord as exc:  # its message may suggest the id meant
        raise UnknownRecord(f"{flag}: {exc}") from None


def _load(path: Path | None) -> Dataset:
    from nkru_data.dataset import load

    return load(path)


def _show(
    title: str, columns: list[Column], rows: list[Row], keys: tuple[str, ...], format: Output
) -> None:
    emit(format, Section(f"{title} ({len(rows)})", columns, rows, keys))


EVENT_KEYS = ("id", "date", "when", "kind", "title", "place", "place_name", "certainty")


@app.command()
@friendly
def events(
    kind: EventKind | None = typer.Option(
        None, "--kind", "-k", metavar="KIND", help=_choices("Only events of this kind", EventKind)
    ),
    place: str | None = typer.Option(
        None, "--place", help="Only events at this place or inside it (e.g. place:russia)."
    ),
    since: int | None = _year("--since", "Only events that may fall in YEAR or later."),
    until: int | None = _year("--until", "Only events that may fall in YEAR or earlier."),
    lang: Lang = LangOpt,
    format: Output = OutputOpt,
    path: Path | None = PathOpt,
) -> None:
    """List events in date order, with titles and dates in one language.

    --since/--until keep an event whose date may fall in those years: an interval that
    reaches into them counts, and so does an open end (2017/..); an event whose year is
    unknown (XXXX) is left out. --place counts the places inside it (by their parent).
    """
    ds = _load(path)
    inside = _places_inside(ds, place) if place else None
    keep = _within(since, until)
    rows: list[Row] = [
        {"id": e.id, "date": e.date, "when": _when(e.date, lang.value), "kind": str(e.kind),
         "title": localized(ds, e.id, lang.value), "place": e.place,
         "place_name": localized(ds, e.place, lang.value),
         "certainty": str(e.certainty) if e.certainty else None}
        for e in sorted(ds.events, key=lambda e: (time_order(e.date), e.id))
        if (kind is None or e.kind == kind) and keep(e.date)
        and (inside is None or e.place in inside)
    ]  # fmt: skip
    columns = [
        Column("when", "date"),
        Column("title"),
        Column("kind", show=_term("kind", lang.value)),
        Column("place_name", "place"),
        Column("id"),
    ]
    _show("Events", columns, rows, EVENT_KEYS, format)


CLAIM_KEYS = (
    "id", "subject", "subject_name", "property", "value", "claimed_by", "claimed_by_name",
    "status", "description",
)  # fmt: skip


@app.command()
@friendly
def claims(
    subject: str | None = typer.Option(
        None, "--subject", "-s", help="Only claims about this record (any id)."
    ),
    status: ClaimStatus | None = typer.Option(
        None, "--status", metavar="STATUS", help=_choices("Only claims so judged", ClaimStatus)
    ),
    by: str | None = typer.Option(
        None, "--by", help="Only claims made by this person, organisation, source or country."
    ),
    lang: Lang = LangOpt,
    format: Output = OutputOpt,
    path: Path | None = PathOpt,
) -> None:
    """List claims (attributed or contested assertions): about what, by whom, how judged.

    Claims carry no date; they are listed by id.
    """
    ds = _load(path)
    _known(ds, "--subject", subject)
    _known(ds, "--by", by)
    rows: list[Row] = [
        {"id": c.id, "subject": c.subject, "subject_name": localized(ds, c.subject, lang.value),
         "property": c.property, "value": c.value, "claimed_by": c.claimed_by,
         "claimed_by_name": localized(ds, c.claimed_by, lang.value),
         "status": str(c.status) if c.status else None,
         "description": localized(ds, c.id, lang.value, "description")}
        for c in sorted(ds.claims, key=lambda c: c.id)
        if (subject is None or c.subject == subject) and (status is None or c.status == status)
        and (by is None or c.claimed_by == by)
    ]  # fmt: skip
    columns = [
        Column("subject_name", "about"),
        Column("description", "claim"),
        Column("claimed_by_name", "by"),
        Column("status", show=_term("status", lang.value)),
        Column("id"),
    ]
    _show("Claims", columns, rows, CLAIM_KEYS, format)


STAT_KEYS = (
    "id", "period", "when", "topic", "indicator", "label", "amount", "value", "low", "high", "unit",
    "qualifier", "place", "place_name", "reported_by", "reported_by_name",
)  # fmt: skip


def _topic(text: str) -> str:
    """Text compared case- and accent-insensitively, ``-`` and ``_`` read as spaces."""
    return " ".join(fold(text).replace("-", " ").replace("_", " ").split())


@app.command()
@friendly
def stats(
    topic: Topic | None = typer.Option(
        None, "--topic", "-t", help="Only statistics on this topic."
    ),
    indicator: str | None = typer.Option(
        None,
        "--indicator",
        help="Only statistics whose indicator contains this text (case-insensitive; '-' and"
        " ' ' alike), e.g. workers-in-russia.",
    ),
    lang: Lang = LangOpt,
    format: Output = OutputOpt,
    path: Path | None = PathOpt,
) -> None:
    """List statistics (reported numbers) by period, with the amount written in one language."""
    from nkru_data.lang.i18n import format_quantity

    ds = _load(path)
    needle = _topic(indicator) if indicator is not None else None
    if needle == "":
        raise NkruDataError("--indicator needs some text", code="usage")
    rows: list[Row] = [
        {"id": s.id, "period": s.period, "when": _when(s.period, lang.value),
         "topic": str(s.topic), "indicator": s.indicator, "label": localized(ds, s.id, lang.value),
         "amount": format_quantity(s.value, str(s.unit), lang.value,
                                   str(s.qualifier) if s.qualifier else None, s.low, s.high),
         "value": s.value, "low": s.low, "high": s.high, "unit": str(s.unit),
         "qualifier": str(s.qualifier) if s.qualifier else None, "place": s.place,
         "place_name": localized(ds, s.place, lang.value), "reported_by": s.reported_by,
         "reported_by_name": localized(ds, s.reported_by, lang.value)}
        for s in sorted(ds.statistics, key=lambda s: (time_order(s.period), s.id))
        if (needle is None or needle in _topic(s.indicator))
        and (topic is None or s.topic.value == topic.value)
    ]  # fmt: skip
    columns = [
        Column("when", "period"),
        Column("label", "statistic"),
        Column("amount", right=True),
        Column("reported_by_name", "reported by"),
        Column("id"),
    ]
    _show("Statistics", columns, rows, STAT_KEYS, format)


SOURCE_KEYS = (
    "id", "published", "when", "kind", "title", "publisher", "publisher_name", "authors",
    "language", "url", "archived",
)  # fmt: skip


@app.command()
@friendly
def sources(
    kind: SourceKind | None = typer.Option(
        None, "--kind", "-k", metavar="KIND", help=_choices("Only sources of this kind", SourceKind)
    ),
    lang: Lang = LangOpt,
    format: Output = OutputOpt,
    path: Path | None = PathOpt,
) -> None:
    """List the sources (seed articles and the documents they cite) by publication date.

    "archived" says whether the text is archived under seeds/, so its quotes can be checked.
    """
    ds = _load(path)
    rows: list[Row] = [
        {"id": s.id, "published": s.published, "when": _when(s.published, lang.value),
         "kind": str(s.kind), "title": localized(ds, s.id, lang.value), "publisher": s.publisher,
         "publisher_name": localized(ds, s.publisher, lang.value), "authors": list(s.authors),
         "language": s.language, "url": s.url, "archived": s.seed is not None}
        for s in sorted(ds.sources, key=lambda s: (time_order(s.published), s.id))
        if kind is None or s.kind == kind
    ]  # fmt: skip
    columns = [
        Column("when", "published"),
        Column("title"),
        Column("publisher_name", "publisher"),
        Column("kind", show=_term("kind", lang.value)),
        Column("id"),
    ]
    _show("Sources", columns, rows, SOURCE_KEYS, format)
