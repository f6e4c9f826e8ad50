"""Reading YAML from untrusted pull requests, remembering where every value is.

libyaml (PyYAML's C parser) reads the text into a stream of events; one loop builds the data from
them with an explicit stack, noting the line and column of every key and list item as it goes (for
`path:line: field:` messages). On the way it enforces what untrusted input demands: no aliases (so no
"billion laughs"), only plain values (no tags that build objects), no duplicate or odd keys, a depth
cap, one document; `read_text` adds a size cap and UTF-8 only. Dates stay the text the editor wrote
(their precision matters). PyYAML's pure-Python parser is used only to word a syntax error.
"""

from __future__ import annotations

import os
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

try:
    from yaml._yaml import CParser
except ImportError as error:  # PyYAML's wheels ship libyaml; only a source build may lack it
    raise ImportError("PyYAML was built without libyaml; reinstall PyYAML from its wheel") from error

MAX_FILE_BYTES = 2 * 1024 * 1024
MAX_DEPTH = 100  # lists and mappings inside each other; data/ needs a handful
# Characters YAML 1.1 reads as line breaks, where editors and `git diff` show none: after one, the rest
# of a comment would be read as a field, and every later line number would be off by one.
_YAML_ONLY_LINE_BREAK = re.compile("[\x85\u2028\u2029]")

Location = tuple[str | int, ...]


class SourceError(Exception):
    """A file that cannot be read as data at all; carries the line, a readable message and, for a
    syntax error, an excerpt of the line with a caret under the column (see `excerpt`)."""

    def __init__(self, line: int, field: str, message: str, excerpt: str = ""):
        self.line, self.field, self.message, self.excerpt = line, field, message, excerpt
        super().__init__(f"{line}: {field}: {message}")


@dataclass
class Located:
    """Parsed YAML plus where each value starts, keyed by its location (keys and indexes, () for the
    top level): (line, column), both from 1. A mapping entry is where its key is."""

    data: Any
    positions: dict[Location, tuple[int, int]] = field(default_factory=dict)

    def line_of(self, location: Location) -> int:
        """The line of a location, or of its nearest ancestor that has one."""
        return self._position_of(location)[0]

    def column_of(self, location: Location) -> int:
        """The column of a location, or of its nearest ancestor that has one."""
        return self._position_of(location)[1]

    def _position_of(self, location: Location) -> tuple[int, int]:
        location = tuple(location)
        while location not in self.positions and location:
            location = location[:-1]
        return self.positions.get(location, (1, 1))


def read_text(path: Path) -> str:
    """A data file's text: UTF-8 (a BOM is allowed), CRLF turned into LF, size-capped before it is read
    (at most the limit and one byte is ever read, so a huge file costs no memory)."""
    with path.open("rb") as file:
        raw = file.read(MAX_FILE_BYTES + 1)
        if len(raw) > MAX_FILE_BYTES:
            size = os.fstat(file.fileno()).st_size
            wording = f"is {size:,} bytes" if size > MAX_FILE_BYTES else f"is over {MAX_FILE_BYTES:,} bytes"
            raise SourceError(1, "file", f"{wording}; the limit is {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(line, "file", f"is not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8") from None
    if b"\r" in raw:  # rare: the check costs less than two replaces that find nothing
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


# The lines git writes around both sides of a conflict it could not merge (`|||||||` with diff3).
_CONFLICT_MARKER = re.compile(r"^(?:(?:<{7}|>{7}|\|{7})(?: .*)?|={7})$", re.MULTILINE)


def refuse_conflict_markers(text: str) -> None:
    """A data file still holding a merge conflict would publish both sides (a body) or fail as some
    YAML syntax error far from the cause: say what it is, at its first marker line."""
    if (marker := _CONFLICT_MARKER.search(text)) is not None:
        raise SourceError(text.count("\n", 0, marker.start()) + 1, "file",
                          f"has an unresolved merge conflict (the line {marker.group()[:7]!r}); keep the right "
                          "version and remove the '<<<<<<<', '=======' and '>>>>>>>' lines")


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split `---` front matter from a body: (yaml_text, body, body_first_line).

    The front matter ends at the first `---` at the start of a line, as YAML ends a document there: an
    indented `---` (a rule inside a field's text) is part of the text."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(1, "front matter", "the file must start with a line '---', then YAML fields, then '---'")
    for number, line in enumerate(lines[1:], start=1):
        if line.rstrip() == "---":
            after = lines[number + 1] if number + 1 < len(lines) else ""
            if after.strip() and after[0].isspace():  # the text of a field that a '---' line cut short
                raise SourceError(number + 2, "front matter",
                                  f"the front matter ended at the '---' on line {number + 1}, but this line is "
                                  "indented like a field's text: indent a '---' inside a field like the text "
                                  "around it, or start the article text after a blank line")
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1:]), number + 2
    raise SourceError(1, "front matter", "the closing '---' line after the YAML fields is missing")


