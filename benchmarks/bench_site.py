"""The static site's build time per record, at two sizes, as a ratio measured in one run.

Usage: python benchmarks/bench_site.py [--records 1000,10000] [--repeat 3]

For each size it writes the real package grown to about that many page records (``grow.py``:
every table, real text and links, ids suffixed per copy; a page record is a row of a table that
gets a page — people, organizations, places, events, agreements, statistics, claims,
affiliations, sources), then, in a fresh process each time, best of ``repeat``, loads it with
``nkru_data.load(folder)`` and times ``nkru_data.site.build.build(ds, out)`` alone: every page of
every language, typed records built on the way, written to disk. It prints the time per record
at each size and their ratio, largest size against smallest; the target is a per-record cost
within ±20 % (ratio 0.8–1.2): a build linear in records.
"""

from __future__ import annotations

import argparse
import csv
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grow import REAL, grow_real

PAGE_TABLES = ("people", "organizations", "places", "events", "agreements", "statistics",
               "claims", "affiliations", "sources")  # fmt: skip
TOLERANCE = 0.20  # per-record cost may drift this much between sizes and still count as linear

PROBE = """
import json, sys, time
from pathlib import Path
import nkru_data
from nkru_data.site.build import build
ds = nkru_data.load(Path(sys.argv[1]))
start = time.perf_counter()
pages = build(ds, Path(sys.argv[2]))
print(json.dumps({"seconds": time.perf_counter() - start, "pages": pages}))
"""


def page_records(package: Path) -> int:
    """Rows of the tables that get a page."""
    total = 0
    for table in PAGE_TABLES:
        with (package / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            total += sum(1 for _ in csv.DictReader(f))
    return total


def timed_build(package: Path, out: Path, repeat: int) -> tuple[float, int]:
    """The fastest of ``repeat`` builds, each in a fresh process; and the pages written."""
    best, pages = float("inf"), 0
    for _ in range(repeat):
        shutil.rmtree(out, ignore_errors=True)
        done = subprocess.run([sys.executable, "-c", PROBE, str(package), str(out)],
                              capture_output=True, text=True, check=True)  # fmt: skip
        result = json.loads(done.stdout.strip().splitlines()[-1])
        best, pages = min(best, result["seconds"]), result["pages"]
    shutil.rmtree(out, ignore_errors=True)
    return best, pages


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", default="1000,10000", help="sizes, in page records")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    real = page_records(REAL)
    work = Path(tempfile.mkdtemp(prefix="nkru-bench-site-"))
    try:
        print(f"{'factor':>6} {'rows':>8} {'records':>8} {'pages':>7} {'build s':>8}"
              f" {'ms/record':>10}")  # fmt: skip
        per_record: list[tuple[int, float]] = []
        for size in (int(s) for s in args.records.split(",")):
            factor = max(1, round(size / real))
            package = work / f"x{factor}"
            rows = grow_real(package, factor)
            records = page_records(package)
            seconds, pages = timed_build(package, work / f"site{factor}", args.repeat)
            per_record.append((records, seconds / records))
            print(f"{factor:>6} {rows:>8} {records:>8} {pages:>7} {seconds:>8.2f}"
                  f" {seconds / records * 1000:>10.3f}", flush=True)  # fmt: skip
            shutil.rmtree(package, ignore_errors=True)
        if len(per_record) < 2:
            return
        (r0, t0), (r1, t1) = per_record[0], per_record[-1]
        ratio = t1 / t0
        met = abs(ratio - 1) <= TOLERANCE
        print(
            f"time per record, {r1} vs {r0} records: {ratio:.2f}x"
            f" (target {1 - TOLERANCE:.1f}x-{1 + TOLERANCE:.1f}x: linear in records)"
        )
        print(
            f"target {'met' if met else 'NOT met'}: per-record cost"
            f" {'within' if met else 'outside'} ±{TOLERANCE:.0%} from {r0} to {r1} records"
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
