"""The bundled dataset itself: citations, labels and breadth, seed by seed."""

from __future__ import annotations

import pytest

from nkru_data.dataset import Dataset
from nkru_data.model.layout import CITED_TABLES, TABLES

NAMED = [t for t in TABLES if t.label_field]


def test_every_record_has_a_citation(ds: Dataset) -> None:
    cited = {c.record for c in ds.citations_table}
    missing = [
        r.id  # type: ignore[attr-defined]
        for name in CITED_TABLES
        for r in ds.table(name)
        if r.id not in cited  # type: ignore[attr-defined]
    ]
    missing += [s.id for s in ds.sources
                if not s.seed and s.kind.value != "editorial" and s.id not in cited]  # fmt: skip
    assert not missing


@pytest.mark.parametrize("lang", ["en", "ru", "ko"])
def test_every_named_record_has_a_name_in_each_language(ds: Dataset, lang: str) -> None:
    have = {(lab.entity, str(lab.field)) for lab in ds.labels if str(lab.lang) == lang}
    missing = []
    for table in NAMED:
        for record in ds.table(table.name):
            rid = record.id  # type: ignore[attr-defined]
            english = getattr(record, table.name_field or "")
            if (lang == "en" and not english) or (
                lang != "en" and (rid, table.label_field) not in have
            ):
                missing.append(rid)
    assert not missing


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_all_descriptions_are_mostly_translated(ds: Dataset, lang: str) -> None:
    """>= 95% of all English descriptions have a translation in each language."""
    have = {lab.entity for lab in ds.labels if lab.field == "description" and lab.lang == lang}
    ids = [r.id for t in TABLES if "description" in t.fields for r in ds.table(t.name)]  # type: ignore[attr-defined]
    assert sum(i in have for i in ids) / len(ids) >= 0.95


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_descriptions_are_translated(ds: Dataset, lang: str) -> None:
    """ru and ko descriptions for events, agreements, statistics and claims (>= 95%)."""
    have = {lab.entity for lab in ds.labels if lab.field == "description" and lab.lang == lang}
    ids = [r.id for name in ("events", "agreements", "statistics", "claims")  # type: ignore[attr-defined]
           for r in ds.table(name)]  # fmt: skip
    assert sum(i in have for i in ids) / len(ids) >= 0.95


def test_country_names_come_from_cldr(ds: Dataset) -> None:
    from nkru_data.lang.i18n import cldr_country_name

    for place in ds.places:
        if place.kind == "country" and place.country:
            for lang in ("ru", "ko"):
                assert ds.label(place.id, lang) == cldr_country_name(place.country[0], lang)


def test_disagreements_are_kept_as_separate_claims(ds: Dataset) -> None:
    rank = [c for c in ds.claims if c.subject == "person:kim-chol-sam" and c.property == "rank"]
    assert {c.claimed_by for c in rank} >= {"org:ria-novosti", "org:fontanka"}
    assert len({c.value for c in rank}) == len(rank)


def test_pseudonyms_are_flagged(ds: Dataset) -> None:
    kim = ds.get("person:kim-fp-defector")
    assert kim.pseudonym is True


def test_source_spelling_variants_are_aliases(ds: Dataset) -> None:
    aliases = {(lab.entity, lab.value) for lab in ds.labels if lab.field == "alias"}
    assert ("org:fontanka", "Fontaka") in aliases
    assert ("person:thomas-grove", "Thomas Groves") in aliases


# What each seed names: people, organisations, places, and numbers (value, unit).
BREADTH = {
    "000": (
        ["Svetlana Gannushkina", "Civic Assistance", "Lyubov Tataretz", "Blagoveshchensk",
         "Sheremetyevo", "Memorial", "Human Rights Watch", "Ryu En Nam", "Orenberg", "Rajin",
         "Sochi", "Alec Luhn", "Foreign Policy", "Amur"],
        [(211, "person"), (90, "person"), (170, "person"), (165, "usd"), (340_000_000, "usd"),
         (112_000_000, "usd"), (1_000_000_000, "usd"), (10_000, "person")],
    ),
    "001": (
        ["Choe Myong Bok", "Vsevolozhsky", "European Court of Human Rights", "Yalu", "Dandong",
         "Ryu En Nam", "Civic Assistance"],
        [(1350, "km"), (18, "km"), (211, "person"), (2, "person"), (10_000, "person")],
    ),
    "002": (
        ["Claudia Rosett", "Nashi", "Third Committee", "Panel of Experts", "KBS", "NK News",
         "Vladivostok", "St. Petersburg"],
        [(112, "vote"), (19, "vote"), (50, "vote"), (418, "person"), (96, "person")],
    ),
    "003": (
        ["Kim Chol-sam", "Fontanka", "Fontaka", "RIA Novosti", "Zerkalo Nedeli", "Yonhap",
         "Pulkovo", "Belavia", "Vladimir Kolotov", "Thae Yong-ho", "Office 39", "Mansudae",
         "Ri Ryong-nam", "Viktor Basargin", "Minsk", "Kyrgyzstan", "Anthony Rinna", "FSB"],
        [(180_000, "usd"), (10, "person"), (3, "ticket"), (3, "hour")],
    ),
    "004": (
        ["Anatoly Kurmanaev", "Thomas Groves", "Sakhalin", "Abkhazia", "Yuri Dyakov",
         "Li Ku Ul", "Malvina Galitsyna", "Wall Street Journal", "YaleGlobal",
         "Komsomolsk-on-Amur"],
        [(50, "person"), (200, "person"), (13_000, "person"), (1_000_000, "usd")],
    ),
}  # fmt: skip


@pytest.mark.parametrize("seed", sorted(BREADTH))
def test_breadth_per_seed(ds: Dataset, seed: str) -> None:
    names, numbers = BREADTH[seed]
    source = next(s for s in ds.sources if s.seed and s.seed.startswith(f"seeds/{seed}_"))
    from_seed = {c.record for c in ds.citations_table if c.source == source.id}
    for name in names:
        hits = [r.id for r in ds.search(name)]  # type: ignore[attr-defined]
        assert any(h in from_seed for h in hits), f"{name!r} from seed {seed} not found"
    values = {(s.value, str(s.unit)) for s in ds.statistics if s.id in from_seed}
    for number in numbers:
        assert number in values, f"{number} from seed {seed} missing"


def test_settlements_and_airports_have_coordinates(ds: Dataset) -> None:
    """Unnamed buildings (a dormitory, a cafe) may lack them: their location is not published."""
    settled = {"city", "town", "village", "airport", "port"}
    missing = [p.id for p in ds.places if str(p.kind) in settled and p.lat is None]
    assert not missing
