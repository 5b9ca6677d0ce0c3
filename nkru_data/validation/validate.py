"""Validation: structural (Table Schema) and semantic checks, gathered in one :class:`Report`.

Order matters for safety: the descriptor is checked first (:mod:`nkru_data.safety`: no URL, no
path outside, no dialect, a sane JSON shape), then every table is read strictly and bounded in
cost. Two engines check the Table Schemas of a package that passed both. ``compiled`` (the
default) runs them on the rows already read (:mod:`~nkru_data.validation.schema_checks`), while
frictionless, in a worker process, checks only the descriptor against its profiles (unless its
verdict is known without it: :mod:`~nkru_data.validation.verdict`); ``frictionless`` hands the
whole package to stock frictionless in the worker, as a second reader of every file. Both give
the same problems (a property test holds them to it); where a schema uses what the compiled
checks do not mirror, frictionless reads the tables instead. Validation never changes a file
and never raises on bad input: an unusable package (missing file, broken JSON, bad encoding,
truncated CSV) is a report with ``unusable=True``.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.errors import NkruDataError, PackageNotFound, UnusablePackage
from nkru_data.report import UNUSABLE_CODES, WARNING_CODES, Problem, Report, display_path, severity
from nkru_data.store.safety import REFUSED

if TYPE_CHECKING:
    from collections.abc import Callable
    from concurrent.futures import Executor, Future

    from nkru_data.validation.checks import Rows

__all__ = ["ENGINES", "UNUSABLE_CODES", "WARNING_CODES", "Problem", "Report", "severity",
           "validate"]  # fmt: skip

#: the structural engines: the Table Schemas compiled into checks, or stock frictionless
ENGINES = ("compiled", "frictionless")

#: problems after which frictionless must not read the files (it would fetch, follow a link,
#: or drown in one error per cell of a malformed row)
_NOT_FOR_FRICTIONLESS = REFUSED | {"missing-file", "bad-encoding", "broken-csv", "bad-header",
                                   "row-width", "unexpected-resource"}  # fmt: skip


def _worker() -> Executor:
    """One worker process for frictionless (forked: it starts small and fast)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    return ProcessPoolExecutor(max_workers=1, mp_context=multiprocessing.get_context(method))


def _structural(
    descriptor: Path,
    data: dict[str, Any],
    tables: dict[str, Rows],
    run: Callable[[Callable[[str], dict[str, Any]]], Future[dict[str, Any]]],
    pending: Callable[[], dict[str, Any]],
    engine: str,
) -> list[Problem]:
    """The Table Schema problems; ``pending()``: frictionless' report (whole or descriptor
    only), from the worker or known without it."""
    from nkru_data.validation.structure import frictionless_report, structural_problems

    raws = {name: rows.raw for name, rows in tables.items()}
    if engine == "frictionless":
        return structural_problems(descriptor, raws, pending())
    from nkru_data.validation.schema_checks import check_tables
    from nkru_data.validation.schema_fields import compilable, head

    samples = {name: head(raw.path) for name, raw in raws.items()}
    if compilable(data, samples):
        return structural_problems(descriptor, raws, check_tables(data, raws, pending()))
    # a schema beyond what the compiled checks mirror: frictionless reads the tables
    return structural_problems(descriptor, raws, run(frictionless_report).result())


def _blocked(report: Report) -> bool:
    """Problems after which no Table Schema check may read the files."""
    return any(p.code in _NOT_FOR_FRICTIONLESS for p in report.problems)


def validate(
    path: str | os.PathLike[str] | None = None,
    *,
    structural: bool = True,
    strict: bool = False,
    seeds: str | os.PathLike[str] | None = None,
    engine: str = "compiled",
) -> Report:
    """Validate a data package (the bundled one by default).

    ``structural=False`` skips the Table Schema layer (the semantic layer still reads every
    file strictly). ``strict`` makes warnings fail too. ``seeds`` is the folder of archived
    source texts that quotes are checked against (default: ``seeds/`` beside the package).
    ``engine`` checks the Table Schemas: ``compiled`` (on the rows read once, with frictionless
    checking the descriptor) or ``frictionless`` (stock frictionless on the whole package).

    >>> validate().valid
    True
    """
    from nkru_data.store.resources import descriptor_path
    from nkru_data.store.safety import descriptor_problems, load_descriptor

    if engine not in ENGINES:
        raise NkruDataError(f"unknown engine {engine!r}: use one of {', '.join(ENGINES)}")
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
        from nkru_data.store.csvfile import gc_paused

        with gc_paused():  # columns, sets and keys by the million, none cyclic
            _check_tables(report, descriptor, data, structural, seeds, engine)
    report.problems.sort(key=lambda p: (p.path or "", p.line or 0, p.code))
    return report


def _check_tables(report: Report, descriptor: Path, data: dict[str, Any], structural: bool,
                  seeds: str | os.PathLike[str] | None, engine: str) -> None:  # fmt: skip
    """Read every table, run the semantic checks and (unless blocked) the structural ones."""
    from nkru_data.validation.checks import read_tables, semantic_problems

    shown = report.path
    pool: Executor | None = None
    pending: Callable[[], dict[str, Any]] | None = None
    if structural and engine == "compiled" and not _blocked(report):
        from nkru_data.validation.verdict import known_verdict

        verdict = known_verdict(data)
        if verdict is not None:  # frictionless' verdict is known: no worker to start
            pending = verdict.copy
        else:
            from nkru_data.validation.structure import descriptor_report

            # the descriptor's profile check needs no table: it starts first, in a small worker
            pool = _worker()
            pending = pool.submit(descriptor_report, str(descriptor)).result
    try:
        problems, tables = read_tables(descriptor, data)
        report.problems.extend(problems)
        if structural and _blocked(report):
            report.problems.append(Problem(
                "structure-skipped", "the Table Schema checks (types, constraints, keys) did not"
                " run: the package must first be safe and readable as declared; fix the problems"
                " above and validate again", shown))  # fmt: skip
        elif structural and engine == "frictionless":
            from nkru_data.validation.structure import frictionless_report

            # frictionless (a second reader of every file) runs in a worker while this one checks
            pool = _worker()
            pending = pool.submit(frictionless_report, str(descriptor)).result
        report.problems.extend(semantic_problems(descriptor, data, tables, seeds))
        if pending is not None and not report.unusable and not _blocked(report):

            def run(job: Callable[[str], dict[str, Any]]) -> Future[dict[str, Any]]:
                nonlocal pool
                pool = pool or _worker()
                return pool.submit(job, str(descriptor))

            found = _structural(descriptor, data, tables, run, pending, engine)
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