def parse_yaml(text: str, *, first_line: int = 1) -> Located:
    """Parse one YAML document; `first_line` is where it starts in its file (front matter)."""
    if (control := yaml.reader.Reader.NON_PRINTABLE.search(text)) is not None:  # NUL, ESC, …
        raise SourceError(text.count("\n", 0, control.start()) + first_line, "file",
                          f"contains the control character U+{ord(control.group()):04X}; remove it")
    if (line_break := _YAML_ONLY_LINE_BREAK.search(text)) is not None:
        raise SourceError(text.count("\n", 0, line_break.start()) + first_line, "file",
                          f"contains U+{ord(line_break.group()):04X} ({unicodedata.name(line_break.group(), 'NEXT LINE')}), "
                          "which YAML reads as a line break but editors and git do not show; remove it")
    parser = CParser(text)
    try:
        data, positions = _read_events(parser.get_event, first_line)
    except _Refused as refused:
        raise _explain_syntax_error(text, first_line, refused.error, refused.value_problem) from None
    finally:
        parser.dispose()
    if not positions:  # no document at all: empty, or comments only
        return Located(None, {(): (first_line, 1)})
    return Located(data, positions)


# --- Reading the events ---------------------------------------------------------------------------

_NO_KEY = object()  # in a mapping: no key read yet for the next value

# SafeLoader's implicit types less two. Dates stay strings: "2024-05" and "2024-05-13" differ in
# precision, which a datetime loses. A lone "=" stays text too (YAML 1.1 gives it a "value" type that
# nothing can construct).
_TEXT_TYPES = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}


class _TextResolver(yaml.resolver.Resolver):
    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag not in _TEXT_TYPES]
        for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
    }


_RESOLVER = _TextResolver()
# First characters some implicit type can start with: a plain scalar starting otherwise is text.
_MAY_BE_TYPED = {first for first, resolvers in _RESOLVER.yaml_implicit_resolvers.items() if resolvers}

# The only kinds of value data/ has. Any other tag (!!python/object, !!binary, !!set, !!timestamp, a
# local !tag, a << merge key) is refused by name, rather than quietly read as something else.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "map", "seq")}
_STR = "tag:yaml.org,2002:str"
# How SafeLoader reads a scalar of each plain type but text (a list or mapping tag on a scalar: none).
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
_READ_SCALAR = {tag: _CONSTRUCTOR.yaml_constructors[tag]
                for tag in (f"tag:yaml.org,2002:{kind}" for kind in ("int", "float", "bool", "null"))}


class _Stop(SourceError):
    """A problem PyYAML's composer stopped at while reading (an alias, nesting too deep, a second
    document): reported before any problem found with a value earlier on."""


class _Refused(Exception):
    """libyaml refused the text: its error, and the problem to report instead if PyYAML's own parser
    finds the text well formed (see _explain_syntax_error)."""

    def __init__(self, error: yaml.YAMLError, value_problem: SourceError | None):
        super().__init__(error)
        self.error, self.value_problem = error, value_problem


