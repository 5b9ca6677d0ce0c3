"""The site's overview pages, read from the site of the real data (the ``site`` fixture).

Timelines (whole and per person, organisation, place and kind), statistics charts, places,
search index, downloads, policy, each record's JSON-LD and each quote's archived context are
checked against what the tables and the archived texts hold — never against hard-coded text.
"""

from __future__ import annotations

import csv
import html
import json
import re
import shutil
import sqlite3
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkru_data.cli import app
from nkru_data.dataset import Dataset
from nkru_data.lang.dates import time_order
from nkru_data.site.words import LANGS, word
from nkru_data.store.archive import CONTEXT_CHARS, archived_text, normalise
from nkru_data.views.spans import span

from .conftest import ROOT

pytest.importorskip("jinja2")
SVG = "{http://www.w3.org/2000/svg}"
runner = CliRunner()


def _text(page: Path) -> str:
    return page.read_text(encoding="utf-8")


def _svgs(page: Path) -> list[ET.Element]:
    """Every inline SVG of a page, parsed as XML (so it is well-formed)."""
    return [ET.fromstring(found) for found in re.findall(r"<svg .*?</svg>", _text(page), re.S)]


def _slug(id_: str) -> str:
    return id_.split(":", 1)[1]


def test_the_timeline_draws_every_dated_event_once_in_time_order(site: Path, ds: Dataset) -> None:
    dated = [e for e in ds.events if span(e.date).dated]
    for lang in LANGS:
        (svg,) = _svgs(site / lang / "timeline.html")
        linked = [a.get("href", "") for a in svg.iter(f"{SVG}a")]
        assert len(linked) == len(dated), lang
        assert {h.rsplit("/", 1)[1] for h in linked} == {f"{_slug(e.id)}.html" for e in dated}
    # the list beside it holds every event, dated or not, in time order
    text = _text(site / "en" / "timeline.html")
    listed = re.findall(r'<li><span class="date">.*?href="[^"]*/events/([^"/]+)\.html"', text)
    expected = sorted(ds.events, key=lambda e: (time_order(e.date), e.id))
    assert listed == [_slug(e.id) for e in expected]


def test_uncertain_open_and_approximate_dates_are_drawn_as_such(site: Path, ds: Dataset) -> None:
    (svg,) = _svgs(site / "en" / "timeline.html")
    marks = ET.tostring(svg, encoding="unicode")
    spans = [span(e.date) for e in ds.events]
    if any(s.uncertain and s.dated for s in spans):
        assert 'stroke-dasharray="3 2"' in marks
    if any(s.dated and "open" in (s.start, s.end) for s in spans):
        assert "fade-" in marks  # an open end fades out to the edge...
        assert re.search(r'<ns0:path d="M[\d.]+ [\d.]+l-?7 -5v10z"', marks)  # ...to an arrow
    if any(s.dated and s.approximate for s in spans):
        assert "-hatch)" in marks
    ranges = sum(1 for s in spans if s.dated and s.shape == "range" and s.start == s.end == "known")
    assert ranges and marks.count('fill="#9dc3e6" stroke="#1f4e79"') >= ranges


def test_each_entity_has_its_own_timeline_of_the_events_it_is_involved_in(
    site: Path, ds: Dataset
) -> None:
    checked = 0
    for table in ("people", "organizations", "places"):
        for record in ds.table(table):
            id_ = str(getattr(record, "id"))  # noqa: B009
            involved = ds.events_involving(id_)
            page = site / "ru" / "timeline" / table / f"{_slug(id_)}.html"
            assert page.is_file() == bool(involved), id_
            if not involved:
                continue
            listed = set(re.findall(r'href="[^"]*/events/([^"/]+)\.html"', _text(page)))
            assert listed == {_slug(e.id) for e in involved}, id_
            own = site / "ru" / table / f"{_slug(id_)}.html"
            assert f"timeline/{table}/{_slug(id_)}.html" in _text(own)
            checked += 1
    assert checked > 20
    kinds = {e.kind.value for e in ds.events}
    for kind in kinds:
        page = site / "ko" / "timeline" / "kind" / f"{kind}.html"
        listed = set(re.findall(r'href="[^"]*/events/([^"/]+)\.html"', _text(page)))
        assert listed == {_slug(e.id) for e in ds.events if e.kind.value == kind}, kind
    assert "timeline/kind/" in _text(site / "ko" / "timeline.html")


