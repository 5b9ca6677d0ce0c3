"""Checks of single cells, driven by each column's spec: what a value may look like.

Formula injection, white space, NFC, invisible and control characters, numbers and booleans
(through the parsers ``load()`` uses too), EDTF, country codes, ids, and look-alike letters;
plus :func:`look_alike_ids` across the whole package. Part of the semantic layer run by
:mod:`nkru_data.checks`.

The checks run column by column, each column's checks compiled once (:func:`_compile`), and
each distinct value of a column is checked once: a cell's problems depend only on its value
and its column (look-alike letters in ``labels`` also on the row's language, so there the
pair is the unit). A table repeats most of its values down a column, so this is most of the
saving; plain ASCII text is passed by two ``str`` methods without a regex. Problems come out
in the order of a row-by-row pass: by row, then column, then check.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from itertools import compress, filterfalse
from typing import TYPE_CHECKING

from nkru_data.lang.dates import EdtfError, is_valid, parse
from nkru_data.lang.i18n import look_alike_word
from nkru_data.model.schema import ColumnSpec, column_specs
from nkru_data.model.types import LIST_SEPARATOR, check_id, id_kind, ids_of_kind, iso_countries
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
#: printable ASCII text that neither starts like a formula (= + - @) nor has white space at an
#: end: a plain column's value of this form has no problem (matched in C over the distinct values)
_CLEAN = re.compile(r"[!-*,.-<>?A-~](?:[ -~]*[!-~])?")

#: a problem found in a value, before it has a row: (code, message)
Found = tuple[str, str]
#: one column's checks of one value
Check = Callable[[str], list[Found]]


def _compile(spec: ColumnSpec) -> Check:
    """The checks of one column as one function of a value, its choices made once."""
    numeric = spec.kind in ("number", "integer")
    edtf = spec.column.format == "edtf"
    parser: Callable[[str], object] | None = {
        "number": parse_number, "integer": parse_integer, "boolean": parse_boolean,
    }.get(spec.kind)  # fmt: skip
    countries = iso_countries() if spec.name in ("country", "nationality") else None
    normalized = unicodedata.is_normalized

    def check(value: str) -> list[Found]:
        found: list[Found] = []
        if formula_like(value, numeric_ok=numeric) and not (edtf and is_valid(value)):
            found.append(("formula-injection", "a cell must not start with = + - @, a tab or a"
                          " line break (or their full-width forms) unless it is a plain number:"
                          " spreadsheets run it as a formula"))  # fmt: skip
        hidden = hidden_character(value)
        if hidden:
            control = unicodedata.category(chr(int(hidden[2:].split()[0], 16))) == "Cc"
            found.append((
                "control-character" if control else "invisible-character",
                f"the text holds {hidden}: cells are one line of visible text"
                if control
                else f"the text holds {hidden}, which is invisible or changes how text"
                " around it shows; remove it",
            ))  # fmt: skip
        if value != value.strip():
            found.append(("whitespace", "leading or trailing white space"))
        if not value.isascii() and not normalized("NFC", value):
            found.append(("not-nfc", "text is not in Unicode NFC form (run nkru-data fmt)"))
        if parser is not None:
            try:
                parser(value)
            except ValueError as exc:
                found.append(("type-error", str(exc)))
        if edtf:
            try:
                parse(value)
            except EdtfError as exc:
                found.append(("invalid-edtf", str(exc)))
        if countries is not None:
            bad = [c for c in value.split(LIST_SEPARATOR) if c not in countries]
            if bad:
                shown = ", ".join(bad)[:80]
                found.append(("unknown-country", f"{shown}: not an ISO 3166-1 alpha-2 code"))
        return found

    return check


def _plain(spec: ColumnSpec) -> bool:
    """A column of free text: no parser, format or code list, so clean ASCII needs no check."""
    return spec.kind == "string" and spec.column.format != "edtf" and spec.name not in (
        "country", "nationality")  # fmt: skip


def _suspects(values: set[str], plain: bool) -> list[str]:
    """The distinct values that may have a problem; in a plain column printable ASCII text
    that neither starts like a formula nor has a space at an end has none."""
    if not plain:
        return [v for v in values if v]
    clean: set[str] = set(filter(_CLEAN.fullmatch, values))
    return [v for v in values - clean if v]


def _look_alike_message(word: str, english: bool) -> str:
    other = "Cyrillic or Greek" if english else "Latin"
    meant = "Latin" if english else "Cyrillic"
    message = f"{word[:40]!r} is written in {other} letters that look {meant}: retype it"
    return f"{message} in {meant} letters"


def _look_alikes(column: list[str], english: list[bool | None]) -> dict[int, Found]:
    """Row index -> the look-alike problem of its cell; ``english[i]``: the row's text is
    English (``None``: Korean, not checked). Each distinct (text, language) is looked at once,
    and only text with a letter beyond ASCII can hold a look-alike."""
    verdicts: dict[tuple[str, bool | None], Found] = {}
    beyond = set(filterfalse(str.isascii, set(column)))  # in C: most text is ASCII
    if not beyond:
        return {}
    for value, lang in set(compress(zip(column, english), map(beyond.__contains__, column))):
        if lang is None:
            continue
        word = look_alike_word(value, "latin" if lang else "cyrillic", ROMAN)
        if word:
            verdicts[value, lang] = ("look-alike", _look_alike_message(word, lang))
    if not verdicts:
        return {}
    return {index: verdicts[key] for index, key in enumerate(zip(column, english))
            if key in verdicts}  # fmt: skip


def _id_check(kind: str, name: str) -> Check:
    def check(value: str) -> list[Found]:
        try:
            check_id(value)
        except ValueError as exc:
            return [("bad-id", str(exc)[:300])]
        if id_kind(value) != kind:
            return [("id-kind", f"ids in {name} start with '{kind}:'")]
        return []

    return check


def cell_problems(rows: Rows) -> Iterator[Problem]:
    """Every problem of every cell of one table."""
    table = rows.table
    specs = [s for s in column_specs(table.model) if s.name in rows.index]
    english: list[bool | None] | None = None
    # (row index, column position, problem): sorted at the end into a row-by-row order
    found: list[tuple[int, int, str, str, str, str]] = []
    for position, spec in enumerate(specs):
        name = spec.name
        column = rows.column(name)
        check = _compile(spec)
        bad = {v: p for v in _suspects(set(column), _plain(spec)) if (p := check(v))}
        alike: dict[int, Found] = {}
        if (spec.kind == "string" and not spec.enum and not spec.column.pattern
                and (table.name, name) not in VERBATIM):  # fmt: skip
            if english is None:
                english = _languages(rows)
            alike = _look_alikes(column, english)
        if bad:
            for index, value in enumerate(column):
                if value in bad:
                    found.extend((index, position, code, message, name, value)
                                 for code, message in bad[value])  # fmt: skip
        for index, (code, message) in alike.items():
            found.append((index, position, code, message, name, column[index]))
    if table.kind and "id" in rows.index:
        ids = rows.column("id")
        check = _id_check(table.kind, table.name)
        distinct = set(ids)
        suspects = distinct - ids_of_kind(distinct, table.kind) - {""}
        bad = {v: p for v in suspects if (p := check(v))}
        if bad:
            found.extend((index, len(specs), code, message, "id", value)
                         for index, value in enumerate(ids) if value in bad
                         for code, message in bad[value])  # fmt: skip
    found.sort(key=lambda f: (f[0], f[1]))  # stable: a cell's checks keep their order
    lines = rows.lines
    for index, _, code, message, name, value in found:
        yield rows.problem(code, message, lines[index], name, value)


def _languages(rows: Rows) -> list[bool | None]:
    """Per row: its text is English (True), Russian or other (False), Korean (None).

    Only ``labels`` has rows in other languages; every other table is English.
    """
    if rows.table.name != "labels" or "lang" not in rows.index:
        return [True] * len(rows.lines)
    script = {"en": True, "ko": None}
    return [script.get(lang, False) for lang in rows.column("lang")]


#: digits and letters that pass for each other in an id (``1``/``l``, ``0``/``o``, ``rn``/``m``)
_SKELETON = str.maketrans({"1": "l", "i": "l", "0": "o", "5": "s", "8": "b"})


def skeleton(id_: str) -> str:
    """An id with look-alike characters folded, so that ``kim-cho1`` and ``kim-chol`` meet."""
    return id_.translate(_SKELETON).replace("rn", "m").replace("vv", "w").replace("-", "")


def look_alike_ids(tables: dict[str, Rows]) -> Iterator[Problem]:
    """Ids that differ only by look-alike characters (a warning: probably one thing twice)."""
    seen: dict[str, str] = {}
    for rows in tables.values():
        if not rows.table.kind or "id" not in rows.index:
            continue
        for line, id_ in zip(rows.lines, rows.column("id")):
            if not id_:
                continue
            other = seen.setdefault(skeleton(id_), id_)
            if other != id_:
                yield rows.problem("look-alike-id", f"{id_[:80]!r} looks like {other[:80]!r}:"
                                   " one record entered twice, or an id mistyped?", line, "id",
                                   id_)  # fmt: skip
