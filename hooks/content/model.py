"""The explainer's data model: what each file in data/ may contain, field by field.

Pydantic does the per-file schema work: it rejects unknown fields (typos), checks types without
silently coercing them, gives a path to every problem (which `load` turns into a line number), and
generates the JSON Schemas editors' YAML language servers use, from these same classes.
Cross-file rules (references that must resolve) live in `checks`.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Annotated, Any, Literal, TypeVar

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, PlainSerializer, PlainValidator, WithJsonSchema

from hooks.content.dates import EdtfDate, parse_date
from hooks.content.yaml_source import Located

T = TypeVar("T")

SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")
PARAGRAPH_SOURCE = re.compile(r"(?P<article>[a-z0-9]+(?:-[a-z0-9]+)*)#p(?P<number>[1-9][0-9]*)")
# A lowercase http(s) scheme, an ASCII host (no "user@" part) and printable ASCII after it, without the
# characters that have no place in a URL (" < > \ ^ ` { | }): what browsers and readers can trust.
SAFE_URL = re.compile(r"https?://[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::[0-9]{1,5})?(?:[/?#][!#-;=?-\[\]_a-z~]*)?")
MAX_SLUG_LENGTH = 80


def paragraph_of(source: str) -> tuple[str, int] | None:
    """('article-id', 9) for the paragraph source 'article-id#p9'; None for a reference id."""
    match = PARAGRAPH_SOURCE.fullmatch(source)
    return (match["article"], int(match["number"])) if match else None


def _none_yet() -> Any:
    """An empty list for a field left out, made afresh for each item (pydantic deep-copies a `= []`
    default for every item: a twentieth of loading a large archive)."""
    return Field(default_factory=list, json_schema_extra={"default": []})


def _slug(value: str) -> str:
    if len(value) > MAX_SLUG_LENGTH or not SLUG.fullmatch(value):
        raise ValueError(f"{value!r} is not an id; expected lowercase letters a-z, digits and single hyphens, "
                         f"like 'cho-tae-yul' (at most {MAX_SLUG_LENGTH} characters)")
    return value


def _date(value: object) -> EdtfDate:
    """The one place a date from data/ is parsed: the model holds it parsed, with the text as written."""
    # An unquoted year (2017) arrives as an int; it is still a valid year-precision date.
    return parse_date(str(value) if isinstance(value, int) and not isinstance(value, bool) else value)


def _text(value: str) -> str:
    if not value.strip():
        raise ValueError("is empty; write the text")
    if value.isprintable() or value.replace("\n", " ").replace("\t", " ").isprintable():
        return value  # no Cc, Cf or Cs character (isprintable is false for them): skip the slow scan
    for character in value:
        # Control and invisible format characters (other than newlines/tabs) hide or reorder text;
        # a lone surrogate (from a "\\ud800" escape) is not a character at all and cannot be written out.
        if unicodedata.category(character) in ("Cc", "Cf", "Cs") and character not in "\n\t":
            raise ValueError(f"contains the invisible character U+{ord(character):04X}; remove it")
        # Noncharacters (U+FFFE, U+FFFF, U+FDD0…) are never text; YAML cannot even carry some of them, so a
        # title with one would break the front matter MkDocs reads.
        if 0xFDD0 <= ord(character) <= 0xFDEF or ord(character) & 0xFFFE == 0xFFFE:
            raise ValueError(f"contains U+{ord(character):04X}, which is not a character; remove it")
    return value


def _source(value: str) -> str:
    if not (PARAGRAPH_SOURCE.fullmatch(value) or SLUG.fullmatch(value)):
        raise ValueError(f"{value!r} is not a source; expected an article paragraph like "
                         "'2024-05-cho-tae-yul-beijing-talks#p7' or a references.yml id")
    return value


def _url(value: str) -> str:
    if SAFE_URL.fullmatch(value):
        return value
    odd = next((c for c in value if c.isspace() or unicodedata.category(c) in ("Cc", "Cf", "Cs")), None)
    if odd is not None:
        problem = f"it contains a space or invisible character (U+{ord(odd):04X}); remove it"
    elif not value.startswith(("https://", "http://")):
        problem = ("it must start https:// or http:// (lowercase); javascript:, data:, "
                   "vbscript:, relative and //host links are not allowed")
    elif not value.isascii():
        odd = next(c for c in value if not c.isascii())
        problem = (f"it contains {odd!r} (U+{ord(odd):04X}), which is not plain ASCII; percent-encode it in the path "
                   "(a host name goes in its xn-- form)")
    else:
        problem = ("expected https://host/path, with a host of letters, digits, dots "
                   "and hyphens (no 'user@' part), and none of \" < > \\ ^ ` { | } (percent-encode them)")
    raise ValueError(f"{value!r} is not an allowed URL: {problem}")


def _title(value: str) -> str:
    # Page titles reach <title> and the nav through templates that do not escape: no markup at all.
    if "<" in value or ">" in value:
        raise ValueError("must not contain < or >; titles and names are plain text")
    return value


def _ecma(pattern: str) -> str:
    """A regex as JSON Schema (ECMA-262) wants it: anchored, without Python's group names."""
    return "^" + re.sub(r"\(\?P<\w+>", "(", pattern) + "$"


