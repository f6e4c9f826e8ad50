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

    The regex below is the definition of a match: a form as a whole word, the longest form first. Two
    Aho-Corasick automata (ahocorasick_rs) find the same matches in one pass over a text each, whatever
    the number of terms (the regex's cost is terms x words): the first over the text as it is, the
    second, needed only where the first finds a form inside a word, over the text with the places a
    match may start and end marked (`_with_boundaries`). tests/test_properties.py checks all three agree.
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
        self.automaton = _automaton(forms) if forms else None
        # Forms as they read in a text marked by _with_boundaries: a start mark, the form with its inner
        # marks, an end mark. (The data cannot hold the marks, which are control characters.)
        self.bounded = None
        if forms and not any(mark in form for form in forms for mark in _MARKS):
            self.bounded = _automaton([_START + _with_boundaries(form).strip(_MARKS) + _END for form in forms])

    def mark(self, value: str) -> str:
        """Escaped text with <abbr> around each term."""
        escaped = text(value)
        if self.automaton is None:
            return escaped
        pieces, done = [], 0
        for index, start, end in self.automaton.find_matches_as_indexes(escaped, overlapping=False):
            if (start and _WORD_BEFORE.match(escaped, start - 1)) or _WORD_AFTER.match(escaped, end):
                return self.mark_within_words(escaped)  # inside a word: a shorter form or a later one may fit
            pieces += (escaped[done:start], self.marked[self.forms[index]])
            done = end
        if not pieces:
            return escaped
        pieces.append(escaped[done:])
        return "".join(pieces)

    def mark_within_words(self, escaped: str) -> str:
        """The marking of a text where some form is found inside a word, in one pass all the same."""
        if self.bounded is None or any(mark in escaped for mark in _MARKS):
            return self.mark_by_pattern(escaped)  # only for text the loader refuses (control characters)
        marked = _with_boundaries(escaped)
        pieces, done = [], 0
        for index, start, end in self.bounded.find_matches_as_indexes(marked, overlapping=False):
            pieces += (marked[done:start].translate(_UNMARK), self.marked[self.forms[index]])
            done = end
        pieces.append(marked[done:].translate(_UNMARK))
        return "".join(pieces)

    def mark_by_pattern(self, escaped: str) -> str:
        """The same marking by the regex alone: the definition of a whole-word match, and slow."""
        if self.pattern is None:
            return escaped
        return self.pattern.sub(lambda m: self.marked[m.group()], escaped)


def _automaton(patterns: list[str]) -> ahocorasick_rs.AhoCorasick:
    return ahocorasick_rs.AhoCorasick(patterns, matchkind=ahocorasick_rs.MatchKind.LeftmostLongest)


# What may not touch a term on either side (the pattern's lookbehind and lookahead).
_WORD_BEFORE = re.compile(r"[\w&#-]")
_WORD_AFTER = re.compile(r"[\w-]")

# Where a match may end (_END: before a character that is not [\w-], and at the end) and start (_START:
# after a character that is not [\w&#-], and at the beginning), marked in that order at each place. A
# marked form starts with _START and ends with _END, so a match starts and ends only where the pattern's
# lookarounds allow; one ending where the next starts leaves it its _START. Leftmost-longest matching of
# the marked forms in the marked text is then the pattern's own leftmost, longest-first matching.
_END, _START = "\x00", "\x01"
_MARKS = _END + _START
_UNMARK = str.maketrans("", "", _MARKS)
_BEFORE_NON_WORD = re.compile(r"(?=[^\w-]|\Z)")
_AFTER_NON_WORD = re.compile(r"(?:^|(?<=[^\w&#\x00-]))(\x00?)")


def _with_boundaries(value: str) -> str:
    return _AFTER_NON_WORD.sub("\\1" + _START, _BEFORE_NON_WORD.sub(_END, value))
