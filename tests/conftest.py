"""Shared test helpers: the repository root on sys.path, and a writable copy of the fixture data."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "minimal" / "data"
MATERIAL_TEMPLATES = Path(__import__("material").__file__).parent / "templates"  # the theme as installed

if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A fresh copy of the minimal fixture at tmp_path/data (messages then name 'data/...')."""
    target = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, target)
    return target


SITE_SOURCES = ("mkdocs.yml", "docs", "overrides", "hooks", "data")


def build_site(project: Path, site_dir: Path, *extra_args: str) -> subprocess.CompletedProcess[str]:
    """Run a real `mkdocs build --strict` of `project` into `site_dir`; return the finished process."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / "mkdocs.yml"),
         "-d", str(site_dir), *extra_args],
        cwd=project, env=env, capture_output=True, text=True, timeout=600,
    )


def copy_project(target: Path, data: Path | None = None) -> Path:
    """A copy of the site sources (optionally with another data/) to build without touching the repo."""
    target.mkdir(parents=True, exist_ok=True)
    for name in SITE_SOURCES:
        source = data if (name == "data" and data is not None) else ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real site, built once per test session with `mkdocs build --strict` into a temp dir."""
    site_dir = tmp_path_factory.mktemp("built") / "site"
    result = build_site(ROOT, site_dir)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stderr[-4000:]}"
    assert "WARNING" not in result.stderr, result.stderr[-4000:]
    return site_dir


@pytest.fixture(scope="session")
def site():
    """The real data/, loaded (modules testing other data override this fixture)."""
    from hooks.content.load import load_site

    return load_site(ROOT / "data")


@pytest.fixture(scope="session")
def pages(built_site: Path):
    """Every page of the built site: its ids, links, loads and tooltips (tests/html_index.py)."""
    from tests.html_index import index_site

    return index_site(built_site)
