"""Checks across tables: references, coverage, labels.

Polymorphic references (a label, citation, participant or claim may point at any record),
parties and participants, label scripts, name coverage in Russian and Korean, and
CLDR-generated names. Quotes and per-field evidence are :mod:`~nkru_data.validation.provenance`'s.
Part of the semantic layer run by :mod:`nkru_data.validation.checks`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from itertools import compress
from typing import TYPE_CHECKING

from nkru_data.lang.i18n import (
    LANGUAGES,
    WORD,
    cldr_country_name,
    mixed_script_word,
    script_problem,
)
from nkru_data.model.layout import TABLES
from nkru_data.model.types import LIST_SEPARATOR, id_kind
from nkru_data.report import Problem
from nkru_data.validation.columns import columns, distinct_values

if TYPE_CHECKING:
    from nkru_data.validation.checks import Rows

#: the languages whose labels have a script to be written in (others: any script)
_SCRIPTED = ("ru", "ko")

#: polymorphic references: table -> field -> allowed id kinds (None = any kind)
REFERENCES: dict[str, dict[str, tuple[str, ...] | None]] = {
    "sources": {"authors": ("person",), "publisher": ("org",)},
    "participants": {"entity": None},
    "agreement_parties": {"party": ("place", "org")},
    "statistics": {"reported_by": ("org", "person", "src", "place")},
    "claims": {"subject": None, "claimed_by": ("org", "person", "src", "place")},
    "labels": {"entity": None},
    "citations": {"record": None},
}


def references(tables: dict[str, Rows], ids: set[str]) -> Iterator[Problem]:
    """Polymorphic references; ids of a table that could not be read are not called dangling
    (its own problem says why), so one broken file does not bury the report.

    A cell's verdict depends on its value alone, so each distinct value is judged once.
    """
    unread = {t.kind for t in TABLES if t.kind and t.name not in tables}
    for name, fields in REFERENCES.items():
        if name not in tables:
            continue
        rows = tables[name]
        lines, cols = columns(rows, *fields)
        found: dict[int, list[Problem]] = {}
        for (field, kinds), cells in zip(fields.items(), cols):
            verdicts: dict[str, list[tuple[str, str, str]]] = {}
            for index, value in enumerate(cells):
                if not value or (
                    value in ids and (not kinds or value.partition(":")[0] in kinds)
                    and LIST_SEPARATOR not in value
                ):  # fmt: skip
                    continue  # one reference, of a known record of the right kind
                wrong = verdicts.get(value)
                if wrong is None:
                    wrong = verdicts[value] = _wrong_references(field, kinds, value, ids, unread)
                if wrong:
                    found.setdefault(index, []).extend(
                        rows.problem(code, message, lines[index], field, ref)
                        for code, message, ref in wrong
                    )
        for index in sorted(found):
            yield from found[index]


def _wrong_references(
    field: str, kinds: tuple[str, ...] | None, value: str, ids: set[str], unread: set[str]
) -> list[tuple[str, str, str]]:
    """(code, message, ref) for each reference of one cell that is of the wrong kind or
    dangling."""
    wrong: list[tuple[str, str, str]] = []
    for ref in value.split(LIST_SEPARATOR):
        if kinds and id_kind(ref) not in kinds:
            wrong.append(
                ("reference-kind", f"{field} must name a {' or '.join(kinds)} id, not {ref!r}", ref)
            )
        elif ref not in ids and id_kind(ref) not in unread:
            wrong.append(("dangling-reference", f"{ref!r} is not the id of any record", ref))
    return wrong  # fmt: skip


def coverage(tables: dict[str, Rows]) -> Iterator[Problem]:
    """What the data model implies: an agreement has parties; an event has a participant or at
    least a place (an event with neither says nothing of who or where)."""
    if "agreements" in tables and "agreement_parties" in tables:
        parties = set(columns(tables["agreement_parties"], "agreement")[1][0])
        agreements = tables["agreements"]
        lines, (ids, unnamed) = columns(agreements, "id", "unnamed_parties")
        for line, id_, none_named in zip(lines, ids, unnamed):
            if id_ and id_ not in parties and not none_named:
                yield agreements.problem(
                    "missing-parties", f"{id_} has no row in agreement_parties.csv (if the"
                    " source names none, say so in unnamed_parties)", line,
                    "id", id_)  # fmt: skip
    if "events" in tables and "participants" in tables:
        involved = set(columns(tables["participants"], "event")[1][0])
        events = tables["events"]
        lines, (ids, places) = columns(events, "id", "place")
        for line, id_, place in zip(lines, ids, places):
            if id_ and id_ not in involved and not place:
                yield events.problem(
                    "missing-participants", f"{id_} has no participant and no place:"
                    " add a row to participants.csv (or the event's place)", line, "id",
                    id_)  # fmt: skip


def _latin_ok(tables: dict[str, Rows], langs: list[str], values: list[str]) -> frozenset[str]:
    """The words of the dataset's English proper names: names, abbreviations, English labels.

    Every distinct text is joined into one string and cut into words in one pass (a space
    separates words, so the words are those of each text)."""
    texts: set[str] = set()
    for table in TABLES:
        if table.name_field and table.name in tables:
            for column in columns(tables[table.name], table.name_field, "abbreviation")[1]:
                texts.update(column)
    texts.update(value for lang, value in zip(langs, values) if lang == "en")
    return frozenset(WORD.findall(" ".join(texts)))


def labels(tables: dict[str, Rows]) -> Iterator[Problem]:
    """Labels: one name per language, in its script, CLDR's where generated; no word mixing
    scripts in any cell; a Russian and a Korean name for every named record.

    A label's script verdict depends on its language and value only, and a cell's mixed word
    on its value only: each is worked out once per distinct value."""
    if "labels" not in tables:
        return
    labels = tables["labels"]
    lines, (entities, flds, langs, values, origins) = columns(
        labels, "entity", "field", "lang", "value", "origin")  # fmt: skip
    countries: dict[str, str] = {}
    if "places" in tables:
        _, (place_ids, kinds, codes) = columns(tables["places"], "id", "kind", "country")
        countries = {id_: code for id_, kind, code in zip(place_ids, kinds, codes)
                     if kind == "country" and code}  # fmt: skip
    latin_ok = _latin_ok(tables, langs, values)
    have = Counter(zip(entities, flds, langs))
    twice = {key for key, count in have.items() if count > 1 and key[1] != "alias"}
    wrong = {pair: why for pair in set(zip(langs, values)) if pair[0] in _SCRIPTED
             and (why := script_problem(pair[1], pair[0], latin_ok))}  # fmt: skip
    if twice or wrong or "cldr" in origins:  # else no label row has anything to report
        yield from _label_rows(labels, lines, (entities, flds, langs, values, origins),
                               twice, wrong, countries)  # fmt: skip
    yield from mixed_scripts(tables)
    for table in TABLES:
        field = table.label_field
        if field is None or table.name not in tables:
            continue
        rows = tables[table.name]
        named_lines, (ids,) = columns(rows, "id")
        for line, id_ in zip(named_lines, ids):
            for lang in ("ru", "ko"):
                if id_ and not have.get((id_, field, lang)):
                    yield rows.problem(
                        "missing-name-label",
                        f"{id_} has no {lang} {field} label",
                        line,
                        "id",
                        id_,
                    )


def _label_rows(
    labels: Rows,
    lines: Sequence[int],
    cols: tuple[list[str], list[str], list[str], list[str], list[str]],
    twice: set[tuple[str, str, str]],
    wrong: dict[tuple[str, str], str],
    countries: dict[str, str],
) -> Iterator[Problem]:
    """The problems of each label row, in row order: a second name of one kind, a value not in
    its language's script (``wrong``: worked out per distinct value), a CLDR name that is not
    CLDR's."""
    met: dict[tuple[str, str, str], int] = {}
    cldr: dict[tuple[str, str], str | None] = {}
    entities, flds, langs, values, origins = cols
    # the rows with anything to say, picked in C, in row order
    rows = set(compress(range(len(lines)), map("cldr".__eq__, origins)))
    if twice:
        rows.update(compress(range(len(lines)), map(twice.__contains__,
                                                    zip(entities, flds, langs))))  # fmt: skip
    if wrong:
        rows.update(compress(range(len(lines)), map(wrong.__contains__, zip(langs, values))))
    for index in sorted(rows):
        line, entity, fld = lines[index], entities[index], flds[index]
        lang, value, origin = langs[index], values[index], origins[index]
        key = (entity, fld, lang)
        if key in twice:
            met[key] = count = met.get(key, 0) + 1
            if count == 2:  # the second label of its kind
                yield labels.problem(
                    "duplicate-name-label",
                    f"a second {lang} {fld} for {entity} (use field=alias for other forms)",
                    line,
                    "value",
                    value,
                )
        why = wrong.get((lang, value))
        if why:
            yield labels.problem("label-script", why, line, "value", value)
        if origin == "cldr":
            row = {"entity": entity, "field": fld, "lang": lang, "value": value,
                   "origin": origin}  # fmt: skip
            yield from _cldr(labels, line, row, countries, cldr)


