"""Small HTML-building helpers. Every piece of text from data/ goes through `text()` or `attr()`:
escaped, so a `<script>` or a Markdown marker in content shows as itself and never runs."""

from __future__ import annotations

import html
import re
from collections.abc import Iterable
from functools import lru_cache

import ahocorasick_rs

from hooks.model import Term

# Characters that Markdown or one of its extensions would act on even mid-line, written as
# numeric references so that no extension ever sees them (HTML blocks are passed through as is,
# but titles and descriptions travel through YAML front matter and Jinja templates too).
_MARKDOWN_ACTIVE = re.compile(r"[\\`*_{}\[\]#|~=^$!:]")


def collapse_whitespace(value: str) -> str:
    """Each run of whitespace as one space, none at either end (a line break in content could end
    the HTML block around it in Markdown)."""
    # Data text is nearly always collapsed already, and splitting a long non-ASCII text into words costs
    # twice this check. Every whitespace character but the space is unprintable (str.isprintable).
    if value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
        return value
    return " ".join(value.split())


# Cached: a build escapes the same names, titles and headlines on page after page.
@lru_cache(maxsize=1 << 16)
def text(value: str) -> str:
    """Plain text for element content: HTML-escaped and whitespace-collapsed."""
    return html.escape(collapse_whitespace(value), quote=False)


@lru_cache(maxsize=1 << 16)
def attr(value: str) -> str:
    """Text for an attribute value (always double-quoted)."""
    return html.escape(collapse_whitespace(value), quote=True)


def inert_markdown(value: str) -> str:
    """Text that may pass through Markdown and still show exactly as written."""
    escaped = html.escape(collapse_whitespace(value), quote=True)
    return _MARKDOWN_ACTIVE.sub(lambda m: f"&#{ord(m.group())};", escaped)


def native(name: str, lang: str) -> str:
    """A name in Hangul, Chinese or Japanese script, marked so screen readers and fonts get it right."""
    return f'<span lang="{attr(lang)}">{text(name)}</span>'


def link(href: str, label_html: str, **attributes: str) -> str:
    if not attributes:  # most links; a build makes hundreds of thousands
        return f'<a href="{attr(href)}">{label_html}</a>'
    return f'<a href="{attr(href)}"{_attributes(*attributes.items())}>{label_html}</a>'


@lru_cache(maxsize=1 << 16)  # the same few classes and labels, link after link
def _attributes(*pairs: tuple[str, str]) -> str:
    """(('class_', 'x'), ('aria_label', 'y')) -> ' class="x" aria-label="y"'."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{attr(value)}"' for name, value in pairs)


def join(items: Iterable[str], separator: str = ", ") -> str:
    return separator.join(items)


class Glossary:
    """Marks every glossary term in a text as <abbr title="…">.

    Aho-Corasick (ahocorasick_rs) finds the leftmost-longest term forms in one pass over the text;
    the regex below is the definition of a match and decides the rare text where a found form is
    part of a longer word. Both give the same result (tests/test_properties.py checks it).
    """

    def __init__(self, terms: Iterable[Term]):
        titles: dict[str, str] = {}
        for term in terms:
            title = f"{term.expansion}: {term.definition}" if term.expansion else term.definition
            for form in (term.term, *term.aliases):
                titles[html.escape(form, quote=False)] = title
        self.marked = {form: f'<abbr title="{attr(title)}">{form}</abbr>' for form, title in titles.items()}
        forms = self.forms = sorted(titles, key=len, reverse=True)
        # Whole words only ("ROK" but not "BROKEN"); longest form first ("UN Security Council" over "UN").
        self.pattern = re.compile(r"(?<![\w&#-])(" + "|".join(map(re.escape, forms)) + r")(?![\w-])") if forms else None
        self.automaton = ahocorasick_rs.AhoCorasick(forms, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest) \
            if forms else None

    def mark(self, value: str) -> str:
        """Escaped text with <abbr> around each term."""
        escaped = text(value)
        if self.automaton is None:
            return escaped
        pieces, done = [], 0
        for index, start, end in self.automaton.find_matches_as_indexes(escaped, overlapping=False):
            if (start and _WORD_BEFORE.match(escaped, start - 1)) or _WORD_AFTER.match(escaped, end):
                return self.mark_by_pattern(escaped)  # inside a word: a shorter form or a later one may fit
            pieces += (escaped[done:start], self.marked[self.forms[index]])
            done = end
        if not pieces:
            return escaped
        pieces.append(escaped[done:])
        return "".join(pieces)

    def mark_by_pattern(self, escaped: str) -> str:
        """The same marking by the regex alone: slower, and the definition of a whole-word match."""
        if self.pattern is None:
            return escaped
        return self.pattern.sub(lambda m: self.marked[m.group()], escaped)


# What may not touch a term on either side (the pattern's lookbehind and lookahead).
_WORD_BEFORE = re.compile(r"[\w&#-]")
_WORD_AFTER = re.compile(r"[\w-]")
