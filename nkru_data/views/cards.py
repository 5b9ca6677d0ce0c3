"""Record cards: one record rendered whole in one language.

Name, kind, dates, place, description, participants or parties with their roles; then what
points at the record from other tables — the events it takes part in (for a place, those at it
and at every place below it) in date order, its affiliations (a person's organisations, an
organisation's people) with roles and dates, the agreements it is party to, the claims about it
(grouped by property) and those it made, the statistics it reported — and last its citations
(source title, publisher, date, quote). Where a label is missing in the language asked for, the
English text is shown with a visible ``[en]`` mark.
"""

from __future__ import annotations

from enum import Enum
from typing import TYPE_CHECKING, cast

from nkru_data.lang.dates import format_edtf
from nkru_data.lang.i18n import cldr_country_name, format_quantity
from nkru_data.lang.terms import term
from nkru_data.model.types import id_kind
from nkru_data.views import relations as rel
from nkru_data.views.lookup import Lookup, check_lang

if TYPE_CHECKING:
    from nkru_data.model.records import Statistic

FALLBACK = " [en]"
_SKIP = {"id", "name", "title", "label", "description", "value", "low", "high", "unit",
         "qualifier", "indicator"}  # fmt: skip
_REFERENCES = {"place", "parent", "publisher", "reported_by", "claimed_by", "subject", "person",
               "organization"}  # fmt: skip


def _label(ds: Lookup, id_: str, lang: str, field: str = "name") -> str:
    """A label in ``lang``, or the English one marked as a fallback."""
    if id_ not in ds:
        return id_
    text = ds.label(id_, lang, field)
    if text is None:
        return ""
    if lang != "en" and text == ds.label(id_, "en", field):
        return text + FALLBACK
    return text


def _named(ds: Lookup, id_: str, lang: str) -> str:
    """A record's label, or its id where it has no name (a claim, an affiliation)."""
    return _label(ds, id_, lang) or id_


def _value(ds: Lookup, name: str, value: object, lang: str) -> str:
    if value is None or value == () or value == "":
        return ""
    if name in ("date", "born", "died", "signed", "published", "period", "start", "end"):
        return format_edtf(str(value), lang)
    if name in ("country", "nationality"):
        codes = value if isinstance(value, tuple) else (value,)
        return ", ".join(cldr_country_name(str(c), lang) or str(c) for c in codes)
    if name == "authors" and isinstance(value, tuple):
        return ", ".join(_label(ds, str(a), lang) for a in value)
    if name in _REFERENCES:
        return _label(ds, str(value), lang)
    if isinstance(value, bool):
        return {"en": ("yes", "no"), "ru": ("да", "нет"), "ko": ("예", "아니요")}[lang][not value]
    if isinstance(value, Enum):
        return term(str(value.value), lang)
    text = str(value)  # free English text (a note, an occupation): marked outside English
    return text + FALLBACK if lang != "en" and text.isascii() else text


def describe(ds: Lookup, id_: str, lang: str = "en") -> str:
    """The whole record ``id_`` as text in ``lang`` (en, ru or ko)."""
    check_lang(lang, "cards")
    record = ds.get(id_)
    data = record.model_dump()
    kind = term(str(getattr(data.get("kind"), "value", id_kind(id_))), lang)
    title = _label(ds, id_, lang) or id_
    lines = [f"{title} ({kind})", f"  id: {id_}"]
    if "unit" in data:
        lines.append(f"  {term('value', lang)}: {_amount(cast('Statistic', record), lang) or '—'}")
    for name, value in data.items():
        if name in _SKIP or name == "kind":
            continue
        shown = _value(ds, name, value, lang)
        if shown:
            lines.append(f"  {term(name.replace('_', ' '), lang)}: {shown}")
    description = _label(ds, id_, lang, "description")
    if description:
        lines.append(f"  {term('description', lang)}: {description}")
    lines += _relations(ds, id_, lang)
    lines += _reverse_links(ds, id_, lang)
    cites = ds.citations(id_)
    if cites:
        lines.append(f"  {term('citations', lang)}:")
        for citation, source in cites:
            parts = [_label(ds, source.id, lang)]
            if source.publisher:
                parts.append(_label(ds, source.publisher, lang))
            if source.published:
                parts.append(format_edtf(source.published, lang))
            lines.append(f"    - {', '.join(parts)}: “{citation.quote}”")
    return "\n".join(lines)


