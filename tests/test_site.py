"""The static site (``nkru-data site``), built once from the real data.

Every page must parse as strict HTML5, name its language and its two translations, link only
to pages that exist inside the site, show labels from ``labels.csv`` (never hard-coded ones),
carry the pseudonym notice where the data says so, and come out byte-identical on a second
build; bad output folders and broken packages must stop the build with one line and exit 2.
"""

from __future__ import annotations

import csv
import html
import http.server
import json
import re
import shutil
import threading
import urllib.request
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from typer.testing import CliRunner

from nkru_data.cli import app
from nkru_data.site import MARKER
from nkru_data.site.words import LANGS, WORDS, word

from .conftest import ROOT, bundled_labels

html5lib = pytest.importorskip("html5lib")
pytest.importorskip("jinja2")

runner = CliRunner()
DATA = ROOT / "datapackage"


def _pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


class _Links(HTMLParser):
    """Every href and src of a page, and its <html lang> and hreflang alternates."""

    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.lang: str | None = None
        self.hreflang: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "html":
            self.lang = a.get("lang")
        if tag == "link" and a.get("rel") == "alternate" and a.get("hreflang"):
            self.hreflang[str(a["hreflang"])] = str(a.get("href"))
        for name in ("href", "src"):
            if a.get(name) is not None:
                self.links.append(str(a[name]))


def _parse(page: Path) -> _Links:
    parser = _Links()
    parser.feed(page.read_text(encoding="utf-8"))
    return parser


def test_every_page_is_strict_html5_with_lang_and_alternates(site: Path) -> None:
    pages = _pages(site)
    assert len(pages) > 100
    strict = html5lib.HTMLParser(strict=True)
    for page in pages:
        with page.open("rb") as f:
            strict.parse(f)  # raises on any parse error
        links = _parse(page)
        assert links.lang in LANGS, page
        assert set(links.hreflang) == set(LANGS), page


def test_a_crawl_from_the_english_home_finds_every_link_alive_and_none_external(
    site: Path,
) -> None:
    start = (site / "en" / "index.html").resolve()
    seen, todo = {start}, [start]
    while todo:
        page = todo.pop()
        for href in _parse(page).links:
            assert not re.match(r"^(https?:)?//", href), (page, href)
            assert ":" not in urlsplit(href).scheme + ("" if href[:1] != "/" else ":"), href
            target = Path(urljoin(page.as_uri(), urlsplit(href).path).removeprefix("file://"))
            assert target.is_file(), f"{page.relative_to(site)}: dead link {href}"
            target = target.resolve()
            assert site.resolve() in target.parents
            if target.suffix == ".html" and target not in seen:
                seen.add(target)
                todo.append(target)
    for lang in LANGS:  # the crawl reaches every language's tree
        assert (site / lang / "timeline.html").resolve() in seen
    assert len(seen) >= len(_pages(site)) - 1  # all but, at most, the root chooser


def _h1(page: Path) -> str:
    found = re.search(r"<h1>(.*?)</h1>", page.read_text(encoding="utf-8"), re.S)
    assert found, page
    return re.sub(r"<[^>]+>", "", found.group(1))


def _unescape(text: str) -> str:
    return html.unescape(text)


def test_a_korean_person_page_and_a_russian_event_page_show_their_labels(site: Path) -> None:
    person, name = next(bundled_labels("person", "name", "ko"))
    assert name in _unescape(_h1(site / "ko" / "people" / f"{person.split(':')[1]}.html"))
    event, title = next(bundled_labels("event", "title", "ru"))
    assert title in _unescape(_h1(site / "ru" / "events" / f"{event.split(':')[1]}.html"))


def test_english_stands_in_visibly_where_a_label_is_missing(site: Path) -> None:
    from nkru_data import load
    from nkru_data.site import pages

    # the data has every name in Russian and Korean; without its labels, English stands in
    english_only = load(langs=("en",))
    assert pages.title(english_only, "person:kim-chol-sam", "ko").en
    assert not pages.title(load(), "person:kim-chol-sam", "ko").en
    # free text the data holds in English only (an occupation) is marked on the page
    with (DATA / "data" / "people.csv").open(encoding="utf-8", newline="") as f:
        person = next(p for p in csv.DictReader(f) if p["occupation"])
    text = (site / "ko" / "people" / f"{person['id'].split(':')[1]}.html").read_text("utf-8")
    shown = f'<span lang="en">{html.escape(person["occupation"])}</span>'
    assert f'{shown} <span class="fallback">[en]</span>' in text


