"""The GitHub workflow runs here too, step by step, so it cannot rot unseen."""

from __future__ import annotations

import subprocess

import pytest
import yaml

from .conftest import ROOT, tool_env

WORKFLOW = ROOT / ".github" / "workflows" / "validate.yml"


def steps() -> list[dict[str, str]]:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    return list(data["jobs"]["validate"]["steps"])


def local_steps() -> list[tuple[str, str]]:
    """``run:`` steps that need no GitHub context; installing and the test suite (this very
    suite) are what is already running."""
    out = []
    for step in steps():
        command = step.get("run", "")
        if not command or "${{" in command or "GITHUB_" in command:
            continue
        if "pip install" in command or "pytest" in command:
            continue
        out.append((step["name"], command))
    return out


def test_workflow_runs_what_the_contributor_guide_promises() -> None:
    data = yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))
    assert {"pull_request", "push"} <= set(data[True] if True in data else data["on"])
    commands = " ".join(s.get("run", "") for s in steps())
    for expected in ("nkru-data fmt --check", "nkru-data validate --format github",
                     "frictionless validate datapackage/datapackage.json", "pytest",
                     "nkru-data diff", "GITHUB_STEP_SUMMARY"):  # fmt: skip
        assert expected in commands
    assert "--trusted" not in commands


@pytest.mark.parametrize(("name", "command"), local_steps())
def test_workflow_step_passes_here(name: str, command: str) -> None:
    result = subprocess.run(command, shell=True, cwd=ROOT, capture_output=True, text=True,
                            env=tool_env(), timeout=600)  # fmt: skip
    assert result.returncode == 0, f"{name}: {result.stdout[-2000:]}{result.stderr[-2000:]}"


def test_the_diff_step_writes_a_markdown_summary() -> None:
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("not a git checkout")
    result = subprocess.run(["nkru-data", "diff", "HEAD", "datapackage", "--format", "markdown"],
                            cwd=ROOT, capture_output=True, text=True, env=tool_env())  # fmt: skip
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("## Data changes")


@pytest.mark.parametrize("form", ["correction.yml", "new-source.yml"])
def test_issue_forms_are_well_formed(form: str) -> None:
    data = yaml.safe_load((ROOT / ".github" / "ISSUE_TEMPLATE" / form).read_text("utf-8"))
    assert {"name", "description", "body"} <= set(data)
    assert any(item.get("validations", {}).get("required") for item in data["body"])
    assert (ROOT / ".github" / "PULL_REQUEST_TEMPLATE.md").is_file()
