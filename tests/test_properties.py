"""Properties of the loader and the renderer for arbitrary text (hypothesis).

Whatever text lands in whatever field of data/ (or in an article body), loading gives either a
DataError whose every problem names a data/ file and line on one line, or a site whose pages all
render with that text shown escaped and no active markup; never any other exception.
Runs are bounded (max_examples, no deadline) so `make test` stays fast.
"""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import markdown
import yaml
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from hooks.publish.export import generated_files
from hooks.content.load import load_site
from hooks.content.model import Term, _url
from hooks.content.problems import DataError
from hooks.render import render_site
from hooks.render.abbreviations import abbreviation_glossary
from hooks.render.common import Context
from hooks.render.html import Glossary, collapse_whitespace, text
from hooks.content.yaml_source import SourceError, parse_yaml, split_front_matter
from tests.conftest import FIXTURE_DATA
from tests.html_safety import dangerous_url, unsafe_markup, visible_text

BOUNDED = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.too_slow])
TODAY = date(2030, 6, 1)  # fixed: which fixture events count as upcoming must not depend on the run date
# Fields whose text a reader sees as written (the others are ids, dates, codes or addresses).
SHOWN_FIELDS = {"title", "summary", "intro", "headline", "definition", "expansion", "term", "publisher", "note",
                "name", "native_name", "date_basis", "source_file", "aliases"}
# Text that looks like what attacks and accidents are made of, besides fully arbitrary text.
MARKUP = st.lists(st.sampled_from(list("<>&\"'`=/:;#*_[](){}!|-~\\ \n\tabcxyz19") + [
    "<script>", "</div>", "javascript:", "onerror=", "{{", "{%", "{:", "&amp;", "&#60;", "\n## ", "\n\n", "\u202e",
    "\u200b", "\x00"])).map("".join)
ANY_TEXT = st.one_of(st.text(), MARKUP)


def _fixture_files() -> dict[str, Any]:
    """Each fixture file as data: YAML files parsed, articles as (front matter, body)."""
    files: dict[str, Any] = {}
    for path in sorted(FIXTURE_DATA.rglob("*")):
        name = path.relative_to(FIXTURE_DATA).as_posix()
        if path.suffix == ".yml":
            files[name] = yaml.safe_load(path.read_text(encoding="utf-8"))
        elif path.suffix == ".md" and name.startswith("articles/"):
            front, body, _ = split_front_matter(path.read_text(encoding="utf-8"))
            files[name] = (yaml.safe_load(front), body)
    return files


def _text_fields(value: Any, at: tuple = ()) -> list[tuple]:
    """Every place in a file's data that holds text (or null), as a path of keys and indexes."""
    if isinstance(value, dict):
        return [field for key, item in value.items() for field in _text_fields(item, (*at, key))]
    if isinstance(value, list):
        return [field for index, item in enumerate(value) for field in _text_fields(item, (*at, index))]
    return [at] if value is None or isinstance(value, str) else []


FILES = _fixture_files()
FIELDS = [(name, field) for name, data in FILES.items()
          for field in _text_fields(data[0] if isinstance(data, tuple) else data)]
SHOWN = [(name, field) for name, field in FIELDS
         if next(part for part in reversed(field) if isinstance(part, str)) in SHOWN_FIELDS]


def _write_data(parent: Path, name: str, data: Any) -> Path:
    """parent/data: the fixture with one file replaced by `data` (YAML, or an article's parts)."""
    folder = parent / "data"
    shutil.copytree(FIXTURE_DATA, folder)
    if isinstance(data, tuple):
        front, body = data
        content = f"---\n{yaml.safe_dump(front, allow_unicode=True, sort_keys=False)}---\n\n{body}"
    else:
        content = yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    (folder / name).write_text(content, encoding="utf-8", errors="surrogatepass")
    return folder


def _replaced(data: Any, field: tuple, value: str) -> Any:
    copy = json.loads(json.dumps(data))  # deep copy (tuples of articles become lists)
    target = copy[0] if isinstance(data, tuple) else copy
    for key in field[:-1]:
        target = target[key]
    target[field[-1]] = value
    return tuple(copy) if isinstance(data, tuple) else copy


