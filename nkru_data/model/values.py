"""What a CSV cell may hold: the one parsing of numbers and booleans, and text hygiene.

``validate`` and ``load()`` share these functions, so the two accept and reject exactly the same
values. Free of pydantic and babel: the load path uses them.
"""

from __future__ import annotations

import math
import re
import unicodedata

#: a number as the tables write it: ASCII digits, an optional minus, decimals, an exponent
NUMBER_RE = re.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][-+]?[0-9]{1,3})?")
NUMBER_MAX_LENGTH = 40
TRUE, FALSE = "true", "false"

#: characters a spreadsheet reads as the start of a formula (OWASP's list, with the full-width
#: forms some spreadsheets also honour)
FORMULA_START = frozenset("=+-@\t\r\n\uff1d\uff0b\uff0d\uff20")
#: letters that render blank although they are not white space (Hangul fillers, braille blank)
_BLANK_LETTERS = frozenset("\u115f\u1160\u3164\uffa0\u2800\u034f")


def parse_number(text: str) -> float:
    """A finite number written in ASCII digits (``-12.5``, ``1e6``), else :class:`ValueError`.

    >>> parse_number("-12.5")
    -12.5
    >>> parse_number("NaN")
    Traceback (most recent call last):
    ValueError: 'NaN' is not a number written in ASCII digits (e.g. 1200, -3.5, 1e6)
    """
    if len(text) > NUMBER_MAX_LENGTH or not NUMBER_RE.fullmatch(text):
        shown = text if len(text) <= NUMBER_MAX_LENGTH else text[:NUMBER_MAX_LENGTH] + "…"
        raise ValueError(
            f"{shown!r} is not a number written in ASCII digits (e.g. 1200, -3.5, 1e6)"
        )
    value = float(text)
    if not math.isfinite(value):
        raise ValueError(f"{text!r} is too large to be a finite number")
    return value


#: a count or an offset: ASCII digits, no sign, no leading zero
INTEGER_RE = re.compile(r"0|[1-9][0-9]{0,17}")


def parse_integer(text: str) -> int:
    """A whole number of at most 18 ASCII digits, without sign (``0``, ``1200``).

    >>> parse_integer("1200")
    1200
    >>> parse_integer("12.0")
    Traceback (most recent call last):
    ValueError: '12.0' is not a whole number written in ASCII digits (e.g. 0, 1200)
    """
    if not INTEGER_RE.fullmatch(text):
        shown = text if len(text) <= NUMBER_MAX_LENGTH else text[:NUMBER_MAX_LENGTH] + "…"
        raise ValueError(f"{shown!r} is not a whole number written in ASCII digits (e.g. 0, 1200)")
    return int(text)


def parse_boolean(text: str) -> bool:
    """``true`` or ``false`` (the Table Schema's only true and false values here)."""
    if text == TRUE:
        return True
    if text == FALSE:
        return False
    shown = text if len(text) <= NUMBER_MAX_LENGTH else text[:NUMBER_MAX_LENGTH] + "…"
    raise ValueError(f"{shown!r} is not a boolean: write true or false")


def is_number(text: str) -> bool:
    """True when :func:`parse_number` accepts the text."""
    try:
        parse_number(text)
    except ValueError:
        return False
    return True


def _is_hidden(char: str) -> bool:
    category = unicodedata.category(char)
    return (
        category in ("Cc", "Cf", "Zl", "Zp", "Co", "Cs")
        or (category == "Zs" and char != " ")
        or char in _BLANK_LETTERS
        or 0xFE00 <= ord(char) <= 0xFE0F
        or 0xE0100 <= ord(char) <= 0xE01EF
    )


#: runs of characters none of which is hidden (printable ASCII, Latin, Greek, Cyrillic, Hangul
#: syllables and letters, CJK, general punctuation without its spaces and format characters):
#: a text made of them only needs no look at each character (a test proves the class holds no
#: hidden character)
VISIBLE = re.compile(
    "[\x20-\x7e\u00a1-\u00ac\u00ae-\u024f\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff"
    "\u2010-\u2027\u2030-\u205e\u20a0-\u20cf\u2100-\u214f\u2190-\u22ff\u3001-\u303f"
    "\u3131-\u3163\u3165-\u318e\u4e00-\u9fff\uac00-\ud7a3\uff01-\uff5e]*"
)
_ASCII_CONTROL = re.compile("[\x00-\x1f\x7f]")


def hidden_character(text: str) -> str | None:
    """The first invisible, bidi-control or control character in ``text``, named, or ``None``.

    Format characters (zero-width spaces and joiners, bidi overrides and isolates, soft
    hyphens, byte-order marks), C0/C1 controls (tabs and line breaks included: cells are one
    line), special spaces (no-break, em, ideographic...) and letters that render blank.
    """
    if text.isascii():
        found = _ASCII_CONTROL.search(text)
        return _name(found.group()) if found else None
    if VISIBLE.fullmatch(text):
        return None
    for char in text:
        if _is_hidden(char):
            return _name(char)
    return None


def _name(char: str) -> str:
    return f"U+{ord(char):04X} {unicodedata.name(char, 'control character')}"


def formula_like(text: str, *, numeric_ok: bool = True) -> bool:
    """A cell a spreadsheet would run as a formula (``=1+2``, ``@SUM(…)``, ``-2+3``, ``＝x``).

    A plain number (``-5``, ``+3``: written as data, never as a formula) is not one.
    """
    if not text or text[0] not in FORMULA_START:
        return False
    number = text[1:] if text[0] == "+" else text
    return not (numeric_ok and text[0] in "+-" and NUMBER_RE.fullmatch(number))
