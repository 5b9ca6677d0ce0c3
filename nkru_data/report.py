"""The result of validation: :class:`Problem` and :class:`Report`, shared by every check.

A leaf module: the checks import it, it imports none of them. Every :class:`Problem` has a
stable ``code`` (documented in CONTRIBUTING.md with its severity), a message written for the
contributor, and where it can the file, line (header = line 1), column and field.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

#: codes meaning the package could not be read at all (CLI exit 2)
UNUSABLE_CODES = frozenset(
    {"package-not-found", "broken-descriptor", "missing-file", "bad-encoding", "broken-csv"}
)
#: codes that are warnings: reported, but failing validation only with ``strict``; every other
#: code is an error
WARNING_CODES = frozenset(
    {
        "evidence-unverified",
        "structure-skipped",
        "look-alike-id",
        "empty-table",
        "possible-duplicate",
    }
)
#: in text output, warnings of one code beyond this many are counted, not listed
SHOWN_PER_WARNING = 5


def severity(code: str) -> str:
    """``error`` or ``warning``: the severity of a problem code."""
    return "warning" if code in WARNING_CODES else "error"


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

    @property
    def severity(self) -> str:
        """``error`` or ``warning`` (see :data:`WARNING_CODES`)."""
        return severity(self.code)

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
    #: warnings fail validation too
    strict: bool = False

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "error"]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == "warning"]

    @property
    def valid(self) -> bool:
        """No errors (and, when ``strict``, no warnings either)."""
        return not (self.problems if self.strict else self.errors)

    @property
    def unusable(self) -> bool:
        return any(p.code in UNUSABLE_CODES for p in self.problems)

    @property
    def exit_code(self) -> int:
        """0 valid, 1 invalid, 2 unusable input."""
        return 2 if self.unusable else 0 if self.valid else 1

    def codes(self) -> list[str]:
        return [p.code for p in self.problems]

    def to_dict(self) -> dict[str, Any]:
        return {
            "path": self.path,
            "valid": self.valid,
            "strict": self.strict,
            "errors": len(self.errors),
            "warnings": len(self.warnings),
            "problems": [
                {**{k: v for k, v in asdict(p).items() if v is not None}, "severity": p.severity}
                for p in self.problems
            ],
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), ensure_ascii=False, indent=2)

    def to_text(self, *, all_warnings: bool = False) -> str:
        """One line per problem; warnings of one code past the fifth are counted (or all
        listed with ``all_warnings``), so a long run of one warning does not hide the errors."""
        lines = []
        shown: dict[str, int] = {}
        for p in self.problems:
            if p.severity == "warning" and not all_warnings:
                shown[p.code] = shown.get(p.code, 0) + 1
                if shown[p.code] > SHOWN_PER_WARNING:
                    continue
            field_part = f" {p.field}:" if p.field else ""
            mark = "warning " if p.severity == "warning" else ""
            lines.append(f"{p.where()}: {mark}[{p.code}]{field_part} {p.message}")
        for code, count in shown.items():
            if count > SHOWN_PER_WARNING:
                lines.append(
                    f"... and {count - SHOWN_PER_WARNING} more [{code}] warning(s)"
                    " (--format json lists every one)"
                )
        errors, warnings = len(self.errors), len(self.warnings)
        counts = f"{errors} error(s), {warnings} warning(s)"
        verdict = (
            ("valid" if not self.problems else f"valid with {counts}") if self.valid else counts
        )
        if self.strict and warnings and not errors:
            verdict += " (--strict: warnings fail)"
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
            out.append(f"::{p.severity} {','.join(props)}::{_escape_data(message)}")
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
