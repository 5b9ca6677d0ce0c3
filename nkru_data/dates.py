"""EDTF dates: a small, fast parser for the forms the dataset uses.

The ``edtf`` package parses with pyparsing at several milliseconds a string, far too slow for
the load path. This module handles EDTF level 0 and the level-1 features the data needs —
qualifiers (``?`` uncertain, ``~`` approximate, ``%`` both), unspecified digits (``199X``,
``2016-XX``), intervals (``2004/2014``) with unknown or open ends (``/2019``, ``../2019``) —
and gives each value its earliest and latest possible day. The ``edtf`` package stays the oracle
in a property test.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

_DATE_RE = re.compile(
    r"^(?P<y>[0-9X]{4})(?:-(?P<m>[0-9X]{2})(?:-(?P<d>[0-9X]{2}))?)?(?P<q>[?~%])?$"
)


class EdtfError(ValueError):
    """A string that is not one of the EDTF forms the dataset accepts."""


@dataclass(frozen=True)
class Edtf:
    """A parsed EDTF value.

    ``lower``/``upper`` are the earliest and latest possible days; ``None`` means unknown or
    open in that direction. ``precision`` is ``year``, ``month`` or ``day`` of the (first) date.
    """

    text: str
    lower: date | None
    upper: date | None
    precision: str
    approximate: bool = False
    uncertain: bool = False
    interval: bool = False
    open_start: bool = False
    open_end: bool = False
    start: Edtf | None = None
    end: Edtf | None = None

    def sort_key(self) -> tuple[date, date]:
        """Order by earliest day, then latest day; unknown ends sort outermost."""
        return (self.lower or date.min, self.upper or date.max)


def _span(field: str, low: int, high: int) -> tuple[int, int]:
    """Bounds of a field that may hold unspecified ``X`` digits, clamped to [low, high]."""
    if "X" not in field:
        value = int(field)
        if not low <= value <= high:
            raise EdtfError(f"{field} is out of range {low}..{high}")
        return value, value
    least = max(low, int(field.replace("X", "0")))
    most = min(high, int(field.replace("X", "9")))
    if least > most:
        raise EdtfError(f"{field} cannot be a valid value")
    return least, most


def _parse_date(text: str) -> Edtf:
    match = _DATE_RE.match(text)
    if not match:
        raise EdtfError(
            f"{text!r} is not an EDTF date (YYYY, YYYY-MM or YYYY-MM-DD, X for unknown"
            " digits, then ? ~ or %)"
        )
    y, m, d, q = match.group("y", "m", "d", "q")
    y_lo, y_hi = _span(y, 1, 9999)
    if m is None:
        lower, upper, precision = date(y_lo, 1, 1), date(y_hi, 12, 31), "year"
    else:
        m_lo, m_hi = _span(m, 1, 12)
        if d is None:
            precision = "month"
            lower = date(y_lo, m_lo, 1)
            upper = date(y_hi, m_hi, calendar.monthrange(y_hi, m_hi)[1])
        else:
            precision = "day"
            if "X" not in d and "X" not in m and "X" not in y:
                try:
                    lower = upper = date(y_lo, m_lo, int(d))
                except ValueError as exc:
                    raise EdtfError(f"{text!r} is not a real day: {exc}") from None
            else:
                d_lo, _ = _span(d, 1, 31)
                _, d_hi = _span(d, 1, calendar.monthrange(y_hi, m_hi)[1])
                lower = date(y_lo, m_lo, min(d_lo, calendar.monthrange(y_lo, m_lo)[1]))
                upper = date(y_hi, m_hi, d_hi)
    return Edtf(
        text=text,
        lower=lower,
        upper=upper,
        precision=precision,
        approximate=q in ("~", "%"),
        uncertain=q in ("?", "%"),
    )


@lru_cache(maxsize=8192)
def parse(text: str) -> Edtf:
    """Parse an EDTF string, or raise :class:`EdtfError` saying what is wrong.

    >>> parse("2016-07~").lower, parse("2016-07~").upper
    (datetime.date(2016, 7, 1), datetime.date(2016, 7, 31))
    >>> parse("199X").lower.year, parse("199X").upper.year
    (1990, 1999)
    >>> parse("../2019-12-31").lower is None
    True
    """
    if not isinstance(text, str) or not text:
        raise EdtfError("an EDTF date cannot be empty")
    if "/" not in text:
        return _parse_date(text)
    if text.count("/") != 1:
        raise EdtfError(f"{text!r}: an interval has exactly one '/'")
    left, right = text.split("/")
    start = None if left in ("", "..") else _parse_date(left)
    end = None if right in ("", "..") else _parse_date(right)
    if start is None and end is None:
        raise EdtfError(f"{text!r}: an interval needs at least one known end")
    if start and end and start.lower and end.upper and start.lower > end.upper:
        raise EdtfError(f"{text!r}: the interval ends before it starts")
    return Edtf(
        text=text,
        lower=start.lower if start else None,
        upper=end.upper if end else None,
        precision=(start or end).precision,  # type: ignore[union-attr]
        interval=True,
        open_start=left == "..",
        open_end=right == "..",
        start=start,
        end=end,
    )


def is_valid(text: str) -> bool:
    """True when :func:`parse` accepts the string."""
    try:
        parse(text)
    except EdtfError:
        return False
    return True


def bounds(text: str | None) -> tuple[date | None, date | None]:
    """Earliest and latest possible day of an EDTF string (``(None, None)`` for no date)."""
    if not text:
        return None, None
    value = parse(text)
    return value.lower, value.upper


def not_after(first: str | None, second: str | None) -> bool:
    """True unless ``first`` must lie after ``second`` (used for born ≤ died, start ≤ end)."""
    lo, _ = bounds(first)
    _, hi = bounds(second)
    return lo is None or hi is None or lo <= hi


# -- localized rendering ------------------------------------------------------------------------

_UNKNOWN = {"en": "unknown date", "ru": "дата неизвестна", "ko": "날짜 미상"}
_YEAR_UNKNOWN = {"en": "{} (year unknown)", "ru": "{} (год неизвестен)", "ko": "연도 미상 {}"}
_DECADE = {"en": "the {}s", "ru": "{}-е гг.", "ko": "{}년대"}
_ABOUT = {"en": "about {}", "ru": "около {}", "ko": "{}경"}
_MAYBE = {"en": "possibly {}", "ru": "предположительно {}", "ko": "{}(추정)"}
_FROM = {"en": "from {}", "ru": "с {}", "ko": "{}부터"}
_UNTIL = {"en": "until {}", "ru": "до {}", "ko": "{}까지"}


def _check_lang(lang: str) -> str:
    if lang not in _UNKNOWN:
        raise ValueError(f"no rendering for language {lang!r}; use en, ru or ko")
    return lang


def _plain(value: Edtf, lang: str, genitive: bool = False) -> str:
    """One date without qualifiers, at its own precision, in ``lang``."""
    from babel.dates import format_date, format_skeleton

    year, month = value.text[:4], value.text[5:7]
    if year == "XXXX":
        if value.precision == "year" or "X" in month:
            return _UNKNOWN[lang]
        named = format_date(value.lower or date.min, "LLLL", locale=lang)
        return _YEAR_UNKNOWN[lang].format(named)
    if "X" in year:
        return _DECADE[lang].format(year.replace("X", "0"))
    assert value.lower is not None
    day_known = value.precision == "day" and "X" not in value.text[8:10]
    month_known = value.precision in ("month", "day") and "X" not in month
    if day_known:
        return format_date(value.lower, "long", locale=lang)
    if month_known:
        if lang == "ru" and genitive:  # "около июля 2016 г.", "до июля 2016 г."
            return format_date(value.lower, "MMMM y", locale=lang) + "\u202fг."
        return format_skeleton("yMMMM", value.lower, locale=lang)
    if lang == "ru":  # Russian writes a bare year as "2016 г." (narrow no-break space, as CLDR)
        return f"{value.lower.year}\u202fг."
    return format_skeleton("y", value.lower, locale=lang)


def _qualified(value: Edtf, lang: str, genitive: bool = False) -> str:
    text = _plain(value, lang, genitive or (value.approximate and lang == "ru"))
    if value.approximate:
        text = _ABOUT[lang].format(text)
    if value.uncertain:
        text = _MAYBE[lang].format(text)
    return text


def format_edtf(text: str, lang: str = "en") -> str:
    """An EDTF date as a reader of ``lang`` (en, ru, ko) expects to see it.

    >>> format_edtf("2016-07~", "en"), format_edtf("2016-07~", "ko")
    ('about July 2016', '2016년 7월경')
    >>> format_edtf("2017/..", "en"), format_edtf("../2019-12-31", "ko")
    ('from 2017', '2019년 12월 31일까지')
    """
    from babel import Locale
    from babel.dates import format_interval

    _check_lang(lang)
    value = parse(text)
    if not value.interval:
        return _qualified(value, lang)
    start, end = value.start, value.end
    if start is None:
        assert end is not None
        return _UNTIL[lang].format(_qualified(end, lang, genitive=True))
    if end is None:
        return _FROM[lang].format(_qualified(start, lang, genitive=True))
    plain = not (start.approximate or start.uncertain or end.approximate or end.uncertain)
    same = start.precision == end.precision and "X" not in start.text + end.text
    if plain and same and start.lower and end.lower:
        skeleton = {"year": "y", "month": "yMMMM", "day": "yMMMMd"}[start.precision]
        return format_interval(start.lower, end.lower, skeleton, locale=lang)
    pattern = Locale.parse(lang).interval_formats.get(None, "{0} – {1}")
    return str(pattern).format(_qualified(start, lang), _qualified(end, lang))
