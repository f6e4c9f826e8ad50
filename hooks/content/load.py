"""data/ -> validated `Site`, or one `DataError` listing every problem with its file and line.

Three steps, as in Pelican's readers: read each file (YAML with line numbers), check each item
against the model (pydantic), then check what crosses files (`checks`). Items that fail their own
schema are left out of the cross-file step, so one typo does not cascade into a page of errors.
"""

from __future__ import annotations

import difflib
import os
import re
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel, TypeAdapter, ValidationError

from hooks.content.model import (MAX_SLUG_LENGTH, SLUG, Article, ArticleMeta, Block, Event, Person, Reference, Site,
                                 Term, Timeline, TimelineHead, Topic, is_id)
from hooks.content.problems import DataError, Problem, display_path, field_path
from hooks.content.checks import check_site
from hooks.content.fingerprints import first_difference
from hooks.content.yaml_source import (Located, SourceError, parse_yaml, read_text, refuse_conflict_markers,
                                       split_front_matter)

LIST_FILES: dict[str, type[BaseModel]] = {
    "people.yml": Person,
    "topics.yml": Topic,
    "glossary.yml": Term,
    "references.yml": Reference,
}
FOLDERS = {"articles": ".md", "timelines": ".yml"}
KINDS = {"people.yml": "person", "topics.yml": "topic", "glossary.yml": "term", "references.yml": "reference"}
ALLOWED_EXTRA = {"README.md"}
# Files an editor or the OS leaves beside the ones being edited, anywhere in data/: Vim's swap files
# (.x.yml.swp, .swo…), Emacs' lock (.#x.yml) and autosave (#x.yml#) files, backups (x.yml~) and folder
# metadata (.DS_Store, ._x.yml, Thumbs.db, desktop.ini). They are never data: loading skips them (while
# an editor has a file open, failing every rebuild over them would stop the preview), and so does the
# preview's watcher. Listed in data/README.md.
EDITOR_LEFTOVERS = re.compile(r"\.(?:.*\.)?sw[a-p]|\.#.*|#.*#|.*~|\.DS_Store|\._.*|Thumbs\.db|desktop\.ini")


def is_editor_leftover(name: str) -> bool:
    """Whether a file name (no folder) is an editor's or the OS's own file, not data."""
    return EDITOR_LEFTOVERS.fullmatch(name) is not None


class Reader:
    """Collects problems while reading; keeps each file's parsed YAML (with its lines) for later checks."""

    def __init__(self, data_dir: Path):
        self.data_dir = data_dir
        self.root = data_dir.parent
        self.problems: list[Problem] = []
        self.located: dict[str, Located] = {}
        # Ids that exist but failed their own checks (None: the whole file is unreadable), by kind:
        # references to them are not reported again as "unknown" (no cascade of false messages).
        self.broken: dict[str, set[str] | None] = {}
        self._data_dir_name = display_path(self.data_dir, self.root)

    def name(self, path: Path) -> str:
        """The path as messages show it, 'data/timelines/x.yml'; a link is named, not what it points to."""
        try:  # by the path's text: resolving would follow a link
            inside = path.relative_to(self.data_dir).as_posix()
        except ValueError:
            return display_path(path, self.root)
        return self._data_dir_name if inside == "." else f"{self._data_dir_name}/{inside}"

    def report(self, path: str, line: int, field: str, message: str, excerpt: str = "") -> None:
        self.problems.append(Problem(path, line, field, message, excerpt))

    def read_text(self, path: Path) -> str | None:
        try:
            text = read_text(path)
            refuse_conflict_markers(text)
            return text
        except SourceError as error:
            self.report(self.name(path), error.line, error.field, error.message)
            return None

    def read_yaml(self, path: Path, text: str | None = None, first_line: int = 1) -> Located | None:
        """A file's (or front matter's) YAML with the line of every value; None, reported, if unreadable."""
        if text is None and (text := self.read_text(path)) is None:
            return None
        try:
            located = parse_yaml(text, first_line=first_line)
        except SourceError as error:
            self.report(self.name(path), error.line, error.field, error.message, error.excerpt)
            return None
        self.located[self.name(path)] = located
        return located

    def validate(self, model: type[BaseModel], data: Any, path: str, located: Located, at: tuple = ()) -> Any:
        """One item against its model; on failure, report each error at its line and return None."""
        try:
            return model.model_validate(data)
        except ValidationError as error:
            for detail in error.errors():
                location = (*at, *detail["loc"])
                self.report(path, located.line_of(location), field_path(location), explain(detail, model))
            return None

    def validate_each(self, model: type[BaseModel], items: list, path: str, located: Located, at: tuple = ()) -> list:
        """Each of a list's items against the model, as `validate` (None for an item that fails); all in
        one call while every item is valid (for 5,000 events, pydantic took twice as long one by one)."""
        try:
            return _list_of(model).validate_python(items)
        except ValidationError:  # one by one, so each problem is reported at its item's line
            return [self.validate(model, data, path, located, at=(*at, index)) for index, data in enumerate(items)]


