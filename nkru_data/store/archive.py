"""The archived texts of the sources, and where quotes stand in them.

Read bounded, normalised once, hashed (``sources.sha256``); quotes are found on word
boundaries and anchored by code-point offsets (``citations.start``/``end``). Validation
(:mod:`nkru_data.validation.provenance`) and ``nkru-data anchor`` both use this one module.

A quote is compared with the archived text after normalising only what typesetting changes:
white-space runs, typographic quotes and apostrophes, dashes, non-breaking spaces, Unicode NFC.
Everything else — spelling, punctuation, case — must match exactly.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import lru_cache
from pathlib import Path

from nkru_data.store.safety import read_bounded

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
#: the white-space runs :func:`normalise` changes: all but a lone space, which it keeps, so
#: a text of single spaces (most of them) is not rebuilt at every word
_SPACE_RUN = re.compile(r"[^\S ]\s*| \s+")
#: a text without these needs no typographic folding (the table's keys)
_TYPOGRAPHIC = re.compile("[" + "".join(chr(c) for c in _TYPOGRAPHY) + "]")


def normalise(text: str) -> str:
    """The text with typography and white space folded (see module docstring).

    An ASCII text is in NFC and has no typographic character, so only its white space can
    change; the other steps are skipped where they would change nothing.
    """
    if not text.isascii():
        text = unicodedata.normalize("NFC", text)
        if _TYPOGRAPHIC.search(text):
            text = text.translate(_TYPOGRAPHY)
    if _SPACE_RUN.search(text):
        text = _SPACE_RUN.sub(" ", text)
    return text.strip()


#: an archived article is tens of KB; this bounds what a hostile seed can cost
MAX_ARCHIVE_BYTES = 20_000_000
#: a quote shorter than this (in characters, after normalising) and of fewer words proves
#: little: "the" stands in any text
MIN_QUOTE_CHARS = 15
MIN_QUOTE_WORDS = 3
#: a quote shorter than this that stands more than once needs an anchor chosen by hand
AMBIGUOUS_BELOW = 20
#: occurrences of a quote looked at for one on word boundaries
_MAX_OCCURRENCES = 10_000
_WORDS = re.compile(r"[^\W_]+")


@lru_cache(maxsize=32)
def archived_text(path: Path) -> str:
    """The normalised text of an archived source file.

    Raises :class:`UnusablePackage` when the file is too large or not UTF-8.
    """
    return normalise(read_bounded(path, MAX_ARCHIVE_BYTES, path.name))


def _boundary(text: str, start: int, end: int, quote: str) -> bool:
    """The quote at ``text[start:end]`` neither begins nor ends inside a word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (
        (quote[0].isalnum() and before.isalnum()) or (quote[-1].isalnum() and after.isalnum())
    )


def occurrences(quote: str, text: str, most: int = _MAX_OCCURRENCES) -> list[int]:
    """Where the quote stands in the (normalised) archived text, on word boundaries: the
    code-point offsets ``citations.start`` holds. At most ``most`` of them are looked for."""
    return occurrences_of(normalise(quote), text, most)


def occurrences_of(needle: str, text: str, most: int = _MAX_OCCURRENCES) -> list[int]:
    """:func:`occurrences` of a quote already normalised (a caller that needs the normalised
    quote anyway normalises it once)."""
    found: list[int] = []
    if not needle:
        return found
    start = text.find(needle)
    seen = 0
    while start != -1 and seen < _MAX_OCCURRENCES and len(found) < most:
        if _boundary(text, start, start + len(needle), needle):
            found.append(start)
        start = text.find(needle, start + 1)
        seen += 1
    return found


def stands_at(needle: str, text: str, start: int, end: int) -> bool:
    """True when the normalised quote stands at ``text[start:end]`` on word boundaries, where
    :func:`occurrences` is sure to meet it: a slice compare instead of a search of the text.

    Sure: the search looks at :data:`_MAX_OCCURRENCES` occurrences at most, and at most
    ``start`` of them begin before ``start``. ``False`` says only that the caller must
    search.
    """
    return (
        bool(needle) and 0 <= start < _MAX_OCCURRENCES and end == start + len(needle)
        and text.startswith(needle, start) and _boundary(text, start, end, needle)
    )  # fmt: skip


def quote_stands(quote: str, text: str) -> bool:
    """True when the quote stands verbatim (after :func:`normalise`) in the archived text,
    beginning and ending on word boundaries ("Moscow" does not stand in "Moscowitz")."""
    return bool(occurrences(quote, text, most=1))


def anchor_of(quote: str, text: str, start: int | None, end: int | None) -> tuple[int, int] | None:
    """The anchor a citation should carry: its own if it still locates the quote, else the only
    occurrence, or the first of several when the quote is long enough that they are the same
    passage repeated (a caption, a pull quote). ``None``: not found, or short and ambiguous."""
    needle = normalise(quote)
    if (
        start is not None and end is not None and needle and text[start:end] == needle
        and _boundary(text, start, end, needle)
    ):  # fmt: skip
        return start, end
    found = occurrences(quote, text, most=2)
    if not found or (len(found) > 1 and len(needle) < AMBIGUOUS_BELOW):
        return None
    return found[0], found[0] + len(needle)


def sha256_file(path: Path) -> str:
    """SHA-256 of an archived text's bytes, as ``sources.sha256`` holds it (bounded read)."""
    return hashlib.sha256(
        read_bounded(path, MAX_ARCHIVE_BYTES, path.name).encode("utf-8")
    ).hexdigest()


def short_quote(quote: str, names: tuple[str, ...] = ()) -> str | None:
    """Why a quote is too short to prove anything, or ``None``.

    A quote needs at least :data:`MIN_QUOTE_CHARS` characters or :data:`MIN_QUOTE_WORDS`
    words, unless it holds one of the record's own names (``KCNA``) or a number, whole.
    """
    text = normalise(quote)
    words = _WORDS.findall(text)
    if len(text) >= MIN_QUOTE_CHARS or len(words) >= MIN_QUOTE_WORDS:
        return None
    if any(w.isdigit() for w in words):
        return None
    for name in names:
        found = normalise(name)
        index = text.find(found) if found else -1
        if index != -1 and _boundary(text, index, index + len(found), found):
            return None
    return (
        f"a quote of {len(text)} characters and {len(words)} word(s) proves little: quote at"
        f" least {MIN_QUOTE_CHARS} characters or {MIN_QUOTE_WORDS} words (or the record's"
        " whole name or a number)"
    )


#: characters of archived text shown on each side of a quote (the articles stay their
#: publishers': a quote and a few words around it, never more)
CONTEXT_CHARS = 30


def context_of(text: str, start: int, end: int, width: int = CONTEXT_CHARS) -> tuple[str, str]:
    """The archived text just before and just after ``text[start:end]``: at most ``width``
    characters each side, cut back to whole words (``…`` where the text goes on)."""
    before = text[max(0, start - width) : start]
    after = text[end : end + width]
    if start - width > 0 and " " in before:
        before = "…" + before[before.index(" ") + 1 :]
    if end + width < len(text) and " " in after:
        after = after[: after.rindex(" ")] + "…"
    return before, after
