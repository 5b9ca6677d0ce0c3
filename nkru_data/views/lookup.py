"""What a view needs from a dataset, as a protocol.

Views sit below :class:`nkru_data.dataset.Dataset` (which offers them as ``describe``,
``search``, the relations and, with the frames, ``to_pandas``), so they must not import it: they
take any object with these lookups. :class:`~nkru_data.dataset.Dataset` is one, structurally.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, Protocol

from nkru_data.errors import UnknownLanguage

if TYPE_CHECKING:
    from nkru_data.model.records import (
        Affiliation,
        AgreementParty,
        Citation,
        Claim,
        Event,
        Participant,
        Place,
        Record,
        Source,
        Statistic,
    )

#: the languages every view renders
LANGS = ("en", "ru", "ko")


def check_lang(lang: str, what: str) -> str:
    """``lang`` if views render it, else the one :class:`UnknownLanguage` every view raises.

    One check, so that a card, a timeline or a frame refuses ``"fr"`` with the same error class
    and the same wording, whichever the caller asked for first.
    """
    if lang not in LANGS:
        raise UnknownLanguage(f"no {what} in {str(lang)[:40]!r}; use en, ru or ko")
    return lang


class Lookup(Protocol):
    """Records by id, their labels and citations, raw columns, and the tables views read."""

    def __contains__(self, id_: object) -> bool: ...

    def ids(self) -> Iterator[str]: ...

    def get(self, id_: str) -> Record: ...

    def label(
        self,
        id_: str,
        lang: str = "en",
        field: str = "name",
        reviewed_only: bool = False,
        fallback: bool = True,
    ) -> str | None: ...

    def table(self, name: str) -> tuple[Record, ...]: ...

    def column(self, table: str, name: str) -> list[str]:
        """One column as CSV text, row by row; ``""`` where the table lacks the column.

        The search index reads text this way, so that searching builds no typed record.
        """
        ...

    def citations(self, id_: str) -> list[tuple[Citation, Source]]: ...

    @property
    def participants(self) -> tuple[Participant, ...]: ...

    @property
    def agreement_parties(self) -> tuple[AgreementParty, ...]: ...

    @property
    def claims(self) -> tuple[Claim, ...]: ...

    @property
    def events(self) -> tuple[Event, ...]: ...

    @property
    def places(self) -> tuple[Place, ...]: ...

    @property
    def statistics(self) -> tuple[Statistic, ...]: ...

    @property
    def affiliations(self) -> tuple[Affiliation, ...]: ...

    @property
    def citations_table(self) -> tuple[Citation, ...]: ...
