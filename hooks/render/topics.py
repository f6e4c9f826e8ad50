"""Topic pages (summary, events, articles, quotes on the topic) and the topic list."""

from __future__ import annotations

from hooks import urls
from hooks.model import Topic
from hooks.render.common import Context, event_item, page, quote_html
from hooks.render.html import link, text


def topic_page(ctx: Context, topic: Topic) -> str:
    here = urls.topic(topic.id)
    parts = [f'<p class="x-lede">{ctx.glossary.mark(topic.summary)}</p>']
    events = ctx.site.events_by_topic[topic.id]
    if events:
        items = "\n".join(event_item(ctx, here, timeline, event, show_timeline=True) for timeline, event in events)
        parts.append(f'<h2 id="events">Events</h2>\n<ol class="x-timeline x-timeline--compact">\n{items}\n</ol>')
    articles = [a for a in ctx.site.articles.values() if topic.id in a.meta.topics]
    if articles:
        items = "".join(f"<li>{link(urls.link(here, urls.article(a.id)), text(a.meta.title))}</li>" for a in articles)
        parts.append(f'<h2 id="articles">Articles</h2>\n<ul>{items}</ul>')
    quotes = [use for use in ctx.site.quotes
              if (use.event and topic.id in use.event.topics)
              or (use.event is None and topic.id in ctx.site.articles[use.article_id].meta.topics)]
    if quotes:
        parts.append('<h2 id="quotes">Quotes</h2>')
        parts += [quote_html(ctx, here, use) for use in quotes]
    return page(topic.title, "\n".join(parts), description=topic.summary, classes="x-topic-page")


def topics_index(ctx: Context) -> str:
    here = urls.TOPICS
    items = []
    for topic in sorted(ctx.site.topics.values(), key=lambda t: t.title):
        count = len(ctx.site.events_by_topic[topic.id])
        items.append(f'<li class="x-card"><h2 class="x-card__title">{link(urls.link(here, urls.topic(topic.id)), text(topic.title))}</h2>'
                     f'<p class="x-muted">{count} event{"" if count == 1 else "s"}</p><p>{ctx.glossary.mark(topic.summary)}</p></li>')
    return page("Topics", '<ul class="x-cards">\n' + "\n".join(items) + "\n</ul>",
                description="The threads running through China–South Korea relations.")
