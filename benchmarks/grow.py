"""What the benchmarks share: the real package grown ``factor``-fold (every table, real
proportions, real text) and a best-of-N timer.

Each copy ``r`` of every row gets every id it holds suffixed with ``-r<r>`` (the first copy
keeps the real ids), so keys stay unique and every reference still resolves within its copy;
its English name or title (and a person's description) gains `` (r<r>)``, so that no two copies
are one record entered twice. Quotes, labels and anchors are kept as they are, so every quote
is still verifiable against the archived texts: ``seeds/`` is copied beside the package. The
tables are written in canonical form, and the grown package validates without an error.
Benchmarks of validation, exports and search use it: their cost depends on the text and the
links, which a synthetic package of a few tables would not have.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from nkru_data.model.layout import TABLES  # noqa: E402
from nkru_data.store.descriptor import dumps, generated  # noqa: E402
from nkru_data.store.tables import render  # noqa: E402

REAL = ROOT / "datapackage"
_ID = re.compile(r"^(?:person|org|place|event|agreement|stat|claim|aff|src):[a-z0-9-]+$")


def _suffixed(cell: str, suffix: str) -> str:
    if not suffix or not cell:
        return cell
    parts = cell.split(";")
    if all(_ID.match(p) for p in parts):
        return ";".join(p + suffix for p in parts)
    return cell


#: the fields made distinct in each copy: the natural keys' text (checks.NATURAL_KEYS)
_RENAMED = ("name", "title")


def _copy(header: list[str], row: list[str], r: int, table: str) -> list[str]:
    suffix = f"-r{r}" if r else ""
    cells = [_suffixed(c, suffix) for c in row]
    if r and table != "labels":
        for i, name in enumerate(header):
            if name in _RENAMED or (table == "people" and name == "description"):
                cells[i] = f"{cells[i]} (r{r})"
    return cells


#: copies of one record beyond this share words with too many records to be compared
#: (identity._COMMON_WORD): below it, the copies are recorded as distinct things
_PAIRED = 25


def _distinct_copies(factor: int) -> list[list[str]]:
    """``not_duplicates`` rows saying that the copies of each record are different things."""
    pairs = []
    for name in ("people", "organizations", "places", "events", "agreements"):
        text = (REAL / "data" / f"{name}.csv").read_text(encoding="utf-8")
        for row in list(csv.reader(io.StringIO(text)))[1:]:
            ids = [row[0] + (f"-r{r}" if r else "") for r in range(factor)]
            pairs += [[a, b, "copies made by the benchmark"]
                      for i, a in enumerate(ids) for b in ids[i + 1:]]  # fmt: skip
    return pairs


def grow_real(folder: Path, factor: int, seeds: bool = True) -> int:
    """Write the real package grown ``factor``-fold to ``folder``; returns its row count.

    ``seeds``: copy the archived texts to ``folder.parent / "seeds"`` (where ``validate`` looks
    for them), so that every quote is checked.
    """
    (folder / "data").mkdir(parents=True, exist_ok=True)
    total = 0
    for table in TABLES:
        text = (REAL / "data" / f"{table.name}.csv").read_text(encoding="utf-8")
        header, *rows = list(csv.reader(io.StringIO(text)))
        grown = [_copy(header, row, r, table.name) for r in range(factor) for row in rows]
        if table.name == "not_duplicates" and factor <= _PAIRED:
            grown += _distinct_copies(factor)
        total += len(grown)
        out = render(table, header, grown)
        (folder / "data" / f"{table.name}.csv").write_text(out, encoding="utf-8")
    base = json.loads((REAL / "datapackage.json").read_text(encoding="utf-8"))
    (folder / "datapackage.json").write_text(dumps(generated(base, folder)), encoding="utf-8")
    archived = folder.parent / "seeds"
    if seeds and not archived.exists():
        shutil.copytree(ROOT / "seeds", archived)
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
