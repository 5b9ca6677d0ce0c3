"""Record cards: one record rendered whole in one language.

Name, kind, dates, place, description, participants or parties with their roles, claims about
it, and its citations (source title, publisher, date, quote). Where a label is missing in the
language asked for, the English text is shown with a visible ``[en]`` mark.
"""

from __future__ import annotations

from enum import Enum

from nkru_data.errors import UnknownLanguage
from nkru_data.lang.dates import format_edtf
from nkru_data.lang.i18n import cldr_country_name, format_quantity
from nkru_data.lang.terms import term
from nkru_data.model.types import id_kind
from nkru_data.views.lookup import Lookup

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
    if lang not in ("en", "ru", "ko"):
        raise UnknownLanguage(f"no cards in {str(lang)[:40]!r}; use en, ru or ko")
    record = ds.get(id_)
    data = record.model_dump()
    kind = term(str(getattr(data.get("kind"), "value", id_kind(id_))), lang)
    title = _label(ds, id_, lang) or id_
    lines = [f"{title} ({kind})", f"  id: {id_}"]
    if "unit" in data:
        amount = format_quantity(
            data["value"], str(data["unit"].value), lang,
            data["qualifier"].value if data.get("qualifier") else None, data["low"], data["high"],
        )  # fmt: skip
        lines.append(f"  {term('value', lang)}: {amount or '—'}")
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
    claims = [c for c in ds.claims if c.subject == id_]
    if claims:
        lines.append(f"  {term('claims', lang)}:")
        for claim in claims:
            who = _label(ds, claim.claimed_by, lang) if claim.claimed_by else "?"
            status = f" [{term(str(claim.status), lang)}]" if claim.status else ""
            lines.append(f"    - {who}: {_label(ds, claim.id, lang, 'description')}{status}")
    return lines
