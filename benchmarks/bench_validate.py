"""`nkru-data validate` against stock `frictionless validate`, and the load targets, as ratios
measured in one run.

Usage: python benchmarks/bench_validate.py [--sizes 10000,100000,1000000] [--pairs 3]
       [--shape real|synthetic] [--no-exports] [--keep DIR]

For each size it writes a package (``real``: the real package grown N-fold by ``grow.py``,
every table in its real proportions, references and labels valid, quotes checked against the
archived texts; ``synthetic``: ``bench_load.write_package``'s shape) and asserts that it
validates clean with ``--strict``. The nkru_data measured is first byte-compiled, as pip does
when it installs the wheel. Every measurement runs in a fresh process, under a small
wrapper that reports the command's wall time, its CPU time (user + system of the whole process
tree, from ``getrusage(RUSAGE_CHILDREN)``) and its peak memory (the largest sum of the
proportional set sizes of its processes, sampled: a page a forked worker shares with its parent
counts once, as it takes memory once; and ``ru_maxrss``, the largest single process). Paired
runs are interleaved (stock, ours, stock, ours…) and each ratio is the median of the pairs'
ratios. It also measures building every typed record against ``csv.DictReader``, the cold
``import nkru_data; load()`` against ``python -c "import pydantic"``, linearity (the time of each
row added from one size to the next, within ±20 %; the whole time per row, start-up included,
is printed beside it), and (``--no-exports`` to skip) each export at the largest size and
DuckDB reading the Parquet export. Each ratio is printed beside its target; the last line says
how many targets are met.
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
from itertools import pairwise
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from grow import grow_real

REAL_ROWS = 3814  # rows of the real package (every table)
BIN = Path(sys.executable).parent

WRAPPER = r"""
import json, os, resource, subprocess, sys, threading, time
command = json.loads(sys.argv[1])

def tree_rss(root):
    parents = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    parents[int(entry)] = int(f.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                pass
    pids, todo = set(), [root]
    while todo:
        pid = todo.pop()
        pids.add(pid)
        todo.extend(p for p, parent in parents.items() if parent == pid and p not in pids)
    total = 0
    for pid in pids:  # proportional set size: a page a forked worker shares is counted once
        try:
            with open(f"/proc/{pid}/smaps_rollup") as f:
                total += next(int(l.split()[1]) for l in f if l.startswith("Pss:")) * 1024
        except (OSError, StopIteration):
            pass
    return total

start = time.perf_counter()
process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           cwd=os.environ.get("BENCH_CWD"))
peak = [0]
def sample():
    while process.poll() is None:
        peak[0] = max(peak[0], tree_rss(process.pid))
        time.sleep(0.02)
thread = threading.Thread(target=sample, daemon=True)
thread.start()
_, err = process.communicate()
wall = time.perf_counter() - start
thread.join()
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"wall": wall, "cpu": usage.ru_utime + usage.ru_stime,
                  "maxrss_mb": usage.ru_maxrss / 1024, "tree_mb": peak[0] / 2**20,
                  "rc": process.returncode, "err": err.decode("utf-8", "replace")[-2000:]}))