def _load(folder: Path, changed: str | None = None):
    """The site, or None after checking that every problem names a file of data/ and a line, on one
    line (and, when given, that the changed file is among them)."""
    try:
        return load_site(folder)
    except DataError as error:
        assert error.problems
        for problem in error.problems:
            assert problem.path.startswith("data/") and (folder.parent / problem.path).exists(), str(problem)
            assert problem.line >= 1 and "\n" not in str(problem) and "\r" not in str(problem), repr(str(problem))
        if changed:
            assert any(problem.path == f"data/{changed}" for problem in error.problems), error.report()
        return None


def _check_pages(pages: dict[str, str]) -> str:
    """Every page safe; returns the text of all pages together."""
    shown = []
    for name, page in pages.items():
        front, body, _ = split_front_matter(page)
        meta = yaml.safe_load(front)  # as MkDocs reads it
        assert isinstance(meta["title"], str) and isinstance(meta["description"], str), name
        # Material prints both unescaped (into <title> and a content="…" attribute).
        assert not unsafe_markup(f"<title>{meta['title']}</title><meta content=\"{meta['description']}\">"), name
        assert '"' not in meta["description"] and "<" not in meta["title"], name
        assert not unsafe_markup(body), (name, unsafe_markup(body))
        shown.append(visible_text(body))
    return "\n".join(shown)


@BOUNDED
@given(place=st.one_of(st.sampled_from(SHOWN), st.sampled_from(FIELDS)), value=ANY_TEXT)
def test_any_text_in_any_field_is_a_problem_naming_the_file_or_shown_escaped(place, value):
    name, field = place
    with tempfile.TemporaryDirectory() as parent:
        folder = _write_data(Path(parent), name, _replaced(FILES[name], field, value))
        site = _load(folder)  # a changed id may make only the files that cite it wrong
    event("refused" if site is None else "built")
    if site is None:
        return
    ctx = Context(site, site_name="Example", site_url="https://example.org/", today=TODAY)
    shown = _check_pages(render_site(site, ctx))
    key = next((part for part in reversed(field) if isinstance(part, str)), "")
    if key in SHOWN_FIELDS and " ".join(value.split()):
        assert " ".join(value.split()) in shown, f"{name} {field}: {value!r} is not shown as written"
    for path, content in generated_files(site, site_url=ctx.site_url, site_name="Example", language="en",
                                         today=TODAY).items():
        if path.endswith(".json"):
            json.loads(content)


@BOUNDED
@given(added=ANY_TEXT)
def test_any_article_text_is_a_problem_naming_the_article_or_shown_verbatim(added):
    name = "articles/example-harbour-talks.md"
    front, body = FILES[name]
    body = f"{body}\n\n{added}"  # after the paragraphs that timelines and quotes cite
    with tempfile.TemporaryDirectory() as parent:
        folder = _write_data(Path(parent), name, (front, body))
        site = _load(folder, name)
    event("refused" if site is None else "built")
    if site is None:
        return
    pages = render_site(site, Context(site, today=TODAY))
    _check_pages(pages)
    shown = visible_text(split_front_matter(pages["articles/example-harbour-talks.md"])[1])
    for word in body.split():
        assert word in shown or word == "##", f"{word!r} of the body is not shown"


@BOUNDED
@given(source=ANY_TEXT)
def test_parsing_any_text_as_yaml_gives_data_or_a_located_problem(source):
    try:
        parse_yaml(source)
    except SourceError as problem:
        assert problem.line >= 1 and problem.field and problem.message


@BOUNDED
@given(value=st.one_of(ANY_TEXT, st.builds(
    str.__add__, st.sampled_from(["https://", "http://", "HTTPS://", "javascript:", " java\tscript:", "//", "data:",
                                  "https://example.org", "https://example.org@", "ｈttps://"]), ANY_TEXT)))
def test_an_accepted_url_is_a_plain_http_address_to_a_host(value):
    try:
        _url(value)
    except ValueError as error:
        assert "is not an allowed URL" in str(error)
        return
    assert value.startswith(("https://", "http://")) and value.isascii() and value.isprintable()
    assert not dangerous_url(value) and " " not in value
    host = value.split("://", 1)[1].split("/", 1)[0].split("?", 1)[0].split("#", 1)[0]
    assert host and "@" not in host and "\\" not in host


