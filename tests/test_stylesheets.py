"""Trimming Material's stylesheets (hooks/publish/stylesheets.py): what no page or script can match
goes, everything that might match stays. The browser test (tests/browser/test_browser_stylesheets.py)
checks that the real site looks the same to the pixel."""

from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

import tinycss2

from hooks.publish.stylesheets import SiteAssets, UsedNames, trim
from tests.conftest import MATERIAL_TEMPLATES


def _names(page: str = "", script: str = "", palettes: dict | list[dict] | None = None, own_css: str = "",
           by_hand: bool = True) -> UsedNames:
    used = UsedNames()
    used.add_page(page, by_hand=by_hand)
    used.add_script(script)
    used.add_palette(palettes)
    used.add_stylesheet(own_css)
    return used


def _trim(css: str, used: UsedNames) -> str:
    return trim({"main.css": css}, used)["main.css"]


def _selectors(css: str) -> list[str]:
    """Every rule's selector list, nested ones with their at-rule's prelude."""
    found = []

    def walk(rules, within=""):
        for rule in rules:
            if rule.type == "qualified-rule":
                found.append(within + tinycss2.serialize(rule.prelude).strip())
            elif rule.type == "at-rule" and rule.content is not None:
                walk(tinycss2.parse_rule_list(rule.content, skip_whitespace=True),
                     f"@{rule.at_keyword}{tinycss2.serialize(rule.prelude)} ")
    walk(tinycss2.parse_stylesheet(css, skip_whitespace=True, skip_comments=True))
    return found


PAGE = '<html class="no-js"><body><div class="md-header md-header--lifted"><p class="x">Hi</p></div></body></html>'


def test_a_rule_naming_a_class_no_page_has_goes_and_one_naming_only_used_classes_stays():
    css = ".md-header{color:red}.md-search{color:blue}.md-header .md-search__input{color:green}"
    assert _selectors(_trim(css, _names(PAGE))) == [".md-header"]


def test_a_selector_list_keeps_only_the_selectors_that_can_match():
    css = ".md-search,.md-header--lifted,.md-tabs{top:0}"
    assert _selectors(_trim(css, _names(PAGE))) == [".md-header--lifted"]


def test_elements_no_page_has_are_matched_like_classes():
    css = ".md-header p{margin:0}.md-header details summary{margin:1px}DIV{margin:2px}"
    assert _selectors(_trim(css, _names(PAGE))) == [".md-header p", "DIV"]


def test_is_and_where_need_one_alternative_not_never_needs_anything():
    css = (".md-header :is(.md-search,.x){a:b}.md-header :is(.md-search,.md-tabs){c:d}"
           ".md-header:not(.md-search){e:f}:where(.md-tabs) p{g:h}")
    assert _selectors(_trim(css, _names(PAGE))) == [".md-header :is(.md-search,.x)", ".md-header:not(.md-search)"]


def test_pseudo_elements_and_classes_are_not_taken_for_elements():
    css = ".md-header:hover:before{a:b}.md-header::-webkit-scrollbar{c:d}.x:first-child{e:f}"
    assert len(_selectors(_trim(css, _names(PAGE)))) == 3


def test_a_class_a_script_mentions_stays_even_if_no_page_has_it_yet():
    # Material's script adds these after load: the header's shadow, the tooltip it creates.
    css = ".md-header--shadow{a:b}.md-tooltip2__inner{c:d}.md-annotation{e:f}"
    script = 'e.classList.toggle("md-header--shadow",t);h("div",{class:"md-tooltip2__inner"})'
    assert _selectors(_trim(css, _names(PAGE, script))) == [".md-header--shadow", ".md-tooltip2__inner"]


def test_media_queries_are_trimmed_inside_and_dropped_when_empty_other_at_rules_stay():
    css = ("@media screen{.md-search{a:b}}@media print{.md-header{c:d}.md-search{e:f}}"
           "@keyframes fade{0%{opacity:0}to{opacity:1}}@font-face{font-family:X;src:local(X)}")
    out = _trim(css, _names(PAGE))
    assert _selectors(out)[0] == "@media print .md-header"
    assert "@media screen" not in out and ".md-search" not in out
    assert "@keyframes fade" in out and "@font-face" in out