@cache
def _list_of(model: type[BaseModel]) -> TypeAdapter:
    return TypeAdapter(list[model])


def load_site(data_dir: Path) -> Site:
    """data/ read (each file once), each item checked against its model, then what crosses files;
    raises DataError naming every problem."""
    reader = Reader(Path(data_dir))
    if not reader.data_dir.is_dir():
        raise DataError([Problem(reader.name(reader.data_dir), 1, "folder", "does not exist; expected data/")])
    files = check_layout(reader)
    lists = {name: read_list(reader, name, model) for name, model in LIST_FILES.items()}
    site = Site(
        articles=read_articles(reader, files["articles"]),
        timelines=read_timelines(reader, files["timelines"]),
        people=lists["people.yml"],
        topics=lists["topics.yml"],
        terms=lists["glossary.yml"],
        references=lists["references.yml"],
        located=reader.located,
    )
    names = {name: reader.name(reader.data_dir / name) for name in LIST_FILES}
    problems = reader.problems + check_site(site, reader.located, names, reader.broken)
    if problems:
        raise DataError(problems)
    return site


def check_layout(reader: Reader) -> dict[str, list[Path]]:
    """Every file in data/ must be one the site reads: nothing is silently ignored but editors' leftovers
    (EDITOR_LEFTOVERS) and, at the top, hidden files (.gitkeep, a linter's settings). Returns the files
    the site reads in each folder (plain files named '<id><suffix>'), by name."""
    top = [entry for entry in listed(reader, reader.data_dir) if not is_editor_leftover(entry.name)]
    links = [Path(entry.path) for entry in top if entry.is_symlink()]
    if links:  # a link could point anywhere on the machine that builds the site: read nothing at all
        raise DataError([Problem(reader.name(path), 1, "file", "is a link; data/ holds plain files and folders only")
                         for path in links])
    expected = set(LIST_FILES) | set(FOLDERS) | ALLOWED_EXTRA
    for entry in top:
        if entry.name not in expected and not entry.name.startswith("."):
            reader.report(reader.name(Path(entry.path)), 1, "file",
                          f"is not read by the site; expected one of {sorted(expected)}")
    files: dict[str, list[Path]] = {}
    for folder, suffix in FOLDERS.items():
        files[folder] = []
        for entry in listed(reader, reader.data_dir / folder):
            path = Path(entry.path)
            if is_editor_leftover(entry.name):
                continue
            if not entry.is_file(follow_symlinks=False):
                reader.report(reader.name(path), 1, "file", "must be a plain file (no folders or links)")
            elif path.suffix != suffix or not SLUG.fullmatch(path.stem):
                reader.report(reader.name(path), 1, "file name",
                              f"expected '<id>{suffix}' with an id of lowercase a-z, digits and hyphens")
            elif not is_id(path.stem):  # the build would write a file name too long for the file system
                reader.report(reader.name(path), 1, "file name",
                              f"the id is {len(path.stem)} characters long; ids are at most {MAX_SLUG_LENGTH} "
                              "(they become file names and addresses): shorten it")
            else:
                files[folder].append(path)
    return files


def listed(reader: Reader, folder: Path) -> list[os.DirEntry]:
    """A folder's entries by name; none if it is missing. Each knows from the listing itself whether it
    is a link or a plain file (os.scandir), where a Path asks the OS again for each file."""
    try:
        with os.scandir(folder) as entries:
            return sorted(entries, key=lambda entry: entry.name)
    except (FileNotFoundError, NotADirectoryError):
        return []
    except OSError as error:  # unreadable: say so, rather than build a site without what it holds
        raise DataError([Problem(reader.name(folder), 1, "folder", f"cannot be read ({error.strerror})")]) from None


