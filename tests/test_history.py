"""'Last changed' dates: from one `git log` per build, per page's content, and nothing (no error)
where git cannot tell."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from datetime import datetime
from pathlib import Path

import pytest

import hooks.publish.history
from hooks import urls
from hooks.publish.history import PageHistory, last_changed_html, last_commits
from hooks.content.load import load_site
from tests.mistakes import MINIMAL, ROOT


def git(repo: Path, *args: str, when: str = "2030-01-01T09:00:00+09:00") -> str:
    env = {**os.environ, "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    return subprocess.run(["git", "-C", str(repo), "-c", "user.name=Test Editor", "-c", "user.email=editor@example.org",
                           "-c", "commit.gpgsign=false", *args], env=env, check=True, capture_output=True,
                          text=True).stdout


def commit(repo: Path, message: str, when: str) -> None:
    git(repo, "add", "-A")
    git(repo, "commit", "-q", "-m", message, when=when)


@pytest.fixture
def repo(tmp_path: Path) -> Path:
    """A git checkout holding the minimal fixture, with three commits on known dates."""
    project = tmp_path / "project"
    shutil.copytree(MINIMAL, project / "data")
    (project / "docs").mkdir()
    (project / "docs" / "about.md").write_text("# About\n", encoding="utf-8")
    git(project, "init", "-q")
    commit(project, "start", "2030-01-01T09:00:00+09:00")
    people = project / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8").replace("Example Envoy Sato", "Example Envoy Satō"),
                      encoding="utf-8")
    commit(project, "people", "2030-02-02T10:00:00+00:00")
    timeline = project / "data" / "timelines" / "example-relations.yml"
    timeline.write_text(timeline.read_text(encoding="utf-8").replace("agree to keep talking", "agree to talk again"),
                        encoding="utf-8")
    commit(project, "timeline", "2030-03-03T11:00:00-05:00")
    return project


def test_each_file_gets_its_last_commit_date(repo: Path):
    changed = last_commits(repo)
    assert changed["data/people.yml"] == datetime.fromisoformat("2030-02-02T10:00:00+00:00")
    assert changed["data/timelines/example-relations.yml"] == datetime.fromisoformat("2030-03-03T11:00:00-05:00")
    assert changed["data/topics.yml"] == datetime.fromisoformat("2030-01-01T09:00:00+09:00")
    assert changed["docs/about.md"] == datetime.fromisoformat("2030-01-01T09:00:00+09:00")
    for path, when in changed.items():  # the reference: git's own answer, one file at a time
        assert git(repo, "log", "-1", "--format=%cI", "--", path).strip() == when.isoformat()


def test_one_git_log_per_build_however_many_files(repo: Path, monkeypatch: pytest.MonkeyPatch):
    for number in range(40):
        (repo / "data" / "articles" / f"extra-{number}.md").write_text(f"{number}\n", encoding="utf-8")
    commit(repo, "many files", "2030-04-04T12:00:00+00:00")
    calls = []
    real_run = subprocess.run
    monkeypatch.setattr(hooks.publish.history.subprocess, "run", lambda *a, **k: calls.append(a) or real_run(*a, **k))
    changed = last_commits(repo)
    assert len([path for path in changed if "/extra-" in path]) == 40
    assert len(calls) == 2  # is it shallow? then one log


def test_a_page_shows_the_newest_change_of_the_data_it_shows(repo: Path):
    site = load_site(repo / "data")
    history = PageHistory(site, last_commits(repo))
    timeline_change = datetime.fromisoformat("2030-03-03T11:00:00-05:00")
    people_change = datetime.fromisoformat("2030-02-02T10:00:00+00:00")
    start = datetime.fromisoformat("2030-01-01T09:00:00+09:00")
    # The article is cited by an event on the edited timeline: its "cited by" list changed too.
    assert history.last_changed(urls.article("example-harbour-talks"), generated=True) == timeline_change
    assert history.last_changed(urls.GLOSSARY, generated=True) == start
    assert history.last_changed(urls.PEOPLE, generated=True) == people_change
    assert history.last_changed(urls.person("example-envoy-sato"), generated=True) == timeline_change
    assert history.last_changed(urls.QUOTES, generated=True) == timeline_change
    assert history.last_changed("about.md", generated=False) == start
    assert history.last_changed("about.md", generated=False, shows_events=True) == timeline_change  # home page
    assert history.last_changed("never-committed.md", generated=False) is None


def test_no_dates_outside_git_or_in_a_shallow_clone(repo: Path, tmp_path: Path):
    plain = tmp_path / "plain"
    shutil.copytree(repo / "data", plain / "data")
    assert last_commits(plain) == {}
    shallow = tmp_path / "shallow"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo}", str(shallow)], check=True)
    # In a shallow clone every file would seem to have changed in its one commit: show nothing instead.
    assert last_commits(shallow) == {}


def test_the_date_is_shown_as_committed():
    html = last_changed_html(datetime.fromisoformat("2030-03-03T23:30:00-05:00"))
    assert html == ('<span class="x-last-changed">Last changed '
                    '<time datetime="2030-03-03T23:30:00-05:00">3 March 2030</time></span>')


def test_built_pages_show_when_their_content_last_changed(built_site: Path):
    """On the real site, as git itself answers for the page's files."""
    def shown(url: str) -> str | None:
        found = re.search(r'class="x-last-changed">Last changed <time datetime="([^"]+)">',
                          (built_site / url / "index.html").read_text(encoding="utf-8"))
        return found and found.group(1)

    def expected(*paths: str) -> str | None:
        """The newest of the files' own last commits. (`git log -1 -- a b` would name a merge commit
        that joined a change to one of them with a change to another: not when either changed.)"""
        if shallow:
            return None  # a shallow clone's history cannot tell: no date rather than a wrong one
        answers = [subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--format=%cI", "--", path],
                                  capture_output=True, text=True).stdout.strip() for path in paths]
        dated = [datetime.fromisoformat(answer) for answer in answers if answer]
        return max(dated).isoformat() if dated else None

    shallow = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--is-shallow-repository"],
                             capture_output=True, text=True).stdout.strip() == "true"

    assert shown("about") == expected("docs/about.md")
    assert shown("glossary") == expected("data/glossary.yml")
    timelines = sorted(path.relative_to(ROOT).as_posix() for path in (ROOT / "data" / "timelines").glob("*.yml"))
    history = PageHistory(load_site(ROOT / "data"), {})  # which files each page shows (tested below)
    for path in timelines:
        shows = history.sources(urls.timeline(Path(path).stem))
        assert path in shows  # and the articles whose editors' notes its events show
        assert shown(f"timelines/{Path(path).stem}") == expected(*shows)
    assert shown(".") == expected("docs/index.md", *timelines)  # the home page lists the latest events


def test_pages_showing_an_editors_note_depend_on_its_article():
    """A timeline, person or topic page whose events cite a noted paragraph shows the note: the article's
    file is part of its content."""
    site = load_site(MINIMAL)
    history = PageHistory(site, {})
    harbour = site.articles["example-harbour-talks"].path
    assert history.sources(urls.timeline("example-relations")) == ["data/timelines/example-relations.yml", harbour]
    assert harbour not in history.sources(urls.topic("example-fisheries"))  # no event on it cites a noted paragraph
    assert history.noted(event for _, event in site.events_by_person["example-envoy-sato"]) == []
