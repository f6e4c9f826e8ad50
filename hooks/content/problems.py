"""Problems found in data/, reported together as `path:line: field: message`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: str
    # For a YAML syntax error: the line as written with a caret under the column (yaml_source.excerpt).
    # Not part of the one-line form: annotations and `grep` stay one line a problem.
    excerpt: str = field(default="", compare=False)

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {self.message}"

    def with_excerpt(self) -> str:
        """The problem line, and under it the excerpt, indented, if there is one."""
        return "\n".join([str(self), *(f"    {line}" for line in self.excerpt.splitlines())])

    def github_annotation(self, level: str = "error") -> str:
        """A GitHub workflow command, one line whatever the path or message holds: a file name with a
        line break or '::' must not start a command of its own (`::stop-commands::` would hide the rest)."""
        return (f"::{level} file={_property(self.path)},line={self.line},title=data check"
                f"::{_message(f'{self.field}: {self.message}')}")


# Escaped as GitHub's own toolkit escapes them (@actions/core, command.ts: escapeData, escapeProperty).
def _message(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(value: str) -> str:
    return _message(value).replace(":", "%3A").replace(",", "%2C")


def field_path(location: tuple) -> str:
    """A location in a file's data as messages name it: ('events', 3, 'date') -> 'events[3].date'."""
    text = ""
    for part in location:
        text += f"[{part}]" if isinstance(part, int) else f".{part}" if text else str(part)
    return text or "(top level)"


class DataError(Exception):
    """Raised once, with every problem found, when data/ does not validate."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(set(problems))
        super().__init__(self.report())

    def report(self) -> str:
        count = len(self.problems)
        noun = "problem" if count == 1 else "problems"
        return "\n".join([f"data/ has {count} {noun}:", *(p.with_excerpt() for p in self.problems)])


def display_path(path: Path, root: Path | None = None) -> str:
    """A path as an editor would type it: relative to the project root when possible."""
    base = (root or Path.cwd()).resolve()
    try:
        return path.resolve().relative_to(base).as_posix()
    except ValueError:
        return path.as_posix()
