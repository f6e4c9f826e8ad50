"""A buildable project around the minimal fixture data (or a variant of it), for real builds in tests.

The repository's docs/index.md links to the real articles, which the fixture does not have; here the
home page is replaced by one that fits the fixture: the generated-block markers, and glossary terms
in hand-written text (so tooltips on hand-written pages are exercised too).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.conftest import FIXTURE_DATA, copy_project

HOME_PAGE = """# Example harbour relations

Talks at Example Harbour and Sample Bay led to the EFA, all of it invented for tests.

## Latest events

<!-- explainer:latest-events -->

<!-- explainer:upcoming-events -->
"""


def fixture_project(target: Path, data: Path = FIXTURE_DATA) -> Path:
    """target/: the site sources with `data` as data/ and a home page that fits the fixture."""
    project = copy_project(target, data=data)
    (project / "docs" / "index.md").write_text(HOME_PAGE, encoding="utf-8")
    return project


def lay_over(data: Path, overlay: Path) -> None:
    """Copy overlay's files over data/ (same paths as under data/)."""
    shutil.copytree(overlay, data, dirs_exist_ok=True)
