"""``nkru-data plot``: pictures of the real data in en, ru and ko, in a font that has every glyph.

Each picture is drawn once per language and format (a module fixture) and read back: the SVG as
XML (its text stays text), the PNG as an image. The glyph check reads the chosen face's
character map with fontTools, independently of matplotlib, for every string the SVGs draw.
"""

from __future__ import annotations

import csv
import shutil
import sys
import xml.etree.ElementTree as ET
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from nkru_data.cli import app
from nkru_data.dataset import Dataset, load
from nkru_data.errors import MissingExtra, NkruDataError, OutputExists
from nkru_data.pictures import plot_stats, plot_timeline
from nkru_data.pictures import stats as st
from nkru_data.pictures import timeline as tl
from nkru_data.pictures.fonts import Font, check_glyphs, choose_font, drawable
from nkru_data.views.frames import date_precision

from .conftest import ROOT

pytest.importorskip("matplotlib")
runner = CliRunner()
LANGS = ("en", "ru", "ko")
KINDS = {"timeline": plot_timeline, "stats": plot_stats}
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def drawn(
    tmp_path_factory: pytest.TempPathFactory, ds: Dataset
) -> dict[tuple[str, str, str], Path]:
    """Every picture, in every language, as SVG and PNG: (kind, lang, suffix) -> file."""
    folder = tmp_path_factory.mktemp("pictures")
    files = {}
    for kind, draw in KINDS.items():
        for lang in LANGS:
            for suffix in ("svg", "png"):
                files[kind, lang, suffix] = draw(ds, folder / f"{kind}-{lang}.{suffix}", lang=lang)
    return files


def svg_texts(path: Path) -> list[str]:
    """The strings an SVG draws as text, one per ``<text>`` element."""
    root = ET.parse(path).getroot()
    return ["".join(t.itertext()) for t in root.iter(f"{SVG}text")]


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("lang", LANGS)
def test_both_formats_are_written(drawn: dict, kind: str, lang: str) -> None:
    from PIL import Image

    svg, png = drawn[kind, lang, "svg"], drawn[kind, lang, "png"]
    assert ET.parse(svg).getroot().tag == f"{SVG}svg"
    with Image.open(png) as image:
        image.load()
        width, height = image.size
        assert image.format == "PNG"
    assert 600 < width < 5000 and 300 < height < 20000
    assert len(svg_texts(svg)) > 20


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_titles_stay_text_in_the_chosen_font(drawn: dict, ds: Dataset, lang: str) -> None:
    font = choose_font()
    timeline = drawn["timeline", lang, "svg"]
    texts = set(svg_texts(timeline))
    titles = {drawable(ds.label(e.id, lang) or "") for e in ds.events}
    assert titles <= texts
    labels = {drawable(ds.label(s.id, lang) or "") for s in ds.statistics}
    assert labels <= set(svg_texts(drawn["stats", lang, "svg"]))
    text = timeline.read_text(encoding="utf-8")
    assert f"font-family: '{font.family}'" in text
    assert "DejaVu" not in text
    letters = ("а", "я") if lang == "ru" else ("\uac00", "\ud7a3")  # Cyrillic, Hangul syllables
    assert sum(letters[0] <= c <= letters[1] for t in texts for c in t) > 500


def _face(font: Font):  # type: ignore[no-untyped-def]
    """The face matplotlib draws with, opened by fontTools (a .ttc holds several)."""
    from fontTools.ttLib import TTCollection, TTFont

    if font.path.lower().endswith((".ttc", ".otc")):
        return TTCollection(font.path, lazy=True).fonts[font.index]
    return TTFont(font.path, lazy=True)


@pytest.mark.parametrize("lang", ["ru", "ko"])
def test_every_character_drawn_has_a_glyph(drawn: dict, ds: Dataset, lang: str) -> None:
    font = choose_font()
    face = _face(font)
    assert face["name"].getDebugName(1) == font.family  # the very face matplotlib chose
    cmap = face.getBestCmap()
    strings = [t for kind in KINDS for t in svg_texts(drawn[kind, lang, "svg"])]
    strings += [drawable(ds.label(r.id, lang) or "") for r in (*ds.events, *ds.statistics)]
    missing = {c for s in strings for c in s if ord(c) not in cmap}
    assert missing == set()
    assert any("\uac00" <= c <= "\ud7a3" or "а" <= c <= "я" for s in strings for c in s)


def test_the_same_data_gives_the_same_bytes(tmp_path: Path, ds: Dataset) -> None:
    for suffix in ("svg", "png"):
        first = plot_timeline(ds, tmp_path / f"a.{suffix}", lang="ko", involving="place:russia")
        second = plot_timeline(ds, tmp_path / f"b.{suffix}", lang="ko", involving="place:russia")
        assert first.read_bytes() == second.read_bytes()
    a = plot_stats(ds, tmp_path / "a-stats.svg", lang="ru")
    b = plot_stats(ds, tmp_path / "b-stats.svg", lang="ru")
    assert a.read_bytes() == b.read_bytes()
    assert b"<dc:date>" not in a.read_bytes()


