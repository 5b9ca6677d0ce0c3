"""Take the picture of the static site kept beside this script: ``docs/site.png``.

Usage: python docs/screenshot.py [--page ru/timeline.html] [--out docs/site.png]

Builds the site (``python -m nkru_data site``) into a temporary folder, serves it with
``http.server`` on a free localhost port, and has headless Chromium take a 1280×900 screenshot
of one page. The default page, the Russian timeline, shows the most of the site in one window:
its chrome in Russian, the language switch (English, Русский, 한국어), the filters by person,
organization, place and kind, and the events as dated bars with their Russian titles and dates
formatted for Russian. Needs the ``site`` extra and Chromium (Debian: ``apt-get install
chromium``). Look at the picture after taking it: Hangul and Cyrillic must be drawn, with no
boxes for missing glyphs (Debian's ``fonts-noto-cjk`` has both).
"""

from __future__ import annotations

import argparse
import http.server
import shutil
import subprocess
import sys
import tempfile
import threading
from functools import partial
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
WIDTH, HEIGHT = 1280, 900
#: headless, and nothing that reaches for the network on its own (updates, sync, metrics)
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars", "--virtual-time-budget=5000"]  # fmt: skip


def chromium() -> str:
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        sys.exit("no chromium on PATH: install it (Debian: apt-get install chromium)")
    return found


class _Quiet(http.server.SimpleHTTPRequestHandler):
    """Serves files without a log line per request."""

    def log_message(self, format: str, *args: Any) -> None:
        pass


def screenshot(site: Path, page: str, out: Path) -> None:
    """Serve ``site`` on localhost and write a screenshot of ``page`` to ``out``."""
    handler = partial(_Quiet, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        url = f"http://127.0.0.1:{server.server_address[1]}/{page}"
        with tempfile.TemporaryDirectory(prefix="nkru-chromium-", ignore_cleanup_errors=True) as me:
            size, profile = f"--window-size={WIDTH},{HEIGHT}", f"--user-data-dir={me}"
            command = [chromium(), *FLAGS, profile, size, f"--screenshot={out}", url]
            done = subprocess.run(command, capture_output=True, text=True, timeout=120)
        if done.returncode != 0 or not out.is_file():
            sys.exit(f"chromium failed on {url} (exit {done.returncode}):\n{done.stderr[-2000:]}")
    finally:
        server.shutdown()
        server.server_close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--page", default="ru/timeline.html", help="page, relative to the site")
    parser.add_argument("--out", type=Path, default=HERE / "site.png")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="nkru-screenshot-") as work:
        site = Path(work) / "site"
        subprocess.run([sys.executable, "-m", "nkru_data", "site", str(site)], check=True)
        if not (site / args.page).is_file():
            sys.exit(f"{args.page}: no such page in the site")
        args.out.parent.mkdir(parents=True, exist_ok=True)
        screenshot(site, args.page, args.out.resolve())
    print(f"wrote {args.out} ({WIDTH}×{HEIGHT}, {args.page})")


if __name__ == "__main__":
    main()
