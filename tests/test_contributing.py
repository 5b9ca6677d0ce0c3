"""Every problem code the validator or the CLI can emit is documented in CONTRIBUTING.md."""

from __future__ import annotations

import re

from nkru_data.validation.structure import PASSED_THROUGH

from .conftest import ROOT

DOC = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
SOURCE = ROOT / "nkru_data"


def emitted_codes() -> set[str]:
    """Codes as they stand in the source: Problem(...) calls, code= arguments, error classes."""
    codes: set[str] = set()
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        codes |= set(re.findall(r'(?:problem|Problem)\(\s*"([a-z]+(?:-[a-z]+)*)"', text))
        codes |= set(re.findall(r'\bcode="([a-z]+(?:-[a-z]+)*)"', text))
        codes |= set(re.findall(r'^\s+code = "([a-z]+(?:-[a-z]+)*)"', text, re.M))
        for pair in re.findall(r'code = "([a-z-]+)" if .+? else "([a-z-]+)"', text):
            codes |= set(pair)
    return codes | set(PASSED_THROUGH) | {"structure-error"}


def test_the_collector_sees_the_codes() -> None:
    codes = emitted_codes()
    expected = {"quote-not-in-source", "stale-hash", "stale-schema", "broken-csv", "type-error"}
    assert expected <= codes
    assert len(codes) > 50


def test_every_code_is_documented() -> None:
    documented = set(re.findall(r"`([a-z]+(?:-[a-z]+)*)`", DOC))
    assert not emitted_codes() - documented


def test_every_warning_is_listed_as_one() -> None:
    from nkru_data.report import WARNING_CODES

    section = DOC.split("### Warnings", 1)[1].split("\n### ", 1)[0]
    listed = set(re.findall(r"^\| `([a-z-]+)`", section, re.M))
    assert listed == set(WARNING_CODES)
