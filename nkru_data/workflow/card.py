"""The dataset card's generated tables (``datapackage/README.md``): counts that must never go
stale are written from the data, between ``<!-- generated: NAME -->`` and ``<!-- /generated -->``
markers, by ``nkru-data schemas`` (and checked by ``schemas --check``).

- ``seeds``: records and citations per seed;
- ``evidence``: per table, factual fields with their evidence, quoted or editorial;
- ``indicators``: every statistic indicator with its topic and count.
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path

from nkru_data.model.layout import CITED_TABLES, EDITORIAL, FACTUAL_FIELDS, TABLES
from nkru_data.model.types import LIST_SEPARATOR
from nkru_data.store.csvfile import read_rows

Row = dict[str, str]

_BLOCK = re.compile(r"(<!-- generated: ([a-z]+) -->\n).*?(<!-- /generated -->)", re.S)
_NAMES = {"organizations": "organisations"}


def _seeds(tables: dict[str, list[Row]]) -> str:
    kinds = {t.kind: t.name for t in TABLES if t.kind}
    seeded = [s for s in tables["sources"] if s["seed"]]
    columns = [*CITED_TABLES, "sources"]
    lines = ["| seed | " + " | ".join(_NAMES.get(c, c) for c in columns) + " | citations |",
             "|---|" + "---:|" * (len(columns) + 1)]  # fmt: skip
    for source in sorted(seeded, key=lambda s: s["seed"]):
        cited = [c for c in tables["citations"] if c["source"] == source["id"]]
        records: dict[str, set[str]] = defaultdict(set)
        for c in cited:
            records[kinds.get(c["record"].split(":", 1)[0], "")].add(c["record"])
        title = source["title"] if len(source["title"]) <= 40 else source["title"][:40] + "…"
        number = Path(source["seed"]).name.split("_", 1)[0]
        counts = " | ".join(str(len(records[c])) for c in columns)
        lines.append(f"| `{number}` {title} | {counts} | {len(cited)} |")
    return "\n".join(lines)


def _evidence(tables: dict[str, list[Row]]) -> str:
    kinds = {s["id"]: s["kind"] for s in tables["sources"]}
    quoted: dict[str, set[str]] = defaultdict(set)
    editorial: dict[str, set[str]] = defaultdict(set)
    for c in tables["citations"]:
        target = editorial if kinds.get(c["source"]) == EDITORIAL else quoted
        target[c["record"]].update(filter(None, c["fields"].split(LIST_SEPARATOR)))
    lines = ["| table | factual fields filled | quoted from a seed | editorial only |",
             "|---|---:|---:|---:|"]  # fmt: skip
    for name, fields in FACTUAL_FIELDS.items():
        filled = quote = edit = 0
        for row in tables[name]:
            for field in fields:
                if row.get(field):
                    filled += 1
                    if field in quoted[row["id"]]:
                        quote += 1
                    elif field in editorial[row["id"]]:
                        edit += 1
        lines.append(f"| `{name}` | {filled} | {quote} | {edit} |")
    return "\n".join(lines)


def _indicators(tables: dict[str, list[Row]]) -> str:
    counts = Counter((s["topic"], s["indicator"]) for s in tables["statistics"])
    lines = ["| topic | indicator | statistics |", "|---|---|---:|"]
    lines += [f"| {t} | `{i}` | {n} |" for (t, i), n in sorted(counts.items())]
    return "\n".join(lines)


BLOCKS: dict[str, Callable[[dict[str, list[Row]]], str]] = {
    "seeds": _seeds, "evidence": _evidence, "indicators": _indicators,
}  # fmt: skip


def card_text(folder: Path, text: str) -> str:
    """The card ``text`` with every generated block written from the package at ``folder``."""
    tables = {t.name: read_rows(folder, t.name) for t in TABLES}

    def fill(match: re.Match[str]) -> str:
        make = BLOCKS.get(match.group(2))
        return (
            match.group(0)
            if make is None
            else match.group(1) + make(tables) + "\n" + match.group(3)
        )

    return _BLOCK.sub(fill, text)
