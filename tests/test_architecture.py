"""The layout holds: layers checked by import-linter, no import circle, small modules, old import
paths still answered, one version source each for the library and the data."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import grimp
import pytest

import nkru_data
from nkru_data._moved import MOVED

from .conftest import ROOT, tool_env

PACKAGE = ROOT / "nkru_data"
MAX_LINES = 400


def test_no_import_circle_between_any_two_modules() -> None:
    """Every run-time import edge of the package, searched for a cycle (type-only imports are
    not run, so they cannot make one)."""
    graph = grimp.build_graph("nkru_data", exclude_type_checking_imports=True)
    modules = sorted(m for m in graph.modules if m.startswith("nkru_data"))
    edges = {m: sorted(graph.find_modules_directly_imported_by(m) & set(modules)) for m in modules}
    state: dict[str, int] = {}  # 1: on the path, 2: done

    def visit(module: str, path: list[str]) -> list[str] | None:
        state[module] = 1
        for nxt in edges[module]:
            if state.get(nxt) == 1:
                return [*path, module, nxt]
            if nxt not in state and (found := visit(nxt, [*path, module])):
                return found
        state[module] = 2
        return None

    sys.setrecursionlimit(max(sys.getrecursionlimit(), 10 * len(modules)))
    cycles = [c for m in modules if m not in state and (c := visit(m, []))]
    assert len(edges) > 40 and sum(map(len, edges.values())) > 100  # the graph is the real one
    assert cycles == []


def _lint_imports(cwd: Path, pythonpath: Path) -> subprocess.CompletedProcess[str]:
    env = tool_env() | {"PYTHONPATH": str(pythonpath)}
    return subprocess.run(["lint-imports", "--no-cache"], cwd=cwd, env=env, capture_output=True,
                          text=True, timeout=300)  # fmt: skip


def test_the_contracts_hold() -> None:
    result = _lint_imports(ROOT, ROOT)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "3 kept, 0 broken" in result.stdout


@pytest.mark.parametrize(
    ("module", "added", "broken"),
    [
        ("lang/dates.py", "from nkru_data.model import values", "Layers import downward only"),
        ("views/cards.py", "from nkru_data import dataset", "Layers import downward only"),
        ("validation/cells.py", "from nkru_data.validation import checks", "No import circle"),
        ("store/csvfile.py", "import pydantic", "The load path imports no pydantic"),
        ("dataset.py", "from nkru_data.model import records", "The load path imports no pydantic"),
    ],
)
def test_a_wrong_import_breaks_a_contract(
    tmp_path: Path, module: str, added: str, broken: str
) -> None:
    """The contracts are not vacuous: one upward, circular or heavy import on a copy fails."""
    shutil.copytree(PACKAGE, tmp_path / "nkru_data", ignore=shutil.ignore_patterns("_data"))
    shutil.copy(ROOT / "pyproject.toml", tmp_path)
    target = tmp_path / "nkru_data" / module
    target.write_text(target.read_text(encoding="utf-8") + f"\n{added}  # noqa\n", "utf-8")
    result = _lint_imports(tmp_path, tmp_path)
    assert result.returncode == 1
    assert broken in result.stdout.split("Broken contracts")[1]


def test_no_module_is_long() -> None:
    long = {
        str(p.relative_to(ROOT)): n
        for p in PACKAGE.rglob("*.py")
        if (n := len(p.read_text(encoding="utf-8").splitlines())) > MAX_LINES
    }
    assert long == {}


def test_every_old_import_path_answers_with_the_moved_module() -> None:
    """``import nkru_data.dates`` and the other flat paths of 0.1 give the same module object."""
    code = (
        "import importlib, json, nkru_data\n"
        "from nkru_data._moved import MOVED\n"
        "same = {old: importlib.import_module(old) is importlib.import_module(new)"
        " for old, new in MOVED.items()}\n"
        "from nkru_data.validate import Problem, Report, validate\n"
        "from nkru_data.models import Person\n"
        "import nkru_data.dates\n"
        "print(json.dumps({'same': same, 'function': callable(nkru_data.validate)"
        " and nkru_data.validate is validate, 'person': Person.__module__}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True, cwd=ROOT)  # fmt: skip
    out = json.loads(result.stdout)
    assert out["same"] == dict.fromkeys(MOVED, True)
    assert out["function"] is True  # nkru_data.validate stays the function
    assert out["person"] == "nkru_data.model.records"
    assert "nkru_data.dates" in MOVED and "nkru_data.models" in MOVED


def test_an_old_path_is_imported_only_when_asked() -> None:
    code = "import sys, nkru_data\nprint('nkru_data.model.records' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            check=True)  # fmt: skip
    assert result.stdout.strip() == "False"


def test_versions_come_from_metadata_and_the_descriptor() -> None:
    descriptor = json.loads((ROOT / "datapackage" / "datapackage.json").read_text("utf-8"))
    assert nkru_data.__version__ == version("nkru-data")
    assert descriptor["version"] == nkru_data.DATA_VERSION
    result = subprocess.run(["nkru-data", "--version"], capture_output=True, text=True,
                            env=tool_env(), timeout=120)  # fmt: skip
    assert result.returncode == 0, result.stderr
    expected = f"nkru-data {version('nkru-data')} (data {descriptor['version']})"
    assert result.stdout.strip() == expected


def test_readme_design_names_every_package() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    design = readme.split("## Design", 1)[1].split("\n## ", 1)[0]
    packages = sorted(p.parent.name for p in PACKAGE.glob("*/__init__.py"))
    assert len(packages) >= 7
    missing = [p for p in packages if f"`{p}/`" not in design]
    assert missing == []
