"""A build that fails leaves the last good site exactly as it was; one that succeeds replaces it whole.

Validation runs in on_config, before MkDocs empties site_dir; everything after it is built into a
staging folder beside site_dir, swapped in only at the end (hooks/publish/staging.py). These are real
`mkdocs build --strict` runs of the fixture project.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from hooks.publish import staging
from tests.conftest import FIXTURE_DATA, ROOT, build_site
from tests.fixture_site import fixture_project, lay_over

HOSTILE = Path(__file__).resolve().parent / "hostile"


@pytest.fixture(scope="module")
def good_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The fixture site, built once; each test works on its own copy (mtimes kept)."""
    parent = tmp_path_factory.mktemp("good")
    result = build_site(fixture_project(parent / "project"), parent / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return parent / "site"


def snapshot(folder: Path) -> dict[str, tuple[str, int]]:
    """Every file under folder: its content hash and modification time."""
    return {path.relative_to(folder).as_posix(): (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mtime_ns)
            for path in sorted(folder.rglob("*")) if path.is_file()}


def copy_of(site: Path, parent: Path) -> Path:
    target = parent / "site"
    shutil.copytree(site, target)  # copy2: modification times too
    return target


def leftovers(parent: Path) -> list[str]:
    """Anything the build left beside the site (staging or old folders)."""
    return sorted(path.name for path in parent.iterdir() if path.name.startswith("."))


def test_invalid_data_stops_the_build_before_anything_is_written(good_site: Path, tmp_path: Path):
    site = copy_of(good_site, tmp_path)
    before = snapshot(site)
    project = fixture_project(tmp_path / "project")
    lay_over(project / "data", HOSTILE / "url-javascript")
    result = build_site(project, site)
    assert result.returncode != 0
    assert "data/references.yml:5: [0].url: 'javascript:alert(1)' is not an allowed URL" in result.stderr
    assert "Traceback" not in result.stderr
    assert snapshot(site) == before
    assert leftovers(tmp_path) == []


def _broken_link(project: Path) -> None:
    # `--strict` aborts on this warning only after every page has been written.
    with (project / "docs" / "about.md").open("a", encoding="utf-8") as about:
        about.write("\n[A page that does not exist](no-such-page.md)\n")


def _template_error(project: Path) -> None:
    # An exception while pages are being rendered (after the theme's assets are copied).
    (project / "overrides" / "partials" / "x-csp.html").write_text("{{ no_such_value.at.all }}\n", encoding="utf-8")


@pytest.mark.parametrize("break_it", [_broken_link, _template_error], ids=["strict-warning", "template-error"])
def test_a_build_failing_midway_keeps_the_last_good_site(good_site: Path, tmp_path: Path, break_it):
    site = copy_of(good_site, tmp_path)
    before = snapshot(site)
    project = fixture_project(tmp_path / "project")
    break_it(project)
    result = build_site(project, site)
    assert result.returncode != 0, result.stderr[-2000:]
    assert snapshot(site) == before
    assert leftovers(tmp_path) == []


def test_a_good_build_replaces_the_whole_site(good_site: Path, tmp_path: Path):
    site = copy_of(good_site, tmp_path)
    (site / "stale-page.html").write_text("from an older build", encoding="utf-8")
    project = fixture_project(tmp_path / "project", data=FIXTURE_DATA)
    with (project / "docs" / "about.md").open("a", encoding="utf-8") as about:
        about.write("\nA sentence added since the last build.\n")
    result = build_site(project, site)
    assert result.returncode == 0, result.stderr[-3000:]
    assert not (site / "stale-page.html").exists()
    assert "A sentence added since the last build." in (site / "about" / "index.html").read_text(encoding="utf-8")
    assert site.stat().st_mode & 0o755 == 0o755, "a web server must be able to read the new site"
    assert leftovers(tmp_path) == []


# site/ as a link to a web server's folder: the folder stays, its files are replaced one by one.

def site_files(folder: Path) -> dict[str, str]:
    return {path.relative_to(folder).as_posix(): path.read_text(encoding="utf-8")
            for path in sorted(folder.rglob("*")) if path.is_file()}


def write_site(folder: Path, files: dict[str, str]) -> None:
    for name, content in files.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(content, encoding="utf-8")


OLD_SITE = {"index.html": "old home", "about/index.html": "old about", "gone/index.html": "old page now removed",
            "assets/app.js": "old script"}
NEW_SITE = {"index.html": "new home", "about/index.html": "new about", "assets/app.js": "new script",
            "added/index.html": "a new page"}


def linked_site(tmp_path: Path) -> tuple[Path, Path]:
    """project/site -> www/explainer, holding the old site."""
    served = tmp_path / "www" / "explainer"
    write_site(served, OLD_SITE)
    (tmp_path / "project").mkdir()
    link = tmp_path / "project" / "site"
    link.symlink_to(served, target_is_directory=True)
    return link, served


def test_publishing_through_a_link_replaces_the_served_folders_contents(tmp_path: Path):
    link, served = linked_site(tmp_path)
    inode = served.stat().st_ino
    staged = staging.stage(link)
    write_site(staged, NEW_SITE)
    staging.publish(staged, link)
    assert link.is_symlink() and served.stat().st_ino == inode, "the web server's folder stays where it is"
    assert site_files(served) == NEW_SITE
    assert leftovers(tmp_path / "project") == []


KILLED_PUBLISH = """
import os, sys
from pathlib import Path
from hooks.publish import staging
from tests.test_atomic_build import NEW_SITE, write_site

link, killed_after = Path(sys.argv[1]), int(sys.argv[2])
staged = staging.stage(link)
write_site(staged, NEW_SITE)
real_replace, renames = os.replace, []

def replace_then_die(source, destination):
    if len(renames) == killed_after:
        os.kill(os.getpid(), 9)  # killed: nothing after this point runs
    renames.append(destination)
    real_replace(source, destination)

staging.os.replace = replace_then_die
staging.publish(staged, link)
"""


@pytest.mark.parametrize("killed_after", [0, 1, 2, 3])
def test_a_publish_killed_midway_leaves_no_page_missing(tmp_path: Path, killed_after: int):
    link, served = linked_site(tmp_path)
    result = subprocess.run([sys.executable, "-c", KILLED_PUBLISH, str(link), str(killed_after)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == -9, result.stderr
    now = site_files(served)
    for name in OLD_SITE:  # every page still there, in its old or new version
        assert now[name] in (OLD_SITE[name], NEW_SITE.get(name)), name
    assert len(leftovers(tmp_path / "project")) == 1, "the killed build's staging folder"
    # The next build removes it, and publishes whole.
    again = staging.stage(link)
    assert leftovers(tmp_path / "project") == [again.name]
    write_site(again, NEW_SITE)
    staging.publish(again, link)
    assert site_files(served) == NEW_SITE


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_the_next_build_removes_what_killed_builds_left_but_not_a_running_ones(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    left = [f".site-building-{dead_pid()}-0123abcd", f".site-old-{dead_pid()}-89abcdef",
            ".site-building-deadbeef", ".site-old-0badf00d"]  # the last two: named before process ids were
    running = f".site-building-{os.getpid()}-feedf00d"
    for name in [*left, running]:
        (tmp_path / name / "assets").mkdir(parents=True)
    (tmp_path / ".site-notes").mkdir()  # not ours
    staged = staging.stage(site)
    assert leftovers(tmp_path) == sorted([".site-notes", running, staged.name])


def test_make_clean_removes_what_killed_builds_left(tmp_path: Path):
    shutil.copy(ROOT / "Makefile", tmp_path / "Makefile")
    for name in ("site", ".site-building-1234-0123abcd", ".site-old-89abcdef", ".site-notes"):
        (tmp_path / name).mkdir()
    result = subprocess.run(["make", "--no-print-directory", "clean"], cwd=tmp_path, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == [".site-notes", "Makefile"]
