"""GraphML and GEXF: the dataset as a network, for Gephi, Cytoscape or networkx.

**Nodes** are the records of :data:`NODE_TABLES`: people, organisations, places, events,
agreements, and also sources and statistics, because claims are made by sources and reported
numbers hang on them; leaving them out would cut most claim edges off. Each node has ``kind``
(the id kind: ``person``, ``org``…), ``type`` (the record's own ``kind`` field, where it has one),
``label`` and per exported language ``label_ru`` with ``label_ru_fallback`` (true where the
English name stands in), the ISO bounds of its dates (``date_start``, ``born_end``… with their
``*_precision``), and a few fields worth filtering on (:data:`EXTRA`), such as ``pseudonym``:
a person's label is a pseudonym where it is true, and says so.

**Edges** (a ``MultiDiGraph``: two records can be linked more than once, as by two claims) each
carry ``relation``:

- ``participant``: entity → event, with ``role``;
- ``affiliation``: person → organisation, with ``role``, ``start`` (earliest day of its start)
  and ``end`` (latest day of its end);
- ``party``: party → agreement, with ``role``;
- ``parent``: place → its parent place, organisation → its parent organisation;
- ``claim``: claimant → subject, with ``property``, ``value``, ``status`` (a claim with no
  claimant, or about another claim, is no edge between two records and is left out);
- ``located``: event or statistic → its place; ``reported``: reporter → statistic;
- ``author`` and ``publisher``: person or organisation → source.

Edge keys are meaningful and unique in the file: the record id for claims and affiliations,
``relation:from:to[:role]`` for the others; they are the edge ids of both formats. Nodes and
edges are added sorted, and attribute values are only ``str``, ``int``, ``float`` or ``bool``
(a missing value is no attribute, never ``None``), so GraphML is byte-for-byte deterministic.
GEXF embeds a date, ``lastmodifieddate``: it is set to the descriptor's ``created`` day, so GEXF
is deterministic too, except for a package without ``created``, where networkx writes today's.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.model.layout import TABLE_BY_NAME
from nkru_data.views.frames import Frame, frames, languages

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset

NODE_TABLES = ("people", "organizations", "places", "events", "agreements", "sources",
               "statistics")  # fmt: skip
#: per table, stored or derived columns copied onto its nodes (lists joined with ";")
EXTRA = {
    "people": ("pseudonym", "occupation"),
    "organizations": ("abbreviation", "country"),
    "places": ("country", "lat", "lon", "place_precision"),
    "events": ("certainty", "place_precision"),
    "agreements": ("status",),
    "statistics": ("indicator", "value", "unit", "qualifier"),
}
Edge = tuple[str, str, str, dict[str, Any]]


def write_graphml(ds: Dataset, out: Path, langs: Sequence[str]) -> None:
    """Write the network as GraphML (``nx.write_graphml``)."""
    import networkx as nx

    nx.write_graphml(network(ds, langs), out)


def write_gexf(ds: Dataset, out: Path, langs: Sequence[str]) -> None:
    """Write the network as GEXF 1.2, its ``lastmodifieddate`` the package's ``created`` day.

    This is what ``nx.write_gexf`` does, through the writer class it uses, with the one date
    set from the data instead of the clock.
    """
    from networkx.readwrite.gexf import GEXFWriter

    from nkru_data.export.jsonld import metadata

    writer = GEXFWriter(encoding="utf-8", prettyprint=True, version="1.2draft")
    created = str(metadata(ds).get("created") or "")[:10]
    meta = writer.xml.find("meta")
    if created and meta is not None:
        meta.set("lastmodifieddate", created)
    graph = network(ds, langs)
    for _, _, key, data in graph.edges(keys=True, data=True):
        data["id"] = key  # GEXF edge ids: the same meaningful keys as GraphML's
    writer.add_graph(graph)
    with out.open("wb") as fh:
        writer.write(fh)


def network(ds: Dataset, langs: Sequence[str]) -> Any:
    """The ``networkx.MultiDiGraph`` both formats write."""
    import networkx as nx

    from nkru_data.export.jsonld import metadata

    others = languages(langs)
    tables = {f.table: f for f in frames(ds, others)}
    meta = metadata(ds)
    graph = nx.MultiDiGraph(name=str(meta.get("title") or "nkru-data"))
    if meta.get("version"):
        graph.graph["version"] = str(meta["version"])
    nodes = sorted(_nodes(tables, others), key=lambda node: node[0])
    graph.add_nodes_from(nodes)
    known = {id_ for id_, _ in nodes}
    edges = sorted(
        (e for e in _edges(tables) if e[0] in known and e[1] in known), key=lambda e: e[:3]
    )
    graph.add_edges_from(edges)
    return graph


def _nodes(tables: dict[str, Frame], langs: Sequence[str]) -> Iterator[tuple[str, dict[str, Any]]]:
    for name in NODE_TABLES:
        table, frame = TABLE_BY_NAME[name], tables[name]
        label = table.name_field or "id"
        dates = [c.name for c in frame.columns if c.kind == "date"]
        for r in frame.dicts():
            attrs: dict[str, Any] = {"kind": table.kind, "type": r.get("kind")}
            attrs["label"] = r[label] or r["id"]
            for lang in langs:
                fallback = bool(r[f"{label}_{lang}_fallback"]) or not r[f"{label}_{lang}"]
                attrs[f"label_{lang}"] = attrs["label"] if fallback else r[f"{label}_{lang}"]
                attrs[f"label_{lang}_fallback"] = fallback
            for column in dates:
                if r[column] is not None:
                    attrs[column] = r[column].isoformat()
                    source = column.rsplit("_", 1)[0]
                    attrs[f"{source}_precision"] = r[f"{source}_precision"]
            for column in EXTRA.get(name, ()):
                attrs[column] = r[column]
            yield r["id"], _clean(attrs)


def _edges(tables: dict[str, Frame]) -> Iterator[Edge]:
    rows = {name: tables[name].dicts() for name in tables}
    for r in rows["participants"]:
        yield _edge(r["entity"], r["event"], "participant", role=r["role"])
    for r in rows["affiliations"]:
        yield (r["person"], r["organization"], r["id"],
               _clean({"relation": "affiliation", "role": r["role"],
                       "start": _day(r["start_start"]), "end": _day(r["end_end"])}))  # fmt: skip
    for r in rows["agreement_parties"]:
        yield _edge(r["party"], r["agreement"], "party", role=r["role"])
    for name in ("places", "organizations"):
        for r in rows[name]:
            if r["parent"]:
                yield _edge(r["id"], r["parent"], "parent")
    for r in rows["claims"]:
        if r["claimed_by"]:
            yield (r["claimed_by"], r["subject"], r["id"],
                   _clean({"relation": "claim", "property": r["property"], "value": r["value"],
                           "status": r["status"]}))  # fmt: skip
    for name in ("events", "statistics"):
        for r in rows[name]:
            if r["place"]:
                yield _edge(r["id"], r["place"], "located")
    for r in rows["statistics"]:
        if r["reported_by"]:
            yield _edge(r["reported_by"], r["id"], "reported")
    for r in rows["sources"]:
        for author in r["authors"] or ():
            yield _edge(author, r["id"], "author")
        if r["publisher"]:
            yield _edge(r["publisher"], r["id"], "publisher")


def _edge(source: str, target: str, relation: str, role: str | None = None) -> Edge:
    key = ":".join(part for part in (relation, source, target, role) if part)
    return source, target, key, _clean({"relation": relation, "role": role})


def _day(value: Any) -> str | None:
    return value.isoformat() if value is not None else None


def _clean(attrs: dict[str, Any]) -> dict[str, Any]:
    """Attributes as GraphML and GEXF can hold them: no ``None``, lists joined with ``;``."""
    found: dict[str, Any] = {}
    for key, value in attrs.items():
        if isinstance(value, list):
            value = ";".join(str(v) for v in value) or None
        if value is not None and value != "":
            found[key] = value
    return found
