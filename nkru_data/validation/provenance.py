"""Provenance: every quote stands in its source, where its anchor says, and every factual field
of every record has its evidence.

- The archived texts: each seeded source's file is read (bounded), its SHA-256 compared with
  ``sources.sha256`` (so a mirror that obtained the article elsewhere can prove it is the same
  text), and quotes are looked for in its normalised text (:mod:`.evidence`).
- Each citation: a quote long enough to prove something, standing verbatim at
  ``start``/``end`` (written by ``nkru-data anchor``). A source of kind ``editorial`` (the
  curators' general knowledge) has no quote and says in its note what was used; any other
  source needs a quote.
- Each record: every non-empty field of :data:`~nkru_data.model.layout.FACTUAL_FIELDS` is named
  in the ``fields`` of one of its citations.

A quote that cannot be checked (no archived text here, as in an installed wheel) is an
``evidence-unverified`` warning, never a silent pass.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from itertools import compress
from pathlib import Path
from typing import TYPE_CHECKING

from nkru_data.errors import UnusablePackage
from nkru_data.model.layout import CITED_TABLES, EDITORIAL, FACTUAL_FIELDS, SEEDS_PREFIX, TABLES
from nkru_data.model.types import LIST_SEPARATOR
from nkru_data.model.values import INTEGER_RE
from nkru_data.report import Problem
from nkru_data.store.archive import (
    AMBIGUOUS_BELOW,
    MIN_QUOTE_CHARS,
    archived_text,
    normalise,
    occurrences,
    occurrences_of,
    sha256_file,
    short_quote,
    stands_at,
)
from nkru_data.store.safety import inside
from nkru_data.validation.columns import columns

if TYPE_CHECKING:
    from nkru_data.validation.checks import Rows


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
    read: dict[Path, tuple[str, str]] = {}
    lines, (ids, seeded, hashes) = columns(sources, "id", "seed", "sha256")
    for line, id_, seed, recorded in zip(lines, ids, seeded, hashes):
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
            if path not in read:  # sources sharing one archived text read it once
                read[path] = archived_text(path), sha256_file(path)
            texts[id_], digest = read[path]
        except UnusablePackage as exc:
            problems.append(sources.problem("unreadable-seed", str(exc), line, "seed", seed))
            continue
        if recorded != digest:
            code, why = (
                ("seed-hash-mismatch", "not the one recorded: it is another text")
                if recorded
                else ("missing-hash", "run nkru-data anchor to record it")
            )
            message = f"the archived text {seed} has SHA-256 {digest}: {why}"
            problems.append(sources.problem(code, message, line, "sha256", recorded))
    return problems, texts


def _names(tables: dict[str, Rows], wanted: set[str]) -> dict[str, tuple[str, ...]]:
    """Every name, title, abbreviation and alias of each ``wanted`` record, in any language
    (only the records of short quotes need theirs)."""
    names: dict[str, list[str]] = {}
    for table in TABLES:
        if table.name_field and table.name in tables:
            _, (ids, *named) = columns(tables[table.name], "id", table.name_field, "abbreviation")
            for id_, name, abbreviation in zip(ids, *named):
                if id_ in wanted:
                    for value in (name, abbreviation):
                        if value:
                            names.setdefault(id_, []).append(value)
    if "labels" in tables:
        _, (entities, fields, values) = columns(tables["labels"], "entity", "field", "value")
        for entity, field, value in zip(entities, fields, values):
            if entity in wanted and field != "description" and value:
                names.setdefault(entity, []).append(value)
    return {k: tuple(v) for k, v in names.items()}


def _anchor(start: str, end: str, text: str, needle: str) -> tuple[str, str] | None:
    """What is wrong with a citation's anchor (code, message), or ``None``."""
    if INTEGER_RE.fullmatch(start) and INTEGER_RE.fullmatch(end):  # else a type-error already
        if text[int(start) : int(end)] == needle:
            return None
        return "anchor-mismatch", (f"start/end ({start}–{end}) do not hold the quote in the"
                                   " normalised archived text; run nkru-data anchor")  # fmt: skip
    if start or end:
        return "anchor-mismatch", "start and end are both whole numbers, or both empty"
    if len(needle) < AMBIGUOUS_BELOW and len(occurrences(needle, text, most=2)) > 1:
        return "ambiguous-quote", (f"the quote stands more than once and is under"
                                   f" {AMBIGUOUS_BELOW} characters: quote more, or set start/end"
                                   " to the occurrence meant")  # fmt: skip
    return "missing-anchor", "the quote has no start/end yet: run nkru-data anchor"


