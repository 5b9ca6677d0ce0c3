"""What ``nkru-data info`` shows: counts per table and kind, label coverage per language.

Both parts are rows of one shape (``section``, ``name``, ``count``, ``total``, ``breakdown``),
so that ``--format json`` and ``--format csv`` give one list a program can read; the table
view shows them as the two tables a person reads.
"""

from __future__ import annotations

import os
from collections import Counter

from nkru_data.cli.render import Column, Row, Section
from nkru_data.dataset import Dataset, load
from nkru_data.model.layout import TABLES

KEYS = ("section", "name", "count", "total", "breakdown")


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


def _breakdown(row: Row) -> str:
    counts = row["breakdown"]
    if row["section"] == "labels" and row["name"] == "en":
        return "(names in the tables)"
    return ", ".join(f"{k} {v}" for k, v in counts.items()) if isinstance(counts, dict) else ""


def summary_sections(path: str | os.PathLike[str] | None = None) -> list[Section]:
    """Rows per table (with kinds) and labels per language (with origins)."""
    ds = load(path)
    kinds = kind_counts(ds)
    tables: list[Row] = [
        {"section": "tables", "name": name, "count": n, "total": None,
         "breakdown": dict(sorted(kinds.get(name, Counter()).items()))}
        for name, n in ds.counts().items()
    ]  # fmt: skip
    cov = label_coverage(ds)
    total = cov["records"]["total"]
    langs: list[Row] = [
        {"section": "labels", "name": "en", "count": total, "total": total, "breakdown": {}}
    ]
    for lang in ("ru", "ko"):
        origins = dict(sorted(cov.get(lang, {}).items()))
        langs.append({"section": "labels", "name": lang, "count": cov["records"][lang],
                      "total": total, "breakdown": origins})  # fmt: skip
    return [
        Section(
            "Rows per table",
            [Column("name", "table"), Column("count", "rows", right=True),
             Column("breakdown", "by kind", show=_breakdown)],
            tables, KEYS,
        ),
        Section(
            "Labels",
            [Column("name", "language"),
             Column("count", "records named", right=True,
                    show=lambda r: f"{r['count']}/{r['total']}"),
             Column("breakdown", "labels by origin", show=_breakdown)],
            langs, KEYS,
        ),
    ]  # fmt: skip