def read_list(reader: Reader, file_name: str, model: type[BaseModel]) -> dict[str, Any]:
    path = reader.data_dir / file_name
    name = reader.name(path)
    reader.broken[KINDS[file_name]] = None  # until the file is read
    if not path.is_file():
        reader.report(name, 1, "file", "is missing")
        return {}
    located = reader.read_yaml(path)
    if located is None:
        return {}
    if not isinstance(located.data, list):
        reader.report(name, located.line_of(()), "(top level)", f"expected a list of entries ('- id: …'), got {kind(located.data)}")
        return {}
    broken = reader.broken[KINDS[file_name]] = set()
    items: dict[str, Any] = {}
    for index, (data, item) in enumerate(zip(located.data, reader.validate_each(model, located.data, name, located))):
        if item is None:
            if isinstance(data, dict) and isinstance(data.get("id"), str):
                broken.add(data["id"])
            continue
        if item.id in items:
            reader.report(name, located.line_of((index, "id")), f"[{index}].id", f"duplicate id {item.id!r}; ids must be unique")
            continue
        items[item.id] = item
    return items


def read_articles(reader: Reader, paths: list[Path]) -> dict[str, Article]:
    broken = reader.broken["article"] = set()
    articles = {}
    for path in paths:
        broken.add(path.stem)  # until it is read
        name = reader.name(path)
        text = reader.read_text(path)
        if text is None:
            continue
        try:
            front, body, body_line = split_front_matter(text)
        except SourceError as error:
            reader.report(name, error.line, error.field, error.message)
            continue
        located = reader.read_yaml(path, front, first_line=2)
        if located is None:
            continue
        if not isinstance(located.data, dict):
            reader.report(name, 2, "front matter", f"expected fields like 'title: …', got {kind(located.data)}")
            continue
        meta = reader.validate(ArticleMeta, located.data, name, located)
        check_body_characters(reader, name, body, body_line)
        blocks = parse_body(body, body_line)
        if not any(block.kind == "paragraph" for block in blocks):
            reader.report(name, body_line, "body", "has no paragraphs; the article text goes after the front matter")
        elif meta is not None:
            check_paragraph_record(reader, name, located, meta, blocks, body_line)
            articles[path.stem] = Article(path.stem, name, meta, blocks)
            broken.discard(path.stem)
    return articles


def check_paragraph_record(reader: Reader, name: str, located: Located, meta: ArticleMeta,
                           blocks: tuple[Block, ...], body_line: int) -> None:
    """Each paragraph must be the one recorded under its number, or citations of it and those after
    it would silently point at other text (hooks/content/fingerprints.py)."""
    record = f"python -m hooks.paragraphs {name}"
    if meta.paragraphs is None:
        reader.report(name, located.line_of(()), "paragraphs", f"is missing: record the paragraphs citations "
                      f"number, once the text is final, with `{record}`")
        return
    paragraphs = [block for block in blocks if block.kind == "paragraph"]
    difference = first_difference(meta.paragraphs.split(), [block.text for block in paragraphs])
    if difference is None:
        return
    index, what = difference
    line = paragraphs[min(index, len(paragraphs) - 1)].line  # the body has a paragraph: checked before
    reader.report(name, line, "body", f"paragraph {index + 1} is not the one recorded as p{index + 1}: {what}. "
                  f"Undo the change; if the text really had to change, correct every citation of p{index + 1} "
                  f"onward, then record the paragraphs again with `{record}`")


# Characters an article body may not contain: controls (tabs and line breaks aside), the bidirectional
# overrides and isolates that make text display in another order than it reads ("Trojan Source"), and
# lone surrogates. Other format characters (soft hyphen, zero-width joiner) occur in real text and stay.
_HIDDEN = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def check_body_characters(reader: Reader, name: str, body: str, first_line: int) -> None:
    if not _HIDDEN.search(body):
        return  # the usual case, in one pass; line by line only to name the lines
    for number, line in enumerate(body.split("\n"), start=first_line):
        if hidden := _HIDDEN.search(line):
            reader.report(name, number, "body", f"contains the invisible character U+{ord(hidden.group()):04X}; remove it")


def parse_body(body: str, first_line: int) -> tuple[Block, ...]:
    """Blank-line separated blocks; a single line starting with '## ' is a section heading."""
    blocks: list[Block] = []
    lines: list[str] = []  # the open block's, stripped
    number, start = 0, first_line
    for offset, line in enumerate([*body.split("\n"), ""]):  # the blank line added closes the last block
        if stripped := line.strip():
            if not lines:
                start = first_line + offset
            lines.append(stripped)
            continue
        if not lines:
            continue
        text = " ".join(lines)
        if len(lines) == 1 and text.startswith("## ") and text[3:].strip():
            blocks.append(Block("heading", text[3:].strip(), start))
        else:
            number += 1
            blocks.append(Block("paragraph", text, start, number))
        lines = []
    return tuple(blocks)


