"""A real `mkdocs serve` of a copy of the project, as an editor uses it: a broken save is reported in
one readable line and the last good site stays served; the fix, and an edit to hooks/, show up
without a restart. Every wait is bounded, and the server is always stopped."""

from __future__ import annotations

import os
import re
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import copy_project

START_SECONDS = 180  # the first build (every page, then the search index) on a busy 2-core machine
REBUILD_SECONDS = 90
EDITED_TITLE = "Summits, edited during the preview"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(what: str, condition: Callable[[], object], seconds: float, server: subprocess.Popen, log: Path):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"mkdocs serve exited ({server.returncode}) while waiting for {what}:\n{tail(log)}")
        if result := condition():
            return result
        time.sleep(0.3)
    pytest.fail(f"gave up after {seconds}s waiting for {what}:\n{tail(log)}")


def tail(log: Path, characters: int = 4000) -> str:
    return log.read_text(encoding="utf-8", errors="replace")[-characters:]


def get(url: str) -> str:
    """The page as built, without the live-reload script `mkdocs serve` adds to every response."""
    with urllib.request.urlopen(url, timeout=15) as response:  # a stuck server fails, never hangs
        assert response.status == 200
        page = response.read().decode("utf-8")
    return re.sub(r"<script>(?:(?!</script>).)*livereload\((?:(?!</script>).)*</script>(?=</body>)", "", page,
                  flags=re.DOTALL)


class Preview:
    def __init__(self, project: Path, port: int, server: subprocess.Popen, log: Path):
        self.project, self.url, self.server, self.log = project, f"http://127.0.0.1:{port}/", server, log

    def wait(self, what: str, condition: Callable[[], object], seconds: float = REBUILD_SECONDS):
        return wait_for(what, condition, seconds, self.server, self.log)

    def logged(self, pattern: str, after: int = 0) -> bool:
        return re.search(pattern, tail(self.log, 10**9)[after:], re.MULTILINE) is not None


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    project = copy_project(tmp_path_factory.mktemp("preview") / "project")
    log = project.parent / "serve.log"
    port = free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", "mkdocs.yml"],
            cwd=project, env=env, stdout=output, stderr=subprocess.STDOUT, start_new_session=True)
    try:
        running = Preview(project, port, server, log)
        running.wait("the first build", lambda: running.logged(r"Serving on http://127\.0\.0\.1"), START_SECONDS)
        yield running
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(server.pid, signal.SIGKILL)
            server.wait(timeout=30)


def save(path: Path, text: str) -> None:
    # The watcher polls file times; make sure this save is seen as a change even within one tick.
    path.write_text(text, encoding="utf-8")
    later = time.time() + 2
    os.utime(path, (later, later))


def test_broken_save_keeps_the_last_good_site_and_the_fix_shows(preview: Preview):
    topics = preview.project / "data" / "topics.yml"
    good = topics.read_text(encoding="utf-8")
    first_title = re.search(r"^  title: (.+)$", good, re.MULTILINE)
    assert first_title, "expected a topic title line in data/topics.yml"
    before = get(preview.url + "topics/")
    assert "Topics" in before

    mark = len(tail(preview.log, 10**9))
    save(topics, good.replace(first_title.group(0), "\t" + first_title.group(0).lstrip(), 1))
    line = good[:first_title.start()].count("\n") + 1
    preview.wait("the readable problem in the log", lambda: preview.logged(
        rf"^data/topics\.yml:{line}: YAML syntax: a tab character is used for indentation", mark))
    preview.wait("the rebuild to give up", lambda: preview.logged("Still serving the last good build", mark))
    assert "Traceback" not in tail(preview.log, 10**9)[mark:]
    assert get(preview.url + "topics/") == before  # served at once, not stuck, and unchanged

    mark = len(tail(preview.log, 10**9))
    save(topics, good.replace(first_title.group(0), f"  title: {EDITED_TITLE}", 1))
    preview.wait("the fixed content", lambda: EDITED_TITLE in get(preview.url + "topics/"))
    assert preview.server.poll() is None


def test_edits_to_hooks_apply_without_a_restart(preview: Preview):
    renderer = preview.project / "hooks" / "render" / "topics.py"
    source = renderer.read_text(encoding="utf-8")
    assert 'page("Topics", ' in source
    before = get(preview.url + "topics/")
    mark = len(tail(preview.log, 10**9))
    save(renderer, source + "\ndef broken(:\n")  # a developer's typo: its traceback, and the site stays up
    preview.wait("the failed rebuild", lambda: preview.logged("Still serving the last good build; the rebuild failed",
                                                              mark))
    assert preview.logged(r"SyntaxError", mark)
    assert get(preview.url + "topics/") == before
    save(renderer, source.replace('page("Topics", ', 'page("Topics, from the edited renderer", ', 1))
    preview.wait("the edited renderer's output",
                 lambda: "<h1>Topics, from the edited renderer</h1>" in get(preview.url + "topics/"))


def test_outside_a_git_checkout_pages_build_without_a_last_changed_date(preview: Preview):
    assert subprocess.run(["git", "-C", str(preview.project), "rev-parse"], capture_output=True).returncode != 0
    page = get(preview.url + "about/")
    assert "About this explainer" in page
    assert "x-last-changed" not in page
