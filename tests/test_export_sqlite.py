"""The SQLite export on the real data: every row, keys enforced, search in Korean and Russian,
the events view by date, the same bytes twice; and a real Datasette serving it."""

from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import time
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from nkru_data.cli import app
from nkru_data.dataset import Dataset
from nkru_data.export import export
from nkru_data.export.sqlite import DATABASE, metadata
from nkru_data.model.layout import TABLE_BY_NAME, TABLES
from nkru_data.model.schema import table_schema

from .conftest import ROOT, tool_env

pytest.importorskip("sqlite_utils")

runner = CliRunner()
CSV = ROOT / "datapackage" / "data"
KOREAN = "임업"  # "forestry", in the Korean description of the 2014 trade agreement only
RUSSIAN = "лесозаготовки"  # "logging", in the Russian description of the labour programme only


@pytest.fixture(scope="module")
def exported(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return export(ds, "sqlite", tmp_path_factory.mktemp("sqlite") / "x.sqlite")


@pytest.fixture
def db(exported: Path) -> Iterator[sqlite3.Connection]:
    connection = sqlite3.connect(exported)
    try:
        yield connection
    finally:
        connection.close()


def csv_rows(table: str) -> list[dict[str, str]]:
    with (CSV / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f))


def test_every_csv_table_has_all_its_rows(db: sqlite3.Connection) -> None:
    for table in TABLES:
        rows = csv_rows(table.name)
        assert db.execute(f"SELECT count(*) FROM [{table.name}]").fetchone()[0] == len(rows)
        key = ", ".join(f"[{k}]" for k in table.primary_key)
        stored = {tuple("" if v is None else v for v in row)
                  for row in db.execute(f"SELECT {key} FROM [{table.name}]")}  # fmt: skip
        assert stored == {tuple(r[k] for k in table.primary_key) for r in rows}, table.name


def test_primary_and_foreign_keys_are_declared(db: sqlite3.Connection) -> None:
    for table in TABLES:
        info = db.execute(f"PRAGMA table_info([{table.name}])").fetchall()
        pk = tuple(name for _, name, *_, order in sorted(info, key=lambda c: c[5]) if order)
        assert pk == table.primary_key, table.name
        fks = {(r[3], r[2], r[4]) for r in db.execute(f"PRAGMA foreign_key_list([{table.name}])")}
        assert fks == set(table.foreign_keys), table.name
    assert db.execute("PRAGMA foreign_key_check").fetchall() == []


def test_foreign_keys_are_enforced(db: sqlite3.Connection) -> None:
    db.execute("PRAGMA foreign_keys=ON")
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            "INSERT INTO events (id, kind, title, date, place, description)"
            " VALUES ('event:x', 'other', 'X', '2000', 'place:nowhere', 'X')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="FOREIGN KEY"):
        db.execute(
            "INSERT INTO participants (event, entity, role)"
            " VALUES ('event:nothing', 'place:russia', 'subject')"
        )
    with pytest.raises(sqlite3.IntegrityError, match="UNIQUE"):
        db.execute(
            "INSERT INTO places (id, name, kind, description)"
            " VALUES ('place:russia', 'R', 'country', 'R')"
        )
    db.rollback()


def test_values_are_typed(db: sqlite3.Connection) -> None:
    row = db.execute(
        "SELECT date_start, typeof(date_start), title_ko_fallback, typeof(sources_count)"
        " FROM events WHERE id = 'event:2002-asger-christiansen-visits-vladivostok'"
    ).fetchone()
    assert row == ("2002-01-01", "text", 0, "integer")
    border = "SELECT country FROM places WHERE id = 'place:north-korea-russia-border'"
    assert json.loads(db.execute(border).fetchone()[0]) == ["KP", "RU"]
    assert db.execute(
        "SELECT DISTINCT typeof(lat) FROM places WHERE lat IS NOT NULL"
    ).fetchall() == [("real",)]
    assert set(db.execute("SELECT DISTINCT pseudonym FROM people")) == {(0,), (1,), (None,)}
    unknown = {r for (r,) in db.execute("SELECT id FROM people WHERE pseudonym IS NULL")}
    assert unknown == {r["id"] for r in csv_rows("people") if not r["pseudonym"]}


def _label_records(lang: str, word: str) -> set[str]:
    return {
        r["entity"]
        for r in csv_rows("labels")
        if r["lang"] == lang and word in re.findall(r"\w+", r["value"].lower())
    }


