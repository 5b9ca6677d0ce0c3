"""Shared fixtures: the real bundled dataset, and small broken packages built from scenarios."""

from __future__ import annotations

import csv
import json
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

import nkru_data
from nkru_data.dataset import Dataset

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"


def tool_env() -> dict[str, str]:
    """The environment with this interpreter's scripts first on PATH, so that console scripts
    (``nkru-data``, ``frictionless``) are the ones installed beside it, venv activated or not."""
    env = dict(os.environ)
    env["PATH"] = str(Path(sys.executable).parent) + os.pathsep + env.get("PATH", "")
    return env


@pytest.fixture(scope="session")
def ds() -> Dataset:
    """The real bundled dataset, loaded once."""
    return nkru_data.load()


def build_scenario(name: str, tmp_path: Path) -> tuple[Path, dict]:
    """Copy the valid base package, lay the scenario's files over it, and return its folder.

    A scenario folder holds the files that differ from ``tests/data/base`` and an
    ``expected.json``: the problem it must produce, plus optional ``delete`` (files to remove)
    and ``refresh`` (whether to refresh the descriptor's hashes after the overlay; default true).
    """
    from nkru_data.store.descriptor import write_generated

    target = tmp_path / name
    shutil.copytree(DATA / "base", target)
    shutil.copytree(ROOT / "seeds", target / "seeds")
    scenario = DATA / name
    expected = json.loads((scenario / "expected.json").read_text(encoding="utf-8"))
    for file in scenario.rglob("*"):
        if file.is_file() and file.name != "expected.json":
            dest = target / "datapackage" / file.relative_to(scenario)
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(file, dest)
    for rel in expected.get("delete", []):
        (target / "datapackage" / rel).unlink()
    if expected.get("refresh", True):
        write_generated(target / "datapackage")
    return target / "datapackage", expected


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file's bytes under a folder, to prove a command wrote nothing."""
    return {
        str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()
    }


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The site of the real data, built once by ``nkru-data site`` (every download included)
    for every test that reads it: pages, crawler, browser."""
    pytest.importorskip("jinja2")
    from typer.testing import CliRunner

    from nkru_data.cli import app

    out = tmp_path_factory.mktemp("site") / "out"
    result = CliRunner().invoke(app, ["site", str(out)])
    assert result.exit_code == 0, result.output
    return out


def bundled_labels(kind: str, field: str, lang: str) -> Iterator[tuple[str, str]]:
    """``(entity, value)`` of the bundled package's labels of one ``field`` in one ``lang`` for
    the records of one id ``kind`` (read from the CSV, not through the library under test)."""
    with (ROOT / "datapackage" / "data" / "labels.csv").open(encoding="utf-8", newline="") as f:
        for row in csv.DictReader(f):
            wanted = (row["field"], row["lang"]) == (field, lang)
            if wanted and row["entity"].startswith(kind + ":"):
                yield row["entity"], row["value"]
