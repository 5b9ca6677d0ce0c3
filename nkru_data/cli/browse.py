"""Browsing the data: summary counts, record cards, search."""

from __future__ import annotations

from pathlib import Path

import typer

from nkru_data.cli.app import Lang, PathArg, app, err, friendly, out


@app.command()
@friendly
def info(path: Path | None = PathArg) -> None:
    """Counts per table and kind, and label coverage per language and origin."""
    from nkru_data.cli.summary import summary_tables

    for table in summary_tables(path):
        out.print(table)


@app.command()
@friendly
def show(
    id: str = typer.Argument(..., help="Record id, e.g. person:svetlana-gannushkina."),
    lang: Lang = typer.Option(Lang.en, "--lang", "-l", help="Language of the card."),
    path: Path | None = typer.Option(None, "--path", help="Package folder."),
) -> None:
    """Show one record whole in one language: names, dates, roles, claims and citations.

    Text missing in that language is shown in English, marked [en].
    """
    from nkru_data.dataset import load

    print(load(path).describe(id, lang.value))


@app.command()
@friendly
def search(
    text: str = typer.Argument(
        ..., help="Text to find in names, titles and aliases (any language)."
    ),
    lang: Lang = typer.Option(Lang.en, "--lang", "-l"),
    limit: int = typer.Option(20, "--limit", "-n"),
    path: Path | None = typer.Option(None, "--path", help="Package folder."),
) -> None:
    """Find records by name in English, Russian or Korean (case- and accent-insensitive)."""
    from nkru_data.dataset import load

    ds = load(path)
    hits = ds.search(text, limit=limit)
    if not hits:
        err.print(f"nothing matches {text!r}")
        raise typer.Exit(1)
    for record in hits:
        rid = getattr(record, "id", "")
        print(f"{rid}\t{ds.label(rid, lang.value)}")
