"""Model -> Markdown pages: pure and deterministic, so it is tested without MkDocs."""

from __future__ import annotations

from collections.abc import Callable

from hooks import urls
from hooks.collecting import collection_paused
from hooks.model import Site
from hooks.parallel import Background
from hooks.render.articles import article_page, articles_index, articles_year_pages
from hooks.render.common import Context
from hooks.render.corrections import corrections_page
from hooks.render.data_page import data_page
from hooks.render.people import people_index, person_digest, person_page, person_year_pages
from hooks.render.reference_pages import glossary_page, quotes_page, references_page
from hooks.render.timelines import timeline_page, timelines_index
from hooks.render.topics import topic_digest, topic_page, topic_year_pages, topics_index

PARALLEL_FROM = 400  # jobs (about one per page); below this, starting processes costs more than it saves

Job = Callable[[Context], dict[str, str]]  # renders one page, or one page and its year pages


@collection_paused()
def render_site(site: Site, ctx: Context | None = None, *, processes: int = 1,
                check: Callable[[], None] = lambda: None) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/ (it is never written there). With
    processes > 1, a large site is rendered in that many processes (hooks/parallel.py);
    the pages are the same, in the same order.

    `check()`, if given (the site's cross-file check: hooks/load.py read_site), runs in this process
    while the others begin rendering; if it raises, their work is dropped and the error raised."""
    ctx = ctx or Context(site)
    found = jobs(site)
    rendering = Background(lambda job: job(ctx), found, workers=processes - 1 if len(found) >= PARALLEL_FROM else 0)
    try:
        check()
    except BaseException:
        rendering.stop()
        raise
    pages: dict[str, str] = {}
    for rendered in rendering.result():
        pages |= rendered
    return pages


def jobs(site: Site) -> list[Job]:
    """The rendering, cut into one job per page (or per page with its year pages), in page order."""
    indexes = {
        urls.ARTICLES: articles_index,
        urls.TIMELINES: timelines_index,
        urls.PEOPLE: people_index,
        urls.TOPICS: topics_index,
        urls.QUOTES: quotes_page,
        urls.GLOSSARY: glossary_page,
        urls.REFERENCES: references_page,
        urls.CORRECTIONS: corrections_page,
        urls.DATA: data_page,
    }
    found: list[Job] = [lambda ctx, path=path, render=render: {path: render(ctx)} for path, render in indexes.items()]
    found += [lambda ctx, a=a: {urls.article(a.id): article_page(ctx, a)} for a in site.articles.values()]
    found += [lambda ctx, t=t: {urls.timeline(t.id): timeline_page(ctx, t)} for t in site.timelines.values()]
    # A large archive's long lists go onto one page per year (hooks/render/lists.py); none for a small one.
    found += [lambda ctx, p=p: _with_year_pages(ctx, p, person_digest, person_page, person_year_pages, urls.person)
              for p in site.people.values()]
    found += [lambda ctx, t=t: _with_year_pages(ctx, t, topic_digest, topic_page, topic_year_pages, urls.topic)
              for t in site.topics.values()]
    found.append(articles_year_pages)
    return found


def _with_year_pages(ctx: Context, item, digest_of, page_of, year_pages_of, url_of) -> dict[str, str]:
    digest = digest_of(ctx, item)
    return {url_of(item.id): page_of(ctx, item, digest), **year_pages_of(ctx, item, digest)}
