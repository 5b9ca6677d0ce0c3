"""Languages and scripts: which letters each language's labels may use.

Russian labels are written in Cyrillic and Korean labels in Hangul; both may carry digits,
punctuation and Latin acronyms as the press writes them ("ФСБ", but also "KBS", "NK News").
A word mixing Latin and Cyrillic letters is almost always a look-alike typo ("Mосква" with a
Latin M) and is reported wherever it appears.
"""

from __future__ import annotations

import re

LANGUAGES = ("en", "ru", "ko")
_WORD = re.compile(r"[^\W\d_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_HANGUL = re.compile(r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")
_LATIN_WORD = re.compile(r"^[A-Za-z\u00c0-\u024f]+$")
_CYRILLIC_WORD = re.compile(r"^[\u0400-\u04ff]+$")
_HANGUL_WORD = re.compile(r"^[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f]+$")
#: Latin words allowed inside any ru/ko label: acronyms such as FSB, UN, KBS
LATIN_ACRONYM = re.compile(r"^[A-Z]{2,6}$")


def mixed_script_word(text: str) -> str | None:
    """The first word that mixes Latin and Cyrillic letters, if any."""
    for word in _WORD.findall(text):
        if _LATIN.search(word) and _CYRILLIC.search(word):
            return word
    return None


def script_problem(text: str, lang: str, latin_ok: frozenset[str] = frozenset()) -> str | None:
    """Why ``text`` is not written in ``lang``'s script, or ``None`` when it is.

    ``latin_ok`` are further Latin words allowed, e.g. the words of the record's English name
    (the press keeps "NK News" in Latin letters).
    """
    if lang == "ru":
        script, native, name = _CYRILLIC, _CYRILLIC_WORD, "Cyrillic"
    elif lang == "ko":
        script, native, name = _HANGUL, _HANGUL_WORD, "Hangul"
    else:
        return None
    if not script.search(text):
        return f"a {lang} label must be written in {name}"
    for word in _WORD.findall(text):
        if native.match(word):
            continue
        if _LATIN_WORD.match(word) and (LATIN_ACRONYM.match(word) or word in latin_ok):
            continue
        return f"the word {word!r} is not {name} (Latin words may stand in a {lang} label only as acronyms or as in the English name)"
    return None
