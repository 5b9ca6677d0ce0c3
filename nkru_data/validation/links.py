"""Checks across tables: references, citations and their quotes, labels.

Polymorphic references (a label, citation, participant or claim may point at any record),
citation coverage and quotes in the archived sources, label scripts, name coverage in Russian
and Korean, and CLDR-generated names. Part of the semantic layer run by
:mod:`nkru_data.checks`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from nkru_data.errors import UnusablePackage
from nkru_data.lang.i18n import (
    LANGUAGES,
    WORD,
    cldr_country_name,
    mixed_script_word,
    script_problem,
)
from nkru_data.model.layout import CITED_TABLES, TABLES
from nkru_data.model.types import LIST_SEPARATOR, id_kind
from nkru_data.report import Problem
from nkru_data.store.safety import inside
from nkru_data.validation.evidence import archived_text, quote_stands, short_quote

#: what every seed path starts with: the archived texts live in the seeds folder, nowhere else
SEEDS_PREFIX = "seeds/"

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


def _archives(
    tables: dict[str, Rows], seeds: Path, explicit: bool
) -> tuple[list[Problem], dict[str, str | None]]:
    """Each seeded source's archived text (``None`` where it cannot be had), with problems."""
    problems: list[Problem] = []
    texts: dict[str, str | None] = {}
    if "sources" not in tables:
        return problems, texts
    sources = tables["sources"]
    present = seeds.is_dir()
    for line, row in sources:
        seed, id_ = row.get("seed", ""), row.get("id", "")
        if not seed:
            continue
        texts[id_] = None
        if not seed.startswith(SEEDS_PREFIX) or len(seed) == len(SEEDS_PREFIX):
            problems.append(sources.problem("unsafe-path", f"seed must be a path under"
                                            f" {SEEDS_PREFIX}", line, "seed", seed))  # fmt: skip
            continue
        try:
            path = inside(seeds, seed[len(SEEDS_PREFIX) :])
        except UnusablePackage as exc:
            problems.append(sources.problem(exc.code, str(exc), line, "seed", seed))
            continue
        if not present:
            continue
        if not path.is_file():
            problems.append(sources.problem("missing-seed", f"no archived text at {seed}"
                                            + (f" in {seeds}" if explicit else ""), line,
                                            "seed", seed))  # fmt: skip
            continue
        try:
            texts[id_] = archived_text(path)
        except UnusablePackage as exc:
            problems.append(sources.problem("unreadable-seed", str(exc), line, "seed", seed))
    return problems, texts


def evidence(tables: dict[str, Rows], seeds: Path, explicit: bool = False) -> Iterator[Problem]:
    """Citations: every record cited, every quote long enough and standing in its source.

    A quote that cannot be checked (its source has no archived text, or the texts are not at
    hand, as in an installed wheel) is an ``evidence-unverified`` warning, never a silent pass.
    """
    if "citations" not in tables:
        return
    problems, texts = _archives(tables, seeds, explicit)
    yield from problems
    names = _names(tables)
    citations = tables["citations"]
    cited = set()
    absent = not seeds.is_dir()
    for line, row in citations:
        record, source, quote = row.get("record", ""), row.get("source", ""), row.get("quote", "")
        cited.add(record)
        why = short_quote(quote, names.get(record, ()))
        if why:
            yield citations.problem("short-quote", why, line, "quote", quote)
            continue
        if source not in texts:
            message = f"{source} has no archived text (no seed): the quote cannot be checked"
            yield citations.problem("evidence-unverified", message, line, "quote", quote)
            continue
        text = texts[source]
        if text is None:
            hint = (f"the archived texts are not here ({seeds} not found); point at them with"
                    " `nkru-data validate --seeds DIR`") if absent else (
                    f"the archived text of {source} could not be read")  # fmt: skip
            yield citations.problem("evidence-unverified", hint, line, "quote", quote)
        elif not quote_stands(quote, text):
            yield citations.problem(
                "quote-not-in-source", f"the quote does not stand verbatim in the archived text"
                f" of {source} (only white space and typographic quotes or dashes may differ,"
                " and it must begin and end on word boundaries)", line, "quote", quote)  # fmt: skip
    for name in (*CITED_TABLES, "sources"):
        if name not in tables:
            continue
        rows = tables[name]
        for line, row in rows:
            if name == "sources" and row.get("seed"):
                continue
            if row.get("id") and row["id"] not in cited:
                yield rows.problem(
                    "missing-citation",
                    f"{row['id']} has no citation: add a row to citations.csv quoting its source",
                    line,
                    "id",
                    row["id"],
                )


def _names(tables: dict[str, Rows]) -> dict[str, tuple[str, ...]]:
    """Every name, title, abbreviation and alias of each record, in any language."""
    names: dict[str, list[str]] = {}
    for table in TABLES:
        if table.name_field and table.name in tables:
            for _, row in tables[table.name]:
                for column in (table.name_field, "abbreviation"):
                    if row.get(column):
                        names.setdefault(row.get("id", ""), []).append(row[column])
    if "labels" in tables:
        for _, row in tables["labels"]:
            if row.get("field") != "description" and row.get("value"):
                names.setdefault(row.get("entity", ""), []).append(row["value"])
    return {k: tuple(v) for k, v in names.items()}


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
