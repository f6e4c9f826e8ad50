"""`make check` as an editor sees it: one readable line per mistake, the exit code, and the
annotations GitHub shows on a pull request's diff. (tests/test_load.py covers the loader itself.)"""

from __future__ import annotations

import os
import subprocess
import threading
import time
import sys
from pathlib import Path

import pytest

from tests.mistakes import EXPECTED, ROOT, data_with_mistake, names


def run_check(cwd: Path, *, github: bool = False) -> subprocess.CompletedProcess[str]:
    env = {key: value for key, value in os.environ.items() if key != "GITHUB_ACTIONS"}
    env["PYTHONPATH"] = str(ROOT)
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "hooks.check", "data"], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=60)


def test_every_mistake_folder_has_expectations():
    assert names() == sorted(EXPECTED)


@pytest.mark.parametrize("mistake", sorted(EXPECTED))
def test_each_mistake_is_one_readable_line_naming_file_line_and_field(mistake: str, tmp_path: Path):
    data_with_mistake(mistake, tmp_path)
    result = run_check(tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    expected = EXPECTED[mistake]
    count = len(expected)
    lines = result.stderr.splitlines()
    assert lines[0] == f"data/ has {count} problem{'s' if count > 1 else ''}:"
    problems = [line for line in lines[1:] if not line.startswith("    ")]  # not a YAML error's excerpt
    assert [": ".join(line.split(": ")[:2]) for line in problems] == [p for p, _ in expected], \
        result.stderr
    for line, (_, phrase) in zip(problems, expected):
        assert phrase in line


def test_github_annotations_point_at_the_file_and_line(tmp_path: Path):
    data_with_mistake("misspelt-field", tmp_path)
    result = run_check(tmp_path, github=True)
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert [a.split("::")[1] for a in annotations] == [
        "error file=data/timelines/example-relations.yml,line=12,title=data check",
        "error file=data/timelines/example-relations.yml,line=15,title=data check",
    ]
    assert annotations[1].split("::", 2)[2].startswith("events[1].sumary: unknown field; did you mean 'summary'?")
    # Outside GitHub Actions the output stays plain: no workflow commands.
    assert "::error" not in run_check(tmp_path).stdout


def test_clean_data_passes_with_a_summary(tmp_path: Path):
    data_with_mistake("bad-date", tmp_path)  # then undo it: the fixture as shipped is valid
    (tmp_path / "data" / "timelines" / "example-relations.yml").write_bytes(
        (ROOT / "tests/fixtures/minimal/data/timelines/example-relations.yml").read_bytes())
    result = run_check(tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("data: OK: 2 articles, 1 timelines with 4 events")
    assert result.stderr == ""


def test_make_check_validates_the_real_data():
    result = subprocess.run(["make", "--no-print-directory", "check"], cwd=ROOT, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "data: OK:" in result.stdout


HOSTILE_NAME = "x,line=1::\n::stop-commands::pwned\n::error file=a.yml::injected %0A 100%.yml"


def test_a_hostile_file_name_cannot_print_its_own_workflow_commands(tmp_path: Path):
    """A pull request's file name with line breaks, '::', ',' and '%' stays inside its annotation."""
    data_with_mistake("bad-date", tmp_path)
    timelines = tmp_path / "data" / "timelines"
    (timelines / HOSTILE_NAME).write_bytes((timelines / "example-relations.yml").read_bytes())
    result = run_check(tmp_path, github=True)
    assert result.returncode == 1
    annotations = result.stdout.splitlines()
    assert annotations and all(line.startswith("::error file=") for line in annotations), annotations
    # The runner reads the command name up to the first space: always `error`, never `stop-commands`.
    assert {line.split("::", 2)[1].split(" ")[0] for line in annotations} == {"error"}
    hostile = [line for line in annotations if "stop-commands" in line]
    assert hostile, annotations
    for line in hostile:
        # Properties end at the second '::'; the file property holds the whole name, escaped, and nothing more.
        _, properties, message = line.split("::", 2)
        file_property = properties.removeprefix("error file=").split(",line=")[0]
        assert unescape_property(file_property).endswith(HOSTILE_NAME), file_property
        assert "\n" not in message and "\r" not in message


def unescape_property(value: str) -> str:
    """As the runner reads a property back (GitHub's toolkit escapes these five)."""
    for escaped, character in (("%2C", ","), ("%3A", ":"), ("%0A", "\n"), ("%0D", "\r"), ("%25", "%")):
        value = value.replace(escaped, character)
    return value


def test_annotations_escape_as_githubs_toolkit_does():
    from hooks.content.problems import Problem

    problem = Problem("data/a,b:c%d\r\ne.yml", 3, "events[0].date", "100% wrong:\r\n::stop-commands::x")
    assert problem.github_annotation() == ("::error file=data/a%2Cb%3Ac%25d%0D%0Ae.yml,line=3,title=data check"
                                           "::events[0].date: 100%25 wrong:%0D%0A::stop-commands::x")
def wait_for(condition, what: str) -> None:
    """Wait for a file-system event's effect (bounded, so a missed event fails instead of hanging)."""
    deadline = time.monotonic() + 30
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


def test_watch_mode_reports_a_broken_front_matter_on_save_and_clears_when_fixed(tmp_path: Path, capsys):
    """`make check WATCH=1`: how article front matter (which no YAML language server sees) is checked while editing."""
    from hooks.check import check
    from hooks.check_watch import watch

    data = data_with_mistake("empty-field-after-import", tmp_path)  # lays a broken article over the fixture
    article = data / "articles" / "example-harbour-talks.md"
    broken = article.read_text(encoding="utf-8")
    fixed = broken.replace('title: ""', "title: Example harbour talks", 1).replace("title: ''", "title: Example harbour talks", 1)
    assert fixed != broken
    article.write_text(fixed, encoding="utf-8")
    results: list[int] = []
    stop = threading.Event()
    watcher = threading.Thread(target=watch, args=(data, lambda: results.append(check(data))), kwargs={"stop": stop})
    watcher.start()
    try:
        wait_for(lambda: results == [0], "the first check")
        article.write_text(broken, encoding="utf-8")
        wait_for(lambda: results[-1:] == [1], "the check after the broken save")
        article.write_text(fixed, encoding="utf-8")
        wait_for(lambda: results[-1:] == [0], "the check after the fix")
    finally:
        stop.set()
        watcher.join()
    captured = capsys.readouterr()
    assert "example-harbour-talks.md:2: title: is empty" in captured.err
    assert "watching" in captured.out and "changed; checking again" in captured.out
    assert "Traceback" not in captured.err


def test_watch_mode_ignores_editor_leftovers_and_survives_a_replaced_data_folder(tmp_path: Path):
    """The watch `make check WATCH=1` shares with the preview (hooks/data_watch.py)."""
    import shutil
    import threading

    from hooks.check_watch import watch

    data_with_mistake("bad-date", tmp_path)
    data = tmp_path / "data"
    checks, said, stop = [], [], threading.Event()
    runner = threading.Thread(target=watch, args=(data, lambda: checks.append(1)),
                              kwargs={"stop": stop, "announce": said.append}, daemon=True)
    runner.start()
    try:
        wait_for(lambda: any("watching" in line for line in said), "the watch to start")
        (data / "timelines" / ".example-relations.yml.swp").write_text("x", encoding="utf-8")  # vim's swap file
        time.sleep(1.0)
        assert len(checks) == 1, "an editor's swap file is not a save"
        shutil.move(str(data), str(tmp_path / "data.bak"))
        shutil.copytree(tmp_path / "data.bak", data)
        wait_for(lambda: len(checks) >= 2, "a check once data/ is back")
        before = len(checks)
        (data / "topics.yml").write_text((data / "topics.yml").read_text(encoding="utf-8") + "\n", encoding="utf-8")
        wait_for(lambda: len(checks) > before, "a save in the new data/ to be checked")
    finally:
        stop.set()
        runner.join(timeout=10)
