"""``nkru-data anchor``: where each quote stands in its archived text, and each text's hash.

Writes ``citations.start``/``end`` (code-point offsets of the quote in the archived text after
:func:`~nkru_data.store.archive.normalise`) and ``sources.sha256``, the way ``schemas``
writes the descriptor's hashes: generated, never typed by hand, and checked by ``validate``
(``anchor-mismatch``, ``missing-anchor``, ``seed-hash-mismatch``). An anchor that still holds
its quote is kept, so a hand-chosen occurrence of an ambiguous short quote survives; a quote
that is not found, or short and standing more than once, is left without one for ``validate``
to report.
"""

from __future__ import annotations

import os
from pathlib import Path

from nkru_data.errors import NkruDataError
from nkru_data.model.layout import EDITORIAL, SEEDS_PREFIX
from nkru_data.model.values import INTEGER_RE
from nkru_data.store.archive import anchor_of, archived_text, sha256_file
from nkru_data.store.resources import descriptor_path
from nkru_data.store.safety import inside
from nkru_data.workflow.labels import read_rows, write_rows


def _offset(text: str) -> int | None:
    return int(text) if INTEGER_RE.fullmatch(text) else None


def anchor(
    path: str | os.PathLike[str] | None = None,
    *,
    seeds: str | os.PathLike[str] | None = None,
    write: bool = True,
) -> list[str]:
    """Bring anchors and hashes up to date; list the files that were (or would be) changed."""
    folder = descriptor_path(path).parent
    seeds_dir = Path(seeds) if seeds is not None else folder.parent / "seeds"
    if not seeds_dir.is_dir():
        raise NkruDataError(f"{seeds_dir}: no archived texts here; give --seeds DIR",
                            code="missing-seed")  # fmt: skip
    sources = read_rows(folder, "sources")
    texts: dict[str, str] = {}
    new_sources = []
    for row in sources:
        seed = row.get("seed", "")
        if seed.startswith(SEEDS_PREFIX) and row.get("kind") != EDITORIAL:
            file = inside(seeds_dir, seed[len(SEEDS_PREFIX) :])
            if file.is_file():
                texts[row["id"]] = archived_text(file)
                row = {**row, "sha256": sha256_file(file)}
        new_sources.append(row)
    citations = read_rows(folder, "citations")
    new_citations = []
    for row in citations:
        text = texts.get(row.get("source", ""))
        if text is not None and row.get("quote"):
            found = anchor_of(row["quote"], text, _offset(row.get("start", "")),
                              _offset(row.get("end", "")))  # fmt: skip
            start, end = (str(found[0]), str(found[1])) if found else ("", "")
            row = {**row, "start": start, "end": end}
        new_citations.append(row)
    changed = []
    for name, old, new in (("sources", sources, new_sources),
                           ("citations", citations, new_citations)):  # fmt: skip
        if old != new:
            changed.append(f"datapackage/data/{name}.csv")
            if write:
                write_rows(folder, new, name)
    return changed