@pytest.mark.parametrize(
    ("lang", "word", "table", "expected"),
    [
        ("ko", KOREAN, "agreements", "agreement:2014-trade-agreement"),
        ("ru", RUSSIAN, "agreements", "agreement:north-korean-labor-program-russia"),
    ],
)
def test_full_text_search_finds_korean_and_russian(
    db: sqlite3.Connection, lang: str, word: str, table: str, expected: str
) -> None:
    assert _label_records(lang, word) == {expected}  # the word is where the test says it is
    found = db.execute(
        "SELECT t.record, t.lang FROM texts_fts JOIN texts AS t"
        " ON t.rowid = texts_fts.rowid WHERE texts_fts MATCH ?",
        [word],
    ).fetchall()
    assert found == [(expected, lang)]
    own = db.execute(
        f"SELECT id FROM [{table}] WHERE rowid IN"
        f" (SELECT rowid FROM [{table}_fts] WHERE [{table}_fts] MATCH ?)",
        [word.upper()],
    ).fetchall()
    assert own == [(expected,)]


def test_every_record_table_and_every_text_is_searchable(db: sqlite3.Connection) -> None:
    names = {r[0] for r in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {f"{t.name}_fts" for t in TABLES if t.kind} | {"texts_fts"} <= names
    quoted = db.execute(
        "SELECT DISTINCT t.record FROM texts_fts JOIN texts AS t ON t.rowid = texts_fts.rowid"
        " WHERE texts_fts MATCH 'Pulkovo' AND t.field = 'quote'"
    ).fetchall()
    assert {("place:pulkovo-airport",), ("event:2016-kim-chol-sam-pulkovo-belavia-flight",)} <= set(
        quoted
    )
    alias = db.execute(
        "SELECT t.record FROM texts_fts JOIN texts AS t ON t.rowid = texts_fts.rowid"
        " WHERE texts_fts MATCH '\"U.N. Convention on Refugees\"' AND t.field = 'alias'"
    ).fetchall()
    assert alias == [("agreement:1951-refugee-convention",)]


def test_views(db: sqlite3.Connection, ds: Dataset) -> None:
    starts = [r[0] for r in db.execute("SELECT date_start FROM events_view")]
    assert len(starts) == len(ds.events)
    known = [s for s in starts if s is not None]
    assert known == sorted(known) and starts[: len(known)] == known  # unknown dates last
    row = db.execute(
        "SELECT place_name, place_name_ru, place_name_ko FROM events_view"
        " WHERE place = 'place:vladivostok' LIMIT 1"
    ).fetchone()
    assert row[0] == "Vladivostok" and row[1] == ds.label("place:vladivostok", "ru")
    assert row[2] == ds.label("place:vladivostok", "ko")
    for lang in ("en", "ru", "ko"):
        count = db.execute(f"SELECT count(*) FROM labels_{lang}").fetchone()[0]
        assert count == sum(r["lang"] == lang for r in csv_rows("labels")) > 0
    assert [d[0] for d in db.execute("SELECT * FROM labels_ko LIMIT 1").description] == [
        "entity",
        "field",
        "value",
        "origin",
        "reviewed",
    ]


def test_same_data_same_bytes(ds: Dataset, exported: Path, tmp_path: Path) -> None:
    again = export(ds, "sqlite", tmp_path / "y.sqlite")
    assert again.read_bytes() == exported.read_bytes()


def test_cli_export_needs_force_to_overwrite(tmp_path: Path) -> None:
    target = tmp_path / "cli.sqlite"
    first = runner.invoke(app, ["export", "sqlite", "-o", str(target)])
    assert first.exit_code == 0, first.output
    assert sqlite3.connect(target).execute("SELECT count(*) FROM events").fetchone()[0] > 100
    before = target.read_bytes()
    again = runner.invoke(app, ["export", "sqlite", "-o", str(target)])
    assert again.exit_code == 2 and "output-exists" in again.output
    assert "--force" in again.output and target.read_bytes() == before
    forced = runner.invoke(app, ["export", "sqlite", "-o", str(target), "--force"])
    assert forced.exit_code == 0, forced.output
    assert [p.name for p in tmp_path.iterdir()] == ["cli.sqlite"]  # nothing staged is left


def test_cli_export_writes_datasette_metadata_on_request(tmp_path: Path) -> None:
    target, meta = tmp_path / "nkru.sqlite", tmp_path / "nkru.metadata.json"
    done = runner.invoke(app, ["export", "sqlite", "-o", str(target), "--metadata", str(meta)])
    assert done.exit_code == 0, done.output
    written = json.loads(meta.read_text(encoding="utf-8"))
    assert list(written["databases"]) == ["nkru"]  # Datasette names a database after its file
    assert written["databases"]["nkru"]["tables"]["events"]["label_column"] == "title"
    again = runner.invoke(app, ["export", "sqlite", "-o", str(tmp_path / "b.sqlite"),
                                "--metadata", str(meta)])  # fmt: skip
    assert again.exit_code == 2 and "--force" in again.output
    assert not (tmp_path / "b.sqlite").exists()
    other = runner.invoke(app, ["export", "jsonl", "-o", str(tmp_path / "x.jsonl"),
                                "--metadata", str(tmp_path / "m.json")])  # fmt: skip
    assert other.exit_code == 2 and not (tmp_path / "x.jsonl").exists()


def test_metadata_describes_what_the_database_holds(ds: Dataset, db: sqlite3.Connection) -> None:
    meta = metadata(ds)
    assert meta["license"] == "CC-BY-4.0" and meta["license_url"].startswith("https://")
    tables = meta["databases"][DATABASE]["tables"]
    for name, entry in tables.items():
        columns = [r[1] for r in db.execute(f"PRAGMA table_info([{name}])")]
        assert columns, name
        assert set(entry.get("columns", {})) <= set(columns), name
        assert set(entry.get("facets", [])) <= set(columns), name
        if "label_column" in entry:
            assert entry["label_column"] in columns
        if "fts_table" in entry:
            assert db.execute(f"SELECT count(*) FROM [{entry['fts_table']}]").fetchone()[0] > 0
    events = tables["events"]
    assert events["label_column"] == "title" and "date_precision" in events["facets"]
    schema = {
        f["name"]: f.get("description") for f in table_schema(TABLE_BY_NAME["events"])["fields"]
    }
    derived = [c for c in events["columns"] if c not in schema]
    assert derived and all(events["columns"][c] for c in derived)  # every derived one described
    assert all(events["columns"].get(c) == d for c, d in schema.items() if d)
    assert "precision" in events["columns"]["date_precision"]


def test_serve_without_datasette_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util,
        "find_spec",
        lambda name, *a: None if name == "datasette" else real(name, *a),
    )
    result = runner.invoke(app, ["serve", "--port", "1"])
    assert result.exit_code == 2
    assert "'serve' extra" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


