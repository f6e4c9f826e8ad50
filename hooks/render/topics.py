"""Topic pages (summary, events, articles, quotes on the topic) and the topic list."""

from __future__ import annotations

from hooks import urls
from hooks.content.model import Topic
from hooks.render.common import Context, date_html, page, quote_html, sources_html
from hooks.render.html import link, text
from hooks.render.lists import (SEARCH_EXCLUDE, Digest, article_links, compact_events, events_section, more_by_year,
                                year_pages, years_list)


def topic_page(ctx: Context, topic: Topic, digest: Digest | None = None) -> str:
    here = urls.topic(topic.id)
    parts = [f'<p class="x-lede">{ctx.glossary.mark(topic.summary)}</p>']
    if topic.status is not None:
        parts.append(status_html(ctx, here, topic))
    digest = digest or topic_digest(ctx, topic)
    if digest.split_by_year:
        parts += by_year_sections(ctx, here, topic, digest)
        return page(topic.title, "\n".join(parts), description=topic.summary, classes="x-topic-page", kind="Topic")
    if digest.events:
        parts.append(events_section(ctx, here, digest))
    if digest.articles:
        parts.append(f'<h2 id="articles">Articles</h2>\n{article_links(ctx, here, digest.articles)}')
    if digest.quotes:  # said in events and articles, where search finds them
        parts.append('<h2 id="quotes">Quotes</h2>')
        parts.append(f"<div{SEARCH_EXCLUDE}>\n" + "\n".join(quote_html(ctx, here, use) for use in digest.quotes) + "\n</div>")
    return page(topic.title, "\n".join(parts), description=topic.summary, classes="x-topic-page", kind="Topic")


def status_html(ctx: Context, here: str, topic: Topic) -> str:
    """Where things stand on the topic, as of a date, in the explainer's own words, with its sources."""
    status = topic.status
    return ('<section class="x-status-now" aria-labelledby="now"><h2 id="now">Where things stand</h2>'
            f'<p class="x-muted">As of {date_html(status.date)}</p>'
            f"<p>{ctx.glossary.mark(status.text)}</p>"
            f'<p class="x-muted">Sources: {sources_html(ctx, here, status.sources)}</p></section>')


def topic_digest(ctx: Context, topic: Topic) -> Digest:
    site = ctx.site
    return Digest(ctx, site.events_by_topic[topic.id], site.quotes_by_topic[topic.id], site.articles_by_topic[topic.id],
                  quotes_by_year=False)


def by_year_sections(ctx: Context, here: str, topic: Topic, digest: Digest) -> list[str]:
    """For a topic of a large archive: the latest of each kind here, everything on one page per year."""
    parts = []
    if digest.events:
        parts.append(f'<h2 id="events">Events</h2>\n{compact_events(ctx, here, digest.latest("events"), group=False)}\n'
                     + more_by_year(len(digest.events), "events"))
    if digest.articles:
        parts.append(f'<h2 id="articles">Articles</h2>\n{article_links(ctx, here, digest.latest("articles"))}\n'
                     + more_by_year(len(digest.articles), "articles"))
    if digest.quotes:
        quotes = "\n".join(quote_html(ctx, here, use) for use in digest.latest("quotes"))
        parts.append(f'<h2 id="quotes">Quotes</h2>\n<div{SEARCH_EXCLUDE}>\n{quotes}\n</div>\n'
                     f'<p class="x-muted">The latest {len(digest.latest("quotes"))} of {len(digest.quotes)} quotes; '
                     "every event and article shows its own.</p>")
    parts.append('<h2 id="by-year">By year</h2>\n'
                 + years_list(here, digest.years, lambda year: urls.topic_year(topic.id, year)))
    return parts


def topic_year_pages(ctx: Context, topic: Topic, digest: Digest | None = None) -> dict[str, str]:
    """One page per year for a topic with very many events, quotes or articles (none otherwise)."""
    digest = digest or topic_digest(ctx, topic)
    if not digest.split_by_year:
        return {}

    def lede(here: str, year: int) -> str:
        return (f'<p class="x-lede">{link(urls.link(here, urls.topic(topic.id)), text(topic.title))} in {year}: '
                "the events and articles of that year (each event and article shows its quotes).</p>")

    def sections(here: str, found: dict[str, list]) -> list[str]:
        parts = []
        if found["events"]:
            parts.append(f'<h2 id="events">Events</h2>\n{compact_events(ctx, here, found["events"], group=False)}')
        if found["articles"]:
            parts.append(f'<h2 id="articles">Articles</h2>\n{article_links(ctx, here, found["articles"])}')
        return parts

    return year_pages(digest, page_for=lambda year: urls.topic_year(topic.id, year), title=topic.title,
                      lede=lede, sections=sections, contents="events and articles", classes="x-topic-page",
                      kind="Topic")


def topics_index(ctx: Context) -> str:
    here = urls.TOPICS
    items = []
    for topic in sorted(ctx.site.topics.values(), key=lambda t: t.title):
        count = len(ctx.site.events_by_topic[topic.id])
        items.append(f'<li class="x-card"><h2 class="x-card__title">{link(urls.link(here, urls.topic(topic.id)), text(topic.title))}</h2>'
                     f'<p class="x-muted">{count} event{"" if count == 1 else "s"}</p><p>{ctx.glossary.mark(topic.summary)}</p></li>')
    return page("Topics", '<ul class="x-cards">\n' + "\n".join(items) + "\n</ul>",
                description="The threads running through China–South Korea relations.", kind="List")
