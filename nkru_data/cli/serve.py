"""``nkru-data serve``: browse the dataset in Datasette, in the browser.

It exports SQLite and its Datasette metadata into a temporary folder and runs Datasette on them
in a child process (``python -m datasette``: its own event loop and signal handling, and a
server that stops when its process does). The folder goes when the server stops, by Ctrl-C or
SIGTERM, so nothing is left behind and nothing in the working folder is touched.
"""

from __future__ import annotations

import importlib.util
import signal
import subprocess
import sys
import tempfile
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import FrameType

import typer

from nkru_data.cli.app import app, err, friendly
from nkru_data.errors import MissingExtra

#: seconds Datasette has to stop after SIGTERM before it is killed
STOP_SECONDS = 10


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt


@contextmanager
def _terminate_as_interrupt() -> Iterator[None]:
    """SIGTERM (a service manager, a test) cleans up as Ctrl-C does; only the main thread may
    set a handler, so elsewhere (an embedding program) the default stays."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGTERM, _interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is None:
        process.terminate()
        try:
            process.wait(STOP_SECONDS)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@app.command(help="Serve the dataset in Datasette (SQLite with search, facets and labels).")
@friendly
def serve(
    port: int = typer.Option(8001, "--port", "-p", min=1, max=65535, help="Port to listen on."),
    host: str = typer.Option("127.0.0.1", "--host", help="Address to listen on."),
    path: Path | None = typer.Option(None, "--path", help="Package folder (default: bundled)."),
) -> None:
    """Export SQLite and its metadata to a temporary folder and serve them with Datasette."""
    for module in ("datasette", "sqlite_utils"):
        if importlib.util.find_spec(module) is None:
            raise MissingExtra.needs("serve", module, "serve")
    from nkru_data.dataset import load
    from nkru_data.export import LANGS, export
    from nkru_data.export.sqlite import DATABASE, write_metadata

    ds = load(path)
    with _terminate_as_interrupt(), tempfile.TemporaryDirectory(prefix="nkru-data-") as work:
        database = Path(work) / f"{DATABASE}.sqlite"
        meta = Path(work) / "metadata.json"
        export(ds, "sqlite", database, langs=LANGS)
        write_metadata(ds, meta, LANGS, DATABASE)
        command = [sys.executable, "-m", "datasette", "serve", "--immutable", str(database),
                   "--metadata", str(meta), "--host", host, "--port", str(port)]  # fmt: skip
        err.print(f"serving http://{host}:{port}/{DATABASE} (Ctrl-C to stop)", highlight=False)
        process = subprocess.Popen(command)
        try:
            code = process.wait()
        except KeyboardInterrupt:
            code = 0
        finally:
            _stop(process)
    if code:
        raise typer.Exit(code)
