"""``nkru-data cite``: how to cite the dataset, as BibTeX, RIS, APA or CITATION.cff.

The citation metadata lives here, once, because this is what an installed wheel can read: the
wheel carries the package and the data, not the checkout's ``CITATION.cff``, and the runtime
has no YAML parser to read it with. ``CITATION.cff`` is this module's ``cff`` output, byte for
byte (a test holds them together); the version and the release date are the data package's own
(``version`` and ``created`` in ``datapackage.json``), which ``nkru-data release`` moves. The
dataset has no published home page yet: there is no URL until one exists (set
:attr:`Citation.url` then, and every format gains it).
"""

from __future__ import annotations

import json
import re
import textwrap
from dataclasses import dataclass, replace
from enum import Enum

import typer

from nkru_data.cli.app import app, friendly
from nkru_data.cli.render import write


@dataclass(frozen=True)
class Citation:
    """What a citation of the dataset says (the CITATION.cff keys this dataset uses)."""

    title: str
    authors: tuple[str, ...]
    licence: str
    message: str
    abstract: str
    keywords: tuple[str, ...]
    kind: str = "dataset"
    url: str | None = None
    #: ISO date of the release (``date-released``): the descriptor's ``created`` day
    released: str = ""

    @property
    def year(self) -> str:
        return self.released[:4]

    @property
    def key(self) -> str:
        """The BibTeX key: the name and year, as people cite datasets (``nkru-data-2026``)."""
        return f"nkru-data-{self.year}"


CITATION = Citation(
    title="nkru-data: North Korea–Russia relations, a source-cited multilingual dataset",
    authors=("nkru-data maintainers",),
    licence="CC-BY-4.0",
    message="If you use this dataset, please cite it as below, and cite the original articles"
    " for the facts you use.",
    abstract="A curated, source-cited dataset on North Korea–Russia relations: refugees,"
    " defectors and contract labourers in Russia, the people who helped or hunted them,"
    " agreements between Moscow and Pyongyang, UN sanctions, and the numbers reported along"
    " the way. Every record carries a verbatim quote from its source; names, titles and"
    " descriptions in English, Russian and Korean.",
    keywords=(
        "North Korea",
        "Russia",
        "refugees",
        "defectors",
        "sanctions",
        "Frictionless Data Package",
    ),
)


def released() -> str:
    """The release date cited: the day of the data package's ``created``, which
    ``nkru-data release`` sets, so that the date has one source like the version."""
    from nkru_data.store.resources import descriptor_path
    from nkru_data.store.safety import load_descriptor

    created = load_descriptor(descriptor_path()).get("created")
    return created[:10] if isinstance(created, str) else "unknown"


def version() -> str:
    """The version cited: the data package's (the bundled one, or NKRU_DATA_PATH's)."""
    from nkru_data import DATA_VERSION

    return str(DATA_VERSION)


_PLAIN = re.compile(r"[A-Za-z][A-Za-z0-9 ./+-]*[A-Za-z0-9]")
_YAML_WORDS = {"yes", "no", "on", "off", "true", "false", "null", "y", "n"}


def _yaml(value: str) -> str:
    """A YAML scalar: plain where YAML reads it back as the same string, else double-quoted
    (JSON's string syntax is YAML's)."""
    if _PLAIN.fullmatch(value) and value.lower() not in _YAML_WORDS:
        return value
    return json.dumps(value, ensure_ascii=False)


def cff(c: Citation, version: str) -> str:
    """CITATION.cff 1.2.0. ``version:`` stays plain (``0.1.0``): ``release`` rewrites it."""
    lines = [
        "cff-version: 1.2.0",
        f"message: {json.dumps(c.message, ensure_ascii=False)}",
        f"title: {_yaml(c.title)}",
        f"type: {c.kind}",
        f"version: {version}",
        f'date-released: "{c.released}"',
        f"license: {c.licence}",
    ]
    if c.url:
        lines.append(f"url: {_yaml(c.url)}")
    lines.append("authors:")
    lines += [f"  - name: {json.dumps(a, ensure_ascii=False)}" for a in c.authors]
    lines.append("keywords:")
    lines += [f"  - {_yaml(k)}" for k in c.keywords]
    lines.append("abstract: >-")
    lines += textwrap.wrap(c.abstract, 98, initial_indent="  ", subsequent_indent="  ")
    return "\n".join(lines) + "\n"


def _tex(text: str) -> str:
    """Text for a BibTeX field: specials escaped, the en dash as TeX's ``--``."""
    text = re.sub(r"([\\{}%&#_$])", r"\\\1", text)
    return text.replace("–", "--").replace("—", "---")


def bibtex(c: Citation, version: str) -> str:
    """A ``@misc`` entry (``@dataset`` is biblatex-only; ``@misc`` reads everywhere), with a
    biblatex ``version`` and ``date`` that plain BibTeX ignores."""
    fields = [
        ("author", " and ".join("{" + _tex(a) + "}" for a in c.authors)),
        ("title", "{" + _tex(c.title) + "}"),
        ("year", c.year),
        ("date", c.released),
        ("version", version),
        ("note", _tex(f"Dataset, version {version}. Licensed {c.licence}")),
        ("keywords", _tex(", ".join(c.keywords))),
    ]
    if c.url:
        fields.append(("url", c.url))
    body = "".join(f"  {name} = {{{value}}},\n" for name, value in fields)
    return f"@misc{{{c.key},\n{body}}}\n"


def ris(c: Citation, version: str) -> str:
    """RIS: ``TY  - DATA`` … ``ER  - ``, CRLF line ends as the format asks."""
    tags = [("TY", "DATA"), ("ID", c.key), ("TI", c.title)]
    tags += [("AU", a) for a in c.authors]
    tags += [("PY", c.year), ("DA", c.released.replace("-", "/")), ("ET", version)]
    tags += [("KW", k) for k in c.keywords]
    tags += [("AB", c.abstract), ("N1", f"Licensed {c.licence}.")]
    if c.url:
        tags.append(("UR", c.url))
    tags.append(("ER", ""))
    return "".join(f"{tag}  - {value}\r\n" for tag, value in tags)


def apa(c: Citation, version: str) -> str:
    """APA 7 for a data set: Author. (Year). *Title* (Version x) [Data set]. URL"""
    authors = ", ".join(c.authors)
    url = f" {c.url}" if c.url else ""
    return f"{authors}. ({c.year}). {c.title} (Version {version}) [Data set].{url}\n"


class CiteFormat(str, Enum):
    apa = "apa"
    bibtex = "bibtex"
    ris = "ris"
    cff = "cff"


FORMATTERS = {"apa": apa, "bibtex": bibtex, "ris": ris, "cff": cff}


@app.command()
@friendly
def cite(
    format: CiteFormat = typer.Option(
        CiteFormat.apa, "--format", "-f", help="apa (a sentence), bibtex, ris or cff."
    ),
) -> None:
    """How to cite this dataset (title, maintainers, version, year, licence).

    Please cite the original articles too (nkru-data sources) for the facts you use.
    """
    write(FORMATTERS[format.value](replace(CITATION, released=released()), version()))
