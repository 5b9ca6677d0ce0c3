"""Pydantic v2 models: one per table, the single source of truth for the structure.

The Table Schemas in ``datapackage.json`` and ``schemas/*.schema.json`` are generated from these
models (:mod:`nkru_data.schema`). Models are frozen, forbid unknown fields and defer building
their validators until first use, so that importing them stays cheap.
"""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from nkru_data.lang.dates import not_after
from nkru_data.model import enums as e
from nkru_data.model.types import (
    AffiliationId,
    AgreementId,
    Boolean,
    ClaimId,
    Country,
    CountryList,
    Edtf,
    EventId,
    FieldList,
    Id,
    Language,
    Latitude,
    Longitude,
    Number,
    Offset,
    OrgId,
    PartyId,
    PersonId,
    PersonIdList,
    PlaceId,
    ReporterId,
    Sha256,
    SourceId,
    StatId,
    Text,
)


class Record(BaseModel):
    """Base of every row model: frozen, strict about unknown columns, empty cell = ``None``."""

    model_config = ConfigDict(extra="forbid", frozen=True, defer_build=True)

    @model_validator(mode="before")
    @classmethod
    def _empty_is_none(cls, data: Any) -> Any:
        if isinstance(data, dict):
            return {k: (None if v == "" else v) for k, v in data.items()}
        return data


R = TypeVar("R", bound=Record)


def _in_order(record: R, first: str, second: str) -> R:
    """Two EDTF fields must not be out of order (unknown ends are never out of order)."""
    a, b = getattr(record, first), getattr(record, second)
    if not not_after(a, b):
        raise ValueError(f"{first} {a} is after {second} {b}")
    return record


class Source(Record):
    """A document: a seed article, or an article/report a seed cites."""

    id: SourceId
    kind: e.SourceKind
    title: Text
    publisher: OrgId | None = None
    authors: PersonIdList = ()
    published: Edtf | None = None
    language: Language | None = None
    url: Text | None = None
    seed: Text | None = Field(None, description="path of the archived text under seeds/")
    sha256: Sha256 | None = Field(
        None, description="SHA-256 of the archived text's bytes (written by nkru-data anchor)"
    )
    note: Text | None = None


class Person(Record):
    """A person named in a source; pseudonymous people are never linked to a real identity."""

    id: PersonId
    name: Text
    pseudonym: Boolean | None = Field(
        None, description="true: the name is a pseudonym the source uses; false: the source (or"
        " general knowledge) shows it is the real name; empty: not known",
    )  # fmt: skip
    gender: e.Gender | None = None
    born: Edtf | None = None
    died: Edtf | None = None
    nationality: CountryList = ()
    occupation: Text | None = None
    description: Text

    @model_validator(mode="after")
    def _born_before_died(self) -> Person:
        return _in_order(self, "born", "died")


class Organization(Record):
    """An NGO, agency, court, mission, company, outlet..."""

    id: OrgId
    name: Text
    abbreviation: Text | None = None
    kind: e.OrgKind
    country: Country | None = None
    parent: OrgId | None = None
    description: Text


class Place(Record):
    """A country, region, settlement, river, border, airport or building."""

    id: PlaceId
    name: Text
    kind: e.PlaceKind
    country: CountryList = Field(
        (), description="ISO 3166-1 alpha-2 codes; a border or river may lie in several"
    )
    parent: PlaceId | None = None
    lat: Latitude | None = None
    lon: Longitude | None = None
    description: Text

    @model_validator(mode="after")
    def _both_coordinates(self) -> Place:
        if (self.lat is None) != (self.lon is None):
            raise ValueError("lat and lon go together: give both or neither")
        return self


class Event(Record):
    """One dated step of a story: a crossing, an arrest, a signing, a vote..."""

    id: EventId
    kind: e.EventKind
    title: Text
    date: Edtf
    place: PlaceId | None = None
    certainty: e.Certainty | None = None
    description: Text


class Participant(Record):
    """Who took part in an event, and as what."""

    event: EventId
    entity: Id
    role: e.ParticipantRole


class Agreement(Record):
    """A treaty, agreement, UN resolution or convention, joint venture..."""

    id: AgreementId
    kind: e.AgreementKind
    title: Text
    signed: Edtf | None = None
    status: e.AgreementStatus | None = None
    description: Text
    unnamed_parties: Text | None = Field(
        None,
        description="Why agreement_parties.csv names no party: what the source leaves out. Every"
        " other agreement has its parties.",
    )


class AgreementParty(Record):
    """A country (place) or organisation party to an agreement."""

    agreement: AgreementId
    party: PartyId
    role: e.PartyRole | None = None


class Statistic(Record):
    """A reported number with its unit, qualifier, period and reporter.

    A source may give an amount only in words ("millions", "dozens if not hundreds"): then
    value, low and high stay empty rather than invent a figure, and the description quotes it.
    """

    id: StatId
    indicator: Text
    topic: e.Topic = Field(description="what the statistic is about (a controlled vocabulary)")
    label: Text
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    unit: e.Unit
    qualifier: e.Qualifier | None = None
    period: Edtf | None = None
    place: PlaceId | None = None
    reported_by: ReporterId | None = None
    description: Text
    note: Text | None = None

    @model_validator(mode="after")
    def _ordered(self) -> Statistic:
        lo = self.low if self.low is not None else self.value
        hi = self.high if self.high is not None else self.value
        if self.value is not None and (
            (lo is not None and lo > self.value) or (hi is not None and self.value > hi)
        ):
            raise ValueError(
                f"low ≤ value ≤ high does not hold ({self.low}, {self.value}, {self.high})"
            )
        if lo is not None and hi is not None and lo > hi:
            raise ValueError(f"low {lo} is above high {hi}")
        return self


class Claim(Record):
    """An attributed or contested assertion: one row per version, with who made it."""

    id: ClaimId
    subject: Id
    property: Text
    value: Text
    claimed_by: ReporterId | None = None
    status: e.ClaimStatus | None = None
    description: Text
    note: Text | None = None


class Affiliation(Record):
    """A person's role in an organisation."""

    id: AffiliationId
    person: PersonId
    organization: OrgId
    role: e.AffiliationRole
    start: Edtf | None = None
    end: Edtf | None = None

    @model_validator(mode="after")
    def _start_before_end(self) -> Affiliation:
        return _in_order(self, "start", "end")


class Label(Record):
    """A name, alias, title or description of a record in one language."""

    entity: Id
    field: e.LabelField
    lang: e.Lang
    value: Text
    origin: e.Origin
    reviewed: Boolean


class Citation(Record):
    """A verbatim quote from a source that supports a record."""

    record: Id
    source: SourceId
    quote: Text | None = Field(
        None, description="verbatim from the source's archived text; empty only when the source"
        " is editorial (general knowledge, said in the note)",
    )  # fmt: skip
    fields: FieldList = Field(
        (), description="the record's fields this quote supports (empty: the record as a whole)"
    )
    locator: Text | None = None
    note: Text | None = None
    start: Offset | None = Field(
        None, description="where the quote starts in the normalised archived text (code points;"
        " written by nkru-data anchor)",
    )  # fmt: skip
    end: Offset | None = Field(None, description="where the quote ends (exclusive)")


class Redirect(Record):
    """A retired id and the record it was merged into: a released id never disappears."""

    old: Id = Field(description="the id no record holds any more")
    new: Id = Field(description="the record that holds what the old id named")
    reason: Text = Field(description="why the two were one real thing")


class NotDuplicate(Record):
    """Two records checked and found to be different things, though they look alike."""

    first: Id
    second: Id
    reason: Text = Field(description="what tells them apart")