# What editors' YAML language servers show and flag (hooks/schema.py); the validators do the real checks.
_DATE_POINT = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?"
_SLUG_HINT = Field(json_schema_extra={
    "pattern": _ecma(SLUG.pattern), "maxLength": MAX_SLUG_LENGTH,
    "description": "an id: lowercase a-z, digits and single hyphens, like 'cho-tae-yul'"})
_DATE_HINT = WithJsonSchema({
    "anyOf": [{"type": "string", "pattern": _ecma(f"{_DATE_POINT}(/{_DATE_POINT})?")},
              {"type": "integer", "minimum": 1, "maximum": 9999}],
    "description": 'a date with its precision, quoted: "2024-05-13", "2024-05", "2017"; '
                   'ending ~ (approximate), ? (uncertain) or % (both); a range "2024-05-26/2024-05-27"'})
_SOURCE_HINT = Field(json_schema_extra={
    "pattern": f"{_ecma(PARAGRAPH_SOURCE.pattern)}|{_ecma(SLUG.pattern)}",
    "description": "an article paragraph like '2024-05-cho-tae-yul-beijing-talks#p7', or a references.yml id"})
_URL_HINT = Field(json_schema_extra={
    "pattern": _ecma(SAFE_URL.pattern), "description": "an absolute https:// address, only when certainly real"})
_TEXT_HINT = Field(json_schema_extra={"pattern": r"\S"})  # not empty (the import leaves fields "")
_TITLE_HINT = Field(json_schema_extra={"pattern": r"^[^<>]*\S[^<>]*$"})

Slug = Annotated[str, AfterValidator(_slug), _SLUG_HINT]
Title = Annotated[str, AfterValidator(_text), AfterValidator(_title), _TITLE_HINT]
Text = Annotated[str, AfterValidator(_text), _TEXT_HINT]
Date = Annotated[EdtfDate, PlainValidator(_date), PlainSerializer(str), _DATE_HINT]
SourceRef = Annotated[str, AfterValidator(_source), _SOURCE_HINT]
Url = Annotated[str, AfterValidator(_url), _URL_HINT]
Country = Literal["kr", "cn", "jp", "us", "kp", "ru", "tw"]
COUNTRY_NAMES = {"kr": "South Korea", "cn": "China", "jp": "Japan", "us": "United States",
                 "kp": "North Korea", "ru": "Russia", "tw": "Taiwan"}


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Correction(Strict):
    date: Date
    note: Text


class Quote(Strict):
    text: Text
    said_by: Slug
    source: SourceRef = Field(description="the article paragraph quoted, like 'article-id#p9'")


class Role(Strict):
    title: Text
    start: Date
    end: Date | None = None
    sources: list[SourceRef] = _none_yet()


class Person(Strict):
    id: Slug
    name: Title
    native_name: Text
    native_lang: Literal["ko", "zh", "ja", "en"]
    country: Country
    aliases: list[Text] = _none_yet()
    summary: Text | None = None
    roles: list[Role] = _none_yet()
    sources: list[SourceRef] = _none_yet()


class Status(Strict):
    """Where a topic stands, as of a date, in the explainer's own words; sourced like an event."""

    date: Date = Field(description="the date it is as of, or was written")
    text: Text
    sources: list[SourceRef] = Field(min_length=1)


class Topic(Strict):
    id: Slug
    title: Title
    summary: Text
    status: Status | None = None


