"""Proof that quotes stand in their sources' archived texts.

A quote is compared with the archived text after normalising only what typesetting changes:
white-space runs, typographic quotes and apostrophes, dashes, non-breaking spaces, Unicode NFC.
Everything else — spelling, punctuation, case — must match exactly.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from pathlib import Path

_TYPOGRAPHY = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u00ab": '"',
        "\u00bb": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u2009": " ",
        "\u202f": " ",
    }
)
_SPACE = re.compile(r"\s+")


def normalise(text: str) -> str:
    """The text with typography and white space folded (see module docstring)."""
    text = unicodedata.normalize("NFC", text).translate(_TYPOGRAPHY)
    return _SPACE.sub(" ", text).strip()


@lru_cache(maxsize=32)
def archived_text(path: Path) -> str:
    """The normalised text of an archived source file."""
    return normalise(path.read_text(encoding="utf-8"))


def quote_stands(quote: str, archive: Path) -> bool:
    """True when the quote stands verbatim (after :func:`normalise`) in the archived text."""
    return normalise(quote) in archived_text(archive)
