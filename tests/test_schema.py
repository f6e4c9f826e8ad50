"""The editor schemas (schemas/*.schema.json) and data/README.md's field tables: current, valid, describing
every field, completing today's ids, accepting today's data, flagging the mistakes a single file shows
in words (not a regex), and wired for YAML language servers."""

from __future__ import annotations

import fnmatch
import json
import re
import shutil
from pathlib import Path

import pytest
from jsonschema import Draft7Validator

from hooks.content.dates import parse_date
from hooks import schema as schema_command
from hooks.content import model
from hooks.content.load import load_site
from hooks.schema import STALE_ADVICE, known_ids, render_schemas, stale_files
from hooks.content.yaml_source import parse_yaml, read_text, split_front_matter
from tests.mistakes import MINIMAL, ROOT, data_with_mistake

SCHEMAS = ROOT / "schemas"
SCHEMA_OF = {"articles": "article", "timelines": "timeline", "people.yml": "people", "topics.yml": "topics",
             "glossary.yml": "glossary", "references.yml": "references"}


def validator(name: str, data: Path = ROOT / "data") -> Draft7Validator:
    """The schema as `make schemas` writes it for that data/ (the one on disk for the real data)."""
    if data == ROOT / "data":
        return Draft7Validator(json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")))
    return Draft7Validator(json.loads(render_schemas(known_ids(load_site(data)))[f"{name}.schema.json"]))


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


def problems(path: Path, schema: str, data: Path = ROOT / "data") -> list[str]:
    errors = validator(schema, data).iter_errors(as_editor_sees(path))
    return sorted("/".join(map(str, error.absolute_path)) + ": " + error.message for error in errors)


def test_schemas_and_readme_tables_are_current():
    """After changing hooks/content/model.py or adding an id to data/, run `make schemas` and commit."""
    assert sorted(path.name for path in SCHEMAS.glob("*.json")) == sorted(f"{name}.schema.json" for name in SCHEMA_OF.values())
    stale = stale_files(ROOT)
    assert not stale, f"stale: {stale}; {STALE_ADVICE}"


def copy_of_repository(tmp_path: Path) -> Path:
    """What `make schemas` reads and writes: data/ (with its README) and schemas/."""
    shutil.copytree(ROOT / "data", tmp_path / "data")
    shutil.copytree(SCHEMAS, tmp_path / "schemas")
    return tmp_path


def test_a_new_id_in_data_makes_the_schemas_stale_until_make_schemas(tmp_path: Path, capsys):
    root = copy_of_repository(tmp_path)
    assert stale_files(root) == []
    people = root / "data" / "people.yml"
    people.write_text(people.read_text(encoding="utf-8") + """
- id: example-new-person
  name: Example New Person
  native_name: 예시
  native_lang: ko
  country: kr
""", encoding="utf-8")
    assert set(stale_files(root)) == {f"schemas/{name}.schema.json" for name in ("article", "timeline")}
    assert schema_command.main(["--root", str(root), "--check"]) == 1
    assert "schemas/timeline.schema.json: stale; run `make schemas`" in capsys.readouterr().err

    assert schema_command.main(["--root", str(root)]) == 0
    assert stale_files(root) == []
    timeline = json.loads((root / "schemas" / "timeline.schema.json").read_text(encoding="utf-8"))
    assert "example-new-person" in timeline["definitions"]["people-id"]["enum"]


def test_an_edited_readme_table_is_stale_and_make_schemas_restores_it(tmp_path: Path):
    root = copy_of_repository(tmp_path)
    readme = root / "data" / "README.md"
    original = readme.read_text(encoding="utf-8")
    readme.write_text(original.replace("| `headline` | yes |", "| `headline` | no |", 1), encoding="utf-8")
    assert stale_files(root) == ["data/README.md"]
    assert schema_command.main(["--root", str(root)]) == 0
    assert readme.read_text(encoding="utf-8") == original


def test_every_field_of_the_model_is_described_in_the_readme_and_the_schemas():
    readme = (ROOT / "data" / "README.md").read_text(encoding="utf-8")
    described = 0
    for name in SCHEMA_OF.values():
        schema = json.loads((SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8"))
        objects = [schema, *schema.get("definitions", {}).values(), schema.get("items", {})]
        for node in objects:
            for field, about in node.get("properties", {}).items():
                assert about.get("description") and about.get("markdownDescription"), f"{name}: {field}"
                described += 1
    models = [value for value in vars(model).values()
              if isinstance(value, type) and issubclass(value, model.Strict) and value is not model.Strict]
    fields = [(kind.__name__, name, field) for kind in models for name, field in kind.model_fields.items()]
    assert len(fields) >= 61 and described >= 61
    for kind, name, field in fields:
        assert field.description, f"{kind}.{name} has no description"
        assert f"| `{name}` |" in readme and field.description in readme, f"{kind}.{name} is not in data/README.md"
    assert '"title": "Date"' not in "".join(render_schemas(known_ids(load_site(ROOT / "data"))).values())


def test_date_id_and_text_patterns_come_with_words_for_the_editor():
    """yaml-language-server shows `patternErrorMessage`; without it an editor sees a raw regex."""
    for name in SCHEMA_OF.values():
        text = (SCHEMAS / f"{name}.schema.json").read_text(encoding="utf-8")
        nodes = [node for node in _nodes(json.loads(text)) if "pattern" in node]
        assert nodes
        for node in nodes:
            assert node.get("patternErrorMessage"), f"{name}: pattern {node['pattern']} has no message"
    timeline = json.loads((SCHEMAS / "timeline.schema.json").read_text(encoding="utf-8"))
    date = timeline["definitions"]["Event"]["properties"]["date"]
    assert date["errorMessage"].startswith('not a date: expected a date with its precision, quoted: "2024-05-13"')
    assert '"2024-05-13"' in date["markdownDescription"]


def _nodes(node):
    if isinstance(node, dict):
        yield node
        for key, value in node.items():
            if key != "properties":
                yield from _nodes(value)
            else:
                for field in value.values():
                    yield from _nodes(field)
    elif isinstance(node, list):
        for value in node:
            yield from _nodes(value)


def test_person_topic_reference_and_paragraph_ids_complete_with_what_they_are():
    timeline = json.loads((SCHEMAS / "timeline.schema.json").read_text(encoding="utf-8"))
    definitions = timeline["definitions"]

    def described(kind: str) -> dict[str, str]:
        ids = definitions[f"{kind}-id"]
        return dict(zip(ids["enum"], ids["enumDescriptions"], strict=True))

    assert described("people")["cho-tae-yul"] == "Cho Tae-yul (조태열)"
    assert described("topics")["north-korea"]
    sources = described("sources")
    assert sources["2024-05-cho-tae-yul-beijing-talks#p2"].startswith(
        "South Korean and Chinese foreign ministers hold first Beijing talks in over six years, ¶2: China’s top")
    site = load_site(ROOT / "data")
    assert set(described("people")) == set(site.people) and set(described("topics")) == set(site.topics)
    assert set(site.references) < set(sources)
    assert "run `make schemas`" in definitions["people-id"]["errorMessage"]
    actors = definitions["Event"]["properties"]["actors"]
    assert actors["items"] == {"allOf": [{"$ref": "#/definitions/people-id"}]}


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

    schemas = render_schemas(known_ids(load_site(ROOT / "data")))
    patterns = re.findall(r'"pattern": ("(?:[^"\\]|\\.)*")', "".join(schemas.values()))
    assert len(patterns) > 10
    for pattern in map(json.loads, patterns):
        regress.Regex(pattern, "u")  # raises on a pattern JavaScript would reject


@pytest.mark.parametrize("data", [ROOT / "data", MINIMAL], ids=["real", "minimal"])
def test_schemas_accept_todays_data(data: Path):
    checked = data_files(data)
    assert len(checked) > 5
    for path, schema in checked:
        assert problems(path, schema, data) == [], path


# The mistakes a schema can see in one file (the cross-file ones, like an unknown person or a
# quote that is not in the article, only `make check` can find).
FLAGGED = {
    "bad-date": ("timelines/example-relations.yml", "events/1/date: '2030-3-4' does not match"),
    "unknown-status": ("timelines/example-relations.yml", "events/0/status: 'rumoured' is not one of"),
    "misspelt-field": ("timelines/example-relations.yml", "events/1: Additional properties are not allowed "
                                                         "('sumary' was unexpected)"),
    "empty-field-after-import": ("articles/example-harbour-talks.md", "title: '' does not match"),
    "unknown-person": ("timelines/example-relations.yml", "events/1/actors/1: 'example-minister-wong' is not one of"),
    "unknown-lanes": ("timelines/example-relations.yml", "lanes: 'person' is not one of"),
}


@pytest.mark.parametrize("mistake", sorted(FLAGGED))
def test_schemas_flag_the_mistakes_one_file_shows(mistake: str, tmp_path: Path):
    data = data_with_mistake(mistake, tmp_path)
    file_name, expected = FLAGGED[mistake]
    schema = SCHEMA_OF["articles" if file_name.startswith("articles/") else "timelines"]
    found = problems(data / file_name, schema, MINIMAL)
    assert any(problem.startswith(expected) for problem in found), found


@pytest.mark.parametrize("text", ["2024", "2024-05", "2024-05-13", "2026-01~", "2026-01?", "2026-01%",
                                  "2024-05-26/2024-05-27", "2017~/2019"])
def test_date_hint_accepts_what_the_loader_accepts(text: str):
    parse_date(text)
    assert not list(validator("timeline").iter_errors(
        {"title": "t", "intro": "i", "events": [{"id": "e", "date": text, "headline": "h", "summary": "s",
                                                 "sources": ["korea-herald-2024-05-10-fm-meeting-beijing"]}]}))


@pytest.mark.parametrize("text", ["2024-5", "13 May 2024", "2024-13", "2024-05-32", "2024/05/13", "c. 2017"])
def test_date_hint_flags_what_the_loader_refuses(text: str):
    with pytest.raises(ValueError):
        parse_date(text)
    assert list(validator("timeline").iter_errors(
        {"title": "t", "intro": "i", "events": [{"id": "e", "date": text, "headline": "h", "summary": "s",
                                                 "sources": ["korea-herald-2024-05-10-fm-meeting-beijing"]}]}))


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
