"""The command line: every command has help, and each does its job on the real data."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkru_data.cli import app

from .conftest import DATA, ROOT, build_scenario, snapshot

runner = CliRunner()
COMMANDS = sorted(c.name or c.callback.__name__ for c in app.registered_commands)  # type: ignore[union-attr]


@pytest.mark.parametrize("command", COMMANDS)
def test_every_command_has_help(command: str) -> None:
    result = runner.invoke(app, [command, "--help"])
    assert result.exit_code == 0
    assert "Usage" in result.output
    callback = next(
        c.callback for c in app.registered_commands if (c.name or c.callback.__name__) == command
    )  # type: ignore[union-attr]
    assert callback.__doc__, f"{command} has no help text"


def test_main_job_summarises_and_validates() -> None:
    result = runner.invoke(app, [])
    assert result.exit_code == 0, result.output
    assert "Rows per table" in result.output
    assert "valid" in result.output


def test_info_counts_and_coverage() -> None:
    result = runner.invoke(app, ["info"])
    assert result.exit_code == 0
    assert "people" in result.output and "cldr" in result.output


def test_show_in_korean() -> None:
    result = runner.invoke(app, ["show", "place:russia", "--lang", "ko"])
    assert result.exit_code == 0
    assert "러시아" in result.output


def test_show_unknown_id_is_a_clean_error() -> None:
    result = runner.invoke(app, ["show", "person:nobody"])
    assert result.exit_code == 2
    assert "no record with id" in result.output
    assert "Traceback" not in result.output


def test_search_finds_russian_text() -> None:
    result = runner.invoke(app, ["search", "Владивосток"])
    assert result.exit_code == 0
    assert "place:vladivostok" in result.output


def test_validate_json(tmp_path: Path) -> None:
    folder, _ = build_scenario("dangling-reference", tmp_path)
    result = runner.invoke(app, ["validate", str(folder), "--format", "json"])
    assert result.exit_code == 1
    data = json.loads(result.stdout)
    assert any(p["code"] == "dangling-reference" for p in data["problems"])


@pytest.mark.parametrize(
    "name", ["broken-descriptor", "bad-encoding", "broken-csv", "missing-file"]
)
def test_unusable_input_exits_2_without_traceback(name: str, tmp_path: Path) -> None:
    folder, _ = build_scenario(name, tmp_path)
    result = runner.invoke(app, ["validate", str(folder)])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    for command in (["info", str(folder)], ["fmt", str(folder)]):
        before = snapshot(folder)
        result = runner.invoke(app, command)
        assert result.exit_code == 2, (command, result.output)
        assert "Traceback" not in result.output
        assert snapshot(folder) == before


def test_schemas_are_current() -> None:
    result = runner.invoke(app, ["schemas", "--check"])
    assert result.exit_code == 0, result.output


def test_schemas_check_detects_drift(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(ROOT / "datapackage", tmp_path / "datapackage")
    shutil.copytree(ROOT / "schemas", tmp_path / "schemas")
    (tmp_path / "schemas" / "people.schema.json").write_text("{}\n", encoding="utf-8")
    result = runner.invoke(app, ["schemas", "--check", str(tmp_path / "datapackage")])
    assert result.exit_code == 1
    assert "people.schema.json" in result.output
    result = runner.invoke(app, ["schemas", str(tmp_path / "datapackage")])
    assert result.exit_code == 0
    result = runner.invoke(app, ["schemas", "--check", str(tmp_path / "datapackage")])
    assert result.exit_code == 0


def test_fmt_check_is_clean_on_the_bundled_data() -> None:
    result = runner.invoke(app, ["fmt", "--check"])
    assert result.exit_code == 0, result.output


def test_fmt_fixes_a_shuffled_crlf_file_and_is_idempotent(tmp_path: Path) -> None:
    import shutil

    shutil.copytree(DATA / "base", tmp_path / "base")
    folder = tmp_path / "base" / "datapackage"
    people = folder / "data" / "places.csv"
    canonical = people.read_bytes()
    header, *rows = canonical.decode("utf-8").splitlines()
    people.write_bytes(("\r\n".join([header, *reversed(rows)]) + "\r\n").encode("utf-8"))
    check = runner.invoke(app, ["fmt", "--check", str(folder)])
    assert check.exit_code == 1
    assert "places.csv:1" in check.output or "places.csv:2" in check.output
    assert runner.invoke(app, ["fmt", str(folder)]).exit_code == 0
    assert people.read_bytes() == canonical
    again = snapshot(folder)
    assert runner.invoke(app, ["fmt", str(folder)]).exit_code == 0
    assert snapshot(folder) == again


def test_python_dash_m() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "nkru_data", "--help"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0
    assert "validate" in result.stdout
