"""The typer app and what every command shares: consoles, options, choices, error handling.

Command modules import this one and register themselves on :data:`app`; this module imports
none of them, so the command line has no import circle (:mod:`nkru_data.cli` gathers them).
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Sequence
from enum import Enum
from functools import wraps
from typing import Any, TypeVar

import typer
from rich.console import Console
from rich.markup import escape
from typer.core import TyperGroup

from nkru_data.errors import NkruDataError

out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)
F = TypeVar("F", bound=Callable[..., Any])


def fail(code: str, message: str) -> None:
    """The one shape of every error the command line reports: one line on stderr."""
    err.print(f"[bold red]error[/] {escape(f'[{code}] {message}')}", highlight=False)


class OneLineErrors(TyperGroup):
    """Usage errors (a bad choice, a bad number, an unknown option) as one line and exit 2.

    Click would print the usage, a hint and a boxed message over several lines; a person reads
    one line faster, and a script can grep it. It is the same line :func:`friendly` prints for
    the library's errors, with the code ``usage``.
    """

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        if not standalone_mode:
            return super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        try:
            code = super().main(args, prog_name, complete_var, False, windows_expand_args, **extra)
        except typer.TyperException as exc:  # click's ClickException and UsageError derive from it
            ctx = getattr(exc, "ctx", None)
            where = f"{ctx.command_path}: " if ctx is not None else ""
            message = exc.format_message().replace("Value error, ", "")
            fail("usage", where + " ".join(message.split()))
            sys.exit(exc.exit_code)
        except typer.Abort:
            fail("usage", "aborted")
            sys.exit(1)
        sys.exit(code if isinstance(code, int) else 0)


app = typer.Typer(
    cls=OneLineErrors,
    help="nkru-data: a source-cited, multilingual dataset on North Korea–Russia relations.",
    no_args_is_help=False,
    add_completion=True,
    pretty_exceptions_enable=False,
)

CheckOpt = typer.Option(False, "--check", help="Only report what would change; exit 1 if any.")
PathArg = typer.Argument(
    None, help="Package folder or datapackage.json (default: the bundled one)."
)
PathOpt = typer.Option(None, "--path", help="Package folder (default: the bundled one).")


class Format(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class Output(str, Enum):
    """How a command that shows records writes them (``--format``)."""

    table = "table"
    json = "json"
    csv = "csv"


OutputOpt = typer.Option(
    Output.table,
    "--format",
    "-f",
    help="table (to read), json (UTF-8) or csv (RFC 4180, with a header).",
)


class Lang(str, Enum):
    en = "en"
    ru = "ru"
    ko = "ko"


LangOpt = typer.Option(
    Lang.en, "--lang", "-l", help="Language of names, titles and dates (English where missing)."
)


def friendly(func: F) -> F:
    """Turn the library's errors into a message and exit 2."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except NkruDataError as exc:
            fail(exc.code, str(exc))
            raise typer.Exit(2) from None

    return wrapper  # type: ignore[return-value]


def report_changes(changes: list[str], check: bool, done: str) -> None:
    """Print what a writing command changed (or, with ``--check``, would change); exit 1 then."""
    for change in changes:
        verb = "would change" if check else done
        (err if check else out).print(f"{change} {verb}", highlight=False)
    if check and changes:
        raise typer.Exit(1)
