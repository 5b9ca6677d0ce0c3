"""Versions: record-level diffs and releases."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from nkru_data.cli.app import app, friendly, out
from nkru_data.errors import NkruDataError


class DiffFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


@app.command()
@friendly
def diff(
    old: str = typer.Argument(..., help="Package folder or git revision (e.g. main)."),
    new: str = typer.Argument(..., help="Package folder or git revision (e.g. HEAD)."),
    format: DiffFormat = typer.Option(DiffFormat.text, "--format", "-f"),
) -> None:
    """Record-level diff: added, removed and changed records, field by field, labels folded in."""
    from nkru_data.workflow.diff import diff_sources

    result = diff_sources(old, new)
    if format is DiffFormat.json:
        print(result.to_json())
    else:
        print(result.to_text(markdown=format is DiffFormat.markdown))


class Part(str, Enum):
    patch = "patch"
    minor = "minor"
    major = "major"


@app.command()
@friendly
def release(
    bump: Part = typer.Option(..., "--bump", help="patch, minor or major (SemVer)."),
    root: Path = typer.Option(Path("."), "--root", help="Source checkout (default: here)."),
) -> None:
    """Bump the version in pyproject.toml, datapackage.json and CITATION.cff together."""
    from nkru_data.workflow.release import release as run

    if not (root / "pyproject.toml").is_file():
        raise NkruDataError(f"{root}: not a source checkout (no pyproject.toml)", code="usage")
    out.print(f"released {run(root, bump.value)}")
