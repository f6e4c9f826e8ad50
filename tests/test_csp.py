"""The Content-Security-Policy of the real site, and what it relies on: no inline script or style on
any page, every script a file of the site, Material's inline scripts moved into files unchanged."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from jinja2 import Environment

from tests.conftest import MATERIAL_TEMPLATES
from tests.html_safety import unsafe_markup

ROOT = Path(__file__).resolve().parents[1]
OVERRIDES = ROOT / "overrides"
# Our file for each of Material's inline scripts (partial, which <script> in it, how the file differs).
MOVED_SCRIPTS = {
    "x-md-base.js": ("base.html", -1, ('"{{ config.extra.scope | d(base_url) }}"', "document.currentScript.dataset.mdScope")),
    "x-md-palette.js": ("palette.html", -1, None),
    "x-md-content.js": ("content.html", -1, None),
    "x-md-content-tabs.js": ("content.html", 0, None),
}


class _Head(HTMLParser):
    """The CSP meta tags of a page, what comes before the first one, and every script's src."""

    def __init__(self) -> None:
        super().__init__()
        self.policies: list[str] = []
        self.before_policy: list[str] = []
        self.scripts: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        values = dict(attrs)
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.policies.append(values.get("content") or "")
        elif not self.policies:
            self.before_policy.append(tag)
        if tag == "script" and values.get("src"):
            self.scripts.append(values["src"])


def directives(policy: str) -> dict[str, list[str]]:
    parsed = {}
    for part in policy.split(";"):
        if part.strip():
            name, *sources = part.split()
            parsed[name] = sources
    return parsed


@pytest.fixture(scope="module")
def pages(built_site: Path) -> dict[str, _Head]:
    heads = {}
    for path in sorted(built_site.rglob("*.html")):
        head = _Head()
        head.feed(path.read_text(encoding="utf-8"))
        heads[path.relative_to(built_site).as_posix()] = head
    return heads


def test_every_page_has_one_policy_that_allows_only_the_sites_own_scripts_and_styles(pages):
    assert len(pages) > 20
    for name, head in pages.items():
        assert len(head.policies) == 1, name
        policy = directives(head.policies[0])
        assert policy["default-src"] == ["'self'"], name
        # Pagefind's WebAssembly needs 'wasm-unsafe-eval' (WebAssembly only); no 'unsafe-inline',
        # 'unsafe-eval', hosts or hashes.
        assert policy["script-src"] == ["'self'", "'wasm-unsafe-eval'"], name
        assert policy["style-src"] == ["'self'"], name
        assert policy["object-src"] == ["'none'"] and policy["base-uri"] == ["'self'"], name
        assert policy["worker-src"] == ["'self'"] and policy["connect-src"] == ["'self'"], name  # search
        everything = " ".join(source for sources in policy.values() for source in sources)
        assert not re.search(r"\*|https?:|unsafe", everything.replace("'wasm-unsafe-eval'", "")), \
            f"{name}: {head.policies[0]}"
        # A meta policy covers only what follows it: nothing that can run may come first.
        assert not {"script", "style", "iframe", "object", "embed"} & set(head.before_policy), name


def test_no_page_needs_what_the_policy_forbids(built_site: Path):
    # Inline scripts and styles, event handlers and javascript: links would be blocked (or unsafe).
    findings = {path.relative_to(built_site).as_posix(): found for path in sorted(built_site.rglob("*.html"))
                if (found := unsafe_markup(path.read_text(encoding="utf-8")))}
    assert not findings, findings


def test_every_script_is_a_file_of_the_site(built_site: Path, pages):
    for name, head in pages.items():
        assert head.scripts, name
        for src in head.scripts:
            target = urlsplit(urljoin(f"http://site/{name}", src))
            assert target.netloc == "site", f"{name}: {src}"
            assert (built_site / target.path.lstrip("/")).is_file(), f"{name}: {src} is not in the site"


@pytest.mark.parametrize("script", sorted(MOVED_SCRIPTS))
def test_materials_inline_scripts_are_moved_into_files_unchanged(script: str):
    partial, which, change = MOVED_SCRIPTS[script]
    original = re.findall(r"<script>(.*?)</script>", (MATERIAL_TEMPLATES / "partials" / "javascripts" / partial).read_text(),
                          re.DOTALL)[which]
    if change:
        original = original.replace(*change)
    ours = (OVERRIDES / "assets" / "javascripts" / script).read_text(encoding="utf-8")
    code = re.sub(r"^/\*.*?\*/\n", "", ours, flags=re.DOTALL).strip()
    assert code == original.strip(), f"Material's {partial} changed: copy its script into {script} again"
    # …and our partial loads the file instead of the inline script.
    assert script in (OVERRIDES / "partials" / "javascripts" / partial).read_text(encoding="utf-8")


def test_only_the_preview_allows_inline_scripts_for_its_live_reload():
    template = Environment().from_string((OVERRIDES / "partials" / "x-csp.html").read_text(encoding="utf-8"))
    built, served = template.render(x_live_reload=False), template.render(x_live_reload=True)
    assert "'unsafe-inline'" not in built
    assert "script-src 'self' 'wasm-unsafe-eval' 'unsafe-inline';" in served
    assert served.replace(" 'unsafe-inline'", "") == built


def test_the_header_is_materials_with_our_search_in_place_of_its_own():
    """overrides/partials/header.html is a copy of Material's: after an upgrade, copy it again."""
    def without(text: str, first: str, last: str) -> str:
        """The template without its leading comment and the lines from `first` up to `last` (kept)."""
        text = re.sub(r"^\{#-.*?-#\}\n", "", text, flags=re.DOTALL)
        start, end = text.index(first), text.index(last)
        return text[:start] + text[end:]

    ours = (OVERRIDES / "partials" / "header.html").read_text(encoding="utf-8")
    material = (MATERIAL_TEMPLATES / "partials" / "header.html").read_text(encoding="utf-8")
    assert '{% include "partials/x-search.html" %}' in ours
    assert without(ours, "    {#- The one change", "    {% if config.repo_url %}") == \
        without(material, '    {% if "material/search" in config.plugins %}', "    {% if config.repo_url %}"), \
        "Material's partials/header.html changed: copy it into overrides/partials/header.html again"