@BOUNDED
@given(value=ANY_TEXT)
def test_escaped_text_and_attributes_read_back_as_the_same_text(value):
    collapsed = " ".join(value.split())
    html = f'<p title="{text(value)}">{text(value)}</p>'
    assert not unsafe_markup(html)
    assert visible_text(html) == collapsed


# Every character str.split() breaks at, from the whole of Unicode.
WHITESPACE = [chr(code) for code in range(0x110000) if chr(code).isspace()]


@BOUNDED
@given(value=st.lists(st.one_of(st.sampled_from(WHITESPACE), st.text(max_size=3))).map("".join))
def test_collapsing_whitespace_is_splitting_into_words_and_joining_them(value):
    assert collapse_whitespace(value) == " ".join(value.split())


def test_collapsing_whitespace_finds_each_kind_of_whitespace_anywhere():
    for space in WHITESPACE:
        for value in (f"a{space}b", f"{space}a", f"a{space}", f"a {space}b", f"한{space}글"):
            assert collapse_whitespace(value) == " ".join(value.split()), repr(value)


def unchecked_term(form: str, definition: str, aliases=()) -> Term:
    """A glossary term with any text at all (the model's checks skipped): what rendering must survive."""
    return Term.model_construct(id="t", term=form, expansion=None, definition=definition, aliases=list(aliases),
                                sources=[])


@BOUNDED
@given(term=ANY_TEXT.filter(lambda t: t.strip()), definition=ANY_TEXT, sentence=ANY_TEXT)
def test_glossary_tooltips_stay_inert_in_generated_and_hand_written_pages(term, definition, sentence):
    page_text = f"{sentence} {term} {sentence}"

    generated = f"<p>{Glossary([unchecked_term(term, definition)]).mark(page_text)}</p>"
    assert not unsafe_markup(generated)
    assert visible_text(generated) == " ".join(page_text.split())

    # Hand-written pages: the editor's text is trusted, the glossary is not. The text mentions a plain
    # form of the term, which the glossary also defines, so hostile definitions become tooltips.
    plain = " ".join("".join(c for c in term if c.isalnum() or c.isspace()).split()) or "term"

    class Site:
        terms = {"t": unchecked_term(term, definition, [plain])}

    glossary = abbreviation_glossary(Context(Site()))
    hand_written = markdown.markdown(f"A sentence about {plain}.", extensions=["abbr"],
                                     extension_configs={"abbr": {"glossary": glossary}})
    assert not unsafe_markup(hand_written)
    assert visible_text(hand_written) == f"A sentence about {plain}."


# Term forms that nest, overlap and touch word characters: where a fast multi-string search and a
# regex with lookarounds are most likely to part ways.
FORMS = st.lists(st.sampled_from(["UN", "UN Security Council", "Security Council", "ROK", "ROK-US", "US", "SU",
                                  "a", "ab", "b", "bc", "abc", "Q&A", "THAAD", "THAAD battery"]),
                 min_size=1, max_size=6, unique=True)
EDGES = ["-", "&", "#", " ", "_", "x", "é", "𝒳", "한", "1", "\n", "UN", "S", "battery", " battery"]  # 𝒳: beyond U+FFFF


@settings(max_examples=400, deadline=None)
@given(forms=FORMS, data=st.data())
def test_glossary_marks_exactly_the_whole_word_matches_of_its_pattern(forms, data):
    """Texts made of the term forms themselves and what may touch them on either side."""
    pieces = data.draw(st.lists(st.sampled_from(forms + EDGES), max_size=12))
    sentence = "".join(pieces) if data.draw(st.booleans()) else data.draw(st.text())

    glossary = Glossary([unchecked_term(form, f"about {form}") for form in forms])
    assert glossary.mark(sentence) == glossary.mark_by_pattern(text(sentence))
    # The one-pass marking used where a form is found inside a word, on any text, not only such ones.
    assert glossary.mark_within_words(text(sentence)) == glossary.mark_by_pattern(text(sentence))


def test_glossary_takes_a_shorter_form_where_the_longest_is_part_of_a_word():
    glossary = Glossary([unchecked_term("THAAD", "thaad", ["THAAD battery"]), unchecked_term("UN", "un")])
    assert glossary.mark("THAAD batteryX and UN") == (
        '<abbr title="thaad">THAAD</abbr> batteryX and <abbr title="un">UN</abbr>')
    assert glossary.mark("BROKEN UNITY") == "BROKEN UNITY"

