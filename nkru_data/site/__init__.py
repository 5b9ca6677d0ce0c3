"""``nkru-data site``: the dataset as a static website in English, Russian and Korean.

One page per record and per language (:mod:`.pages`), the overviews — home, lists, timelines
per entity and kind, statistics charts, places, sources, search, the dataset, the policy on
private persons (:mod:`.overviews`) — and their SVG pictures (:mod:`.charts`): plain HTML, one
stylesheet, no font or file from elsewhere, so the site works offline and from a disk. Only the
search box needs JavaScript (one small script of its own); every other page works without it.
Jinja2 (the ``site`` extra) is imported only when a site is built.
"""

from __future__ import annotations

from nkru_data.site.build import MARKER, build

__all__ = ["MARKER", "build"]
