"""A build that fails leaves the last good site exactly as it was; one that succeeds replaces it whole.

Validation runs in on_config, before MkDocs empties site_dir; everything after it is built into a
staging folder beside site_dir, swapped in only at the end (hooks/publish/staging.py). These are real
`mkdocs build --strict` runs of the fixture project.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from tests.conftest import FIXTURE_DATA, build_site
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
