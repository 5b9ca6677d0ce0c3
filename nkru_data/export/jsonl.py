"""JSON Lines: one record per line, nested, for ``jq``, document stores and search engines.

Every record of a table with ids is a line: its frame row (fields, names per language, date
bounds, precisions), its ``labels`` by language with origin and review state, its
``citations`` with the source's title, the fields each quote supports and its W3C Web
Annotation selectors, and — for events and agreements — its participants or
parties. The tables that only link records (participants, parties, labels, citations) are nested
where they belong, not lines of their own.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.model.layout import TABLES
from nkru_data.views.frames import frames

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset

#: link tables nested into the record they belong to: table -> (key column, nested name)
_NESTED = {"participants": ("event", "participants"), "agreement_parties": ("agreement", "parties"),
           "citations": ("record", "citations")}  # fmt: skip


def _json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _selectors(citation: dict[str, Any]) -> list[dict[str, Any]]:
    """W3C Web Annotation selectors of a quote in its source's archived text (normalised, as
    ``nkru-data anchor`` measures it): the exact words, and where they stand."""
    selectors: list[dict[str, Any]] = [{"type": "TextQuoteSelector", "exact": citation["quote"]}]
    if "start" in citation and "end" in citation:
        selectors.append({"type": "TextPositionSelector", "start": citation["start"],
                          "end": citation["end"]})  # fmt: skip
    return selectors


def records(ds: Dataset, langs: Sequence[str]) -> list[dict[str, Any]]:
    """The nested records, in table order then primary-key order."""
    by_table = {f.table: f for f in frames(ds, langs)}
    nested: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for link, (key, name) in _NESTED.items():
        for row in by_table[link].dicts():
            owner = row.pop(key)
            for column in [c for c in row if c.startswith(f"{key}_name")]:
                del row[column]
            item = {k: _json(v) for k, v in row.items() if v is not None}
            if link == "citations" and item.get("quote"):
                item["selector"] = _selectors(item)
            nested[owner][name].append(item)
    labels: dict[str, dict[str, list[dict[str, Any]]]] = defaultdict(lambda: defaultdict(list))
    for label in ds.labels:
        labels[label.entity][label.lang.value].append({
            "field": label.field.value, "value": label.value, "origin": label.origin.value,
            "reviewed": label.reviewed,
        })  # fmt: skip
    out = []
    for table in TABLES:
        if not table.kind:
            continue
        for row in by_table[table.name].dicts():
            record: dict[str, Any] = {"table": table.name}
            record.update((k, _json(v)) for k, v in row.items() if v is not None)
            record["labels"] = dict(labels.get(row["id"], {}))
            record.update(nested.get(row["id"], {}))
            record.setdefault("citations", [])
            out.append(record)
    return out


def write(ds: Dataset, out: Path, langs: Sequence[str]) -> None:
    """Write one JSON object per line (UTF-8, LF)."""
    with out.open("w", encoding="utf-8", newline="\n") as handle:
        for record in records(ds, langs):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