class Term(Strict):
    id: Slug
    term: Text
    expansion: Text | None = None
    definition: Text
    aliases: list[Text] = _none_yet()
    sources: list[SourceRef] = _none_yet()

    @property
    def tooltip(self) -> str:
        """What a reader is shown on the term in a text: 'Expansion: definition'."""
        return f"{self.expansion}: {self.definition}" if self.expansion else self.definition


class Reference(Strict):
    id: Slug
    publisher: Text
    title: Text
    date: Date | None
    url: Url | None = None
    note: Text | None = None


class Event(Strict):
    id: Slug
    date: Date
    date_basis: Text | None = None
    headline: Text
    summary: Text
    status: Literal["confirmed", "reported", "scheduled"] = "confirmed"
    actors: list[Slug] = _none_yet()
    topics: list[Slug] = _none_yet()
    sources: list[SourceRef] = Field(min_length=1)
    quotes: list[Quote] = _none_yet()
    corrections: list[Correction] = _none_yet()


class Era(Strict):
    """A labelled stretch of time drawn as a band behind a timeline's overview, e.g. a presidency;
    sourced like an event, since it is a claim about dates."""

    label: Title
    start: Date
    end: Date | None = Field(default=None, description="the last day it covers; left out while it lasts")
    sources: list[SourceRef] = Field(min_length=1)


class TimelineHead(Strict):
    title: Title
    intro: Text
    lanes: Literal["topic", "actor"] = Field(
        default="topic", description="how the overview drawing sorts events into rows: by each event's "
                                     "first topic, or by its first actor")
    eras: list[Era] = _none_yet()


class TimelineFile(TimelineHead):
    """A whole timeline file (the loader checks its events one by one, as `Event`s)."""

    events: list[Event] = Field(min_length=1)


class Note(Status):
    """An editors' note on a paragraph of a source article: context the record adds, in the site's voice."""

    paragraph: int = Field(ge=1, description="the number of the paragraph it qualifies (p1 is 1)")


class ArticleMeta(Strict):
    title: Title
    summary: Text
    published: Date
    date_basis: Text
    publisher: Text | None
    url: Url | None
    source_file: Text
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$", description="BCP 47, e.g. 'en'")
    people: list[Slug] = _none_yet()
    topics: list[Slug] = _none_yet()
    quotes: list[Quote] = _none_yet()
    corrections: list[Correction] = _none_yet()
    notes: list[Note] = _none_yet()


@dataclass(frozen=True)
class Block:
    """One block of an article body: a numbered paragraph or a source section heading."""

    kind: Literal["paragraph", "heading"]
    text: str
    line: int
    number: int | None = None  # paragraphs only: p1, p2, …

    @property
    def anchor(self) -> str:
        return f"p{self.number}" if self.number else ""


@dataclass(frozen=True)
class Article:
    id: str
    path: str
    meta: ArticleMeta
    blocks: tuple[Block, ...]

    @cached_property
    def paragraphs(self) -> dict[int, Block]:
        return {block.number: block for block in self.blocks if block.number}

    @cached_property
    def notes_by_paragraph(self) -> dict[int, list[Note]]:
        """The editors' notes on each paragraph that has any, in file order."""
        notes: dict[int, list[Note]] = {}
        for note in self.meta.notes:
            notes.setdefault(note.paragraph, []).append(note)
        return notes


@dataclass(frozen=True)
class Timeline:
    id: str
    path: str
    title: str
    intro: str
    events: tuple[Event, ...]  # sorted by date
    lanes: Literal["topic", "actor"] = "topic"  # the overview's rows (hooks/render/overview.py)
    eras: tuple[Era, ...] = ()


@dataclass(frozen=True)
class QuoteUse:
    """A quote where it appears: in an event or in an article's front matter."""

    quote: Quote
    event: Event | None
    article_id: str
    paragraph: int


