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


def is_id(value: str) -> bool:
    """Whether a text is an id: a slug short enough to be a file name and a URL part everywhere the
    build puts one (tests/test_anchors.py checks the longest against 255 bytes per path component)."""
    return len(value) <= MAX_SLUG_LENGTH and SLUG.fullmatch(value) is not None


def _slug(value: str) -> str:
    if not is_id(value):
        raise ValueError(f"{value!r} is not an id; expected lowercase letters a-z, digits and single hyphens, "
                         f"like 'cho-tae-yul' (at most {MAX_SLUG_LENGTH} characters)")
    return value


def _date(value: object) -> EdtfDate:
    """The one place a date from data/ is parsed: the model holds it parsed, with the text as written."""
    # YAML reads an unquoted 1999, but also 0x7CF, 1_9_9_9 and 33:19:00, as the number 1999: only text
    # says what the editor wrote.
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        raise ValueError(f'got the number {value!r} (YAML reads an unquoted 1999, 0x7CF or 1_9_9_9 as a number); '
                         'write the date as text, in quotes, e.g. "1999"')
    return parse_date(value)


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
# "x-hint" says what a value must look like; hooks/schema.py appends it to each field's description.
# "x-ids" names the kind of id a field takes; `make schemas` lists today's ids of that kind from data/.
_DATE_POINT = r"[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?[~?%]?"
_DATE_FORMAT = ('a date with its precision, quoted: "2024-05-13", "2024-05", "2017"; '
                'ending ~ (approximate), ? (uncertain) or % (both); a range "2024-05-26/2024-05-27"')
_SLUG_FORMAT = f"lowercase a-z, digits and single hyphens, like 'cho-tae-yul', at most {MAX_SLUG_LENGTH} characters"


def _id_hint(kind: str | None = None) -> Any:
    hint = {"pattern": _ecma(SLUG.pattern), "maxLength": MAX_SLUG_LENGTH, "x-hint": f"an id: {_SLUG_FORMAT}",
            "patternErrorMessage": f"not an id: expected {_SLUG_FORMAT}"}
    return Field(json_schema_extra={**hint, "x-ids": kind} if kind else hint)


_DATE_HINT = WithJsonSchema({  # text only: YAML reads an unquoted 1999 (or 0x7CF) as a number
    "type": "string", "pattern": _ecma(f"{_DATE_POINT}(/{_DATE_POINT})?"),
    "patternErrorMessage": f"not a date: expected {_DATE_FORMAT}",
    "x-hint": _DATE_FORMAT, "errorMessage": f"not a date: expected {_DATE_FORMAT}"})
_SOURCE_HINT = Field(json_schema_extra={
    "pattern": f"{_ecma(PARAGRAPH_SOURCE.pattern)}|{_ecma(SLUG.pattern)}", "x-ids": "sources",
    "x-hint": "an article paragraph like '2024-05-cho-tae-yul-beijing-talks#p7', or a references.yml id",
    "patternErrorMessage": "not a source: expected an article paragraph like "
                           "'2024-05-cho-tae-yul-beijing-talks#p7' or a references.yml id"})
_URL_HINT = Field(json_schema_extra={
    "pattern": _ecma(SAFE_URL.pattern), "x-hint": "an absolute https:// address, only when certainly real",
    "patternErrorMessage": "not an allowed URL: expected https://host/path (or http://), plain ASCII, "
                           "no spaces, no 'user@' part"})
_TEXT_HINT = Field(json_schema_extra={"pattern": r"\S", "patternErrorMessage": "is empty; write the text"})
_TITLE_HINT = Field(json_schema_extra={"pattern": r"^[^<>]*\S[^<>]*$",
                                       "patternErrorMessage": "is empty or contains < or >; write plain text"})

Slug = Annotated[str, AfterValidator(_slug), _id_hint()]
Fingerprints = Annotated[str, Field(pattern=r"^[0-9a-f]{6}(\s+[0-9a-f]{6})*$", json_schema_extra={
    "patternErrorMessage": "not paragraph fingerprints: let `python -m hooks.paragraphs data/articles/<id>.md` "
                           "write them"})]
PersonId = Annotated[str, AfterValidator(_slug), _id_hint("people")]
TopicId = Annotated[str, AfterValidator(_slug), _id_hint("topics")]
Title = Annotated[str, AfterValidator(_text), AfterValidator(_title), _TITLE_HINT]
Text = Annotated[str, AfterValidator(_text), _TEXT_HINT]
Date = Annotated[EdtfDate, PlainValidator(_date), PlainSerializer(str), _DATE_HINT]
SourceRef = Annotated[str, AfterValidator(_source), _SOURCE_HINT]
Url = Annotated[str, AfterValidator(_url), _URL_HINT]
Country = Literal["kr", "cn", "jp", "us", "kp", "ru", "tw"]
COUNTRY_NAMES = {"kr": "South Korea", "cn": "China", "jp": "Japan", "us": "United States",
                 "kp": "North Korea", "ru": "Russia", "tw": "Taiwan"}


