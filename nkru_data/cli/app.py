"""The typer app and what every command shares: consoles, options, choices, error handling.

Command modules import this one and register themselves on :data:`app`; this module imports
none of them, so the command line has no import circle (:mod:`nkru_data.cli` gathers them).
"""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from functools import wraps
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape

from nkru_data.errors import NkruDataError

app = typer.Typer(
    help="nkru-data: a source-cited, multilingual dataset on North Korea–Russia relations.",
    no_args_is_help=False,
    add_completion=False,
    pretty_exceptions_enable=False,
)
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])

CheckOpt = typer.Option(False, "--check", help="Only report what would change; exit 1 if any.")
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
            err.print(f"[bold red]error[/] {escape(f'[{exc.code}] {exc}')}", highlight=False)
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def report_changes(changes: list[str], check: bool, done: str) -> None:
    """Print what a writing command changed (or, with ``--check``, would change); exit 1 then."""
    for change in changes:
        verb = "would change" if check else done
        (err if check else out).print(f"{change} {verb}", highlight=False)
    if check and changes:
        raise typer.Exit(1)
