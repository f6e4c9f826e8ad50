"""Long lists kept short, so that no page grows with the archive.

A person or topic page shows up to FULL_EVENTS events in full; with more, one compact line each
(date and headline, linking to the event on its timeline), grouped by year. Past INLINE_ITEMS events
or articles, or INLINE_QUOTES quotes, the page shows its LATEST items of each kind and links to one
page per year (`people/<id>/<year>/`), where that year's events, quotes and articles are listed.
Below the thresholds (today's data) pages list everything as they always did.

Search finds each thing once, where it lives: events repeated from their timeline, and pages that
only gather, carry `data-pagefind-ignore` or `search: {exclude: true}`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from hooks import urls
from hooks.content.dates import EdtfDate
from hooks.content.model import Article, Event, QuoteUse, Site, Timeline
from hooks.render.common import Context, article_link, date_html, event_item, page
from hooks.render.html import link, text
from hooks.render.overview import events_overview

FULL_EVENTS = 20     # events shown in full on a person or topic page
INLINE_ITEMS = 200   # events or articles listed on the page itself, one line each
INLINE_QUOTES = 60   # quotes (always verbatim, in full) on the page itself
LATEST = 10          # what a page split by year still shows of each kind, newest first
SEARCH_EXCLUDE = " data-pagefind-ignore"  # the search index skips such an element (hooks/publish/search_index.py)

Item = TypeVar("Item")


def newest_first(items: Iterable[Item], when: Callable[[Item], EdtfDate]) -> list[Item]:
    """Newest first; items of the same date keep their order."""
    return sorted(items, key=lambda item: when(item).sort_key(), reverse=True)


def years_of(newest: list[Item], when: Callable[[Item], EdtfDate]) -> dict[int, list[Item]]:
    """Items already newest first, by the year they start in."""
    years: dict[int, list[Item]] = {}
    for item in newest:
        years.setdefault(when(item).start.year, []).append(item)
    return years


def event_when(pair: tuple[Timeline, Event]) -> EdtfDate:
    return pair[1].date


def article_when(article: Article) -> EdtfDate:
    return article.meta.published


def quote_when(site: Site) -> Callable[[QuoteUse], EdtfDate]:
    """A quote dates from its event, or else from the article it was said in."""
    return lambda use: use.event.date if use.event else site.articles[use.article_id].meta.published


def compact_event(ctx: Context, here: str, event_id: str) -> str:
    timeline, event = ctx.site.events[event_id]
    url = urls.link(here, urls.event(timeline, event), event.id)
    return f"<li>{date_html(event.date)}: {link(url, text(event.headline))}</li>"


def compact_events(ctx: Context, here: str, newest: list[tuple[Timeline, Event]], *, group: bool = True) -> str:
    """One line per event, newest first as given, under a heading per year (headings without ids: they
    are neither search sections nor table-of-contents entries). Search finds the events on their
    timeline, so the lines are not indexed here."""
    if not group:
        items = "\n".join(compact_event(ctx, here, e.id) for _, e in newest)
        return f'<ul class="x-compact"{SEARCH_EXCLUDE}>\n{items}\n</ul>'
    parts = []
    for year, year_pairs in years_of(newest, event_when).items():
        items = "\n".join(compact_event(ctx, here, e.id) for _, e in year_pairs)
        parts.append(f'<div{SEARCH_EXCLUDE}><h3 class="x-year">{year}</h3>\n<ul class="x-compact">\n{items}\n</ul></div>')
    return "\n".join(parts)


def events_section(ctx: Context, here: str, digest: "Digest") -> str:
    """A person's or topic's events: in full up to FULL_EVENTS, then one compact line each."""
    events = digest.events
    drawing = events_overview(ctx, here, events)
    if len(events) <= FULL_EVENTS:
        # In full, as on their timeline, where search finds them.
        items = "\n".join(event_item(ctx, here, timeline, event, show_timeline=True) for timeline, event in events)
        return (f'<h2 id="events">Events</h2>\n{drawing}\n<ol class="x-timeline x-timeline--compact"{SEARCH_EXCLUDE}>\n'
                f"{items}\n</ol>")
    return (f'<h2 id="events">Events</h2>\n{drawing}\n<p class="x-muted">{len(events)} events, newest first; each links '
            f"to its timeline.</p>\n{compact_events(ctx, here, digest.newest_first('events'))}")


def year_pages(digest: "Digest", *, page_for: Callable[[int], str], title: str, lede: Callable[[str, int], str],
               sections: Callable[[str, dict[str, list]], list[str]], contents: str, classes: str, kind: str) -> dict[str, str]:
    """One page per year of a person's or topic's digest: a lede, links to the neighbouring years,
    then that year's sections."""
    years = list(digest.years)
    pages = {}
    for year, found in digest.years.items():
        here = page_for(year)
        parts = [lede(here, year), year_neighbours(here, years, year, page_for), *sections(here, found)]
        pages[here] = page(f"{title} in {year}", "\n".join(part for part in parts if part),
                           description=f"{title} in {year}: {contents}.", classes=f"{classes} x-year-page",
                           kind=kind, search_exclude=True)
    return pages


