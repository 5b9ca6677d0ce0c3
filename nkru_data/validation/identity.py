"""One record per real thing: redirects that hold, and records that look like one another.

``redirects.csv`` keeps every released id resolvable after a merge. Its rules: the new id is a
record, the old one is not (``retired-id`` when a record or any reference still uses it), and
no redirect leads to another (``redirect-chain``, which a cycle is too). ``possible-duplicate``
warns of two records of one table and kind whose names are nearly the same in some language
and whose dates overlap or who share a participant; a pair checked and found distinct goes into
``not_duplicates.csv``.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterator
from typing import TYPE_CHECKING

from nkru_data.lang.dates import EdtfError, parse
from nkru_data.model.layout import TABLES
from nkru_data.model.types import LIST_SEPARATOR
from nkru_data.report import Problem
from nkru_data.views.search import fold

if TYPE_CHECKING:
    from nkru_data.validation.checks import Rows

#: tables whose records may be one thing entered twice, and the field giving their date
DUPLICABLE = {"people": "born", "organizations": None, "places": None, "events": "date",
              "agreements": "signed"}  # fmt: skip
#: names at least this similar (rapidfuzz token-sort ratio, 0–100) make two records suspect
SIMILAR = 90
#: a word shared by more records than this does not pair them (bounds the comparisons)
_COMMON_WORD = 25
_WORD = re.compile(r"[^\W\d_]{4,}")


def redirects(tables: dict[str, Rows], ids: set[str]) -> Iterator[Problem]:
    """Targets that exist, no chains or cycles, no retired id still in use."""
    if "redirects" not in tables:
        return
    rows = tables["redirects"]
    target = {row.get("old", ""): row.get("new", "") for _, row in rows}
    for line, row in rows:
        old, new = row.get("old", ""), row.get("new", "")
        if new in target:
            yield rows.problem("redirect-chain", f"{old} → {new} → {target[new]}: point {old}"
                               f" straight at the record it is now", line, "new", new)  # fmt: skip
        elif new not in ids:
            yield rows.problem("redirect-target", f"{new} is no record: a redirect leads to the"
                               " record that holds the merged thing", line, "new", new)  # fmt: skip
    for name, table_rows in tables.items():
        if name == "redirects":
            continue
        for line, row in table_rows:
            for field, value in row.items():
                for part in value.split(LIST_SEPARATOR) if value else ():
                    if part in target:
                        yield table_rows.problem("retired-id", f"{part} was merged into"
                                                 f" {target[part]}: use that id", line, field,
                                                 value)  # fmt: skip


def _names(tables: dict[str, Rows]) -> dict[str, dict[str, list[str]]]:
    """Each record's names by language (English from its table, others from labels)."""
    names: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for table in TABLES:
        if table.name in DUPLICABLE and table.name in tables and table.name_field:
            for _, row in tables[table.name]:
                if row.get(table.name_field):
                    names[row.get("id", "")]["en"].append(fold(row[table.name_field]))
    for _, row in tables.get("labels", ()):
        if row.get("field") in ("name", "title", "alias") and row.get("entity") in names:
            names[row["entity"]][row.get("lang", "")].append(fold(row.get("value", "")))
    return names


def _overlap(first: str, second: str) -> bool:
    """Two EDTF values that may name the same days (unknown: may)."""
    try:
        a, b = parse(first), parse(second)
    except EdtfError:
        return False
    return not ((a.upper and b.lower and a.upper < b.lower) or
                (b.upper and a.lower and b.upper < a.lower))  # fmt: skip


def duplicates(tables: dict[str, Rows]) -> Iterator[Problem]:
    """Pairs that look like one real thing entered twice (warnings)."""
    from rapidfuzz.fuzz import token_sort_ratio

    names = _names(tables)
    distinct = {frozenset((r.get("first", ""), r.get("second", "")))
                for _, r in tables.get("not_duplicates", ())}  # fmt: skip
    taking_part: dict[str, set[str]] = defaultdict(set)
    for _, row in tables.get("participants", ()):
        taking_part[row.get("event", "")].add(row.get("entity", ""))
    for name, date_field in DUPLICABLE.items():
        if name not in tables:
            continue
        rows = tables[name]
        records = {row.get("id", ""): (line, row) for line, row in rows}
        by_word: dict[str, set[str]] = defaultdict(set)
        for id_ in records:
            for texts in names.get(id_, {}).values():
                for text in texts:
                    for word in _WORD.findall(text):
                        by_word[word].add(id_)
        pairs = {
            tuple(sorted((a, b)))
            for group in by_word.values() if 1 < len(group) <= _COMMON_WORD
            for a in group for b in group if a < b
        }  # fmt: skip
        for a, b in sorted(pairs):
            (_, first), (line, second) = records[a], records[b]
            if frozenset((a, b)) in distinct or first.get("kind") != second.get("kind"):
                continue
            similar = any(
                token_sort_ratio(x, y) >= SIMILAR
                for lang, texts in names[a].items() for x in texts
                for y in names[b].get(lang, ())
            )  # fmt: skip
            if not similar:
                continue
            if date_field and first.get(date_field) and second.get(date_field):
                together = _overlap(first[date_field], second[date_field])
                if name == "events" and taking_part[a] and taking_part[b]:
                    together = together and bool(taking_part[a] & taking_part[b])
                if not together:
                    continue
            yield rows.problem("possible-duplicate", f"{b} looks like {a} (same kind, nearly"
                               " the same name, overlapping): merge them with a redirect, or"
                               " record in not_duplicates.csv what tells them apart", line, "id",
                               b)  # fmt: skip