def _read_events(next_event, first_line: int) -> tuple[Any, dict[Location, tuple[int, int]]]:  # noqa: ANN001 (a bound C method)
    """The data of the one document in the events, and the position of each of its locations.

    Containers are built with an explicit stack, never by recursion, so no nesting can crash the
    process. The innermost open container, its location and its waiting key are kept in locals; the
    stack holds the outer ones. A problem with a value raises a SourceError; like PyYAML, which read
    the whole document before building it, any syntax error, alias or second document further on is
    reported first.
    """
    scalar_event, alias_event = yaml.ScalarEvent, yaml.AliasEvent
    mapping_start, sequence_start = yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    may_be_typed, no_key = _MAY_BE_TYPED, _NO_KEY
    positions: dict[Location, tuple[int, int]] = {}
    stack: list[tuple] = []  # (container, location, is_mapping, key, key_location) of each outer container
    container: Any = None  # the innermost open list or dict; None at the top level
    location: Location = ()  # its location
    is_mapping, key, key_location = False, no_key, ()  # key: the key read in a mapping, waiting for its value
    result, documents = None, 0
    try:
        while True:
            event = next_event()
            kind = type(event)
            if kind is scalar_event or kind is mapping_start or kind is sequence_start:
                # Where this value goes; a list item or the top level is where its value starts.
                mark = event.start_mark
                if container is None:
                    here = ()
                    positions[here] = (mark.line + first_line, mark.column + 1)
                elif not is_mapping:
                    here = (*location, len(container))
                    positions[here] = (mark.line + first_line, mark.column + 1)
                elif key is no_key:
                    here = location  # a key: its problems are its mapping's; its position is noted once read
                else:
                    here = key_location  # a mapping's value: its position is its key's
                if kind is scalar_event:
                    value = event.value
                    if event.tag is not None or (event.implicit[0] and (not value or value[0] in may_be_typed)):
                        value = _typed_scalar(event, here, first_line)
                else:
                    if len(stack) >= MAX_DEPTH:
                        raise _too_deep(first_line)
                    if is_mapping and key is no_key:
                        raise SourceError(mark.line + first_line, _dotted(location), "a key must be a plain name")
                    if event.tag is not None and event.tag != "!" and event.tag not in _PLAIN_TAGS:
                        raise _not_plain(event.tag, mark.line + first_line, here)
                    stack.append((container, location, is_mapping, key, key_location))
                    is_mapping = kind is mapping_start
                    container, location, key = {} if is_mapping else [], here, no_key
                    continue
            elif kind is mapping_end or kind is sequence_end:
                value = container
                container, location, is_mapping, key, key_location = stack.pop()
            elif kind is alias_event:
                raise _alias(event, first_line)
            elif kind is yaml.DocumentStartEvent:
                documents += 1
                if documents > 1:
                    raise _second_document(event, first_line)
                continue
            elif kind is yaml.StreamEndEvent:
                return result, positions
            else:  # stream start, document end
                continue
            # Put the value in its place.
            if container is None:
                result = value
            elif not is_mapping:
                container.append(value)
            elif key is no_key:  # a key: a scalar (a list or mapping as a key was refused), its start at `mark`
                key = value if type(value) is str else str(value)
                key_location = (*location, key)
                line = mark.line + first_line
                if not key.isprintable():  # keys show up in messages: one line, nothing hidden
                    raise SourceError(line, _dotted(location),
                                      f"the key {key!r} contains a line break or invisible character; keys are plain names")
                if key in container:
                    raise _duplicate_key(key, container, location, line, positions[key_location][0])
                positions[key_location] = (line, mark.column + 1)
            else:
                container[key] = value
                key = no_key
    except _Stop:
        raise
    except SourceError as problem:
        _read_on(next_event, len(stack), first_line, problem)
        raise
    except yaml.YAMLError as error:
        # libyaml refuses a "\ud800"-style escape (half a character, which no page can show): a problem
        # with the value being read, named by its field unless PyYAML's parser finds a syntax error.
        value_problem = None
        if getattr(error, "problem", None) == "found invalid Unicode character escape code":
            here = (() if container is None else (*location, len(container)) if not is_mapping
                    else location if key is no_key else key_location)
            value_problem = SourceError(error.context_mark.line + first_line, _dotted(here),
                                        "contains a lone surrogate escape (\\uD800-\\uDFFF); remove it")
        raise _Refused(error, value_problem) from None


def _read_on(next_event, depth: int, first_line: int, problem: SourceError) -> None:  # noqa: ANN001
    """After a problem with a value, read the rest of the stream for the problems reported first."""
    while True:
        try:
            event = next_event()
        except yaml.YAMLError as error:
            raise _Refused(error, problem) from None
        kind = type(event)
        if kind is yaml.StreamEndEvent:
            return
        if kind is yaml.MappingStartEvent or kind is yaml.SequenceStartEvent:
            depth += 1
            if depth > MAX_DEPTH:
                raise _too_deep(first_line)
        elif kind is yaml.MappingEndEvent or kind is yaml.SequenceEndEvent:
            depth -= 1
        elif kind is yaml.AliasEvent:
            raise _alias(event, first_line)
        elif kind is yaml.DocumentStartEvent:  # the problem was in the first
            raise _second_document(event, first_line)


