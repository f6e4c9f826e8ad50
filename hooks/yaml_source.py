"""Reading YAML from untrusted pull requests, remembering the line of every value.

PyYAML's safe loader does the parsing; this adds what an editor needs and what untrusted input
demands: the line number of every key and list item (for `path:line: field:` messages), duplicate
keys as errors, no aliases (so no "billion laughs"), a size cap, UTF-8 only, and dates kept as the
text the editor wrote (their precision matters).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hooks.parallel import Background

MAX_FILE_BYTES = 2 * 1024 * 1024

Location = tuple[str | int, ...]


class SourceError(Exception):
    """A file that cannot be read as data at all; carries the line and a readable message."""

    def __init__(self, line: int, field: str, message: str):
        self.line, self.field, self.message = line, field, message
        super().__init__(f"{line}: {field}: {message}")


@dataclass
class Located:
    """Parsed YAML plus the line each value starts on, keyed by its location (keys and indexes)."""

    data: Any
    lines: dict[Location, int] = field(default_factory=dict)
    # Read on the fast path: (text, first_line), to find the lines only if a message needs one.
    pending: tuple[str, int] | None = field(default=None, repr=False, compare=False)

    def line_of(self, location: Location) -> int:
        """The line of a location, or of its nearest ancestor that has one."""
        if self.pending is not None:
            text, first_line = self.pending
            self.pending = None
            try:
                self.lines = _parse_careful(text, first_line).lines
            except SourceError:  # libyaml accepted what PyYAML does not: no line to give but the first
                self.lines = {}
        location = tuple(location)
        while location not in self.lines and location:
            location = location[:-1]
        return self.lines.get(location, 1)


class _SafeTextLoader(yaml.SafeLoader):
    """SafeLoader that keeps timestamps as strings and refuses aliases."""

    def compose_node(self, parent, index):  # noqa: ANN001 (PyYAML's signature)
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise SourceError(event.start_mark.line + 1, "YAML syntax",
                              f"alias *{event.anchor} is not allowed; write the value out in full")
        return super().compose_node(parent, index)


# Dates stay strings: "2024-05" and "2024-05-13" differ in precision, which a datetime loses.
# A lone "=" stays text too (YAML 1.1 gives it a "value" type that nothing can construct).
_TEXT_TYPES = {"tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:value"}
_SafeTextLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in _TEXT_TYPES]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}

# The only kinds of value data/ has. Any other tag (!!python/object, !!binary, !!set, !!timestamp, a
# local !tag, a << merge key) is refused by name, rather than quietly read as something else.
_PLAIN_TAGS = {f"tag:yaml.org,2002:{kind}" for kind in ("str", "int", "float", "bool", "null", "map", "seq")}


def read_text(path: Path) -> str:
    """A data file's text: UTF-8 (a BOM is allowed), CRLF turned into LF, size-capped."""
    raw = path.read_bytes()
    if len(raw) > MAX_FILE_BYTES:
        raise SourceError(1, "file", f"is {len(raw):,} bytes; the limit is {MAX_FILE_BYTES:,}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = raw[: error.start].count(b"\n") + 1
        raise SourceError(line, "file", f"is not UTF-8 (byte 0x{raw[error.start]:02x}); save it as UTF-8") from None
    if b"\r" in raw:  # rare: the check costs less than two replaces that find nothing
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def parse_yaml(text: str, *, first_line: int = 1) -> Located:
    """Parse one YAML document; `first_line` is where it starts in its file (front matter)."""
    return _located(text, first_line, _parse_quickly(text))


PARALLEL_FROM_CHARS = 1_000_000  # below this, starting processes costs more than the reading they share


class Parsing:
    """parse_yaml for many (text, first_line) documents, each giving its data or its error.

    The quick reading is most of the time: for a large batch it starts at once in `workers` other
    processes, while this one goes on with other work until it asks for the result and then takes
    its share of what is left (hooks/parallel.py). The data comes back as plain values; anything
    unusual is read the careful way here.
    """

    def __init__(self, documents: Sequence[tuple[str, int]], *, workers: int = 0):
        self.documents = documents
        texts = [text for text, _ in documents]
        if sum(map(len, texts)) < PARALLEL_FROM_CHARS:
            workers = 0
        self.work = Background(_parse_quickly, texts, workers=workers)

    def result(self) -> list[Located | SourceError]:
        results: list[Located | SourceError] = []
        for (text, first_line), read in zip(self.documents, self.work.result()):
            try:
                results.append(_located(text, first_line, read))
            except SourceError as error:
                results.append(error)
        return results

    def stop(self) -> None:
        """Give up a reading whose result is no longer wanted."""
        self.work.stop()


def _located(text: str, first_line: int, quick: tuple[bool, Any]) -> Located:
    read, data = quick
    if read:
        return Located(data, pending=(text, first_line))
    return _parse_careful(text, first_line)


def _parse_careful(text: str, first_line: int) -> Located:
    """Every check, with the line of every value; the messages for anything the fast path refused."""
    offset = first_line - 1
    try:
        loader = _SafeTextLoader(text)
    except yaml.reader.ReaderError as error:  # control characters such as NUL, refused before parsing
        raise SourceError(text[: error.position].count("\n") + first_line, "file",
                          f"contains the control character U+{error.character:04X}; remove it") from None
    try:
        node = loader.get_single_node()
        if node is None:
            return Located(None, {(): first_line})
        located = Located(None)
        located.data = _build(loader, node, (), located.lines, offset)
        return located
    except SourceError as error:
        error.line += offset
        raise
    except yaml.MarkedYAMLError as error:
        raise _explain(error, offset, text) from None
    except yaml.YAMLError as error:  # unmarked errors are rare; still no traceback
        raise SourceError(first_line, "YAML syntax", str(error)) from None
    except RecursionError:  # PyYAML composes recursively: "[[[[…" must not crash the check
        raise SourceError(first_line, "YAML syntax", "values are nested too deeply; flatten the structure") from None
    finally:
        loader.dispose()


def _build(loader: yaml.SafeLoader, node: yaml.Node, location: Location, lines: dict, offset: int) -> Any:
    lines.setdefault(location, node.start_mark.line + 1 + offset)
    _check_tag(node, location, offset)
    if isinstance(node, yaml.MappingNode):
        result: dict[str, Any] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode):
                raise SourceError(key_node.start_mark.line + 1 + offset, _dotted(location), "a key must be a plain name")
            _check_tag(key_node, location, offset)
            key = _scalar(loader, key_node, location, offset)
            if not isinstance(key, str):
                key = str(key)
            if not key.isprintable():  # keys show up in messages: one line, nothing hidden
                raise SourceError(key_node.start_mark.line + 1 + offset, _dotted(location),
                                  f"the key {key!r} contains a line break or invisible character; keys are plain names")
            if key in result:
                raise SourceError(key_node.start_mark.line + 1 + offset, _dotted((*location, key)),
                                  f"duplicate key (first on line {lines[(*location, key)]}); keep one")
            lines[(*location, key)] = key_node.start_mark.line + 1 + offset
            result[key] = _build(loader, value_node, (*location, key), lines, offset)
        return result
    if isinstance(node, yaml.SequenceNode):
        return [_build(loader, item, (*location, index), lines, offset) for index, item in enumerate(node.value)]
    return _scalar(loader, node, location, offset)