# -- a real Datasette -------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def get(base: str, path: str, **query: str) -> Any:
    url = f"{base}{urllib.parse.quote(path)}?{urllib.parse.urlencode(query)}"
    with urllib.request.urlopen(url, timeout=10) as response:
        return json.load(response)


def wait_until_up(base: str, process: subprocess.Popen[str], seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"nkru-data serve exited early: {process.communicate()[1][-2000:]}")
        try:
            with urllib.request.urlopen(f"{base}/-/versions.json", timeout=2):
                return
        except OSError:
            time.sleep(0.3)
    pytest.fail(f"Datasette did not answer within {seconds} s")


def test_datasette_serves_facets_search_and_labels(ds: Dataset, tmp_path: Path) -> None:
    pytest.importorskip("datasette")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = tool_env() | {"TMPDIR": str(temp)}
    process = subprocess.Popen(
        ["nkru-data", "serve", "--port", str(port)],
        env=env,
        text=True,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        wait_until_up(base, process)
        db = f"/{DATABASE}"
        faceted = get(base, f"{db}/events.json", _facet="kind", _size="0")
        counts = {f["value"]: f["count"] for f in faceted["facet_results"]["kind"]["results"]}
        assert counts["travel"] == sum(e.kind.value == "travel" for e in ds.events) > 0
        assert "date_precision" in faceted["facet_results"]  # from the metadata
        found = get(base, f"{db}/agreements.json", _search=KOREAN, _shape="objects")
        assert [r["id"] for r in found["rows"]] == ["agreement:2014-trade-agreement"]
        found = get(base, f"{db}/texts.json", _search=RUSSIAN, _shape="objects")
        assert [r["record"] for r in found["rows"]] == [
            "agreement:north-korean-labor-program-russia"
        ]
        labelled = get(
            base, f"{db}/events.json", _labels="on", _shape="objects", place="place:vladivostok"
        )
        assert labelled["rows"] and all(
            r["place"] == {"value": "place:vladivostok", "label": "Vladivostok"}
            for r in labelled["rows"]
        )
        event = ds.participants[0].event
        linked = get(base, f"{db}/participants.json", _labels="on", _shape="objects", event=event)
        title = getattr(ds.get(event), "title")  # noqa: B009
        assert linked["rows"] and linked["rows"][0]["event"] == {"value": event, "label": title}
    finally:
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
        try:
            process.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.communicate()
    assert process.returncode == 0
    assert os.listdir(temp) == []  # the exported database and metadata are gone
    with pytest.raises(OSError):
        urllib.request.urlopen(base, timeout=2)  # and so is the server
