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
from collections import Counter, defaultdict
from collections.abc import Iterator
from itertools import chain, combinations, compress, repeat
from operator import eq, not_
from typing import TYPE_CHECKING

from nkru_data.lang.dates import EdtfError, parse
from nkru_data.model.layout import TABLES
from nkru_data.model.types import LIST_SEPARATOR
from nkru_data.report import Problem
from nkru_data.validation.columns import columns, distinct_values
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
    """Targets that exist, no chains or cycles, no retired id still in use.

    Any cell may hold a retired id, so every column is searched; each distinct value of a
    column is split and looked up once, and only the columns holding one are walked."""
    if "redirects" not in tables:
        return
    rows = tables["redirects"]
    lines, (olds, news) = columns(rows, "old", "new")
    target = dict(zip(olds, news))
    for line, old, new in zip(lines, olds, news):
        if new in target:
            yield rows.problem("redirect-chain", f"{old} → {new} → {target[new]}: point {old}"
                               f" straight at the record it is now", line, "new", new)  # fmt: skip
        elif new not in ids:
            yield rows.problem("redirect-target", f"{new} is no record: a redirect leads to the"
                               " record that holds the merged thing", line, "new", new)  # fmt: skip
    for name, table_rows in tables.items():
        if name == "redirects":
            continue
        yield from _retired(table_rows, target)


def _retired(rows: Rows, target: dict[str, str]) -> Iterator[Problem]:
    """Cells of one table naming a retired id (``target``: old id -> new), in row order.

    A column's distinct values are judged first: a value is a retired id itself, or a list
    with one among its parts; the column is read only when one of its values is."""
    found: dict[int, list[Problem]] = {}
    lines = rows.lines
    for field, values in distinct_values(rows):
        retired = {value: [value] for value in values & target.keys()
                   if value and LIST_SEPARATOR not in value}  # fmt: skip
        for value in values:
            if LIST_SEPARATOR in value:
                parts = [p for p in value.split(LIST_SEPARATOR) if p in target]
                if parts:
                    retired[value] = parts
        if not retired:
            continue
        for index, value in enumerate(rows.column(field)):
            for part in retired.get(value, ()):
                found.setdefault(index, []).append(rows.problem(
                    "retired-id", f"{part} was merged into {target[part]}: use that id",
                    lines[index], field, value))  # fmt: skip
    for index in sorted(found):
        yield from found[index]


#: the label fields that name a record
_NAME_FIELDS = frozenset({"name", "title", "alias"})


def _names(tables: dict[str, Rows]) -> dict[str, tuple[list[str], list[str], list[str]]]:
    """Every name of every record of each duplicable table, flat: ``(ids, languages, texts)``
    (English from the table, the other names from labels), each text folded once.

    Flat lists gathered in C, not a dict per record: only the few records that share a rare
    word are ever looked at one by one (:func:`duplicates`)."""
    flat: dict[str, tuple[list[str], list[str], list[str]]] = {}
    owner: dict[str, str] = {}
    for table in TABLES:
        if table.name in DUPLICABLE and table.name in tables and table.name_field:
            _, (ids, values) = columns(tables[table.name], "id", table.name_field)
            named = list(compress(ids, values))
            flat[table.name] = (named, ["en"] * len(named), list(compress(values, values)))
            owner.update(dict.fromkeys(named, table.name))
    if "labels" in tables and owner:
        _, (entities, fields, langs, values) = columns(
            tables["labels"], "entity", "field", "lang", "value")  # fmt: skip
        is_name = list(map(_NAME_FIELDS.__contains__, fields))
        picked = list(compress(range(len(fields)), is_name))  # the rows of names, and whose
        owners = list(map(owner.get, compress(entities, is_name)))
        for name, (ids, languages, texts) in flat.items():
            mine = list(compress(picked, map(eq, repeat(name), owners)))
            ids.extend(map(entities.__getitem__, mine))
            languages.extend(map(langs.__getitem__, mine))
            texts.extend(map(values.__getitem__, mine))
    folded = {text: fold(text) for _, _, texts in flat.values() for text in set(texts)}
    for _, _, texts in flat.values():
        texts[:] = map(folded.__getitem__, texts)
    return flat


def _suspect_pairs(ids: list[str], texts: list[str]) -> set[tuple[str, str]]:
    """Pairs of records (``a < b``) sharing a word of their names that at most
    :data:`_COMMON_WORD` records have.

    Words are counted in C first, per text: a word in more texts than
    :data:`_COMMON_WORD` records can hold is common, one in a single text pairs nothing, and
    only the texts holding a word in between are walked one by one."""
    words_of = {text: _WORD.findall(text) for text in set(texts)}
    lists = list(map(words_of.__getitem__, texts))
    in_texts = Counter(chain.from_iterable(lists))
    most = max(Counter(ids).values(), default=0)  # the most texts one record has
    maybe = {word for word, count in in_texts.items() if 1 < count <= _COMMON_WORD * most}
    by_word: dict[str, set[str]] = defaultdict(set)
    for id_, words in compress(zip(ids, lists), map(not_, map(maybe.isdisjoint, lists))):
        for word in words:
            if word in maybe:
                by_word[word].add(id_)
    return {(a, b) if a < b else (b, a)
            for group in by_word.values() if 1 < len(group) <= _COMMON_WORD
            for a, b in combinations(group, 2)}  # fmt: skip


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

    distinct: set[frozenset[str]] = set()
    if "not_duplicates" in tables:
        distinct = set(map(frozenset, zip(*columns(tables["not_duplicates"], "first",
                                                   "second")[1])))  # fmt: skip
    taking_part: dict[str, set[str]] = defaultdict(set)
    if "participants" in tables:
        for event, entity in zip(*columns(tables["participants"], "event", "entity")[1]):
            taking_part[event].add(entity)
    for name, (named, languages, texts) in _names(tables).items():
        rows = tables[name]
        lines, (ids, kinds, dates) = columns(rows, "id", "kind", DUPLICABLE[name] or "id")
        pairs = _suspect_pairs(named, texts)
        if not pairs:
            continue
        records = {id_: index for index, id_ in enumerate(ids)}
        wanted = set(chain.from_iterable(pairs))
        names: dict[str, dict[str, list[str]]] = {}
        for id_, lang, text in compress(zip(named, languages, texts), map(wanted.__contains__,
                                                                          named)):  # fmt: skip
            names.setdefault(id_, {}).setdefault(lang, []).append(text)
        for a, b in sorted(pairs):
            first, second = records[a], records[b]
            if frozenset((a, b)) in distinct or kinds[first] != kinds[second]:
                continue
            similar = any(
                token_sort_ratio(x, y) >= SIMILAR
                for lang, texts_a in names[a].items() for x in texts_a
                for y in names[b].get(lang, ())
            )  # fmt: skip
            if not similar:
                continue
            if DUPLICABLE[name] and dates[first] and dates[second]:
                together = _overlap(dates[first], dates[second])
                if name == "events" and taking_part[a] and taking_part[b]:
                    together = together and bool(taking_part[a] & taking_part[b])
                if not together:
                    continue
            line = lines[second]
            yield rows.problem("possible-duplicate", f"{b} looks like {a} (same kind, nearly"
                               " the same name, overlapping): merge them with a redirect, or"
                               " record in not_duplicates.csv what tells them apart", line, "id",
                               b)  # fmt: skip