def _about(description: str, default: Any = ...) -> Any:
    """A field with what it means, the one text data/README.md's tables and the editor schemas show."""
    return Field(default, description=description)


def _none_yet(description: str) -> Any:
    """An empty list for a field left out, made afresh for each item (pydantic deep-copies a `= []`
    default for every item: a twentieth of loading a large archive)."""
    return Field(default_factory=list, description=description, json_schema_extra={"default": []})


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, frozen=True)


class Correction(Strict):
    date: Date = _about("the day the correction was made here")
    note: Text = _about("what was wrong and what it now says, in one or two sentences")


class Quote(Strict):
    text: Text = _about("the words quoted: an exact substring of the cited paragraph (mind curly quotes ’ “ ”)")
    said_by: PersonId = _about("who said them: a person id from `data/people.yml`")
    source: SourceRef = _about("the article paragraph quoted, like `2024-05-cho-tae-yul-beijing-talks#p7`")


class Role(Strict):
    title: Text = _about("the office or position, e.g. `Minister of Foreign Affairs of South Korea`")
    start: Date = _about("when the role began")
    end: Date | None = _about("when it ended; leave out while it lasts", None)
    sources: list[SourceRef] = _none_yet("what says so: article paragraphs or references.yml ids")


class Person(Strict):
    id: Slug = _about("the person's id, used in `actors`, `said_by` and `people`, and their page's address")
    name: Title = _about("the name as in English-language press, e.g. `Cho Tae-yul`")
    native_name: Text = _about("the name in its own script: Hangul, Chinese characters or kana/kanji")
    native_lang: Literal["ko", "zh", "ja", "en"] = _about("the language of `native_name`")
    country: Country = _about("ISO 3166 code, lowercase: `kr`, `cn`, `jp`, `us`, `kp`, `ru`, `tw`")
    aliases: list[Text] = _none_yet("other spellings found in the sources, e.g. `Yoon Suk-yeol`")
    summary: Text | None = _about("one sentence on who they are", None)
    roles: list[Role] = _none_yet("offices held, each with `title`, `start`, optional `end` and `sources`")
    sources: list[SourceRef] = _none_yet("what the person as a whole rests on: article paragraphs or "
                                         "references.yml ids")


class Status(Strict):
    """Where a topic stands, as of a date, in the explainer's own words; sourced like an event."""

    date: Date = _about("the date it is as of, or was written")
    text: Text = _about("where things stand, in the explainer's own words")
    sources: list[SourceRef] = Field(min_length=1, description="at least one: article paragraphs or references.yml ids")


class Topic(Strict):
    id: Slug = _about("the topic's id, used in `topics` lists, and its page's address")
    title: Title = _about("the topic's title")
    summary: Text = _about("a sentence or two on what it covers")
    status: Status | None = _about("where things stand, shown at the top of the topic's page: `date`, `text`, "
                                   "`sources`", None)


class Term(Strict):
    id: Slug = _about("the term's id")
    term: Text = _about("the term as it appears in text, e.g. `THAAD`")
    expansion: Text | None = _about("what an abbreviation stands for, e.g. `Terminal High Altitude Area Defense`",
                                    None)
    definition: Text = _about("what it means, in a few sentences: the tooltip on every occurrence")
    aliases: list[Text] = _none_yet("other forms that should also get the tooltip")
    sources: list[SourceRef] = _none_yet("what the definition rests on: article paragraphs or references.yml ids")

    @property
    def tooltip(self) -> str:
        """What a reader is shown on the term in a text: 'Expansion: definition'."""
        return f"{self.expansion}: {self.definition}" if self.expansion else self.definition


class Reference(Strict):
    id: Slug = _about("the reference's id, cited in `sources` lists")
    publisher: Text = _about("who published the document")
    title: Text = _about("the document's title")
    date: Date | None = _about("the document's date, or `null` when it has none")
    url: Url | None = _about("the document's address, only when certainly real; `http(s)` only", None)
    note: Text | None = _about("anything a reader should know about the source", None)


