"""Validation: structural (frictionless) and semantic checks, gathered in one :class:`Report`.

Order matters for safety: the descriptor is checked first (:mod:`nkru_data.safety`: no URL, no
path outside, no dialect, a sane JSON shape), then every table is read strictly and bounded in
cost; only a package that passed both is handed to frictionless, in a worker process, while the
semantic checks run. Validation never changes a file and never raises on bad input: an unusable
package (missing file, broken JSON, bad encoding, truncated CSV) is a report with
``unusable=True``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.errors import NkruDataError, PackageNotFound, UnusablePackage
from nkru_data.report import UNUSABLE_CODES, WARNING_CODES, Problem, Report, display_path, severity
from nkru_data.store.safety import REFUSED

if TYPE_CHECKING:
    from concurrent.futures import Executor, Future

__all__ = ["UNUSABLE_CODES", "WARNING_CODES", "Problem", "Report", "severity", "validate"]

#: problems after which frictionless must not read the files (it would fetch, follow a link,
#: or drown in one error per cell of a malformed row)
_NOT_FOR_FRICTIONLESS = REFUSED | {"missing-file", "bad-encoding", "broken-csv", "bad-header",
                                   "row-width", "unexpected-resource"}  # fmt: skip


def _start_structural(descriptor: Path) -> tuple[Executor, Future[dict[str, Any]]]:
    """Start frictionless on the package in a worker process."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    from nkru_data.validation.structure import frictionless_report

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    pool = ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(method))
    return pool, pool.submit(frictionless_report, str(descriptor))


def validate(
    path: str | os.PathLike[str] | None = None,
    *,
    structural: bool = True,
    strict: bool = False,
    seeds: str | os.PathLike[str] | None = None,
) -> Report:
    """Validate a data package (the bundled one by default).

    ``structural=False`` skips the frictionless layer (the semantic layer still reads every
    file strictly). ``strict`` makes warnings fail too. ``seeds`` is the folder of archived
    source texts that quotes are checked against (default: ``seeds/`` beside the package).

    >>> validate().valid
    True
    """
    from nkru_data.store.resources import descriptor_path
    from nkru_data.store.safety import descriptor_problems, load_descriptor
    from nkru_data.validation.checks import read_tables, semantic_problems

    try:
        descriptor = descriptor_path(path)
    except PackageNotFound as exc:
        return Report(str(path), [Problem("package-not-found", str(exc))], strict=strict)
    shown = display_path(descriptor)
    report = Report(shown, strict=strict)
    try:
        data = load_descriptor(descriptor)
    except UnusablePackage as exc:
        report.problems.append(Problem(exc.code if exc.code != "unusable-package"
                                       else "broken-descriptor", str(exc), shown))  # fmt: skip
        return report
    report.problems.extend(descriptor_problems(data, shown))
    if not report.unusable:
        problems, tables = read_tables(descriptor, data)
        report.problems.extend(problems)
        pool = pending = None
        if structural and not any(p.code in _NOT_FOR_FRICTIONLESS for p in report.problems):
            # frictionless (the slower layer) runs in a second process while this one checks
            pool, pending = _start_structural(descriptor)
        elif structural:
            report.problems.append(Problem(
                "structure-skipped", "the Table Schema checks (frictionless) did not run: the"
                " package must first be safe and readable as declared; fix the problems above"
                " and validate again", shown))  # fmt: skip
        try:
            report.problems.extend(semantic_problems(descriptor, data, tables, seeds))
            if pending is not None and not report.unusable:
                from nkru_data.validation.structure import structural_problems

                raws = {name: rows.raw for name, rows in tables.items()}
                found = structural_problems(descriptor, raws, pending.result())
                # one problem per cell and code: a number both layers reject is said once
                known = {(p.path, p.line, p.field, p.code) for p in report.problems}
                report.problems.extend(
                    p for p in found if (p.path, p.line, p.field, p.code) not in known
                )
        except NkruDataError as exc:  # defensive: checks report, they should never raise
            report.problems.append(Problem(exc.code, str(exc), shown))
        finally:
            if pool is not None:
                pool.shutdown(cancel_futures=True)
    report.problems.sort(key=lambda p: (p.path or "", p.line or 0, p.code))
    return report
