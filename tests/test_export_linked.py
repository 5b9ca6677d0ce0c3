"""The linked exports (JSON-LD, GraphML, GEXF, GeoJSON) on the real bundled data, read back by
the tools analysts use (rdflib, pyld, networkx, geojson), against the CSV files themselves."""

from __future__ import annotations

import csv
import json
import socket
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from nkru_data.dataset import Dataset
from nkru_data.export import FORMATS, export
from nkru_data.lang.dates import parse

SCHEMA = "https://schema.org/"
PREFIX = "urn:nkru-data:"
NODE_TABLES = ("people", "organizations", "places", "events", "agreements", "sources",
               "statistics")  # fmt: skip


def rows(ds: Dataset, table: str) -> list[dict[str, str]]:
    """A table straight from its CSV file, not through the library's flattening."""
    assert ds.path is not None
    with (ds.path / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def descriptor(ds: Dataset) -> dict[str, Any]:
    assert ds.path is not None
    found: dict[str, Any] = json.loads((ds.path / "datapackage.json").read_text("utf-8"))
    return found


def labels(ds: Dataset, field: str, lang: str) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for r in rows(ds, "labels"):
        if r["field"] == field and r["lang"] == lang:
            found.setdefault(r["entity"], set()).add(r["value"])
    return found


@pytest.fixture(scope="module")
def out(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """Each linked format exported once, with no network reachable while it is written."""
    folder = tmp_path_factory.mktemp("linked")
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _no_network)
        return {f: export(ds, f, folder / FORMATS[f].default)
                for f in ("jsonld", "graphml", "gexf", "geojson")}  # fmt: skip


def _no_network(*args: object, **kwargs: object) -> None:
    raise AssertionError("an export or a parser tried to reach the network")


@pytest.fixture(autouse=True)
def offline(monkeypatch: pytest.MonkeyPatch) -> None:
    """Parsers must never fetch a context or a schema."""
    monkeypatch.setattr(socket.socket, "connect", _no_network)


# -- JSON-LD ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def rdf(out: dict[str, Path]) -> Any:
    import rdflib

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(socket.socket, "connect", _no_network)
        return rdflib.Graph().parse(data=out["jsonld"].read_text("utf-8"), format="json-ld")


def objects(graph: Any, subject: Any, prop: str) -> list[Any]:
    """The objects of ``subject`` (an IRI as text, or a node) under schema.org ``prop``."""
    from rdflib import BNode, URIRef

    node = subject if isinstance(subject, (URIRef, BNode)) else URIRef(subject)
    return list(graph.objects(node, URIRef(SCHEMA + prop)))


def test_jsonld_dataset_has_every_required_property(rdf: Any, ds: Dataset) -> None:
    from rdflib import RDF, Literal, URIRef

    node = PREFIX + "dataset"
    assert (URIRef(node), RDF.type, URIRef(SCHEMA + "Dataset")) in rdf
    required = ("name", "description", "license", "creator", "version", "keywords", "inLanguage",
                "temporalCoverage", "spatialCoverage", "distribution", "citation",
                "isAccessibleForFree", "variableMeasured")  # fmt: skip
    assert [p for p in required if not objects(rdf, node, p)] == []
    meta = descriptor(ds)
    assert [str(o) for o in objects(rdf, node, "name")] == [meta["title"]]
    (description,) = objects(rdf, node, "description")
    assert 50 <= len(str(description)) <= 5000
    assert {str(o) for o in objects(rdf, node, "license")} == {x["path"] for x in meta["licenses"]}
    assert all(isinstance(o, URIRef) for o in objects(rdf, node, "license"))
    assert [str(o) for o in objects(rdf, node, "version")] == [meta["version"]]
    assert {str(o) for o in objects(rdf, node, "keywords")} == set(meta["keywords"])
    assert {str(o) for o in objects(rdf, node, "inLanguage")} == {"en", "ru", "ko"}
    assert objects(rdf, node, "isAccessibleForFree") == [Literal(True)]
    (creator,) = objects(rdf, node, "creator")
    creators = [c["title"] for c in meta["contributors"] if "creator" in c.get("roles", ())]
    assert [str(o) for o in objects(rdf, creator, "name")] == creators


def test_jsonld_temporal_coverage_spans_every_dated_record(rdf: Any, ds: Dataset) -> None:
    lows, highs = [], []
    for table, field in (("events", "date"), ("agreements", "signed"), ("statistics", "period")):
        for r in rows(ds, table):
            if r[field] and not r[field].startswith("XXXX"):  # no year: no bound in time
                value = parse(r[field])
                lows += [value.lower] if value.lower else []
                highs += [value.upper] if value.upper else []
    (coverage,) = objects(rdf, PREFIX + "dataset", "temporalCoverage")
    assert str(coverage) == f"{min(lows).isoformat()}/{max(highs).isoformat()}"


def test_jsonld_spatial_coverage_names_the_countries_and_a_box(rdf: Any, ds: Dataset) -> None:
    from rdflib import BNode, URIRef

    places = rows(ds, "places")
    codes = {c for r in places for c in r["country"].split(";") if c}
    record = {r["country"]: PREFIX + r["id"] for r in places if r["kind"] == "country"}
    covered = objects(rdf, PREFIX + "dataset", "spatialCoverage")
    ids = {str(o) for o in covered if isinstance(o, URIRef)}
    by_code = {str(i) for o in covered if isinstance(o, BNode)
               for i in objects(rdf, o, "identifier")}  # fmt: skip
    assert codes and {c for c in codes if c in record} == {c for c in record if record[c] in ids}
    assert codes - set(record) == by_code
    shapes = [g for o in covered if isinstance(o, BNode) for g in objects(rdf, o, "geo")]
    boxes = [str(b) for g in shapes for b in objects(rdf, g, "box")]
    lats = [float(r["lat"]) for r in places if r["lat"]]
    lons = [float(r["lon"]) for r in places if r["lon"]]
    assert [[float(x) for x in b.split()] for b in boxes] == [[min(lats), min(lons),
                                                              max(lats), max(lons)]]  # fmt: skip


def test_jsonld_distribution_citation_and_variables(rdf: Any, ds: Dataset) -> None:
    from rdflib import RDF, URIRef

    node = PREFIX + "dataset"
    downloads = objects(rdf, node, "distribution")
    assert all((d, RDF.type, URIRef(SCHEMA + "DataDownload")) in rdf for d in downloads)
    urls = {str(u) for d in downloads for u in objects(rdf, d, "contentUrl")}
    assert urls == {f.default for f in FORMATS.values()}
    assert all(objects(rdf, d, "encodingFormat") for d in downloads)
    cited = {str(c) for c in objects(rdf, node, "citation")}
    assert cited == {PREFIX + r["id"] for r in rows(ds, "sources")}
    for r in rows(ds, "sources"):
        assert (URIRef(PREFIX + r["id"]), RDF.type, URIRef(SCHEMA + "CreativeWork")) in rdf
        assert r["title"] in {str(t) for t in objects(rdf, PREFIX + r["id"], "name")}
    variables = objects(rdf, node, "variableMeasured")
    assert all((v, RDF.type, URIRef(SCHEMA + "PropertyValue")) in rdf for v in variables)
    names = {str(n) for v in variables for n in objects(rdf, v, "name")}
    assert names == {r["indicator"] for r in rows(ds, "statistics")}


def test_jsonld_names_in_russian_and_korean_are_tagged(rdf: Any, ds: Dataset) -> None:
    from rdflib import Literal

    ru, ko = labels(ds, "name", "ru"), labels(ds, "name", "ko")
    place = next(r for r in rows(ds, "places") if r["id"] in ru and r["id"] in ko)
    names = objects(rdf, PREFIX + place["id"], "name")
    assert Literal(place["name"], lang="en") in names
    assert {Literal(v, lang="ru") for v in ru[place["id"]]} <= set(names)
    assert {Literal(v, lang="ko") for v in ko[place["id"]]} <= set(names)


def test_jsonld_tags_only_real_labels_and_keeps_pseudonyms(rdf: Any, ds: Dataset) -> None:
    """Every ``ru``/``ko`` name in the graph is a label the data holds (no English copy tagged
    ``ru``), and a pseudonym is an ``alternateName``, never a ``name``."""
    from rdflib import Literal, URIRef

    real = {x: {**labels(ds, "name", x), **labels(ds, "title", x)} for x in ("ru", "ko")}
    tagged = 0
    for prop in ("name", "alternateName"):
        for subject, obj in rdf.subject_objects(URIRef(SCHEMA + prop)):
            if isinstance(obj, Literal) and obj.language in real:
                record = str(subject).removeprefix(PREFIX)
                assert str(obj) in real[obj.language].get(record, set()), (record, obj)
                tagged += 1
    assert tagged > 100
    people = rows(ds, "people")
    assert any(r["pseudonym"] == "true" for r in people)
    for r in people:
        named = objects(rdf, PREFIX + r["id"], "name")
        other = objects(rdf, PREFIX + r["id"], "alternateName")
        if r["pseudonym"] == "true":
            assert named == [] and Literal(r["name"], lang="en") in other
        else:
            assert Literal(r["name"], lang="en") in named


def test_jsonld_places_with_coordinates_have_geocoordinates(rdf: Any, ds: Dataset) -> None:
    from rdflib import RDF, URIRef

    located = [r for r in rows(ds, "places") if r["lat"] and r["lon"]]
    assert located
    for r in located:
        (geo,) = objects(rdf, PREFIX + r["id"], "geo")
        assert (geo, RDF.type, URIRef(SCHEMA + "GeoCoordinates")) in rdf
        assert [float(x) for x in objects(rdf, geo, "latitude")] == [float(r["lat"])]
        assert [float(x) for x in objects(rdf, geo, "longitude")] == [float(r["lon"])]
    for r in rows(ds, "places"):
        if not (r["lat"] and r["lon"]):
            assert objects(rdf, PREFIX + r["id"], "geo") == []


def test_jsonld_events_have_dates_and_places(rdf: Any, ds: Dataset) -> None:
    event = next(r for r in rows(ds, "events") if r["place"] and r["date"].isdigit())
    node = PREFIX + event["id"]
    assert [str(o) for o in objects(rdf, node, "location")] == [PREFIX + event["place"]]
    assert [str(o) for o in objects(rdf, node, "startDate")] == [f"{event['date']}-01-01"]
    assert [str(o) for o in objects(rdf, node, "endDate")] == [f"{event['date']}-12-31"]


def test_jsonld_expands_and_converts_with_pyld_offline(out: dict[str, Path], ds: Dataset) -> None:
    from pyld import jsonld

    def loader(url: str, options: object = None) -> None:
        raise AssertionError(f"pyld tried to fetch {url}")

    doc = json.loads(out["jsonld"].read_text("utf-8"))
    expanded = jsonld.expand(doc, {"documentLoader": loader})
    types = Counter(t for node in expanded for t in node.get("@type", ()))
    assert types[SCHEMA + "Dataset"] == 1
    assert types[SCHEMA + "Person"] == len(rows(ds, "people"))
    assert types[SCHEMA + "Place"] == len(rows(ds, "places"))
    assert types[SCHEMA + "Event"] == len(rows(ds, "events"))
    quads = jsonld.to_rdf(doc, {"format": "application/n-quads", "documentLoader": loader})
    ru = labels(ds, "name", "ru")
    org = next(r for r in rows(ds, "organizations") if r["id"] in ru)
    value = json.dumps(sorted(ru[org["id"]])[0], ensure_ascii=False)
    assert f"<{PREFIX}{org['id']}> <{SCHEMA}name> {value}@ru ." in quads.splitlines()


def test_jsonld_in_english_only_has_no_other_language(ds: Dataset, tmp_path: Path) -> None:
    text = export(ds, "jsonld", tmp_path / "en.jsonld", langs=["en"]).read_text("utf-8")
    doc = json.loads(text)
    assert doc["@graph"][0]["inLanguage"] == ["en"]
    assert '"@language": "ru"' not in text and '"@language": "ko"' not in text


def test_missing_labels_are_fallbacks_not_translations(tmp_path: Path) -> None:
    """With no Russian label loaded (the real data, English labels only), JSON-LD writes no
    ``ru`` value at all, and the graph and the map flag every Russian name as the English one."""
    import networkx as nx

    import nkru_data

    english = nkru_data.load(langs=("en",))
    text = export(english, "jsonld", tmp_path / "x.jsonld", langs=["ru"]).read_text("utf-8")
    assert '"@language": "ru"' not in text and '"@language": "en"' in text
    graph = nx.read_graphml(export(english, "graphml", tmp_path / "x.graphml", langs=["ru"]))
    assert graph.number_of_nodes() > 0
    for _, attrs in graph.nodes(data=True):
        assert attrs["label_ru_fallback"] is True and attrs["label_ru"] == attrs["label"]
    doc = json.loads(export(english, "geojson", tmp_path / "x.geojson", langs=["ru"]).read_text())
    assert doc["features"]
    for feature in doc["features"]:
        props = feature["properties"]
        assert props["name_ru_fallback"] is True and props["name_ru"] == props["name"]


# -- GraphML and GEXF ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def graphml(out: dict[str, Path]) -> Any:
    import networkx as nx

    return nx.read_graphml(out["graphml"], force_multigraph=True, edge_key_type=str)


def test_graphml_nodes_are_the_records(graphml: Any, ds: Dataset) -> None:
    ids = {r["id"] for t in NODE_TABLES for r in rows(ds, t)}
    assert graphml.number_of_nodes() == len(ids) == sum(len(rows(ds, t)) for t in NODE_TABLES)
    assert set(graphml.nodes) == ids
    place = next(r for r in rows(ds, "places") if r["lat"])
    attrs = graphml.nodes[place["id"]]
    assert (attrs["kind"], attrs["type"], attrs["label"]) == ("place", place["kind"], place["name"])
    assert attrs["lat"] == float(place["lat"]) and attrs["lon"] == float(place["lon"])
    values = [v for _, d in graphml.nodes(data=True) for v in d.values()]
    assert None not in values and "None" not in values


def test_graphml_labels_and_fallbacks(graphml: Any, ds: Dataset) -> None:
    ru = labels(ds, "name", "ru")
    for r in rows(ds, "people"):
        attrs = graphml.nodes[r["id"]]
        assert attrs.get("pseudonym") is ({"true": True, "false": False}.get(r["pseudonym"]))
        if r["id"] in ru:
            assert attrs["label_ru"] in ru[r["id"]] and attrs["label_ru_fallback"] is False
        else:
            assert attrs["label_ru"] == r["name"] and attrs["label_ru_fallback"] is True


def test_graphml_participant_affiliation_and_other_edges(graphml: Any, ds: Dataset) -> None:
    def between(u: str, v: str) -> dict[str, dict[str, Any]]:
        return dict(graphml.get_edge_data(u, v) or {})

    part = rows(ds, "participants")[0]
    found = between(part["entity"], part["event"]).values()
    assert [(d["relation"], d["role"]) for d in found] == [("participant", part["role"])]
    aff = rows(ds, "affiliations")[0]
    edge = between(aff["person"], aff["organization"])[aff["id"]]
    assert (edge["relation"], edge["role"]) == ("affiliation", aff["role"])
    event = next(r for r in rows(ds, "events") if r["place"])
    assert "located" in {d["relation"] for d in between(event["id"], event["place"]).values()}
    child = next(r for r in rows(ds, "places") if r["parent"])
    assert [d["relation"] for d in between(child["id"], child["parent"]).values()] == ["parent"]
    claim = next(r for r in rows(ds, "claims") if r["claimed_by"])
    edge = between(claim["claimed_by"], claim["subject"])[claim["id"]]
    assert (edge["property"], edge["status"]) == (claim["property"], claim["status"])
    party = rows(ds, "agreement_parties")[0]
    roles = between(party["party"], party["agreement"]).values()
    assert party["role"] in {d.get("role") for d in roles}
    relations = Counter(d["relation"] for _, _, d in graphml.edges(data=True))
    assert relations["participant"] == len(rows(ds, "participants"))
    assert relations["affiliation"] == len(rows(ds, "affiliations"))
    assert relations["party"] == len(rows(ds, "agreement_parties"))


def test_gexf_reads_back_the_same_network(out: dict[str, Path], graphml: Any, ds: Dataset) -> None:
    import networkx as nx

    gexf = nx.read_gexf(out["gexf"])
    assert set(gexf.nodes) == set(graphml.nodes)
    assert gexf.number_of_edges() == graphml.number_of_edges()
    place = next(r for r in rows(ds, "places") if r["lat"])
    assert gexf.nodes[place["id"]]["label"] == place["name"]
    created = descriptor(ds)["created"][:10]
    assert f'lastmodifieddate="{created}"' in out["gexf"].read_text("utf-8")


# -- GeoJSON ------------------------------------------------------------------------------------


def test_geojson_is_valid_rfc7946(out: dict[str, Path], ds: Dataset) -> None:
    import geojson

    text = out["geojson"].read_text("utf-8")
    collection = geojson.loads(text)
    assert collection.is_valid, collection.errors()
    assert not collection.errors()
    doc = json.loads(text)
    assert "crs" not in doc and doc["type"] == "FeatureCollection"
    located = {r["id"]: r for r in rows(ds, "places") if r["lat"] and r["lon"]}
    assert [f["id"] for f in doc["features"]] == sorted(located)
    for feature in doc["features"]:
        lon, lat = feature["geometry"]["coordinates"]
        r = located[feature["id"]]
        assert (lon, lat) == (float(r["lon"]), float(r["lat"]))
        assert -180 <= lon <= 180 and -90 <= lat <= 90
        west, south, east, north = doc["bbox"]
        assert west <= lon <= east and south <= lat <= north
        props = feature["properties"]
        assert props["country"] == [c for c in r["country"].split(";") if c]
        expected = (r["name"], r["kind"], r["parent"] or None)
        assert (props["name"], props["kind"], props["parent"]) == expected


def test_geojson_vladivostok_is_lon_lat(out: dict[str, Path], ds: Dataset) -> None:
    place = next(r for r in rows(ds, "places") if r["id"] == "place:vladivostok")
    lat, lon = float(place["lat"]), float(place["lon"])
    assert abs(lon - 131.9) < 0.5 and abs(lat - 43.1) < 0.5  # the CSV holds what we think
    doc = json.loads(out["geojson"].read_text("utf-8"))
    (feature,) = [f for f in doc["features"] if f["id"] == "place:vladivostok"]
    assert feature["geometry"] == {"type": "Point", "coordinates": [lon, lat]}
    assert feature["properties"]["name_ru_fallback"] is False


def test_geojson_event_counts(out: dict[str, Path], ds: Dataset) -> None:
    """``event_count`` counts the events at the place itself; ``event_count_within`` adds those
    at every place inside it."""
    parent = {r["id"]: r["parent"] for r in rows(ds, "places")}
    direct = Counter(r["place"] for r in rows(ds, "events") if r["place"])

    def inside(place: str, ancestor: str) -> bool:
        while place:
            if place == ancestor:
                return True
            place = parent.get(place, "")
        return False

    doc = json.loads(out["geojson"].read_text("utf-8"))
    for feature in doc["features"]:
        props = feature["properties"]
        assert props["event_count"] == direct[feature["id"]]
        assert props["event_count_within"] == sum(n for p, n in direct.items()
                                                  if inside(p, feature["id"]))  # fmt: skip
    assert any(f["properties"]["event_count"] for f in doc["features"])


# -- determinism --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["jsonld", "graphml", "gexf", "geojson"])
def test_same_data_same_bytes(fmt: str, out: dict[str, Path], ds: Dataset, tmp_path: Path) -> None:
    again = export(ds, fmt, tmp_path / FORMATS[fmt].default)
    assert again.read_bytes() == out[fmt].read_bytes()