def test_the_statistics_page_charts_each_topic_with_its_reporters(site: Path, ds: Dataset) -> None:
    text = _text(site / "en" / "statistics.html")
    svgs = {svg.get("aria-labelledby", ""): svg for svg in _svgs(site / "en" / "statistics.html")}
    topics = {s.topic.value for s in ds.statistics}
    for topic in topics:
        stats = [s for s in ds.statistics if s.topic.value == topic]
        section = re.search(rf'<section id="{topic}">(.*?)</section>', text, re.S)
        assert section, topic
        rows = re.findall(r'href="[^"]*/statistics/([^"/]+)\.html"', section.group(1))
        assert {_slug(s.id) for s in stats} <= set(rows), topic
        numbered = [s for s in stats if s.value is not None or s.low is not None or s.high]
        if numbered:
            svg = svgs[f"s-{topic}-title"]
            drawn = {a.get("href", "").rsplit("/", 1)[1] for a in svg.iter(f"{SVG}a")}
            assert drawn == {f"{_slug(s.id)}.html" for s in numbered}, topic
    ranged = next(s for s in ds.statistics if s.low is not None and s.high is not None)
    assert ranged.reported_by
    (svg,) = [v for k, v in svgs.items() if k == f"s-{ranged.topic.value}-title"]
    assert "v12" in ET.tostring(svg, encoding="unicode")  # the low–high whisker's ends
    reporter = ds.label(ranged.reported_by, "en")
    assert reporter and html.escape(reporter[:20]) in ET.tostring(svg, encoding="unicode")


def test_the_places_page_gives_coordinates_and_the_geojson(site: Path, ds: Dataset) -> None:
    text = _text(site / "ru" / "places" / "index.html")
    located = [p for p in ds.places if p.lat is not None]
    assert located
    for place in located:
        assert f"{place.lat:.4f}" in text and f"{place.lon:.4f}" in text, place.id
    found = re.search(r'href="([^"]*downloads/[^"]+\.geojson)"', text)
    assert found
    geojson = json.loads((site / "ru" / "places" / found.group(1)).resolve().read_text("utf-8"))
    assert len(geojson["features"]) == len(located)


def test_every_download_on_the_dataset_page_is_there_and_opens(site: Path, ds: Dataset) -> None:
    text = _text(site / "en" / "dataset.html")
    names = re.findall(r'href="\.\./downloads/([^"]+)" download', text)
    assert {"nkru-data.sqlite", "nkru-data-parquet.zip", "nkru-data.geojson", "nkru-data.jsonld",
            "nkru-data.graphml", "nkru-data.gexf", "nkru-data.jsonl",
            "nkru-data-datapackage.zip"} <= set(names)  # fmt: skip
    with sqlite3.connect(site / "downloads" / "nkru-data.sqlite") as db:
        assert db.execute("select count(*) from people").fetchone()[0] == len(ds.people)
    with zipfile.ZipFile(site / "downloads" / "nkru-data-datapackage.zip") as z:
        assert "datapackage.json" in z.namelist() and "data/people.csv" in z.namelist()
        package = ROOT / "datapackage" / "data" / "people.csv"
        assert z.read("data/people.csv") == package.read_bytes()
    assert "## Unreleased" in html.unescape(text)  # the changelog


def test_every_record_page_embeds_its_schema_org_node(site: Path, ds: Dataset) -> None:
    types = {"people": "Person", "organizations": "Organization", "places": "Place",
             "events": "Event"}  # fmt: skip
    for table, kind in types.items():
        for record in ds.table(table):
            id_ = str(getattr(record, "id"))  # noqa: B009
            text = _text(site / "ko" / table / f"{_slug(id_)}.html")
            found = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
            assert found, id_
            node = json.loads(found.group(1))
            assert node["@id"].endswith(id_) and kind in str(node["@type"]), id_
            assert "@context" in node