def test_palette_colours_the_config_does_not_use_go_and_the_ones_it_uses_stay():
    css = ("[data-md-color-primary=red]{--md-primary-fg-color:red}[data-md-color-primary=indigo]{--md-primary-fg-color:blue}"
           "[data-md-color-scheme=slate][data-md-color-primary=pink]{a:b}[data-md-color-scheme=slate]{c:d}"
           "[data-md-color-switching] *{e:f}.x{color:var(--md-primary-fg-color)}")
    palettes = [{"scheme": "default", "primary": "indigo", "accent": "indigo"},
                {"scheme": "slate", "primary": "indigo", "accent": "indigo"}]
    assert _selectors(_trim(css, _names(PAGE, palettes=palettes))) == [
        "[data-md-color-primary=indigo]", "[data-md-color-scheme=slate]", "[data-md-color-switching] *", ".x"]


def test_custom_properties_nothing_refers_to_go_also_through_chains():
    css = (":root{--used:1px;--chain-end:red;--chain:var(--chain-end);--unused-end:blue;--unused:var(--unused-end);"
           "--own:green;--in-script:0}.x{margin:var(--used);color:var(--chain)}")
    out = _trim(css, _names(PAGE, script='getPropertyValue("--in-script")', own_css=".y{color:var(--own)}"))
    for kept in ("--used:", "--chain-end:", "--chain:", "--own:", "--in-script:"):
        assert kept in out
    assert "--unused" not in out


def test_a_property_one_sheet_defines_and_another_uses_stays():
    sheets = {"palette.css": "[data-md-color-primary=indigo]{--md-primary-fg-color:#4051b5;--md-other:red}",
              "main.css": ".x{color:var(--md-primary-fg-color)}"}
    out = trim(sheets, _names(PAGE, palettes=[{"primary": "indigo"}]))
    assert "--md-primary-fg-color:#4051b5" in out["palette.css"]
    assert "--md-other" not in out["palette.css"]


def test_colours_left_out_of_the_palette_are_material_s_defaults():
    css = "[data-md-color-primary=indigo]{a:b}[data-md-color-primary=teal]{c:d}[data-md-color-scheme=default]{e:f}"
    kept = _selectors(_trim(css, _names(PAGE, palettes=[{"scheme": "default", "primary": "teal"}, {"scheme": "slate"}])))
    assert kept == ["[data-md-color-primary=indigo]", "[data-md-color-primary=teal]", "[data-md-color-scheme=default]"]
    assert _selectors(_trim(css, _names(PAGE, palettes=None))) == [  # no palette in mkdocs.yml at all
        "[data-md-color-primary=indigo]", "[data-md-color-scheme=default]"]


def test_a_single_palette_counts_like_a_list_of_one():
    css = "[data-md-color-primary=red]{a:b}[data-md-color-primary=indigo]{c:d}"
    assert _selectors(_trim(css, _names(PAGE, palettes={"primary": "indigo"}))) == ["[data-md-color-primary=indigo]"]


def test_a_rule_left_without_declarations_goes():
    css = ":root{--unused:1px}.x{color:red}"
    assert _selectors(_trim(css, _names(PAGE))) == [".x"]


def test_inline_styles_in_pages_keep_their_properties():
    css = ":root{--md-accent-fg-color:#526cfe}"
    page = PAGE + '<span style="color: var(--md-accent-fg-color)">accent</span>'
    assert "--md-accent-fg-color" in _trim(css, _names(page))


def test_classes_written_by_hand_in_any_form_count():
    # Raw HTML in docs/*.md reaches the page as the editor wrote it.
    page = """<div class='admonition note'><p CLASS=tip>x</p><p class = "md-a
    md-b">y</p></div>"""
    css = ".admonition{a:b}.note{c:d}.tip{e:f}.md-a{g:h}.md-b{i:j}.warning{k:l}"
    assert _selectors(_trim(css, _names(page))) == [".admonition", ".note", ".tip", ".md-a", ".md-b"]


def test_a_generated_page_is_read_for_the_markup_the_theme_and_hooks_write():
    page = '<div class="md-a md-b"></div>'
    assert _selectors(_trim(".md-a{a:b}.md-c{c:d}", _names(page, by_hand=False))) == [".md-a"]


def test_elements_a_browser_adds_itself_count():
    page = "<table><tr><td>1</td></tr></table>"  # the browser puts the row in a <tbody>
    assert _selectors(_trim("table tbody tr{a:b}thead{c:d}", _names(page))) == ["table tbody tr"]