@dataclass
class Site:
    """Everything in data/, validated, with the indexes pages need computed once."""

    articles: dict[str, Article]
    timelines: dict[str, Timeline]
    people: dict[str, Person]
    topics: dict[str, Topic]
    terms: dict[str, Term]
    references: dict[str, Reference]
    # Each file's parsed YAML with the line of every value, by the path messages show ('data/people.yml').
    located: dict[str, Located] = field(default_factory=dict, repr=False)

    @property
    def files(self) -> list[str]:
        return sorted(self.located)

    @cached_property
    def events(self) -> dict[str, tuple[Timeline, Event]]:
        return {event.id: (timeline, event) for timeline in self.timelines.values() for event in timeline.events}

    @cached_property
    def quotes(self) -> list[QuoteUse]:
        uses = []
        for _, event in self.events.values():
            uses += [_quote_use(quote, event) for quote in event.quotes]
        for article in self.articles.values():
            uses += [_quote_use(quote, None) for quote in article.meta.quotes]
        return uses

    @cached_property
    def events_by_person(self) -> dict[str, list[tuple[Timeline, Event]]]:
        """Events a person took part in or is quoted in."""
        return _grouped(self.people, self.events.values(),
                        lambda pair: [*pair[1].actors, *(q.said_by for q in pair[1].quotes)])

    @cached_property
    def events_by_topic(self) -> dict[str, list[tuple[Timeline, Event]]]:
        return _grouped(self.topics, self.events.values(), lambda pair: pair[1].topics)

    @cached_property
    def events_citing_article(self) -> dict[str, list[tuple[Timeline, Event, list[int]]]]:
        index: dict[str, list] = {article_id: [] for article_id in self.articles}
        for timeline, event in self.events.values():
            cited: dict[str, list[int]] = {}
            for source in event.sources:
                if paragraph := paragraph_of(source):
                    cited.setdefault(paragraph[0], []).append(paragraph[1])
            for article_id, numbers in cited.items():
                index[article_id].append((timeline, event, numbers))
        return index

    @cached_property
    def notes_on_event(self) -> dict[str, list[tuple[Article, Note]]]:
        """The editors' notes on the article paragraphs each event cites, each once, in source order:
        what the event shows with it (and so what its pages' content depends on)."""
        index: dict[str, list[tuple[Article, Note]]] = {}
        for _, event in self.events.values():
            index[event.id] = [(article, note) for source in dict.fromkeys(event.sources)
                               if (paragraph := paragraph_of(source)) and (article := self.articles.get(paragraph[0]))
                               for note in article.notes_by_paragraph.get(paragraph[1], ())]
        return index

    # One pass each, so a page never scans every quote or article (which is quadratic over a build).
    # A quote in both an article's front matter and an event is one quote: person, topic and quotes pages
    # list it once, as its first use (the event's, which links to the event).
    @cached_property
    def quotes_by_person(self) -> dict[str, list[QuoteUse]]:
        return _distinct_quotes(_grouped(self.people, self.quotes, lambda use: [use.quote.said_by]))

    @cached_property
    def quotes_in_article(self) -> dict[str, list[QuoteUse]]:
        """Each article's own front-matter quotes (event quotes are shown with their events)."""
        index: dict[str, list] = {article_id: [] for article_id in self.articles}
        for use in self.quotes:
            if use.event is None:
                index[use.article_id].append(use)
        return index

    @cached_property
    def quotes_by_topic(self) -> dict[str, list[QuoteUse]]:
        """Quotes in an event on the topic, or in the front matter of an article on it."""
        return _distinct_quotes(_grouped(
            self.topics, self.quotes,
            lambda use: use.event.topics if use.event else self.articles[use.article_id].meta.topics))

    @cached_property
    def articles_by_person(self) -> dict[str, list[Article]]:
        return _grouped(self.people, self.articles.values(), lambda article: article.meta.people)

    @cached_property
    def articles_by_topic(self) -> dict[str, list[Article]]:
        return _grouped(self.topics, self.articles.values(), lambda article: article.meta.topics)


def _grouped(keys: Iterable[str], items: Iterable[T], keys_of: Callable[[T], Iterable[str]]) -> dict[str, list[T]]:
    """Each key's items, in item order; an item listing a key twice is listed once under it."""
    index: dict[str, list[T]] = {key: [] for key in keys}
    for item in items:
        for key in dict.fromkeys(keys_of(item)):
            index[key].append(item)
    return index


def _distinct_quotes(index: dict[str, list[QuoteUse]]) -> dict[str, list[QuoteUse]]:
    """Each key's quotes with every repeat of one (same text, speaker and source) left out, keeping the first."""
    for key, uses in index.items():
        seen: set[tuple[str, str, str]] = set()
        kept = []
        for use in uses:
            identity = (use.quote.text, use.quote.said_by, use.quote.source)
            if identity not in seen:
                seen.add(identity)
                kept.append(use)
        index[key] = kept
    return index


def _quote_use(quote: Quote, event: Event | None) -> QuoteUse:
    article_id, number = paragraph_of(quote.source) or (quote.source, 0)
    return QuoteUse(quote, event, article_id, number)
