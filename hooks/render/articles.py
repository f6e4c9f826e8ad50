"""Article pages (verbatim text with numbered paragraph anchors) and the article list."""

from __future__ import annotations

from hooks import urls
from hooks.content.model import Article
from hooks.render.common import (Context, article_link, corrections_html, date_html, note_html, page, person_label,
                                 quote_html, topic_link)
from hooks.render.html import html, link, render_template, text
from hooks.render.lists import SEARCH_EXCLUDE, article_when, newest_first, year_neighbours, years_of


def provenance(article: Article) -> str:
    return render_template("provenance.html", meta=article.meta, published=html(date_html(article.meta.published)))


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
            body += [note_html(ctx, here, article, note) for note in article.notes_by_paragraph.get(block.number, ())]
    parts.append(f'<div class="x-article-text" lang="{text(meta.language)}">\n' + "\n".join(body) + "\n</div>")
    if article.meta.quotes:  # their words are in the text above, where search finds them
        quotes = "\n".join(quote_html(ctx, here, use) for use in ctx.site.quotes_in_article[article.id])
        parts.append(f'<h2 id="quotes">Quotes</h2>\n<div{SEARCH_EXCLUDE}>\n{quotes}\n</div>')
    citing = ctx.site.events_citing_article[article.id]
    parts.append('<h2 id="cited-by">Timeline events citing this article</h2>')
    if citing:
        items = []
        for timeline, event, numbers in citing:
            paragraphs = ", ".join(link(f"#p{n}", f"¶{n}") for n in numbers)
            event_url = urls.link(here, urls.event(timeline, event), event.id)
            items.append(f"<li>{date_html(event.date)}: {link(event_url, text(event.headline))} "
                         f'<span class="x-muted">(cites {paragraphs})</span></li>')
        parts.append('<ul class="x-cited-by">' + "\n".join(items) + "</ul>")
    else:
        parts.append("<p>No timeline event cites this article yet.</p>")
    return page(meta.title, "\n".join(parts), description=meta.summary, classes="x-article-page",
                kind="Article")


INDEX_CARDS = 100  # articles listed on the index itself; a larger archive is split into one page per year
LATEST_CARDS = 20  # what the index of a split archive still shows


def article_cards(ctx: Context, here: str, articles: list[Article]) -> str:
    """Cards, newest first. Their summaries are the articles' ledes, which search finds on the articles."""
    items = []
    for article in articles:
        title = article_link(ctx, here, article.id)
        publisher = text(article.meta.publisher) if article.meta.publisher else "publisher not recorded"
        items.append(f'<li class="x-card"><h2 class="x-card__title">{title}</h2>'
                     f'<p class="x-muted">{date_html(article.meta.published)} · {publisher}</p>'
                     f"<p>{ctx.glossary.mark(article.meta.summary)}</p></li>")
    return f'<ul class="x-cards"{SEARCH_EXCLUDE}>\n' + "\n".join(items) + "\n</ul>"


def articles_index(ctx: Context) -> str:
    here = urls.ARTICLES
    articles = newest_first(ctx.site.articles.values(), article_when)
    intro = ("<p>The source articles this explainer is built from, newest first. Each is shown verbatim with "
             "numbered paragraphs, so every claim on this site can be traced to the sentence it rests on.</p>")
    if len(articles) <= INDEX_CARDS:
        body = f"{intro}\n{article_cards(ctx, here, articles)}"
    else:
        years = "\n".join(f"<li>{link(urls.link(here, urls.articles_year(year)), str(year))}: {len(found)} "
                           f"article{'' if len(found) == 1 else 's'}</li>"
                           for year, found in years_of(articles, article_when).items())
        body = (f'{intro}\n<h2 id="by-year">By year</h2>\n<ul class="x-years">\n{years}\n</ul>\n'
                f'<h2 id="latest">The latest {LATEST_CARDS}</h2>\n{article_cards(ctx, here, articles[:LATEST_CARDS])}')
    return page("Articles", body, description="The source articles, verbatim, with numbered paragraphs.",
                kind="List")


def articles_year_pages(ctx: Context) -> dict[str, str]:
    """One page per year of publication, once the archive is too large for one list (none before)."""
    if len(ctx.site.articles) <= INDEX_CARDS:
        return {}
    years = years_of(newest_first(ctx.site.articles.values(), article_when), article_when)
    pages = {}
    for year, articles in years.items():
        here = urls.articles_year(year)
        back = link(urls.link(here, urls.ARTICLES), "all articles, by year")
        body = (f'<p>The {len(articles)} source article{"" if len(articles) == 1 else "s"} published in {year}, '
                f"newest first ({back}).</p>\n"
                f"{year_neighbours(here, list(years), year, urls.articles_year)}\n{article_cards(ctx, here, articles)}")
        pages[here] = page(f"Articles of {year}", body, description=f"The source articles published in {year}.",
                           kind="List", search_exclude=True)
    return pages
