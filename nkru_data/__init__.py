"""nkru-data: a source-cited, multilingual dataset on North Korea–Russia relations.

>>> import nkru_data
>>> ds = nkru_data.load()
>>> ds.label("place:vladivostok", "ru")
'Владивосток'

Importing this package reads no file and imports neither frictionless nor pandas.
``__version__`` is the library's version (from the installed distribution's metadata);
``DATA_VERSION`` is the ``version`` of the data package :func:`load` reads by default.
"""

from __future__ import annotations

from typing import Any

from nkru_data import _moved
from nkru_data.dataset import Dataset, load
from nkru_data.errors import NkruDataError
from nkru_data.report import Problem, Report
from nkru_data.validation import validate as _validate_module
from nkru_data.validation.validate import validate

__all__ = [
    "DATA_VERSION",
    "Dataset",
    "NkruDataError",
    "Problem",
    "Report",
    "__version__",
    "load",
    "validate",
]

_moved.install(_validate_module)


def __getattr__(name: str) -> Any:
    """``__version__`` and ``DATA_VERSION``, each from its one source, read when asked."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("nkru-data")
        except PackageNotFoundError:
            return "0+unknown"
    if name == "DATA_VERSION":
        from nkru_data.store.resources import descriptor_path
        from nkru_data.store.safety import load_descriptor

        found = load_descriptor(descriptor_path()).get("version")
        return found if isinstance(found, str) else "unknown"
    raise AttributeError(f"module 'nkru_data' has no attribute {name!r}")