"""

DICTREADER = (
    "import csv, pathlib, sys\n"
    "for p in sorted(pathlib.Path(sys.argv[1], 'data').glob('*.csv')):\n"
    "    with p.open(encoding='utf-8', newline='') as f:\n"
    "        rows = list(csv.DictReader(f))\n"
)
RECORDS = (
    "import sys, nkru_data\n"
    "ds = nkru_data.load(sys.argv[1], trusted=True)\n"
    "for name in ds.counts():\n"
    "    ds.table(name)\n"
)


def run(command: list[str], cwd: str | None = None) -> dict[str, Any]:
    """One measurement of ``command`` in a fresh process tree."""
    env = {"BENCH_CWD": cwd} if cwd else {}
    out = subprocess.run([sys.executable, "-c", WRAPPER, json.dumps(command)],
                         capture_output=True, text=True, check=True,
                         env={**__import__("os").environ, **env})  # fmt: skip
    result: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def paired(a: list[str], b: list[str], pairs: int, cwd: str | None = None
           ) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:  # fmt: skip
    """Interleaved runs A, B, A, B…: both see the same state of the machine."""
    first, second = [], []
    for _ in range(pairs):
        first.append(run(a, cwd))
        second.append(run(b, cwd))
    return first, second


def ratio(ours: list[dict[str, Any]], theirs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(o[key] / t[key] for o, t in zip(ours, theirs))


def median(runs: list[dict[str, Any]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


class Targets:
    """Each ratio printed beside its target, and counted."""

    def __init__(self) -> None:
        self.met = self.total = 0

    def check(self, what: str, value: float, target: float, unit: str = "x") -> None:
        ok = value <= target
        self.met += ok
        self.total += 1
        print(f"  {what:<58} {value:7.2f}{unit}  target <= {target:.2f}{unit}"
              f"  {'met' if ok else 'MISSED'}", flush=True)  # fmt: skip


def build(folder: Path, size: int, shape: str) -> int:
    if shape == "synthetic":
        from bench_load import write_package

        return write_package(folder, size)
    return grow_real(folder, max(1, round(size / REAL_ROWS)))


def exports(folder: Path, work: Path) -> None:
    """Each export of the largest package, and DuckDB reading the Parquet export."""
    nkru = str(BIN / "nkru-data")
    for name, target in (("sqlite", work / "x.sqlite"), ("parquet", work / "x-parquet")):
        r = run([nkru, "export", name, "--path", str(folder), "-o", str(target), "--force"])
        assert r["rc"] == 0, r["err"]
        print(f"  export {name:<8} wall {r['wall']:6.2f} s  CPU {r['cpu']:6.2f} s"
              f"  peak {r['tree_mb']:6.0f} MiB", flush=True)  # fmt: skip
    query = (
        "import duckdb, sys\n"
        "d = sys.argv[1]\n"
        "duckdb.sql(f\"select e.kind, count(*) from read_parquet('{d}/events.parquet') e join"
        " read_parquet('{d}/participants.parquet') p on p.event = e.id group by 1\").fetchall()\n"
        "duckdb.sql(f\"select count(*) from read_parquet('{d}/labels.parquet')\").fetchall()\n"
    )
    r = run([sys.executable, "-c", query, str(work / "x-parquet")])
    assert r["rc"] == 0, r["err"]
    print(f"  duckdb: events x participants join + labels count over the Parquet export:"
          f" wall {r['wall']:.2f} s, peak {r['tree_mb']:.0f} MiB", flush=True)  # fmt: skip


#: compiles the nkru_data that the measured processes import, as pip does when it installs the
#: wheel: from a checkout (an editable install, or ``PYTHONDONTWRITEBYTECODE`` set) every run
#: would compile the package from source, which no installed copy does (frictionless and
#: pydantic, installed, are measured with their bytecode too)
COMPILE = (
    "import compileall, pathlib, nkru_data\n"
    "assert compileall.compile_dir(pathlib.Path(nkru_data.__file__).parent, quiet=1)\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000")
    parser.add_argument("--pairs", type=int, default=3)
    parser.add_argument("--shape", choices=("real", "synthetic"), default="real")
    parser.add_argument("--no-exports", action="store_true")
    parser.add_argument("--keep", type=Path, help="write the packages here and keep them")
    args = parser.parse_args()
    subprocess.run([sys.executable, "-c", COMPILE], check=True, cwd=tempfile.gettempdir())
    work = args.keep or Path(tempfile.mkdtemp(prefix="nkru-bench-"))
    targets = Targets()
    stock_cmd = str(BIN / "frictionless")
    nkru = str(BIN / "nkru-data")
    per_row: dict[str, list[tuple[int, float]]] = {}
    largest: Path | None = None
    try:
        for size in (int(s) for s in args.sizes.split(",")):
            folder = work / f"pkg-{size}"
            shutil.rmtree(folder, ignore_errors=True)
            rows = build(folder, size, args.shape)
            largest = folder
            clean = run([nkru, "validate", str(folder), "--strict"])
            assert clean["rc"] == 0, f"the grown package is not valid: {clean['err']}"
            stock, ours = paired([stock_cmd, "validate", str(folder / "datapackage.json")],
                                 [nkru, "validate", str(folder), "--strict"], args.pairs)
            assert all(r["rc"] == 0 for r in stock), "stock frictionless found the package invalid"
            base, built = paired([sys.executable, "-c", DICTREADER, str(folder)],
                                 [sys.executable, "-c", RECORDS, str(folder)], args.pairs)
            print(f"{rows} rows ({args.shape}): frictionless wall {median(stock, 'wall'):.2f} s"
                  f" CPU {median(stock, 'cpu'):.2f} s peak {median(stock, 'tree_mb'):.0f} MiB;"
                  f" nkru-data validate wall {median(ours, 'wall'):.2f} s CPU"
                  f" {median(ours, 'cpu'):.2f} s peak {median(ours, 'tree_mb'):.0f} MiB"
                  f" (ru_maxrss {median(ours, 'maxrss_mb'):.0f}); DictReader"
                  f" {median(base, 'wall'):.2f} s, every record {median(built, 'wall'):.2f} s"
                  f" peak {median(built, 'tree_mb'):.0f} MiB", flush=True)  # fmt: skip
            if size >= 100_000:
                targets.check(f"validate / frictionless, wall, {rows} rows",
                              ratio(ours, stock, "wall"), 0.25)  # fmt: skip
                targets.check(f"validate / frictionless, CPU, {rows} rows",
                              ratio(ours, stock, "cpu"), 0.25)  # fmt: skip
                targets.check(f"validate / frictionless, peak memory, {rows} rows",
                              ratio(ours, stock, "tree_mb"), 1.0)  # fmt: skip
            else:
                print(f"  validate / frictionless at {rows} rows: wall"
                      f" {ratio(ours, stock, 'wall'):.2f}x, CPU {ratio(ours, stock, 'cpu'):.2f}x,"
                      f" peak memory {ratio(ours, stock, 'tree_mb'):.2f}x")  # fmt: skip
            if size >= 1_000_000:
                targets.check(f"every typed record / csv.DictReader, {rows} rows",
                              ratio(built, base, "wall"), 1.5)  # fmt: skip
            else:
                print(f"  every typed record / csv.DictReader: {ratio(built, base, 'wall'):.2f}x")
            for name, runs in (("validate wall", ours), ("validate CPU", ours),
                               ("every record", built), ("frictionless wall", stock)):
                key = "cpu" if "CPU" in name else "wall"
                per_row.setdefault(name, []).append((rows, median(runs, key) / rows))
        pydantic, cold = paired([sys.executable, "-c", "import pydantic"],
                                [sys.executable, "-c", "import nkru_data; nkru_data.load()"],
                                max(args.pairs, 5), cwd=tempfile.gettempdir())  # fmt: skip
        targets.check("cold import nkru_data; load() / import pydantic",
                      ratio(cold, pydantic, "wall"), 1.2)  # fmt: skip
        for name, points in per_row.items():
            if len(points) < 2:
                continue
            # linear: each row added from one size to the next costs the same. Judged on the
            # rows added, not on the whole time over the rows: that also holds what every run
            # pays once (Python's start, imports: 0.1-0.3 s), which at 10^4 rows is most of
            # the run for any Python command, stock frictionless' too; both are printed
            added = [(b, (tb * b - ta * a) / (b - a)) for (a, ta), (b, tb) in pairwise(points)]
            spread = max(abs(p / added[-1][1] - 1) for _, p in added)
            whole = max(abs(p / points[-1][1] - 1) for _, p in points)
            shown = ", ".join(f"{a}->{b}: {p * 1e6:.2f} µs"
                              for (a, _), (b, p) in zip(points, added))  # fmt: skip
            overall = ", ".join(f"{r}: {p * 1e6:.2f} µs" for r, p in points)
            if name.startswith("frictionless"):
                print(f"  each added row, {name}: {shown} (spread {spread:.0%})")
            else:
                targets.check(f"each added row, {name}: spread ({shown})", spread * 100, 20, "%")
            print(f"    (whole time per row, start-up included, {name}: {overall};"
                  f" spread {whole:.0%})")  # fmt: skip
        if largest is not None and not args.no_exports:
            exports(largest, work)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    print(f"{targets.met} of {targets.total} targets met")


if __name__ == "__main__":
    main()
