"""What each record's page shows, as plain data the templates lay out.

The facts come from the same views as ``nkru-data show`` (:mod:`nkru_data.views.relations`,
the dates, amounts and vocabulary words of :mod:`nkru_data.lang`), so the site never says
anything a card would not. Everything here is computed per record once and per language
cheaply: :func:`record_facts` does the language-free lookups (citations, claims, reverse
links), :func:`record_page` turns them into words of one language. Links are paths from the
site's root (``en/people/kim-chol-sam.html``); the templates prefix them, so the same data
serves a page at any depth and any ``--base-url``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from nkru_data.errors import NkruDataError
from nkru_data.lang.dates import format_edtf, time_order
from nkru_data.lang.i18n import cldr_country_name, format_quantity
from nkru_data.lang.terms import term
from nkru_data.model.layout import TABLE_BY_NAME, TABLES
from nkru_data.model.types import id_kind
from nkru_data.site.words import word
from nkru_data.views import relations as rel
from nkru_data.views.referrers import referring

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset
    from nkru_data.model.records import (
        AgreementParty,
        Citation,
        Claim,
        Event,
        Label,
        Participant,
        Record,
        Source,
        Statistic,
    )

#: the tables that get one page per record, in the order the home page lists them
PAGE_TABLES = ("people", "organizations", "places", "events", "agreements", "statistics",
               "claims", "affiliations", "sources")  # fmt: skip
TABLE_OF_KIND = {t.kind: t.name for t in TABLES if t.kind}
_DATES = {"date", "born", "died", "signed", "published", "period", "start", "end"}
_REFERENCES = {"place", "parent", "publisher", "reported_by", "claimed_by", "subject", "person",
               "organization"}  # fmt: skip
_SHOWN_ELSEWHERE = {"id", "name", "title", "label", "description", "value", "low", "high",
                    "unit", "qualifier"}  # fmt: skip


@dataclass(frozen=True)
class Item:
    """A piece of text on a page: ``en`` when English stands in for a missing translation,
    ``href`` (from the site's root) when it names a record with a page."""

    text: str
    en: bool = False
    href: str | None = None


class Quotes:
    """Each quote's few words of context, from the archived source texts when the build has
    them (``seeds``: the folder of ``seeds/`` paths; ``None`` or a missing file: no context,
    the quote alone). Texts are read once each, bounded, as validation reads them."""

    def __init__(self, ds: Dataset, seeds: Path | None) -> None:
        from nkru_data.model.layout import SEEDS_PREFIX
        from nkru_data.store.safety import inside

        self._files: dict[str, Path] = {}
        if seeds is None or not seeds.is_dir():
            return
        for source in ds.sources:
            if source.seed and source.seed.startswith(SEEDS_PREFIX):
                try:
                    found = inside(seeds, source.seed[len(SEEDS_PREFIX) :])
                except NkruDataError:
                    continue
                if found.is_file():
                    self._files[source.id] = found

    def around(self, citation: Citation) -> tuple[str, str]:
        """The archived text before and after the citation's quote (``("", "")``: none)."""
        from nkru_data.store.archive import anchor_of, archived_text, context_of

        path = self._files.get(citation.source)
        if path is None or not citation.quote:
            return "", ""
        try:
            text = archived_text(path)
        except NkruDataError:
            return "", ""
        found = anchor_of(citation.quote, text, citation.start, citation.end)
        return context_of(text, *found) if found else ("", "")


@dataclass
class Facts:
    """The language-free lookups behind one record's page, done once for all three."""

    record: Record
    citations: list[tuple[Citation, Source]]
    claims_about: dict[str, list[Claim]]
    claims_by: list[Claim]
    events: list[Event]
    roles: dict[str, list[str]]
    statistics: list[Statistic]
    labels: list[Label] = field(default_factory=list)
    cited_for: list[Record] = field(default_factory=list)


def path(id_: str, lang: str) -> str | None:
    """The page of record ``id_`` in ``lang``, from the site's root (``None``: no page)."""
    table = TABLE_OF_KIND.get(id_kind(id_))
    if table not in PAGE_TABLES:
        return None
    return f"{lang}/{table}/{id_.split(':', 1)[1]}.html"


def text(ds: Dataset, id_: str, lang: str, field: str = "name") -> Item:
    """A record's label in ``lang``; English marked ``en`` where no label in ``lang`` exists."""
    if id_ not in ds:
        return Item(id_)
    shown = ds.label(id_, lang, field, fallback=False)
    if shown is None and lang != "en":
        english = ds.label(id_, "en", field)
        return Item(english, en=True) if english else Item("")
    return Item(shown or "")


def title(ds: Dataset, id_: str, lang: str) -> Item:
    """What a page or a link calls a record: its name or title; a claim by its subject and
    property, an affiliation by its person and organisation (records with no name of their
    own, named by what the dataset holds about them)."""
    kind = id_kind(id_)
    if id_ in ds and kind in ("claim", "aff"):
        record: Any = ds.get(id_)
        if kind == "claim":
            subject, prop = text(ds, record.subject, lang), vocab(record.property, lang)
            return Item(f"{subject.text} — {prop.text}", en=subject.en or prop.en)
        person, org = text(ds, record.person, lang), text(ds, record.organization, lang)
        return Item(f"{person.text} — {org.text}", en=person.en or org.en)
    return text(ds, id_, lang)


def link(ds: Dataset, id_: str, lang: str) -> Item:
    """A record's title, linked to its page."""
    shown = title(ds, id_, lang)
    return Item(shown.text or id_, shown.en, path(id_, lang))


def vocab(value: str, lang: str) -> Item:
    """A vocabulary word in ``lang``, marked ``en`` where the vocabulary has no translation
    (a claim's property is free English text more often than a vocabulary word)."""
    shown = term(value, lang)
    return Item(shown, en=lang != "en" and shown == value.replace("-", " ") and shown.isascii())


def free(value: str, lang: str) -> Item:
    """Free English text the dataset holds in English only (a note, an occupation)."""
    return Item(value, en=lang != "en" and value.isascii())


def labels_by_entity(ds: Dataset) -> dict[str, list[Label]]:
    """Every label, by the record it names (one pass over the labels table)."""
    index: dict[str, list[Label]] = defaultdict(list)
    for label in ds.labels:
        index[label.entity].append(label)
    return index


def record_facts(ds: Dataset, id_: str, labels: dict[str, list[Label]]) -> Facts:
    """The lookups behind one record's page."""
    kind = id_kind(id_)
    events = [] if kind in ("event", "src", "claim", "aff", "stat") else rel.events_involving(
        ds, id_)  # fmt: skip
    return Facts(
        record=ds.get(id_),
        citations=ds.citations(id_),
        claims_about=ds.claims_about(id_),
        claims_by=ds.claims_by(id_),
        events=sorted(events, key=lambda e: (time_order(e.date), e.id)),
        roles=rel.participant_roles(ds, id_),
        statistics=rel.statistics_reported(ds, id_),
        labels=labels.get(id_, []),
        cited_for=ds.records_from(id_) if kind == "src" else [],
    )


def caption(name: str, lang: str) -> str:
    """A field's name as a caption: the chrome's word, or the vocabulary's, capitalised (the
    vocabulary writes its words as they stand mid-sentence)."""
    shown = word(name.replace("_", " "), lang)
    return shown[:1].upper() + shown[1:]


def value_items(ds: Dataset, name: str, value: object, lang: str) -> list[Item]:
    """One field's value in ``lang``, as the pieces a page shows (several for a list)."""
    if value is None or value == () or value == "":
        return []
    if name in _DATES:
        return [Item(format_edtf(str(value), lang))]
    if name in ("country", "nationality"):
        codes = value if isinstance(value, tuple) else (value,)
        return [Item(cldr_country_name(str(c), lang) or str(c)) for c in codes]
    if name == "authors" and isinstance(value, tuple):
        return [link(ds, str(a), lang) for a in value]
    if name in _REFERENCES:
        return [link(ds, str(value), lang)]
    if isinstance(value, bool):
        return [Item(word("yes" if value else "no", lang))]
    if isinstance(value, Enum):
        return [Item(term(str(value.value), lang))]
    if isinstance(value, float | int):
        return [Item(str(value))]
    return [free(str(value), lang)]


def amount(stat: Statistic, lang: str) -> str:
    """A statistic's amount in ``lang`` (qualifier, value or range, unit), or ``—``."""
    qualifier = stat.qualifier.value if stat.qualifier else None
    shown = format_quantity(stat.value, stat.unit.value, lang, qualifier, stat.low, stat.high)
    return shown or "—"


def record_page(ds: Dataset, facts: Facts, lang: str, quotes: Quotes | None = None
                ) -> dict[str, Any]:  # fmt: skip
    """Everything one record's page shows in ``lang``."""
    record: Any = facts.record
    id_ = record.id
    data = record.model_dump()
    table = TABLE_OF_KIND[id_kind(id_)]
    kind_value = getattr(data.get("kind"), "value", None)
    rows: list[tuple[str, list[Item]]] = [(word("kind", lang), [Item(
        term(kind_value, lang) if kind_value else word(table, lang))])]  # fmt: skip
    if table == "statistics":
        rows.append((word("value", lang), [Item(amount(record, lang))]))
    for name, value in data.items():
        if name in _SHOWN_ELSEWHERE or name == "kind":
            continue
        items = value_items(ds, name, value, lang)
        if items:
            rows.append((caption(name, lang), items))
    if table == "claims":
        rows.insert(1, (word("value", lang), [free(record.value, lang)]))
    description = text(ds, id_, lang, "description") if "description" in data else Item("")
    return {
        "id": id_,
        "table": table,
        "title": title(ds, id_, lang),
        "pseudonym": table == "people" and bool(record.pseudonym),
        "rows": rows,
        "description": description,
        "labels": [_label_row(label, lang) for label in facts.labels],
        "citations": [_citation(ds, c, s, lang, quotes) for c, s in facts.citations],
        "claims_about": [
            (vocab(prop, lang), [_claim(ds, c, lang, c.claimed_by) for c in claims])
            for prop, claims in sorted(facts.claims_about.items())
        ],
        "sections": _sections(ds, facts, lang),
    }


def _label_row(label: Label, lang: str) -> dict[str, Any]:
    return {
        "field": word(label.field.value, lang),
        "lang": label.lang.value,
        "value": label.value,
        "origin": word(f"origin:{label.origin.value}", lang),
        "reviewed": bool(label.reviewed),
    }


def _citation(ds: Dataset, citation: Citation, source: Source, lang: str,
              quotes: Quotes | None) -> dict[str, Any]:  # fmt: skip
    fields = [caption(f, lang) for f in citation.fields]
    before, after = quotes.around(citation) if quotes else ("", "")
    return {
        "quote": citation.quote,
        "before": before,
        "after": after,
        "quote_lang": str(getattr(source.language, "value", source.language) or ""),
        "fields": fields or [word("whole record", lang)],
        "source": link(ds, source.id, lang),
        "locator": citation.locator,
        "note": free(citation.note, lang) if citation.note else None,
        "editorial": source.kind.value == "editorial",
    }


def _claim(ds: Dataset, claim: Claim, lang: str, other: str | None) -> dict[str, Any]:
    """A claim as a row: its value, who made it (or whom it is about), its status."""
    return {
        "value": Item(claim.value, lang != "en" and claim.value.isascii(), path(claim.id, lang)),
        "who": link(ds, other, lang) if other else Item("—"),
        "status": term(claim.status.value, lang) if claim.status else "—",
    }


def _sections(ds: Dataset, facts: Facts, lang: str) -> list[tuple[str, list[list[Item]]]]:
    """The reverse links: who took part, events in time order, affiliations, agreements,
    claims the record made, statistics it reported, records citing a source."""
    id_ = cast("Any", facts.record).id
    out: list[tuple[str, list[list[Item]]]] = []
    taking_part = cast("list[Participant]", referring(ds, "participants", "event", id_))
    people = [[Item(term(p.role.value, lang)), link(ds, p.entity, lang)] for p in taking_part]
    parties = [[Item(term(p.role.value if p.role else "party", lang)), link(ds, p.party, lang)]
               for p in cast("list[AgreementParty]",
                             referring(ds, "agreement_parties", "agreement", id_))]  # fmt: skip
    events = []
    for event in facts.events:
        roles = [Item(term(r, lang)) for r in facts.roles.get(event.id, ())]
        events.append([Item(format_edtf(event.date, lang)), link(ds, event.id, lang), *roles])
    affiliations = []
    for aff in rel.affiliations_of(ds, id_) if id_kind(id_) in ("person", "org") else []:
        other = aff.organization if aff.person == id_ else aff.person
        when = [Item(format_edtf(f"{aff.start or '..'}/{aff.end or '..'}", lang))] if (
            aff.start or aff.end) else []  # fmt: skip
        role = Item(term(aff.role.value, lang, "affiliation-role"), href=path(aff.id, lang))
        affiliations.append([link(ds, other, lang), role, *when])
    agreements = [[Item(term(p.role.value if p.role else "party", lang)),
                   link(ds, p.agreement, lang)] for p in rel.agreements_of(ds, id_)]  # fmt: skip
    claims = [[link(ds, c.subject, lang), _claim(ds, c, lang, None)["value"],
               Item(term(c.status.value, lang) if c.status else "—")]
              for c in facts.claims_by]  # fmt: skip
    stats = [[link(ds, s.id, lang), Item(amount(s, lang)),
              Item(format_edtf(s.period, lang) if s.period else "")]
             for s in facts.statistics]  # fmt: skip
    cited = [[Item(word(TABLE_OF_KIND[id_kind(r.id)], lang)), link(ds, r.id, lang)]  # type: ignore[attr-defined]
             for r in facts.cited_for]  # fmt: skip
    is_org = id_kind(id_) == "org"
    for caption, rows in (("participants", people), ("parties", parties), ("events", events),
                          ("affiliated people" if is_org else "affiliations", affiliations),
                          ("agreements", agreements), ("claims made", claims),
                          ("statistics reported", stats), ("cited for", cited)):  # fmt: skip
        if rows:
            out.append((word(caption, lang), rows))
    return out


def list_rows(ds: Dataset, table: str, lang: str) -> list[tuple[Item, str]]:
    """A table's records as (link, id), sorted by what the reader sees (then by id)."""
    records = cast("tuple[Any, ...]", ds.table(table))
    rows = [(link(ds, r.id, lang), str(r.id)) for r in records]
    return sorted(rows, key=lambda row: (row[0].text.casefold(), row[1]))


__all__ = ["PAGE_TABLES", "TABLE_BY_NAME", "Item", "link", "list_rows", "path", "record_facts",
           "record_page", "title"]  # fmt: skip
