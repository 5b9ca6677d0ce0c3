"""Search: one index over every text of a dataset, ranked by where the text matched.

A record is found by any of its texts, in four tiers, best first:

0. its name, title, statistic label or abbreviation, or a ``name``/``title``/``alias`` label in
   any language;
1. its description (English, or a Russian/Korean description label), occupation, note, or a
   claim's value;
2. the quote of one of its citations: a quote finds the record it is cited for;
3. where it is: a place whose name matched (tier 0), and every place below it (``places.parent``,
   recursively) — the child places themselves, events and statistics whose ``place`` is one of
   them, and events with one of them among the participants.

Within a tier a text that *is* the query comes first, then one holding it as a whole word, as
the start of a word, and anywhere. At equal rank people, organisations, places and agreements
come before events, statistics and claims, then ids in order. Matching is case- and
diacritic-insensitive (:func:`fold`). When nothing matches, a typo-tolerant pass (rapidfuzz,
imported only then) returns the records whose names come closest.

Why an index and not a scan: a query is a substring test, which a scan of ~10^6 texts makes in
Python at ~100 ms. Instead every text is cut into words once; the query's words are looked up in
the (much smaller) vocabulary, and only the texts holding all of them are tested whole.
"""

from __future__ import annotations

import gc
import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator

from nkru_data.model.layout import TABLE_BY_NAME, TABLES
from nkru_data.views.lookup import Lookup

NAME, TEXT, QUOTE, PLACE = range(4)  # tiers
EXACT, WORD, WORD_START, ANYWHERE = range(4)  # how a text holds the query
_NO_HIT = 16  # above every tier * 4 + quality
#: record kinds listed first at equal rank: what a reader most often looks up by name
ENTITIES = ("person", "org", "place", "agreement")
#: free-text columns of tier 1 (a table without one has "" there); ``value`` is read in claims
_TEXT_COLUMNS = ("description", "occupation", "note", "unnamed_parties")
#: rapidfuzz ratio (0-100) a name must reach in the typo-tolerant pass: about one wrong, missing
#: or extra letter in five (``vladivostk`` ~ ``vladivostok`` scores 95, ``moskva`` ~ ``moscow`` 50)
FUZZY_CUTOFF = 80.0
#: rapidfuzz WRatio an id's slug must reach to be suggested for an unknown id
SUGGEST_CUTOFF = 70.0
_WORD = re.compile(r"\w+")


class _Marks(dict[int, "int | None"]):
    """``str.translate`` table that drops combining marks, filled as characters are met."""

    def __missing__(self, code: int) -> int | None:
        value = None if unicodedata.combining(chr(code)) else code
        self[code] = value
        return value


_MARKS = _Marks()


