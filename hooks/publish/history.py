"""When each page's content last changed, from git history: one `git log` per build, never one per page.

A generated page's content is the data it shows: its own record and the records it lists (an article
and the events citing it; a person and their events), not the names of what it merely links to. A
hand-written page's content is its file under docs/, and the timelines if it lists events. Outside a
git checkout, in a shallow clone (whose oldest commit would look like it changed every file) or
without git, nothing is shown.
"""

from __future__ import annotations

import subprocess
from collections.abc import Iterable
from datetime import datetime
from functools import cached_property
from pathlib import Path

from hooks import urls
from hooks.content.dates import MONTHS
from hooks.content.model import Event, Site
from hooks.render.html import text

GIT_TIMEOUT_SECONDS = 60


def _git(root: Path, *args: str) -> str | None:
    try:
        result = subprocess.run(["git", "-c", "core.quotePath=false", "-C", str(root), *args],
                                capture_output=True, text=True, timeout=GIT_TIMEOUT_SECONDS)
    except (OSError, subprocess.SubprocessError):
        return None  # no git, or it hung: the site builds without dates
    return result.stdout if result.returncode == 0 else None


def last_commits(root: Path, folders: Iterable[str] = ("data", "docs")) -> dict[str, datetime]:
    """Each file's last commit date, keyed by its path relative to `root` ('data/people.yml')."""
    if (_git(root, "rev-parse", "--is-shallow-repository") or "").strip() != "false":
        return {}
    log = _git(root, "log", "--format=%x00%cI", "--name-only", "--relative", "--", *folders)
    changed: dict[str, datetime] = {}
    when = None
    for line in (log or "").splitlines():
        if line.startswith("\x00"):
            when = datetime.fromisoformat(line[1:])
        elif line and when is not None:
            changed.setdefault(line, when)  # newest first: the first date seen is the last change
    return changed


class PageHistory:
    """The last change of each page's content, from the commit dates of the files it shows."""

    def __init__(self, site: Site, changed: dict[str, datetime], docs_folder: str = "docs"):
        self.site = site
        self.changed = changed
        self.docs_folder = docs_folder

    def last_changed(self, src_uri: str, *, generated: bool, shows_events: bool = False) -> datetime | None:
        """`shows_events`: a hand-written page with generated event lists in it (the home page)."""
        if not self.changed:
            return None  # no history (no git, a shallow clone): nothing to look up for any page
        paths = self.sources(src_uri) if generated else [f"{self.docs_folder}/{src_uri}"]
        if shows_events:
            paths = [*paths, *self._fixed[urls.TIMELINES]]
        dates = [self.changed[path] for path in paths if path in self.changed]
        return max(dates, default=None)

    def sources(self, src_uri: str) -> list[str]:
        """The data files a generated page shows."""
        site = self.site
        fixed = self._fixed
        if src_uri in fixed:
            return fixed[src_uri]
        kind, _, name = src_uri.removesuffix(".md").partition("/")
        if kind == "articles" and name in site.articles:
            citing = [timeline.path for timeline, _, _ in site.events_citing_article[name]]
            return [site.articles[name].path, *citing]
        if kind == "timelines" and (timeline := site.timelines.get(name.partition("/")[0])):  # or one of its years
            return [timeline.path, *self.noted(timeline.events)]
        # From the site's indexes, computed once: scanning every article for every page is quadratic.
        if kind == "people" and name in site.people:
            return ["data/people.yml", *(timeline.path for timeline, _ in site.events_by_person[name]),
                    *self.noted(event for _, event in site.events_by_person[name]),
                    *(a.path for a in site.articles_by_person[name]),
                    *(site.articles[use.article_id].path for use in site.quotes_by_person[name] if use.event is None)]
        if kind == "topics" and name in site.topics:
            return ["data/topics.yml", *(timeline.path for timeline, _ in site.events_by_topic[name]),
                    *self.noted(event for _, event in site.events_by_topic[name]),
                    *(a.path for a in site.articles_by_topic[name])]
        return list(site.files)  # any other generated page draws on all of data/

    def noted(self, events: Iterable[Event]) -> list[str]:
        """The articles whose editors' notes these events show (on the paragraphs they cite)."""
        return list(dict.fromkeys(article.path for event in events
                                  for article, _ in self.site.notes_on_event[event.id]))

    @cached_property
    def _fixed(self) -> dict[str, list[str]]:
        """The pages that draw on every article or timeline, listed once per build."""
        site = self.site
        articles = [article.path for article in site.articles.values()]
        timelines = [timeline.path for timeline in site.timelines.values()]
        return {
            urls.ARTICLES: articles,
            urls.TIMELINES: timelines,
            urls.PEOPLE: ["data/people.yml"],
            urls.TOPICS: ["data/topics.yml", *timelines],  # event counts per topic
            urls.GLOSSARY: ["data/glossary.yml"],
            urls.REFERENCES: ["data/references.yml"],
            urls.QUOTES: articles + timelines,
            urls.CORRECTIONS: articles + timelines,
        }


def last_changed_html(when: datetime) -> str:
    """'Last changed 23 November 2026', the date as committed (in the committer's time zone)."""
    day = f"{when.day} {MONTHS[when.month - 1]} {when.year}"
    return f'<span class="x-last-changed">Last changed <time datetime="{text(when.isoformat())}">{day}</time></span>'
