"""Drafting and reviewing Russian and Korean labels."""

from __future__ import annotations

from pathlib import Path

import typer

from nkru_data.cli.app import Lang, PathArg, app, err, friendly, out
from nkru_data.errors import NkruDataError


@app.command()
@friendly
def translate(
    lang: list[Lang] | None = typer.Option(
        None, "--lang", "-l", help="ru and/or ko (default both)."
    ),
    field: list[str] | None = typer.Option(
        None, "--field", "-f", help="name, title and/or description (default all)."
    ),
    dry_run: bool = typer.Option(
        False, "--dry-run", help="List what would be drafted; write nothing."
    ),
    path: Path | None = PathArg,
) -> None:
    """Draft missing ru/ko labels with argostranslate (origin=machine, reviewed=false).

    Never overwrites a label; resumable; needs the `translate` extra and the argos language
    packages (en→ru, en→ko).
    """
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TimeRemainingColumn

    from nkru_data.workflow.translate import FIELDS, draft_labels

    langs = [x.value for x in lang] if lang else ["ru", "ko"]
    fields = list(field) if field else list(FIELDS)
    if set(fields) - set(FIELDS):
        raise NkruDataError(f"--field takes {', '.join(FIELDS)}", code="usage")
    if dry_run:
        todo = draft_labels(path, langs=langs, fields=fields, dry_run=True)
        for item in todo:
            print(f"{item.entity}\t{item.field}\t{item.lang}\t{item.english}")
        err.print(f"{len(todo)} label(s) would be drafted")
        return
    columns = ("{task.description}", BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=err) as bar:
        task = bar.add_task("drafting labels", total=None)

        def advance(item: object, done: int, total: int) -> None:
            bar.update(task, completed=done, total=total)

        todo = draft_labels(path, langs=langs, fields=fields, progress=advance)
    out.print(f"drafted {len(todo)} label(s) (origin=machine, reviewed=false)")


@app.command()
@friendly
def review(
    accept: list[str] | None = typer.Option(
        None, "--accept", "-a", help="Mark reviewed: ENTITY/FIELD/LANG (repeatable), or 'all'."
    ),
    lang: Lang | None = typer.Option(None, "--lang", "-l", help="Only this language."),
    path: Path | None = PathArg,
) -> None:
    """List unreviewed labels, or mark chosen ones reviewed (after a person checked them)."""
    from nkru_data.workflow.labels import mark_reviewed, unreviewed

    if not accept:
        rows = unreviewed(path, lang.value if lang else None)
        for row in rows:
            key = f"{row['entity']}/{row['field']}/{row['lang']}"
            print(f"{key}\t{row['origin']}\t{row['value']}")
        err.print(f"{len(rows)} unreviewed label(s)")
        return
    changed = mark_reviewed(path, accept, lang.value if lang else None)
    out.print(f"marked {changed} label(s) reviewed")
