"""Search, suggestions, relations and reverse links in cards, on the real bundled data.

Expected values are computed here from the CSV files (the csv module, not the library), so each
test checks what the library answers against what the data says.
"""

from __future__ import annotations

import csv
from collections import defaultdict

import pytest
from typer.testing import CliRunner

import nkru_data
from nkru_data.cli import app
from nkru_data.dataset import Dataset
from nkru_data.errors import UnknownLanguage, UnknownRecord
from nkru_data.lang.dates import format_edtf, parse
from nkru_data.lang.terms import term
from nkru_data.model import records as m
from nkru_data.model.layout import TABLES
from nkru_data.views.frames import date_precision

from .conftest import ROOT

DATA = ROOT / "datapackage" / "data"


def rows(table: str) -> list[dict[str, str]]:
    with (DATA / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def own_texts() -> dict[str, dict[str, list[str]]]:
    """Record id → {"name": names, titles and name/title/alias labels, "text": description
    and description labels, "quote": its citations' quotes}."""
    texts: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    for table in TABLES:
        if table.kind:
            for row in rows(table.name):
                if table.name_field:
                    texts[row["id"]]["name"].append(row[table.name_field])
                texts[row["id"]]["text"].append(row.get("description", ""))
    for label in rows("labels"):
        kind = "text" if label["field"] == "description" else "name"
        texts[label["entity"]][kind].append(label["value"])
    for citation in rows("citations"):
        texts[citation["record"]]["quote"].append(citation["quote"])
    return texts


def mentions(texts: dict[str, list[str]], needle: str, *kinds: str) -> bool:
    return any(needle.lower() in t.lower() for k in kinds for t in texts.get(k, ()))


def below(place: str) -> set[str]:
    """Places under ``place`` by the parent column, recursively."""
    children = defaultdict(set)
    for row in rows("places"):
        children[row["parent"]].add(row["id"])
    found, frontier = set(), {place}
    while frontier:
        frontier = {c for p in frontier for c in children[p]} - found
        found |= frontier
    return found


# -- search -----------------------------------------------------------------------------------


def test_search_recalls_every_record_that_mentions_a_place(ds: Dataset) -> None:
    texts = own_texts()
    checked = 0
    for place in ds.places:
        expected = {
            rid for rid, own in texts.items() if mentions(own, place.name, "name", "text", "quote")
        }
        found = {r.id for r in ds.search(place.name)}
        assert place.id in expected and expected <= found, (place.id, expected - found)
        checked += len(expected)
    assert checked > 3 * len(ds.places)  # most places are named by other records too


def test_search_in_russian_finds_inflected_forms(ds: Dataset) -> None:
    hits = [r.id for r in ds.search("Владивосток")]
    assert hits[0] == "place:vladivostok"
    # a Russian description saying "во Владивостоке" is found by the stem, as a reader expects
    inflected = {
        row["entity"]
        for row in rows("labels")
        if row["lang"] == "ru" and "Владивостоке" in row["value"]
    }
    assert inflected and inflected <= set(hits)


def test_search_in_korean(ds: Dataset) -> None:
    hits = [r.id for r in ds.search("간누시키나")]
    assert hits[0] == "person:svetlana-gannushkina"
    expected = {
        row["entity"]
        for row in rows("labels")
        if row["lang"] == "ko" and "간누시키나" in row["value"]
    }
    assert len(expected) > 1 and expected <= set(hits)


def test_name_hits_rank_before_descriptions_before_quotes(ds: Dataset) -> None:
    texts = own_texts()
    query = "Vladivostok"
    order = [r.id for r in ds.search(query)]
    names = {i for i in order if mentions(texts[i], query, "name")}
    described = {i for i in order if mentions(texts[i], query, "text")} - names
    quoted = {i for i in order if mentions(texts[i], query, "quote")} - names - described
    assert names and described and quoted
    position = {rid: n for n, rid in enumerate(order)}
    assert max(position[i] for i in names) < min(position[i] for i in described)
    assert max(position[i] for i in described) < min(position[i] for i in quoted)
    assert order[0] == "place:vladivostok"  # the exact name first


def test_records_at_places_below_a_matching_place_rank_after_text_hits(ds: Dataset) -> None:
    under = below("place:russia")
    located = {r["id"] for t in ("events", "statistics") for r in rows(t) if r["place"] in under}
    order = [r.id for r in ds.search("Russia")]
    assert located | under <= set(order)
    texts = own_texts()
    silent = {i for i in located if not mentions(texts[i], "russia", "name", "text", "quote")}
    assert silent  # found only because they happen below Russia
    position = {rid: n for n, rid in enumerate(order)}
    named = [position[i] for i in order if mentions(texts[i], "russia", "name")]
    assert max(named) < min(position[i] for i in silent)


def test_a_quote_finds_the_record_it_is_cited_for(ds: Dataset) -> None:
    citation = next(c for c in rows("citations") if c["record"].startswith("event:"))
    assert citation["record"] in [r.id for r in ds.search(citation["quote"])]


def test_typos_fall_back_to_the_closest_names(ds: Dataset) -> None:
    texts = own_texts()
    for typo, expected in (
        ("Vladivostk", "place:vladivostok"),
        ("Ганушкина", "person:svetlana-gannushkina"),
    ):
        assert not any(mentions(t, typo, "name", "text", "quote") for t in texts.values())
        assert ds.search(typo)[0].id == expected
    assert ds.search("Qzxwvjkq") == []  # nothing close: nothing, not the least bad
    assert len(ds.search("Vladivostk", limit=2)) == 2


def test_limit_and_empty_query(ds: Dataset) -> None:
    everything = ds.search("Russia")
    assert ds.search("Russia", limit=5) == everything[:5]
    assert ds.search("   ") == []


# -- unknown ids ------------------------------------------------------------------------------


def test_unknown_id_suggests_the_nearest(ds: Dataset) -> None:
    with pytest.raises(UnknownRecord) as caught:
        ds.get("person:svetlana-ganushkina")
    message = str(caught.value)
    assert message.startswith("no record with id 'person:svetlana-ganushkina'")
    assert "did you mean person:svetlana-gannushkina" in message
    assert "\n" not in message
    with pytest.raises(UnknownRecord, match="did you mean person:kim-chol-sam"):
        ds.label("kim-chol-sam")  # no kind: every id is a candidate
    with pytest.raises(UnknownRecord) as caught:
        ds.get("person:nobody")
    assert "did you mean" not in str(caught.value)  # nothing close is suggested


def test_cli_show_unknown_id_suggests_and_exits_2() -> None:
    result = CliRunner().invoke(app, ["show", "place:vladivostock"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert len(lines) == 1 and "did you mean place:vladivostok" in lines[0]


# -- relations --------------------------------------------------------------------------------


def test_events_involving_a_place_roll_up_the_places_below(ds: Dataset) -> None:
    under = below("place:russia")
    at = {r["id"] for r in rows("events") if r["place"] in under | {"place:russia"}}
    at |= {p["event"] for p in rows("participants") if p["entity"] in under | {"place:russia"}}
    events = ds.events_involving("place:russia")
    assert {e.id for e in events} == at
    only_here = {e.id for e in ds.events_involving("place:russia", within=False)}
    assert only_here < at
    assert "event:2016-kim-chol-sam-pulkovo-belavia-flight" in at - only_here  # two levels down
    # time order; dates with no bound in time (XXXX) last
    keys = [(date_precision(e.date) == "unknown", parse(e.date).sort_key(), e.id) for e in events]
    assert keys == sorted(keys)
    assert date_precision(events[-1].date) == "unknown" != date_precision(events[0].date)


def test_claims_about_are_grouped_by_property(ds: Dataset) -> None:
    about = [c for c in rows("claims") if c["subject"] == "person:kim-chol-sam"]
    grouped = ds.claims_about("person:kim-chol-sam")
    assert list(grouped) == sorted({c["property"] for c in about})
    assert sorted(c.id for group in grouped.values() for c in group) == sorted(
        c["id"] for c in about
    )
    for prop, claims in grouped.items():
        assert all(c.property == prop and c.subject == "person:kim-chol-sam" for c in claims)
    # disagreeing versions sit side by side, each with who said it and how it stands
    rank = grouped["rank"]
    assert len({c.claimed_by for c in rank}) > 1
    assert all(c.status is not None for c in rank)


def test_claims_by(ds: Dataset) -> None:
    expected = [c["id"] for c in rows("claims") if c["claimed_by"] == "person:alec-luhn"]
    assert len(expected) > 1
    assert [c.id for c in ds.claims_by("person:alec-luhn")] == expected
    assert ds.claims_by("place:pulkovo-airport") == []


def test_records_from_a_source(ds: Dataset) -> None:
    source = "src:pyongyang-on-the-neva"
    expected = sorted({c["record"] for c in rows("citations") if c["source"] == source})
    assert len(expected) > 10
    assert [r.id for r in ds.records_from(source)] == expected
    with pytest.raises(UnknownRecord, match="not a source"):
        ds.records_from("person:kim-chol-sam")


def test_timeline_in_a_language(ds: Dataset) -> None:
    events = ds.events_involving("person:kim-chol-sam")
    rows_ko = ds.timeline("person:kim-chol-sam", "ko")
    assert [r[1] for r in rows_ko] == [e.id for e in events]
    for (date, id_, title), event in zip(rows_ko, events):
        assert date == format_edtf(event.date, "ko")
        assert title == ds.label(id_, "ko")
    english = ds.timeline("person:kim-chol-sam")
    assert [r[2] for r in english] == [e.title for e in events]
    assert any(ko[0] != en[0] and ko[2] != en[2] for ko, en in zip(rows_ko, english))
    with pytest.raises(UnknownLanguage) as from_timeline:
        ds.timeline("person:kim-chol-sam", "fr")
    with pytest.raises(UnknownLanguage) as from_describe:
        ds.describe("person:kim-chol-sam", "fr")
    assert type(from_timeline.value) is type(from_describe.value)


def test_timeline_of_an_organisation_with_its_people(ds: Dataset) -> None:
    org = "org:civic-assistance"
    people = {a["person"] for a in rows("affiliations") if a["organization"] == org}
    own = {r[1] for r in ds.timeline(org)}
    theirs = {e.id for p in people for e in ds.events_involving(p)}
    with_people = ds.timeline(org, include_affiliates=True)
    assert theirs - own  # the people add events the organisation is not part of
    assert {r[1] for r in with_people} == own | theirs
    keys = [(parse(ds.get(r[1]).date).sort_key(), r[1]) for r in with_people]  # type: ignore[attr-defined]
    assert keys == sorted(keys)
    # the direction is organisation -> people only: a person's timeline stays their own
    person = "person:svetlana-gannushkina"
    assert ds.timeline(person, include_affiliates=True) == ds.timeline(person)


def test_timeline_keeps_affiliates_events_within_the_affiliation() -> None:
    def make(model: type[m.Record], **fields: str) -> m.Record:
        return model.model_validate(fields)

    small = Dataset(
        records={
            "organizations": (
                make(m.Organization, id="org:o", name="O", kind="ngo", description="D."),
            ),
            "people": (make(m.Person, id="person:p", name="P", description="D."),),
            "events": tuple(
                make(
                    m.Event,
                    id=f"event:{year}",
                    kind="other",
                    title=year,
                    date=year,
                    description="D.",
                )
                for year in ("2005", "2011", "2020")
            ),
            "participants": tuple(
                make(m.Participant, event=f"event:{year}", entity="person:p", role="subject")
                for year in ("2005", "2011", "2020")
            ),
            "affiliations": (
                make(
                    m.Affiliation,
                    id="aff:p-o",
                    person="person:p",
                    organization="org:o",
                    role="member",
                    start="2010",
                    end="2012",
                ),
            ),
        }
    )
    assert [r[1] for r in small.timeline("org:o", include_affiliates=True)] == ["event:2011"]
    assert small.timeline("org:o") == []


@pytest.mark.parametrize(
    "call",
    [
        lambda ds: ds.events_involving("place:atlantis"),
        lambda ds: ds.claims_about("person:nobody"),
        lambda ds: ds.claims_by("person:nobody"),
        lambda ds: ds.records_from("src:nothing"),
        lambda ds: ds.timeline("org:nothing"),
    ],
)
def test_relations_of_an_unknown_id_raise(ds: Dataset, call) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(UnknownRecord, match="no record with id"):
        call(ds)


# -- cards ------------------------------------------------------------------------------------


def section(card: str, caption: str) -> list[str]:
    """The ``    - `` lines under ``  caption:`` in a card."""
    lines = card.splitlines()
    start = lines.index(f"  {caption}:") + 1
    out = []
    for line in lines[start:]:
        if not line.startswith("    - "):
            break
        out.append(line[6:])
    return out


def test_card_lists_events_in_date_order_with_dates(ds: Dataset) -> None:
    card = ds.describe("person:kim-chol-sam", "ru")
    shown = section(card, term("events", "ru"))
    events = ds.events_involving("person:kim-chol-sam")
    assert len(shown) == len(events) > 3
    for line, event in zip(shown, events):
        assert line.startswith(f"{format_edtf(event.date, 'ru')}: {ds.label(event.id, 'ru')}")


def test_place_card_rolls_up_events_below_it(ds: Dataset) -> None:
    card = ds.describe("place:russia")
    shown = section(card, "events")
    assert len(shown) == len(ds.events_involving("place:russia"))
    flight = ds.get("event:2016-kim-chol-sam-pulkovo-belavia-flight")
    assert any(line.startswith(f"{format_edtf(flight.date)}: {flight.title}") for line in shown)  # type: ignore[attr-defined]
    parties = [a for a in rows("agreement_parties") if a["party"] == "place:russia"]
    assert len(section(card, "agreements")) == len(parties) > 1


def test_card_lists_affiliations_both_ways(ds: Dataset) -> None:
    person = ds.describe("person:svetlana-gannushkina", "ru")
    role = term("head", "ru", "affiliation-role")
    assert section(person, term("affiliations", "ru")) == [
        f"{ds.label('org:civic-assistance', 'ru')}: {role}"
    ]
    org = ds.describe("org:civic-assistance", "ko")
    people = [a for a in rows("affiliations") if a["organization"] == "org:civic-assistance"]
    shown = section(org, term("affiliated people", "ko"))
    assert sorted(shown) == sorted(
        f"{ds.label(a['person'], 'ko')}: {term(a['role'], 'ko', 'affiliation-role')}"
        for a in people
    )


def test_card_lists_claims_made_and_statistics_reported(ds: Dataset) -> None:
    card = ds.describe("org:civic-assistance", "en")
    made = section(card, "claims made")
    expected = [c for c in rows("claims") if c["claimed_by"] == "org:civic-assistance"]
    assert len(made) == len(expected) > 1
    for line, claim in zip(made, expected):
        assert claim["description"] in line
    stats = section(card, "statistics reported")
    reported = [s for s in rows("statistics") if s["reported_by"] == "org:civic-assistance"]
    assert [line.split(": ")[0] for line in stats] == [s["label"] for s in reported]
    about = section(card, "claims") if "  claims:" in card.splitlines() else []
    assert len(about) == sum(c["subject"] == "org:civic-assistance" for c in rows("claims"))


def test_card_marks_english_fallbacks_in_reverse_links() -> None:
    english_only = nkru_data.load(langs=("en",))  # no Russian label at all: all falls back
    card = english_only.describe("org:civic-assistance", "ru")
    for caption in ("events", "affiliated people", "claims made", "statistics reported"):
        shown = section(card, term(caption, "ru"))
        assert shown and all("[en]" in line for line in shown), caption