def _placement(text: str, needle: str, start: str, end: str) -> tuple[str, str] | None:
    """What is wrong with where a normalised quote stands in its text (code, message), or
    ``None``. An anchor that holds the quote is the common case, and a slice compare; only
    the others search the text."""
    if (
        INTEGER_RE.fullmatch(start)
        and INTEGER_RE.fullmatch(end)
        and stands_at(needle, text, int(start), int(end))
    ):
        return None
    if not occurrences_of(needle, text, most=1):
        return "quote-not-in-source", "the quote does not stand verbatim in the archived text"
    return _anchor(start, end, text, needle)


def evidence(tables: dict[str, Rows], seeds: Path, explicit: bool = False) -> Iterator[Problem]:
    """Citations: every record cited, every quote long enough and standing in its source at
    its anchor; editorial citations without a quote but with a note.

    Each distinct quote is normalised once; the names a short quote may hold are gathered
    only for the records of short quotes."""
    if "citations" not in tables:
        return
    problems, texts = _archives(tables, seeds, explicit)
    yield from problems
    kinds: dict[str, str] = {}
    if "sources" in tables:
        kinds = dict(zip(*columns(tables["sources"], "id", "kind")[1]))
    names: dict[str, tuple[str, ...]] | None = None
    citations = tables["citations"]
    lines, (records, sources, quotes, notes, starts, ends) = columns(
        citations, "record", "source", "quote", "note", "start", "end")  # fmt: skip
    cited = set(records)
    absent = not seeds.is_dir()
    normal = {quote: normalise(quote) for quote in set(quotes)}
    placed: dict[tuple[str, str, str, str], tuple[str, str] | None] = {}
    short = {record for record, quote in zip(records, quotes)
             if quote and len(normal[quote]) < MIN_QUOTE_CHARS}  # fmt: skip
    for line, record, source, quote, note, start, end in zip(
        lines, records, sources, quotes, notes, starts, ends
    ):
        if kinds.get(source) == EDITORIAL:
            if quote:
                yield citations.problem("editorial-quote", "an editorial citation quotes"
                                        " nothing: say in its note what general knowledge was"
                                        " used", line, "quote", quote)  # fmt: skip
            if not note:
                yield citations.problem("missing-note", "an editorial citation must say in its"
                                        " note what general knowledge was used (e.g. 'lat, lon:"
                                        " city centre')", line, "note", "")  # fmt: skip
            continue
        if not quote:
            yield citations.problem("empty-quote", f"a citation of {source} needs a verbatim"
                                    " quote (only an editorial source goes without)", line,
                                    "quote", quote)  # fmt: skip
            continue
        needle = normal[quote]
        if len(needle) < MIN_QUOTE_CHARS:  # else long enough, whatever its words
            if names is None:
                names = _names(tables, short)
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
            continue
        key = (text, needle, start, end)
        if key not in placed:  # a quote cited again at the same anchor is placed once
            placed[key] = _placement(text, needle, start, end)
        wrong = placed[key]
        if wrong and wrong[0] == "quote-not-in-source":
            yield citations.problem(
                "quote-not-in-source", f"the quote does not stand verbatim in the archived text"
                f" of {source} (only white space and typographic quotes or dashes may differ,"
                " and it must begin and end on word boundaries)", line, "quote", quote)  # fmt: skip
        elif wrong:
            yield citations.problem(wrong[0], wrong[1], line, "start", start)
    yield from _uncited(tables, cited)


