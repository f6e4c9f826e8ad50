"""Person pages (roles, verbatim quotes, events) and the people list grouped by country."""

from __future__ import annotations

from itertools import groupby

from hooks import urls
from hooks.dates import parse_date
from hooks.model import Person
from hooks.render.common import Context, country_name, event_item, page, person_label, quote_html, source_link
from hooks.render.html import link, native, text


def role_dates(start: str, end: str | None) -> str:
    begin = parse_date(start).display()
    return f"{begin} – {parse_date(end).display()}" if end else f"since {begin}"


def person_page(ctx: Context, person: Person) -> str:
    here = urls.person(person.id)
    parts = [f'<p class="x-lede x-person__names">{person_label(person)} · {text(country_name(person.country))}</p>']
    if person.aliases:
        parts.append(f'<p class="x-muted">Also written: {", ".join(text(a) for a in person.aliases)}</p>')
    if person.summary:
        parts.append(f"<p>{ctx.glossary.mark(person.summary)}</p>")
    if person.roles:
        rows = []
        for role in person.roles:
            sources = "; ".join(source_link(ctx, here, s) for s in role.sources)
            cited = f' <span class="x-muted">({sources})</span>' if sources else ""
            rows.append(f"<li>{text(role.title)}, {text(role_dates(role.start, role.end))}{cited}</li>")
        parts.append('<h2 id="roles">Roles</h2>\n<ul class="x-roles">' + "\n".join(rows) + "</ul>")
    if person.sources:
        parts.append(f'<p class="x-muted">Sources: {"; ".join(source_link(ctx, here, s) for s in person.sources)}</p>')
    quotes = [use for use in ctx.site.quotes if use.quote.said_by == person.id]
    if quotes:
        parts.append('<h2 id="quotes">What they said</h2>')
        parts += [quote_html(ctx, here, use, show_speaker=False) for use in quotes]
    articles = [a for a in ctx.site.articles.values() if person.id in a.meta.people]
    if articles:
        items = "".join(f"<li>{link(urls.link(here, urls.article(a.id)), text(a.meta.title))}</li>" for a in articles)
        parts.append(f'<h2 id="articles">Articles naming them</h2>\n<ul>{items}</ul>')
    events = ctx.site.events_by_person[person.id]
    if events:
        items = "\n".join(event_item(ctx, here, timeline, event, show_timeline=True) for timeline, event in events)
        parts.append(f'<h2 id="events">Events</h2>\n<ol class="x-timeline x-timeline--compact">\n{items}\n</ol>')
    description = person.summary or f"{person.name}: roles, quotes and events on the China–South Korea timeline."
    return page(person.name, "\n".join(parts), description=description, classes="x-person-page", search_boost=2)


def people_index(ctx: Context) -> str:
    here = urls.PEOPLE
    people = sorted(ctx.site.people.values(), key=lambda p: (country_name(p.country), p.name))
    sections = []
    for country, group in groupby(people, key=lambda p: country_name(p.country)):
        items = []
        for person in group:
            role = person.roles[-1].title if person.roles else ""
            name = link(urls.link(here, urls.person(person.id)), text(person.name))
            native_name = f" {native(person.native_name, person.native_lang)}" if person.native_name != person.name else ""
            items.append(f'<li>{name}{native_name}{f" — {text(role)}" if role else ""}</li>')
        anchor = country.lower().replace(" ", "-")
        sections.append(f'<h2 id="{anchor}">{text(country)}</h2>\n<ul class="x-people">' + "\n".join(items) + "</ul>")
    return page("People", "\n".join(sections), description="Everyone the explainer quotes or names, by country.",
                toc=True)