def _check_tag(node: yaml.Node, location: Location, offset: int) -> None:
    if node.tag in _PLAIN_TAGS:
        return
    what = "a << merge key" if node.tag == "tag:yaml.org,2002:merge" else \
        f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')}"
    raise SourceError(node.start_mark.line + 1 + offset, _dotted(location),
                      f"{what} is not allowed; only plain YAML values are allowed (text, numbers, lists, fields)")


def _scalar(loader: yaml.SafeLoader, node: yaml.ScalarNode, location: Location, offset: int) -> Any:
    line = node.start_mark.line + 1 + offset
    try:
        value = loader.construct_object(node, deep=True)
    except (yaml.constructor.ConstructorError, ValueError, KeyError, OverflowError):
        # e.g. "!!int abc", "!!bool maybe", or a number longer than Python converts (4,300 digits)
        kind = node.tag.rsplit(":", 1)[-1]
        raise SourceError(line, _dotted(location),
                          f"{node.value[:40]!r} cannot be read as {kind}; put it in quotes to keep it as text") from None
    if isinstance(value, str) and any("\ud800" <= character <= "\udfff" for character in value):
        # Only a "\ud800"-style escape makes one; it is not a character and cannot be written out.
        raise SourceError(line, _dotted(location), "contains a lone surrogate escape (\\uD800-\\uDFFF); remove it")
    return value


