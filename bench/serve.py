"""How long an editor waits under `mkdocs serve`: save one event, poll until the rebuilt page is served.

Runs on a copy of the project with today's data/, on 127.0.0.1 only; every loop is bounded in
count and time, and the server is always stopped.
"""

from __future__ import annotations

import os
import re
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

STARTUP_TIMEOUT_S = 180
REBUILD_TIMEOUT_S = 60
POLL_INTERVAL_S = 0.02
HEADLINE = re.compile(r"^(\s*(?:- )?headline:).*$", re.MULTILINE)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8", "replace")
    except (urllib.error.URLError, ConnectionError, TimeoutError, OSError):
        return None


def wait_for(url: str, needle: str, timeout_s: float) -> float | None:
    """Seconds until `url` serves a body containing `needle`, or None after `timeout_s`."""
    started = time.monotonic()
    for _ in range(int(timeout_s / POLL_INTERVAL_S) + 1):
        body = fetch(url)
        if body is not None and needle in body:
            return time.monotonic() - started
        if time.monotonic() - started > timeout_s:
            break
        time.sleep(POLL_INTERVAL_S)
    return None


def preview_tmpdir() -> dict[str, str]:
    """As `make serve` does: the preview's temporary site folder on the RAM disk, where there is one."""
    ram_disk = Path("/dev/shm")
    return {"TMPDIR": str(ram_disk)} if ram_disk.is_dir() and os.access(ram_disk, os.W_OK) else {}


def serve_latency(project: Path, saves: int = 3) -> list[float]:
    """Seconds from saving an edited event headline to the rebuilt timeline page being served."""
    timeline = sorted((project / "data" / "timelines").glob("*.yml"))[0]
    original = timeline.read_text(encoding="utf-8")
    if not HEADLINE.search(original):
        raise RuntimeError(f"{timeline}: no event headline to edit")
    port = free_port()
    page = f"http://127.0.0.1:{port}/timelines/{timeline.stem}/"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", **preview_tmpdir()}
    log = open(project / "serve.log", "w", encoding="utf-8")  # a file: a full pipe would stall the server
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "-f", str(project / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
        cwd=project, env=env, stdout=log, stderr=subprocess.STDOUT)
    try:
        if wait_for(page, "</html>", STARTUP_TIMEOUT_S) is None:
            raise RuntimeError(f"mkdocs serve did not serve {page} within {STARTUP_TIMEOUT_S} s")
        latencies = []
        for save in range(1, saves + 1):
            marker = f"Edited by the benchmark, save {save}"
            timeline.write_text(HEADLINE.sub(lambda m: f'{m[1]} "{marker}"', original, count=1), encoding="utf-8")
            seconds = wait_for(page, marker, REBUILD_TIMEOUT_S)
            if seconds is None:
                raise RuntimeError(f"the edit did not reach {page} within {REBUILD_TIMEOUT_S} s")
            latencies.append(seconds)
            time.sleep(1.0)  # let the watcher settle before the next save
        return latencies
    finally:
        server.terminate()
        try:
            server.wait(timeout=15)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait(timeout=15)
        log.close()
        timeline.write_text(original, encoding="utf-8")
