"""Canonical CSV form: reading is strict and line-exact, formatting is idempotent."""

from __future__ import annotations

import csv
import io
import unicodedata
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from nkru_data.model.layout import TABLE_BY_NAME
from nkru_data.store.csvfile import parse_csv
from nkru_data.store.tables import render

CLAIMS = TABLE_BY_NAME["claims"]
cells = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r"),
    max_size=30,
)
rows = st.lists(st.lists(cells, min_size=len(CLAIMS.fields), max_size=len(CLAIMS.fields)),
                max_size=12)  # fmt: skip


def write_any(header: tuple[str, ...], data: list[list[str]], quoting: int, end: str) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, quoting=quoting, lineterminator=end)
    writer.writerow(header)
    writer.writerows(data)
    return out.getvalue()


@settings(max_examples=120, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(rows, st.sampled_from([csv.QUOTE_ALL, csv.QUOTE_MINIMAL, csv.QUOTE_NONNUMERIC]),
       st.sampled_from(["\n", "\r\n"]), st.randoms())  # fmt: skip
def test_render_is_canonical_and_idempotent(data, quoting, end, rnd) -> None:  # type: ignore[no-untyped-def]
    header = list(CLAIMS.fields)
    order = header[:]
    rnd.shuffle(order)  # any column order
    shuffled = [[row[header.index(c)] for c in order] for row in data]
    text = write_any(tuple(order), shuffled, quoting, end)
    raw = parse_csv(Path("claims.csv"), text)
    once = render(CLAIMS, raw.header, raw.rows)
    again = parse_csv(Path("claims.csv"), once)
    assert render(CLAIMS, again.header, again.rows) == once  # idempotent
    assert once.endswith("\n")
    assert again.header == CLAIMS.fields
    assert [r[0] for r in again.rows] == sorted(r[0] for r in again.rows)  # rows by id
    expected = [[unicodedata.normalize("NFC", c) for c in row] for row in data]
    assert sorted(list(r) for r in again.rows) == sorted(expected)  # no value lost or changed


def test_line_numbers_follow_multiline_cells() -> None:
    text = 'id,note\na,"two\nlines"\nb,one\n'
    raw = parse_csv(Path("t.csv"), text)
    assert raw.lines == [2, 4]
