"""``nkru-data site OUT``: the dataset as a static website (see :mod:`nkru_data.site`).

What the site needs from its sibling layers is gathered here, above them all: the validator
runs first, so that a broken package stops the build with its first problem
(``file:line: field``) and never a template traceback; the dataset page's citation comes from
:mod:`nkru_data.cli.cite` and its schema.org node from the JSON-LD export.
"""

from __future__ import annotations

import json
import re
import tempfile
import time
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import typer

from nkru_data.cli.app import app, friendly, out
from nkru_data.errors import NkruDataError

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset


def _validated(path: Path | None) -> None:
    """Raise the validator's first error, as ``file:line: field: message``."""
    from nkru_data.validation.validate import validate

    report = validate(path)
    if report.errors:
        p = report.errors[0]
        where = p.where() + (f": {p.field}" if p.field else "")
        raise NkruDataError(f"{where}: {p.message}", code=p.code, path=p.path, line=p.line)


_BASE_URL = re.compile(r"^(https?://[^\s/?#\"'<>]+(/[^\s?#\"'<>]*)?|/[^\s?#\"'<>]*)$")


def _check_options(base_url: str | None, seeds: Path | None) -> None:
    """A base URL is an http(s) address or a path from the server's root; a folder of archived
    texts that is asked for must be there (quietly showing no context would hide a typo)."""
    if base_url is not None and not _BASE_URL.match(base_url):
        raise NkruDataError(f"--base-url {base_url[:80]!r}: give an http:// or https:// address"
                            " or a path from the server's root (/nkru-data/)",
                            code="usage")  # fmt: skip
    if seeds is not None and not seeds.is_dir():
        raise NkruDataError(f"--seeds {seeds}: no such folder", code="usage")


def jsonld_nodes(ds: Dataset) -> tuple[str, dict[str, str]]:
    """The schema.org ``Dataset`` node of the JSON-LD export, and each record's node by record
    id, every one with the ``@context`` (a page embeds its node alone)."""
    from nkru_data.export.jsonld import PREFIX, document

    doc = json.loads(document(ds, ("ru", "ko")))
    context = doc["@context"]

    def text(node: dict[str, object]) -> str:
        return json.dumps({"@context": context, **node}, ensure_ascii=False, indent=1,
                          sort_keys=True)  # fmt: skip

    dataset, *records = doc["@graph"]
    return text(dataset), {
        str(node["@id"])[len(PREFIX) :]: text(node)
        for node in records
        if str(node.get("@id", "")).startswith(PREFIX)
    }


def downloads(ds: Dataset, work: Path) -> dict[str, tuple[Path, str]]:
    """Every export, written into ``work``, plus the CSV data package itself, as the files the
    dataset page offers; a format whose extra is missing is left out with a line saying so
    (never silently)."""
    from nkru_data.errors import MissingExtra
    from nkru_data.export import FORMATS, export

    found: dict[str, tuple[Path, str]] = {}
    if ds.path is not None:
        name = "nkru-data-datapackage.zip"
        _zip(ds.path, work / name, [ds.path / "datapackage.json",
                                    *sorted((ds.path / "data").glob("*.csv"))])  # fmt: skip
        found[name] = (work / name, "The Frictionless Data Package: datapackage.json and CSVs")
    for fmt in FORMATS.values():
        try:
            written = export(ds, fmt.name, work / fmt.default)
        except MissingExtra as exc:
            out.print(f"left out of the downloads: {fmt.name} ({exc})", highlight=False)
            continue
        if written.is_dir():
            zipped = work / f"{written.name}.zip"
            _zip(written, zipped, sorted(written.iterdir()))
            written = zipped
        found[written.name] = (written, fmt.description)
    return found


def _zip(base: Path, target: Path, members: list[Path]) -> None:
    """A zip of ``members`` (paths under ``base``) whose bytes depend on their contents only."""
    import zipfile

    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for member in members:
            info = zipfile.ZipInfo(member.relative_to(base).as_posix(), (1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, member.read_bytes())


@app.command()
@friendly
def site(
    output: Path = typer.Argument(..., help="Folder to write the site to."),
    base_url: str | None = typer.Option(
        None, "--base-url", help="Address the site is served from (default: relative links)."
    ),
    force: bool = typer.Option(
        False, "--force", help="Replace OUT if it is a site nkru-data built before."
    ),
    with_downloads: bool = typer.Option(
        True,
        "--downloads/--no-downloads",
        help="Offer every export and the data package for download (--no-downloads: a quicker"
        " build, for a preview).",
    ),
    path: Path | None = typer.Option(None, "--path", help="Package folder (default: bundled)."),
    seeds: Path | None = typer.Option(
        None,
        "--seeds",
        help="Archived source texts, for each quote's context (default: seeds/"
        " beside the package, if there).",
    ),
) -> None:
    """Build a static website of the dataset in English, Russian and Korean (extra: site).

    Works offline and with JavaScript off; an existing OUT is replaced only with --force, and
    only if nkru-data built it.
    """
    from nkru_data.cli.cite import CITATION, bibtex, released, version
    from nkru_data.errors import MissingExtra

    try:
        import jinja2  # noqa: F401
    except ImportError:
        raise MissingExtra.needs("nkru-data site", "jinja2", "site") from None
    from nkru_data.dataset import load
    from nkru_data.site import build
    from nkru_data.site.build import Extras, check_output
    from nkru_data.store.safety import read_bounded

    began = time.monotonic()
    _check_options(base_url, seeds)
    check_output(output, force)
    _validated(path)
    ds = load(path)
    cite = bibtex(replace(CITATION, released=released()), version())
    dataset_node, record_nodes = jsonld_nodes(ds)
    beside = ds.path.parent if ds.path is not None else None
    changelog = beside / "CHANGELOG.md" if beside is not None else None
    with tempfile.TemporaryDirectory(prefix="nkru-site-") as work:
        extras = Extras(
            bibtex=cite, jsonld=dataset_node, records=record_nodes,
            downloads=downloads(ds, Path(work)) if with_downloads else {},
            changelog=read_bounded(changelog, 1_000_000, "CHANGELOG.md")
            if changelog is not None and changelog.is_file() else "",
            seeds=seeds or (beside / "seeds" if beside is not None else None),
        )  # fmt: skip
        count = build(ds, output, base_url=base_url, force=force, extras=extras)
    out.print(f"wrote {count} pages to {output} in {time.monotonic() - began:.1f}s",
              highlight=False)  # fmt: skip
