"""Rules that cross files: every reference resolves, every quote is verbatim, ids are unique."""

from __future__ import annotations

from collections.abc import Iterable
from functools import cached_property
from pathlib import PurePosixPath

from hooks import urls
from hooks.anchors import PAGE_IDS, PAGE_NAMES
from hooks.content.dates import EdtfDate
from hooks.content.hints import Suggestions, near
from hooks.content.model import Article, Quote, Site, paragraph_of
from hooks.content.problems import Problem, field_path
from hooks.content.verbatim import find_quote
from hooks.content.yaml_source import Located


# Real articles have tens of paragraphs. Each carries its anchor and link, so 2 MiB of one-character
# paragraphs made an 89 MB page (and a gigabyte of memory): past this, the body was surely split wrongly.
MAX_PARAGRAPHS = 2000


class Checker:
    def __init__(self, site: Site, located: dict[str, Located], broken: dict[str, set[str] | None] | None = None):
        self.site = site
        self.located = located
        self.broken = broken or {}
        self.problems: list[Problem] = []
        self.suggestions: dict[str, Suggestions] = {}  # by kind ('person'), indexed at its first unknown id

    def report(self, path: str, location: tuple, message: str) -> None:
        line = self.located[path].line_of(location) if path in self.located else 1
        self.problems.append(Problem(path, line, field_path(location), message))

    def known(self, path: str, location: tuple, value: str, ids: Iterable[str], what: str, where: str) -> bool:
        if not isinstance(ids, (dict, set, frozenset)):
            ids = dict.fromkeys(ids)  # callers pass the site's dicts: copying them per reference was quadratic
        if value in ids:
            return True
        broken = self.broken.get(what, set())
        if broken is None or value in broken:
            return False  # it exists but has problems of its own, reported where it is defined
        if what not in self.suggestions:
            self.suggestions[what] = Suggestions(ids)
        guess = self.suggestions[what].closest(value)
        hint = f" (did you mean {guess!r}?)" if guess else ""
        self.report(path, location, f"unknown {what} {value!r}{hint}; expected an id from {where}")
        return False

    # ids() and sources() ask first whether all is well, and make a message's location only if not:
    # a large site names tens of thousands of ids, nearly all of them right.
    def ids(self, path: str, location: tuple, values: list[str], pool: dict[str, object], what: str, where: str) -> None:
        for index, value in enumerate(values):
            if value not in pool:
                self.known(path, (*location, index), value, pool, what, where)

    def sources(self, path: str, location: tuple, sources: list[str]) -> None:
        for index, source in enumerate(sources):
            if not self.resolves(source):
                self.source(path, (*location, index), source)

    def resolves(self, source: str) -> bool:
        """Whether a source is a known reference or an existing article paragraph (quietly)."""
        return source in self.resolving

    @cached_property
    def resolving(self) -> set[str]:
        """Every source that resolves, as written: each reference id and each article paragraph
        ('article-id#p4'); one lookup per source, where parsing each was most of the checks."""
        found = set(self.site.references)
        for article in self.site.articles.values():
            found.update(f"{article.id}#p{number}" for number in article.paragraphs)
        return found

    def source(self, path: str, location: tuple, source: str) -> bool:
        """Whether a source resolves; if not, why (unless what it names has problems of its own)."""
        if self.resolves(source):
            return True
        paragraph = paragraph_of(source)
        if not paragraph:
            return self.known(path, location, source, self.site.references, "reference", "references.yml")
        article = self.site.articles.get(paragraph[0])
        if article is None:
            return self.known(path, location, paragraph[0], self.site.articles, "article", "articles/")
        self.report(path, location, f"{source!r}: {paragraph_range(article)}")
        return False

    def quotes(self, path: str, location: tuple, quotes: list[Quote], article_id: str | None = None) -> None:
        for index, quote in enumerate(quotes):
            at = (*location, index)
            self.known(path, (*at, "said_by"), quote.said_by, self.site.people, "person", "data/people.yml")
            paragraph = paragraph_of(quote.source)
            if not paragraph:
                self.report(path, (*at, "source"), f"{quote.source!r}: a quote must cite the article paragraph it "
                                                   "comes from, like 'article-id#p9', so it can be checked")
                continue
            if article_id and paragraph[0] != article_id:
                self.report(path, (*at, "source"), f"{quote.source!r}: a quote in an article's front matter must "
                                                   f"cite that article ({article_id}#pN)")
                continue
            if not self.source(path, (*at, "source"), quote.source):
                continue
            words = self.site.articles[paragraph[0]].paragraphs[paragraph[1]].text
            finding = find_quote(quote.text, words)
            if finding.found:
                continue
            if finding.inside_words is not None:
                self.report(path, (*at, "text"), f"is in {quote.source} only as part of longer words "
                                                 f"({finding.inside_words!r}); a quote starts and ends where words do")
            else:
                self.report(path, (*at, "text"), f"is not word for word in {quote.source}; quotes must be exact "
                                                 f"(check curly quotes ’ “ ” and spacing){near(quote.text, words)}")

    def role_dates(self, path: str, location: tuple, start: EdtfDate, end: EdtfDate | None) -> None:
        if end is not None and end.latest < start.earliest:
            self.report(path, (*location, "end"), f"{end.text!r} is before the start {start.text!r}")


