"""What the benchmarks share: the real package grown ``factor``-fold (every table, real
proportions, real text) and a best-of-N timer.

Each copy ``r`` of every row gets every id it holds suffixed with ``-r<r>`` (the first copy
keeps the real ids), so keys stay unique and every reference still resolves within its copy.
Benchmarks of exports and search use it: their cost depends on the text and the links, which a
synthetic package of a few tables would not have.
"""

from __future__ import annotations

import csv
import io
import json
import re
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nkru_data.model.layout import TABLES  # noqa: E402
from nkru_data.store.descriptor import dumps, generated  # noqa: E402

REAL = ROOT / "datapackage"
_ID = re.compile(r"^(?:person|org|place|event|agreement|stat|claim|aff|src):[a-z0-9-]+$")


def _suffixed(cell: str, suffix: str) -> str:
    if not suffix or not cell:
        return cell
    parts = cell.split(";")
    if all(_ID.match(p) for p in parts):
        return ";".join(p + suffix for p in parts)
    return cell


def grow_real(folder: Path, factor: int) -> int:
    """Write the real package grown ``factor``-fold to ``folder``; returns its row count."""
    (folder / "data").mkdir(parents=True, exist_ok=True)
    total = 0
    for table in TABLES:
        text = (REAL / "data" / f"{table.name}.csv").read_text(encoding="utf-8")
        header, *rows = list(csv.reader(io.StringIO(text)))
        out = io.StringIO(newline="")
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(header)
        for r in range(factor):
            suffix = f"-r{r}" if r else ""
            writer.writerows([_suffixed(c, suffix) for c in row] for row in rows)
        total += len(rows) * factor
        (folder / "data" / f"{table.name}.csv").write_text(out.getvalue(), encoding="utf-8")
    base = json.loads((REAL / "datapackage.json").read_text(encoding="utf-8"))
    (folder / "datapackage.json").write_text(dumps(generated(base, folder)), encoding="utf-8")
    return total


def best(run: Callable[[], object], repeat: int = 3) -> float:
    """The fastest of ``repeat`` runs, in seconds: the least disturbed by the rest of the
    machine."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)
