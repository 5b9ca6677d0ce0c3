"""The wheel carries the data: build it, install it in a fresh venv, load from the install."""

from __future__ import annotations

import site
import subprocess
import sys
import venv
import zipfile
from pathlib import Path

import pytest

from .conftest import ROOT


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("hatchling")
    out = tmp_path_factory.mktemp("dist")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(out),
            str(ROOT),
        ],
        check=True,
        capture_output=True,
    )
    return next(out.glob("nkru_data-*.whl"))


def test_wheel_holds_data_and_schemas_but_no_seeds(wheel: Path) -> None:
    names = zipfile.ZipFile(wheel).namelist()
    assert "nkru_data/_data/datapackage/datapackage.json" in names
    assert "nkru_data/_data/datapackage/data/people.csv" in names
    assert "nkru_data/_data/schemas/people.schema.json" in names
    assert "nkru_data/py.typed" in names
    assert not any("seeds/" in n or n.startswith("tests/") for n in names)


def test_installed_wheel_loads_its_own_data(wheel: Path, tmp_path: Path) -> None:
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    # the fresh venv sees this environment's dependencies (pydantic, frictionless...) through a
    # plain path file, so that none of its .pth hooks (an editable install) comes along
    purelib = subprocess.run(
        [str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True, text=True, check=True,
    ).stdout.strip()  # fmt: skip
    (Path(purelib) / "_dependencies.pth").write_text("\n".join(site.getsitepackages()) + "\n")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
        capture_output=True,
    )
    code = (
        "import nkru_data, nkru_data.store.resources as r\n"
        "ds = nkru_data.load()\n"
        "print(nkru_data.__file__)\n"
        "print(r.descriptor_path())\n"
        "print(len(ds.people), ds.label('place:russia', 'ko'))\n"
    )
    result = subprocess.run(
        [str(python), "-I", "-c", code], capture_output=True, text=True, cwd=tmp_path, check=True
    )
    module, descriptor, summary = result.stdout.strip().splitlines()
    assert module.startswith(str(env_dir))
    assert descriptor.startswith(str(env_dir)) and "_data/datapackage" in descriptor
    count, korean = summary.split()
    assert int(count) > 0 and korean == "러시아"
    cli = subprocess.run(
        [str(env_dir / "bin" / "nkru-data"), "validate"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
    )
    assert cli.returncode == 0, cli.stdout + cli.stderr
