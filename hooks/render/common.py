"""Pieces every generated page shares: the page shell, dates, sources, people and topic links."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property

from hooks import urls
from hooks.content.dates import EdtfDate
from hooks.content.model import COUNTRY_NAMES, Article, Event, Note, Person, QuoteUse, Site, Timeline, paragraph_of
from hooks.render.cite import cite_details, cite_text
from hooks.render.html import Glossary, html, link, native, render_template, text
from hooks.content.schedule import is_overdue

STATUS_LABELS = {"confirmed": "Confirmed", "reported": "Reported", "scheduled": "Scheduled"}
OVERDUE_LABEL = "Scheduled; not yet confirmed"  # a scheduled event whose date has passed


@dataclass
class Context:
    """The site plus what is computed once per build for every page (never per page)."""

    site: Site
    site_name: str = ""
    site_url: str = ""  # where the site is published; citations and downloads need full addresses
    repo_url: str = ""  # the repository readers report mistakes to; "" when none is configured (hooks/render/report.py)
    today: date = field(default_factory=date.today)  # decides which scheduled events are still upcoming

    @cached_property
    def glossary(self) -> Glossary:
        return Glossary(self.site.terms.values())


_as_json = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(…, ensure_ascii=False), one encoder for all pages


# Pages whose title is the name of what they are about: searching that name must find them first,
# before pages that only mention it often (an article on North Korea for the topic "North Korea").
NAMED_BY_TITLE = {"Person", "Topic"}
NAME_WEIGHT = 10  # Pagefind's highest weight (a heading's is 7 at most)


def page(title: str, body: str, *, description: str, classes: str = "", toc: bool = False,
         kind: str = "Page", item: str | None = None, search_exclude: bool = False) -> str:
    """A generated Markdown page: front matter (JSON is valid YAML) and one raw HTML block.

    `kind` is what the page is ("Person"): search results and the page's share card name it; `item`,
    what a result anchored at one of its <h3> or <dt> is ("Event" on a timeline). Both reach the index
    through overrides/main.html; a page with `search_exclude` (it only gathers what other pages say)
    is not indexed.

    The title goes into <title>, the nav and the search index through templates that do not escape,
    so it is escaped here; the loader already refuses '<' and '>' in titles.
    """
    meta: dict = {"title": text(title), "description": text(description)}
    if not toc:
        meta["hide"] = ["toc"]
    meta["search"] = {"kind": kind, **({"item": item} if item else {}), **({"exclude": True} if search_exclude else {})}
    front = "\n".join(f"{key}: {_as_json(value)}" for key, value in meta.items())
    name_weight = NAME_WEIGHT if kind in NAMED_BY_TITLE else None
    return f"---\n{front}\n---\n\n" + render_template("page.html", title=title, body=html(body), classes=classes,
                                                        name_weight=name_weight) + "\n"


def date_html(when: EdtfDate) -> str:
    return f'<time datetime="{when.start.iso()}">{text(when.display())}</time>'


def person_link(ctx: Context, here: str, person_id: str) -> str:
    person = ctx.site.people[person_id]
    return link(urls.link(here, urls.person(person_id)), text(person.name))


def person_label(person: Person) -> str:
    """'Cho Tae-yul (조태열)', with the native name marked by language."""
    if person.native_name == person.name:
        return text(person.name)
    return f"{text(person.name)} ({native(person.native_name, person.native_lang)})"


def topic_link(ctx: Context, here: str, topic_id: str) -> str:
    return link(urls.link(here, urls.topic(topic_id)), text(ctx.site.topics[topic_id].title))


def reference_link(ctx: Context, here: str, reference_id: str) -> str:
    """A reference, 'Publisher: Title, date', linking to its entry on the references page."""
    reference = ctx.site.references[reference_id]
    label = f"{text(reference.publisher)}: {text(reference.title)}"
    if reference.date:
        label += f", {text(reference.date.display())}"
    return link(urls.link(here, urls.REFERENCES, reference_id), label)


def sources_html(ctx: Context, here: str, sources: list[str]) -> str:
    """Sources, with several paragraphs of one article under its title once: 'Title, ¶1, ¶4; …'."""
    paragraphs: dict[str, list[int]] = {}
    for source in sources:
        if paragraph := paragraph_of(source):
            paragraphs.setdefault(paragraph[0], []).append(paragraph[1])
        else:
            paragraphs.setdefault(source, [])
    parts = []
    for key, numbers in paragraphs.items():
        if not numbers:
            parts.append(reference_link(ctx, here, key))
            continue
        pilcrows = ", ".join(paragraph_link(ctx, here, key, number) for number in numbers)
        parts.append(f"<cite>{article_link(ctx, here, key)}</cite>, {pilcrows}")
    return "; ".join(parts)


def article_link(ctx: Context, here: str, article_id: str) -> str:
    return link(urls.link(here, urls.article(article_id)), text(ctx.site.articles[article_id].meta.title))


def paragraph_link(ctx: Context, here: str, article_id: str, number: int) -> str:
    """'¶4', named in full for screen readers (a list of bare numbers says nothing out of context)."""
    title = ctx.site.articles[article_id].meta.title
    return link(urls.link(here, urls.article(article_id), f"p{number}"), f"¶{number}",
                aria_label=f"{title}, paragraph {number}")


def event_item(ctx: Context, here: str, timeline: Timeline, event: Event, *, heading: str = "h3",
               show_timeline: bool = False) -> str:
    """One event as a list item. On its own timeline page it carries the permalink anchor; elsewhere
    it links to it."""
    on_own_page = here == urls.event(timeline, event)
    when = event.date
    label = OVERDUE_LABEL if is_overdue(event, ctx.today) else STATUS_LABELS[event.status]
    status = "" if event.status == "confirmed" else \
        f' <span class="x-status x-status--{event.status}">{label}</span>'
    title = text(event.headline)
    if on_own_page:
        heading_html = (f'<{heading} id="{event.id}" class="x-event__headline">{title} '
                        f'<a class="x-permalink" href="#{event.id}" aria-label="Link to this event">#</a></{heading}>')
    else:
        heading_html = (f'<{heading} class="x-event__headline">'
                        f'{link(urls.link(here, urls.event(timeline, event), event.id), title)}</{heading}>')
    parts = [
        f'<li class="x-event" data-event="{event.id}" data-topics="{" ".join(event.topics)}" '
        f'data-actors="{" ".join(event.actors)}" data-status="{event.status}">',
        f'<p class="x-event__date">{date_html(when)}{status}</p>',
        heading_html,
        f'<p class="x-event__summary">{ctx.glossary.mark(event.summary)}</p>',
    ]
    if event.date_basis:
        parts.append(f'<p class="x-event__basis">How the date is known: {text(event.date_basis)}</p>')
    parts += [quote_html(ctx, here, use) for use in (QuoteUse(q, event, *paragraph_of(q.source)) for q in event.quotes)]
    facts = []
    if event.actors:
        facts.append(f'<span class="x-label">People:</span> {", ".join(person_link(ctx, here, p) for p in event.actors)}')
    if event.topics:
        facts.append(f'<span class="x-label">Topics:</span> {", ".join(topic_link(ctx, here, t) for t in event.topics)}')
    if show_timeline:
        facts.append(f'<span class="x-label">Timeline:</span> {link(urls.link(here, urls.timeline(timeline.id)), text(timeline.title))}')
    if facts:
        parts.append(f'<p class="x-event__facts">{" · ".join(facts)}</p>')
    sources = sources_html(ctx, here, event.sources)
    parts += [note_html(ctx, here, article, note, on_article=False)
              for article, note in ctx.site.notes_on_event[event.id]]
    parts.append(f'<p class="x-event__sources"><span class="x-label">Sources:</span> {sources}</p>')
    parts += corrections_html(event.corrections)
    if on_own_page:
        parts.append(event_citation(ctx, timeline, event))
    parts.append("</li>")
    return "\n".join(parts)


def note_html(ctx: Context, here: str, article: Article, note: Note, *, on_article: bool = True) -> str:
    """An editors' note on a paragraph: the explainer's own words, dated and sourced, set apart from
    the article's. Away from the article it says which paragraph of which article it qualifies."""
    number = note.paragraph
    when = date_html(note.date)
    if on_article:
        label = f"Editors' note, {when}"
        aria = f"Editors' note on paragraph {number}"
    else:
        target = link(urls.link(here, urls.article(article.id), f"p{number}"),
                      f"¶{number} of <cite>{text(article.meta.title)}</cite>")
        label = f"Editors' note, {when}, on {target}"
        aria = f"Editors' note on paragraph {number} of {text(article.meta.title)}"
    return (f'<aside class="x-note" aria-label="{aria}">'
            f'<p class="x-note__label"><span class="x-label">{label}</span></p>'
            f'<p class="x-note__text">{ctx.glossary.mark(note.text)}</p>'
            f'<p class="x-note__sources x-muted"><span class="x-label">Sources:</span> '
            f'{sources_html(ctx, here, note.sources)}</p></aside>')