def test_every_pseudonymous_person_carries_the_notice(site: Path) -> None:
    with (DATA / "data" / "people.csv").open(encoding="utf-8", newline="") as f:
        people = list(csv.DictReader(f))
    pseudonymous = [p["id"] for p in people if p["pseudonym"] == "true"]
    named = [p["id"] for p in people if p["pseudonym"] != "true"]
    assert pseudonymous
    for id_ in pseudonymous:
        for lang in LANGS:
            text = (site / lang / "people" / f"{id_.split(':')[1]}.html").read_text("utf-8")
            assert html.escape(word("pseudonym notice", lang)) in text, (id_, lang)
    text = (site / "en" / "people" / f"{named[0].split(':')[1]}.html").read_text("utf-8")
    assert html.escape(word("pseudonym notice", "en")) not in text


def test_every_chrome_word_is_translated() -> None:
    for key, (en, ru, ko) in WORDS.items():
        assert en and ru and ko, key
        if key.startswith("origin:cldr"):
            continue
        assert ru != en or not en.isascii(), key
        assert re.search(r"[가-힣]", ko), key


def test_the_dataset_page_embeds_the_schema_org_dataset(site: Path) -> None:
    for lang in LANGS:
        text = (site / lang / "dataset.html").read_text(encoding="utf-8")
        found = re.search(r'<script type="application/ld\+json">(.*?)</script>', text, re.S)
        assert found
        node = json.loads(found.group(1))
        assert node["@type"] == "Dataset"
        assert "@misc{nkru-data-" in text  # the BibTeX of nkru-data cite


def test_the_site_serves_over_http(site: Path) -> None:
    handler = partial(http.server.SimpleHTTPRequestHandler, directory=str(site))
    handler.log_message = lambda *args: None  # type: ignore[attr-defined]
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/ru/index.html", timeout=10) as r:
            assert r.status == 200
            body = r.read().decode("utf-8")
        assert '<html lang="ru">' in body
        assert word("timeline", "ru") in body
    finally:
        server.shutdown()
        server.server_close()


def test_building_twice_gives_the_same_bytes(site: Path, tmp_path: Path) -> None:
    again = tmp_path / "again"
    assert runner.invoke(app, ["site", str(again)]).exit_code == 0
    first = {p.relative_to(site): p.read_bytes() for p in site.rglob("*") if p.is_file()}
    second = {p.relative_to(again): p.read_bytes() for p in again.rglob("*") if p.is_file()}
    assert first.keys() == second.keys()
    assert [k for k in first if first[k] != second[k]] == []


def test_base_url_makes_links_absolute_under_it(tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = runner.invoke(app, ["site", str(out), "--no-downloads",
                                 "--base-url", "https://example.org/nk/"])  # fmt: skip
    assert result.exit_code == 0, result.output
    for href in _parse(out / "ko" / "index.html").links:
        assert href.startswith("https://example.org/nk/"), href


def test_an_existing_output_needs_force_and_our_marker(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "precious.txt").write_text("keep me", encoding="utf-8")
    result = runner.invoke(app, ["site", str(out), "--no-downloads"])
    assert result.exit_code == 2
    assert len(result.output.strip().splitlines()) == 1
    assert "--force" in result.output
    result = runner.invoke(app, ["site", str(out), "--force", "--no-downloads"])
    assert result.exit_code == 2
    assert (out / "precious.txt").read_text(encoding="utf-8") == "keep me"
    (out / "precious.txt").unlink()
    quick = ["site", str(out), "--force", "--no-downloads"]
    assert runner.invoke(app, quick).exit_code == 0  # empty: fine
    assert (out / MARKER).is_file()
    assert runner.invoke(app, quick).exit_code == 0  # ours: replaced


def test_a_broken_package_fails_with_file_and_line(tmp_path: Path) -> None:
    package = tmp_path / "pkg"
    shutil.copytree(DATA, package)
    people = package / "data" / "people.csv"
    lines = people.read_text(encoding="utf-8").split("\n")
    cells = lines[2].split(",")
    cells[4] = "not-a-date"  # born
    lines[2] = ",".join(cells)
    people.write_text("\n".join(lines), encoding="utf-8")
    result = runner.invoke(app, ["site", str(tmp_path / "out"), "--path", str(package)])
    assert result.exit_code == 2, result.output
    assert "Traceback" not in result.output
    assert "people.csv:3" in result.output
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize(
    "options",
    [["--base-url", "javascript:alert(1)"], ["--base-url", "ftp://example.org/"],
     ["--base-url", "https://exa mple.org/"], ["--seeds", "no-such-folder"]],
    ids=["script-url", "ftp", "space", "missing-seeds"],
)  # fmt: skip
def test_a_bad_option_is_one_line_and_writes_nothing(tmp_path: Path, options: list[str]) -> None:
    out = tmp_path / "out"
    result = runner.invoke(app, ["site", str(out), *options])
    assert result.exit_code == 2, result.output
    assert len(result.output.strip().splitlines()) == 1 and options[0] in result.output
    assert not out.exists()