def fold(text: str) -> str:
    """Case- and diacritic-insensitive form for search (``Ё`` → ``е``, ``É`` → ``e``).

    >>> fold("Ёлка Café"), fold("ГАННУШКИНА") == fold("Ганнушкина")
    ('елка cafe', True)
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return decomposed if decomposed.isascii() else decomposed.translate(_MARKS)


def record_texts(ds: Lookup) -> Iterator[tuple[str, int, str]]:
    """``(record id, tier, text)`` of every text search reads, as CSV text (not folded).

    Public so that a benchmark can index exactly the same texts with another engine.
    """
    for table in TABLES:
        if not table.kind:
            continue
        ids = ds.column(table.name, "id")
        names = [table.name_field, "abbreviation"] if table.name_field else []
        free = [*_TEXT_COLUMNS, "value"] if table.name == "claims" else list(_TEXT_COLUMNS)
        for tier, columns in ((NAME, names), (TEXT, free)):
            for column in columns:
                for id_, text in zip(ids, ds.column(table.name, column)):
                    if text:
                        yield id_, tier, text
    labels = (ds.column("labels", c) for c in ("entity", "field", "value"))
    for entity, field, value in zip(*labels):
        yield entity, TEXT if field == "description" else NAME, value
    for record, quote in zip(ds.column("citations", "record"), ds.column("citations", "quote")):
        yield record, QUOTE, quote


def _order_key(id_: str) -> tuple[bool, str]:
    return (id_.partition(":")[0] not in ENTITIES, id_)


class SearchIndex:
    """Every text of a dataset, folded and cut into words; built once, queried many times."""

    def __init__(self, ds: Lookup) -> None:
        #: record ids in the order of equal-rank results; a record is its number in this list
        self.ids = sorted(ds.ids(), key=_order_key)
        self._number = {id_: n for n, id_ in enumerate(self.ids)}
        self._texts: list[str] = []  # one entry per text: the folded text...
        self._owner: list[int] = []  # ...the record it belongs to...
        self._tier: list[int] = []  # ...and its tier
        self._postings: defaultdict[str, list[int]] = defaultdict(list)
        enabled = gc.isenabled()
        gc.disable()  # millions of small lists, none cyclic: collections would only slow it
        try:
            for id_, tier, text in record_texts(ds):
                self._add(id_, tier, text)
        finally:
            if enabled:
                gc.enable()
        self._vocabulary = sorted(self._postings)
        self._vocabulary_text = "\n".join(self._vocabulary)
        self._starts: list[int] = []
        at = 0
        for word in self._vocabulary:
            self._starts.append(at)
            at += len(word) + 1
        self._children: defaultdict[int, list[int]] = defaultdict(list)
        self._located: defaultdict[int, list[int]] = defaultdict(list)
        self._places: set[int] = set()
        self._read_places(ds)
        self._fuzzy_choices: dict[int, tuple[list[str], list[list[int]]]] = {}
        self._names_of: dict[int, list[str]] | None = None

    # -- building -----------------------------------------------------------------------------

    def _add(self, id_: str, tier: int, text: str) -> None:
        owner = self._number.get(id_)
        if owner is None or not text:
            return
        folded = fold(text)
        entry = len(self._texts)
        self._texts.append(folded)
        self._owner.append(owner)
        self._tier.append(tier)
        for word in set(_WORD.findall(folded)):
            self._postings[word].append(entry)

    def _read_places(self, ds: Lookup) -> None:
        number = self._number
        for place, parent in zip(ds.column("places", "id"), ds.column("places", "parent")):
            if place in number:
                self._places.add(number[place])
                if parent in number:
                    self._children[number[parent]].append(number[place])
        located = [(ds.column(t, "id"), ds.column(t, "place")) for t in ("events", "statistics")]
        located.append((ds.column("participants", "event"), ds.column("participants", "entity")))
        for records, places in located:
            for record, place in zip(records, places):
                if record in number and place in number:
                    self._located[number[place]].append(number[record])

    # -- querying -----------------------------------------------------------------------------

    def search(self, text: str, limit: int | None = None) -> list[str]:
        """Ids of the records matching ``text``, best first (see the module's docstring)."""
        needle = " ".join(fold(text).split())  # texts are single-spaced, and so is the query
        if not needle:
            return []
        best = self._hits(needle)
        if not best:
            return self._fuzzy(needle)[:limit]
        self._roll_up(best)
        count = len(self.ids)
        keys = sorted(code * count + owner for owner, code in best.items())
        return [self.ids[key % count] for key in keys[:limit]]

    def _hits(self, needle: str) -> dict[int, int]:
        """Best ``tier * 4 + quality`` of each record holding ``needle`` in one of its texts."""
        best: dict[int, int] = {}
        texts, owners, tiers = self._texts, self._owner, self._tier
        tokens = _WORD.findall(needle)
        if tokens == [needle]:  # one plain word: its quality in a text is its best word's
            for word, quality in self._words_holding(needle):
                for entry in self._postings[word]:
                    exact = quality == WORD and texts[entry] == needle
                    code = tiers[entry] * 4 + (EXACT if exact else quality)
                    owner = owners[entry]
                    if code < best.get(owner, _NO_HIT):
                        best[owner] = code
            return best
        if tokens:
            candidates: Iterable[int] = self._candidates(needle, tokens)
        else:  # no letter or digit to look up: test every text
            candidates = range(len(texts))
        escaped = re.escape(needle)
        whole = re.compile(rf"(?<!\w){escaped}(?!\w)")
        start = re.compile(rf"(?<!\w){escaped}")
        for entry in candidates:
            hay = texts[entry]
            if needle not in hay:
                continue
            if hay == needle:
                quality = EXACT
            elif whole.search(hay):
                quality = WORD
            else:
                quality = WORD_START if start.search(hay) else ANYWHERE
            code = tiers[entry] * 4 + quality
            owner = owners[entry]
            if code < best.get(owner, _NO_HIT):
                best[owner] = code
        return best

    def _words_holding(self, token: str) -> list[tuple[str, int]]:
        """The vocabulary's words that hold ``token`` (a run of word characters), with how."""
        found = []
        text, starts, vocabulary = self._vocabulary_text, self._starts, self._vocabulary
        at = text.find(token)
        while at != -1:
            n = bisect_right(starts, at) - 1
            word = vocabulary[n]
            if word == token:
                found.append((word, WORD))
            else:
                found.append((word, WORD_START if starts[n] == at else ANYWHERE))
            at = text.find(token, starts[n] + len(word) + 1)
        return found

    def _candidates(self, needle: str, tokens: list[str]) -> set[int]:
        """Texts holding every word of ``needle`` where it could sit: a superset of the hits.

        In ``p0 t1 p1 … tn pn`` (``p`` not word characters), a ``t`` with a ``p`` before it
        starts a word of the text and one with a ``p`` after it ends one; so ``kim chol-sam``
        needs a word ending in ``kim``, the word ``chol`` and a word starting with ``sam``.
        """
        sets = []
        for i, token in enumerate(tokens):
            starts = i > 0 or not needle.startswith(token)
            ends = i < len(tokens) - 1 or not needle.endswith(token)
            if starts and ends:
                words = [token] if token in self._postings else []
            else:
                words = [
                    word
                    for word, _ in self._words_holding(token)
                    if (not starts or word.startswith(token)) and (not ends or word.endswith(token))
                ]
            sets.append((sum(len(self._postings[w]) for w in words), words))
        sets.sort()
        found: set[int] | None = None
        for _, words in sets:
            entries = {e for w in words for e in self._postings[w]}
            found = entries if found is None else found & entries
            if not found:
                return set()
        return found or set()

    def _roll_up(self, best: dict[int, int]) -> None:
        """Add tier 3: what lies at, or below, each place whose name matched."""
        for place, code in [(r, c) for r, c in best.items() if c < 4 and r in self._places]:
            rank = PLACE * 4 + code
            stack, seen = [place], {place}
            while stack:
                current = stack.pop()
                below = self._children.get(current, [])
                for owner in (*self._located.get(current, ()), *below):
                    if rank < best.get(owner, _NO_HIT):
                        best[owner] = rank
                for child in below:
                    if child not in seen:
                        seen.add(child)
                        stack.append(child)

    def _fuzzy(self, needle: str) -> list[str]:
        """Records whose names (or runs of as many of their words) are closest to ``needle``."""
        words = _WORD.findall(needle)
        if not words or len(needle) < 3:
            return []
        from rapidfuzz import fuzz, process

        query = " ".join(words)
        choices, owners = self._choices(len(words))
        best: dict[int, float] = {}
        for _, score, i in process.extract(
            query, choices, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF, limit=None
        ):
            for owner in owners[i]:
                best[owner] = max(score, best.get(owner, 0.0))
        # at equal score, the record whose whole name is closest: "vladivostk" finds the city
        # before the café in it
        names = self._names()
        whole = {r: max(fuzz.ratio(query, name) for name in names[r]) for r in best}
        ranked = sorted(best, key=lambda r: (-best[r], -whole[r], r))
        return [self.ids[r] for r in ranked]

    def _names(self) -> dict[int, list[str]]:
        """Each record's name texts, as words joined by single spaces."""
        if self._names_of is None:
            names: defaultdict[int, list[str]] = defaultdict(list)
            for text, owner, tier in zip(self._texts, self._owner, self._tier):
                if tier == NAME:
                    names[owner].append(" ".join(_WORD.findall(text)))
            self._names_of = dict(names)
        return self._names_of

    def _choices(self, size: int) -> tuple[list[str], list[list[int]]]:
        """Distinct whole names and runs of ``size`` words of names, each with its records."""
        if size not in self._fuzzy_choices:
            owners: defaultdict[str, set[int]] = defaultdict(set)
            for owner, names in self._names().items():
                for name in names:
                    owners[name].add(owner)
                    words = name.split(" ")
                    for i in range(len(words) - size + 1):
                        owners[" ".join(words[i : i + size])].add(owner)
            self._fuzzy_choices[size] = (list(owners), [sorted(o) for o in owners.values()])
        return self._fuzzy_choices[size]


def suggest(ids: Iterable[str], id_: str, limit: int = 3) -> list[str]:
    """The ids nearest ``id_`` (by slug, among ids of its kind when it names a known kind).

    For the "did you mean" of an unknown id: ``person:ganushkina`` → ``person:svetlana-
    gannushkina``; ``kim-chol-sam`` (no kind) → ``person:kim-chol-sam``.
    """
    from rapidfuzz import fuzz, process

    query = str(id_)[:200]
    kind, colon, slug = query.partition(":")
    every = list(ids)
    kinds = {t.kind for t in TABLE_BY_NAME.values() if t.kind}
    pool = [i for i in every if i.startswith(f"{kind}:")] if colon and kind in kinds else []
    if not colon:
        slug = query
    pool = pool or every
    slugs = [i.partition(":")[2] for i in pool]
    found = process.extract(
        slug, slugs, scorer=fuzz.WRatio, limit=limit, score_cutoff=SUGGEST_CUTOFF
    )
    return [pool[i] for _, _, i in found]
