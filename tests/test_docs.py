"""The README's examples run, so the docs cannot rot."""

from __future__ import annotations

import re
import shlex

import pytest
from typer.testing import CliRunner

from nkru_data.cli import app

from .conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_readme_python_examples_run(capsys: pytest.CaptureFixture[str]) -> None:
    blocks = re.findall(r"```python\n(.*?)```", README, re.S)
    assert blocks
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    assert "Svetlana Gannushkina" in capsys.readouterr().out


def test_readme_cli_examples_run() -> None:
    block = re.search(r"## Command line\n\n```bash\n(.*?)```", README, re.S)
    assert block
    runner = CliRunner()
    ran = 0
    for line in block.group(1).splitlines():
        command = line.split("#")[0].strip()
        if not command.startswith("nkru-data") or "[" in command or "|" in command:
            continue
        result = runner.invoke(app, shlex.split(command)[1:])
        assert result.exit_code == 0, (command, result.output)
        ran += 1
    assert ran >= 4


def test_quick_start_has_exactly_two_commands() -> None:
    block = re.search(r"## Quick start\n\n```bash\n(.*?)```", README, re.S)
    assert block and len(block.group(1).strip().splitlines()) == 2
