"""Browsing the data: summary counts, record cards, search."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import typer

from nkru_data.cli.app import Lang, LangOpt, Output, OutputOpt, PathArg, PathOpt, app, err, friendly
from nkru_data.cli.render import (
    Column,
    Row,
    Section,
    cell_text,
    emit,
    emit_csv,
    emit_json,
    localized,
    plain,
)

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset


@app.command()
@friendly
def info(path: Path | None = PathArg, format: Output = OutputOpt) -> None:
    """Counts per table and kind, and label coverage per language and origin.

    json and csv give one row per table (section "tables") and per language (section
    "labels"): name, count, total and the breakdown by kind or by label origin.
    """
    from nkru_data.cli.summary import summary_sections

    emit(format, *summary_sections(path))


def record_data(ds: Dataset, id_: str) -> dict[str, Any]:
    """A record as JSON: its fields, then every label of it, then its citations with sources."""
    data: dict[str, Any] = dict(ds.get(id_).model_dump(mode="json"))
    data["labels"] = [
        {"field": str(lab.field), "lang": str(lab.lang), "value": lab.value,
         "origin": str(lab.origin), "reviewed": lab.reviewed}
        for lab in ds.labels if lab.entity == id_
    ]  # fmt: skip
    data["citations"] = [
        {"source": source.id, "source_title": source.title, "quote": citation.quote,
         "locator": citation.locator, "note": citation.note}
        for citation, source in ds.citations(id_)
    ]  # fmt: skip
    return data


def field_rows(data: dict[str, Any]) -> list[Row]:
    """The ``field,value`` rows of ``show --format csv``: the fields, ``label.LANG.FIELD``
    (an alias may repeat), ``citation.N.KEY``."""
    rows: list[Row] = [
        {"field": key, "value": cell_text(value)}
        for key, value in data.items()
        if key not in ("labels", "citations")
    ]
    for lab in data["labels"]:
        rows.append({"field": f"label.{lab['lang']}.{lab['field']}", "value": lab["value"]})
    for n, cite in enumerate(data["citations"], 1):
        rows += [{"field": f"citation.{n}.{key}", "value": cite[key]} for key in CITATION_KEYS]
    return rows


CITATION_KEYS = ("source", "quote", "locator", "note")


@app.command()
@friendly
def show(
    id: str = typer.Argument(..., help="Record id, e.g. person:svetlana-gannushkina."),
    lang: Lang = typer.Option(Lang.en, "--lang", "-l", help="Language of the card."),
    format: Output = OutputOpt,
    path: Path | None = PathOpt,
) -> None:
    """Show one record whole in one language: names, dates, roles, claims and citations.

    Text missing in that language is shown in English and marked \\[en]: the dataset has no
    label in that language for it yet, so the English text stands in.

    --format json gives one object (not an array): the record's fields as in its CSV row,
    then "labels" (every name, title, alias and description in every language, with origin
    and review) and "citations" (source, source_title, quote, locator, note); --lang does not
    change it. --format csv gives the same as field,value rows (label.LANG.FIELD,
    citation.N.KEY).
    """
    from nkru_data.dataset import load

    ds = load(path)
    moved = ds.moved(id)
    if moved:
        err.print(f"{id} was merged into {moved[0]} ({moved[1]}); showing {moved[0]}",
                  highlight=False, markup=False)  # fmt: skip
        id = moved[0]
    if format is Output.table:
        print(ds.describe(id, lang.value))
        return
    data = record_data(ds, id)
    if format is Output.json:
        emit_json(plain(data))
    else:
        emit_csv(["field", "value"], field_rows(data))


@app.command()
@friendly
def search(
    text: str = typer.Argument(
        ..., help="Text to find in names, labels, descriptions and quotes (any language)."
    ),
    lang: Lang = LangOpt,
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many records."),
    format: Output = OutputOpt,
    path: Path | None = PathOpt,
) -> None:
    """Find records in English, Russian or Korean: names, labels, descriptions, quotes.

    Case- and accent-insensitive; names first, then descriptions, quotes and records at a
    matching place; a near spelling when nothing matches exactly. Exit 1 when nothing is
    found. json and csv give id, kind and name.
    """
    from nkru_data.dataset import load

    ds = load(path)
    hits = ds.search(text, limit=limit)
    rows: list[Row] = []
    for record in hits:
        rid = str(getattr(record, "id", ""))
        name = localized(ds, rid, lang.value)
        rows.append({"id": rid, "kind": rid.split(":", 1)[0], "name": name})
    columns = [Column("id", "id"), Column("name", "name")]
    if rows or format is not Output.table:
        emit(format, Section(None, columns, rows, ("id", "kind", "name")))
    if not hits:
        err.print(f"nothing matches {text!r}", highlight=False)
        raise typer.Exit(1)
