"""data/README.md's field tables, written from the models' field descriptions (as the editor schemas are),
so the documentation cannot drift from what the loader accepts.

A table sits between `<!-- fields: Model -->` and `<!-- end fields -->`; `make schemas` rewrites what
is between them and leaves the prose around them alone.
"""

from __future__ import annotations

import re
import typing

from annotated_types import MinLen
from pydantic import BaseModel
from pydantic.fields import FieldInfo

from hooks.content import model
from hooks.content.dates import EdtfDate

MARKED = re.compile(r"(<!-- fields: (?P<name>\w+) -->\n).*?(?=<!-- end fields -->)", re.DOTALL)


def fill(readme: str) -> str:
    """The README with each marked table written afresh from its model."""
    def table_for(match: re.Match) -> str:
        found = getattr(model, match["name"], None)
        if not (isinstance(found, type) and issubclass(found, BaseModel)):
            raise ValueError(f"data/README.md: <!-- fields: {match['name']} --> names no model in hooks/content/model.py")
        return match[1] + table(found)
    return MARKED.sub(table_for, readme)


def table(of: type[BaseModel]) -> str:
    rows = ["| field | required | meaning |", "|---|---|---|"]
    rows += [f"| `{name}` | {_required(field)} | {field.description}{' (see Dates)' if _is_date(field.annotation) else ''} |"
             for name, field in of.model_fields.items()]
    return "\n".join(rows) + "\n"


def _is_date(annotation: object) -> bool:
    return annotation is EdtfDate or any(_is_date(argument) for argument in typing.get_args(annotation))


def _required(field: FieldInfo) -> str:
    nullable = type(None) in typing.get_args(field.annotation)
    if not field.is_required():
        default = field.get_default(call_default_factory=False)
        return f"no (default `{default}`)" if isinstance(default, str) else "no"
    if any(isinstance(rule, MinLen) and rule.min_length > 0 for rule in field.metadata):
        return "yes, ≥ 1"
    return "yes, may be `null`" if nullable else "yes"
