"""A build's steps in one place, called by the MkDocs hook and by the benchmark alike:
load and check data/ -> render the pages -> publish the downloads, feed and page history."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hooks.content.load import load_site
from hooks.content.model import Site
from hooks.content.problems import Problem
from hooks.content.schedule import review_notes
from hooks.publish.export import generated_files
from hooks.publish.history import PageHistory, last_commits
from hooks.render import render_site
from hooks.render.abbreviations import abbreviation_glossary
from hooks.render.common import Context


@dataclass
class Build:
    site: Site
    context: Context
    pages: dict[str, str]              # generated pages, by path under docs/ (never written there)
    files: dict[str, str | bytes]      # downloads, their schemas and the feed, by path in the site
    history: PageHistory               # when each page's content last changed
    glossary: dict[str, str]           # term -> tooltip, for the hand-written pages' `abbr` extension
    notes: list[Problem]               # scheduled events whose date has passed, for an editor to review


def build(project: Path, *, docs_folder: str = "docs", site_name: str, site_url: str, language: str,
          today: date, repo_url: str = "") -> Build:
    """Everything the site adds to MkDocs' own pages; raises DataError naming every problem in data/."""
    site = load_site(project / "data")  # read, validate each item, check what crosses files
    context = Context(site, site_name=site_name, site_url=site_url, repo_url=repo_url, today=today)
    pages = render_site(site, context)
    files = generated_files(site, site_url=site_url, site_name=site_name, language=language, today=today)
    # One `git log` for the whole build: when each page's content last changed.
    history = PageHistory(site, last_commits(project, ("data", docs_folder)), docs_folder)
    return Build(site, context, pages, files, history, abbreviation_glossary(context), review_notes(site, today))
