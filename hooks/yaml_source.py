"""Reading YAML from untrusted pull requests, remembering the line of every value.

PyYAML's safe loader does the parsing; this adds what an editor needs and what untrusted input
demands: the line number of every key and list item (for `path:line: field:` messages), duplicate
keys as errors, no aliases (so no "billion laughs"), a size cap, UTF-8 only, and dates kept as the
text the editor wrote (their precision matters).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

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

    def line_of(self, location: Location) -> int:
        """The line of a location, or of its nearest ancestor that has one."""
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
    return text.replace("\r\n", "\n").replace("\r", "\n")


def parse_yaml(text: str, *, first_line: int = 1) -> Located:
    """Parse one YAML document; `first_line` is where it starts in its file (front matter)."""
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
