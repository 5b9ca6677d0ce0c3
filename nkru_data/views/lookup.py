"""What a view needs from a dataset, as a protocol.

Views sit below :class:`nkru_data.dataset.Dataset` (which offers them as ``describe`` and, with
the frames, ``to_pandas``), so they must not import it: they take any object with these
lookups. :class:`~nkru_data.dataset.Dataset` is one, structurally.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from nkru_data.model.records import (
        AgreementParty,
        Citation,
        Claim,
        Participant,
        Record,
        Source,
    )


class Lookup(Protocol):
    """Records by id, their labels and citations, and the tables the cards read."""

    def __contains__(self, id_: object) -> bool: ...

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

    def citations(self, id_: str) -> list[tuple[Citation, Source]]: ...

    @property
    def participants(self) -> tuple[Participant, ...]: ...

    @property
    def agreement_parties(self) -> tuple[AgreementParty, ...]: ...

    @property
    def claims(self) -> tuple[Claim, ...]: ...
