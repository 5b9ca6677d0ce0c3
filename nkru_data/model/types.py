"""Reusable annotated types for the record models.

Declared once here and reused by every model (as followthemoney does), each carrying a
:class:`Column` marker that tells the schema generator how the value is stored in CSV.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, repeat
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, Field

from nkru_data.model.values import parse_boolean, parse_integer, parse_number

ID_KINDS = ("person", "org", "place", "event", "agreement", "stat", "claim", "aff", "src")
#: plain groups, not ``(?:``: SQLAlchemy (frictionless' SQL route) would read ``:person`` in
#: ``(?:person|…)`` as a bind parameter and break every CHECK constraint built from the pattern
ID_PATTERN = r"^(person|org|place|event|agreement|stat|claim|aff|src):[a-z0-9]+(-[a-z0-9]+)*$"
_ID_RE = re.compile(ID_PATTERN)
LANG_PATTERN = r"^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$"
COUNTRY_PATTERN = r"^[A-Z]{2}$"
LIST_SEPARATOR = ";"


@dataclass(frozen=True)
class Column:
    """How a field is stored in CSV and described in the Table Schema."""

    type: str = "string"
    pattern: str | None = None
    minimum: float | None = None
    maximum: float | None = None
    is_list: bool = False
    format: str | None = None


def check_text(value: str) -> str:
    """Text must be NFC and carry no leading or trailing white space."""
    if value != value.strip():
        raise ValueError("text has leading or trailing white space")
    if not unicodedata.is_normalized("NFC", value):
        raise ValueError("text is not in Unicode NFC form")
    if not value:
        raise ValueError("text is empty")
    return value


def check_id(value: str) -> str:
    """An id is ``<kind>:<slug>`` in lowercase ASCII."""
    if not _ID_RE.match(value):
        raise ValueError(
            f"{value!r} is not an id of the form <kind>:<slug> "
            f"(kind one of {', '.join(ID_KINDS)}; slug lowercase a-z, 0-9 and '-')"
        )
    return value


def id_kind(value: str) -> str:
    """The kind prefix of an id (``person`` for ``person:x``)."""
    return value.split(":", 1)[0]


def ids_of_kind(values: Iterable[str], kind: str) -> set[str]:
    """The values :func:`check_id` accepts whose :func:`id_kind` is ``kind``, found in C: the
    checks of a million ids look only at the others."""
    formed = list(filter(_ID_RE.match, values))
    return set(compress(formed, map(str.startswith, formed, repeat(kind + ":"))))


def _id_of(*kinds: str) -> AfterValidator:
    def check(value: str) -> str:
        check_id(value)
        if id_kind(value) not in kinds:
            raise ValueError(f"{value!r} must be an id of kind {' or '.join(kinds)}")
        return value

    return AfterValidator(check)


@lru_cache(maxsize=1)
def iso_countries() -> frozenset[str]:
    """ISO 3166-1 alpha-2 codes, from CLDR's territory list (babel), without CLDR's extras."""
    from babel import Locale

    not_iso = {"EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"}
    return frozenset(
        str(code)
        for code in Locale("en").territories
        if isinstance(code, str) and len(code) == 2 and code.isalpha() and code not in not_iso
    )


def check_country(value: str) -> str:
    """An ISO 3166-1 alpha-2 code that CLDR knows."""
    if value not in iso_countries():
        raise ValueError(f"{value!r} is not an ISO 3166-1 alpha-2 country code")
    return value


def check_edtf(value: str) -> str:
    """A date in the EDTF forms the dataset uses (see :mod:`nkru_data.dates`)."""
    from nkru_data.lang.dates import parse

    parse(value)
    return value


def split_list(value: object) -> object:
    """CSV stores lists as ``a;b`` (an empty cell is an empty list); accept that or a list."""
    if value is None:
        return ()
    if isinstance(value, str):
        return [item for item in value.split(LIST_SEPARATOR) if item] if value else []
    return value


Text = Annotated[str, AfterValidator(check_text), Column()]
Id = Annotated[str, AfterValidator(check_id), Column(pattern=ID_PATTERN)]
PersonId = Annotated[str, _id_of("person"), Column(pattern=ID_PATTERN)]
OrgId = Annotated[str, _id_of("org"), Column(pattern=ID_PATTERN)]
PlaceId = Annotated[str, _id_of("place"), Column(pattern=ID_PATTERN)]
EventId = Annotated[str, _id_of("event"), Column(pattern=ID_PATTERN)]
AgreementId = Annotated[str, _id_of("agreement"), Column(pattern=ID_PATTERN)]
SourceId = Annotated[str, _id_of("src"), Column(pattern=ID_PATTERN)]
StatId = Annotated[str, _id_of("stat"), Column(pattern=ID_PATTERN)]
ClaimId = Annotated[str, _id_of("claim"), Column(pattern=ID_PATTERN)]
AffiliationId = Annotated[str, _id_of("aff"), Column(pattern=ID_PATTERN)]
PartyId = Annotated[str, _id_of("place", "org"), Column(pattern=ID_PATTERN)]
ReporterId = Annotated[str, _id_of("org", "person", "src", "place"), Column(pattern=ID_PATTERN)]
Country = Annotated[str, AfterValidator(check_country), Column(pattern=COUNTRY_PATTERN)]
Language = Annotated[str, Column(pattern=LANG_PATTERN)]
Edtf = Annotated[str, AfterValidator(check_edtf), Column(format="edtf")]


def _as_number(value: object) -> object:
    """CSV text through the one number parser that ``validate`` and ``load()`` share."""
    return parse_number(value) if isinstance(value, str) else value


def _as_boolean(value: object) -> object:
    """CSV text through the one boolean parser (``true``/``false`` only)."""
    return parse_boolean(value) if isinstance(value, str) else value


Number = Annotated[float, Field(allow_inf_nan=False), BeforeValidator(_as_number)]


def _as_integer(value: object) -> object:
    """CSV text through the one integer parser that ``validate`` and ``load()`` share."""
    return parse_integer(value) if isinstance(value, str) else value


#: a code-point offset into an archived text
Offset = Annotated[int, Field(ge=0), BeforeValidator(_as_integer),
                   Column(type="integer", minimum=0)]  # fmt: skip
Boolean = Annotated[bool, BeforeValidator(_as_boolean)]
Latitude = Annotated[
    float, Field(ge=-90, le=90, allow_inf_nan=False), BeforeValidator(_as_number),
    Column(type="number", minimum=-90, maximum=90),
]  # fmt: skip
Longitude = Annotated[
    float, Field(ge=-180, le=180, allow_inf_nan=False), BeforeValidator(_as_number),
    Column(type="number", minimum=-180, maximum=180),
]  # fmt: skip
CountryList = Annotated[
    tuple[Annotated[str, AfterValidator(check_country)], ...],
    BeforeValidator(split_list),
    Column(pattern=r"^[A-Z]{2}(?:;[A-Z]{2})*$", is_list=True),
]
Sha256 = Annotated[str, Field(pattern=r"^[0-9a-f]{64}$"), Column(pattern=r"^[0-9a-f]{64}$")]
FieldList = Annotated[
    tuple[Annotated[str, Field(pattern=r"^[a-z_]+$")], ...],
    BeforeValidator(split_list),
    Column(pattern=r"^[a-z_]+(;[a-z_]+)*$", is_list=True),
]
PersonIdList = Annotated[
    tuple[Annotated[str, _id_of("person")], ...],
    BeforeValidator(split_list),
    Column(pattern=r"^person:[a-z0-9-]+(?:;person:[a-z0-9-]+)*$", is_list=True),
]
