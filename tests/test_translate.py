"""Machine drafting through argostranslate's real API, with tiny offline models.

The models in tests/fixtures/argos/ are random (built by build_tiny_argos.py): their output is
garbage, but package installation, tokenisation and CTranslate2 decoding all run for real.
Each run happens in a subprocess with its own argos home, so nothing touches the user's.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import DATA, ROOT, snapshot

pytest.importorskip(
    "argostranslate", reason="the `translate` extra (argostranslate) is not installed"
)

MODELS = ROOT / "tests" / "fixtures" / "argos"


def argos_env(home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "XDG_DATA_HOME": str(home / "data"), "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_CACHE_HOME": str(home / "cache"),
        "ARGOS_TRANSLATE_PACKAGE_DIR": str(home / "packages"), "ARGOS_CHUNK_TYPE": "SPACY",
        "ARGOS_STANZA_AVAILABLE": "0",
    })  # fmt: skip
    return env


def run(args: list[str], env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "nkru_data", *args], capture_output=True,
                          text=True, env=env, cwd=ROOT, timeout=600)  # fmt: skip


@pytest.fixture
def package(tmp_path: Path) -> Path:
    shutil.copytree(DATA / "base", tmp_path / "base")
    return tmp_path / "base" / "datapackage"


@pytest.fixture
def argos_home(tmp_path: Path) -> Path:
    home = tmp_path / "argos"
    code = (
        "import sys, argostranslate.package as p\n"
        "for path in sys.argv[1:]:\n"
        "    p.install_from_path(path)\n"
    )
    models = [str(m) for m in sorted(MODELS.glob("*.argosmodel"))]
    assert len(models) == 2
    subprocess.run([sys.executable, "-c", code, *models], check=True, env=argos_env(home),
                   capture_output=True, timeout=300)  # fmt: skip
    return home


def labels(folder: Path) -> list[dict[str, str]]:
    text = (folder / "data" / "labels.csv").read_text(encoding="utf-8")
    return list(csv.DictReader(io.StringIO(text)))


def test_translate_drafts_missing_labels_and_keeps_existing(
    package: Path, argos_home: Path
) -> None:
    env = argos_env(argos_home)
    before = labels(package)
    dry = run(["translate", str(package), "--dry-run"], env)
    assert dry.returncode == 0, dry.stderr
    planned = [line for line in dry.stdout.splitlines() if line.strip()]
    assert planned, "the base fixture has descriptions without ru/ko labels"
    assert labels(package) == before  # a dry run writes nothing

    first = run(["translate", str(package)], env)
    assert first.returncode == 0, first.stdout + first.stderr
    after = labels(package)
    new = [row for row in after if row not in before]
    assert len(new) == len(planned)
    assert all(row["origin"] == "machine" and row["reviewed"] == "false" for row in new)
    assert {(r["entity"], r["field"], r["lang"]) for r in new} == {
        tuple(line.split("\t")[:3]) for line in planned
    }
    assert all(row in after for row in before)  # existing labels untouched

    state = snapshot(package)
    second = run(["translate", str(package)], env)
    assert second.returncode == 0
    assert "drafted 0 label(s)" in second.stdout
    assert snapshot(package) == state  # nothing left to draft: nothing changes

    listed = run(["review", str(package)], env)
    assert listed.returncode == 0
    key = next(line.split("\t")[0] for line in listed.stdout.splitlines() if "\tmachine\t" in line)
    accepted = run(["review", str(package), "--accept", key], env)
    assert accepted.returncode == 0, accepted.stderr
    entity, field, lang = key.split("/")
    marked = [
        r for r in labels(package) if (r["entity"], r["field"], r["lang"]) == (entity, field, lang)
    ]
    assert marked and marked[0]["reviewed"] == "true"


def test_missing_language_package_says_which_and_how(package: Path, tmp_path: Path) -> None:
    env = argos_env(tmp_path / "empty-argos")
    state = snapshot(package)
    result = run(["translate", str(package), "--lang", "ko"], env)
    assert result.returncode == 2
    assert "translate-en_ko" in result.stderr and "install" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(package) == state
