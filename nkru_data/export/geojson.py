"""GeoJSON: every place that has coordinates, as a point, for QGIS, Kepler or a web map.

RFC 7946 throughout: a ``FeatureCollection`` of ``Point`` features, coordinates in WGS 84 as
``[longitude, latitude]`` (the opposite of the CSV's column order, and of how people say them),
no ``crs`` member, a ``bbox`` around them all. Places without coordinates (countries, borders,
rivers, most regions) are left out rather than placed at a guessed centroid.

Each feature's ``properties`` come from :mod:`nkru_data.views.frames`: ``id``, ``name`` and per
exported language ``name_ru`` with ``name_ru_fallback`` (true where the English name stands in),
``kind``, ``country`` (a list: a place may lie in several), ``parent``, ``place_precision``, and
two counts of the events whose ``place`` is the place:

- ``event_count``: events located at this place itself. These never overlap, so summing them
  over the features of a map counts every event once.
- ``event_count_within``: the same plus the events at every place inside it (its children,
  their children…), so that a city's point also shows the events at its airport or at a cafe
  that has no coordinates of its own. These overlap: do not sum them.

The output is deterministic: features sorted by id, keys in a fixed order.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from nkru_data.views.frames import frame, languages

if TYPE_CHECKING:
    from nkru_data.dataset import Dataset


def write(ds: Dataset, out: Path, langs: Sequence[str]) -> None:
    """Write the places with coordinates to ``out`` as a GeoJSON ``FeatureCollection``."""
    text = json.dumps(collection(ds, langs), ensure_ascii=False, indent=1)
    out.write_bytes((text + "\n").encode("utf-8"))


def collection(ds: Dataset, langs: Sequence[str]) -> dict[str, Any]:
    """The ``FeatureCollection`` as a JSON-ready dict."""
    others = languages(langs)
    places = sorted(frame(ds, "places", others).dicts(), key=lambda r: str(r["id"]))
    direct = Counter(p for p in frame(ds, "events").column("place") if p)
    within = _roll_up(direct, {r["id"]: r["parent"] for r in places})
    features = []
    for r in places:
        if r["lat"] is None or r["lon"] is None:
            continue
        properties: dict[str, Any] = {"id": r["id"], "name": r["name"]}
        for lang in others:
            properties[f"name_{lang}"] = r[f"name_{lang}"]
            properties[f"name_{lang}_fallback"] = bool(r[f"name_{lang}_fallback"])
        properties.update(kind=r["kind"], country=list(r["country"] or ()), parent=r["parent"],
                          place_precision=r["place_precision"],
                          event_count=direct.get(r["id"], 0),
                          event_count_within=within.get(r["id"], 0))  # fmt: skip
        features.append({"type": "Feature", "id": r["id"],
                         "geometry": {"type": "Point", "coordinates": [r["lon"], r["lat"]]},
                         "properties": properties})  # fmt: skip
    found: dict[str, Any] = {"type": "FeatureCollection"}
    if features:
        lons = [f["geometry"]["coordinates"][0] for f in features]
        lats = [f["geometry"]["coordinates"][1] for f in features]
        found["bbox"] = [min(lons), min(lats), max(lons), max(lats)]
    found["features"] = features
    return found


def _roll_up(direct: Counter[str], parent: dict[str, str | None]) -> Counter[str]:
    """Each place's events plus those of every place inside it (a parent cycle, which the
    validator refuses, stops the walk instead of looping)."""
    within: Counter[str] = Counter()
    for place, count in direct.items():
        seen: set[str] = set()
        current: str | None = place
        while current and current not in seen:
            seen.add(current)
            within[current] += count
            current = parent.get(current)
    return within
