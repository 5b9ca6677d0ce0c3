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


def mixed_script_word(text: str) -> str | None:
    """The first word that mixes Latin and Cyrillic letters, if any."""
    for word in WORD.findall(text):
        if _LATIN.search(word) and _CYRILLIC.search(word):
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


def cldr_language_name(code: str, lang: str) -> str | None:
    """A language's name in ``lang`` from CLDR (babel)."""
    from babel import Locale

    name = Locale.parse(lang).languages.get(code)
    return str(name) if name else None
