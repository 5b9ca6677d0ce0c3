"""Record-level diff of two versions of the package, for reviewers.

Records are compared by id, field by field; label, citation, participant and party rows are
folded under the record they belong to. Either side may be a package folder or a git revision
(``main``, ``HEAD~1``), read with ``git show`` without touching the work tree.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from nkru_data.errors import NkruDataError
from nkru_data.model.layout import TABLES
from nkru_data.store.csvfile import parse_csv, read_raw

#: rows that belong to another record: table -> (column naming the owner, label for a row)
FOLDED = {
    "labels": ("entity", ("field", "lang", "value", "origin", "reviewed")),
    "citations": ("record", ("source", "quote", "locator", "note")),
    "participants": ("event", ("entity", "role")),
    "agreement_parties": ("agreement", ("party", "role")),
}
Row = dict[str, str]


@dataclass
class RecordChange:
    """One record added, removed or changed, with its folded rows."""

    table: str
    id: str
    status: str  # added | removed | changed
    fields: dict[str, tuple[str, str]] = field(default_factory=dict)
    added_rows: list[str] = field(default_factory=list)
    removed_rows: list[str] = field(default_factory=list)


@dataclass
class Diff:
    """Everything that changed between two package versions."""

    changes: list[RecordChange]
    warnings: list[str]

    def counts(self) -> dict[str, int]:
        out = {"added": 0, "removed": 0, "changed": 0}
        for change in self.changes:
            out[change.status] += 1
        return out

    def summary(self) -> str:
        c = self.counts()
        tables = len({ch.table for ch in self.changes})
        return (f"{c['added']} added, {c['removed']} removed, {c['changed']} changed"
                f" record(s) in {tables} table(s); {len(self.warnings)} warning(s)")  # fmt: skip

    def to_json(self) -> str:
        return json.dumps(
            {"summary": self.counts(), "warnings": self.warnings,
             "changes": [vars(c) | {"fields": {k: list(v) for k, v in c.fields.items()}}
                         for c in self.changes]},
            ensure_ascii=False, indent=2,
        )  # fmt: skip

    def to_text(self, markdown: bool = False) -> str:
        lines: list[str] = []
        if markdown:
            lines += ["## Data changes", "", f"**{self.summary()}**", ""]
        for warning in self.warnings:
            lines.append(f"> ⚠️ {warning}" if markdown else f"warning: {warning}")
        if markdown and self.warnings:
            lines.append("")
        table = None
        for change in self.changes:
            if change.table != table:
                table = change.table
                lines += [f"### {table}", ""] if markdown else [f"{table}:"]
            mark = {"added": "+", "removed": "-", "changed": "~"}[change.status]
            lines.append(f"- {mark} `{change.id}` ({change.status})" if markdown
                         else f"  {mark} {change.id} ({change.status})")  # fmt: skip
            indent = "  " if markdown else "      "
            for name, (before, after) in change.fields.items():
                lines.append(f"{indent}- {name}: {before!r} → {after!r}")
            lines += [f"{indent}- + {row}" for row in change.added_rows]
            lines += [f"{indent}- - {row}" for row in change.removed_rows]
        if not markdown:
            lines.append(self.summary())
        return "\n".join(lines)


def _git_tables(revision: str, cwd: Path) -> dict[str, list[Row]]:
    top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=cwd, capture_output=True,
                         text=True)  # fmt: skip
    if top.returncode != 0:
        raise NkruDataError(f"{revision!r} is neither a package folder nor a git revision here",
                            code="diff-source")  # fmt: skip
    tables = {}
    for table in TABLES:
        show = subprocess.run(
            ["git", "show", f"{revision}:datapackage/data/{table.name}.csv"],
            cwd=top.stdout.strip(), capture_output=True,
        )  # fmt: skip
        if show.returncode != 0:
            message = show.stderr.decode(errors="replace").strip().splitlines()[-1:]
            raise NkruDataError(f"cannot read {table.name}.csv at {revision!r}: {message}",
                                code="diff-source")  # fmt: skip
        raw = parse_csv(Path(f"{revision}:{table.name}.csv"), show.stdout.decode("utf-8"))
        tables[table.name] = [dict(zip(raw.header, row)) for row in raw.rows]
    return tables


def read_version(source: str | Path, cwd: Path | None = None) -> dict[str, list[Row]]:
    """Every table's rows of a package folder or a git revision."""
    folder = Path(source)
    if (folder / "datapackage.json").is_file() or (folder / "data").is_dir():
        out = {}
        for table in TABLES:
            raw = read_raw(folder / "data" / f"{table.name}.csv")
            out[table.name] = [dict(zip(raw.header, row)) for row in raw.rows]
        return out
    return _git_tables(str(source), cwd or Path.cwd())


def _describe(row: Row, columns: tuple[str, ...]) -> str:
    return " | ".join(row.get(c, "") for c in columns)


def diff(old: dict[str, list[Row]], new: dict[str, list[Row]]) -> Diff:
    """Compare two versions (as returned by :func:`read_version`)."""
    changes: dict[str, RecordChange] = {}
    warnings: list[str] = []
    owner_table: dict[str, str] = {}
    for table in TABLES:
        if not table.kind:
            continue
        before = {r["id"]: r for r in old.get(table.name, [])}
        after = {r["id"]: r for r in new.get(table.name, [])}
        for id_ in sorted(before.keys() | after.keys()):
            owner_table[id_] = table.name
            if id_ not in before:
                changes[id_] = RecordChange(table.name, id_, "added")
            elif id_ not in after:
                changes[id_] = RecordChange(table.name, id_, "removed")
            else:
                fields = {k: (before[id_].get(k, ""), v) for k, v in after[id_].items()
                          if before[id_].get(k, "") != v}  # fmt: skip
                if fields:
                    changes[id_] = RecordChange(table.name, id_, "changed", fields)
        removed = [i for i in before if i not in after]
        added = [i for i in after if i not in before]
        name = table.name_field
        for gone in removed:
            twin = [i for i in added if name and after[i].get(name) == before[gone].get(name)]
            if twin:
                warnings.append(f"{gone} looks renamed to {twin[0]}: ids must not change once"
                                " released; keep the old id")  # fmt: skip
            else:
                warnings.append(f"{gone} was removed: released ids should stay (mark it instead)")
    for name, (owner_column, columns) in FOLDED.items():
        before_rows = {_describe(r, (owner_column, *columns)): r for r in old.get(name, [])}
        after_rows = {_describe(r, (owner_column, *columns)): r for r in new.get(name, [])}
        for key in sorted(before_rows.keys() ^ after_rows.keys()):
            row = after_rows.get(key) or before_rows[key]
            owner = row.get(owner_column, "")
            change = changes.get(owner)
            if change is None:
                change = RecordChange(owner_table.get(owner, name), owner, "changed")
                changes[owner] = change
            text = f"{name}: {_describe(row, columns)}"
            (change.added_rows if key in after_rows else change.removed_rows).append(text)
    order = {t.name: i for i, t in enumerate(TABLES)}
    ordered = sorted(changes.values(), key=lambda c: (order.get(c.table, 99), c.id))
    return Diff(ordered, warnings)


def diff_sources(old: str, new: str, cwd: Path | None = None) -> Diff:
    """Diff two package folders or git revisions."""
    return diff(read_version(old, cwd), read_version(new, cwd))
