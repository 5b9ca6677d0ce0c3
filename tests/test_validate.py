"""The validator on the real package and on one small broken package per problem code."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

import nkru_data
from nkru_data.validation.validate import validate

from .conftest import DATA, ROOT, build_scenario, snapshot

SCENARIOS = sorted(p.name for p in DATA.iterdir() if (p / "expected.json").is_file())


def test_bundled_package_is_valid() -> None:
    report = nkru_data.validate()
    assert report.valid, report.to_text()
    assert report.exit_code == 0


def test_base_fixture_is_valid(tmp_path: Path) -> None:
    target = tmp_path / "base"
    shutil.copytree(DATA / "base", target)
    shutil.copytree(ROOT / "seeds", target / "seeds")
    report = validate(target / "datapackage")
    assert report.valid, report.to_text()


def test_there_is_a_scenario_per_code() -> None:
    assert len(SCENARIOS) >= 15


@pytest.mark.parametrize("name", SCENARIOS)
def test_scenario_reports_exact_problem(name: str, tmp_path: Path) -> None:
    folder, expected = build_scenario(name, tmp_path)
    before = snapshot(folder)
    report = validate(folder)
    matching = [p for p in report.problems if p.code == expected["code"]]
    assert matching, report.to_text()
    problem = matching[0]
    if "path" in expected:
        assert problem.path is not None and problem.path.endswith(expected["path"]), problem
    assert problem.line == expected.get("line"), problem
    assert problem.field == expected.get("field"), problem
    assert report.exit_code == expected.get("exit", 1)
    assert snapshot(folder) == before  # validation never writes


def test_report_formats(tmp_path: Path) -> None:
    folder, expected = build_scenario("dangling-reference", tmp_path)
    report = validate(folder)
    data = json.loads(report.to_json())
    assert data["valid"] is False
    first = next(p for p in data["problems"] if p["code"] == expected["code"])
    assert {"code", "message", "path", "line", "field", "severity"} <= set(first)
    github = report.to_github()
    assert "::error file=" in github
    assert f"line={expected['line']}" in github
    assert "[dangling-reference]" in report.to_text()


def test_missing_package_is_unusable(tmp_path: Path) -> None:
    report = validate(tmp_path / "nowhere")
    assert report.codes() == ["package-not-found"]
    assert report.exit_code == 2
