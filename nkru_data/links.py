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

from .evidence import quote_stands
from .i18n import WORD, cldr_country_name, mixed_script_word, script_problem
from .layout import CITED_TABLES, TABLES
from .types import LIST_SEPARATOR, id_kind
from .validate import Problem

if TYPE_CHECKING:
    from .checks import Rows

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
                    elif ref not in ids:
                        yield rows.problem(
                            "dangling-reference",
                            f"{ref!r} is not the id of any record",
                            line,
                            field,
                            ref,
                        )


def evidence(tables: dict[str, Rows], package: Path) -> Iterator[Problem]:
    if "citations" not in tables:
        return
    seeds: dict[str, Path | None] = {}
    if "sources" in tables:
        sources = tables["sources"]
        for line, row in sources:
            seed = row.get("seed", "")
            if not seed:
                continue
            path = package.parent / seed
            if ".." in Path(seed).parts or Path(seed).is_absolute():
                yield sources.problem(
                    "unsafe-path", "seed must be a path under seeds/", line, "seed", seed
                )
                continue
            seeds[row["id"]] = path if path.is_file() else None
            if not path.is_file() and (package.parent / "seeds").is_dir():
                yield sources.problem(
                    "missing-seed", f"no archived text at {seed}", line, "seed", seed
                )
    citations = tables["citations"]
    cited = set()
    for line, row in citations:
        cited.add(row.get("record"))
        archive = seeds.get(row.get("source", ""))
        if archive is not None and not quote_stands(row.get("quote", ""), archive):
            yield citations.problem(
                "quote-not-in-source",
                "the quote does not stand verbatim in"
                f" {archive.name} (only white space and typographic quotes or"
                " dashes may differ)",
                line,
                "quote",
                row.get("quote"),
            )
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
                        f"{word!r} mixes Latin and Cyrillic letters (a look-alike letter?)",
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
    expected = cldr_country_name(code, row["lang"]) if code and row.get("field") == "name" else None
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
