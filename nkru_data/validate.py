"""Validation: structural (frictionless) and semantic checks, gathered in one :class:`Report`.

Every :class:`Problem` has a stable ``code`` (documented in CONTRIBUTING.md), a message written
for the contributor, and where it can the file, line (header = line 1), column and field.
Validation never changes a file and never raises on bad input: an unusable package (missing
file, broken JSON, bad encoding, truncated CSV) is a report with ``unusable=True``.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

from .errors import NkruDataError, PackageNotFound, UnusablePackage

#: codes meaning the package could not be read at all (CLI exit 2)
UNUSABLE_CODES = frozenset(
    {"package-not-found", "broken-descriptor", "missing-file", "bad-encoding", "broken-csv"}
)


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the package."""

    code: str
    message: str
    path: str | None = None
    line: int | None = None
    field: str | None = None
    value: str | None = None
    column: int | None = None

    def where(self) -> str:
        """``path:line`` (or as much of it as is known)."""
        if self.path is None:
            return "(package)"
        return f"{self.path}:{self.line}" if self.line else self.path


@dataclass
class Report:
    """The result of :func:`validate`: ``valid`` when there are no problems."""

    path: str
    problems: list[Problem] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.problems

    @property
    def unusable(self) -> bool:
        return any(p.code in UNUSABLE_CODES for p in self.problems)

    @property
    def exit_code(self) -> int:
        """0 valid, 1 invalid, 2 unusable input."""
        return 2 if self.unusable else 1 if self.problems else 0

    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "valid": self.valid,
            "problems": [
                {k: v for k, v in asdict(p).items() if v is not None} for p in self.problems
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self) -> str:
        lines = []
        for p in self.problems:
            field_part = f" {p.field}:" if p.field else ""
            lines.append(f"{p.where()}: [{p.code}]{field_part} {p.message}")
        verdict = "valid" if self.valid else f"{len(self.problems)} problem(s)"
        lines.append(f"{self.path}: {verdict}")
        return "\n".join(lines)

    def to_github(self) -> str:
        """GitHub Actions workflow commands, so problems show on the pull request's lines."""
        out = []
        for p in self.problems:
            props = []
            if p.path:
                props.append(f"file={_escape_property(p.path)}")
            if p.line:
                props.append(f"line={p.line}")
            if p.column:
                props.append(f"col={p.column}")
            props.append(f"title={_escape_property(p.code)}")
            message = f"{p.field}: {p.message}" if p.field else p.message
            out.append(f"::error {','.join(props)}::{_escape_data(message)}")
        return "\n".join(out)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def display_path(path: Path) -> str:
    """A path as the contributor sees it: relative to the working directory when inside it."""
    try:
        return os.path.relpath(path) if not os.path.relpath(path).startswith("..") else str(path)
    except ValueError:  # another drive on Windows
        return str(path)


def _start_structural(descriptor: Path) -> tuple[Executor, Future[dict[str, Any]]]:
    """Start frictionless on the package in a worker process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from .structure import frictionless_report

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(method))
    return pool, pool.submit(frictionless_report, str(descriptor))


def validate(path: str | os.PathLike[str] | None = None, *, structural: bool = True) -> Report:
    """Validate a data package (the bundled one by default).

    ``structural=False`` skips the frictionless layer (the semantic layer still reads every
    file strictly).

    >>> validate().valid
    True
    """
    from .checks import semantic_problems
    from .descriptor import load_descriptor
    from .resources import descriptor_path

    try:
        descriptor = descriptor_path(path)
    except PackageNotFound as exc:
        return Report(str(path), [Problem("package-not-found", str(exc))])
    report = Report(display_path(descriptor))
    try:
        data = load_descriptor(descriptor)
    except UnusablePackage as exc:
        report.problems.append(Problem("broken-descriptor", str(exc), display_path(descriptor)))
        return report
    # frictionless (the slower layer) runs in a second process while this one checks meaning
    pool, pending = _start_structural(descriptor) if structural else (None, None)
    try:
        problems, raws = semantic_problems(descriptor, data)
        report.problems.extend(problems)
        if pending is not None and not report.unusable:
            from .structure import structural_problems

            report.problems.extend(structural_problems(descriptor, raws, pending.result()))
    except NkruDataError as exc:  # defensive: checks report, they should never raise
        report.problems.append(Problem(exc.code, str(exc), display_path(descriptor)))
    finally:
        if pool is not None:
            pool.shutdown(cancel_futures=True)
    report.problems.sort(key=lambda p: (p.path or "", p.line or 0, p.code))
    return report