def mixed_scripts(tables: dict[str, Rows]) -> Iterator[Problem]:
    """A word mixing Latin, Cyrillic or Greek letters, in any cell but a quote (a quote keeps
    its source's spelling). Each distinct value is looked at once (an ASCII one, most of
    them, in one C-level test), and a column is read only when one of its values mixes."""
    words: dict[str, str | None] = {}
    for rows in tables.values():
        found: dict[int, list[Problem]] = {}
        lines = rows.lines
        for fld, values in distinct_values(rows, ascii_too=False, but=("quote",)):
            mixed: dict[str, str] = {}
            for value in values:
                if value.isascii():
                    continue
                if value not in words:
                    words[value] = mixed_script_word(value)
                word = words[value]
                if word:
                    mixed[value] = word
            if not mixed:
                continue
            for index, value in enumerate(rows.column(fld)):
                if value in mixed:
                    found.setdefault(index, []).append(rows.problem(
                        "mixed-script",
                        f"{mixed[value][:40]!r} mixes Latin, Cyrillic or Greek letters (a"
                        " look-alike letter?)",
                        lines[index],
                        fld,
                        value,
                    ))  # fmt: skip
        for index in sorted(found):
            yield from found[index]


def _cldr(
    labels: Rows,
    line: int,
    row: dict[str, str],
    countries: dict[str, str],
    names: dict[tuple[str, str], str | None],
) -> Iterator[Problem]:
    """A label with origin=cldr must say what CLDR says (``names``: CLDR's answers so far)."""
    code = countries.get(row.get("entity", ""))
    known = row.get("field") == "name" and row.get("lang") in LANGUAGES
    expected = None
    if code and known:
        if (code, row["lang"]) not in names:
            names[(code, row["lang"])] = cldr_country_name(code, row["lang"])
        expected = names[(code, row["lang"])]
    if expected is None:
        yield labels.problem(
            "cldr-mismatch",
            "origin=cldr is only for country names generated by `nkru-data cldr`",
            line,
            "origin",
            row.get("origin"),
        )
    elif row.get("value") != expected:
        yield labels.problem(
            "cldr-mismatch",
            f"CLDR gives {expected!r}; run `nkru-data cldr`",
            line,
            "value",
            row.get("value"),
        )


