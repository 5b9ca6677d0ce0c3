"""Checks of single cells, driven by each column's spec: what a value may look like.

Formula injection, white space, NFC, invisible and control characters, numbers and booleans
(through the parsers ``load()`` uses too), EDTF, country codes, ids, and look-alike letters;
plus :func:`look_alike_ids` across the whole package. Part of the semantic layer run by
:mod:`nkru_data.checks`.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from typing import TYPE_CHECKING

from nkru_data.lang.dates import EdtfError, is_valid, parse
from nkru_data.lang.i18n import look_alike_word
from nkru_data.model.schema import column_specs
from nkru_data.model.types import LIST_SEPARATOR, check_id, id_kind, iso_countries
from nkru_data.model.values import (
    formula_like,
    hidden_character,
    parse_boolean,
    parse_integer,
    parse_number,
)
from nkru_data.report import Problem

if TYPE_CHECKING:
    from nkru_data.validation.checks import Rows

#: Roman numerals, which Russian writes in Latin letters ("XX век")
ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
                   "XIII", "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX", "XXI"})  # fmt: skip
#: columns copied verbatim from a source: their letters are the source's, not ours
VERBATIM = {("citations", "quote")}


def cell_problems(rows: Rows) -> Iterator[Problem]:
    """Every problem of every cell of one table."""
    table = rows.table
    specs = column_specs(table.model)
    countries = iso_countries()
    for line, row in rows:
        for spec in specs:
            value = row.get(spec.name, "")
            if not value:
                continue
            name = spec.name

            def problem(code: str, message: str) -> Problem:
                return rows.problem(code, message, line, name, value)  # noqa: B023

            numeric = spec.kind in ("number", "integer")
            if formula_like(value, numeric_ok=numeric) and not (
                spec.column.format == "edtf" and is_valid(value)
            ):
                yield problem("formula-injection", "a cell must not start with = + - @, a tab or"
                              " a line break (or their full-width forms) unless it is a plain"
                              " number: spreadsheets run it as a formula")  # fmt: skip
            hidden = hidden_character(value)
            if hidden:
                control = unicodedata.category(chr(int(hidden[2:].split()[0], 16))) == "Cc"
                yield problem(
                    "control-character" if control else "invisible-character",
                    f"the text holds {hidden}: cells are one line of visible text"
                    if control
                    else f"the text holds {hidden}, which is invisible or changes how text"
                    " around it shows; remove it",
                )
            if value != value.strip():
                yield problem("whitespace", "leading or trailing white space")
            if not value.isascii() and not unicodedata.is_normalized("NFC", value):
                yield problem("not-nfc", "text is not in Unicode NFC form (run nkru-data fmt)")
            if numeric or spec.kind == "boolean":
                parser = {"number": parse_number, "integer": parse_integer}.get(spec.kind)
                try:
                    (parser or parse_boolean)(value)
                except ValueError as exc:
                    yield problem("type-error", str(exc))
            if spec.column.format == "edtf":
                try:
                    parse(value)
                except EdtfError as exc:
                    yield problem("invalid-edtf", str(exc))
            if name in ("country", "nationality"):
                bad = [c for c in value.split(LIST_SEPARATOR) if c not in countries]
                if bad:
                    shown = ", ".join(bad)[:80]
                    yield problem("unknown-country", f"{shown}: not an ISO 3166-1 alpha-2 code")
            if (
                spec.kind == "string"
                and not spec.enum
                and not spec.column.pattern
                and (table.name, name) not in VERBATIM
                and not value.isascii()
            ):
                yield from _look_alike(rows, line, row, name, value)
        if table.kind and row.get("id"):
            try:
                check_id(row["id"])
            except ValueError as exc:
                yield rows.problem("bad-id", str(exc)[:300], line, "id", row["id"])
            else:
                if id_kind(row["id"]) != table.kind:
                    yield rows.problem("id-kind", f"ids in {table.name} start with"
                                       f" '{table.kind}:'", line, "id", row["id"])  # fmt: skip


def _look_alike(
    rows: Rows, line: int, row: dict[str, str], name: str, value: str
) -> Iterator[Problem]:
    """Words in look-alike letters: Cyrillic posing as Latin in English text, and the reverse
    in Russian labels."""
    lang = row.get("lang", "en") if rows.table.name == "labels" else "en"
    if lang == "ko":
        return
    word = look_alike_word(value, "latin" if lang == "en" else "cyrillic", ROMAN)
    if word:
        other = "Cyrillic or Greek" if lang == "en" else "Latin"
        meant = "Latin" if lang == "en" else "Cyrillic"
        message = f"{word[:40]!r} is written in {other} letters that look {meant}: retype it"
        yield rows.problem("look-alike", f"{message} in {meant} letters", line, name, value)


#: digits and letters that pass for each other in an id (``1``/``l``, ``0``/``o``, ``rn``/``m``)
_SKELETON = str.maketrans({"1": "l", "i": "l", "0": "o", "5": "s", "8": "b"})


def skeleton(id_: str) -> str:
    """An id with look-alike characters folded, so that ``kim-cho1`` and ``kim-chol`` meet."""
    return id_.translate(_SKELETON).replace("rn", "m").replace("vv", "w").replace("-", "")


def look_alike_ids(tables: dict[str, Rows]) -> Iterator[Problem]:
    """Ids that differ only by look-alike characters (a warning: probably one thing twice)."""
    seen: dict[str, str] = {}
    for rows in tables.values():
        if not rows.table.kind:
            continue
        for line, row in rows:
            id_ = row.get("id", "")
            if not id_:
                continue
            key = skeleton(id_)
            other = seen.setdefault(key, id_)
            if other != id_:
                yield rows.problem("look-alike-id", f"{id_[:80]!r} looks like {other[:80]!r}:"
                                   " one record entered twice, or an id mistyped?", line, "id",
                                   id_)  # fmt: skip
