"""Fuzzing: random damage to a copy of the real package, within a fixed time budget.

Each case mutates one table or the descriptor (byte flips, truncation, duplicated and deleted
lines, hostile cell values) and asserts what every contributor is promised: no traceback, an
exit code of 0, 1 or 2, no file changed, and an answer within a time limit. The budget is
``NKRU_FUZZ_SECONDS`` (default 20 s; CI gives it minutes); the seed is printed on failure.
"""

from __future__ import annotations

import os
import random
import shutil
import time
from pathlib import Path

import pytest

import nkru_data
from nkru_data.errors import NkruDataError
from nkru_data.validation.validate import validate

from .conftest import ROOT, snapshot

BUDGET = float(os.environ.get("NKRU_FUZZ_SECONDS", "20"))
PER_CASE = 20.0
HOSTILE = ["NaN", "1e999", "\u0661\u0662", "=1+1", "+cmd", "@SUM(A1)", "\uff1dx", "\t", "\u202e",
           "\u200b", "\x00", "XXXX-02-29", "../2019", "person:x", "", ";", '"', "\n", "\r\n",
           "a" * 1000, "9" * 5000, "true", "TRUE", "http://127.0.0.1:9/x", "../../etc/hostname",
           "Ｋ", "\u3164", "0000-21"]  # fmt: skip


def mutate(folder: Path, rng: random.Random) -> str:
    """Damage one file of the package at random; say what was done."""
    files = [*sorted((folder / "data").glob("*.csv")), folder / "datapackage.json"]
    path = rng.choice(files)
    data = bytearray(path.read_bytes())
    how = rng.choice(["flip", "truncate", "duplicate", "delete", "cell", "cell", "insert"])
    if how == "flip" and data:
        for _ in range(rng.randint(1, 8)):
            data[rng.randrange(len(data))] = rng.randrange(256)
    elif how == "truncate":
        del data[rng.randrange(len(data) + 1) :]
    elif how in ("duplicate", "delete", "insert", "cell"):
        lines = bytes(data).split(b"\n")
        index = rng.randrange(len(lines))
        if how == "duplicate":
            lines.insert(index, lines[index])
        elif how == "delete":
            del lines[index]
        elif how == "insert":
            lines.insert(index, rng.choice(HOSTILE).encode("utf-8"))
        else:
            cells = lines[index].split(b",")
            cells[rng.randrange(len(cells))] = rng.choice(HOSTILE).encode("utf-8")
            lines[index] = b",".join(cells)
        data = bytearray(b"\n".join(lines))
    path.write_bytes(bytes(data))
    return f"{how} {path.name}"


def test_random_damage_never_breaks_the_promises(tmp_path: Path) -> None:
    seed = int(os.environ.get("NKRU_FUZZ_SEED", random.SystemRandom().randrange(2**32)))
    rng = random.Random(seed)
    deadline = time.monotonic() + BUDGET
    cases = 0
    while time.monotonic() < deadline or cases < 3:
        case = tmp_path / f"case{cases}"
        shutil.copytree(ROOT / "datapackage", case / "datapackage")
        shutil.copytree(ROOT / "seeds", case / "seeds")
        package = case / "datapackage"
        what = [mutate(package, rng) for _ in range(rng.randint(1, 3))]
        before = snapshot(case)
        start = time.monotonic()
        try:
            report = validate(package, structural=cases % 8 == 0)
            assert report.exit_code in (0, 1, 2)
            report.to_text()
            report.to_json()
            try:
                ds = nkru_data.load(package, trusted=rng.random() < 0.5)
                for table in ("people", "events", "statistics", "labels"):
                    ds.table(table)
            except NkruDataError:
                pass
        except Exception as exc:  # pragma: no cover - the failure this test exists to catch
            pytest.fail(f"seed {seed}, case {cases} ({'; '.join(what)}): {exc!r}")
        elapsed = time.monotonic() - start
        assert elapsed < PER_CASE, f"seed {seed}, case {cases} ({'; '.join(what)}): {elapsed:.1f}s"
        assert snapshot(case) == before, f"seed {seed}, case {cases}: a file was changed"
        shutil.rmtree(case)
        cases += 1
