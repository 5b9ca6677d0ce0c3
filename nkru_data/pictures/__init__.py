"""Pictures of the dataset, as SVG or PNG: the events on a time axis, a topic's statistics.

A sibling of :mod:`nkru_data.export`: it reads a :class:`~nkru_data.dataset.Dataset` and writes
a file, with matplotlib (the ``plot`` extra) imported only when a picture is drawn, on the Agg
canvas, outside pyplot. Each picture is drawn in one language (titles, axis labels, legend,
dates), in a font that has Cyrillic and Hangul (:mod:`.fonts`), and the same data gives the
same bytes (:mod:`.output`). How dates and numbers are drawn is said in :mod:`.timeline` and
:mod:`.stats`.

>>> from nkru_data import load
>>> rows, undated = timeline_rows(load(), "ko", "person:kim-chol-sam")
>>> rows[0].when, rows[0].span.shape  # a year: a short bar over 2016
('2016년', 'short')
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from nkru_data.pictures.timeline import rows as timeline_rows
from nkru_data.views.lookup import check_lang

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset

__all__ = ["KINDS", "plot_stats", "plot_timeline", "timeline_rows"]

#: the pictures, by the name the command line gives them
KINDS = ("timeline", "stats")


def plot_timeline(
    ds: Dataset,
    output: str | os.PathLike[str],
    *,
    lang: str = "en",
    involving: str | None = None,
    force: bool = False,
) -> Path:
    """Draw the events (all, or those involving one record) on a time axis into ``output``.

    The suffix of ``output`` picks SVG or PNG; an existing file is replaced only with
    ``force``. Returns the path written.
    """
    from nkru_data.pictures import fonts
    from nkru_data.pictures import output as out
    from nkru_data.pictures import timeline as tl

    check_lang(lang, "pictures")
    target = Path(output)
    fmt = out.check_target(target, force)
    drawn, undated = tl.rows(ds, lang, involving)
    name = tl.heading(ds, lang, involving)
    out.matplotlib_module()
    font = fonts.choose_font()
    fonts.check_glyphs(font, tl.texts(drawn, undated, name, lang))
    with out.drawing(font):
        data = out.picture_bytes(tl.figure(drawn, undated, name, lang), fmt)
    return out.write(target, data)


def plot_stats(
    ds: Dataset,
    output: str | os.PathLike[str],
    *,
    lang: str = "en",
    topic: str | None = None,
    force: bool = False,
) -> Path:
    """Draw the statistics (all, or those of one topic) as bars into ``output``, one axis per
    unit; statistics without a number are listed as text. Returns the path written."""
    from nkru_data.pictures import fonts
    from nkru_data.pictures import output as out
    from nkru_data.pictures import stats as st

    check_lang(lang, "pictures")
    target = Path(output)
    fmt = out.check_target(target, force)
    chart = st.chart(ds, lang, topic)
    out.matplotlib_module()
    font = fonts.choose_font()
    fonts.check_glyphs(font, st.texts(chart, lang))
    with out.drawing(font):
        data = out.picture_bytes(st.figure(chart, lang), fmt)
    return out.write(target, data)
