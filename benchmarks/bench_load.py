"""Time load on synthetic packages of the real schema, as ratios measured in one run.

Usage: python benchmarks/bench_load.py [--sizes 1000,10000,100000,1000000] [--keep DIR]

For each size it writes a valid package (people, places, events, participants, labels and
citations in realistic proportions), then runs, each in a fresh process:
  - csv.DictReader over every table (the floor for any CSV loader),
  - nkru_data.load(path, trusted=True), and the same with every typed record built,
and prints wall time, the ratios to DictReader, and peak memory. Last, the cold
`import nkru_data; nkru_data.load()` of the bundled package against `python -c "import
pydantic"`. Validation, and the targets on the real package grown, are measured by
``bench_validate.py`` (which also takes this shape: ``--shape synthetic``).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nkru_data.model.layout import TABLES  # noqa: E402
from nkru_data.store.descriptor import dumps, generated  # noqa: E402
from nkru_data.store.tables import render  # noqa: E402

ROWS_PER_UNIT = 13  # person, place, event, participant, 6 labels, 3 citations


def write_package(folder: Path, rows: int) -> int:
    """A valid synthetic package of about ``rows`` rows; returns the exact count."""
    units = max(1, rows // ROWS_PER_UNIT)
    data: dict[str, list[list[str]]] = {t.name: [] for t in TABLES}
    data["sources"].append(
        ["src:synthetic", "report", "Synthetic source", "", "", "2020", "en", "", "", ""]
    )
    data["citations"].append(["src:synthetic", "src:synthetic", "Synthetic source", "", ""])
    data["labels"].append(["src:synthetic", "title", "ru", "Источник", "editorial", "true"])
    data["labels"].append(["src:synthetic", "title", "ko", "출처", "editorial", "true"])
    for i in range(units):
        person, place, event = f"person:p{i}", f"place:c{i}", f"event:e{i}"
        data["people"].append(
            [person, f"Person {i}", "false", "", "1970", "", "KP", "", "A person."]
        )
        data["places"].append([place, f"Town {i}", "city", "RU", "", "43.1", "131.9", "A town."])
        data["events"].append(
            [
                event,
                "travel",
                f"Trip {i}",
                f"20{i % 20:02d}-0{1 + i % 9}",
                place,
                "reported",
                "A trip.",
            ]
        )
        data["participants"].append([event, person, "subject"])
        for entity, field, ru, ko in (
            (person, "name", f"Человек {i}", f"사람 {i}"),
            (place, "name", f"Город {i}", f"도시 {i}"),
            (event, "title", f"Поездка {i}", f"여행 {i}"),
        ):
            data["labels"].append([entity, field, "ru", ru, "editorial", "true"])
            data["labels"].append([entity, field, "ko", ko, "editorial", "true"])
        for record in (person, place, event):
            data["citations"].append([record, "src:synthetic", f"Quote about {record}.", "", ""])
    (folder / "data").mkdir(parents=True)
    for table in TABLES:
        text = render(table, table.fields, data[table.name])
        (folder / "data" / f"{table.name}.csv").write_text(text, encoding="utf-8")
    base = json.loads((ROOT / "datapackage" / "datapackage.json").read_text(encoding="utf-8"))
    (folder / "datapackage.json").write_text(dumps(generated(base, folder)), encoding="utf-8")
    return sum(len(v) for v in data.values())


PROBE = """
import json, resource, sys, time
start = time.perf_counter()
{body}
seconds = time.perf_counter() - start
peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({{"seconds": seconds, "peak_mb": peak_mb}}))
"""

BODIES = {
    "dictreader": (
        "import csv, pathlib\n"
        "for p in sorted(pathlib.Path(sys.argv[1], 'data').glob('*.csv')):\n"
        "    with p.open(encoding='utf-8', newline='') as f:\n"
        "        rows = list(csv.DictReader(f))\n"
    ),
    "load": "import nkru_data\nds = nkru_data.load(sys.argv[1], trusted=True)\n",
    "records": (
        "import nkru_data\n"
        "ds = nkru_data.load(sys.argv[1], trusted=True)\n"
        "for name in ds.counts():\n"
        "    ds.table(name)\n"
    ),
}


def measure(step: str, folder: Path) -> dict[str, float]:
    code = PROBE.format(body=BODIES[step])
    out = subprocess.run(
        [sys.executable, "-c", code, str(folder)], capture_output=True, text=True, check=True
    )
    result: dict[str, float] = json.loads(out.stdout.strip().splitlines()[-1])
    return result


def cold(code: str, repeat: int = 5) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", code], check=True, cwd=tempfile.gettempdir())
        best = min(best, time.perf_counter() - start)
    return best


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,100000,1000000")
    parser.add_argument("--keep", type=Path, help="write the packages here and keep them")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="nkru-bench-"))
    print(
        f"{'rows':>9} {'dictreader':>10} {'load':>7} {'ratio':>6} {'+records':>9} {'ratio':>6}"
        f" {'load MB':>8} {'rec MB':>7}"
    )
    per_row = []
    for size in (int(s) for s in args.sizes.split(",")):
        folder = work / f"pkg-{size}"
        shutil.rmtree(folder, ignore_errors=True)
        rows = write_package(folder, size)
        base = measure("dictreader", folder)
        load = measure("load", folder)
        built = measure("records", folder)
        print(
            f"{rows:>9} {base['seconds']:>9.2f}s {load['seconds']:>6.2f}s"
            f" {load['seconds'] / base['seconds']:>5.2f}x {built['seconds']:>8.2f}s"
            f" {built['seconds'] / base['seconds']:>5.2f}x"
            f" {load['peak_mb']:>8.0f} {built['peak_mb']:>7.0f}",
            flush=True,
        )
        per_row.append((rows, built["seconds"] / rows))
    if len(per_row) > 1:
        (r0, l0), (r1, l1) = per_row[-2], per_row[-1]
        print(f"time per row, {r1} vs {r0} rows: load+records {l1 / l0:.2f}x (1.0 = linear)")
    pydantic = cold("import pydantic")
    ours_cold = cold("import nkru_data; nkru_data.load()")
    print(
        f"cold import+load of the bundled package: {ours_cold:.3f}s;"
        f" python -c 'import pydantic': {pydantic:.3f}s; ratio {ours_cold / pydantic:.2f}x"
    )
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