def _uncited(tables: dict[str, Rows], cited: set[str]) -> Iterator[Problem]:
    """Records no citation names (a seeded or editorial source needs none: it is the
    evidence)."""
    for name in (*CITED_TABLES, "sources"):
        if name not in tables:
            continue
        rows = tables[name]
        lines, (ids, seeds, kinds) = columns(rows, "id", "seed", "kind")
        for line, id_, seed, kind in zip(lines, ids, seeds, kinds):
            if name == "sources" and (seed or kind == EDITORIAL):
                continue
            if id_ and id_ not in cited:
                yield rows.problem(
                    "missing-citation",
                    f"{id_} has no citation: add a row to citations.csv quoting its source",
                    line,
                    "id",
                    id_,
                )


def field_evidence(tables: dict[str, Rows]) -> Iterator[Problem]:
    """Every factual field named by a citation of its record, and citations naming only
    factual fields of their record's table.

    Worked column by column: a factual field is one list compared with what the citations
    cover, and only the cells found wanting become problems (in row order)."""
    if "citations" not in tables:
        return
    table_of: dict[str, str] = {}
    for name in FACTUAL_FIELDS:
        if name in tables:
            table_of.update(dict.fromkeys(columns(tables[name], "id")[1][0], name))
    citations = tables["citations"]
    lines, (records, named_fields) = columns(citations, "record", "fields")
    # each distinct (table, fields) judged once; the rows are walked only where one is wrong
    tables_of = list(map(table_of.get, records))
    split = {named: named.split(LIST_SEPARATOR) for named in set(named_fields) if named}
    wrong: dict[tuple[str | None, str], list[str]] = {}
    for table, named in set(zip(tables_of, named_fields)):
        allowed = FACTUAL_FIELDS.get(table or "", ())
        if named and (bad := [f for f in split[named] if f not in allowed]):
            wrong[table, named] = bad
    if wrong:
        for index in compress(range(len(records)), map(wrong.__contains__,
                                                       zip(tables_of, named_fields))):  # fmt: skip
            table, named, record = tables_of[index], named_fields[index], records[index]
            allowed = FACTUAL_FIELDS.get(table or "", ())
            what = f"{table}: {', '.join(allowed)}" if table else "a record with factual fields"
            message = (f"{', '.join(wrong[table, named])[:80]}: not a factual field of {record}"
                       f" ({what})")  # fmt: skip
            yield citations.problem("unknown-field", message, lines[index], "fields", named)
    # each field -> the records a citation names it for, gathered in C a field at a time
    naming: dict[str, set[str]] = defaultdict(set)
    for named, fields in split.items():
        for field in fields:
            naming[field].add(named)
    cited = {field: set(compress(records, map(values.__contains__, named_fields)))
             for field, values in naming.items()}  # fmt: skip
    nothing: set[str] = set()
    for name, factual in FACTUAL_FIELDS.items():
        if name not in tables:
            continue
        rows = tables[name]
        lines, (ids, *cols) = columns(rows, "id", *factual)
        found: dict[int, list[Problem]] = {}
        for field, column in zip(factual, cols):
            uncited = set(compress(ids, column)) - cited.get(field, nothing)
            if not uncited:
                continue
            for index in [i for i, (id_, value) in enumerate(zip(ids, column))
                          if value and id_ in uncited]:  # fmt: skip
                found.setdefault(index, []).append(rows.problem(
                    "uncited-field", f"{ids[index]}: no citation names {field} in its fields:"
                    " quote the passage that states it, or cite the editorial source saying"
                    " what general knowledge it is", lines[index], field,
                    column[index]))  # fmt: skip
        for index in sorted(found):
            yield from found[index]
