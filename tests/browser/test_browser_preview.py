"""The preview as an editor sees it in the browser: a save that breaks data/ puts the problems over
the open page at once (no click, no reload by hand), within the site's Content-Security-Policy and
without a serious accessibility violation; the fix takes them away. The screenshot of the error on
the page is left in tests/artifacts/preview-problems.png."""

from __future__ import annotations

import re
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, expect

from tests.browser.browsing import DESKTOP, screenshot
from tests.browser.test_browser_csp import WATCH_VIOLATIONS
from tests.conftest import copy_project
from tests.test_preview import REBUILD_SECONDS, save, serving

SERIOUS = {"serious", "critical"}


def test_a_broken_save_shows_on_the_open_page_and_the_fix_clears_it(browser: Browser, tmp_path: Path):
    project = copy_project(tmp_path / "project")
    topics = project / "data" / "topics.yml"
    good = topics.read_text(encoding="utf-8")
    with serving(project) as preview:
        context = browser.new_context(viewport=DESKTOP, locale="en-GB")
        requested: list[str] = []
        context.on("request", lambda request: requested.append(request.url))
        page = context.new_page()
        page.add_init_script(WATCH_VIOLATIONS)
        page.goto(preview.url + "topics/", wait_until="load")
        problems = page.locator(".x-preview-problems")
        expect(problems).to_have_count(0)

        # The editor's slip: a field indented with a tab, and a title with markup in it.
        broken = good.replace("  title: ", "\ttitle: <b>Talks</b> ", 1)
        line = broken.split("\n").index(next(row for row in broken.split("\n") if row.startswith("\t"))) + 1
        save(topics, broken)
        expect(problems).to_be_visible(timeout=REBUILD_SECONDS * 1000)  # live reload brings it in
        expect(problems.locator("h2")).to_have_text("Not updated: data/ has 1 problem; this page is the last good build")
        expect(problems.locator("li pre")).to_contain_text(
            f"data/topics.yml:{line}: YAML syntax: a tab character is used for indentation; indent with spaces")
        expect(problems.locator("li pre")).to_contain_text("→title: <b>Talks</b>")  # shown as typed, not bold
        assert problems.locator("b").count() == 0
        box = problems.bounding_box()
        assert box is not None and box["y"] == 0 and box["width"] == DESKTOP["width"]  # over the page, at the top
        assert page.evaluate("window.__violations") == []
        serious = [v["id"] for v in Axe().run(page).response["violations"] if v["impact"] in SERIOUS]
        assert not serious, serious
        screenshot(page, "preview-problems")

        save(topics, good)
        expect(problems).to_have_count(0, timeout=REBUILD_SECONDS * 1000)
        expect(page.locator("h1")).to_have_text("Topics")
        context.close()
    foreign = [url for url in requested if not re.match(r"(http://127\.0\.0\.1:\d+/|data:|blob:|about:)", url)]
    assert not foreign, foreign
