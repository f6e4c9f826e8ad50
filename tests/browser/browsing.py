"""What the browser tests share besides fixtures: where Chromium is, how it starts, screen sizes."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "tests" / "artifacts"  # git-ignored; screenshots and the print PDF for people to look at
from bench.reader import CHROMIUM, CHROMIUM_ARGS, PHONE  # noqa: F401 (one home: the benchmark drives Chromium too)

DESKTOP = {"width": 1280, "height": 900}


def screenshot(page: Page, name: str) -> Path:
    """A full-page PNG under tests/artifacts/."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    path = ARTIFACTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True, animations="disabled")  # no half-faded header tabs
    return path