def _typed_scalar(event: yaml.ScalarEvent, here: Location, first_line: int) -> Any:
    """A scalar with a tag, or plain text that may be a number, a boolean or null: typed as PyYAML's
    SafeLoader types it (its composer resolves a tag of None or "!"), dates and "=" kept as text."""
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        tag = _RESOLVER.resolve(yaml.ScalarNode, value, event.implicit)
    if tag == _STR:
        return value
    line = event.start_mark.line + first_line
    if tag not in _PLAIN_TAGS:
        raise _not_plain(tag, line, here)
    try:
        return _READ_SCALAR[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))
    except (yaml.constructor.ConstructorError, ValueError, KeyError, IndexError, OverflowError):
        # e.g. "!!int abc", "!!bool maybe", "!!int" with no value (IndexError), a number longer than
        # Python converts (4,300 digits), or "!!map x" (no reader for a scalar: KeyError)
        kind = tag.rsplit(":", 1)[-1]
        raise SourceError(line, _dotted(here),
                          f"{value[:40]!r} cannot be read as {kind}; put it in quotes to keep it as text") from None


# --- Wording problems -----------------------------------------------------------------------------

def _dotted(location: Location) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or "(top level)"


def _duplicate_key(key: str, mapping: dict, location: Location, line: int, first: int) -> SourceError:
    # A list item whose first field comes again is most likely the next item with its "- " left out:
    # "keep one" would then tell the editor to delete an id.
    if location and isinstance(location[-1], int) and key == next(iter(mapping)):
        return SourceError(line, _dotted((*location, key)),
                           f"duplicate key (first on line {first}): a new list item probably starts here without "
                           f"its \"- \" (write \"- {key}: …\"); if not, keep one")
    return SourceError(line, _dotted((*location, key)), f"duplicate key (first on line {first}); keep one")


def _not_plain(tag: str, line: int, here: Location) -> SourceError:
    what = "a << merge key" if tag == "tag:yaml.org,2002:merge" else f"the tag {tag.replace('tag:yaml.org,2002:', '!!')}"
    return SourceError(line, _dotted(here),
                       f"{what} is not allowed; only plain YAML values are allowed (text, numbers, lists, fields)")


def _alias(event: yaml.AliasEvent, first_line: int) -> _Stop:
    return _Stop(event.start_mark.line + first_line, "YAML syntax",
                 f"alias *{event.anchor} is not allowed; write the value out in full")


def _too_deep(first_line: int) -> _Stop:
    return _Stop(first_line, "YAML syntax", "values are nested too deeply; flatten the structure")


def _second_document(event: yaml.DocumentStartEvent, first_line: int) -> _Stop:
    return _Stop(event.start_mark.line + first_line, "YAML syntax",
                 "a data file holds one YAML document; remove the '---' on this line or split the file")


def _explain_syntax_error(text: str, first_line: int, error: yaml.YAMLError,
                          value_problem: SourceError | None) -> SourceError:
    """Word a text libyaml refused. PyYAML's pure-Python parser says better what it expected, in the
    words _explain knows; it reads only this one broken text. If it finds the text well formed, the
    refusal was about a value (`value_problem`), or else libyaml's own words are used."""
    try:
        for _ in yaml.parse(text, Loader=yaml.SafeLoader):  # events only: no recursion
            pass
    except yaml.MarkedYAMLError as python_error:
        return _explain(python_error, first_line - 1, text)
    except (yaml.YAMLError, ValueError, OverflowError):  # an escape past U+10FFFF, which chr() refuses
        pass
    else:
        if value_problem is not None:
            return value_problem
    if isinstance(error, yaml.MarkedYAMLError):
        return _explain(error, first_line - 1, text)
    return SourceError(first_line, "YAML syntax", str(error))


