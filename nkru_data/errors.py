"""The one exception hierarchy of nkru-data.

Every error the library raises on purpose is an :class:`NkruDataError` with a stable ``code``,
so callers (and the CLI) can catch one class and show the message as it is: messages are written
for the person who must fix the file, naming file, line and field where there is one.
"""

from __future__ import annotations


class NkruDataError(Exception):
    """Base class; ``code`` is stable and documented in CONTRIBUTING.md."""

    code = "nkru-data-error"

    def __init__(
        self,
        message: str,
        *,
        code: str | None = None,
        path: str | None = None,
        line: int | None = None,
    ) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code
        #: the file and line at fault, when there is one
        self.path = path
        self.line = line


class PackageNotFound(NkruDataError):
    """No data package at the given or configured path."""

    code = "package-not-found"


class UnusablePackage(NkruDataError):
    """The package cannot be read at all (broken JSON, bad encoding, truncated CSV...)."""

    code = "unusable-package"


class InvalidRecord(NkruDataError):
    """A row does not fit its model (raised by a validating load)."""

    code = "invalid-record"


class UnknownRecord(NkruDataError, KeyError):
    """An id that the dataset does not hold."""

    code = "unknown-id"

    def __str__(self) -> str:  # KeyError would repr() the message
        return str(self.args[0])


class MissingExtra(NkruDataError, ImportError):
    """An optional dependency is needed: the message names the extra to install."""

    code = "missing-extra"

    @classmethod
    def needs(cls, feature: str, module: str, extra: str) -> MissingExtra:
        """``feature`` needs ``module``: say which extra brings it, as it installs today (from a
        checkout or a built wheel, since the package is not on a registry)."""
        wheel = f"nkru_data-<version>-py3-none-any.whl[{extra}]"
        return cls(f"{feature} needs {module} (the '{extra}' extra): pip install '.[{extra}]'"
                   f" in a checkout, or pip install '{wheel}'")  # fmt: skip


class OutputExists(NkruDataError, FileExistsError):
    """An export would replace a file or folder that is there already (allowed with --force)."""

    code = "output-exists"


class UnknownLanguage(NkruDataError, ValueError):
    """A language the dataset does not speak (it speaks en, ru and ko)."""

    code = "unknown-language"
