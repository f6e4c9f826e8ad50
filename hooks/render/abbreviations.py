"""Glossary tooltips on the hand-written pages, through Python-Markdown's `abbr` extension.

The terms are handed to the extension as its `glossary` setting instead of being appended to each
page as `*[TERM]: definition` lines. That way no term or definition from data/ is ever parsed as
Markdown: a line break or markup in a term cannot add a heading, a raw `<script>` or a broken
definition whose text then shows as HTML. The extension puts each term in an element's text and
its definition in the `title` attribute, and both are escaped when the page is written.
"""

from __future__ import annotations

from hooks.render.common import Context


def abbreviation_glossary(ctx: Context) -> dict[str, str]:
    """{term or alias as written in text: 'Expansion: definition'} for the `abbr` extension."""
    glossary: dict[str, str] = {}
    for term in ctx.site.terms.values():
        for form in (term.term, *term.aliases):
            glossary[" ".join(form.split())] = " ".join(term.tooltip.split())
    return glossary