def test_quotes_come_with_at_most_thirty_characters_of_their_archived_text(site: Path) -> None:
    texts = {}
    with (ROOT / "datapackage" / "data" / "sources.csv").open(encoding="utf-8") as f:
        for row in csv.DictReader(f):
            if row["seed"]:
                texts[row["id"]] = archived_text(ROOT / row["seed"])
    archive = " ".join(texts.values())
    shown = 0
    for page in sorted((site / "en" / "people").glob("*.html")):
        for before, quote, after in re.findall(
            r'<span class="context">([^<]*)</span><mark>([^<]*)</mark><span class="context">'
            r"([^<]*)</span>", _text(page)):  # fmt: skip
            before, quote, after = (html.unescape(x) for x in (before, quote, after))
            assert len(before.removeprefix("…")) <= CONTEXT_CHARS, page
            assert len(after.removesuffix("…")) <= CONTEXT_CHARS, page
            whole = before.removeprefix("…") + normalise(quote) + after.removesuffix("…")
            assert whole in archive, page
            shown += 1
    assert shown > 50


def test_without_the_archived_texts_a_quote_stands_alone(tmp_path: Path) -> None:
    package = tmp_path / "datapackage"
    shutil.copytree(ROOT / "datapackage", package)  # no seeds/ beside it
    out = tmp_path / "out"
    result = runner.invoke(app, ["site", str(out), "--path", str(package), "--no-downloads"])
    assert result.exit_code == 0, result.output
    page = _text(out / "en" / "people" / "kim-chol-sam.html")
    assert "<mark>" in page and 'class="context"' not in page


def test_the_search_index_holds_every_record_in_three_languages(site: Path, ds: Dataset) -> None:
    script = _text(site / "static" / "search-index.js")
    entries = json.loads(script.removeprefix("window.NKRU_SEARCH = ").rstrip().rstrip(";"))
    by_id = {e[1]: e for e in entries}
    tables = ("people", "organizations", "places", "events", "agreements", "statistics",
              "claims", "affiliations", "sources")  # fmt: skip
    assert len(entries) == sum(len(ds.table(t)) for t in tables)
    for label in ds.labels:
        if label.entity in by_id and label.field.value in ("name", "title"):
            assert label.value in by_id[label.entity][4 + ("ru", "ko").index(label.lang.value)]
    for entry in entries:
        assert (site / "en" / entry[0]).is_file()
    for lang in LANGS:
        page = _text(site / lang / "search.html")
        assert 'id="q"' in page and 'id="results"' in page
        assert word("search needs script", lang) in html.unescape(page)


def test_the_policy_is_on_every_language_tree_and_linked_from_pseudonyms(site: Path) -> None:
    for lang in LANGS:
        text = html.unescape(_text(site / lang / "policy.html"))
        for key in ("policy 1", "policy 2", "policy 3"):
            assert word(key, lang) in text
    with (ROOT / "datapackage" / "data" / "people.csv").open(encoding="utf-8") as f:
        pseudonymous = [r["id"] for r in csv.DictReader(f) if r["pseudonym"] == "true"]
    for id_ in pseudonymous:
        assert "policy.html" in _text(site / "ko" / "people" / f"{_slug(id_)}.html")


@pytest.mark.parametrize(
    ("table", "column", "value"),
    [("events", "kind", "spaceflight"), ("events", "place", "place:atlantis")],
    ids=["unknown-kind", "broken-reference"],
)
def test_an_unknown_kind_or_a_broken_reference_stops_the_build(
    tmp_path: Path, table: str, column: str, value: str
) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(ROOT / "datapackage", package)
    path = package / "data" / f"{table}.csv"
    with path.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    fields = list(rows[0])
    rows[0][column] = value
    with path.open("w", encoding="utf-8", newline="") as f:
        writer = csv.DictWriter(f, fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    result = runner.invoke(app, ["site", str(tmp_path / "out"), "--path", str(package)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert f"{table}.csv:2" in result.output and column in result.output
    assert not (tmp_path / "out").exists()
