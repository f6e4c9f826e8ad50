"""The one module that knows MkDocs: loads data/ once per build and adds the generated pages.

Everything else in hooks/ is pure. Validation runs in on_config, before MkDocs cleans site/, so a
broken data/ stops the build with every problem listed and leaves the last good site untouched.
"""

from __future__ import annotations

import logging
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # MkDocs puts hooks/ on sys.path; the core is the `hooks` package
    sys.path.insert(0, str(ROOT))

from mkdocs.config.defaults import MkDocsConfig  # noqa: E402
from mkdocs.exceptions import PluginError  # noqa: E402
from mkdocs.structure.files import File, Files  # noqa: E402
from mkdocs.structure.pages import Page  # noqa: E402

from hooks.export import generated_files  # noqa: E402
from hooks.load import load_site  # noqa: E402
from hooks.problems import DataError  # noqa: E402
from hooks.render import render_site  # noqa: E402
from hooks.render.common import Context  # noqa: E402
from hooks.render.home import (LATEST_EVENTS_MARKER, UPCOMING_EVENTS_MARKER, abbreviations,  # noqa: E402
                                latest_events, upcoming_block)
from hooks.schedule import review_notes  # noqa: E402

log = logging.getLogger("mkdocs.hooks.explainer")
_build: dict = {}  # this build's Context and pages; replaced on every (re)build


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    data_dir = Path(config.config_file_path).parent / "data"
    try:
        site = load_site(data_dir)
    except DataError as error:
        raise PluginError(error.report()) from None
    today = date.today()
    ctx = Context(site, site_name=config.site_name, site_url=config.site_url or "", today=today)
    # INFO, not WARNING: a date passing must not fail `--strict` builds; `make check` shows it as a warning.
    for note in review_notes(site, data_dir, today):
        log.info("to review: %s", note)
    _build.clear()
    _build.update(ctx=ctx, pages=render_site(site, ctx), abbreviations=abbreviations(ctx),
                  files=generated_files(site, site_url=ctx.site_url, site_name=config.site_name,
                                        language=config.theme["language"], today=today))
    return config


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    for src_uri, content in _build["pages"].items():
        if files.get_file_from_path(src_uri) is not None:
            raise PluginError(f"docs/{src_uri} clashes with a page generated from data/; rename or remove it")
        files.append(File.generated(config, src_uri, content=content))
    for path, content in _build["files"].items():  # downloads, schemas, feed
        if files.get_file_from_path(path) is not None:
            raise PluginError(f"docs/{path} clashes with a file generated from data/; rename or remove it")
        files.append(File.generated(config, path, content=content))
    return files


def on_page_markdown(markdown: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.file.generated_by:
        return markdown  # generated pages mark glossary terms themselves
    if LATEST_EVENTS_MARKER in markdown:
        markdown = markdown.replace(LATEST_EVENTS_MARKER, latest_events(_build["ctx"], page.file.src_uri))
    if UPCOMING_EVENTS_MARKER in markdown:
        markdown = markdown.replace(UPCOMING_EVENTS_MARKER, upcoming_block(_build["ctx"], page.file.src_uri))
    return f"{markdown}\n\n{_build['abbreviations']}\n"
