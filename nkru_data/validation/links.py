"""Checks across tables: references, coverage, labels.

Polymorphic references (a label, citation, participant or claim may point at any record),
parties and participants, label scripts, name coverage in Russian and Korean, and
CLDR-generated names. Quotes and per-field evidence are :mod:`~nkru_data.validation.provenance`'s.
Part of the semantic layer run by :mod:`nkru_data.validation.checks`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
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

if TYPE_CHECKING:
    from nkru_data.validation.checks import Rows

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
    (its own problem says why), so one broken file does not bury the report."""
    unread = {t.kind for t in TABLES if t.kind and t.name not in tables}
    for name, fields in REFERENCES.items():
        if name not in tables:
            continue
        rows = tables[name]
        for line, row in rows:
            for field, kinds in fields.items():
                value = row.get(field, "")
                for ref in value.split(LIST_SEPARATOR) if value else ():
                    if kinds and id_kind(ref) not in kinds:
                        yield rows.problem(
                            "reference-kind",
                            f"{field} must name a {' or '.join(kinds)} id, not {ref!r}",
                            line,
                            field,
                            ref,
                        )
                    elif ref not in ids and id_kind(ref) not in unread:
                        yield rows.problem(
                            "dangling-reference",
                            f"{ref!r} is not the id of any record",
                            line,
                            field,
                            ref,
                        )


def coverage(tables: dict[str, Rows]) -> Iterator[Problem]:
    """What the data model implies: an agreement has parties; an event has a participant or at
    least a place (an event with neither says nothing of who or where)."""
    if "agreements" in tables and "agreement_parties" in tables:
        parties = {row.get("agreement") for _, row in tables["agreement_parties"]}
        agreements = tables["agreements"]
        for line, row in agreements:
            if row.get("id") and row["id"] not in parties and not row.get("unnamed_parties"):
                yield agreements.problem(
                    "missing-parties", f"{row['id']} has no row in agreement_parties.csv (if the"
                    " source names none, say so in unnamed_parties)", line,
                    "id", row["id"])  # fmt: skip
    if "events" in tables and "participants" in tables:
        involved = {row.get("event") for _, row in tables["participants"]}
        events = tables["events"]
        for line, row in events:
            if row.get("id") and row["id"] not in involved and not row.get("place"):
                yield events.problem(
                    "missing-participants", f"{row['id']} has no participant and no place:"
                    " add a row to participants.csv (or the event's place)", line, "id",
                    row["id"])  # fmt: skip


def labels(tables: dict[str, Rows]) -> Iterator[Problem]:
    if "labels" not in tables:
        return
    labels = tables["labels"]
    countries = {
        row["id"]: row.get("country", "")
        for _, row in tables.get("places", ())
        if row.get("kind") == "country" and row.get("country")
    }
    proper: set[str] = set()
    for table in TABLES:
        if table.name_field and table.name in tables:
            for _, row in tables[table.name]:
                text = f"{row.get(table.name_field, '')} {row.get('abbreviation', '')}"
                proper.update(WORD.findall(text))
    for _, row in labels:
        if row.get("lang") == "en":
            proper.update(WORD.findall(row.get("value", "")))
    latin_ok = frozenset(proper)
    have: Counter[tuple[str, str, str]] = Counter()
    for line, row in labels:
        lang, fld, value = row.get("lang", ""), row.get("field", ""), row.get("value", "")
        have[(row.get("entity", ""), fld, lang)] += 1
        if fld != "alias" and have[(row.get("entity", ""), fld, lang)] == 2:
            yield labels.problem(
                "duplicate-name-label",
                f"a second {lang} {fld} for {row.get('entity')} (use field=alias for other forms)",
                line,
                "value",
                value,
            )
        why = script_problem(value, lang, latin_ok)
        if why:
            yield labels.problem("label-script", why, line, "value", value)
        if row.get("origin") == "cldr":
            yield from _cldr(labels, line, row, countries)
    for rows in tables.values():
        for line, row in rows:
            for fld, value in row.items():
                word = mixed_script_word(value) if value and not value.isascii() else None
                if word and fld != "quote":
                    yield rows.problem(
                        "mixed-script",
                        f"{word[:40]!r} mixes Latin, Cyrillic or Greek letters (a look-alike"
                        " letter?)",
                        line,
                        fld,
                        value,
                    )
    for table in TABLES:
        field = table.label_field
        if field is None or table.name not in tables:
            continue
        rows = tables[table.name]
        for line, row in rows:
            for lang in ("ru", "ko"):
                if row.get("id") and not have[(row["id"], field, lang)]:
                    yield rows.problem(
                        "missing-name-label",
                        f"{row['id']} has no {lang} {field} label",
                        line,
                        "id",
                        row["id"],
                    )


def _cldr(
    labels: Rows, line: int, row: dict[str, str], countries: dict[str, str]
) -> Iterator[Problem]:
    """A label with origin=cldr must say what CLDR says."""
    code = countries.get(row.get("entity", ""))
    known = row.get("field") == "name" and row.get("lang") in LANGUAGES
    expected = cldr_country_name(code, row["lang"]) if code and known else None
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
    values: dict[tuple[str, str], set[str]] = {}
    for _, row in rows:
        values.setdefault((row.get("subject", ""), row.get("property", "")), set()).add(
            row.get("value", "")
        )
    for line, row in rows:
        key = (row.get("subject", ""), row.get("property", ""))
        if row.get("status") == "disputed" and not values[key] - {row.get("value", "")}:
            message = (
                f"{row.get('id')} is disputed, but no claim on {key[0]} / {key[1]} gives"
                " another value: add the other version, or say how it stands"
            )
            yield rows.problem("lonely-dispute", message, line, "status", "disputed")


#: names of at most this many words are looked for in reviewed texts
_NAME_WORDS = 5


def unreviewed_names(tables: dict[str, Rows]) -> Iterator[Problem]:
    """A reviewed title or description must not use a name nobody has reviewed: the name's
    form is not settled, so neither is the text that spells it (``unreviewed-name``).

    Texts are cut into runs of up to :data:`_NAME_WORDS` words and looked up in the set of
    unreviewed names, so the cost grows with the text, not with names × texts.
    """
    if "labels" not in tables:
        return
    labels = tables["labels"]
    pending: dict[tuple[str, tuple[str, ...]], str] = {}
    for _, row in labels:
        if row.get("reviewed") == "false" and row.get("field") in ("name", "alias"):
            words = tuple(WORD.findall(row.get("value", "").casefold()))
            if 0 < len(words) <= _NAME_WORDS and sum(map(len, words)) >= 4:
                pending[(row.get("lang", ""), words)] = row.get("entity", "")
    if not pending:
        return
    for line, row in labels:
        if row.get("reviewed") != "true" or row.get("field") not in ("title", "description"):
            continue
        lang, text = row.get("lang", ""), WORD.findall(row.get("value", "").casefold())
        for size in range(1, _NAME_WORDS + 1):
            found = next((pending[(lang, tuple(text[i : i + size]))]
                          for i in range(len(text) - size + 1)
                          if (lang, tuple(text[i : i + size])) in pending), None)  # fmt: skip
            if found and found != row.get("entity"):
                message = (f"uses the unreviewed {lang} name of {found}: review that name, or"
                           " mark this text reviewed=false until it is")  # fmt: skip
                yield labels.problem("unreviewed-name", message, line, "reviewed", "true")
                break
