"""A real `mkdocs serve` of a copy of the project, as an editor uses it: a broken save is reported in
one readable line and the last good site stays served; the fix, and an edit to hooks/, show up
without a restart. Every wait is bounded, and the server is always stopped."""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT, build_site, copy_project

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


def get(url: str, status: int | None = 200, raw: bool = False) -> str:
    """The page as built, without the live-reload script `mkdocs serve` adds to every response (unless raw)."""
    try:
        with urllib.request.urlopen(url, timeout=15) as response:  # a stuck server fails, never hangs
            code, page = response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        code, page = error.code, error.read().decode("utf-8")
    assert status is None or code == status, page[:2000]
    if raw:
        return page
    return re.sub(r"<script>(?:(?!</script>).)*livereload\((?:(?!</script>).)*</script>(?=</body>)", "", page,
                  flags=re.DOTALL)


OVERLAY = re.compile(r'<link rel="stylesheet" href="/__preview/problems.css">'
                     r'<section class="x-preview-problems".*?</section>', re.DOTALL)


def overlay_of(page: str) -> str | None:
    """The problems shown over the page, or None."""
    return match.group(0) if (match := OVERLAY.search(page)) else None


class Preview:
    def __init__(self, project: Path, port: int, server: subprocess.Popen, log: Path):
        self.project, self.url, self.server, self.log = project, f"http://127.0.0.1:{port}/", server, log

    def wait(self, what: str, condition: Callable[[], object], seconds: float = REBUILD_SECONDS):
        return wait_for(what, condition, seconds, self.server, self.log)

    def logged(self, pattern: str, after: int = 0) -> bool:
        return re.search(pattern, tail(self.log, 10**9)[after:], re.MULTILINE) is not None


def start(project: Path, port: int | None = None, **env: str) -> Preview:
    """`mkdocs serve` of the project on a free port (or `port`), its output in project/../serve.log."""
    log = project.parent / "serve.log"
    port = port or free_port()
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "--dev-addr", f"127.0.0.1:{port}", "-f", "mkdocs.yml"],
            cwd=project, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env}, stdout=output,
            stderr=subprocess.STDOUT, start_new_session=True)
    return Preview(project, port, server, log)


def stop(preview: Preview, sig: int = signal.SIGTERM) -> int:
    os.killpg(preview.server.pid, sig)
    try:
        return preview.server.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(preview.server.pid, signal.SIGKILL)
        return preview.server.wait(timeout=30)


@contextlib.contextmanager
def serving(project: Path, **env: str) -> Iterator[Preview]:
    """A preview that is up (its first build done, good or not), always stopped afterwards."""
    running = start(project, **env)
    try:
        running.wait("the first build", lambda: running.logged(r"Serving on http://127\.0\.0\.1"), START_SECONDS)
        yield running
    finally:
        if running.server.poll() is None:
            stop(running)


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Preview]:
    with serving(copy_project(tmp_path_factory.mktemp("preview") / "project")) as running:
        yield running


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
    page = get(preview.url + "topics/")  # served at once, not stuck: the last good page, the problem over it
    shown = overlay_of(page)
    assert shown is not None and page.replace(shown, "") == before
    assert f"data/topics.yml:{line}: YAML syntax: a tab character is used for indentation" in shown
    assert "data/ has 1 problem; this page is the last good build" in shown
    assert overlay_of(get(preview.url + "about/")) == shown  # on every page: the one open shows it at once

    mark = len(tail(preview.log, 10**9))
    save(topics, good.replace(first_title.group(0), f"  title: {EDITED_TITLE}", 1))
    preview.wait("the fixed content", lambda: EDITED_TITLE in get(preview.url + "topics/"))
    assert overlay_of(get(preview.url + "topics/")) is None
    assert preview.server.poll() is None


def test_the_problems_are_escaped_on_the_page(preview: Preview):
    topics = preview.project / "data" / "topics.yml"
    good = topics.read_text(encoding="utf-8")
    markup = "<img src=x onerror=alert(1)>: <b>bold</b>"
    save(topics, good.replace("  title: ", f"  title: {markup} ", 1))  # a colon in unquoted text
    shown = preview.wait("the problem on the page", lambda: overlay_of(get(preview.url + "topics/")))
    assert "put the whole text in quotes" in shown
    assert "&lt;img src=x onerror=alert(1)&gt;" in shown and "<img" not in shown and "<b>" not in shown
    save(topics, good)
    preview.wait("the fix", lambda: overlay_of(get(preview.url + "topics/")) is None)


