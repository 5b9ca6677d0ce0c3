"""Languages and scripts: which letters each language's labels may use.

Russian labels are written in Cyrillic and Korean labels in Hangul; both may carry digits,
punctuation and Latin acronyms as the press writes them ("ФСБ", but also "KBS", "NK News").
A word mixing Latin and Cyrillic letters is almost always a look-alike typo ("Mосква" with a
Latin M) and is reported wherever it appears.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "ru", "ko")
WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_WORD = re.compile(r"^[A-Za-z\u00c0-\u024f]+$")
#: Latin words allowed inside any ru/ko label: acronyms such as FSB, UN, KBS, and unit symbols
LATIN_ACRONYM = re.compile(r"^(?:[A-Z]{2,6}|km|kg|m)$")


_GREEK = re.compile(r"[\u0370-\u03ff\u1f00-\u1fff]")
#: Cyrillic and Greek letters that look like Latin ones, and Latin letters that look Cyrillic
LOOK_LATIN = frozenset("АВЕКМНОРСТХЅІЈаеорсухѕіјһԁԛԝӏΑΒΕΖΗΙΚΜΝΟΡΤΥΧαοικνρυχ")
LOOK_CYRILLIC = frozenset("ABCEHKMOPTXaceopxy")


#: words written wholly in look-alike letters: a maximal run of such letters that no other
#: letter touches is a whole word of :data:`WORD` (every look-alike is a letter)
_ALL_LOOK = {
    script: re.compile(r"(?<![^\W\d_])[" + "".join(sorted(look)) + r"]+(?![^\W\d_])")
    for script, look in (("latin", LOOK_LATIN), ("cyrillic", LOOK_CYRILLIC))
}


def mixed_script_word(text: str) -> str | None:
    """The first word that mixes Latin, Cyrillic or Greek letters, if any."""
    if text.isascii():  # no Cyrillic or Greek letter: nothing to mix
        return None
    found = bool(_LATIN.search(text)) + bool(_CYRILLIC.search(text)) + bool(_GREEK.search(text))
    if found < 2:  # one script in the whole text: no word can mix two (searched in C)
        return None
    for word in WORD.findall(text):
        scripts = bool(_LATIN.search(word)) + bool(_CYRILLIC.search(word))
        scripts += bool(_GREEK.search(word))
        if scripts > 1:
            return str(word)
    return None


def look_alike_word(text: str, script: str, allowed: frozenset[str] = frozenset()) -> str | None:
    """The first word written wholly in look-alike letters of another script, if any.

    In text meant to be Latin (``script="latin"``: the English columns) a word made only of
    Cyrillic or Greek letters that look Latin (``КОВ``, ``ΑΒC``) is a disguise, not a word; in
    Russian (``script="cyrillic"``) a Latin word made only of letters that look Cyrillic
    (``OOO``, ``TACC``) is one too, unless it is one of the dataset's own names (``allowed``).
    """
    if script == "latin" and text.isascii():  # the look-alikes of Latin are none of them ASCII
        return None
    for word in _ALL_LOOK["latin" if script == "latin" else "cyrillic"].findall(text):
        if word not in allowed:
            return str(word)
    return None


def script_problem(text: str, lang: str, latin_ok: frozenset[str] = frozenset()) -> str | None:
    """Why ``text`` is not written in ``lang``'s script, or ``None`` when it is.

    Runs of Latin letters are allowed as acronyms and unit symbols (``FSB``, ``km``, also
    glued to a Korean particle as in ``KBS가``) and as words of the dataset's English proper
    names, given in ``latin_ok`` (the press keeps "NK News" in Latin letters).
    """
    if lang == "ru":
        native, name = _CYRILLIC, "Cyrillic"
    elif lang == "ko":
        native, name = _HANGUL, "Hangul"
    else:
        return None
    if not native.search(text):
        return f"a {lang} label must be written in {name}"
    if not WORD.search(native.sub(" ", text)):  # nothing but the native script: no run to judge
        return None
    for word in WORD.findall(text):
        for run in WORD.findall(native.sub(" ", word)):
            if _LATIN_WORD.match(run) and (LATIN_ACRONYM.match(run) or run in latin_ok):
                continue
            if not _LATIN_WORD.match(run):
                return f"{run!r} is not {name}"
            return (
                f"{run!r} is not {name}: Latin letters may stand in a {lang} label only as an"
                " acronym or as part of a name the dataset holds"
            )
    return None


def cldr_country_name(code: str, lang: str) -> str | None:
    """A country's name in ``lang`` from CLDR (babel), or ``None`` if CLDR has none."""
    from babel import Locale

    name = Locale.parse(lang).territories.get(code)
    return str(name) if name else None


# -- numbers, money, units ----------------------------------------------------------------------

