"""The static site in a real browser: headless Chromium loads its pages over HTTP.

``tests/test_site.py`` and ``tests/test_site_overviews.py`` read the files; this reads what a
browser makes of them — the charset the page declares (a Korean page read as Latin-1 is
mojibake, though its bytes are right), the search page's script run against its URL (the box
filled from ``?q=``), and a screenshot of a Korean page that must hold more than a blank
window. Every expected text is read from the data (``labels.csv``, the tables,
``datapackage.json``), never written here. The site (the ``site`` fixture of ``conftest.py``)
is built once, served by ``http.server`` on a free localhost port, and each page is loaded by
a fresh Chromium (``--dump-dom`` after a virtual-time budget, so scripts run) with a profile of
its own. Without Chromium the module is skipped, naming the package to install; in CI
(``CI=true``) it fails instead.
"""

from __future__ import annotations

import csv
import http.server
import json
import os
import shutil
import struct
import subprocess
import tempfile
import threading
from collections.abc import Callable, Iterator
from functools import partial
from html.parser import HTMLParser
from pathlib import Path
from typing import Any
from urllib.parse import quote, urljoin, urlsplit

import pytest
from typer.testing import CliRunner

from nkru_data.model.layout import TABLES

from .conftest import ROOT, bundled_labels

pytest.importorskip("jinja2")

runner = CliRunner()
DATA = ROOT / "datapackage"
TABLE_OF_KIND = {t.kind: t.name for t in TABLES if t.kind}
#: headless, and nothing that reaches for the network on its own (updates, sync, metrics)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars"]  # fmt: skip
TIMEOUT = 90  # seconds for one Chromium run; a page takes about one
WIDTH, HEIGHT = 1280, 900


@pytest.fixture(scope="module")
def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if found:
        return found
    reason = "no chromium on PATH: the browser tests need it (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(reason)
    pytest.skip(reason)


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server(site: Path) -> Iterator[str]:
    """The site served on a free localhost port; yields its address (no trailing slash)."""
    handler = partial(_Quiet, directory=str(site))
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join(timeout=10)


def _run(chromium: str, url: str, *args: str) -> str:
    """Run Chromium on ``url`` with a fresh profile; returns its stdout."""
    with tempfile.TemporaryDirectory(prefix="nkru-chromium-", ignore_cleanup_errors=True) as me:
        done = subprocess.run(
            [chromium, *FLAGS, f"--user-data-dir={me}", *args, url],
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    stderr = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 0, f"chromium exited {done.returncode} on {url}:\n{stderr[-2000:]}"
    return done.stdout.decode("utf-8")


class _Dom(HTMLParser):
    """A dumped DOM: its text, its <h1>, its inputs by id, and the links inside #results."""

    VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                      "source", "track", "wbr"})  # fmt: skip

    def __init__(self, dom: str) -> None:
        super().__init__()
        self.texts: list[str] = []
        self.h1: list[str] = []
        self.inputs: dict[str, dict[str, str | None]] = {}
        self.results: list[str] | None = None  # None: no element with id="results"
        self._open: list[str] = []
        self._results_at: int | None = None  # depth of the open #results element
        self._in_h1 = False
        self.feed(dom)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = dict(attrs)
        if tag == "input" and a.get("id"):
            self.inputs[str(a["id"])] = a
        if tag in self.VOID:
            return
        self._open.append(tag)
        if a.get("id") == "results":
            self.results = []
            self._results_at = len(self._open)
        if tag == "a" and self._results_at is not None and a.get("href") is not None:
            assert self.results is not None
            self.results.append(str(a["href"]))
        self._in_h1 = self._in_h1 or tag == "h1"

    def handle_endtag(self, tag: str) -> None:
        if tag in self.VOID or tag not in self._open:
            return
        while self._open.pop() != tag:
            pass
        if self._results_at is not None and len(self._open) < self._results_at:
            self._results_at = None
        if tag == "h1":
            self._in_h1 = False

    def handle_data(self, data: str) -> None:
        if not self._open or self._open[-1] not in ("script", "style"):
            self.texts.append(data)
        if self._in_h1:
            self.h1.append(data)

    @property
    def text(self) -> str:
        """Every text of the page, whitespace collapsed."""
        return " ".join("".join(self.texts).split())

    @property
    def heading(self) -> str:
        return " ".join("".join(self.h1).split())


def _dom(chromium: str, url: str) -> _Dom:
    return _Dom(_run(chromium, url, "--virtual-time-budget=5000", "--dump-dom"))


def _same(text: str) -> str:
    return " ".join(text.split())


