"""EDTF dates: a small, fast parser for the forms the dataset uses.

The ``edtf`` package parses with pyparsing at several milliseconds a string, far too slow for
the load path. This module handles EDTF level 0 and level 1 — qualifiers (``?`` uncertain,
``~`` approximate, ``%`` both), unspecified digits (``199X``, ``2016-XX``), seasons
(``2016-21`` spring … ``2016-24`` winter), intervals (``2004/2014``) with unknown or open ends
(``/2019``, ``../2019``) — plus level 2's unspecified digits in any position (``XXXX-02-29``,
``19X5``), and gives each value its earliest and latest possible day. The ``edtf`` package is
the oracle in a property test: a string of these shapes is accepted exactly when ``edtf``
accepts it and it names a day that exists (``edtf`` 5 takes ``2003-02-29``; this module does
not).
"""

from __future__ import annotations

import calendar
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Literal

from nkru_data.errors import NkruDataError, UnknownLanguage

_DATE_RE = re.compile(
    r"^(?P<y>[0-9X]{4})(?:-(?P<m>[0-9]{2}|XX)(?:-(?P<d>[0-9]{2}|XX))?)?(?P<q>[?~%])?$"
)
#: season codes of EDTF level 1 -> (first month, number of months); winter runs into the next
#: year (December to February), the meteorological convention of the northern hemisphere
SEASONS = {21: ("spring", 3), 22: ("summer", 6), 23: ("autumn", 9), 24: ("winter", 12)}


class EdtfError(NkruDataError, ValueError):
    """A string that is not one of the EDTF forms the dataset accepts."""

    code = "invalid-edtf"


@dataclass(frozen=True)
class Edtf:
    """A parsed EDTF value.

    ``lower``/``upper`` are the earliest and latest possible days; ``None`` means unknown or
    open in that direction. ``precision`` is ``year``, ``season``, ``month`` or ``day`` of the
    (first) date.
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
    season: str | None = None

    def sort_key(self) -> tuple[date, date]:
        """Order by earliest day, then latest day; unknown ends sort outermost."""
        return (self.lower or date.min, self.upper or date.max)


@lru_cache(maxsize=256)
def _matching(field: str, low: int, high: int) -> tuple[int, ...]:
    """Every value in [low, high] that a field with unspecified ``X`` digits may stand for."""
    if "X" not in field:
        value = int(field)
        return (value,) if low <= value <= high else ()
    pattern = re.compile(field.replace("X", "[0-9]"))
    width = len(field)
    least, most = max(low, int(field.replace("X", "0"))), min(high, int(field.replace("X", "9")))
    return tuple(v for v in range(least, most + 1) if pattern.fullmatch(f"{v:0{width}d}"))


def _days(years: tuple[int, ...], months: tuple[int, ...], day: str) -> Iterator[date]:
    """Every real day the fields may stand for, in calendar order."""
    for y in years:
        for m in months:
            for d in _matching(day, 1, calendar.monthrange(y, m)[1]):
                yield date(y, m, d)


def _last_day(years: tuple[int, ...], months: tuple[int, ...], day: str) -> date | None:
    for y in reversed(years):
        for m in reversed(months):
            found = _matching(day, 1, calendar.monthrange(y, m)[1])
            if found:
                return date(y, m, found[-1])
    return None


def _parse_date(text: str) -> Edtf:
    match = _DATE_RE.match(text)
    if not match:
        raise EdtfError(
            f"{text!r} is not an EDTF date (YYYY, YYYY-MM, YYYY-SS season 21-24 or YYYY-MM-DD,"
            " X for unknown digits, then ? ~ or %)"
        )
    y, m, d, q = match.group("y", "m", "d", "q")
    digits = y + (m or "") + (d or "")
    # level 1 knows unspecified digits only at the end, of the year (199X) or of a known year's
    # month and day (2016-XX); a qualifier on any other unspecified form (level 2) is not EDTF
    if (
        q
        and "X" in digits
        and (digits.startswith("X") or "X" in digits.rstrip("X") or ("X" in y and m is not None))
    ):
        raise EdtfError(f"{text!r}: a qualifier cannot follow unspecified digits inside a date")
    years = _matching(y, 1, 9999)
    if not years:
        raise EdtfError(f"{text!r}: the year cannot be a valid year")
    if m is not None and "X" not in m and 21 <= int(m) <= 24:
        if d is not None or q or "X" in y:
            raise EdtfError(
                f"{text!r}: a season (21-24) takes a known year, no day and no qualifier"
            )
        name, first = SEASONS[int(m)]
        lower = date(years[0], first, 1)
        end_year, end_month = (years[-1] + 1, 2) if first == 12 else (years[-1], first + 2)
        if end_year > 9999:
            raise EdtfError(f"{text!r}: the season ends after year 9999")
        upper = date(end_year, end_month, calendar.monthrange(end_year, end_month)[1])
        return Edtf(text, lower, upper, "season", season=name)
    if m is None:
        lower, upper, precision = date(years[0], 1, 1), date(years[-1], 12, 31), "year"
    else:
        months = _matching(m, 1, 12)
        if not months:
            raise EdtfError(f"{text!r}: {m} is not a month (01-12) or a season (21-24)")
        if d is None:
            precision = "month"
            lower = date(years[0], months[0], 1)
            upper = date(years[-1], months[-1], calendar.monthrange(years[-1], months[-1])[1])
        else:
            precision = "day"
            first_day = next(_days(years, months, d), None)
            if first_day is None:
                raise EdtfError(f"{text!r} is not a real day")
            lower, upper = first_day, _last_day(years, months, d) or first_day
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
    >>> parse("XXXX-02-29").lower
    datetime.date(4, 2, 29)
    """
    if not isinstance(text, str) or not text:
        raise EdtfError("an EDTF date cannot be empty")
    if len(text) > 64:
        raise EdtfError("an EDTF date is at most 64 characters")
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


