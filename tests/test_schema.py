"""The editor schemas (schemas/*.schema.json): current, valid, accepting today's data, flagging the
mistakes a single file shows, and wired for YAML language servers."""

from __future__ import annotations

import fnmatch
import json
import re
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from hooks.content.dates import parse_date
from hooks.schema import render_schemas
from hooks.content.yaml_source import parse_yaml, read_text, split_front_matter
from tests.mistakes import MINIMAL, ROOT, data_with_mistake

SCHEMAS = ROOT / "schemas"
SCHEMA_OF = {"articles": "article", "timelines": "timeline", "people.yml": "people", "topics.yml": "topics",
             "glossary.yml": "glossary", "references.yml": "references"}


def validator(name: str) -> Draft7Validator:
    return Draft7Validator(json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")))


def data_files(data: Path) -> list[tuple[Path, str]]:
    """Every data file with the schema that describes it."""
    files = [(data / name, schema) for name, schema in SCHEMA_OF.items() if name.endswith(".yml")]
    files += [(path, "article") for path in sorted((data / "articles").glob("*.md"))]
    files += [(path, "timeline") for path in sorted((data / "timelines").glob("*.yml"))]
    return files


def as_editor_sees(path: Path):
    """The YAML a language server validates: the whole file, or an article's front matter."""
    text = read_text(path)
    if path.suffix == ".md":
        text, _, _ = split_front_matter(text)
    return parse_yaml(text).data


def problems(path: Path, schema: str) -> list[str]:
    errors = validator(schema).iter_errors(as_editor_sees(path))
    return sorted("/".join(map(str, error.absolute_path)) + ": " + error.message for error in errors)


def test_schema_files_are_current():
    """After changing hooks/content/model.py, run `python -m hooks.schema` and commit schemas/."""
    expected = render_schemas()
    on_disk = {path.name: path.read_text(encoding="utf-8") for path in SCHEMAS.glob("*.json")}
    assert sorted(on_disk) == sorted(expected)
    stale = [name for name, text in expected.items() if on_disk[name] != text]
    assert not stale, f"stale: {stale}; run `python -m hooks.schema`"


@pytest.mark.parametrize("name", sorted(SCHEMA_OF.values()))
def test_schemas_are_valid_and_show_dates_ids_and_choices(name: str):
    schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
    Draft7Validator.check_schema(schema)
    text = json.dumps(schema)
    assert '"additionalProperties": false' in text  # misspelt fields are flagged
    assert '"pattern": "^[a-z0-9]+(?:-[a-z0-9]+)*$"' in text or name == "article"  # ids
    if name in ("article", "timeline", "people", "references"):
        assert "a date with its precision" in text
    if name == "timeline":
        assert '"enum": ["confirmed", "reported", "scheduled"]' in text
    if name == "people":
        assert '"enum": ["ko", "zh", "ja", "en"]' in text


def test_patterns_are_regexes_editors_can_run():
    """Language servers run JavaScript regexes (with the u flag), not Python's: no `(?P<name>`."""
    import regress  # the ECMA-262 engine check-jsonschema brings (requirements-test.txt)

    patterns = re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', "".join(render_schemas().values()))
    assert len(patterns) > 10
    for pattern in map(json.loads, patterns):
        regress.Regex(pattern, "u")  # raises on a pattern JavaScript would reject


@pytest.mark.parametrize("data", [ROOT / "data", MINIMAL], ids=["real", "minimal"])
def test_schemas_accept_todays_data(data: Path):
    checked = data_files(data)
    assert len(checked) > 5
    for path, schema in checked:
        assert problems(path, schema) == [], path


# The mistakes a schema can see in one file (the cross-file ones, like an unknown person or a
# quote that is not in the article, only `make check` can find).
FLAGGED = {
    "bad-date": ("timelines/example-relations.yml", "events/1/date: '2030-3-4' is not valid"),
    "unknown-status": ("timelines/example-relations.yml", "events/0/status: 'rumoured' is not one of"),
    "misspelt-field": ("timelines/example-relations.yml", "events/1: Additional properties are not allowed "
                                                         "('sumary' was unexpected)"),
    "empty-field-after-import": ("articles/example-harbour-talks.md", "title: '' does not match"),
    "unknown-lanes": ("timelines/example-relations.yml", "lanes: 'person' is not one of"),
}


@pytest.mark.parametrize("mistake", sorted(FLAGGED))
def test_schemas_flag_the_mistakes_one_file_shows(mistake: str, tmp_path: Path):
    data = data_with_mistake(mistake, tmp_path)
    file_name, expected = FLAGGED[mistake]
    schema = SCHEMA_OF["articles" if file_name.startswith("articles/") else "timelines"]
    found = problems(data / file_name, schema)
    assert any(problem.startswith(expected) for problem in found), found


@pytest.mark.parametrize("text", ["2024", "2024-05", "2024-05-13", "2026-01~", "2026-01?", "2026-01%",
                                  "2024-05-26/2024-05-27", "2017~/2019"])
def test_date_hint_accepts_what_the_loader_accepts(text: str):
    parse_date(text)
    assert not list(validator("timeline").iter_errors(
        {"title": "t", "intro": "i", "events": [{"id": "e", "date": text, "headline": "h", "summary": "s",
                                                 "sources": ["r"]}]}))


@pytest.mark.parametrize("text", ["2024-5", "13 May 2024", "2024-13", "2024-05-32", "2024/05/13", "c. 2017"])
def test_date_hint_flags_what_the_loader_refuses(text: str):
    with pytest.raises(ValueError):
        parse_date(text)
    assert list(validator("timeline").iter_errors(
        {"title": "t", "intro": "i", "events": [{"id": "e", "date": text, "headline": "h", "summary": "s",
                                                 "sources": ["r"]}]}))


def test_vscode_maps_each_yaml_file_to_its_schema():
    mapping = json.loads((ROOT / ".vscode" / "settings.json").read_text(encoding="utf-8"))["yaml.schemas"]
    yaml_files = [path for path, schema in data_files(ROOT / "data") if path.suffix == ".yml"]
    for path in yaml_files:
        relative = path.relative_to(ROOT).as_posix()
        matches = [schema for schema, glob in mapping.items() if fnmatch.fnmatch(relative, glob)]
        expected = SCHEMA_OF["timelines" if relative.startswith("data/timelines/") else path.name]
        assert matches == [f"./schemas/{expected}.schema.json"], relative
    for schema in mapping:
        assert (ROOT / schema).is_file()