def test_undated_events_are_listed_apart_not_at_year_one(ds: Dataset) -> None:
    rows, undated = tl.rows(ds, "en")
    yearless = {e.id for e in ds.events if date_precision(e.date) == "unknown"}
    assert yearless and {r.id for r in undated} == yearless
    assert len(rows) + len(undated) == len(ds.events)
    assert all(d.year > 1000 for r in rows for d in (r.span.lower, r.span.upper) if d is not None)
    firsts = [r.span.lower or r.span.upper for r in rows]
    assert firsts == sorted(firsts)  # type: ignore[type-var]


@pytest.mark.parametrize(
    ("text", "shape", "start", "end", "marks"),
    [
        ("2011-08-26", "point", "known", "known", ""),
        ("2016-08-25~", "point", "known", "known", "~"),
        ("2014-02", "short", "known", "known", ""),
        ("2016", "short", "known", "known", ""),
        ("2016-07?", "range", "known", "known", "?"),
        ("199X", "range", "known", "known", ""),
        ("1999/2002", "range", "known", "known", ""),
        ("2002/..", "range", "known", "open", ""),
        ("../2016-07", "range", "open", "known", ""),
        ("2013/", "range", "known", "unknown", ""),
        ("XXXX/2016", "range", "unknown", "known", ""),
        ("2016-21", "short", "known", "known", ""),
    ],
)
def test_drawing_rules(
    ds: Dataset, text: str, shape: str, start: str, end: str, marks: str
) -> None:
    event = ds.events[0].model_copy(update={"date": text})
    row = tl.row(ds, event, "en")
    assert (row.span.shape, row.span.start, row.span.end) == (shape, start, end)
    assert ("~" if row.span.approximate else "") + ("?" if row.span.uncertain else "") == marks
    assert row.span.dated


def test_a_date_with_no_year_is_not_drawn(ds: Dataset) -> None:
    for text in ("XXXX", "XXXX-05", "XXXX/.."):
        assert not tl.row(ds, ds.events[0].model_copy(update={"date": text}), "ru").span.dated


def test_involving_keeps_that_records_events(ds: Dataset) -> None:
    rows, undated = tl.rows(ds, "ru", "person:kim-chol-sam")
    assert {r.id for r in rows + undated} == {
        e.id for e in ds.events_involving("person:kim-chol-sam")
    }
    assert tl.heading(ds, "ko", "person:kim-chol-sam").endswith("관련 사건")


def test_statistics_never_share_an_axis_across_units(ds: Dataset) -> None:
    chart = st.chart(ds, "en")
    units = {s.id: s.unit.value for s in ds.statistics}
    for facet in chart.facets:
        assert {units[b.id] for b in facet.bars} == {facet.unit}
        if facet.unit == "other":
            assert len(facet.bars) == 1
    numbered = {b.id for f in chart.facets for b in f.bars}
    wordless = {b.id for b in chart.wordless}
    assert numbered | wordless == set(units) and not numbered & wordless
    assert wordless == {s.id for s in ds.statistics if None is s.value is s.low is s.high}


def test_a_topic_and_its_reporters(ds: Dataset, tmp_path: Path) -> None:
    chart = st.chart(ds, "ko", "labour")
    ids = {b.id for f in chart.facets for b in f.bars} | {b.id for b in chart.wordless}
    assert ids == {s.id for s in ds.statistics if s.topic.value == "labour"}
    path = plot_stats(ds, tmp_path / "labour.svg", lang="ko", topic="labour")
    texts = set(svg_texts(path))
    for stat in ds.statistics:
        if stat.topic.value == "labour" and stat.reported_by:
            assert f"출처: {drawable(ds.label(stat.reported_by, 'ko') or '')}" in texts
    with pytest.raises(NkruDataError, match="no topic"):
        st.chart(ds, "en", "weather")


def _without_label(tmp_path: Path, ds: Dataset, lang: str) -> tuple[Path, str]:
    """A copy of the package in which one event has no title in ``lang``."""
    target = tmp_path / "datapackage"
    shutil.copytree(ROOT / "datapackage", target)
    event = next(e.id for e in ds.events if ds.label(e.id, lang, fallback=False))
    labels = target / "data" / "labels.csv"
    with labels.open(encoding="utf-8", newline="") as file:
        rows = list(csv.reader(file))
    kept = [r for r in rows if not (r[0] == event and r[1] == "title" and r[2] == lang)]
    assert len(kept) < len(rows)
    with labels.open("w", encoding="utf-8", newline="") as file:
        csv.writer(file, lineterminator="\n").writerows(kept)
    return target, event


