"""The scheduled check of outside reference URLs (hooks/reference_links.py), against a local server:
live, moved, dead, gone, HEAD refused, robots refused, and nothing listening."""

from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from hooks import reference_links


class Handler(BaseHTTPRequestHandler):
    def do_HEAD(self) -> None:
        if self.path == "/no-head":
            self.send_error(405)
        else:
            self.answer()

    def do_GET(self) -> None:
        self.answer()

    def answer(self) -> None:
        status = {"/live": 200, "/no-head": 200, "/moved": 301, "/dead": 404, "/gone": 410, "/robots": 403}[self.path]
        self.send_response(status)
        if status == 301:
            self.send_header("Location", "/live")
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, *args) -> None:  # keep the test output quiet
        pass


@pytest.fixture
def server():
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]  # nothing listens once it is closed


def write_references(data: Path, urls: dict[str, str]) -> None:
    entries = [f"- id: {reference_id}\n  publisher: Example\n  title: Example {reference_id}\n  date: null\n  url: {url}\n"
               for reference_id, url in urls.items()]
    (data / "references.yml").write_text("".join(entries), encoding="utf-8")


def test_each_kind_of_address_gets_its_verdict(server: str):
    urls = {"live": f"{server}/live", "moved": f"{server}/moved", "dead": f"{server}/dead", "gone": f"{server}/gone",
            "no-head": f"{server}/no-head", "robots": f"{server}/robots",
            "nobody": f"http://127.0.0.1:{closed_port()}/"}
    results = {result.reference_id: result for result in reference_links.check_all(urls)}
    assert {key: result.verdict for key, result in results.items()} == {
        "live": "live", "moved": "moved", "dead": "dead", "gone": "dead", "no-head": "live", "robots": "unverified",
        "nobody": "dead"}
    assert results["moved"].detail == f"{server}/live"
    assert results["dead"].detail == "HTTP 404"
    assert results["nobody"].detail.startswith("no answer")


def test_the_command_reports_dead_addresses_and_fails(server: str, data_copy: Path, tmp_path: Path, capsys):
    write_references(data_copy, {"example-white-paper": f"{server}/live", "example-moved": f"{server}/moved",
                                 "example-dead": f"{server}/dead"})
    report = tmp_path / "report.md"
    assert reference_links.main([str(data_copy), "--report", str(report)]) == reference_links.DEAD == 2
    out = capsys.readouterr().out
    assert f"dead: example-dead: {server}/dead (HTTP 404)" in out
    assert "3 addresses checked: 1 dead" in out
    text = report.read_text(encoding="utf-8")
    assert "## Dead (1)" in text and f"- `example-dead`: {server}/dead (HTTP 404)" in text
    assert "## Moved (1)" in text and "example-white-paper" not in text


def test_all_live_passes(server: str, data_copy: Path, capsys):
    write_references(data_copy, {"example-white-paper": f"{server}/live"})
    assert reference_links.main([str(data_copy)]) == 0
    assert "1 address checked: 0 dead" in capsys.readouterr().out


def test_broken_data_is_reported_not_checked(data_copy: Path, capsys):
    (data_copy / "references.yml").write_text("- id: Not A Slug\n", encoding="utf-8")
    assert reference_links.main([str(data_copy)]) == 1
    assert "data/references.yml" in capsys.readouterr().err