def read_timelines(reader: Reader, paths: list[Path]) -> dict[str, Timeline]:
    timelines = {}
    for path in paths:
        located = reader.read_yaml(path)
        if located is None:
            continue
        name = reader.name(path)
        if not isinstance(located.data, dict):
            reader.report(name, located.line_of(()), "(top level)", f"expected 'title:', 'intro:' and 'events:', got {kind(located.data)}")
            continue
        head = reader.validate(TimelineHead, {k: v for k, v in located.data.items() if k != "events"}, name, located)
        events_data = located.data.get("events")
        if not isinstance(events_data, list) or not events_data:
            problem = "is missing" if "events" not in located.data else f"expected a non-empty list of events, got {kind(events_data)}"
            reader.report(name, located.line_of(("events",)), "events", problem)
            continue
        # A broken event does not hide its valid siblings: each is kept or reported on its own (validate_each).
        events: dict[str, Event] = {}
        for index, event in enumerate(reader.validate_each(Event, events_data, name, located, at=("events",))):
            if event is None:
                continue
            if event.id in events:
                reader.report(name, located.line_of(("events", index, "id")), f"events[{index}].id",
                              f"duplicate event id {event.id!r}; event ids must be unique across all timelines")
                continue
            events[event.id] = event
        events = list(events.values())
        if head is not None:
            events.sort(key=lambda event: event.date.sort_key())
            timelines[path.stem] = Timeline(path.stem, name, head.title, head.intro, tuple(events),
                                            head.lanes, tuple(head.eras))
    return timelines


def kind(value: object) -> str:
    return {dict: "a mapping", list: "a list", str: "a text", type(None): "nothing"}.get(type(value), type(value).__name__)


def explain(detail: dict, model: type[BaseModel]) -> str:
    """Pydantic's messages, reworded for editors: what is wrong and what is expected."""
    error_type, message = detail["type"], detail["msg"]
    if error_type == "extra_forbidden":
        allowed = allowed_fields(model, detail["loc"])
        field = str(detail["loc"][-1])
        guess = difflib.get_close_matches(field, allowed, n=1)
        hint = f"did you mean {guess[0]!r}? " if guess else ""
        return f"unknown field; {hint}expected one of: {', '.join(allowed)}"
    if error_type == "missing":
        return "is missing; this field is required"
    if error_type == "value_error":
        return message.removeprefix("Value error, ")
    if error_type == "literal_error":
        return f"got {detail['input']!r}; {message[0].lower()}{message[1:]}"
    if error_type == "too_short":  # every list with a min_length: say what one item looks like
        return needs_more(model, detail["loc"], detail["ctx"]["min_length"])
    if error_type.endswith("_type"):
        return f"got {kind(detail['input'])} ({detail['input']!r}); {message[0].lower()}{message[1:]}"
    return f"{message[0].lower()}{message[1:]}"


def allowed_fields(model: type[BaseModel], location: tuple) -> list[str]:
    """The fields of the (possibly nested) model at a location, for 'did you mean' hints."""
    return list(_model_at(model, location).model_fields)


def _model_at(model: type[BaseModel], location: tuple) -> type[BaseModel]:
    """The (possibly nested) model that holds the field at a location."""
    current: Any = model
    for part in location[:-1]:
        if isinstance(part, int):
            continue
        annotation = current.model_fields[part].annotation
        current = next((arg for arg in getattr(annotation, "__args__", (annotation,)) if isinstance(arg, type)
                        and issubclass(arg, BaseModel)), current)
    return current


def needs_more(model: type[BaseModel], location: tuple, minimum: int) -> str:
    """'needs at least one source, e.g. …' for a list that is too short, from the field's item type:
    what the schema says a value looks like (its x-hint, which editors' hovers show too), when it says."""
    name = str(location[-1])
    field_info = _model_at(model, location).model_fields.get(name)
    items = getattr(field_info.annotation, "__args__", ()) if field_info else ()
    description = _item_description(items[0]) if len(items) == 1 else None
    noun = name.removesuffix("s") if minimum == 1 else name
    count = "one" if minimum == 1 else str(minimum)
    return f"needs at least {count} {noun}" + (f", e.g. {description}" if description else "")


@cache
def _item_description(item_type: Any) -> str | None:
    schema = TypeAdapter(item_type).json_schema()
    return schema.get("x-hint") if "properties" not in schema else None  # a model: its fields say more

