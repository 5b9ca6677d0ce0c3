"""Every export on the real package grown, as ratios measured in one run.

Usage: python benchmarks/bench_exports.py [--factors 3,30]

For the real package grown to each factor (``grow.py``: every table, real proportions), times in
this process, best of three, each export from ``load()`` to the written file (records built,
frames with names in three languages, date bounds, typed columns), and prints how each grows
from the smaller size to the larger (linear: about the ratio of the row counts). For Parquet it
also times the floor, ``pyarrow.csv.read_csv`` + ``pyarrow.parquet.write_table`` of every CSV
(no names, no bounds, types as pyarrow infers them), and prints the ratio (target <= 2x).
``benchmarks/bench_export_sqlite.py`` holds the SQLite target.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grow import best, grow_real

import nkru_data
from nkru_data.export import FORMATS, export


def floor(package: Path, out: Path) -> None:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    out.mkdir(exist_ok=True)
    for path in sorted((package / "data").glob("*.csv")):
        pq.write_table(pacsv.read_csv(path), out / f"{path.stem}.parquet", compression="zstd")


def ours(package: Path, out: Path, name: str = "parquet") -> None:
    export(nkru_data.load(package, trusted=True), name, out, force=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factors", default="3,30")
    factors = [int(f) for f in parser.parse_args().factors.split(",")]
    results: dict[str, list[tuple[int, float]]] = {}
    work = Path(tempfile.mkdtemp())
    try:
        for factor in factors:
            package = work / f"x{factor}"
            rows = grow_real(package, factor)
            a = best(lambda: floor(package, work / f"floor{factor}"))  # noqa: B023
            results.setdefault("pyarrow csv+parquet", []).append((rows, a))
            for name in FORMATS:
                target = work / f"{name}{factor}"
                b = best(lambda: ours(package, target, name))  # noqa: B023
                results.setdefault(name, []).append((rows, b))
                if name == "parquet":
                    print(f"{rows:>8} rows  pyarrow csv+parquet {a:7.3f} s  export parquet"
                          f" {b:7.3f} s  ratio {b / a:5.2f}x (target <= 2x)")  # fmt: skip
        for name, timed in results.items():
            line = "  ".join(f"{rows:>7} rows {seconds:7.3f} s" for rows, seconds in timed)
            growth = ""
            if len(timed) > 1:
                (r0, t0), (r1, t1) = timed[0], timed[-1]
                growth = f"  growth {t1 / t0:5.1f}x for {r1 / r0:.1f}x rows"
            print(f"{name:<20} {line}{growth}")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