def event_citation(ctx: Context, timeline: Timeline, event: Event) -> str:
    permalink = urls.absolute(ctx.site_url, urls.event(timeline, event), event.id)
    citation = cite_text(headline=event.headline, date=event.date.display(), timeline_title=timeline.title,
                         site_name=ctx.site_name, permalink=permalink)
    return cite_details(citation)


def quote_html(ctx: Context, here: str, use: QuoteUse, *, show_speaker: bool = True) -> str:
    article = ctx.site.articles[use.article_id]
    cite = link(urls.link(here, urls.article(article.id), f"p{use.paragraph}"),
                f"{text(article.meta.title)}, ¶{use.paragraph}")
    speaker = f"{person_link(ctx, here, use.quote.said_by)}, " if show_speaker else ""
    return (f'<figure class="x-quote"><blockquote><p>{text(use.quote.text)}</p></blockquote>'
            f'<figcaption>— {speaker}<cite>{cite}</cite></figcaption></figure>')


def corrections_html(corrections) -> list[str]:
    if not corrections:
        return []
    items = "".join(f"<li>{date_html(c.date)}: {text(c.note)}</li>" for c in corrections)
    return [f'<div class="x-corrections"><p class="x-label">Corrections</p><ul>{items}</ul></div>']


def country_name(code: str) -> str:
    return COUNTRY_NAMES[code]