def article_links(ctx: Context, here: str, articles: list[Article]) -> str:
    items = "".join(f"<li>{article_link(ctx, here, article.id)}</li>" for article in articles)
    return f"<ul>{items}</ul>"


@dataclass
class Digest:
    """What a person or topic page lists: its events, quotes and articles (in the site's order, as the
    site's indexes give them), and whether they go by year."""

    ctx: Context = field(repr=False)
    events: list[tuple[Timeline, Event]]
    quotes: list[QuoteUse]
    articles: list[Article]
    quotes_by_year: bool = True  # a topic's year pages leave quotes to its events and articles
    years: dict[int, dict[str, list]] = field(default_factory=dict)

    @property
    def split_by_year(self) -> bool:
        return (len(self.events) > INLINE_ITEMS or len(self.articles) > INLINE_ITEMS
                or len(self.quotes) > INLINE_QUOTES)

    @property
    def dates(self) -> dict[str, Callable[[Any], EdtfDate]]:
        """How each kind of listed item is dated."""
        return {"events": event_when, "quotes": quote_when(self.ctx.site), "articles": article_when}

    def __post_init__(self) -> None:
        if not self.split_by_year:
            return
        kinds = ["events", "articles", "quotes"] if self.quotes_by_year else ["events", "articles"]
        for kind in kinds:
            for year, items in years_of(self.newest_first(kind), self.dates[kind]).items():
                self.years.setdefault(year, {"events": [], "quotes": [], "articles": []})[kind] = items
        self.years = dict(sorted(self.years.items(), reverse=True))

    def latest(self, kind: str) -> list:
        return self.newest_first(kind)[:LATEST]

    def newest_first(self, kind: str) -> list:
        return newest_first(getattr(self, kind), self.dates[kind])


def year_summary(counts: dict[str, list]) -> str:
    parts = []
    for kind, singular in (("events", "event"), ("quotes", "quote"), ("articles", "article")):
        if n := len(counts[kind]):
            parts.append(f"{n} {singular if n == 1 else kind}")
    return ", ".join(parts)


def years_list(here: str, years: dict[int, dict[str, list]], page_for: Callable[[int], str]) -> str:
    items = "\n".join(f"<li>{link(urls.link(here, page_for(year)), str(year))}: {year_summary(counts)}</li>"
                      for year, counts in years.items())
    return f'<ul class="x-years">\n{items}\n</ul>'


def more_by_year(count: int, noun: str) -> str:
    return (f'<p class="x-muted">The latest {min(LATEST, count)} of {count} {noun}; '
            f'<a href="#by-year">all of them, by year</a>.</p>')


def year_neighbours(here: str, years: list[int], year: int, page_for: Callable[[int], str]) -> str:
    """Links to the next older and newer year (years are newest first)."""
    index = years.index(year)
    links = []
    if index + 1 < len(years):
        links.append(f"← {link(urls.link(here, page_for(years[index + 1])), str(years[index + 1]))}")
    if index > 0:
        links.append(f"{link(urls.link(here, page_for(years[index - 1])), str(years[index - 1]))} →")
    return f'<p class="x-year-nav">{" · ".join(links)}</p>' if links else ""