def paragraph_range(article: Article) -> str:
    return f"article {article.id!r} has paragraphs p1 to p{len(article.paragraphs)}; expected one of those"


def event_index(located: Located | None) -> dict[str, int]:
    events = (located.data or {}).get("events") if located and isinstance(located.data, dict) else None
    positions: dict[str, int] = {}
    for index, item in enumerate(events or []):
        if isinstance(item, dict) and isinstance(item.get("id"), str):
            positions.setdefault(item["id"], index)  # a duplicate's problems belong to the first
    return positions


def item_index(located: Located | None) -> dict[str, int]:
    items = located.data if located and isinstance(located.data, list) else []
    return {item["id"]: index for index, item in enumerate(items)
            if isinstance(item, dict) and isinstance(item.get("id"), str)}


def check_site(site: Site, located: dict[str, Located], names: dict[str, str],
               broken: dict[str, set[str] | None] | None = None) -> list[Problem]:
    """`names` maps each list file ('people.yml') to the path shown in messages ('data/people.yml');
    `broken` holds, by kind ('person'), ids that exist but failed to load (None: the whole file)."""
    check = Checker(site, located, broken)
    people, topics = names["people.yml"], names["topics.yml"]

    first_seen: dict[str, str] = {}
    for timeline in site.timelines.values():
        path = timeline.path
        positions = event_index(located.get(path))
        for event in timeline.events:
            at = ("events", positions.get(event.id, 0))
            if event.id in first_seen:
                check.report(path, (*at, "id"), f"duplicate event id {event.id!r} (also in {first_seen[event.id]}); "
                                                "event ids must be unique across all timelines")
            first_seen.setdefault(event.id, path)
            check.ids(path, (*at, "actors"), event.actors, site.people, "person", people)
            check.ids(path, (*at, "topics"), event.topics, site.topics, "topic", topics)
            check.sources(path, (*at, "sources"), event.sources)
            check.quotes(path, (*at, "quotes"), event.quotes)
        for index, era in enumerate(timeline.eras):
            check.sources(path, ("eras", index, "sources"), era.sources)
            check.role_dates(path, ("eras", index), era.start, era.end)

    for article in site.articles.values():
        meta, path = article.meta, article.path
        check.ids(path, ("people",), meta.people, site.people, "person", people)
        check.ids(path, ("topics",), meta.topics, site.topics, "topic", topics)
        check.quotes(path, ("quotes",), meta.quotes, article_id=article.id)
        for index, note in enumerate(meta.notes):
            if note.paragraph not in article.paragraphs:
                check.report(path, ("notes", index, "paragraph"), f"{note.paragraph}: {paragraph_range(article)}")
            check.sources(path, ("notes", index, "sources"), note.sources)
        if len(article.paragraphs) > MAX_PARAGRAPHS:
            first_too_many = article.paragraphs[MAX_PARAGRAPHS + 1]
            check.problems.append(Problem(path, first_too_many.line, "body", (
                f"has {len(article.paragraphs):,} paragraphs; at most {MAX_PARAGRAPHS:,} make one readable page "
                "(paragraphs are separated by one blank line: is every line its own paragraph?)")))
        source_file = PurePosixPath(meta.source_file)
        if source_file.is_absolute() or ".." in source_file.parts or "\\" in meta.source_file:
            check.report(path, ("source_file",), f"{meta.source_file!r} must be a relative path like "
                                                 "'seeds/000_c67a40c16a418729.txt', without '..'")

    path = topics
    positions = item_index(located.get(path))
    for topic in site.topics.values():
        if topic.status is not None:
            check.sources(path, (positions.get(topic.id, 0), "status", "sources"), topic.status.sources)

    path = people
    positions = item_index(located.get(path))
    for person in site.people.values():
        at = (positions.get(person.id, 0),)
        check.sources(path, (*at, "sources"), person.sources)
        for index, role in enumerate(person.roles):
            check.sources(path, (*at, "roles", index, "sources"), role.sources)
            check.role_dates(path, (*at, "roles", index), role.start, role.end)

    path = names["glossary.yml"]
    positions = item_index(located.get(path))
    spelled: dict[str, str] = {}
    for term in site.terms.values():
        at = (positions.get(term.id, 0),)
        check.sources(path, (*at, "sources"), term.sources)
        for form in (term.term, *term.aliases):
            if form in spelled and spelled[form] != term.id:
                check.report(path, (*at, "term"), f"{form!r} is already a form of term {spelled[form]!r}; "
                                                  "each form may belong to one term only")
            spelled.setdefault(form, term.id)
    reserved_ids(check, names)
    return check.problems