# --- The fast path --------------------------------------------------------------------------------
# Most files are plain and valid. libyaml (PyYAML's C parser) reads them some twenty times faster than
# the pure-Python parser the careful path needs for line numbers, and lines are looked up only when a
# message is written. Anything the careful path might refuse or read differently (tags, anchors and
# aliases, duplicate or odd keys, escapes, odd characters, deep nesting, errors) goes the careful way.

_UNUSUAL = object()  # "take the careful path"
_NO_KEY = object()
_MAX_FAST_DEPTH = 32
_STR = "tag:yaml.org,2002:str"


class _Unusual(Exception):
    pass


class _TextResolver(yaml.resolver.Resolver):
    yaml_implicit_resolvers = _SafeTextLoader.yaml_implicit_resolvers


_RESOLVER = _TextResolver()
# Every implicit type's pattern in one: a plain scalar that none of them matches is text, whatever its
# first character (the resolver tries only the patterns listed under the first character, a subset).
_MAYBE_TYPED = re.compile("|".join(sorted({
    f"(?x:{regexp.pattern})" if regexp.flags & re.VERBOSE else f"(?:{regexp.pattern})"
    for resolvers in _RESOLVER.yaml_implicit_resolvers.values() for _, regexp in resolvers})))
_CONSTRUCTOR = yaml.constructor.SafeConstructor()
try:
    from yaml._yaml import CParser as _CParser  # PyYAML's wheels ship libyaml
except ImportError:  # built without it: every file takes the careful path
    _CParser = None


def _parse_quickly(text: str) -> tuple[bool, Any]:
    """(True, data) for a plain document, or (False, None) when it needs the careful path; a plain
    pair, as it may come back from another process."""
    data = _parse_fast(text)
    return (False, None) if data is _UNUSUAL else (True, data)


def _parse_fast(text: str) -> Any:
    """The data of a plain YAML document, or _UNUSUAL when it needs the careful path."""
    if _CParser is None or "\\u" in text or "\\U" in text or yaml.reader.Reader.NON_PRINTABLE.search(text):
        return _UNUSUAL  # no libyaml; or an escape that could make a lone surrogate; or a control character
    parser = _CParser(text)
    try:
        return _data_from_events(parser.get_event)
    except (_Unusual, yaml.YAMLError, ValueError, KeyError, OverflowError, TypeError):
        return _UNUSUAL
    finally:
        parser.dispose()