CURRENCIES = {"usd": "USD", "rub": "RUB", "eur": "EUR", "krw": "KRW"}
#: CLDR's number-range patterns (miscPatterns/range), which babel does not expose
NUMBER_RANGE = {"en": "{0}–{1}", "ru": "{0}–{1}", "ko": "{0}~{1}"}
#: unit words: en (one, other); ru nominative (one, few, many, other) + genitive (sg, pl); ko
_UNITS: dict[str, dict[str, tuple[str, ...]]] = {
    "person": {"en": ("person", "people"), "ru": ("человек", "человека", "человек", "человека",
               "человека", "человек"), "ko": ("명",)},
    "year": {"en": ("year", "years"), "ru": ("год", "года", "лет", "года", "года", "лет"),
             "ko": ("년",)},
    "month": {"en": ("month", "months"), "ru": ("месяц", "месяца", "месяцев", "месяца", "месяца",
              "месяцев"), "ko": ("개월",)},
    "day": {"en": ("day", "days"), "ru": ("день", "дня", "дней", "дня", "дня", "дней"),
            "ko": ("일",)},
    "hour": {"en": ("hour", "hours"), "ru": ("час", "часа", "часов", "часа", "часа", "часов"),
             "ko": ("시간",)},
    "vote": {"en": ("vote", "votes"), "ru": ("голос", "голоса", "голосов", "голоса", "голоса",
             "голосов"), "ko": ("표",)},
    "country": {"en": ("country", "countries"), "ru": ("страна", "страны", "стран", "страны",
                "страны", "стран"), "ko": ("개국",)},
    "ticket": {"en": ("ticket", "tickets"), "ru": ("билет", "билета", "билетов", "билета",
               "билета", "билетов"), "ko": ("장",)},
    "item": {"en": ("item", "items"), "ru": ("штука", "штуки", "штук", "штуки", "штуки", "штук"),
             "ko": ("개",)},
    "km": {"en": ("km", "km"), "ru": ("км",) * 6, "ko": ("km",)},
}  # fmt: skip
#: qualifier -> (template, whether Russian puts the amount in the genitive after it)
_QUALIFIERS: dict[str, dict[str, tuple[str, bool]]] = {
    "approximate": {"en": ("about {}", False), "ru": ("около {}", True), "ko": ("약 {}", False)},
    "at-least": {"en": ("at least {}", False), "ru": ("не менее {}", True),
                 "ko": ("최소 {}", False)},
    "more-than": {"en": ("more than {}", False), "ru": ("более {}", True),
                  "ko": ("{} 이상", False)},
    "at-most": {"en": ("at most {}", False), "ru": ("не более {}", True),
                "ko": ("최대 {}", False)},
    "less-than": {"en": ("less than {}", False), "ru": ("менее {}", True),
                  "ko": ("{} 미만", False)},
    "estimate": {"en": ("an estimated {}", False), "ru": ("по оценкам, {}", False),
                 "ko": ("추정 {}", False)},
    "target": {"en": ("a target of {}", False), "ru": ("цель — {}", False),
               "ko": ("목표 {}", False)},
}  # fmt: skip


def format_number(value: float, lang: str = "en") -> str:
    """A number with the language's grouping and decimal signs (``10 000`` in Russian)."""
    from babel.numbers import format_decimal

    return str(format_decimal(value, locale=lang))


def format_money(value: float, currency: str, lang: str = "en") -> str:
    """An amount of money; whole amounts without cents (``$180,000``, ``180 000 $``)."""
    from babel import Locale
    from babel.numbers import format_currency

    code = CURRENCIES.get(currency.lower(), currency.upper())
    if float(value).is_integer():
        pattern = Locale.parse(lang).currency_formats["standard"].pattern
        whole = pattern.split(";")[0].replace(".00", "")
        return str(format_currency(value, code, format=whole, locale=lang, currency_digits=False))
    return str(format_currency(value, code, locale=lang))


def _unit_word(unit: str, value: float, lang: str, genitive: bool) -> str:
    from babel import Locale

    forms = _UNITS[unit][lang]
    if lang == "ko" or len(forms) == 1:
        return forms[0]
    category = Locale.parse(lang).plural_form(value)
    if lang == "en":
        return forms[0] if category == "one" else forms[1]
    if genitive:
        return forms[4] if category in ("one", "other") else forms[5]
    return forms[("one", "few", "many", "other").index(category)]


def format_amount(value: float, unit: str, lang: str = "en", genitive: bool = False) -> str:
    """A number with its unit: ``10,000 people``, ``10 000 человек``, ``10,000명``, ``33%``."""
    from babel.numbers import format_percent

    if unit in CURRENCIES:
        return format_money(value, unit, lang)
    if unit == "percent":
        from decimal import Decimal

        share = Decimal(str(value)) / 100
        return str(format_percent(share, locale=lang, decimal_quantization=False))
    number = format_number(value, lang)
    if unit not in _UNITS:
        return number
    word = _unit_word(unit, value, lang, genitive)
    return f"{number}{word}" if lang == "ko" else f"{number} {word}"


def format_quantity(
    value: float | None,
    unit: str,
    lang: str = "en",
    qualifier: str | None = None,
    low: float | None = None,
    high: float | None = None,
) -> str | None:
    """A statistic's amount in ``lang``: qualifier, value or low–high range, and unit.

    >>> format_quantity(10000, "person", "en", "approximate")
    'about 10,000 people'
    >>> format_quantity(10000, "person", "ko", "approximate")
    '약 10,000명'
    >>> format_quantity(None, "usd", "en", low=112000000, high=1000000000)
    '$112,000,000–$1,000,000,000'
    """
    if value is None and low is not None and high is not None:
        pattern = NUMBER_RANGE[lang]
        if unit in CURRENCIES or unit == "percent":
            return pattern.format(format_amount(low, unit, lang), format_amount(high, unit, lang))
        return format_amount(high, unit, lang).replace(
            format_number(high, lang), pattern.format(format_number(low, lang),
                                                      format_number(high, lang)), 1)  # fmt: skip
    amount = value if value is not None else low if low is not None else high
    if amount is None:
        return None
    template, genitive = _QUALIFIERS.get(qualifier or "", {}).get(lang, ("{}", False))
    if value is None:  # only one bound known
        template, genitive = _QUALIFIERS["at-least" if low is not None else "at-most"][lang]
    return template.format(format_amount(amount, unit, lang, genitive=genitive))
