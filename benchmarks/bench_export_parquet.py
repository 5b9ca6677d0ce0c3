"""``export parquet`` against pyarrow's own CSV reader and Parquet writer, as ratios in one run.

Usage: python benchmarks/bench_export_parquet.py [--factors 3,30]

For the real package grown to each factor (``grow.py``: every table, real proportions), times in
this process, best of three: (a) ``pyarrow.csv.read_csv`` + ``pyarrow.parquet.write_table`` of
every CSV (the floor: no types beyond what pyarrow infers, no names, no bounds), (b)
``nkru_data.export.export(load(path), "parquet")`` (records built, frames with names in three
languages, date bounds, typed columns). Prints both, their ratio (target <= 2x) and how each
grows from the smaller size to the larger (linear: about the factor's ratio).
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grow import grow_real  # noqa: E402

import nkru_data  # noqa: E402
from nkru_data.export import export  # noqa: E402


def best(run: Callable[[], object], repeat: int = 3) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def floor(package: Path, out: Path) -> None:
    import pyarrow.csv as pacsv
    import pyarrow.parquet as pq

    out.mkdir(exist_ok=True)
    for path in sorted((package / "data").glob("*.csv")):
        pq.write_table(pacsv.read_csv(path), out / f"{path.stem}.parquet", compression="zstd")


def ours(package: Path, out: Path) -> None:
    export(nkru_data.load(package, trusted=True), "parquet", out, force=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--factors", default="3,30")
    factors = [int(f) for f in parser.parse_args().factors.split(",")]
    results = {}
    work = Path(tempfile.mkdtemp())
    try:
        for factor in factors:
            package = work / f"x{factor}"
            rows = grow_real(package, factor)
            a = best(lambda: floor(package, work / f"floor{factor}"))  # noqa: B023
            b = best(lambda: ours(package, work / f"ours{factor}"))  # noqa: B023
            results[factor] = (rows, a, b)
            print(f"{rows:>8} rows  pyarrow csv+parquet {a:7.3f} s  export parquet {b:7.3f} s"
                  f"  ratio {b / a:5.2f}x (target <= 2x)")  # fmt: skip
        if len(factors) > 1:
            (r0, a0, b0), (r1, a1, b1) = results[factors[0]], results[factors[-1]]
            print(f"growth {r1 / r0:.1f}x rows: pyarrow {a1 / a0:.1f}x, export {b1 / b0:.1f}x")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