def test_editor_swap_files_do_not_break_the_preview(preview: Preview):
    timelines = preview.project / "data" / "timelines"
    leftovers = [timelines / ".china-south-korea.yml.swp", timelines / "china-south-korea.yml~",
                 preview.project / "data" / "articles" / ".DS_Store", timelines / "#trilateral-summits.yml#"]
    for leftover in leftovers:
        leftover.write_bytes(b"\x00\x01 binary swap [\n")
    topics = preview.project / "data" / "topics.yml"
    good = topics.read_text(encoding="utf-8")
    save(topics, re.sub(r"^  title: .+$", "  title: Edited while a swap file was there", good, count=1, flags=re.MULTILINE))
    preview.wait("the edit", lambda: "Edited while a swap file was there" in get(preview.url + "topics/"))
    assert overlay_of(get(preview.url + "topics/")) is None
    for leftover in leftovers:
        leftover.unlink()
    save(topics, good)


def test_replacing_the_data_folder_keeps_the_preview_watching(preview: Preview):
    data = preview.project / "data"
    moved = preview.project / "data.bak"
    mark = len(tail(preview.log, 10**9))
    data.rename(moved)  # mv data data.bak && cp -r data.bak data, as an editor restoring a backup does
    preview.wait("the watcher to see data/ go", lambda: preview.logged("was removed or replaced", mark))
    shutil.copytree(moved, data)
    preview.wait("the watcher to find data/ again", lambda: preview.logged("Watching data again", mark))
    topics = data / "topics.yml"
    good = topics.read_text(encoding="utf-8")
    save(topics, re.sub(r"^  title: .+$", "  title: Saved after the folder swap", good, count=1, flags=re.MULTILINE))
    preview.wait("the later save", lambda: "Saved after the folder swap" in get(preview.url + "topics/"))
    save(topics, good)
    shutil.rmtree(moved)


def test_started_on_broken_data_it_serves_the_problems_then_the_site(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    topics = project / "data" / "topics.yml"
    good = topics.read_text(encoding="utf-8")
    save(topics, good.replace("  title: ", "\ttitle: ", 1))
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    with serving(project, TMPDIR=str(temporary)) as preview:
        assert preview.logged("Serving the problems on every page until they are fixed")
        page = get(preview.url + "topics/", status=404)  # nothing is built yet: the problems, as a page
        assert "The site cannot be built yet: data/ has 1 problem" in page
        assert "YAML syntax: a tab character is used for indentation" in page
        assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline'; style-src 'self'" in page  # the site's policy, as served
        assert "livereload(" in get(preview.url + "topics/", status=404, raw=True)  # so the fix reloads it
        css = urllib.request.urlopen(preview.url + "__preview/problems.css", timeout=15)
        assert css.headers["Content-Type"].startswith("text/css")
        save(topics, good)
        preview.wait("the site, once fixed", lambda: "<h1>Topics</h1>" in get(preview.url + "topics/", status=None))
        assert overlay_of(get(preview.url + "topics/")) is None
        assert [path.name for path in temporary.glob("*mkdocs_*")]  # the serve's site folder, while it runs
        assert stop(preview) == 0
    # SIGTERM (what `kill`, systemd and CI send) cleans up as Ctrl-C does: no site folder left behind.
    assert not [path.name for path in temporary.iterdir() if "mkdocs_" in path.name]
    assert "Shutting down" in tail(preview.log)
    assert "Traceback" not in tail(preview.log, 10**9)


def test_a_port_in_use_is_one_line_and_no_traceback(tmp_path: Path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        preview = start(copy_project(tmp_path / "project"), port=port)
        assert preview.server.wait(timeout=START_SECONDS) == 1
    output = tail(preview.log)
    assert f"Port {port} on 127.0.0.1 is already in use (another preview?); stop it, or pick another port: " \
           f"make serve PORT={port + 1}" in output
    assert "Traceback" not in output
    assert len([line for line in output.splitlines() if line.strip()]) <= 2  # "Building documentation..." and it


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
    page = get(preview.url + "topics/")
    shown = overlay_of(page)  # the developer's browser says so too
    assert shown is not None and "SyntaxError: invalid syntax (topics.py, line" in shown
    assert page.replace(shown, "") == before
    save(renderer, source.replace('page("Topics", ', 'page("Topics, from the edited renderer", ', 1))
    preview.wait("the edited renderer's output",
                 lambda: "<h1>Topics, from the edited renderer</h1>" in get(preview.url + "topics/"))


def test_outside_a_git_checkout_pages_build_without_a_last_changed_date(preview: Preview):
    assert subprocess.run(["git", "-C", str(preview.project), "rev-parse"], capture_output=True).returncode != 0
    page = get(preview.url + "about/")
    assert "About this explainer" in page
    assert "x-last-changed" not in page


def test_a_good_build_and_a_good_start_print_at_most_six_lines(preview: Preview, tmp_path: Path):
    """The line that matters (a problem) must not scroll away: no list of the pages deliberately left
    out of the nav."""
    result = build_site(ROOT, tmp_path / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    start = tail(preview.log, 10**9).split("Serving on", 1)[0].splitlines()
    for output in (result.stdout + result.stderr, "\n".join(start)):
        lines = [line for line in output.splitlines() if line.strip()]
        assert len(lines) <= 6, output
        assert "not included in the \"nav\"" not in output, output
