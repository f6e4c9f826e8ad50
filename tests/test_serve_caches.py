"""What `mkdocs serve` keeps from one rebuild to the next (hooks/search_cache.py, hooks/theme_listing.py)
changes how fast a rebuild is, never what it builds."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path
from types import SimpleNamespace

from hooks.search_cache import SearchEntryCache
from hooks.theme_listing import ThemeListing
from tests.conftest import copy_project

# Builds the project in one process as `mkdocs serve` rebuilds it (the hook module and its caches
# live on), editing one event between rebuilds, then once more as a fresh `mkdocs build`.
REBUILDS = textwrap.dedent("""
    import gc, json, re, sys
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project, out = Path(sys.argv[1]), Path(sys.argv[2])
    timeline = project / "data" / "timelines" / "china-south-korea.yml"

    def build_as(command, site_dir):
        config = load_config(str(project / "mkdocs.yml"), site_dir=str(site_dir))
        config.plugins.on_startup(command=command, dirty=False)
        build(config, serve_url="http://127.0.0.1:8000/" if command == "serve" else None)
        return config.plugins["hooks/mkdocs_hooks.py"]

    hooks = build_as("serve", out / "first")
    hooks = build_as("serve", out / "second")  # nothing changed
    stats = {"unchanged": [hooks._search_cache.hits, hooks._search_cache.misses]}
    text = timeline.read_text(encoding="utf-8")
    edited = re.sub(r"(?m)^(\\s*headline:).*$", r'\\1 "Edited during the preview"', text, count=1)
    timeline.write_text(edited, encoding="utf-8")
    hooks = build_as("serve", out / "edited")
    stats["edited"] = [hooks._search_cache.hits, hooks._search_cache.misses]
    stats["frozen_after_serving"] = gc.get_freeze_count()  # rebuilds' leftovers stay collectable
    build_as("build", out / "built")
    stats["frozen_after_a_build"] = gc.get_freeze_count()
    (out / "stats.json").write_text(json.dumps(stats))
""")


def test_rebuilds_index_the_same_as_a_fresh_build(tmp_path: Path):
    project = copy_project(tmp_path / "project")
    out = tmp_path / "out"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-c", REBUILDS, str(project), str(out)], cwd=project, env=env,
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr[-4000:]
    fresh = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                            "-d", str(out / "fresh")], cwd=project, env=env, capture_output=True, text=True,
                           timeout=600)
    assert fresh.returncode == 0, fresh.stderr[-4000:]

    def index(name: str) -> dict:
        return json.loads((out / name / "search" / "search_index.json").read_text(encoding="utf-8"))

    stats = json.loads((out / "stats.json").read_text())
    pages = stats["unchanged"][0]
    assert pages > 40 and stats["unchanged"] == [pages, 0]  # every page's entries came from the cache
    # One event edited: its timeline page and the pages listing the event are indexed again, no others.
    hits, misses = stats["edited"]
    assert hits + misses == pages and 1 <= misses < pages / 2
    assert index("second") == index("first")
    assert index("edited") == index("fresh")  # the edit is in the index, exactly as a fresh build has it
    assert any("Edited during the preview" in entry["title"] for entry in index("edited")["docs"])
    # A one-off build freezes what it made (the collector never walks it again); serve never does.
    assert stats["frozen_after_serving"] == 0 and stats["frozen_after_a_build"] > 0
    theme_files = sorted(p.relative_to(out / "fresh").as_posix() for p in (out / "fresh" / "assets").rglob("*"))
    assert theme_files == sorted(p.relative_to(out / "edited").as_posix() for p in (out / "edited" / "assets").rglob("*"))


def fake_index() -> SimpleNamespace:
    index = SimpleNamespace(config={"lang": ["en"]}, entries=[], calls=0)

    def add_entry_from_context(page):
        index.calls += 1
        index.entries.append({"location": page.url, "title": page.title, "text": page.content})

    index.add_entry_from_context = add_entry_from_context
    return index


def fake_page(url: str, content: str) -> SimpleNamespace:
    return SimpleNamespace(url=url, content=content, title=url, meta={}, toc=[])


def test_search_cache_indexes_only_what_changed():
    cache = SearchEntryCache()
    first = fake_index()
    cache.attach(first)
    for page in (fake_page("a/", "one"), fake_page("b/", "two")):
        first.add_entry_from_context(page)
    second = fake_index()
    cache.attach(second)
    second.add_entry_from_context(fake_page("a/", "one"))
    second.add_entry_from_context(fake_page("b/", "two, edited"))
    assert second.calls == 1 and (cache.hits, cache.misses) == (1, 1)
    assert second.entries == [{"location": "a/", "title": "a/", "text": "one"},
                              {"location": "b/", "title": "b/", "text": "two, edited"}]
    second.entries[0]["text"] = "changed by a later step"  # the cache keeps its own copy
    third = fake_index()
    cache.attach(third)
    third.add_entry_from_context(fake_page("a/", "one"))
    assert third.entries == [{"location": "a/", "title": "a/", "text": "one"}] and third.calls == 0


def test_search_cache_keeps_only_the_latest_build():
    cache = SearchEntryCache()
    for content in ("old", "new", "old"):
        index = fake_index()
        cache.attach(index)
        index.add_entry_from_context(fake_page("a/", content))
    assert index.calls == 1  # "old" was dropped when the build in between did not have it


def test_theme_listing_lists_an_installed_theme_once_and_overrides_when_they_change(tmp_path: Path):
    import sysconfig

    installed = sysconfig.get_paths()["purelib"]
    overrides = tmp_path / "overrides"
    overrides.mkdir()
    (overrides / "main.html").write_text("x")
    calls = []

    def get_env():
        def list_templates(extensions=None, filter_func=None):
            calls.append(1)
            return sorted(p.name for p in overrides.iterdir()) + ["assets/from-installed-theme.js"]
        return SimpleNamespace(list_templates=list_templates)

    def add_files_from_theme_filter(name):  # MkDocs passes a new function like this each build
        return True

    listing = ThemeListing()
    dirs = [str(overrides), installed]
    for _ in range(3):
        env = listing.wrap(get_env, dirs, [])()
        names = env.list_templates(filter_func=add_files_from_theme_filter)
    assert len(calls) == 1 and names == ["main.html", "assets/from-installed-theme.js"]
    (overrides / "extra.js").write_text("y")
    env = listing.wrap(get_env, dirs, [])()
    assert env.list_templates(filter_func=add_files_from_theme_filter) == \
        ["extra.js", "main.html", "assets/from-installed-theme.js"]
    assert len(calls) == 2
    assert env.list_templates() and len(calls) == 3  # other listings are not cached
