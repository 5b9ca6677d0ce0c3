"""Commands that write files: generated schemas and canonical CSV formatting.

Both compute everything first and write only at the end, and only what changed, so an
interrupted or failing run leaves the package as it was; with ``write=False`` they only report.
"""

from __future__ import annotations

import os
from pathlib import Path

from nkru_data.model.layout import TABLES
from nkru_data.model.schema import dumps, json_schema_files
from nkru_data.report import display_path
from nkru_data.store.csvfile import differing_lines, read_raw
from nkru_data.store.descriptor import generated, load_descriptor, stale_parts
from nkru_data.store.resources import descriptor_path
from nkru_data.store.tables import render


def schemas_folder(package: Path) -> Path:
    """``schemas/`` beside the package folder (the repository layout)."""
    return package.parent / "schemas"


def regenerate(path: str | os.PathLike[str] | None = None, *, write: bool = True) -> list[str]:
    """Bring ``schemas/`` and the descriptor's generated parts up to date; list what was stale."""
    descriptor = descriptor_path(path)
    folder = descriptor.parent
    data = load_descriptor(descriptor)
    stale: list[str] = []
    pending: dict[Path, str] = {}
    target = schemas_folder(folder)
    # JSON Schemas live beside the repository's package; other packages get them only on request
    files = json_schema_files() if path is None or target.is_dir() else {}
    for name, text in files.items():
        file = target / name
        if not file.is_file() or file.read_text(encoding="utf-8") != text:
            stale.append(display_path(file))
            pending[file] = text
    card = folder / "README.md"
    if card.is_file():
        from nkru_data.workflow.card import card_text

        text = card.read_text(encoding="utf-8")
        if card_text(folder, text) != text:
            stale.append(display_path(card))
            pending[card] = card_text(folder, text)
    parts = stale_parts(data, folder)
    if parts or descriptor.read_text(encoding="utf-8") != dumps(data):
        stale.append(f"{display_path(descriptor)} ({', '.join(parts) or 'formatting'})")
        pending[descriptor] = dumps(generated(data, folder))
    if write:
        for file, text in pending.items():
            file.write_text(text, encoding="utf-8", newline="\n")
    return stale


def format_tables(path: str | os.PathLike[str] | None = None, *, write: bool = True) -> list[str]:
    """Rewrite each CSV in canonical form; return, per file, ``file:line`` and the lines changed.

    Reading is strict (see :mod:`nkru_data.tables`): a file that cannot be read raises before
    anything is written. After writing, the descriptor's bytes and hashes are refreshed.
    """
    descriptor = descriptor_path(path)
    load_descriptor(descriptor)  # a broken descriptor stops the run before anything is written
    folder = descriptor.parent
    pending: dict[Path, str] = {}
    changes: list[str] = []
    for table in TABLES:
        file = folder / "data" / f"{table.name}.csv"
        raw = read_raw(file)
        expected = render(table, raw.header, raw.rows)
        lines = differing_lines(file.read_bytes(), expected)
        if lines:
            shown = ", ".join(str(n) for n in lines[:10])
            more = f" and {len(lines) - 10} more" if len(lines) > 10 else ""
            changes.append(f"{display_path(file)}:{lines[0]}: line(s) {shown}{more}")
            pending[file] = expected
    if write and pending:
        for file, text in pending.items():
            file.write_bytes(text.encode("utf-8"))
        regenerate(descriptor, write=True)
    return changes
