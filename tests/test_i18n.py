"""Localized rendering, CLDR names and script checks, in each of the three languages."""

from __future__ import annotations

import pytest

from nkru_data.dataset import Dataset
from nkru_data.lang.dates import format_edtf
from nkru_data.lang.i18n import (
    cldr_country_name,
    format_money,
    format_quantity,
    mixed_script_word,
    script_problem,
)

NBSP = "\u00a0"


def spaces(text: str | None) -> str:
    """CLDR puts no-break and narrow spaces where a reader sees a space."""
    assert text is not None
    return text.replace(NBSP, " ").replace("\u202f", " ").replace("\u2009", " ")


DATES = [
    ("2016", "2016", "2016 г.", "2016년"),
    ("2016-07", "July 2016", "июль 2016 г.", "2016년 7월"),
    ("2016-07-25", "July 25, 2016", "25 июля 2016 г.", "2016년 7월 25일"),
    ("2016-07~", "about July 2016", "около июля 2016 г.", "2016년 7월경"),
    ("2005?", "possibly 2005", "предположительно 2005 г.", "2005년(추정)"),
    ("199X", "the 1990s", "1990-е гг.", "1990년대"),
    ("XXXX", "unknown date", "дата неизвестна", "날짜 미상"),
    ("2016-05/..", "from May 2016", "с мая 2016 г.", "2016년 5월부터"),
    ("../2019-12-31", "until December 31, 2019", "до 31 декабря 2019 г.", "2019년 12월 31일까지"),
]


@pytest.mark.parametrize(("text", "en", "ru", "ko"), DATES)
def test_dates_read_as_a_native_reader_expects(text: str, en: str, ru: str, ko: str) -> None:
    assert spaces(format_edtf(text, "en")) == en
    assert spaces(format_edtf(text, "ru")) == ru
    assert spaces(format_edtf(text, "ko")) == ko


def test_year_ranges_use_each_language_range_form() -> None:
    assert spaces(format_edtf("2004/2014", "en")) == "2004 – 2014"
    assert spaces(format_edtf("2004/2014", "ru")) == "2004–2014 гг."
    assert format_edtf("2004/2014", "ko") == "2004년 ~ 2014년"
    assert format_edtf("2016-07/2016-09", "ko") == "2016년 7월 ~ 9월"
    assert spaces(format_edtf("2016-07/2016-09", "ru")) == "июль – сентябрь 2016 г."
    assert spaces(format_edtf("2016-07/2016-09-12", "en")) == "July 2016 – September 12, 2016"
    assert spaces(format_edtf("2016-21", "ru")) == "весна 2016 г."
    assert format_edtf("2016-24", "ko") == "2016년 겨울"


@pytest.mark.parametrize(
    ("args", "en", "ru", "ko"),
    [
        ((10000, "person", "approximate"), "about 10,000 people", "около 10 000 человек",
         "약 10,000명"),
        ((2, "person", None), "2 people", "2 человека", "2명"),
        ((21, "year", "more-than"), "more than 21 years", "более 21 года", "21년 이상"),
        ((3, "hour", "at-least"), "at least 3 hours", "не менее 3 часов", "최소 3시간"),
        ((1350, "km", None), "1,350 km", "1 350 км", "1,350km"),
        ((33.3, "percent", "approximate"), "about 33.3%", "около 33,3 %", "약 33.3%"),
        ((112, "vote", None), "112 votes", "112 голосов", "112표"),
        ((180000, "usd", "more-than"), "more than $180,000", "более 180 000 $",
         "US$180,000 이상"),
    ],
)  # fmt: skip
def test_quantities(args: tuple, en: str, ru: str, ko: str) -> None:
    value, unit, qualifier = args
    for lang, expected in (("en", en), ("ru", ru), ("ko", ko)):
        assert spaces(format_quantity(value, unit, lang, qualifier)) == expected


def test_ranges_and_money() -> None:
    assert format_quantity(None, "person", "en", low=20, high=30) == "20–30 people"
    assert format_quantity(None, "person", "ko", low=20, high=30) == "20~30명"
    assert format_money(165, "usd", "en") == "$165"
    assert format_money(1.5, "usd", "en") == "$1.50"
    assert spaces(format_money(1000, "rub", "ru")) == "1 000 ₽"


def test_cldr_names() -> None:
    assert cldr_country_name("KP", "ru") == "КНДР"
    assert cldr_country_name("KP", "ko") == "북한"
    assert cldr_country_name("RU", "ko") == "러시아"


@pytest.mark.parametrize(
    ("text", "lang", "ok"),
    [
        ("Владивосток", "ru", True),
        ("ФСБ (FSB)", "ru", True),
        ("KBS가 보도했다", "ko", True),
        ("1,350km에 걸친 국경", "ko", True),
        ("Vladivostok", "ru", False),
        ("Kim Cheol-sam", "ko", False),
        ("Ким Чен Ын 김정은", "ru", False),
        ("Ким Chen Ын", "ru", False),
    ],
)
def test_script_checks(text: str, lang: str, ok: bool) -> None:
    assert (script_problem(text, lang) is None) is ok


def test_look_alike_letters() -> None:
    assert mixed_script_word("Мoсква") == "Мoсква"  # Latin o
    assert mixed_script_word("Москва Moscow") is None


def test_card_in_korean_with_roles_and_citations(ds: Dataset) -> None:
    card = ds.describe("event:2013-kim-crosses-amur", "ko")
    assert card.splitlines()[0] == "김 씨, 아무르강 건너 러시아로 (국경 통과)"
    assert "날짜: 2013년" in card
    assert "목적지: 러시아" in card
    assert "출처:" in card and "“In 2013, he fled to Russia" in card


def test_card_marks_fallbacks(ds: Dataset) -> None:
    card = ds.describe("person:kim-chol-sam", "ru")
    assert card.startswith(f"{ds.label('person:kim-chol-sam', 'ru')} (человек)")
    assert "[en]" in card  # the English-only occupation is marked, not passed off as Russian


def test_card_of_a_statistic_in_russian(ds: Dataset) -> None:
    card = spaces(ds.describe("stat:north-koreans-in-russia-un-estimate", "ru"))
    assert "значение: по оценкам, 10 000 человек" in card