class Event(Strict):
    id: Slug = _about("unique across **all** timelines; the event's permalink anchor, never renamed")
    date: Date = _about("when it happened (or is to happen)")
    date_basis: Text | None = _about("how the date is known, when it is inferred rather than stated by the sources",
                                     None)
    headline: Text = _about("one line saying what happened")
    summary: Text = _about("a few sentences, each supported by the sources")
    status: Literal["confirmed", "reported", "scheduled"] = _about(
        "`confirmed` (the default), `reported` (only from media reports) or `scheduled` (not yet happened: listed "
        "under \"Upcoming\" until its date has passed, then `make check` warns until an editor confirms or "
        "corrects it)", "confirmed")
    actors: list[PersonId] = _none_yet("who took part: person ids from `data/people.yml`")
    topics: list[TopicId] = _none_yet("what it is about: topic ids from `data/topics.yml`")
    sources: list[SourceRef] = Field(min_length=1, description="at least one: `<article-id>#pN` (a paragraph that "
                                     "exists) or a `data/references.yml` id")
    quotes: list[Quote] = _none_yet("verbatim quotes: `text`, `said_by`, `source`")
    corrections: list[Correction] = _none_yet("`date` + `note`, one per correction made after publication here")


class Era(Strict):
    """A labelled stretch of time drawn as a band behind a timeline's overview, e.g. a presidency;
    sourced like an event, since it is a claim about dates."""

    label: Title = _about("what the band is called, e.g. a president's name; a band too narrow for it shows "
                          "its first word and the next one's initial (`Kim D.`), or nothing")
    start: Date = _about("the first day it covers; a month or a year (`\"2003\"`) fades the band in over it")
    end: Date | None = Field(default=None, description="the last day it covers; left out while it lasts; a month "
                                                       "or a year fades the band out over it")
    sources: list[SourceRef] = Field(min_length=1, description="at least one: article paragraphs or references.yml "
                                                               "ids that give its dates")


class TimelineHead(Strict):
    title: Title = _about("the timeline's title")
    intro: Text = _about("a paragraph introducing it")
    lanes: Literal["topic", "actor"] = Field(
        default="topic", description="how the overview drawn at the top of the page sorts events into rows: "
                                     "`topic` (default: by each event's first topic) or `actor` (by its first actor)")
    eras: list[Era] = _none_yet("labelled bands drawn behind the overview, e.g. presidencies: `label` (short: where "
                                "its band is too narrow it shows as `Kim D.`, or not at all), `start`, `end` (none while it lasts; not "
                                "before `start`), `sources` (≥ 1, like an event's). Only eras the sources date: copy "
                                "a person's role dates and sources from `people.yml`")


class TimelineFile(TimelineHead):
    """A whole timeline file (the loader checks its events one by one, as `Event`s)."""

    events: list[Event] = Field(min_length=1, description="the events (file order does not matter: they are "
                                "sorted by date)")


class Note(Status):
    """An editors' note on a paragraph of a source article: context the record adds, in the site's voice."""

    paragraph: int = Field(ge=1, description="the number of the paragraph it qualifies (`3` for `#p3`; it must exist)")
    date: Date = _about("when the note was written")
    text: Text = _about("the note, in the site's own voice; shown after the paragraph and on every event citing it")


class ArticleMeta(Strict):
    title: Title = _about("an editor's headline (the source files carry none)")
    summary: Text = _about("one or two sentences for lists and previews")
    published: Date = _about("date of publication")
    date_basis: Text = _about("how the date is known, e.g. `\"inferred: the talks were 'on Monday' (p2), "
                              "13 May 2024\"`")
    publisher: Text | None = _about("the publisher, only if the source says so; `null` = not recorded")
    url: Url | None = _about("the original URL, only if known for certain; `http(s)` only; `null` = not recorded")
    source_file: Text = _about("the file it was imported from, relative to the repository, e.g. "
                               "`seeds/000_c67a40c16a418729.txt`")
    language: str = Field(pattern=r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$",
                          description="BCP 47 code of the text, e.g. `en`",
                          json_schema_extra={"patternErrorMessage": "not a language code: expected BCP 47, "
                                                                    "e.g. 'en' or 'zh-Hant'"})
    people: list[PersonId] = _none_yet("person ids named in the article")
    topics: list[TopicId] = _none_yet("topic ids the article is about")
    quotes: list[Quote] = _none_yet("verbatim quotes: `text`, `said_by` (person id), `source` "
                                    "(`<this-article-id>#pN`)")
    corrections: list[Correction] = _none_yet("`date` + `note`, one per correction made after publication here")
    notes: list[Note] = _none_yet("editors' notes on paragraphs, shown after the paragraph in the site's own voice "
                                  "(and on every event citing it); notes go here, never into the body")
    paragraphs: Fingerprints | None = Field(default=None, description=(
        "written by the import: a six-hex-digit fingerprint of each paragraph of the body, in order. "
        "Citations name paragraphs by number, so a stray blank line would silently renumber them: "
        "`make check` names the first paragraph that is not the one recorded under its number. Never "
        "edit it by hand: after a deliberate change to the body, correct the citations of the paragraphs "
        "that moved, then run `python -m hooks.paragraphs data/articles/<id>.md`"))


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
