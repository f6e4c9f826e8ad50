"""The exit path from MkDocs 1.x: ProperDocs (a drop-in fork of MkDocs 1.6) builds the same site,
from the same files, unchanged (only the generator tag says who built it)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

GENERATOR = re.compile(rb'\s*<meta name="generator" content="[^"]*">')


def properdocs() -> list[str]:
    """The `properdocs` command of the venv running the tests (requirements-test.txt pins it)."""
    return [str(Path(sys.executable).with_name("properdocs"))]


def test_properdocs_builds_the_same_site(built_site: Path, tmp_path: Path):
    site_dir = tmp_path / "site"
    result = subprocess.run([*properdocs(), "build", "--strict", "-f", str(ROOT / "mkdocs.yml"), "-d", str(site_dir)],
                            cwd=ROOT, env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    assert "WARNING" not in result.stderr, result.stderr[-4000:]

    def files(root: Path) -> dict[str, Path]:
        # Compressed sitemaps carry gzip's timestamp; the plain sitemap beside them is compared.
        return {path.relative_to(root).as_posix(): path for path in root.rglob("*")
                if path.is_file() and path.suffix != ".gz"}

    ours, theirs = files(site_dir), files(built_site)
    assert sorted(ours) == sorted(theirs)
    differing = [name for name in ours
                 if GENERATOR.sub(b"", ours[name].read_bytes()) != GENERATOR.sub(b"", theirs[name].read_bytes())]
    assert not differing, f"properdocs built these differently: {differing[:20]}"
    home = (site_dir / "index.html").read_text(encoding="utf-8")
    assert 'content="mkdocs-ProperDocs' in home  # it really was ProperDocs
