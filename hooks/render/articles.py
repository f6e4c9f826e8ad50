"""Article pages (verbatim text with numbered paragraph anchors) and the article list."""

from __future__ import annotations

from hooks import urls
from hooks.model import Article
from hooks.render.common import (Context, corrections_html, date_html, page, person_label, quote_html, topic_link)
from hooks.render.html import attr, link, text


def provenance(article: Article) -> str:
    """What is known about where the text comes from, and what is not (never guessed)."""
    meta = article.meta
    publisher = text(meta.publisher) if meta.publisher else '<span class="x-unknown">not recorded</span>'
    original = link(meta.url, text(meta.url), rel="nofollow noopener") if meta.url else \
        '<span class="x-unknown">not recorded</span>'
    rows = [
        ("Publisher", publisher),
        ("Published", f"{date_html(article.published)}"),
        ("How the date is known", text(meta.date_basis)),
        ("Original address", original),
        ("Source file", f"<code>{text(meta.source_file)}</code>"),
    ]
    cells = "\n".join(f"<dt>{label}</dt><dd>{value}</dd>" for label, value in rows)
    return (f'<aside class="x-provenance" aria-label="Provenance">\n<p class="x-label">Provenance</p>\n'
            f"<dl>\n{cells}\n</dl>\n</aside>")


def article_page(ctx: Context, article: Article) -> str:
    here = urls.article(article.id)
    meta = article.meta
    parts = [f'<p class="x-lede">{ctx.glossary.mark(meta.summary)}</p>', provenance(article)]
    parts += corrections_html(meta.corrections)
    mentioned = []
    if meta.people:
        people = ", ".join(link(urls.link(here, urls.person(p)), person_label(ctx.site.people[p])) for p in meta.people)
        mentioned.append(f'<p><span class="x-label">People:</span> {people}</p>')
    if meta.topics:
        mentioned.append(f'<p><span class="x-label">Topics:</span> {", ".join(topic_link(ctx, here, t) for t in meta.topics)}</p>')
    parts += mentioned
    body = []
    for block in article.blocks:
        if block.kind == "heading":
            body.append(f"<h2>{text(block.text)}</h2>")
        else:
            anchor = block.anchor
            body.append(
                f'<p id="{anchor}" class="x-para"><a class="x-para__link" href="#{anchor}" '
                f'aria-label="Link to paragraph {block.number}">¶{block.number}</a> {ctx.glossary.mark(block.text)}</p>')
    parts.append(f'<div class="x-article-text" lang="{attr(meta.language)}">\n' + "\n".join(body) + "\n</div>")
    if article.meta.quotes:
        parts.append('<h2 id="quotes">Quotes</h2>')
        parts += [quote_html(ctx, here, use) for use in ctx.site.quotes if use.event is None and use.article_id == article.id]
    citing = ctx.site.events_citing_article[article.id]
    parts.append('<h2 id="cited-by">Timeline events citing this article</h2>')
    if citing:
        items = []
        for timeline, event, numbers in citing:
            paragraphs = ", ".join(link(f"#p{n}", f"¶{n}") for n in numbers)
            event_url = urls.link(here, urls.timeline(timeline.id), event.id)
            items.append(f"<li>{date_html(event.when)}: {link(event_url, text(event.headline))} "
                         f'<span class="x-muted">(cites {paragraphs})</span></li>')
        parts.append('<ul class="x-cited-by">' + "\n".join(items) + "</ul>")
    else:
        parts.append("<p>No timeline event cites this article yet.</p>")
    return page(meta.title, "\n".join(parts), description=meta.summary, classes="x-article-page")


def articles_index(ctx: Context) -> str:
    here = urls.ARTICLES
    newest_first = sorted(ctx.site.articles.values(), key=lambda a: a.published.sort_key(), reverse=True)
    items = []
    for article in newest_first:
        title = link(urls.link(here, urls.article(article.id)), text(article.meta.title))
        publisher = text(article.meta.publisher) if article.meta.publisher else "publisher not recorded"
        items.append(f'<li class="x-card"><h2 class="x-card__title">{title}</h2>'
                     f'<p class="x-muted">{date_html(article.published)} · {publisher}</p>'
                     f"<p>{ctx.glossary.mark(article.meta.summary)}</p></li>")
    intro = ("<p>The source articles this explainer is built from, newest first. Each is shown verbatim with "
             "numbered paragraphs, so every claim on this site can be traced to the sentence it rests on.</p>")
    return page("Articles", intro + '\n<ul class="x-cards">\n' + "\n".join(items) + "\n</ul>",
                description="The source articles, verbatim, with numbered paragraphs.")
