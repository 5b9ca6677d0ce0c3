"""The words charts print besides the data: titles, axis labels, legend entries, unit names.

Both the pictures for papers (:mod:`nkru_data.pictures`) and the site's SVG charts caption
with these, so a figure reads the same on paper and on the web. They are not vocabulary
values, so they do not belong in :mod:`nkru_data.lang.terms` (whose words cards and frames
share); a chart needs its own captions, short enough for a legend.
They are written as Russian and Korean news graphics write them: Russian chart captions in the
nominative with abbreviated units ("долл. США", "руб."), Korean ones with a "단위:" label and
"출처:" for where a figure comes from.
"""

from __future__ import annotations

# key: (en, ru, ko)
WORDS: dict[str, tuple[str, str, str]] = {
    "events": ("Events", "События", "사건"),
    "events involving": ("Events involving {}", "События с участием: {}", "{} 관련 사건"),
    "year": ("Year", "Год", "연도"),
    "year unknown": (
        "Year unknown (not on the time axis)",
        "Год неизвестен (вне шкалы времени)",
        "연도 미상 (시간 축에 표시하지 않음)",
    ),
    "no dated events": ("No dated events", "Нет датированных событий", "날짜가 확인된 사건 없음"),
    "day": ("a day", "день", "하루"),
    "short": ("a month, season or year", "месяц, сезон или год", "월·계절·연도"),
    "range": (
        "an interval or a range of possible dates",
        "период или диапазон возможных дат",
        "기간 또는 가능한 날짜 범위",
    ),
    "approximate": ("approximate (~)", "приблизительно (~)", "대략 (~)"),
    "uncertain": ("uncertain (?)", "под вопросом (?)", "불확실 (?)"),
    "open": ("open end (..)", "открытая граница (..)", "열린 끝 (..)"),
    "unknown end": ("end unknown", "граница неизвестна", "끝 미상"),
    "statistics": ("Statistics: {}", "Статистика: {}", "통계: {}"),
    "all topics": ("all topics", "все темы", "전체 주제"),
    "unit": ("Unit: {}", "Единица измерения: {}", "단위: {}"),
    "log scale": ("{} (log scale)", "{} (логарифмическая шкала)", "{} (로그 척도)"),
    "reported by": ("reported by {}", "источник: {}", "출처: {}"),
    "no number": (
        "No number given (the source says it in words)",
        "Без числа (в источнике — только словами)",
        "수치 없음 (출처에 말로만 표현)",
    ),
    "no statistics": ("No statistics", "Нет данных", "통계 없음"),
    "value": ("value", "значение", "값"),
    "value range": ("range low–high", "диапазон (от – до)", "범위 (최소~최대)"),
    "estimate": ("approximate or estimate", "приблизительно или оценка", "대략 또는 추정"),
    "target": ("target", "цель", "목표"),
}

#: a unit's name on an axis; "other" units are named by the statistic itself
UNIT_NAMES: dict[str, tuple[str, str, str]] = {
    "person": ("people", "человек", "명"),
    "usd": ("US dollars", "долл. США", "미국 달러"),
    "rub": ("roubles", "руб.", "루블"),
    "eur": ("euros", "евро", "유로"),
    "krw": ("won", "вон", "원"),
    "km": ("km", "км", "km"),
    "percent": ("percent", "%", "%"),
    "year": ("years", "лет", "년"),
    "month": ("months", "месяцев", "개월"),
    "day": ("days", "дней", "일"),
    "hour": ("hours", "часов", "시간"),
    "vote": ("votes", "голосов", "표"),
    "country": ("countries", "стран", "개국"),
    "ticket": ("tickets", "билетов", "장"),
    "item": ("items", "единиц", "개"),
    "other": ("another unit", "другая единица", "기타 단위"),
}

_INDEX = {"en": 0, "ru": 1, "ko": 2}


def word(key: str, lang: str, *args: str) -> str:
    """The caption ``key`` in ``lang``, with ``{}`` filled from ``args``.

    >>> word("events involving", "ko", "김철삼")
    '김철삼 관련 사건'
    """
    return WORDS[key][_INDEX[lang]].format(*args)


def unit_name(unit: str, lang: str) -> str:
    """A unit's name as an axis prints it (``долл. США``, ``명``)."""
    return UNIT_NAMES.get(unit, UNIT_NAMES["other"])[_INDEX[lang]]
