"""``nkru-data site``: the dataset as a static website in English, Russian and Korean.

One page per record and per language, index pages (home, lists, timeline, sources, the
dataset), all plain HTML and one stylesheet: no script, no font or file from elsewhere, so the
site works offline, from a disk, and with JavaScript off. Jinja2 (the ``site`` extra) is
imported only when a site is built.
"""

from __future__ import annotations

from nkru_data.site.build import MARKER, build

__all__ = ["MARKER", "build"]
