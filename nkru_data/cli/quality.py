"""Keeping the package valid: validation, generated schemas, canonical form, CLDR names."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from nkru_data.cli.app import CheckOpt, Format, PathArg, app, err, friendly, out, report_changes


class Engine(str, Enum):
    """How the Table Schemas are checked (both report the same problems)."""

    compiled = "compiled"
    frictionless = "frictionless"


@app.command()
def validate(
    path: Path | None = PathArg,
    format: Format = typer.Option(Format.text, "--format", "-f", help="text, json or github."),
    strict: bool = typer.Option(False, "--strict", help="Warnings fail too (CI runs this)."),
    seeds: Path | None = typer.Option(
        None,
        "--seeds",
        help="Folder of the archived source texts (default: seeds/ beside the"
        " package); quotes are checked against them.",
        file_okay=False,
    ),
    engine: Engine = typer.Option(
        Engine.compiled,
        "--engine",
        help="Table Schema checks: compiled (on the rows read once; frictionless checks the"
        " descriptor) or frictionless (stock frictionless reads the whole package).",
    ),
) -> None:
    """Validate structure (Table Schemas) and meaning; exit 0 valid, 1 invalid, 2 unusable.

    Errors fail; warnings (e.g. evidence-unverified when the archived texts are not at hand)
    fail only with --strict.
    """
    from nkru_data.validation.validate import validate as run

    report = run(path, strict=strict, seeds=seeds, engine=engine.value)
    if format is Format.json:
        print(report.to_json())
    elif format is Format.github:
        if report.problems:
            print(report.to_github())
        err.print(report.to_text().splitlines()[-1], highlight=False)
    else:
        print(report.to_text())
    raise typer.Exit(report.exit_code)


@app.command()
@friendly
def schemas(
    check: bool = CheckOpt,
    path: Path | None = PathArg,
) -> None:
    """Regenerate schemas/*.schema.json and datapackage.json's Table Schemas, bytes, hashes."""
    from nkru_data.workflow.generate import regenerate

    report_changes(regenerate(path, write=not check), check, "written")


@app.command()
@friendly
def fmt(
    check: bool = CheckOpt,
    path: Path | None = PathArg,
) -> None:
    """Rewrite every CSV in canonical form (column and row order, quoting, NFC, LF); idempotent."""
    from nkru_data.workflow.generate import format_tables

    report_changes(format_tables(path, write=not check), check, "reformatted")


@app.command()
@friendly
def anchor(
    check: bool = CheckOpt,
    path: Path | None = PathArg,
    seeds: Path | None = typer.Option(
        None, "--seeds", help="Folder of archived texts (default: seeds/ beside the package)."
    ),
) -> None:
    """Write where each quote stands in its archived text (citations start/end) and each
    text's SHA-256 (sources.sha256); idempotent."""
    from nkru_data.workflow.anchor import anchor as run

    report_changes(run(path, seeds=seeds, write=not check), check, "written")


@app.command()
@friendly
def merge(
    old: str = typer.Argument(..., help="The id that goes (it will redirect)."),
    new: str = typer.Argument(..., help="The id that stays."),
    reason: str = typer.Option(..., "--reason", help="Why the two are one real thing."),
    path: Path | None = typer.Option(None, "--path", help="Package folder."),
) -> None:
    """Merge two records of one real thing: OLD's references, citations and labels move to NEW,
    and redirects.csv keeps OLD resolvable."""
    from nkru_data.workflow.merge import merge as run

    run(old, new, reason, path)
    out.print(f"{old} merged into {new}", highlight=False)


@app.command()
@friendly
def cldr(
    check: bool = CheckOpt,
    path: Path | None = PathArg,
) -> None:
    """Generate Russian and Korean country names from CLDR (origin=cldr) into labels.csv."""
    from nkru_data.workflow.labels import cldr_labels

    report_changes(cldr_labels(path, write=not check), check, "written")
