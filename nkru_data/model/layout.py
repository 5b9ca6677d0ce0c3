"""The package's tables: names, keys, id kinds and naming fields.

Kept free of pydantic so that ``import nkru_data`` and ``load()`` stay cheap: each
:class:`Table` names its model and resolves it from :mod:`nkru_data.models` only when asked.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from nkru_data.model.records import Record


#: what every seed path starts with: the archived texts live in the seeds folder, nowhere else
SEEDS_PREFIX = "seeds/"
#: the source kind of the curators' general knowledge: no archived text, no quote, a note
EDITORIAL = "editorial"

#: the Data Package and Table Schema profiles the descriptor declares (frictionless knows both
#: without fetching them)
PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
TABLESCHEMA_PROFILE = "https://datapackage.org/profiles/2.0/tableschema.json"


@dataclass(frozen=True)
class Table:
    """A table of the package: its model, keys and id kind."""

    name: str
    model_name: str
    primary_key: tuple[str, ...]
    #: monomorphic foreign keys: (field, table, field)
    foreign_keys: tuple[tuple[str, str, str], ...] = ()
    #: the id kind of this table's ``id`` column, if it has one
    kind: str | None = None
    title: str = ""
    #: the column holding the English name or title, if the records are named
    name_field: str | None = None

    @property
    def model(self) -> type[Record]:
        """The pydantic model (imports :mod:`nkru_data.models` on first use)."""
        from nkru_data.model import records as models

        model: type[Record] = getattr(models, self.model_name)
        return model

    @property
    def fields(self) -> tuple[str, ...]:
        """The columns, in canonical order."""
        return tuple(self.model.model_fields)

    @property
    def label_field(self) -> str | None:
        """The label ``field`` that translates :attr:`name_field` (``name`` or ``title``)."""
        if self.name_field is None:
            return None
        return "name" if self.name_field == "name" else "title"


TABLES: tuple[Table, ...] = (
    Table("sources", "Source", ("id",), (("publisher", "organizations", "id"),), "src",
          "Sources: the seed articles and the documents they cite", "title"),
    Table("people", "Person", ("id",), (), "person", "People", "name"),
    Table("organizations", "Organization", ("id",), (("parent", "organizations", "id"),), "org",
          "Organisations", "name"),
    Table("places", "Place", ("id",), (("parent", "places", "id"),), "place", "Places", "name"),
    Table("events", "Event", ("id",), (("place", "places", "id"),), "event", "Events", "title"),
    Table("participants", "Participant", ("event", "entity", "role"),
          (("event", "events", "id"),), None, "Event participants"),
    Table("agreements", "Agreement", ("id",), (), "agreement", "Agreements", "title"),
    Table("agreement_parties", "AgreementParty", ("agreement", "party"),
          (("agreement", "agreements", "id"),), None, "Agreement parties"),
    Table("statistics", "Statistic", ("id",), (("place", "places", "id"),), "stat", "Statistics",
          "label"),
    Table("claims", "Claim", ("id",), (), "claim", "Claims"),
    Table("affiliations", "Affiliation", ("id",),
          (("person", "people", "id"), ("organization", "organizations", "id")), "aff",
          "Affiliations"),
    Table("labels", "Label", ("entity", "field", "lang", "value"), (), None, "Labels"),
    Table("citations", "Citation", ("record", "source", "quote"),
          (("source", "sources", "id"),), None, "Citations"),
    Table("redirects", "Redirect", ("old",), (), None,
          "Redirects: retired ids and the records they were merged into"),
    Table("not_duplicates", "NotDuplicate", ("first", "second"), (), None,
          "Pairs checked and found to be different things"),
)  # fmt: skip
TABLE_BY_NAME: dict[str, Table] = {t.name: t for t in TABLES}
#: tables that hold no record of their own and may well be empty
MAY_BE_EMPTY = ("redirects", "not_duplicates")
#: tables whose rows must each carry at least one citation
CITED_TABLES = ("people", "organizations", "places", "events", "agreements", "statistics",
                "claims", "affiliations")  # fmt: skip
#: the fields of each table that state a fact and so need evidence: a citation naming them in
#: ``citations.fields``, or an editorial one saying what general knowledge they rest on. Names,
#: titles, labels, descriptions and notes are summaries and need none.
FACTUAL_FIELDS: dict[str, tuple[str, ...]] = {
    "people": ("pseudonym", "gender", "born", "died", "nationality", "occupation"),
    "organizations": ("abbreviation", "kind", "country", "parent"),
    "places": ("kind", "country", "parent", "lat", "lon"),
    "events": ("kind", "date", "place", "certainty"),
    "agreements": ("kind", "signed", "status"),
    "statistics": ("value", "low", "high", "unit", "qualifier", "period", "place", "reported_by"),
    "claims": ("subject", "property", "value", "claimed_by", "status"),
    "affiliations": ("person", "organization", "role", "start", "end"),
}
