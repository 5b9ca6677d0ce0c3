"""The floors CI tests against are the floors pyproject.toml allows, and nothing drifts."""

from __future__ import annotations

import re
import sys

from .conftest import ROOT

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FLOORS = ROOT / "constraints" / "floors.txt"


def _requirements() -> list[str]:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    out = list(project["dependencies"])
    for extra in project["optional-dependencies"].values():
        out.extend(r for r in extra if not r.startswith("nkru-data"))
    return out


def _pins() -> dict[str, str]:
    pins = {}
    for line in FLOORS.read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pins[name.strip().lower()] = version.strip()
    return pins


def test_every_floor_in_pyproject_is_pinned_in_the_constraints() -> None:
    pins = _pins()
    for requirement in _requirements():
        match = re.match(r"([A-Za-z0-9_.-]+)\s*>=\s*([0-9][^,;\s]*)", requirement)
        assert match, f"{requirement}: every dependency states a floor (>=)"
        name, floor = match[1].lower(), match[2]
        assert pins.get(name) == floor, (
            f"{name}: pyproject floor {floor}, constraints {pins.get(name)}"
        )


def test_ci_runs_the_suite_against_the_floors_and_the_readme_commands() -> None:
    script = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "constraints/floors.txt" in script
    assert "Quick start" in script
