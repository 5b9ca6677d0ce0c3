"""What ``nkru-data info`` prints: counts per table and kind, label coverage per language."""

from __future__ import annotations

import os
from collections import Counter

from rich.table import Table as RichTable

from nkru_data.dataset import Dataset, load
from nkru_data.model.layout import TABLES


def kind_counts(ds: Dataset) -> dict[str, Counter[str]]:
    """Per table with a ``kind`` column: rows per kind."""
    out: dict[str, Counter[str]] = {}
    for table in TABLES:
        if "kind" in table.fields:
            out[table.name] = Counter(str(vars(r)["kind"]) for r in ds.table(table.name))
    return out


def label_coverage(ds: Dataset) -> dict[str, dict[str, int]]:
    """Records with a name/title label per language, and labels per language and origin."""
    named = [t for t in TABLES if t.name_field]
    total = sum(len(ds.table(t.name)) for t in named)
    coverage: dict[str, dict[str, int]] = {"records": {"total": total}}
    for lang in ("ru", "ko"):
        has = {
            lab.entity
            for lab in ds.labels
            if str(lab.lang) == lang and str(lab.field) in ("name", "title")
        }
        coverage["records"][lang] = sum(
            1 for t in named for r in ds.table(t.name) if vars(r)["id"] in has
        )
    origins: Counter[tuple[str, str]] = Counter(
        (str(lab.lang), str(lab.origin)) for lab in ds.labels
    )
    for (lang, origin), count in sorted(origins.items()):
        coverage.setdefault(lang, {})[origin] = count
    return coverage


def summary_tables(path: str | os.PathLike[str] | None = None) -> list[RichTable]:
    """Rich tables for the terminal."""
    ds = load(path)
    counts = RichTable(title="Rows per table")
    counts.add_column("table")
    counts.add_column("rows", justify="right")
    counts.add_column("by kind")
    kinds = kind_counts(ds)
    for name, n in ds.counts().items():
        by_kind = ", ".join(f"{k} {v}" for k, v in sorted(kinds.get(name, Counter()).items()))
        counts.add_row(name, str(n), by_kind)
    cov = label_coverage(ds)
    langs = RichTable(title="Labels")
    langs.add_column("language")
    langs.add_column("records named", justify="right")
    langs.add_column("labels by origin")
    total = cov["records"]["total"]
    langs.add_row("en", f"{total}/{total}", "(names in the tables)")
    for lang in ("ru", "ko"):
        by_origin = ", ".join(f"{o} {n}" for o, n in sorted(cov.get(lang, {}).items()))
        langs.add_row(lang, f"{cov['records'][lang]}/{total}", by_origin)
    return [counts, langs]