def _explain(error: yaml.MarkedYAMLError, offset: int, text: str) -> SourceError:
    """Turn PyYAML's parser wording into something an editor can act on, with the line it points at."""
    problem = error.problem or "invalid YAML"
    mark = error.problem_mark or error.context_mark
    lines = text.split("\n")
    at = (mark.line, mark.column) if mark else (0, 0)  # 0-based, in `text`
    message = None
    if mark and (start := _runaway_quote_start(text, mark.line)) is not None:
        at = start
        message = (f"a quoted text starting on this line is not closed on it (it runs on to line "
                   f"{mark.line + 1 + offset}); add the closing quote")
    elif "'\\t'" in problem:
        message = "a tab character is used for indentation; indent with spaces"
    elif "while scanning a quoted scalar" in (error.context or "") and error.context_mark:
        at = (error.context_mark.line, error.context_mark.column)
        message = "a quoted text starting on this line is never closed; add the closing quote"
    elif mark and (plain := _plain_words(error, lines)) is not None:
        at, message = plain
    if message is None:
        context = f" ({error.context})" if error.context else ""
        message = f"{problem}{context}; check indentation, colons and quotes"
    return SourceError(at[0] + 1 + offset, "YAML syntax", message, excerpt(lines, at[0], at[1], offset))


def _plain_words(error: yaml.MarkedYAMLError, lines: list[str]) -> tuple[tuple[int, int], str] | None:
    """Indentation and colon mistakes, said without the parser's tokens ("expected <block end>, but found
    '?'"): where to look (0-based line and column) and what to do."""
    problem, mark, context_mark = error.problem or "", error.problem_mark, error.context_mark
    line = lines[mark.line] if mark.line < len(lines) else ""
    indent = len(line) - len(line.lstrip(" "))
    if problem.startswith("expected <block end>, but found") and context_mark is not None:
        opened = context_mark.line + 1
        if problem.endswith("'-'"):
            return (mark.line, mark.column), (
                f"this list item (\"- \") is indented as if it were inside the entry that starts on line {opened}; "
                f"line its \"- \" up with the other items of the list")
        spaces = "1 space" if indent == 1 else f"{indent} spaces"
        return (mark.line, indent), (
            f"this line's indentation ({spaces}) matches none of the lines above it (from line {opened}): indent "
            f"a field exactly like the other fields of its entry, and start a new list item with \"- \" under "
            f"the \"- \" of the items before it")
    if problem == "mapping values are not allowed here":
        key_start = line[:mark.column].rstrip()
        if ":" not in key_start and mark.line > 0 and indent > _indent_of_previous(lines, mark.line):
            return (mark.line, indent), (
                "this line is indented more than the field above it, so it reads as part of that field's "
                "value; line it up with the field above")
        return (mark.line, mark.column), ("a colon followed by a space inside a text that is not in quotes; "
                                          "put the whole text in quotes (\"…\")")
    if problem == "could not find expected ':'" and context_mark is not None:
        return (context_mark.line, context_mark.column), (
            "this line has no \": \" after its field name; write \"field: value\" (or put a text that goes on "
            "over several lines in quotes)")
    return None


def _indent_of_previous(lines: list[str], number: int) -> int:
    """The indentation of the nearest line above `number` (0-based) that is not blank or a comment."""
    for line in reversed(lines[:number]):
        if line.strip() and not line.lstrip().startswith("#"):
            return len(line) - len(line.lstrip(" "))
    return 0


EXCERPT_WIDTH = 72  # characters of the line shown around the column


def excerpt(lines: list[str], line: int, column: int, offset: int = 0) -> str:
    """Two lines: the line (0-based in `lines`) as `  12 | text`, and a caret under the column. Tabs
    show as "→" (one column each, so the caret stays under them); a long line is cut around the column."""
    text = (lines[line] if 0 <= line < len(lines) else "").replace("\t", "→")
    start = max(0, min(column - EXCERPT_WIDTH // 2, len(text) - EXCERPT_WIDTH))
    shown = text[start:start + EXCERPT_WIDTH]
    if start:
        shown, column = "…" + shown[1:], column - start
    if start + EXCERPT_WIDTH < len(text):
        shown = shown[:-1] + "…"
    number = str(line + 1 + offset)
    return f"{number} | {shown}\n{' ' * len(number)} | {' ' * column}^ column {column + start + 1}"


def _runaway_quote_start(text: str, error_line: int) -> tuple[int, int] | None:
    """The line and column (0-based) where a quoted text opens that swallowed the lines after it: an unclosed
    quote ends at the next quote mark, often lines later, where the parser then fails."""
    runaway = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line < token.end_mark.line == error_line):
                runaway = token.start_mark.line, token.start_mark.column
    except (yaml.YAMLError, ValueError, OverflowError):  # or an escape past U+10FFFF, which chr() refuses
        pass  # the tokens before the error are what matter
    return runaway
