"""``nkru-data export FORMAT``: the dataset as SQLite, Parquet, JSON Lines, JSON-LD, GraphML,
GEXF or GeoJSON (see :mod:`nkru_data.export`)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from nkru_data.cli.app import Lang, app, friendly, out
from nkru_data.export import FORMATS

ExportFormat = Enum("ExportFormat", {name: name for name in FORMATS}, type=str)  # type: ignore[misc]


@app.command(
    help="Export the dataset: "
    + "; ".join(f"{f.name}: {f.description}" for f in FORMATS.values())
    + "."
)
@friendly
def export(
    format: ExportFormat = typer.Argument(..., help="Format to write."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="File (folder for parquet) to write; default: nkru-data.<ext>."
    ),
    lang: list[Lang] = typer.Option(
        [Lang.en, Lang.ru, Lang.ko], "--lang", "-l", help="Languages of names (repeatable)."
    ),
    force: bool = typer.Option(False, "--force", help="Replace the output if it exists."),
    metadata: Path | None = typer.Option(
        None, "--metadata", help="sqlite only: also write Datasette's metadata.json here."
    ),
    path: Path | None = typer.Option(None, "--path", help="Package folder (default: bundled)."),
) -> None:
    """Export the dataset in one format (see the list above); never overwrites without --force."""
    from nkru_data.dataset import load
    from nkru_data.errors import NkruDataError, OutputExists
    from nkru_data.export import export as run

    langs = [x.value for x in lang]
    if metadata is not None:
        if format.value != "sqlite":
            raise NkruDataError("--metadata goes with sqlite only", code="usage")
        if metadata.exists() and not force:
            raise OutputExists(f"{metadata}: already exists; pass --force to replace it")
    ds = load(path)
    written = run(ds, format.value, output, langs=langs, force=force)
    out.print(f"wrote {written}", highlight=False)
    if metadata is not None:
        from nkru_data.export.sqlite import write_metadata

        write_metadata(ds, metadata, langs, database=written.stem)
        out.print(f"wrote {metadata}", highlight=False)