# The page listing each kind of item, and where an item gets its own page: the item whose page would be
# the listing's ('index', from 'articles/index.md') would replace it.
SECTION_PAGES = {"article": (urls.ARTICLES, urls.article), "timeline": (urls.TIMELINES, urls.timeline),
                 "person": (urls.PEOPLE, urls.person), "topic": (urls.TOPICS, urls.topic)}


def reserved_ids(check: Checker, names: dict[str, str]) -> None:
    """Ids that would take the address of a section's own page, or an element id a page uses itself."""
    site = check.site
    found = {"article": site.articles, "timeline": site.timelines, "person": site.people, "topic": site.topics}
    for kind, (section, page_of) in SECTION_PAGES.items():
        taken = PurePosixPath(section).stem
        if page_of(taken) != section or taken not in found[kind]:
            continue
        message = f"{taken!r} is the address of the page listing them all ({urls.page_dir(section)}); choose another id"
        if kind in ("article", "timeline"):  # the id is the file name
            check.problems.append(Problem(found[kind][taken].path, 1, "file name", f"{message} and rename the file"))
        else:
            path = names["people.yml" if kind == "person" else "topics.yml"]
            check.report(path, (item_index(check.located.get(path)).get(taken, 0), "id"), message)

    def page_ids(kind: str, ids: Iterable[str], path: str, positions: dict[str, int], at: tuple = ()) -> None:
        for item_id in sorted(PAGE_IDS[kind].intersection(ids)):
            check.report(path, (*at, positions.get(item_id, 0), "id"),
                         f"{item_id!r} is an id {PAGE_NAMES[kind]} uses for itself; choose another id "
                         "(two elements with one id break the permalink)")

    for timeline in site.timelines.values():
        page_ids("event", (event.id for event in timeline.events), timeline.path,
                 event_index(check.located.get(timeline.path)), at=("events",))
    for kind, items, file_name in (("term", site.terms, "glossary.yml"), ("reference", site.references, "references.yml"),
                                   ("person", site.people, "people.yml")):
        path = names[file_name]
        page_ids(kind, items, path, item_index(check.located.get(path)))
