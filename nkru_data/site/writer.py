"""Pages rendered from the templates into the folder being built, each in its language.

One place knows how a page is written: its path under the site (``<lang>/<page>``), the prefix
that takes its links back to the site's root (relative, or ``--base-url``), the chrome's words
in its language. Record pages (:mod:`.pages`) and the overviews (:mod:`.overviews`) both write
through it.
"""

from __future__ import annotations

from importlib.resources import files
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.site.words import LANG_NAMES, LANGS, WORDS, word

if TYPE_CHECKING:
    from jinja2 import Environment


def environment() -> Environment:
    """The templates, escaped (every text is the data's), read from the installed package."""
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    folder = Path(str(files("nkru_data.site") / "templates"))
    return Environment(loader=FileSystemLoader(folder), autoescape=True, undefined=StrictUndefined,
                       keep_trailing_newline=True)  # fmt: skip


class Writer:
    """Renders templates into the staging folder, with each page's chrome in its language."""

    def __init__(self, root: Path, base_url: str | None) -> None:
        self.root = root
        self.base = base_url.rstrip("/") + "/" if base_url else None
        self.env = environment()
        self.count = 0
        #: the chrome's words, once per language (every page of a tree shows the same)
        self.words = {lang: {key: word(key, lang) for key in WORDS} for lang in LANGS}

    def file(self, where: str, data: bytes) -> None:
        """Write a file that is not a page (a stylesheet, a script, a download)."""
        target = self.root / where
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)

    def root_of(self, where: str) -> str:
        """The prefix from the file ``where`` (a path under the site) back to the root."""
        return self.base or "../" * where.count("/")

    def page(self, lang: str, page: str, template: str, **context: Any) -> None:
        """Write ``<lang>/<page>`` (``lang`` empty: the language chooser at the root)."""
        where = f"{lang}/{page}" if lang else page
        root = self.root_of(where)
        words = self.words[lang or "en"]
        html = self.env.get_template(template).render(
            lang=lang or "en", page=page, root=root, langs=LANGS, lang_names=LANG_NAMES,
            w=words, **context)  # fmt: skip
        target = self.root / where
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(html.encode("utf-8"))
        self.count += 1
