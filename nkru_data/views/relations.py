"""Relations between records, read across tables: who took part in what and where, who belongs
to which organisation, who claimed what about whom, and which records a source supports.

Each function takes a :class:`~nkru_data.views.lookup.Lookup` and an id; an unknown id raises
:class:`~nkru_data.errors.UnknownRecord` (with the nearest ids), so that a typo is never taken
for "no relations". Results come in a stable order: events by date, then id; everything else in
table order (the tables are sorted by primary key).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, cast

from nkru_data.errors import UnknownRecord
from nkru_data.lang.dates import format_edtf, not_after, time_order
from nkru_data.model.layout import TABLE_BY_NAME
from nkru_data.views.lookup import Lookup, check_lang
from nkru_data.views.referrers import referring

if TYPE_CHECKING:
    from nkru_data.model.records import (
        Affiliation,
        AgreementParty,
        Citation,
        Claim,
        Event,
        Participant,
        Record,
        Statistic,
    )

#: a timeline row: the date as a reader of the language writes it, the event's id, its title
TimelineRow = tuple[str, str, str]


def _kind(id_: str) -> str:
    return id_.partition(":")[0]


def places_within(ds: Lookup, place_id: str) -> list[str]:
    """The places below ``place_id`` (its children, theirs, …), nearest first.

    Follows ``places.parent``; a cycle (which the validator reports) cannot loop it.
    """
    found: list[str] = []
    seen = {place_id}
    frontier = [place_id]
    while frontier:
        nxt = []
        for parent in frontier:
            for place in referring(ds, "places", "parent", parent):
                child = cast("Any", place).id
                if child not in seen:
                    seen.add(child)
                    found.append(child)
                    nxt.append(child)
        frontier = nxt
    return found


def _by_date(events: list[Event]) -> list[Event]:
    """In time order; events whose dates have no bound in time (``XXXX``) last, not first."""

    return sorted(events, key=lambda ev: (time_order(ev.date), ev.id))


def events_involving(ds: Lookup, id_: str, within: bool = True) -> list[Event]:
    """Events in which the record takes part, or that happen at the place, by date.

    For a place, ``within=True`` (the default) rolls up the places below it as well: the events
    of Russia include those at Vladivostok and at Pulkovo Airport. ``within`` changes nothing for
    other records (an organisation's parent does not take part in its events).
    """
    ds.get(id_)
    targets = {id_}
    if within and _kind(id_) == TABLE_BY_NAME["places"].kind:
        targets.update(places_within(ds, id_))
    found: dict[str, Event] = {}
    for target in targets:
        for p in referring(ds, "participants", "entity", target):
            event = cast("Event", ds.get(cast("Participant", p).event))
            found[event.id] = event
        for e in referring(ds, "events", "place", target):
            found[cast("Event", e).id] = cast("Event", e)
    return _by_date(list(found.values()))


def participant_roles(ds: Lookup, id_: str) -> dict[str, list[str]]:
    """Event id → the roles ``id_`` itself has in it (cards print them beside each event)."""
    roles: dict[str, list[str]] = {}
    for p in cast("list[Participant]", referring(ds, "participants", "entity", id_)):
        roles.setdefault(p.event, []).append(str(p.role))
    return roles


def claims_about(ds: Lookup, id_: str) -> dict[str, list[Claim]]:
    """Claims whose subject is ``id_``, grouped by ``property`` (in alphabetical order).

    Each :class:`~nkru_data.model.records.Claim` carries who made it (``claimed_by``) and how it
    stands (``status``): versions that disagree sit side by side under one property.
    """
    ds.get(id_)
    grouped: dict[str, list[Claim]] = {}
    for claim in cast("list[Claim]", referring(ds, "claims", "subject", id_)):
        grouped.setdefault(claim.property, []).append(claim)
    return dict(sorted(grouped.items()))


def claims_by(ds: Lookup, id_: str) -> list[Claim]:
    """Claims that ``id_`` (a person, organisation, source or country) made."""
    ds.get(id_)
    return list(cast("list[Claim]", referring(ds, "claims", "claimed_by", id_)))


def statistics_reported(ds: Lookup, id_: str) -> list[Statistic]:
    """Statistics whose ``reported_by`` is ``id_``."""
    ds.get(id_)
    return list(cast("list[Statistic]", referring(ds, "statistics", "reported_by", id_)))


def affiliations_of(ds: Lookup, id_: str) -> list[Affiliation]:
    """A person's affiliations, or an organisation's (the people in it)."""
    ds.get(id_)
    column = "organization" if _kind(id_) == TABLE_BY_NAME["organizations"].kind else "person"
    return list(cast("list[Affiliation]", referring(ds, "affiliations", column, id_)))


def agreements_of(ds: Lookup, id_: str) -> list[AgreementParty]:
    """The agreement-party rows in which ``id_`` (a country or organisation) is a party."""
    ds.get(id_)
    return list(cast("list[AgreementParty]", referring(ds, "agreement_parties", "party", id_)))


def records_from(ds: Lookup, source_id: str) -> list[Record]:
    """The records a source is cited for (``citations.record``), each once, in id order.

    An id that is not a source raises :class:`~nkru_data.errors.UnknownRecord`: citations point
    only at sources, so any other id would always give an empty list.
    """
    ds.get(source_id)
    if _kind(source_id) != TABLE_BY_NAME["sources"].kind:
        raise UnknownRecord(f"{source_id!r} is not a source (ids of sources start with 'src:')")
    citations = cast("list[Citation]", referring(ds, "citations", "source", source_id))
    cited = dict.fromkeys(c.record for c in citations if c.record in ds)
    return [ds.get(record) for record in sorted(cited)]


def timeline(
    ds: Lookup, id_: str, lang: str = "en", include_affiliates: bool = False
) -> list[TimelineRow]:
    """``(date, event id, title)`` of each event involving ``id_``, in date order, in ``lang``.

    The date is rendered for a reader of ``lang`` (:func:`~nkru_data.lang.dates.format_edtf`),
    the title is the event's label in ``lang`` (English where it has none). A place's timeline
    holds the events below it too (:func:`events_involving`).

    ``include_affiliates=True`` adds, for an organisation, the events of the people affiliated
    with it (``affiliations``), only those that can fall within the affiliation's start and end
    when they are known. Only this direction: an organisation acts through its people, while a
    person's outlets and employers (a journalist writes for seven) would drown their own story.
    For any record other than an organisation the flag changes nothing.
    """
    check_lang(lang, "timelines")
    events = {e.id: e for e in events_involving(ds, id_)}
    if include_affiliates and _kind(id_) == TABLE_BY_NAME["organizations"].kind:
        for aff in ds.affiliations:
            if aff.organization != id_:
                continue
            for event in events_involving(ds, aff.person):
                if not_after(aff.start, event.date) and not_after(event.date, aff.end):
                    events[event.id] = event
    return [
        (format_edtf(e.date, lang), e.id, ds.label(e.id, lang) or e.title)
        for e in _by_date(list(events.values()))
    ]