def test_an_emptied_layer_block_stays_since_it_orders_the_layers():
    out = _trim("@layer base{.md-search{a:b}}@layer theme{.x{c:d}}", _names(PAGE))
    assert "@layer base" in out and ".md-search" not in out and "@layer theme" in out


def test_a_custom_property_used_only_in_keyframes_or_another_at_rule_stays():
    css = ":root{--fade:0.5;--gone:1}@keyframes k{to{opacity:var(--fade)}}"
    out = _trim(css, _names(PAGE))
    assert "--fade:" in out and "--gone" not in out


def test_the_theme_files_are_read_from_the_theme_and_written_whole_when_pages_are_unknown(tmp_path):
    theme, site, docs = tmp_path / "theme", tmp_path / "site", tmp_path / "docs"
    (theme / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "stylesheets").mkdir(parents=True)
    (site / "assets" / "javascripts").mkdir(parents=True)
    (site / "javascripts").mkdir(parents=True)
    (site / "stylesheets").mkdir(parents=True)
    (theme / "assets/stylesheets/main.css").write_text(
        ".md-header{a:b}.md-search{c:d}.md-tooltip2{e:f}.md-mine{g:h}:root{--ours:1;--unused:2}")
    (site / "assets/stylesheets/main.css").write_text("stale output")
    (site / "assets/stylesheets/main.css.map").write_text("{}")
    (site / "assets/javascripts/bundle.js").write_text('h("div",{class:"md-tooltip2"})')
    (site / "javascripts/moved.js").write_text('element.classList.add("md-mine")')  # a page's own script
    (site / "stylesheets/ours.css").write_text(".x{color:var(--ours)}")

    def file(dest: str, source: Path | None):
        return SimpleNamespace(dest_uri=dest, abs_src_path=str(source) if source else None)

    files = [file("assets/stylesheets/main.css", theme / "assets/stylesheets/main.css"),
             file("assets/javascripts/bundle.js", theme / "assets/javascripts/bundle.js"),
             file("assets/javascripts/lunr/tinyseg.js", theme / "assets/javascripts/lunr/tinyseg.js"),
             file("javascripts/moved.js", docs / "javascripts/moved.js"),
             file("javascripts/draft.js", docs / "javascripts/draft.js"),  # left out of the build
             file("stylesheets/ours.css", docs / "stylesheets/ours.css"),
             file("data/events.json", None)]
    assets = SiteAssets.of(files, [str(theme)])
    assert assets == SiteAssets({"assets/stylesheets/main.css": theme / "assets/stylesheets/main.css"},
                                ["assets/javascripts/bundle.js", "javascripts/moved.js", "javascripts/draft.js"],
                                ["stylesheets/ours.css"])

    report = assets.write_stylesheets(site, _names(PAGE))
    assert (site / "assets/stylesheets/main.css").read_text() == (
        ".md-header{a:b;}.md-tooltip2{e:f;}.md-mine{g:h;}:root{--ours:1;}")
    assert not (site / "assets/stylesheets/main.css.map").exists()  # it described the whole file
    assert [(item.path, item.before > item.after) for item in report] == [("assets/stylesheets/main.css", True)]

    assert assets.write_stylesheets(site, None) == []  # a dirty build
    assert (site / "assets/stylesheets/main.css").read_text() == (theme / "assets/stylesheets/main.css").read_text()


def test_the_real_stylesheets_shrink_and_keep_what_the_real_pages_use(built_site: Path):
    theme = MATERIAL_TEMPLATES
    for sheet in sorted((built_site / "assets" / "stylesheets").glob("*.css")):
        original = (theme / sheet.relative_to(built_site)).read_text(encoding="utf-8")
        assert len(sheet.read_bytes()) < 0.7 * len(original.encode()), sheet.name
        assert not sheet.with_name(sheet.name + ".map").exists()
    main = next((built_site / "assets" / "stylesheets").glob("main.*.css")).read_text(encoding="utf-8")
    selectors = {selector.strip() for listed in _selectors(main) for selector in listed.split(",")}
    for used in (".md-header", ".md-nav__link", ".md-typeset h1", ".md-tooltip2", ".md-typeset__table"):
        assert used in selectors, used
    for unused in (".arithmatex", ".highlighttable", ".giscus"):  # extensions this site does not enable
        assert unused not in main, unused