def _data_from_events(next_event) -> Any:  # noqa: ANN001 (a bound C method)
    """Build the data with an explicit stack (no recursion), checking what the careful path checks.
    The hot loop of a build: names are bound locally, scalars are tested inline, and the innermost
    open container and its waiting key are kept in locals (the stack holds the outer ones)."""
    scalar_event, mapping_start, sequence_start = yaml.ScalarEvent, yaml.MappingStartEvent, yaml.SequenceStartEvent
    mapping_end, sequence_end = yaml.MappingEndEvent, yaml.SequenceEndEvent
    resolvers, no_key, plain_scalar = _RESOLVER.yaml_implicit_resolvers, _NO_KEY, _plain_scalar
    stack: list[tuple] = []  # (container, is_mapping, key waiting for its value) of each outer container
    container, is_mapping, key = None, False, no_key  # None: at the top level
    result, documents = None, 0
    while True:
        event = next_event()
        kind = type(event)
        if kind is scalar_event:
            if event.anchor is not None or event.tag is not None:
                raise _Unusual
            value = event.value
            # Plain text whose first character no implicit type can start with ("x", "A") is text.
            if event.implicit[0] and (not value or value[0] in resolvers):
                value = plain_scalar(value)
        elif kind is mapping_start or kind is sequence_start:
            if event.anchor is not None or event.tag is not None or len(stack) >= _MAX_FAST_DEPTH:
                raise _Unusual
            if is_mapping and key is no_key:
                raise _Unusual  # a list or mapping used as a key
            stack.append((container, is_mapping, key))
            is_mapping = kind is mapping_start
            container, key = {} if is_mapping else [], no_key
            continue
        elif kind is mapping_end or kind is sequence_end:
            value = container
            container, is_mapping, key = stack.pop()
        elif kind is yaml.DocumentStartEvent:
            documents += 1
            if documents > 1:
                raise _Unusual
            continue
        elif kind is yaml.StreamEndEvent:
            return result
        elif kind is yaml.AliasEvent:
            raise _Unusual
        else:  # stream start, document end
            continue
        if container is None:
            result = value
        elif not is_mapping:
            container.append(value)
        elif key is no_key:
            key = value if type(value) is str else str(value)
            if key in container or not key.isprintable():
                raise _Unusual
        else:
            container[key] = value
            key = no_key


def _plain_scalar(value: str) -> Any:
    """An unquoted scalar that may be a number, a boolean or null: as the careful path reads it."""
    if not _MAYBE_TYPED.match(value):
        return value  # most are text ("2024-05-13", "The ministers met…"): no resolver to ask one by one
    tag = _RESOLVER.resolve(yaml.ScalarNode, value, (True, False))
    if tag == _STR:
        return value
    if tag not in _PLAIN_TAGS:
        raise _Unusual
    return _CONSTRUCTOR.yaml_constructors[tag](_CONSTRUCTOR, yaml.ScalarNode(tag, value))


def _dotted(location: Location) -> str:
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or "(top level)"


def _explain(error: yaml.MarkedYAMLError, offset: int, text: str) -> SourceError:
    """Turn PyYAML's parser wording into something an editor can act on."""
    problem = error.problem or "invalid YAML"
    mark = error.problem_mark or error.context_mark
    line = (mark.line + 1 if mark else 1) + offset
    if mark and (start := _runaway_quote_start(text, mark.line)) is not None:
        return SourceError(start + 1 + offset, "YAML syntax", f"a quoted text starting on this line is not closed "
                                                              f"on it (it runs on to line {line}); add the closing quote")
    if "'\\t'" in problem:
        return SourceError(line, "YAML syntax", "a tab character is used for indentation; indent with spaces")
    if "while scanning a quoted scalar" in (error.context or "") and error.context_mark:
        return SourceError(error.context_mark.line + 1 + offset, "YAML syntax",
                           "a quoted text starting on this line is never closed; add the closing quote")
    context = f" ({error.context})" if error.context else ""
    return SourceError(line, "YAML syntax", f"{problem}{context}; check indentation, colons and quotes")


def _runaway_quote_start(text: str, error_line: int) -> int | None:
    """The line (0-based) where a quoted text opens that swallowed the lines after it: an unclosed
    quote ends at the next quote mark, often lines later, where the parser then fails."""
    runaway = None
    try:
        for token in yaml.scan(text, Loader=yaml.SafeLoader):
            if (isinstance(token, yaml.ScalarToken) and token.style in ('"', "'")
                    and token.start_mark.line < token.end_mark.line == error_line):
                runaway = token.start_mark.line
    except yaml.YAMLError:
        pass  # the tokens before the error are what matter
    return runaway


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Split `---` front matter from a body: (yaml_text, body, body_first_line)."""
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        raise SourceError(1, "front matter", "the file must start with a line '---', then YAML fields, then '---'")
    for number, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return "\n".join(lines[1:number]), "\n".join(lines[number + 1:]), number + 2
    raise SourceError(1, "front matter", "the closing '---' line after the YAML fields is missing")
