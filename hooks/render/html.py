"""Small HTML-building helpers. Every piece of text from data/ goes through `text()`, in element content
and attribute values alike: escaped as Jinja's autoescape escapes it (markupsafe), so a `<script>` or a
Markdown marker in content shows as itself and never runs, and the templates never escape it twice."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import ahocorasick_rs
from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from hooks.content.model import Term

def _as_text(value: object) -> object:
    """Every value a template writes, as text() writes it: whitespace collapsed (a line break could end
    the HTML block in Markdown), then escaped by autoescape unless it is already Markup."""
    return collapse_whitespace(value) if isinstance(value, str) and not isinstance(value, Markup) else value


# Page skeletons and static prose (hooks/render/templates/). Autoescaped: a value is escaped unless it is
# already Markup (what text() returns, and fragments made here from escaped parts, wrapped with html()).
_TEMPLATES = Environment(loader=FileSystemLoader(Path(__file__).parent / "templates"), autoescape=True,
                         undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True,
                         finalize=_as_text)


def render_template(name: str, **values: object) -> str:
    return _TEMPLATES.get_template(name).render(**values)


def html(fragment: str) -> Markup:
    """HTML made here from escaped parts, handed to a template as it is."""
    return Markup(fragment)


def collapse_whitespace(value: str) -> str:
    """Each run of whitespace as one space, none at either end (a line break in content could end
    the HTML block around it in Markdown)."""
    # Data text is nearly always collapsed already, and splitting a long non-ASCII text into words costs
    # twice this check. Every whitespace character but the space is unprintable (str.isprintable).
    if value.isprintable() and "  " not in value and value[:1] != " " and value[-1:] != " ":
        return value
    return " ".join(value.split())


def text(value: str) -> Markup:
    """Plain text for element content or a (double-quoted) attribute: escaped, whitespace collapsed."""
    return escape(collapse_whitespace(value))


def native(name: str, lang: str) -> str:
    """A name in Hangul, Chinese or Japanese script, marked so screen readers and fonts get it right."""
    return f'<span lang="{text(lang)}">{text(name)}</span>'


def link(href: str, label_html: str, **attributes: str) -> str:
    if not attributes:  # most links; a build makes hundreds of thousands
        return f'<a href="{text(href)}">{label_html}</a>'
    return f'<a href="{text(href)}"{_attributes(*attributes.items())}>{label_html}</a>'


def _attributes(*pairs: tuple[str, str]) -> str:
    """(('class_', 'x'), ('aria_label', 'y')) -> ' class="x" aria-label="y"'."""
    return "".join(f' {name.rstrip("_").replace("_", "-")}="{text(value)}"' for name, value in pairs)


class Glossary:
    """Marks every glossary term in a text as <abbr title="…">.

    Aho-Corasick (ahocorasick_rs) finds the leftmost-longest term forms in one pass over the text;
    the regex below is the definition of a match and decides the rare text where a found form is
    part of a longer word. Both give the same result (tests/test_properties.py checks it).
    """

    def __init__(self, terms: Iterable[Term]):
        titles: dict[str, str] = {}
        for term in terms:
            for form in (term.term, *term.aliases):
                titles[str(escape(form))] = term.tooltip
        self.marked = {form: f'<abbr title="{text(title)}">{form}</abbr>' for form, title in titles.items()}
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