def time_order(text: str | None) -> tuple[bool, tuple[date, date]]:
    """Sort key for listing in time: by earliest then latest day, with no date and dates of no
    known year (``XXXX``, ``XXXX-02``) last rather than first.

    >>> sorted(["XXXX", "", "2016", "../1999"], key=time_order)
    ['../1999', '2016', 'XXXX', '']
    """
    if not text:
        return True, (date.max, date.max)
    value = parse(text)
    year_unknown = (value.start or value.end or value).text[:4] == "XXXX"
    return year_unknown, value.sort_key()


def not_after(first: str | None, second: str | None) -> bool:
    """True unless ``first`` must lie after ``second`` (used for born ≤ died, start ≤ end)."""
    lo, _ = bounds(first)
    _, hi = bounds(second)
    return lo is None or hi is None or lo <= hi


# -- localized rendering ------------------------------------------------------------------------
# The forms below are the project's own, so that a babel or CLDR release cannot change what a
# reader sees; babel gives only the month names (CLDR's wide names, which do not change).

NNBSP = "\u202f"  # Russian sets "г." after a narrow no-break space, as CLDR does
_UNKNOWN = {"en": "unknown date", "ru": "дата неизвестна", "ko": "날짜 미상"}
_YEAR_UNKNOWN = {"en": "{} (year unknown)", "ru": "{} (год неизвестен)", "ko": "연도 미상 {}"}
_DECADE = {"en": "the {}s", "ru": "{}-е гг.", "ko": "{}년대"}
_CENTURY = {"en": "the {}00s", "ru": "{}00-е гг.", "ko": "{}00년대"}
_ABOUT = {"en": "about {}", "ru": "около {}", "ko": "{}경"}
_MAYBE = {"en": "possibly {}", "ru": "предположительно {}", "ko": "{}(추정)"}
_FROM = {"en": "from {}", "ru": "с {}", "ko": "{}부터"}
_UNTIL = {"en": "until {}", "ru": "до {}", "ko": "{}까지"}
#: one date at each precision; {month} is the stand-alone name, {month_of} the form used with a
#: day or after a preposition (Russian genitive "июля")
_PATTERNS = {
    "day": {"en": "{month} {day}, {year}", "ru": "{day} {month_of} {year}" + NNBSP + "г.",
            "ko": "{year}년 {m}월 {day}일"},
    "month": {"en": "{month} {year}", "ru": "{month} {year}" + NNBSP + "г.",
              "ko": "{year}년 {m}월"},
    "month_of": {"en": "{month} {year}", "ru": "{month_of} {year}" + NNBSP + "г.",
                 "ko": "{year}년 {m}월"},
    "year": {"en": "{year}", "ru": "{year}" + NNBSP + "г.", "ko": "{year}년"},
}  # fmt: skip
_SEASON_NAMES = {
    "spring": {"en": "spring", "ru": "весна", "ko": "봄"},
    "summer": {"en": "summer", "ru": "лето", "ko": "여름"},
    "autumn": {"en": "autumn", "ru": "осень", "ko": "가을"},
    "winter": {"en": "winter", "ru": "зима", "ko": "겨울"},
}
_SEASON = {
    "en": "{season} {year}",
    "ru": "{season} {year}" + NNBSP + "г.",
    "ko": "{year}년 {season}",
}
#: ranges: two dates joined; years and months of one year are written shorter
RANGE = {"en": "{0} – {1}", "ru": "{0} – {1}", "ko": "{0} ~ {1}"}
_YEAR_RANGE = {"en": "{0} – {1}", "ru": "{0}–{1}" + NNBSP + "гг.", "ko": "{0}년 ~ {1}년"}
_MONTH_RANGE = {"en": "{0} – {1} {year}", "ru": "{0} – {1} {year}" + NNBSP + "г.",
                "ko": "{year}년 {0}월 ~ {1}월"}  # fmt: skip


