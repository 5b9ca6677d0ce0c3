"""nkru-data: a source-cited, multilingual dataset on North Korea–Russia relations.

>>> import nkru_data
>>> ds = nkru_data.load()
>>> ds.label("place:vladivostok", "ru")
'Владивосток'

Importing this package reads no file and imports neither frictionless nor pandas.
"""

from __future__ import annotations

from typing import Any

from .dataset import Dataset, load
from .errors import NkruDataError
from .validate import Problem, Report, validate

__all__ = ["Dataset", "NkruDataError", "Problem", "Report", "__version__", "load", "validate"]


def __getattr__(name: str) -> Any:
    """``__version__`` from the installed distribution: one version source."""
    if name == "__version__":
        from importlib.metadata import PackageNotFoundError, version

        try:
            return version("nkru-data")
        except PackageNotFoundError:
            return "0+unknown"
    raise AttributeError(f"module 'nkru_data' has no attribute {name!r}")
