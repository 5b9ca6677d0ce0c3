"""``nkru-data site OUT``: the dataset as a static website (see :mod:`nkru_data.site`).

What the site needs from its sibling layers is gathered here, above them all: the validator
runs first, so that a broken package stops the build with its first problem
(``file:line: field``) and never a template traceback; the dataset page's citation comes from
:mod:`nkru_data.cli.cite` and its schema.org node from the JSON-LD export.
"""

from __future__ import annotations

import json
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


def dataset_jsonld(ds: Dataset) -> str:
    """The schema.org ``Dataset`` node of the JSON-LD export, with its ``@context``."""
    from nkru_data.export.jsonld import document

    doc = json.loads(document(ds, ("ru", "ko")))
    node = {"@context": doc["@context"], **doc["@graph"][0]}
    return json.dumps(node, ensure_ascii=False, indent=1, sort_keys=True)


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
    path: Path | None = typer.Option(None, "--path", help="Package folder (default: bundled)."),
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
    from nkru_data.site.build import check_output

    began = time.monotonic()
    check_output(output, force)
    _validated(path)
    ds = load(path)
    cite = bibtex(replace(CITATION, released=released()), version())
    count = build(ds, output, base_url=base_url, force=force, bibtex=cite,
                  jsonld=dataset_jsonld(ds))  # fmt: skip
    out.print(f"wrote {count} pages to {output} in {time.monotonic() - began:.1f}s",
              highlight=False)  # fmt: skip
