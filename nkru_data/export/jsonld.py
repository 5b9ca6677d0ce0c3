"""JSON-LD: the dataset as a schema.org ``Dataset``, its records as a linked ``@graph``.

One document serves two readers. Dataset search engines (Google Dataset Search, data portals)
read the ``Dataset`` node: name, description, licence, creator, coverage in time and space,
the downloads and the sources, all taken from ``datapackage.json`` or derived from the records,
never typed in twice. Linked-data tools read the rest of ``@graph``: people, organisations,
places, events and agreements as schema.org nodes, their names in every exported language as
language-tagged values.

Choices, and why:

- **Ids are URNs**, ``urn:nkru-data:`` + the record id (``urn:nkru-data:place:vladivostok``).
  A relative IRI such as ``#place:vladivostok`` would depend on where the file is read from, and
  RDF processors drop relative IRIs when no base is given; an ``https`` IRI would promise a page
  that does not exist. A URN is absolute, stable across versions (as the ids are) and never
  fetched.
- **The context is inline** (``@vocab`` schema.org), so no processor ever fetches a remote one.
- **Only real labels**: a Russian or Korean name is written only where the data has one; the
  English fallback the frames carry (flagged ``*_fallback``) is left out, since a value tagged
  ``ru`` that is English text would be false.
- **Pseudonyms stay pseudonyms**: a person whose ``pseudonym`` is true gets ``alternateName``,
  never ``name``, and nothing the data does not hold.
- **Dates**: an event's ``startDate``/``endDate`` are the ISO bounds of its EDTF date (``1945``
  is 1945-01-01/1945-12-31); other dates are written only where the EDTF text is already plain
  ISO 8601 (``2016``, ``2016-07``, ``2016-08-25``), never guessed.

Every value comes from :mod:`nkru_data.views.frames`; the output is deterministic (same data,
same bytes: records sorted by id, keys in a fixed order).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.store.resources import DESCRIPTOR
from nkru_data.store.safety import load_descriptor
from nkru_data.views.frames import Frame, frames, languages

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset

PREFIX = "urn:nkru-data:"
#: inline, so nothing is fetched; licence and page links are IRIs, not strings (``contentUrl``
#: stays a string: the download names are relative to wherever the exports were written)
CONTEXT: dict[str, Any] = {
    "@vocab": "https://schema.org/",
    "license": {"@type": "@id"},
    "url": {"@type": "@id"},
}
#: media types of the export formats (an unknown one is announced as generic bytes)
MEDIA_TYPES = {
    "sqlite": "application/vnd.sqlite3",
    "parquet": "application/vnd.apache.parquet",
    "jsonl": "application/jsonl",
    "jsonld": "application/ld+json",
    "graphml": "application/graphml+xml",
    "gexf": "application/gexf+xml",
    "geojson": "application/geo+json",
}
#: the tables whose dates make up the dataset's temporal coverage
DATED_TABLES = ("events", "agreements", "statistics")
DESCRIPTION_LENGTH = (50, 5000)  # what Google Dataset Search accepts
_ISO = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
Row = dict[str, Any]


def iri(id_: str) -> str:
    """The IRI of a record (see the module docstring for why a URN)."""
    return PREFIX + id_


def metadata(ds: Dataset) -> dict[str, Any]:
    """The package's ``datapackage.json`` as read by the safety checks, ``{}`` for a dataset
    that has no folder (built in memory)."""
    if ds.path is None or not (ds.path / DESCRIPTOR).is_file():
        return {}
    return load_descriptor(ds.path / DESCRIPTOR)


def write(ds: Dataset, out: Path, langs: Sequence[str]) -> None:
    """Write the dataset as one JSON-LD document to ``out``."""
    out.write_bytes(document(ds, langs).encode("utf-8"))


def document(ds: Dataset, langs: Sequence[str]) -> str:
    """The JSON-LD text: ``@context`` and a ``@graph`` starting with the ``Dataset`` node."""
    others = languages(langs)
    tables = {f.table: f for f in frames(ds, others)}
    rows = {name: sorted(f.dicts(), key=lambda r: str(r.get("id"))) for name, f in tables.items()}
    countries = _country_places(rows["places"])
    graph = [_dataset(metadata(ds), tables, rows, ("en", *others), countries)]
    build = {"people": _person, "organizations": _organization, "places": _place,
             "events": _event, "agreements": _agreement}  # fmt: skip
    for table, node in build.items():
        graph += [node(r, others, countries) for r in rows[table]]
    text = json.dumps({"@context": CONTEXT, "@graph": graph}, ensure_ascii=False, indent=1)
    return text + "\n"


# -- the Dataset node ---------------------------------------------------------------------------


def _dataset(meta: dict[str, Any], tables: dict[str, Frame], rows: dict[str, list[Row]],
             langs: Sequence[str], countries: dict[str, str]) -> Row:  # fmt: skip
    from nkru_data.export import FORMATS

    node: Row = {"@id": iri("dataset"), "@type": "Dataset"}
    node["name"] = str(meta.get("title") or meta.get("name") or "nkru-data")
    node["description"] = _description(meta, node["name"], rows)
    _put(node, "url", _web(meta.get("homepage")))
    _put(node, "version", meta.get("version"))
    _put(node, "dateCreated", meta.get("created"))
    _put(node, "keywords", [str(k) for k in meta.get("keywords") or ()])
    node["inLanguage"] = list(langs)
    _put(node, "license", _licenses(meta.get("licenses") or ()))
    _put(node, "creator", _contributors(meta, "creator"))
    _put(node, "publisher", _contributors(meta, "publisher"))
    node["isAccessibleForFree"] = True
    _put(node, "temporalCoverage", temporal_coverage(tables))
    _put(node, "spatialCoverage", _spatial_coverage(rows["places"], countries))
    node["distribution"] = [
        {"@type": "DataDownload", "name": f.name, "description": f.description,
         "encodingFormat": MEDIA_TYPES.get(f.name, "application/octet-stream"),
         "contentUrl": f.default}
        for f in FORMATS.values()
    ]  # fmt: skip
    node["citation"] = [_source(r, langs[1:]) for r in rows["sources"]]
    node["variableMeasured"] = _variables(rows["statistics"])
    return node


def _description(meta: dict[str, Any], name: str, rows: dict[str, list[Row]]) -> str:
    """The descriptor's description, cut or completed to the length search engines accept; a
    missing or short one is completed with what the tables hold (counts, not prose)."""
    text = str(meta.get("description") or "").strip()
    low, high = DESCRIPTION_LENGTH
    if len(text) < low:
        counts = ", ".join(
            f"{len(rows[t])} {t}"
            for t in ("people", "organizations", "places", "events", "agreements", "sources")
        )
        text = f"{text or name}. Records: {counts}."
    if len(text) > high:
        text = text[: high - 1].rsplit(" ", 1)[0] + "…"
    return text


def _licenses(licenses: Iterable[Any]) -> list[Any]:
    found: list[Any] = []
    for licence in licenses:
        if not isinstance(licence, dict):
            continue
        path = _web(licence.get("path"))
        if path:
            found.append(path)
        elif licence.get("name") or licence.get("title"):
            found.append({"@type": "CreativeWork",
                          "name": str(licence.get("title") or licence.get("name"))})  # fmt: skip
    return found


def _contributors(meta: dict[str, Any], role: str) -> list[Row]:
    """Contributors in ``role`` (Data Package 1's ``role: author`` counts as creator). One with
    a given or family name is a Person, any other (a team, "maintainers") an Organization."""
    found: list[Row] = []
    for c in meta.get("contributors") or ():
        if not isinstance(c, dict) or not c.get("title"):
            continue
        roles = [str(r) for r in c.get("roles") or ()] + [str(c.get("role") or "")]
        if role not in roles and not (role == "creator" and "author" in roles):
            continue
        kind = "Person" if c.get("givenName") or c.get("familyName") else "Organization"
        node: Row = {"@type": kind, "name": str(c["title"])}
        _put(node, "url", _web(c.get("path")))
        found.append(node)
    return found


def temporal_coverage(tables: dict[str, Frame]) -> str | None:
    """The ISO 8601 interval from the earliest start to the latest end bound of every date of
    :data:`DATED_TABLES` (``..`` for a side no date bounds), ``None`` when nothing is dated."""
    starts, ends = [], []
    for name in DATED_TABLES:
        frame = tables[name]
        for column in frame.columns:
            if column.kind != "date":
                continue
            values = [v for v in frame.column(column.name) if v is not None]
            if column.name == f"{column.source}_start":
                starts += values
            elif column.name == f"{column.source}_end":
                ends += values
    if not starts and not ends:
        return None
    low = min(starts).isoformat() if starts else ".."
    high = max(ends).isoformat() if ends else ".."
    return f"{low}/{high}"


def _spatial_coverage(places: list[Row], countries: dict[str, str]) -> list[Row]:
    """The countries the places lie in (each a reference to its country record, or a
    ``Country`` by ISO code where the data has none), and the box around every coordinate."""
    codes = sorted({code for r in places for code in r["country"] or ()})
    covered = [_country(code, countries) for code in codes]
    points = [(r["lat"], r["lon"]) for r in places if r["lat"] is not None and r["lon"] is not None]
    if points:
        lats, lons = [p[0] for p in points], [p[1] for p in points]
        box = f"{min(lats)} {min(lons)} {max(lats)} {max(lons)}"  # south-west, north-east
        covered.append({"@type": "Place", "geo": {"@type": "GeoShape", "box": box}})
    return covered


def _variables(statistics: list[Row]) -> list[Row]:
    """One ``PropertyValue`` per distinct indicator, with the units it is reported in."""
    units: dict[str, set[str]] = {}
    for r in statistics:
        units.setdefault(r["indicator"], set()).update([r["unit"]] if r["unit"] else [])
    found = []
    for indicator in sorted(units):
        node: Row = {"@type": "PropertyValue", "name": indicator}
        _put(node, "unitText", sorted(units[indicator]))
        found.append(node)
    return found


def _source(r: Row, langs: Sequence[str]) -> Row:
    node: Row = {"@id": iri(r["id"]), "@type": "CreativeWork"}
    node["name"] = _texts(r, "title", langs)
    _put(node, "author", [{"@id": iri(a)} for a in r["authors"] or ()])
    _put(node, "publisher", {"@id": iri(r["publisher"])} if r["publisher"] else None)
    _put(node, "datePublished", _iso(r["published"], r["published_precision"]))
    _put(node, "inLanguage", r["language"])
    _put(node, "url", _web(r["url"]))
    return node


# -- the records --------------------------------------------------------------------------------


def _person(r: Row, langs: Sequence[str], countries: dict[str, str]) -> Row:
    node: Row = {"@id": iri(r["id"]), "@type": "Person"}
    node["alternateName" if r["pseudonym"] else "name"] = _texts(r, "name", langs)
    _put(node, "description", _texts(r, "description", langs))
    _put(node, "jobTitle", r["occupation"])
    _put(node, "gender", r["gender"])
    _put(node, "nationality", [_country(c, countries) for c in r["nationality"] or ()])
    _put(node, "birthDate", _iso(r["born"], r["born_precision"]))
    _put(node, "deathDate", _iso(r["died"], r["died_precision"]))
    return node


def _organization(r: Row, langs: Sequence[str], countries: dict[str, str]) -> Row:
    node: Row = {"@id": iri(r["id"]), "@type": "Organization"}
    node["name"] = _texts(r, "name", langs)
    _put(node, "alternateName", r["abbreviation"])
    _put(node, "description", _texts(r, "description", langs))
    _put(node, "parentOrganization", {"@id": iri(r["parent"])} if r["parent"] else None)
    _put(node, "address", _address([r["country"]] if r["country"] else []))
    return node


def _place(r: Row, langs: Sequence[str], countries: dict[str, str]) -> Row:
    node: Row = {"@id": iri(r["id"]), "@type": "Place"}
    node["name"] = _texts(r, "name", langs)
    _put(node, "description", _texts(r, "description", langs))
    if r["lat"] is not None and r["lon"] is not None:
        node["geo"] = {"@type": "GeoCoordinates", "latitude": r["lat"], "longitude": r["lon"]}
    _put(node, "containedInPlace", {"@id": iri(r["parent"])} if r["parent"] else None)
    _put(node, "address", _address(r["country"] or []))
    return node


def _event(r: Row, langs: Sequence[str], countries: dict[str, str]) -> Row:
    node: Row = {"@id": iri(r["id"]), "@type": "Event"}
    node["name"] = _texts(r, "title", langs)
    _put(node, "description", _texts(r, "description", langs))
    _put(node, "startDate", r["date_start"].isoformat() if r["date_start"] else None)
    _put(node, "endDate", r["date_end"].isoformat() if r["date_end"] else None)
    _put(node, "location", {"@id": iri(r["place"])} if r["place"] else None)
    return node


def _agreement(r: Row, langs: Sequence[str], countries: dict[str, str]) -> Row:
    """An agreement as a ``CreativeWork`` (schema.org has no type for a treaty in its core)."""
    node: Row = {"@id": iri(r["id"]), "@type": "CreativeWork"}
    node["name"] = _texts(r, "title", langs)
    _put(node, "description", _texts(r, "description", langs))
    _put(node, "dateCreated", _iso(r["signed"], r["signed_precision"]))
    return node


# -- values -------------------------------------------------------------------------------------


def _texts(r: Row, field: str, langs: Sequence[str]) -> list[Row]:
    """A field's English text and its real labels in ``langs``, language-tagged."""
    found = [{"@value": r[field], "@language": "en"}] if r.get(field) else []
    for lang in langs:
        value = r.get(f"{field}_{lang}")
        if value and not r.get(f"{field}_{lang}_fallback"):
            found.append({"@value": value, "@language": lang})
    return found


def _iso(text: str | None, precision: str) -> str | None:
    """An EDTF date that is already plain ISO 8601 (day, month or year), else ``None``."""
    if text and precision in ("day", "month", "year") and _ISO.fullmatch(text):
        return text
    return None


def _country_places(places: list[Row]) -> dict[str, str]:
    """ISO code → the id of the one country record that is that country alone."""
    found: dict[str, str] = {}
    for r in places:
        if r["kind"] == "country" and len(r["country"] or ()) == 1:
            found.setdefault(r["country"][0], r["id"])
    return found


def _country(code: str, countries: dict[str, str]) -> Row:
    if code in countries:
        return {"@id": iri(countries[code])}
    return {"@type": "Country", "identifier": code}


def _address(codes: Sequence[str]) -> Row | None:
    if not codes:
        return None
    return {
        "@type": "PostalAddress",
        "addressCountry": codes[0] if len(codes) == 1 else list(codes),
    }


def _web(value: Any) -> str | None:
    """An absolute web address, else ``None`` (a relative one would be dropped as an IRI)."""
    text = str(value or "")
    return text if text.startswith(("https://", "http://")) else None


def _put(node: Row, key: str, value: Any) -> None:
    """Set ``key`` unless the value is missing or empty: JSON-LD has no null worth writing."""
    if value is None or value == [] or value == "":
        return
    node[key] = value
