"""``Dataset.search`` against an SQLite FTS5 ``MATCH`` over the same texts, as ratios in one run.

Usage: python benchmarks/bench_search.py [--factor 30] [--repeat 5]

On the real package grown ``factor``-fold (``grow.py``: every table, real text and links; 30
gives ~10^5 rows), both sides index the same texts (``views.search.record_texts``): names,
titles, abbreviations, labels (name, title, alias, description, in en/ru/ko), descriptions,
occupations, notes, claim values and citation quotes, each with the record it belongs to and its
tier (name 0, text 1, quote 2). FTS5 uses the ``unicode61`` tokenizer with ``remove_diacritics
2`` (case and accents folded, as ``fold`` does) in an in-memory database; a query is a phrase
``MATCH``, ordered by tier then bm25 rank, and its record ids deduplicated in order — the same
answer shape as ``search``, which returns typed records, best first. FTS5 matches whole tokens,
search matches substrings (``Владивосток`` finds ``Владивостоке``), so the hit counts differ.

Timed, best of ``repeat``: each query on both sides (typed records are built before, so neither
side pays for them; the search index and the FTS5 table are built once, and their build times
are printed apart). The target is search <= 2x FTS5 over the query set. The typo query takes
the fuzzy fallback, which FTS5 has no counterpart for; it is printed alone.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grow import best, grow_real

import nkru_data
from nkru_data.dataset import Dataset
from nkru_data.views.search import record_texts

QUERIES = ["Vladivostok", "Владивосток", "블라디보스토크", "Gannushkina", "Civic Assistance",
           "Kim Chol-sam", "Pulkovo Airport", "refugees", "sanctions", "Russia"]  # fmt: skip
TYPO = "Vladivostk"


def fts_index(ds: Dataset) -> sqlite3.Connection:
    db = sqlite3.connect(":memory:")
    db.execute(
        "CREATE VIRTUAL TABLE fts USING fts5(record UNINDEXED, tier UNINDEXED, text,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    db.executemany("INSERT INTO fts VALUES (?, ?, ?)", record_texts(ds))
    db.commit()
    return db


def fts_search(db: sqlite3.Connection, query: str) -> list[str]:
    phrase = '"' + query.replace('"', '""') + '"'
    rows = db.execute(
        "SELECT record FROM fts WHERE fts MATCH ? ORDER BY tier, rank", (phrase,)
    ).fetchall()
    return list(dict.fromkeys(r for (r,) in rows))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factor", type=int, default=30)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nkru-bench-search-"))
    try:
        rows = grow_real(work / "pkg", args.factor)
        ds = nkru_data.load(work / "pkg", trusted=True)
        for name in ds.counts():
            ds.table(name)  # typed records first: their cost is neither side's
        start = time.perf_counter()
        ds.search(QUERIES[0])
        ours_build = time.perf_counter() - start
        start = time.perf_counter()
        db = fts_index(ds)
        fts_build = time.perf_counter() - start
        entries = db.execute("SELECT count(*) FROM fts").fetchone()[0]
        print(f"{rows} rows, {len(ds)} records, {entries} texts (factor {args.factor})")
        print(f"build: search index {ours_build:.2f} s, FTS5 table {fts_build:.2f} s")
        print(f"{'query':<20} {'hits':>6} {'fts hits':>8} {'search ms':>10} {'fts5 ms':>8} ratio")
        total_ours = total_fts = 0.0
        for query in QUERIES:
            hits = ds.search(query)
            fts_hits = fts_search(db, query)
            ours = best(lambda: ds.search(query), args.repeat)  # noqa: B023
            fts = best(lambda: fts_search(db, query), args.repeat)  # noqa: B023
            total_ours += ours
            total_fts += fts
            print(f"{query:<20} {len(hits):>6} {len(fts_hits):>8} {ours * 1000:>10.2f}"
                  f" {fts * 1000:>8.2f} {ours / fts:5.2f}x")  # fmt: skip
        print(
            f"all {len(QUERIES)} queries: search {total_ours * 1000:.1f} ms, FTS5"
            f" {total_fts * 1000:.1f} ms, ratio {total_ours / total_fts:.2f}x (target <= 2x)"
        )
        fuzzy = best(lambda: ds.search(TYPO), args.repeat)
        found = [r.id for r in ds.search(TYPO, limit=1)]  # type: ignore[attr-defined]
        print(
            f"typo {TYPO!r} (fuzzy fallback; FTS5 finds {len(fts_search(db, TYPO))}):"
            f" {fuzzy * 1000:.1f} ms, first {found}"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