def disputes(tables: dict[str, Rows]) -> Iterator[Problem]:
    """A ``disputed`` claim has a counterpart: a claim on the same subject and property with
    another value (the other version of the disputed fact)."""
    if "claims" not in tables:
        return
    rows = tables["claims"]
    lines, (ids, subjects, properties, claimed, statuses) = columns(
        rows, "id", "subject", "property", "value", "status")  # fmt: skip
    values: dict[tuple[str, str], set[str]] = {}
    for key in zip(subjects, properties, claimed):
        values.setdefault(key[:2], set()).add(key[2])
    for line, id_, subject, prop, value, status in zip(
        lines, ids, subjects, properties, claimed, statuses
    ):
        if status == "disputed" and not values[(subject, prop)] - {value}:
            message = (
                f"{id_} is disputed, but no claim on {subject} / {prop} gives"
                " another value: add the other version, or say how it stands"
            )
            yield rows.problem("lonely-dispute", message, line, "status", "disputed")


#: names of at most this many words are looked for in reviewed texts
_NAME_WORDS = 5


def _pending_names(
    tables: dict[str, Rows],
) -> dict[str, dict[tuple[str, ...], str]]:
    """Unreviewed names and aliases by language: their casefolded words -> the entity."""
    _, (entities, flds, langs, values, reviewed) = columns(
        tables["labels"], "entity", "field", "lang", "value", "reviewed")  # fmt: skip
    pending: dict[str, dict[tuple[str, ...], str]] = {}
    for entity, fld, lang, value, state in zip(entities, flds, langs, values, reviewed):
        if state == "false" and fld in ("name", "alias"):
            words = tuple(WORD.findall(value.casefold()))
            if 0 < len(words) <= _NAME_WORDS and sum(map(len, words)) >= 4:
                pending.setdefault(lang, {})[words] = entity
    return pending


