"""The ``nkru-data`` command line (typer + rich).

Run with no command, it does the main job: load the bundled data, validate it and print a
summary. Every command reports bad input as a one-line message and exit code 2, never a
traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import wraps
from pathlib import Path
from typing import Any, TypeVar

import typer
from rich.console import Console

from .errors import NkruDataError

app = typer.Typer(
    help="nkru-data: a source-cited, multilingual dataset on North Korea–Russia relations.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])

PathArg = typer.Argument(
    None, help="Package folder or datapackage.json (default: the bundled one)."
)


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class Lang(str, Enum):
    en = "en"
    ru = "ru"
    ko = "ko"


def friendly(func: F) -> F:
    """Turn the library's errors into a message and exit 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NkruDataError as exc:
            err.print(f"[bold red]error[/] [{exc.code}] {exc}", highlight=False, markup=True)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


@app.callback(invoke_without_command=True)
def main_job(ctx: typer.Context) -> None:
    """With no command: load, validate and summarise the bundled data."""
    if ctx.invoked_subcommand is None:
        info(None)
        validate(None, Format.text)


@app.command()
@friendly
def info(path: Path | None = PathArg) -> None:
    """Counts per table and kind, and label coverage per language and origin."""
    from .summary import summary_tables

    for table in summary_tables(path):
        out.print(table)


@app.command()
def validate(
    path: Path | None = PathArg,
    format: Format = typer.Option(Format.text, "--format", "-f", help="text, json or github."),
) -> None:
    """Validate structure (frictionless) and meaning; exit 0 valid, 1 invalid, 2 unusable."""
    from .validate import validate as run

    report = run(path)
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
def show(
    id: str = typer.Argument(..., help="Record id, e.g. person:svetlana-gannushkina."),
    lang: Lang = typer.Option(Lang.en, "--lang", "-l", help="Language of the card."),
    path: Path | None = typer.Option(None, "--path", help="Package folder."),
) -> None:
    """Show one record whole in one language: names, dates, roles, claims and citations.

    Text missing in that language is shown in English, marked [en].
    """
    from .dataset import load

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
    from .dataset import load

    ds = load(path)
    hits = ds.search(text, limit=limit)
    if not hits:
        err.print(f"nothing matches {text!r}")
        raise typer.Exit(1)
    for record in hits:
        rid = getattr(record, "id", "")
        print(f"{rid}\t{ds.label(rid, lang.value)}")


@app.command()
@friendly
def schemas(
    check: bool = typer.Option(False, "--check", help="Only report stale files; exit 1 if any."),
    path: Path | None = PathArg,
) -> None:
    """Regenerate schemas/*.schema.json and datapackage.json's Table Schemas, bytes, hashes."""
    from .generate import regenerate

    stale = regenerate(path, write=not check)
    for item in stale:
        (err if check else out).print(f"{'stale' if check else 'wrote'}: {item}", highlight=False)
    if check and stale:
        raise typer.Exit(1)


@app.command()
@friendly
def fmt(
    check: bool = typer.Option(
        False, "--check", help="Only report what would change; exit 1 if any."
    ),
    path: Path | None = PathArg,
) -> None:
    """Rewrite every CSV in canonical form (column and row order, quoting, NFC, LF); idempotent."""
    from .generate import format_tables

    changes = format_tables(path, write=not check)
    for where in changes:
        (err if check else out).print(
            f"{where} {'would change' if check else 'reformatted'}", highlight=False
        )
    if check and changes:
        raise typer.Exit(1)


@app.command()
@friendly
def cldr(
    check: bool = typer.Option(
        False, "--check", help="Only report what would change; exit 1 if any."
    ),
    path: Path | None = PathArg,
) -> None:
    """Generate Russian and Korean country names from CLDR (origin=cldr) into labels.csv."""
    from .labels import cldr_labels

    changes = cldr_labels(path, write=not check)
    for change in changes:
        (err if check else out).print(change, highlight=False)
    if check and changes:
        raise typer.Exit(1)


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

    from .translate import FIELDS, draft_labels

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
    from .labels import mark_reviewed, unreviewed

    if not accept:
        rows = unreviewed(path, lang.value if lang else None)
        for row in rows:
            key = f"{row['entity']}/{row['field']}/{row['lang']}"
            print(f"{key}\t{row['origin']}\t{row['value']}")
        err.print(f"{len(rows)} unreviewed label(s)")
        return
    changed = mark_reviewed(path, accept, lang.value if lang else None)
    out.print(f"marked {changed} label(s) reviewed")


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
    from .diff import diff_sources

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
    from .release import release as run

    if not (root / "pyproject.toml").is_file():
        raise NkruDataError(f"{root}: not a source checkout (no pyproject.toml)", code="usage")
    out.print(f"released {run(root, bump.value)}")


def main() -> None:
    """Console-script entry point."""
    app(prog_name="nkru-data")


if __name__ == "__main__":  # pragma: no cover
    main()
