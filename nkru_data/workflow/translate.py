"""Drafting missing Russian and Korean labels with argostranslate (optional extra ``translate``).

Drafts are written with ``origin=machine, reviewed=false``; an existing label is never
overwritten, so a second run only fills what is still missing (runs are resumable: progress is
saved every few labels). argostranslate's default sentence splitter downloads a model, so
``ARGOS_CHUNK_TYPE=SPACY`` is set before it is imported: drafting works offline once the
language packages are installed.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from nkru_data.errors import MissingExtra, NkruDataError
from nkru_data.model.layout import TABLE_BY_NAME, TABLES
from nkru_data.store.csvfile import read_raw
from nkru_data.store.resources import descriptor_path
from nkru_data.workflow.labels import read_rows, write_rows

FIELDS = ("name", "title", "description")
SAVE_EVERY = 25


@dataclass(frozen=True)
class Draft:
    """A label to draft: which record, field and language, from which English text."""

    entity: str
    field: str
    lang: str
    english: str


def missing(folder: Path, langs: Iterable[str], fields: Iterable[str]) -> list[Draft]:
    """Every (record, field, language) with English text but no label in that language."""
    labels = read_raw(folder / "data" / "labels.csv")
    col = {name: i for i, name in enumerate(labels.header)}
    have = {(r[col["entity"]], r[col["field"]], r[col["lang"]]) for r in labels.rows}
    wanted_fields, wanted_langs = set(fields), list(langs)
    out = []
    for table in TABLES:
        raw = read_raw(folder / "data" / f"{table.name}.csv")
        idx = {name: i for i, name in enumerate(raw.header)}
        if "id" not in idx:
            continue
        sources = []
        if table.name_field and table.label_field in wanted_fields:
            sources.append((table.label_field, idx[table.name_field]))
        if "description" in wanted_fields and "description" in idx:
            sources.append(("description", idx["description"]))
        for row in raw.rows:
            for field, i in sources:
                if not row[i]:
                    continue
                for lang in wanted_langs:
                    if (row[idx["id"]], field, lang) not in have:
                        out.append(Draft(row[idx["id"]], field, lang, row[i]))
    return out


def argos_translator(lang: str) -> Callable[[str], str]:
    """An English → ``lang`` translation function from the installed argos packages."""
    os.environ.setdefault("ARGOS_CHUNK_TYPE", "SPACY")
    try:
        from argostranslate import translate as argos
    except ImportError:
        raise MissingExtra(
            "drafting labels needs argostranslate: pip install 'nkru-data[translate]'"
        ) from None
    languages = {language.code: language for language in argos.get_installed_languages()}
    source, target = languages.get("en"), languages.get(lang)
    translation = source.get_translation(target) if source and target else None
    if translation is None:
        raise NkruDataError(
            f"no argos language package en→{lang} is installed. Install one with"
            f" `argospm install translate-en_{lang}`, or offline from a file with"
            f' `python -c "import argostranslate.package as p;'
            f" p.install_from_path('translate-en_{lang}-….argosmodel')\"`",
            code="missing-language-package",
        )
    return lambda text: str(translation.translate(text))


def _save(folder: Path, new_rows: list[list[str]]) -> None:
    """Add drafted label rows to labels.csv."""
    fields = TABLE_BY_NAME["labels"].fields
    write_rows(folder, read_rows(folder) + [dict(zip(fields, r)) for r in new_rows])


def draft_labels(
    path: str | os.PathLike[str] | None = None,
    *,
    langs: Iterable[str] = ("ru", "ko"),
    fields: Iterable[str] = FIELDS,
    dry_run: bool = False,
    translator: Callable[[str], Callable[[str], str]] = argos_translator,
    progress: Callable[[Draft, int, int], None] | None = None,
) -> list[Draft]:
    """Draft every missing label; return the drafts (written unless ``dry_run``)."""
    folder = descriptor_path(path).parent
    todo = missing(folder, langs, fields)
    if dry_run or not todo:
        return todo
    translate = {lang: translator(lang) for lang in sorted({d.lang for d in todo})}
    pending: list[list[str]] = []
    for done, item in enumerate(todo, start=1):
        text = " ".join(translate[item.lang](item.english).split())
        if text:
            pending.append([item.entity, item.field, item.lang, text, "machine", "false"])
        if progress:
            progress(item, done, len(todo))
        if len(pending) >= SAVE_EVERY:
            _save(folder, pending)
            pending = []
    if pending:
        _save(folder, pending)
    return todo