def test_a_missing_label_is_marked_en(tmp_path: Path, ds: Dataset) -> None:
    package, event = _without_label(tmp_path, ds, "ru")
    copy = load(package)
    assert copy.label(event, "ru", fallback=False) is None
    english = drawable(copy.label(event, "en") or "")
    path = plot_timeline(copy, tmp_path / "ru.svg", lang="ru")
    assert f"[en] {english}" in svg_texts(path)
    result = runner.invoke(
        app,
        ["plot", "timeline", "-l", "ru", "-o", str(tmp_path / "cli.svg"), "--path", str(package)],
    )
    assert result.exit_code == 0, result.output
    assert f"[en] {english}" in svg_texts(tmp_path / "cli.svg")
    assert not any(
        t.startswith("[en]") for t in svg_texts(plot_timeline(ds, tmp_path / "x.svg", lang="ru"))
    )


def _one_line_error(result) -> str:  # type: ignore[no-untyped-def]
    assert result.exit_code == 2, result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in result.output
    return lines[0]


def test_cli_writes_both_pictures(tmp_path: Path) -> None:
    for args in (
        ["timeline", "--involving", "place:vladivostok", "-l", "ko"],
        ["stats", "-t", "trade"],
    ):
        target = tmp_path / f"{args[0]}.png"
        result = runner.invoke(app, ["plot", *args, "-o", str(target)])
        assert result.exit_code == 0, result.output
        assert target.read_bytes().startswith(b"\x89PNG")


def test_unknown_involving_id_is_one_line_with_a_hint(tmp_path: Path) -> None:
    target = tmp_path / "t.svg"
    result = runner.invoke(
        app, ["plot", "timeline", "--involving", "person:kim-chol-sm", "-o", str(target)]
    )
    line = _one_line_error(result)
    assert "unknown-id" in line and "did you mean person:kim-chol-sam" in line
    assert not target.exists()


@pytest.mark.parametrize("name", ["t.pdf", "t", "t.svg.txt"])
def test_a_bad_suffix_is_refused(tmp_path: Path, name: str) -> None:
    for kind in KINDS:
        line = _one_line_error(runner.invoke(app, ["plot", kind, "-o", str(tmp_path / name)]))
        assert "unknown-format" in line and ".svg or .png" in line
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "t.svg"
    target.write_text("mine", encoding="utf-8")
    for kind in KINDS:
        line = _one_line_error(runner.invoke(app, ["plot", kind, "-o", str(target)]))
        assert "output-exists" in line and "--force" in line
        assert target.read_text(encoding="utf-8") == "mine"
    result = runner.invoke(app, ["plot", "stats", "-o", str(target), "--force"])
    assert result.exit_code == 0, result.output
    assert target.read_text(encoding="utf-8").startswith("<?xml")
    assert [p.name for p in tmp_path.iterdir()] == ["t.svg"]  # no staging file left behind
    with pytest.raises(OutputExists):
        plot_timeline(load(), target)


def test_usage_errors_are_one_line(tmp_path: Path) -> None:
    out = ["-o", str(tmp_path / "x.svg")]
    for args in (
        ["stats", "--topic", "weather", *out],
        ["timeline", "-l", "fr", *out],
        ["timeline"],
    ):
        assert "usage" in _one_line_error(runner.invoke(app, ["plot", *args]))
    line = _one_line_error(
        runner.invoke(app, ["plot", "timeline", "-o", str(tmp_path / "no" / "x.svg")])
    )
    assert "no-such-folder" in line
    result = runner.invoke(app, ["plot"])
    assert result.exit_code == 0 and "timeline" in result.output


def test_without_matplotlib_the_extra_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    with pytest.raises(MissingExtra, match=r"\[plot\]"):
        plot_timeline(load(), tmp_path / "t.svg")
    line = _one_line_error(runner.invoke(app, ["plot", "stats", "-o", str(tmp_path / "s.png")]))
    assert "missing-extra" in line and "matplotlib" in line


def test_without_the_font_the_error_says_what_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    from nkru_data.pictures import fonts

    monkeypatch.setattr(fonts, "FAMILIES", ("No Such Family CJK",))
    fonts.choose_font.cache_clear()
    try:
        with pytest.raises(MissingExtra, match="fonts-noto-cjk"):
            fonts.choose_font()
    finally:
        monkeypatch.undo()
        fonts.choose_font.cache_clear()
    assert choose_font().family.startswith(("Noto Sans CJK", "Source Han Sans"))


def test_a_character_the_font_lacks_is_refused() -> None:
    with pytest.raises(NkruDataError, match=r"U\+1F600"):
        check_glyphs(choose_font(), ["Ким 김 \U0001f600"])
    check_glyphs(choose_font(), [drawable("2016\u202fг."), "line\nbreak"])


def test_rows_have_dates_in_the_language(ds: Dataset) -> None:
    rows, _ = tl.rows(ds, "ru", "person:kim-chol-sam")
    assert any("г." in r.when for r in rows)
    assert all(isinstance(r.span.lower, date) or r.span.start != "known" for r in rows)
