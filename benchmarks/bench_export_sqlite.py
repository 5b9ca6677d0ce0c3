"""Time ``export sqlite`` against a bare ``sqlite3.executemany`` of the same rows, in one run.

Usage: python benchmarks/bench_export_sqlite.py [--factors 15,30] [--repeat 3]

For each factor it grows the real package with ``grow.py`` (every table, real proportions and
text; 30-fold is about 10^5 rows), loads it with ``trusted=True`` and builds its records
(loading is not the export's work), then times, best of ``--repeat``:

  - ``bare``: ``CREATE TABLE`` with the same columns and ``executemany`` of exactly the rows the
    export stores (same tables, same row counts, same values), in one transaction;
  - ``frames``: :func:`nkru_data.views.frames.frames`, the flattening every export shares;
  - ``export``: ``nkru_data.export.export(ds, "sqlite", …)``: frames, keys, rows, the ``texts``
    table, indexes, FTS5 indexes with their triggers, views, staging and the final move.

Both databases are written with the pragmas the export uses (no journal, no fsync: the file is
staged and moved into place when complete), so the ratio measures work, not the disk. It prints
the ratio export/bare (target <= 2x), the same without the frames, and, across the last two
sizes, the time per row of the export (1.0 = linear).
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from grow import best, grow_real  # noqa: E402

from nkru_data import load  # noqa: E402
from nkru_data.dataset import Dataset  # noqa: E402
from nkru_data.export import LANGS, export  # noqa: E402
from nkru_data.export.sqlite import sql_rows  # noqa: E402
from nkru_data.model.layout import TABLE_BY_NAME, TABLES  # noqa: E402
from nkru_data.views.frames import frames  # noqa: E402

SQL = {"string": "TEXT", "category": "TEXT", "date": "TEXT", "list": "TEXT", "boolean": "INTEGER",
       "integer": "INTEGER", "number": "REAL"}  # fmt: skip


def bare(ds: Dataset, out: Path) -> tuple[float, int]:
    """The floor: the export's rows into plain tables, one executemany each; (seconds, rows)."""
    tables = [(f, sql_rows(f, TABLE_BY_NAME[f.table])) for f in frames(ds, LANGS)]
    start = time.perf_counter()
    db = sqlite3.connect(out)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    with db:
        for frame, rows in tables:
            columns = ", ".join(f"[{c.name}] {SQL[c.kind]}" for c in frame.columns)
            db.execute(f"CREATE TABLE [{frame.table}] ({columns})")
            marks = ", ".join("?" * len(frame.columns))
            db.executemany(f"INSERT INTO [{frame.table}] VALUES ({marks})", rows)
    db.close()
    return time.perf_counter() - start, sum(len(rows) for _, rows in tables)


def measure(work: Path, factor: int, repeat: int) -> tuple[int, float, float, float, float]:
    """Rows, and the best seconds of bare, frames and export at one size; the export's MB."""
    folder = work / f"pkg-{factor}"
    rows = grow_real(folder, factor)
    ds = load(folder, trusted=True)
    for table in TABLES:
        ds.table(table.name)  # records built: loading is not the export's work
    floor = []
    for i in range(repeat):
        target = work / f"bare-{factor}-{i}.sqlite"
        seconds, stored = bare(ds, target)
        assert stored == rows, (stored, rows)  # the same rows as the package holds
        floor.append(seconds)
        target.unlink()
    flat = best(lambda: frames(ds, LANGS), repeat)
    out = work / f"export-{factor}.sqlite"
    ours = best(lambda: export(ds, "sqlite", out, force=True), repeat)
    return rows, min(floor), flat, ours, out.stat().st_size / 1e6


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--factors", default="15,30")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="nkru-bench-sqlite-"))
    print(f"{'rows':>8} {'bare':>7} {'frames':>7} {'export':>7} {'ratio':>6} {'w/o frames':>10}"
          f" {'db MB':>6}")  # fmt: skip
    per_row = []
    try:
        for factor in (int(f) for f in args.factors.split(",")):
            rows, floor, flat, ours, size_mb = measure(work, factor, args.repeat)
            print(f"{rows:>8} {floor:>6.2f}s {flat:>6.2f}s {ours:>6.2f}s {ours / floor:>5.2f}x"
                  f" {(ours - flat) / floor:>9.2f}x {size_mb:>6.1f}", flush=True)  # fmt: skip
            per_row.append((rows, ours / rows))
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if len(per_row) > 1:
        (r0, t0), (r1, t1) = per_row[-2], per_row[-1]
        print(f"export time per row, {r1} vs {r0} rows: {t1 / t0:.2f}x (1.0 = linear)")


if __name__ == "__main__":
    main()
