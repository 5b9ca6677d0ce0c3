"""Record-level diff between package folders and git revisions."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkru_data.cli import app
from nkru_data.workflow.diff import diff_sources

from .conftest import DATA, ROOT

runner = CliRunner()


@pytest.fixture
def versions(tmp_path: Path) -> tuple[Path, Path]:
    old = tmp_path / "old"
    shutil.copytree(DATA / "base" / "datapackage", old)
    new = tmp_path / "new"
    shutil.copytree(old, new)
    people = new / "data" / "people.csv"
    people.write_text(
        people.read_text("utf-8").replace("Vladimir Kolotov,false,", "Vladimir Kolotov,true,"),
        "utf-8",
    )
    labels = new / "data" / "labels.csv"
    labels.write_text(
        labels.read_text("utf-8") + "person:vladimir-kolotov,alias,en,V. Kolotov,source,true\n",
        "utf-8",
    )
    claims = new / "data" / "claims.csv"
    kept = [
        x
        for x in claims.read_text("utf-8").splitlines()
        if not x.startswith("claim:kim-chol-sam-rank-f")
    ]
    claims.write_text("\n".join(kept) + "\n", "utf-8")
    return old, new


def test_changes_are_grouped_by_record_with_fields_and_folded_rows(
    versions: tuple[Path, Path],
) -> None:
    result = diff_sources(str(versions[0]), str(versions[1]))
    by_id = {c.id: c for c in result.changes}
    kolotov = by_id["person:vladimir-kolotov"]
    assert kolotov.status == "changed"
    assert kolotov.fields == {"pseudonym": ("false", "true")}
    assert kolotov.added_rows == ["labels: alias | en | V. Kolotov | source | true"]
    assert by_id["claim:kim-chol-sam-rank-fontanka"].status == "removed"
    assert result.summary().startswith("0 added, 1 removed, 1 changed record(s) in 2 table(s)")
    assert any("claim:kim-chol-sam-rank-fontanka was removed" in w for w in result.warnings)


@pytest.mark.parametrize("fmt", ["text", "markdown", "json"])
def test_cli_formats(versions: tuple[Path, Path], fmt: str) -> None:
    result = runner.invoke(app, ["diff", str(versions[0]), str(versions[1]), "--format", fmt])
    assert result.exit_code == 0, result.output
    if fmt == "json":
        data = json.loads(result.stdout)
        assert data["summary"] == {"added": 0, "removed": 1, "changed": 1}
    elif fmt == "markdown":
        assert "### people" in result.stdout and "`person:vladimir-kolotov`" in result.stdout
    else:
        assert "'false' → 'true'" in result.stdout


def test_git_revisions(tmp_path: Path) -> None:
    if subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True).returncode:
        pytest.skip("not a git checkout")
    same = diff_sources("HEAD", "HEAD", cwd=ROOT)
    assert same.changes == [] and same.summary().startswith("0 added, 0 removed, 0 changed")
    result = runner.invoke(app, ["diff", "no-such-revision", str(ROOT / "datapackage")])
    assert result.exit_code == 2 and "cannot read" in result.output
