"""Pages that gather: every quote by speaker, the glossary, the list of other sources."""

from __future__ import annotations

from hooks import urls
from hooks.render.common import Context, page, person_label, quote_html, sources_html
from hooks.render.html import link, text
from hooks.render.lists import SEARCH_EXCLUDE


QUOTES_IN_FULL = 300  # more, and the page lists each speaker's count with a link to their quotes


def quotes_page(ctx: Context) -> str:
    here = urls.QUOTES
    by_speaker = {person_id: uses for person_id, uses in ctx.site.quotes_by_person.items() if uses}
    sections = []
    for person_id in sorted(by_speaker, key=lambda p: ctx.site.people[p].name):
        person = ctx.site.people[person_id]
        name = link(urls.link(here, urls.person(person_id)), person_label(person))
        count = len(by_speaker[person_id])
        if len(ctx.site.quotes) > QUOTES_IN_FULL:
            quotes = (f'<p>{count} quote{"" if count == 1 else "s"}: '
                      f'{link(urls.link(here, urls.person(person_id), "quotes"), "read them with " + text(person.name))}</p>')
        else:  # each quote is also on its speaker's page and in its article, where search finds it
            quotes = (f"<div{SEARCH_EXCLUDE}>\n"
                      + "\n".join(quote_html(ctx, here, use, show_speaker=False) for use in by_speaker[person_id])
                      + "\n</div>")
        sections.append(f'<h2 id="{person_id}">{name}</h2>\n{quotes}')
    intro = "<p>Who said what, word for word, each linked to the paragraph it comes from.</p>"
    return page("Quotes", intro + "\n" + "\n".join(sections), description="Who said what, verbatim, with sources.",
                toc=True, kind="Quotes")


def glossary_page(ctx: Context) -> str:
    here = urls.GLOSSARY
    rows = []
    for term in sorted(ctx.site.terms.values(), key=lambda t: t.term.lower()):
        expansion = f' <span class="x-muted">({text(term.expansion)})</span>' if term.expansion else ""
        aliases = f'<br><span class="x-muted">Also: {", ".join(text(a) for a in term.aliases)}</span>' if term.aliases else ""
        sources = f'<br><span class="x-muted">Sources: {sources_html(ctx, here, term.sources)}</span>' \
            if term.sources else ""
        rows.append(f'<dt id="{term.id}">{text(term.term)}{expansion}</dt>\n<dd>{text(term.definition)}{aliases}{sources}</dd>')
    return page("Glossary", '<dl class="x-glossary">\n' + "\n".join(rows) + "\n</dl>",
                description="Terms and abbreviations used on this site.",
                kind="Glossary", item="Glossary term")


def references_page(ctx: Context) -> str:
    rows = []
    for reference in sorted(ctx.site.references.values(), key=lambda r: (r.publisher, r.title)):
        date = text(reference.date.display()) if reference.date else "date not recorded"
        title = link(reference.url, text(reference.title), rel="nofollow noopener") if reference.url else text(reference.title)
        note = f' <span class="x-muted">{text(reference.note)}</span>' if reference.note else ""
        rows.append(f'<li id="{reference.id}">{text(reference.publisher)}: <cite>{title}</cite>, {date}.{note}</li>')
    intro = ("<p>Sources other than the articles on this site. Events cite these where the articles do not "
             "cover a fact.</p>")
    return page("Other sources", intro + '\n<ul class="x-references">\n' + "\n".join(rows) + "\n</ul>",
                description="Sources other than the articles.", kind="Sources")
