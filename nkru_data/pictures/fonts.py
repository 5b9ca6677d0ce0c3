"""The one font every picture is drawn in: Noto Sans CJK (or Source Han Sans, the same design),
which has Latin, Cyrillic and Hangul glyphs in one face.

matplotlib's default, DejaVu Sans, has no Hangul: a Korean title would come out as a row of
empty boxes and a warning nobody reads. So the font is looked up among the system's fonts
(Debian and Ubuntu: ``apt-get install fonts-noto-cjk``), and a picture is refused with a
one-line error when there is none, never drawn in boxes. A face is accepted only if its
character map covers Cyrillic and Hangul; the text a picture is about to draw is checked
against the same map (:func:`check_glyphs`), so a label with a character the font lacks is an
error too. The Korean face of the collection comes first: Hanja in a name then take their
Korean forms.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from nkru_data.errors import MissingExtra, NkruDataError

#: families in order of preference (the faces of NotoSansCJK-Regular.ttc, and the same design
#: under its Adobe name)
FAMILIES = (
    "Noto Sans CJK KR",
    "Noto Sans CJK JP",
    "Noto Sans CJK SC",
    "Noto Sans CJK TC",
    "Noto Sans CJK HK",
    "Source Han Sans KR",
    "Source Han Sans K",
)
#: letters a face must have: Cyrillic and Hangul (Latin every candidate has)
PROBE = "ЖжЁё한글"
_FILES = re.compile(r"(NotoSansCJK|SourceHanSans)", re.IGNORECASE)
INSTALL = (
    "pictures need a font with Cyrillic and Hangul letters (Noto Sans CJK) and none is"
    " installed: apt-get install fonts-noto-cjk (Debian, Ubuntu), dnf install"
    " google-noto-sans-cjk-fonts (Fedora), or get it from https://github.com/notofonts/noto-cjk"
)


#: spaces the CJK faces lack (Russian sets "2016 г." with a narrow no-break space), each
#: replaced by the nearest one they have, so that a date never shows a box where a space was
SPACES = str.maketrans({"\u202f": "\u00a0", "\u2007": "\u00a0", "\u2009": " ",
                        "\u200a": " ", "\u2002": " ", "\u2003": " "})  # fmt: skip


def drawable(text: str) -> str:
    """``text`` with the spaces of :data:`SPACES` replaced, as every picture draws it.

    >>> drawable("2016\\u202fг.") == "2016\\u00a0г."
    True
    """
    return text.translate(SPACES)


@dataclass(frozen=True)
class Font:
    """The chosen face: its family name (what an SVG names), file and index in a collection."""

    family: str
    path: str
    index: int


def _candidates() -> list[Font]:
    from matplotlib import font_manager

    found = []
    for entry in font_manager.fontManager.ttflist:
        if entry.name in FAMILIES and entry.style == "normal" and entry.weight in (400, "normal"):
            found.append(Font(entry.name, entry.fname, int(getattr(entry, "index", 0))))
    return sorted(set(found), key=lambda f: (FAMILIES.index(f.family), f.path, f.index))


def _add_system_fonts() -> None:
    """Register CJK font files matplotlib's cache does not know yet (installed after the cache
    was built: matplotlib scans the system only when it first runs)."""
    from matplotlib import font_manager

    known = {entry.fname for entry in font_manager.fontManager.ttflist}
    for path in sorted(font_manager.findSystemFonts(fontext="ttf")):
        if path not in known and _FILES.search(path):
            try:
                font_manager.fontManager.addfont(path)
            except (OSError, RuntimeError, ValueError):  # an unreadable file is not our font
                continue


def charmap(font: Font) -> frozenset[int]:
    """The code points the face has glyphs for."""
    return _charmap(font.path, font.index)


@lru_cache(maxsize=4)
def _charmap(path: str, index: int) -> frozenset[int]:
    from matplotlib.ft2font import FT2Font

    return frozenset(FT2Font(path, face_index=index).get_charmap())


def _covers(font: Font) -> bool:
    try:
        codes = charmap(font)
    except (OSError, RuntimeError, ValueError):
        return False
    return all(ord(c) in codes for c in PROBE)


@lru_cache(maxsize=1)
def choose_font() -> Font:
    """The first installed face of :data:`FAMILIES` that covers Cyrillic and Hangul.

    Raises :class:`~nkru_data.errors.MissingExtra` (one line: what to install) when there is
    none: drawing in DejaVu Sans would print Korean as boxes.
    """
    for attempt in range(2):
        for font in _candidates():
            if _covers(font):
                return font
        if attempt == 0:
            _add_system_fonts()
    raise MissingExtra(INSTALL)


def check_glyphs(font: Font, texts: list[str]) -> None:
    """Refuse to draw text the face has no glyph for (it would show as a box).

    A line break needs no glyph; anything else does, spaces too (pass texts through
    :func:`drawable` first).
    """
    codes = charmap(font)
    missing = sorted({c for text in texts for c in text if c != "\n" and ord(c) not in codes})
    if missing:
        shown = ", ".join(f"U+{ord(c):04X}" for c in missing[:8])
        raise NkruDataError(f"the font {font.family} has no glyph for {shown}: the picture"
                            " would show a box for it, so it is not drawn")  # fmt: skip
