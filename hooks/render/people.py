"""Person pages (roles, verbatim quotes, events) and the people list grouped by country."""

from __future__ import annotations

from itertools import groupby

from hooks import urls
from hooks.content.dates import EdtfDate
from hooks.content.model import Person
from hooks.render.common import Context, country_name, page, person_label, quote_html, sources_html
from hooks.render.html import link, native, text
from hooks.render.lists import (Digest, article_links, compact_events, events_section, more_by_year, year_pages,
                                years_list)
from hooks.render.search_hints import name_attributes


def role_dates(start: EdtfDate, end: EdtfDate | None) -> str:
    begin = start.display()
    return f"{begin} – {end.display()}" if end else f"since {begin}"


def person_page(ctx: Context, person: Person, digest: Digest | None = None) -> str:
    here = urls.person(person.id)
    parts = [f'<p class="x-lede x-person__names"{name_attributes(person.native_name)}>{person_label(person)} · {text(country_name(person.country))}</p>']
    if person.aliases:
        parts.append(f'<p class="x-muted">Also written: {", ".join(text(a) for a in person.aliases)}</p>')
    if person.summary:
        parts.append(f"<p>{ctx.glossary.mark(person.summary)}</p>")
    if person.roles:
        rows = []
        for role in person.roles:
            sources = sources_html(ctx, here, role.sources)
            cited = f' <span class="x-muted">({sources})</span>' if sources else ""
            rows.append(f"<li>{text(role.title)}, {text(role_dates(role.start, role.end))}{cited}</li>")
        parts.append('<h2 id="roles">Roles</h2>\n<ul class="x-roles">' + "\n".join(rows) + "</ul>")
    if person.sources:
        parts.append(f'<p class="x-muted">Sources: {sources_html(ctx, here, person.sources)}</p>')
    digest = digest or person_digest(ctx, person)
    if digest.split_by_year:
        parts += by_year_sections(ctx, here, person, digest)
    else:
        parts += inline_sections(ctx, here, digest)
    description = person.summary or f"{person.name}: roles, quotes and events on the China–South Korea timeline."
    return page(person.name, "\n".join(parts), description=description, classes="x-person-page", kind="Person")


def person_digest(ctx: Context, person: Person) -> Digest:
    site = ctx.site
    return Digest(ctx, site.events_by_person[person.id], site.quotes_by_person[person.id],
                  site.articles_by_person[person.id])


def inline_sections(ctx: Context, here: str, digest: Digest) -> list[str]:
    parts = []
    if digest.quotes:
        parts.append('<h2 id="quotes">What they said</h2>')
        parts += [quote_html(ctx, here, use, show_speaker=False) for use in digest.quotes]
    if digest.articles:
        parts.append(f'<h2 id="articles">Articles naming them</h2>\n{article_links(ctx, here, digest.articles)}')
    if digest.events:
        parts.append(events_section(ctx, here, digest))
    return parts


def by_year_sections(ctx: Context, here: str, person: Person, digest: Digest) -> list[str]:
    """For someone named very often: the latest of each kind here, everything on one page per year."""
    parts = []
    if digest.quotes:
        parts.append('<h2 id="quotes">What they said</h2>')
        parts += [quote_html(ctx, here, use, show_speaker=False) for use in digest.latest("quotes")]
        parts.append(more_by_year(len(digest.quotes), "quotes"))
    if digest.articles:
        parts.append(f'<h2 id="articles">Articles naming them</h2>\n{article_links(ctx, here, digest.latest("articles"))}\n'
                     + more_by_year(len(digest.articles), "articles"))
    if digest.events:
        parts.append(f'<h2 id="events">Events</h2>\n{compact_events(ctx, here, digest.latest("events"), group=False)}\n'
                     + more_by_year(len(digest.events), "events"))
    parts.append('<h2 id="by-year">By year</h2>\n'
                 + years_list(here, digest.years, lambda year: urls.person_year(person.id, year)))
    return parts


def person_year_pages(ctx: Context, person: Person, digest: Digest | None = None) -> dict[str, str]:
    """One page per year for someone named very often (none for anyone else)."""
    digest = digest or person_digest(ctx, person)
    if not digest.split_by_year:
        return {}

    def lede(here: str, year: int) -> str:
        return (f'<p class="x-lede">{link(urls.link(here, urls.person(person.id)), person_label(person))} in {year}: '
                "the events, quotes and articles of that year.</p>")

    def sections(here: str, found: dict[str, list]) -> list[str]:
        parts = []
        if found["events"]:
            parts.append(f'<h2 id="events">Events</h2>\n{compact_events(ctx, here, found["events"], group=False)}')
        if found["quotes"]:
            parts.append('<h2 id="quotes">What they said</h2>')
            parts += [quote_html(ctx, here, use, show_speaker=False) for use in found["quotes"]]
        if found["articles"]:
            parts.append(f'<h2 id="articles">Articles naming them</h2>\n{article_links(ctx, here, found["articles"])}')
        return parts

    return year_pages(digest, page_for=lambda year: urls.person_year(person.id, year), title=person.name,
                      lede=lede, sections=sections, contents="events, quotes and articles", classes="x-person-page",
                      kind="Person")


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
                toc=True, kind="List")