def _relations(ds: Lookup, id_: str, lang: str) -> list[str]:
    lines: list[str] = []
    people = [(p.entity, str(p.role)) for p in ds.participants if p.event == id_]
    parties = [
        (p.party, str(p.role or "party")) for p in ds.agreement_parties if p.agreement == id_
    ]
    for caption, rows in (("participants", people), ("parties", parties)):
        if rows:
            lines.append(f"  {term(caption, lang)}:")
            lines += [f"    - {term(role, lang)}: {_label(ds, e, lang)}" for e, role in rows]
    return lines


def _amount(stat: Statistic, lang: str) -> str | None:
    """A statistic's amount in ``lang`` (qualifier, value or range, unit)."""
    qualifier = stat.qualifier.value if stat.qualifier else None
    return format_quantity(stat.value, stat.unit.value, lang, qualifier, stat.low, stat.high)


def _period(start: str | None, end: str | None, lang: str) -> str:
    """``start``–``end`` (either may be unknown) as a reader of ``lang`` writes it, or ``""``."""
    if start and end:
        return format_edtf(f"{start}/{end}", lang)
    if start or end:
        return format_edtf(f"{start}/.." if start else f"../{end}", lang)
    return ""


def _section(caption: str, rows: list[str], lang: str) -> list[str]:
    return [f"  {term(caption, lang)}:", *(f"    - {row}" for row in rows)] if rows else []


def _reverse_links(ds: Lookup, id_: str, lang: str) -> list[str]:
    """What other tables say about the record: events, affiliations, agreements, claims, stats."""
    lines: list[str] = []
    if id_kind(id_) != "event":  # an event's own people are its participants, listed above
        roles = rel.participant_roles(ds, id_)
        rows = []
        for event in rel.events_involving(ds, id_):
            notes = [term(role, lang) for role in roles.get(event.id, ())]
            if event.place and event.place != id_ and event.id not in roles:
                notes.append(_label(ds, event.place, lang))  # rolled up from a place below
            note = f" ({', '.join(notes)})" if notes else ""
            rows.append(f"{format_edtf(event.date, lang)}: {_label(ds, event.id, lang)}{note}")
        lines += _section("events", rows, lang)
    affiliations = rel.affiliations_of(ds, id_)
    rows = []
    for aff in affiliations:
        other = aff.organization if aff.person == id_ else aff.person
        when = _period(aff.start, aff.end, lang)
        role = term(aff.role.value, lang, "affiliation-role")
        rows.append(f"{_label(ds, other, lang)}: {role}" + (f", {when}" if when else ""))
    people = any(aff.organization == id_ for aff in affiliations)
    lines += _section("affiliated people" if people else "affiliations", rows, lang)
    rows = [
        f"{term(str(p.role or 'party'), lang)}: {_label(ds, p.agreement, lang)}"
        for p in rel.agreements_of(ds, id_)
    ]
    lines += _section("agreements", rows, lang)
    rows = []
    for claims in rel.claims_about(ds, id_).values():
        for claim in claims:
            who = _named(ds, claim.claimed_by, lang) if claim.claimed_by else "?"
            rows.append(f"{who}: {_claim(ds, claim.id, claim.status, lang)}")
    lines += _section("claims", rows, lang)
    rows = [
        f"{_named(ds, c.subject, lang)}: {_claim(ds, c.id, c.status, lang)}"
        for c in rel.claims_by(ds, id_)
    ]
    lines += _section("claims made", rows, lang)
    rows = []
    for stat in rel.statistics_reported(ds, id_):
        parts = [_amount(stat, lang) or "—"]
        if stat.period:
            parts.append(format_edtf(stat.period, lang))
        rows.append(f"{_label(ds, stat.id, lang)}: {', '.join(parts)}")
    lines += _section("statistics reported", rows, lang)
    return lines


def _claim(ds: Lookup, claim_id: str, status: object, lang: str) -> str:
    """A claim's description in ``lang``, with its status in brackets."""
    shown = f" [{term(str(status), lang)}]" if status else ""
    return f"{_label(ds, claim_id, lang, 'description')}{shown}"
