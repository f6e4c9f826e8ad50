"""Model -> Markdown pages: pure and deterministic, so it is tested without MkDocs."""

from __future__ import annotations

from hooks import urls
from hooks.content.model import Site
from hooks.render.articles import article_page, articles_index, articles_year_pages
from hooks.render.common import Context
from hooks.render.corrections import corrections_page
from hooks.render.data_page import data_page
from hooks.render.people import people_index, person_digest, person_page, person_year_pages
from hooks.render.reference_pages import glossary_page, quotes_page, references_page
from hooks.render.timelines import timeline_page, timeline_year_pages, timelines_index
from hooks.render.topics import topic_digest, topic_page, topic_year_pages, topics_index

INDEX_PAGES = {
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


def render_site(site: Site, ctx: Context | None = None) -> dict[str, str]:
    """Every generated page, keyed by its path under docs/ (it is never written there), in page order."""
    ctx = ctx or Context(site)
    pages = {path: render(ctx) for path, render in INDEX_PAGES.items()}
    for article in site.articles.values():
        pages[urls.article(article.id)] = article_page(ctx, article)
    for timeline in site.timelines.values():
        pages[urls.timeline(timeline.id)] = timeline_page(ctx, timeline)
        pages |= timeline_year_pages(ctx, timeline)  # a long timeline's events, by year; none for a short one
    # A large archive's long lists go onto one page per year (hooks/render/lists.py); none for a small one.
    for person in site.people.values():
        digest = person_digest(ctx, person)
        pages[urls.person(person.id)] = person_page(ctx, person, digest)
        pages |= person_year_pages(ctx, person, digest)
    for topic in site.topics.values():
        digest = topic_digest(ctx, topic)
        pages[urls.topic(topic.id)] = topic_page(ctx, topic, digest)
        pages |= topic_year_pages(ctx, topic, digest)
    pages |= articles_year_pages(ctx)
    return pages
