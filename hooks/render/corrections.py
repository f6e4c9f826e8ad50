"""The corrections page: every correction made to an event or an article, newest first."""

from __future__ import annotations

from dataclasses import dataclass

from hooks import urls
from hooks.content.dates import EdtfDate
from hooks.render.common import Context, date_html, page
from hooks.render.html import link, text
from hooks.render.report import report_html


@dataclass(frozen=True)
class CorrectionEntry:
    when: EdtfDate
    note: str
    title: str  # the corrected event's headline or article's title
    target: str  # the page corrected
    anchor: str  # the event on it ('' for an article)
    what: str  # "event on <timeline>" or "article"


def correction_entries(ctx: Context) -> list[CorrectionEntry]:
    """All corrections, newest first; on the same date, in the order of the site's own pages."""
    entries = []
    for timeline, event in ctx.site.events.values():
        for correction in event.corrections:
            entries.append(CorrectionEntry(correction.date, correction.note, event.headline,
                                           urls.event(timeline, event), event.id, f"event on “{timeline.title}”"))
    for article in ctx.site.articles.values():
        for correction in article.meta.corrections:
            entries.append(CorrectionEntry(correction.date, correction.note, article.meta.title,
                                           urls.article(article.id), "", "article"))
    return sorted(entries, key=lambda entry: entry.when.sort_key(), reverse=True)


def corrections_page(ctx: Context) -> str:
    here = urls.CORRECTIONS
    intro = ("<p>When we find an error, we correct the data and say so: each correction is shown on the page "
             "it affects and listed here, newest first (see "
             f"{link(urls.link(here, 'about.md', 'corrections'), 'how this site is made')}).</p>\n"
             f"{report_html(ctx.repo_url, here)}")
    entries = correction_entries(ctx)
    if not entries:
        return page("Corrections", f"{intro}\n<p>No corrections so far.</p>",
                    description="Every correction made to this explainer, newest first.",
                    kind="Corrections")
    items = []
    for entry in entries:
        target = link(urls.link(here, entry.target, entry.anchor), text(entry.title))
        items.append(f'<li class="x-correction"><p class="x-event__date">{date_html(entry.when)}</p>'
                     f'<p>{target} <span class="x-muted">({text(entry.what)})</span></p>'
                     f"<p>{text(entry.note)}</p></li>")
    body = f'{intro}\n<ul class="x-corrections-list">\n' + "\n".join(items) + "\n</ul>"
    return page("Corrections", body, description="Every correction made to this explainer, newest first.",
                    kind="Corrections")
