"""Releasing a version: one number in pyproject.toml, datapackage.json and CITATION.cff.

``nkru-data release --bump patch|minor|major`` raises the version everywhere at once, dates the
release in CITATION.cff and the CHANGELOG, and refreshes the descriptor's bytes and hashes.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from nkru_data.errors import NkruDataError

_PYPROJECT_VERSION = re.compile(r'^version = "([^"]+)"$', re.M)
_CFF_VERSION = re.compile(r"^version: (\S+)$", re.M)
_CFF_DATE = re.compile(r'^date-released: "?[0-9-]+"?$', re.M)
_SEMVER = re.compile(r"^(\d+)\.(\d+)\.(\d+)$")


def versions(root: Path) -> dict[str, str]:
    """The version each of the three files states."""
    out = {}
    match = _PYPROJECT_VERSION.search((root / "pyproject.toml").read_text(encoding="utf-8"))
    out["pyproject.toml"] = match.group(1) if match else ""
    descriptor = json.loads((root / "datapackage" / "datapackage.json").read_text("utf-8"))
    out["datapackage/datapackage.json"] = str(descriptor.get("version", ""))
    match = _CFF_VERSION.search((root / "CITATION.cff").read_text(encoding="utf-8"))
    out["CITATION.cff"] = match.group(1) if match else ""
    return out


def bumped(version: str, part: str) -> str:
    """``1.2.3`` raised by ``patch``, ``minor`` or ``major``."""
    match = _SEMVER.match(version)
    if not match or part not in ("patch", "minor", "major"):
        raise NkruDataError(f"cannot bump {version!r} by {part!r}", code="usage")
    major, minor, patch = (int(x) for x in match.groups())
    if part == "major":
        return f"{major + 1}.0.0"
    if part == "minor":
        return f"{major}.{minor + 1}.0"
    return f"{major}.{minor}.{patch + 1}"


def release(root: Path, part: str, today: dt.date | None = None) -> str:
    """Bump every version in ``root`` (a source checkout); return the new version."""
    from nkru_data.model.schema import dumps
    from nkru_data.store.descriptor import load_descriptor
    from nkru_data.workflow.generate import regenerate

    found = versions(root)
    if len(set(found.values())) != 1:
        raise NkruDataError(f"the versions disagree: {found}; align them first", code="usage")
    new = bumped(next(iter(found.values())), part)
    date = (today or dt.date.today()).isoformat()
    pyproject = root / "pyproject.toml"
    pyproject.write_text(_PYPROJECT_VERSION.sub(f'version = "{new}"',
                         pyproject.read_text("utf-8"), count=1), encoding="utf-8")  # fmt: skip
    cff = root / "CITATION.cff"
    text = _CFF_VERSION.sub(f"version: {new}", cff.read_text("utf-8"), count=1)
    cff.write_text(_CFF_DATE.sub(f'date-released: "{date}"', text, count=1), encoding="utf-8")
    descriptor_file = root / "datapackage" / "datapackage.json"
    descriptor = load_descriptor(descriptor_file)
    descriptor["version"] = new
    descriptor["created"] = f"{date}T00:00:00Z"  # the release date `nkru-data cite` gives
    descriptor_file.write_text(dumps(descriptor), encoding="utf-8")
    changelog = root / "CHANGELOG.md"
    if changelog.is_file():
        text = changelog.read_text("utf-8")
        heading = f"## Unreleased\n\n## [{new}] - {date}\n"
        changelog.write_text(text.replace("## Unreleased\n", heading, 1), encoding="utf-8")
    regenerate(root / "datapackage", write=True)
    return new
