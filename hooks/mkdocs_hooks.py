"""The one module that knows MkDocs: runs the build (hooks/build.py) and hands MkDocs its pages.

Everything else in hooks/ is pure. Validation runs in on_config, before MkDocs cleans site/, so a
broken data/ stops the build with every problem listed and leaves the last good site untouched; the
build itself goes into a staging folder that replaces site/ only once it succeeded (hooks/publish/staging.py).
"""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs puts hooks/ on sys.path; the core is the `hooks` package
    sys.path.insert(0, str(ROOT))

from jinja2 import Environment, FileSystemBytecodeCache  # noqa: E402
from markupsafe import Markup  # noqa: E402
from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.livereload import LiveReloadServer  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.nav import Navigation  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402
from mkdocs.utils import CountHandler  # noqa: E402

from hooks import preview, preview_server  # noqa: E402
from hooks.build import Build, build  # noqa: E402
from hooks.content.problems import DataError  # noqa: E402
from hooks.publish import cards, staging, stylesheets  # noqa: E402
from hooks.publish.history import last_changed_html  # noqa: E402
from hooks.publish.search_index import Indexing, SearchIndexError  # noqa: E402
from hooks.render import passthrough, report  # noqa: E402
from hooks.render.home import EVENT_MARKERS, fill_markers  # noqa: E402

log = logging.getLogger("mkdocs.hooks.explainer")
_TEMPLATE_CACHE = FileSystemBytecodeCache()
_current: Build | None = None  # this build's result; replaced on every (re)build
_html: dict[str, str] = {}  # generated pages' HTML, from on_page_markdown to on_page_content
_run = {"serving": False, "dirty": False}  # this mkdocs command, from on_startup
_staged: dict = {}  # this build's staging folder, the real site_dir and a warning counter
_cards: list[cards.Card] = []  # this build's share cards, one a page, drawn in on_post_build
_assets = stylesheets.SiteAssets({}, [], [])  # Material's stylesheets, the site's scripts and styles, from on_files
_names = stylesheets.UsedNames()  # the classes and elements of this build's pages, for trimming the stylesheets


def on_startup(*, command: str, dirty: bool) -> None:
    _run.update(serving=command == "serve", dirty=dirty)
    if command == "serve" and (serve := sys.modules.get("mkdocs.commands.serve")) is not None:
        # Broken data at start or on a save: the problems are served, not the end of `mkdocs serve`.
        serve.build = preview.tolerant(serve.build)
        preview.stop_on_sigterm()


def on_serve(server: LiveReloadServer, *, config: MkDocsConfig, builder: Callable) -> LiveReloadServer:
    # A broken save keeps the last good site served, with the problems over every page; edits to hooks/
    # apply without a restart (hooks/preview.py, hooks/preview_server.py).
    dirty = _run["dirty"]
    server.builder = preview.resilient_rebuild(
        server.builder, sys.modules[__name__], lambda fresh: fresh.on_startup(command="serve", dirty=dirty))
    preview_server.show_problems(server, preview.STATUS.shown)
    preview_server.refuse_taken_port(server)
    preview_server.watch_data(server, Path(config.config_file_path).parent / "data")
    return server


def on_shutdown() -> None:
    # `mkdocs serve` stopped (Ctrl-C, SIGTERM) in the middle of a build: its staging folder goes too.
    if _staged:
        staging.discard(_staged["folder"])
        _staged.clear()


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    global _current
    root = Path(config.config_file_path).parent
    try:
        result = build(root, docs_folder=Path(os.path.relpath(config.docs_dir, root)).as_posix(),
                       site_name=config.site_name, site_url=config.site_url or "",
                       language=config.theme["language"], today=date.today(), repo_url=config.repo_url or "")
    except DataError as error:
        raise PluginError(error.report()) from error  # the preview shows error.problems on the page
    # INFO, not WARNING: a date passing must not fail `--strict` builds; `make check` shows it as a warning.
    for note in result.notes:
        log.info("to review: %s", note)
    _current = result
    _html.clear()
    _cards.clear()
    global _names
    _names = stylesheets.UsedNames()
    _names.add_palette(config.theme.get("palette"))  # Material sets its defaults for what this leaves out
    # Tooltips on hand-written pages: terms reach the abbr extension as data, never parsed as Markdown.
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": result.glossary}
    _stage(config)
    return config


