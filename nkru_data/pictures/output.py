"""Where a picture goes and how its bytes are made: the same data gives the same file.

The output path's suffix picks the format (``.svg`` or ``.png``); an existing file is replaced
only with ``force`` (the rule of ``nkru-data export``), and the picture is written to a
temporary file beside it and moved into place, so a failed drawing leaves no half file.

Reproducible bytes: SVG element ids come from ``svg.hashsalt`` (a fixed salt, not a random
one), the SVG carries no ``Date`` and PNG no time stamp; text stays text in the SVG
(``svg.fonttype = 'none'``), so a reader can search and copy a Russian or Korean title, and
the file names the font family instead of embedding outlines. ``$`` in a title is a dollar, not
the start of a formula (``text.parse_math`` off).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from nkru_data.errors import MissingExtra, NkruDataError, OutputExists

if TYPE_CHECKING:
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure
    from matplotlib.transforms import Transform

    from nkru_data.pictures.fonts import Font

FORMATS = {".svg": "svg", ".png": "png"}
#: pixels per inch of a PNG
DPI = 110
SALT = "nkru-data"


def picture_format(target: Path) -> str:
    """``svg`` or ``png`` from the suffix; anything else is an error naming the two."""
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        shown = repr(target.suffix[:20]) if target.suffix else "no suffix"
        raise NkruDataError(f"{str(target)[:200]}: a picture is written as .svg or .png, not"
                            f" {shown}", code="unknown-format")  # fmt: skip
    return fmt


def check_target(target: Path, force: bool) -> str:
    """The format to write, once the path is known to be writable without losing anything.

    Checked before any drawing, so that a typo costs nothing.
    """
    fmt = picture_format(target)
    if target.is_symlink() or (target.exists() and not force):
        raise OutputExists(f"{target}: already exists; pass --force to replace it",
                           path=str(target))  # fmt: skip
    if target.is_dir():
        raise OutputExists(f"{target}: is a folder; a picture is a file", path=str(target))
    if not target.resolve().parent.is_dir():
        raise NkruDataError(f"{target.parent}: no such folder", code="no-such-folder",
                            path=str(target.parent))  # fmt: skip
    return fmt


def matplotlib_module() -> Any:
    """matplotlib, or the one-line error naming the ``plot`` extra."""
    try:
        import matplotlib
    except ImportError:
        raise MissingExtra.needs("plot", "matplotlib", "plot") from None
    return matplotlib


def settings(font: Font) -> dict[str, Any]:
    """The rcParams every picture is drawn and saved under."""
    return {
        "font.family": [font.family],
        "font.size": 8,
        "svg.fonttype": "none",
        "svg.hashsalt": SALT,
        "text.parse_math": False,
        "axes.unicode_minus": False,
        "hatch.linewidth": 0.6,
        "path.simplify": True,
    }


@contextlib.contextmanager
def drawing(font: Font) -> Iterator[None]:
    """Inside it, figures are drawn with :func:`settings` (fonts are resolved when drawn)."""
    matplotlib = matplotlib_module()
    with matplotlib.rc_context(settings(font)):
        yield


def new_figure(width: float, height: float) -> Figure:
    """A figure on the Agg canvas, outside pyplot: no GUI backend, no global figure list."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    figure = Figure(figsize=(width, height))
    FigureCanvasAgg(figure)
    return figure


def beside(ax: Axes, points: float) -> Transform:
    """``ax``'s data coordinates moved ``points`` to the right: text just past a mark's end, the
    same gap on a linear or a logarithmic axis."""
    from matplotlib.transforms import offset_copy

    return offset_copy(ax.transData, fig=cast("Figure", ax.figure), x=points, units="points")


def picture_bytes(figure: Figure, fmt: str) -> bytes:
    """The figure as SVG or PNG, the same bytes for the same figure."""
    buffer = BytesIO()
    metadata: dict[str, Any] = {"Date": None} if fmt == "svg" else {"Software": "nkru-data"}
    figure.savefig(buffer, format=fmt, dpi=DPI, metadata=metadata, bbox_inches="tight",
                   pad_inches=0.25, facecolor="white")  # fmt: skip
    return buffer.getvalue()


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write(target: Path, data: bytes) -> Path:
    """Put ``data`` at ``target`` through a temporary file in the same folder."""
    parent = target.resolve().parent
    handle, staged = tempfile.mkstemp(prefix=f".{target.name}.", dir=parent)
    try:
        with os.fdopen(handle, "wb") as file:
            file.write(data)
        os.chmod(staged, 0o666 & ~_umask())  # mkstemp's 0600 is for the staging only
        os.replace(staged, target)
    except BaseException:
        Path(staged).unlink(missing_ok=True)
        raise
    return target
