"""Versions and citation metadata: one version in three files, a valid CITATION.cff."""

from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
from pathlib import Path

import pytest
import yaml

from nkru_data.errors import NkruDataError
from nkru_data.validation.validate import validate
from nkru_data.workflow.release import bumped, release, versions

from .conftest import ROOT, tool_env


def test_the_three_versions_agree() -> None:
    found = versions(ROOT)
    assert len(set(found.values())) == 1, found


@pytest.mark.parametrize(
    ("part", "expected"), [("patch", "0.1.1"), ("minor", "0.2.0"), ("major", "1.0.0")]
)
def test_bump(part: str, expected: str) -> None:
    assert bumped("0.1.0", part) == expected


def test_bump_rejects_non_semver() -> None:
    with pytest.raises(NkruDataError):
        bumped("1.0", "patch")


def test_release_updates_every_file_and_keeps_the_package_valid(tmp_path: Path) -> None:
    for name in ("pyproject.toml", "CITATION.cff", "CHANGELOG.md"):
        shutil.copy(ROOT / name, tmp_path / name)
    for folder in ("datapackage", "schemas", "seeds"):
        shutil.copytree(ROOT / folder, tmp_path / folder)
    old = versions(tmp_path)["pyproject.toml"]
    new = release(tmp_path, "minor", today=dt.date(2027, 1, 2))
    assert new == bumped(old, "minor")
    assert set(versions(tmp_path).values()) == {new}
    assert 'date-released: "2027-01-02"' in (tmp_path / "CITATION.cff").read_text()
    assert f"## [{new}] - 2027-01-02" in (tmp_path / "CHANGELOG.md").read_text()
    assert validate(tmp_path / "datapackage").valid
    cited = subprocess.run(["nkru-data", "cite", "--format", "cff"], capture_output=True,
                           text=True, env=tool_env() | {"NKRU_DATA_PATH": str(tmp_path /
                           "datapackage")}, timeout=120)  # fmt: skip
    assert cited.stdout == (tmp_path / "CITATION.cff").read_text(encoding="utf-8")


# The rules of the Citation File Format 1.2.0 schema that this file exercises.
CFF_KEYS = {
    "abstract", "authors", "cff-version", "commit", "contact", "date-released", "doi",
    "identifiers", "keywords", "license", "license-url", "message", "preferred-citation",
    "references", "repository", "repository-artifact", "repository-code", "title", "type",
    "url", "version",
}  # fmt: skip


def test_citation_cff_is_valid() -> None:
    data = yaml.safe_load((ROOT / "CITATION.cff").read_text(encoding="utf-8"))
    assert set(data) <= CFF_KEYS
    assert {"authors", "cff-version", "message", "title"} <= set(data)
    assert data["cff-version"] == "1.2.0"
    assert data["type"] in ("software", "dataset")
    date = r"[0-9]{4}-(0[1-9]|1[012])-(0[1-9]|[12][0-9]|3[01])"
    assert re.fullmatch(date, str(data["date-released"]))
    assert data["license"] == "CC-BY-4.0"
    for author in data["authors"]:
        assert author.get("name") or author.get("family-names"), author
    assert all(isinstance(k, str) and k for k in data["keywords"])
