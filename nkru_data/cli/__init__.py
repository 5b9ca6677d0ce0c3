"""The ``nkru-data`` command line (typer + rich).

Run with no command, it does the main job: load the bundled data, validate it and print a
summary. Every command reports bad input as a one-line message and exit code 2, never a
traceback. This module is the one place that gathers the command modules; each of them
registers its commands on :data:`nkru_data.cli.app.app`.
"""

from __future__ import annotations

import typer

from nkru_data.cli import (
    browse,
    cite,
    export,
    labels,
    lists,
    plot,
    quality,
    serve,
    site,
    versions,
)
from nkru_data.cli.app import Format, Output, app, out

__all__ = ["app", "main"]


def _print_versions(value: bool) -> None:
    if value:
        from nkru_data import DATA_VERSION, __version__

        out.print(f"nkru-data {__version__} (data {DATA_VERSION})", highlight=False)
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def main_job(
    ctx: typer.Context,
    version: bool = typer.Option(
        False,
        "--version",
        callback=_print_versions,
        is_eager=True,
        help="Print the library's version and the data's version, then exit.",
    ),
) -> None:
    """With no command: load, validate and summarise the bundled data."""
    if ctx.invoked_subcommand is None:
        browse.info(None, Output.table)
        quality.validate(
            None, Format.text, strict=False, seeds=None, engine=quality.Engine.compiled
        )


def main() -> None:
    """Console-script entry point."""
    app(prog_name="nkru-data")


# imported to register their commands
_COMMAND_MODULES = (browse, cite, export, labels, lists, plot, quality, serve, site, versions)
