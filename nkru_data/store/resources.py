"""Where the data package lives: the one place with path logic.

Order: the ``NKRU_DATA_PATH`` environment variable, then the copy packaged inside the wheel
(``nkru_data/_data/``), then the repository's own ``datapackage/`` (an editable or source
checkout, where hatchling's force-included copy is absent).
"""

from __future__ import annotations

import os
from pathlib import Path

from nkru_data.errors import PackageNotFound

ENV_VAR = "NKRU_DATA_PATH"
DESCRIPTOR = "datapackage.json"
_PACKAGE = Path(__file__).resolve().parents[1]  # nkru_data/
_PACKAGED = _PACKAGE / "_data"
_REPO = _PACKAGE.parent


def descriptor_path(path: str | os.PathLike[str] | None = None) -> Path:
    """The ``datapackage.json`` to read: ``path`` (a folder or a ``.json`` file) or the default.

    Raises :class:`PackageNotFound` when there is none.
    """
    if path is None:
        env = os.environ.get(ENV_VAR)
        if env:
            return descriptor_path(env)
        for candidate in (_PACKAGED / "datapackage", _REPO / "datapackage"):
            if (candidate / DESCRIPTOR).is_file():
                return candidate / DESCRIPTOR
        raise PackageNotFound(
            f"the bundled data package is missing; set {ENV_VAR} to a folder with {DESCRIPTOR}"
        )
    p = Path(path)
    descriptor = p if p.suffix == ".json" else p / DESCRIPTOR
    if not descriptor.is_file():
        raise PackageNotFound(f"{descriptor}: no such file")
    return descriptor


def package_dir(path: str | os.PathLike[str] | None = None) -> Path:
    """The folder holding the package's ``datapackage.json``."""
    return descriptor_path(path).parent