def _first_names(
    text: list[str], names: dict[tuple[str, ...], str], starts: list[set[str]]
) -> tuple[str, ...]:
    """For each run length 1..:data:`_NAME_WORDS`, the entity of the leftmost run of the text
    that is an unreviewed name (``""`` for none); ``starts[size]``: the first words of the
    names of that many words, so that only runs that could be a name are looked up."""
    found: list[str] = []
    for size in range(1, _NAME_WORDS + 1):
        first, entity = starts[size], ""
        for i in range(len(text) - size + 1):
            if text[i] in first:
                run = tuple(text[i : i + size])
                if run in names:
                    entity = names[run]
                    break
        found.append(entity)
    return tuple(found)


def unreviewed_names(tables: dict[str, Rows]) -> Iterator[Problem]:
    """A reviewed title or description must not use a name nobody has reviewed: the name's
    form is not settled, so neither is the text that spells it (``unreviewed-name``).

    Texts are cut into runs of up to :data:`_NAME_WORDS` words and looked up in the set of
    unreviewed names, so the cost grows with the text, not with names × texts; the runs are
    looked up once per distinct (language, text).
    """
    if "labels" not in tables:
        return
    labels = tables["labels"]
    pending = _pending_names(tables)
    if not pending:
        return
    starts = {lang: [{words[0] for words in names if len(words) == size}
                     for size in range(_NAME_WORDS + 1)]
              for lang, names in pending.items()}  # fmt: skip
    lines, (entities, flds, langs, values, reviewed) = columns(
        labels, "entity", "field", "lang", "value", "reviewed")  # fmt: skip
    seen: dict[tuple[str, str], tuple[str, ...]] = {}
    for line, entity, fld, lang, value, state in zip(
        lines, entities, flds, langs, values, reviewed
    ):
        if state != "true" or fld not in ("title", "description") or lang not in pending:
            continue
        firsts = seen.get((lang, value))
        if firsts is None:
            firsts = seen[(lang, value)] = _first_names(
                WORD.findall(value.casefold()), pending[lang], starts[lang]
            )
        for found in firsts:
            if found and found != entity:
                message = (f"uses the unreviewed {lang} name of {found}: review that name, or"
                           " mark this text reviewed=false until it is")  # fmt: skip
                yield labels.problem("unreviewed-name", message, line, "reviewed", "true")
                break
