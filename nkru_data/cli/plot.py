"""``nkru-data plot timeline|stats``: the dataset as a picture, SVG or PNG (see
:mod:`nkru_data.pictures`; needs the ``plot`` extra and a Noto Sans CJK font)."""

from __future__ import annotations

from pathlib import Path

import typer

from nkru_data.cli.app import Lang, LangOpt, PathOpt, app, friendly, out
from nkru_data.model.enums import Topic

plot_app = typer.Typer(
    help="Draw the dataset as a picture (SVG or PNG, by the output's suffix): the events on a"
    " time axis, or a topic's statistics as bars. Needs the 'plot' extra and Noto Sans CJK."
)
app.add_typer(plot_app, name="plot")


@plot_app.callback(invoke_without_command=True)
def plot(ctx: typer.Context) -> None:
    """With no picture named: this help, and exit 0 (click would call it a usage error)."""
    if ctx.invoked_subcommand is None:
        typer.echo(ctx.get_help())
        raise typer.Exit()


OutputArg = typer.Option(
    ..., "--output", "-o", help="File to write: .svg or .png (the suffix picks the format)."
)
ForceOpt = typer.Option(False, "--force", help="Replace the output if it exists.")


@plot_app.command(help="The events on a time axis, one row per event, titled in --lang.")
@friendly
def timeline(
    output: Path = OutputArg,
    involving: str | None = typer.Option(
        None, "--involving", "-i", help="Only the events this record (id) takes part in or hosts."
    ),
    lang: Lang = LangOpt,
    force: bool = ForceOpt,
    path: Path | None = PathOpt,
) -> None:
    """Draw the events (all, or those involving one record) on a time axis; an approximate,
    uncertain or open date is drawn as such, one with no known year listed apart."""
    from nkru_data.dataset import load
    from nkru_data.pictures import plot_timeline

    written = plot_timeline(load(path), output, lang=lang.value, involving=involving, force=force)
    out.print(f"wrote {written}", highlight=False)


@plot_app.command(help="Statistics as bars, one axis per unit; those without a number as text.")
@friendly
def stats(
    output: Path = OutputArg,
    topic: Topic | None = typer.Option(None, "--topic", "-t", help="Only this topic's statistics."),
    lang: Lang = LangOpt,
    force: bool = ForceOpt,
    path: Path | None = PathOpt,
) -> None:
    """Draw the statistics (all, or one topic's) as horizontal bars, with low–high ranges, one
    axis per unit; the statistics the sources give only in words are listed as text."""
    from nkru_data.dataset import load
    from nkru_data.pictures import plot_stats

    chosen = topic.value if topic else None
    written = plot_stats(load(path), output, lang=lang.value, topic=chosen, force=force)
    out.print(f"wrote {written}", highlight=False)