def _names() -> list[tuple[str, str]]:
    """Every (record, text) a search could match on by name: the labels, and the names, titles
    and abbreviations of the tables."""
    found = []
    with (DATA / "data" / "labels.csv").open(encoding="utf-8", newline="") as f:
        found += [(row["entity"], row["value"]) for row in csv.DictReader(f)]
    for table in TABLE_OF_KIND.values():
        with (DATA / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
            for row in csv.DictReader(f):
                found += [(row["id"], row[k]) for k in ("name", "title", "abbreviation")
                          if row.get(k)]  # fmt: skip
    return found


def _distinct(candidates: Iterator[tuple[str, str]]) -> tuple[str, str]:
    """The first candidate whose text is part of no other record's name: a search for it has
    one right answer, which no cap on the number of hits can push off the list."""
    names = [(id_, text.casefold()) for id_, text in _names()]
    for id_, text in candidates:
        folded = text.casefold()
        if len(folded) >= 4 and not any(folded in t for other, t in names if other != id_):
            return id_, text
    raise AssertionError("no distinct name among the candidates")


def _page(id_: str, lang: str) -> str:
    kind, slug = id_.split(":", 1)
    return f"/{lang}/{TABLE_OF_KIND[kind]}/{slug}.html"


def test_the_dataset_page_shows_its_title_and_bibtex(chromium: str, server: str) -> None:
    meta = json.loads((DATA / "datapackage.json").read_text(encoding="utf-8"))
    dom = _dom(chromium, f"{server}/en/dataset.html")
    assert _same(meta["title"]) in dom.text
    assert "@misc{nkru-data-" in dom.text  # the BibTeX of nkru-data cite


def test_a_korean_person_page_shows_its_korean_name(chromium: str, server: str) -> None:
    person, name = next(bundled_labels("person", "name", "ko"))
    dom = _dom(chromium, server + _page(person, "ko"))
    assert _same(name) in dom.heading, dom.heading


def test_a_russian_event_page_shows_its_russian_title(chromium: str, server: str) -> None:
    event, title = next(bundled_labels("event", "title", "ru"))
    dom = _dom(chromium, server + _page(event, "ru"))
    assert _same(title) in dom.heading, dom.heading


def test_the_russian_timeline_shows_every_event_title_in_russian(
    chromium: str, server: str
) -> None:
    titles = dict(bundled_labels("event", "title", "ru"))
    assert len(titles) > 50
    text = _dom(chromium, f"{server}/ru/timeline.html").text
    missing = [id_ for id_, title in titles.items() if _same(title) not in text]
    assert missing == []


def _korean_person() -> tuple[str, str]:
    return _distinct(bundled_labels("person", "name", "ko"))


def _russian_place() -> tuple[str, str]:
    return _distinct(bundled_labels("place", "name", "ru"))


def _english_organization() -> tuple[str, str]:
    with (DATA / "data" / "organizations.csv").open(encoding="utf-8", newline="") as f:
        return _distinct((row["id"], row["name"]) for row in csv.DictReader(f))


@pytest.mark.parametrize(
    ("lang", "pick"),
    [("ko", _korean_person), ("ru", _russian_place), ("en", _english_organization)],
    ids=["korean-person-name", "russian-place-name", "english-organization-name"],
)
def test_the_search_page_lists_the_record_a_name_belongs_to(
    chromium: str, server: str, lang: str, pick: Callable[[], tuple[str, str]]
) -> None:
    id_, term = pick()
    url = f"{server}/{lang}/search.html?q={quote(term)}"
    dom = _dom(chromium, url)
    assert "q" in dom.inputs, f"{lang}/search.html has no <input id=q>"
    assert dom.inputs["q"].get("value") == term  # the box shows what was searched
    assert dom.results is not None, f"{lang}/search.html has no element with id=results"
    pages = [urlsplit(urljoin(url, href)).path for href in dom.results]
    assert _page(id_, lang) in pages, (term, pages[:20])


def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header (its signature, then the IHDR chunk)."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    assert data[12:16] == b"IHDR"
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_a_screenshot_of_a_korean_person_page_is_not_blank(
    chromium: str, server: str, tmp_path: Path
) -> None:
    image = pytest.importorskip("matplotlib.image")  # the test extra has it, and Pillow with it
    np = pytest.importorskip("numpy")
    person, _ = next(bundled_labels("person", "name", "ko"))
    shot = tmp_path / "person.png"
    _run(chromium, server + _page(person, "ko"), f"--screenshot={shot}",
         f"--window-size={WIDTH},{HEIGHT}")  # fmt: skip
    assert _png_size(shot.read_bytes()) == (WIDTH, HEIGHT)
    pixels = (image.imread(shot)[..., :3] * 255).round().astype("uint32")  # alpha dropped
    assert pixels.shape == (HEIGHT, WIDTH, 3)
    assert pixels.std() > 5, "the screenshot is one flat colour"
    packed = (pixels[..., 0] << 16) | (pixels[..., 1] << 8) | pixels[..., 2]
    _, counts = np.unique(packed, return_counts=True)
    inked = 1 - counts.max() / packed.size  # what is not the background: text, rules, boxes
    assert inked > 0.01, f"only {inked:.2%} of the screenshot differs from its background"
