"""The Content-Security-Policy in a real browser: it is enforced, and search (a Web Worker), the
palette toggle and the timeline filters all work under it without a single violation."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from playwright.sync_api import Page, expect

from bench.reader import search_in_page
from hooks.content.load import load_site

ROOT = Path(__file__).resolve().parents[2]

# Records what the policy blocks, from before any of the page's own scripts run.
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__violations.push(`${event.effectiveDirective} blocked ${event.blockedURI || "inline"} (${event.sourceFile}:${event.lineNumber})`);
});
"""


@pytest.fixture
def watched(open_page: Callable[..., Page]) -> Callable[..., tuple[Page, list[str]]]:
    """watched(path) -> (page, errors): the page reloaded with violations recorded from the start;
    `errors` collects uncaught script errors (a blocked helper script makes Material's bundle throw)."""

    def open_watched(path: str, **options) -> tuple[Page, list[str]]:
        page = open_page(path, **options)
        errors: list[str] = []
        page.on("pageerror", lambda error: errors.append(str(error)))
        page.add_init_script(WATCH_VIOLATIONS)
        page.reload(wait_until="load")
        return page, errors

    return open_watched


def violations(page: Page) -> list[str]:
    return page.evaluate("window.__violations")


def test_the_policy_blocks_inline_script_and_event_handlers(watched):
    page, _ = watched("")
    ran = page.evaluate("""() => {
        window.__ran = [];
        const script = document.createElement("script");
        script.textContent = "window.__ran.push('inline script')";
        document.body.append(script);
        const holder = document.createElement("div");
        holder.innerHTML = '<img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" onload="window.__ran.push(\\'onload\\')">';
        document.body.append(holder);
        return new Promise((resolve) => setTimeout(() => resolve(window.__ran), 300));
    }""")
    assert ran == [], "the policy let an inline script or an event handler run"
    assert any(v.startswith("script-src") for v in violations(page)), violations(page)


def test_search_palette_and_filters_work_under_the_policy(watched):
    site = load_site(ROOT / "data")
    person = next(iter(site.people.values()))
    page, errors = watched("")

    # Search compiles Pagefind's WebAssembly, may start its Web Worker, and fetches index chunks.
    assert search_in_page(page, person.name), f"{person.name!r} found nothing under the policy"
    page.keyboard.press("Escape")

    # The palette toggle: Material's scripts reveal it; the choice survives a reload.
    toggle = page.locator("form[data-md-component=palette] label:not([hidden])")
    expect(toggle).to_have_count(1)
    toggle.click()
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    page.reload(wait_until="load")
    expect(page.locator("body")).to_have_attribute("data-md-color-scheme", "slate")
    assert violations(page) == [] and errors == []

    # The timeline filters narrow the list.
    timeline = max(site.timelines.values(), key=lambda t: len(t.events))
    page, errors = watched(f"timelines/{timeline.id}/")
    chip = page.locator('.x-chip[data-filter="topic"]').first
    expect(chip).to_be_visible()
    chip.click()
    expect(chip).to_have_attribute("aria-pressed", "true")
    shown = page.locator("ol.x-timeline > li.x-event:visible").count()
    assert 0 < shown < len(timeline.events)
    assert violations(page) == [] and errors == []


@pytest.mark.parametrize("path", ["", "glossary/", "articles/", "people/"])
def test_pages_load_without_a_violation(watched, path: str):
    page, errors = watched(path, color_scheme="dark")
    page.wait_for_timeout(300)  # Material's deferred work (tooltips, sidebar) runs after load
    assert violations(page) == [] and errors == []