def _stage(config: MkDocsConfig) -> None:
    _staged.clear()
    if _run["dirty"]:
        return  # a dirty build rewrites only changed pages, so it must write into site_dir itself
    counter = CountHandler()  # what `--strict` counts, to know in on_post_build whether it will abort
    counter.setLevel(logging.WARNING)
    logging.getLogger("mkdocs").addHandler(counter)
    _staged.update(config=config, site_dir=config.site_dir, folder=staging.stage(config.site_dir), counter=counter)
    config.site_dir = str(_staged["folder"])


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for src_uri, content in _current.pages.items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} clashes with a page generated from data/; rename or remove it")
        files.append(File.generated(config, src_uri, content=content))
    for path, content in _current.files.items():  # downloads, schemas, feed
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} clashes with a file generated from data/; rename or remove it")
        files.append(File.generated(config, path, content=content))
    global _assets
    _assets = stylesheets.SiteAssets.of(files, config.theme.dirs)
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by:  # finished HTML, glossary terms marked: it skips Markdown (passthrough.py)
        _html[page.file.src_uri] = markdown
        return passthrough.PLACEHOLDER
    return fill_markers(_current.context, markdown, page.file.src_uri)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    generated = _html.pop(page.file.src_uri, None)
    if generated is None:
        return html
    page.present_anchor_ids = passthrough.anchor_ids(generated)  # for MkDocs' check of #anchor links
    try:
        return passthrough.restore(html, generated)
    except ValueError as error:
        raise PluginError(f"{page.file.src_uri}: {error}") from None


def on_page_context(context: dict, *, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    # Material's partials/source-file.html shows page.meta.revision_date under the content.
    shows_events = any(marker in page.file.content_string for marker in EVENT_MARKERS)
    when = _current.history.last_changed(page.file.src_uri, generated=bool(page.file.generated_by),
                                          shows_events=shows_events)
    if when is not None:
        page.meta["revision_date"] = last_changed_html(when)
    # The edit button opens the file a page is made from: docs/<page>, or for a generated page its file in data/.
    if page.file.generated_by:
        path = report.data_file(page.file.src_uri)
    else:
        path = Path(os.path.relpath(page.file.abs_src_path, Path(config.config_file_path).parent)).as_posix()
    page.edit_url = report.edit_url(config.repo_url, path) if config.repo_url and path else None
    # The share card: drawn from the title as the reader sees it (generated titles arrive escaped).
    card = cards.Card(Markup(page.title or config.site_name).striptags(), cards.label(page.meta), config.site_name)
    _cards.append(card)
    page.meta["x_card"] = (config.site_url or "/").rstrip("/") + "/" + card.path  # og:image wants a full URL
    return context


def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    # A page generated from data/ has only the theme's and hooks/render/'s markup: the quicker scan.
    _names.add_page(output, by_hand=not page.file.generated_by)
    return output


def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if template_name.endswith(".html"):  # 404.html
        _names.add_page(output_content)
    return output_content


def on_env(env: Environment, *, config: MkDocsConfig, files: Files) -> Environment:
    # Compiled theme templates kept between builds (per user, in the temp folder; a changed template is
    # compiled again): compiling them was a quarter of a small site's rebuild under `mkdocs serve`.
    env.bytecode_cache = _TEMPLATE_CACHE
    # partials/x-csp.html: `mkdocs serve` injects an inline live-reload script into every page.
    env.globals["x_live_reload"] = _run["serving"]
    return env


def on_post_build(*, config: MkDocsConfig) -> None:
    rejected = _staged and config.strict and _staged["counter"].get_counts()  # MkDocs aborts after this event
    if not rejected:
        # The search index reads the finished pages; Pagefind builds it in its own process while the
        # share cards are drawn here, so the build does not wait for the one and then the other.
        indexing = Indexing(Path(config.site_dir))
        previous = Path(_staged["site_dir"]) if _staged else None  # the last good site, whose cards are reused
        try:
            drawn = cards.write_cards(_cards, Path(config.site_dir), previous)
            log.debug("share cards: %d drawn, %d reused", drawn, len(_cards) - drawn)
        except cards.FontMissing as error:
            if not _run["serving"]:  # a published site must have its cards
                indexing.cancel()
                raise PluginError(str(error)) from None
            log.warning("%s; the preview goes on without share cards", error)
        # A dirty build renders only the changed pages, so it cannot know every class: stylesheets go out whole.
        trimmed = _assets.write_stylesheets(Path(config.site_dir), None if _run["dirty"] else _names)
        if trimmed:
            log.debug("Material's stylesheets trimmed: %s", ", ".join(map(str, trimmed)))
        try:
            log.info("%s", indexing.finish())
        except SearchIndexError as error:
            raise PluginError(str(error)) from None
    # Keep this last: whatever else writes into config.site_dir must do so before the swap.
    if _staged:
        _unstage(publish=not rejected)


def on_build_error(*, error: Exception) -> None:
    if _staged:
        _unstage(publish=False)


def _unstage(*, publish: bool) -> None:
    logging.getLogger("mkdocs").removeHandler(_staged["counter"])
    _staged["config"].site_dir = _staged["site_dir"]
    if publish:
        staging.publish(_staged["folder"], _staged["site_dir"])
    else:
        staging.discard(_staged["folder"])  # the last good site stays as it was
    _staged.clear()