def check_lang(lang: str) -> str:
    """``lang`` if the project renders it; otherwise a :class:`ValueError` naming the choices."""
    if lang not in _UNKNOWN:
        raise UnknownLanguage(f"no rendering for language {str(lang)[:40]!r}; use en, ru or ko")
    return lang


@lru_cache(maxsize=16)
def _month_names(lang: str, context: Literal["format", "stand-alone"]) -> dict[int, str]:
    from babel.dates import get_month_names

    return {int(k): str(v) for k, v in get_month_names("wide", context, locale=lang).items()}


def _month(number: int, lang: str, of: bool = False) -> str:
    """A month's name: stand-alone (``июль``) or as used with a day (``июля``)."""
    return _month_names(lang, "format" if of else "stand-alone")[number]


def _plain(value: Edtf, lang: str, genitive: bool = False) -> str:
    """One date without qualifiers, at its own precision, in ``lang``."""
    year, month, day = value.text[:4], value.text[5:7], value.text[8:10]
    if value.season:
        names = _SEASON_NAMES[value.season]
        return _SEASON[lang].format(season=names[lang], year=year)
    if year == "XXXX":
        if value.precision == "year" or "X" in month:
            return _UNKNOWN[lang]
        return _YEAR_UNKNOWN[lang].format(_month(int(month), lang))
    if "X" in year:
        if year.endswith("XX") and "X" not in year[:2]:
            return _CENTURY[lang].format(year[:2])
        return _DECADE[lang].format(year.replace("X", "0"))
    month_known = value.precision in ("month", "day") and "X" not in month
    fields = {"year": year}
    if month_known:
        number = int(month)
        fields.update(
            m=str(number), month=_month(number, lang), month_of=_month(number, lang, True)
        )
    if value.precision == "day" and month_known and "X" not in day:
        return _PATTERNS["day"][lang].format(day=str(int(day)), **fields)
    if month_known:
        return _PATTERNS["month_of" if genitive else "month"][lang].format(**fields)
    return _PATTERNS["year"][lang].format(**fields)


def _qualified(value: Edtf, lang: str, genitive: bool = False) -> str:
    text = _plain(value, lang, genitive or (value.approximate and lang == "ru"))
    if value.approximate:
        text = _ABOUT[lang].format(text)
    if value.uncertain:
        text = _MAYBE[lang].format(text)
    return text


def _simple(value: Edtf) -> bool:
    """A date with every digit known and no qualifier."""
    return not (value.approximate or value.uncertain or value.season or "X" in value.text)


def format_edtf(text: str, lang: str = "en") -> str:
    """An EDTF date as a reader of ``lang`` (en, ru, ko) expects to see it.

    >>> format_edtf("2016-07~", "en"), format_edtf("2016-07~", "ko")
    ('about July 2016', '2016년 7월경')
    >>> format_edtf("2017/..", "en"), format_edtf("../2019-12-31", "ko")
    ('from 2017', '2019년 12월 31일까지')
    >>> format_edtf("2004/2014", "ko")
    '2004년 ~ 2014년'
    """
    check_lang(lang)
    value = parse(text)
    if not value.interval:
        return _qualified(value, lang)
    start, end = value.start, value.end
    if start is None:
        assert end is not None
        return _UNTIL[lang].format(_qualified(end, lang, genitive=True))
    if end is None:
        return _FROM[lang].format(_qualified(start, lang, genitive=True))
    if _simple(start) and _simple(end) and start.precision == end.precision:
        if start.precision == "year":
            return _YEAR_RANGE[lang].format(start.text, end.text)
        if start.precision == "month" and start.text[:4] == end.text[:4]:
            first, last = int(start.text[5:7]), int(end.text[5:7])
            if lang == "ko":
                return _MONTH_RANGE[lang].format(first, last, year=start.text[:4])
            return _MONTH_RANGE[lang].format(
                _month(first, lang), _month(last, lang), year=start.text[:4]
            )
    return RANGE[lang].format(_qualified(start, lang), _qualified(end, lang))
