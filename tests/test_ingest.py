"""The import command (`python -m hooks.ingest`): seed text in, verbatim article body out."""

from __future__ import annotations

import re
import shutil
import textwrap
from pathlib import Path

import pytest
import yaml

from hooks.ingest import clean, main
from hooks.content.load import load_site
from hooks.content.problems import DataError
from hooks.content.yaml_source import read_text, split_front_matter

ROOT = Path(__file__).resolve().parents[1]
FIXTURE_DATA = ROOT / "tests" / "fixtures" / "minimal" / "data"

# The three source articles as received (copies of ../shared/seeds/): the tests read nothing outside the repository.
SEEDS = ROOT / "tests" / "fixtures" / "seeds"
ARTICLES = sorted((ROOT / "data" / "articles").glob("*.md"))


def front_and_body(path: Path) -> tuple[dict, str]:
    """An article's front matter, and its body without the blank line that follows the front matter."""
    front, body, _ = split_front_matter(read_text(path))
    assert body.startswith("\n") and not body.startswith("\n\n"), f"{path}: one blank line should follow '---'"
    return yaml.safe_load(front), body[1:]


def seed_of(article: Path) -> Path:
    assert SEEDS.is_dir(), f"the seed folder {SEEDS} is missing; the import tests need the three seed articles"
    front, _ = front_and_body(article)
    seed = SEEDS / Path(front["source_file"]).name
    assert seed.is_file(), f"{article.name}: source_file {front['source_file']!r} is not in {SEEDS}"
    return seed


def import_into(data_dir: Path, seed: Path, article_id: str, capsys: pytest.CaptureFixture) -> tuple[int, str, str]:
    """Import as an editor does: the seed saved in the repository's seeds/ folder first."""
    root = data_dir.parent
    if not seed.resolve().is_relative_to(root.resolve()):
        (root / "seeds").mkdir(parents=True, exist_ok=True)
        seed = Path(shutil.copy(seed, root / "seeds" / seed.name))
    code = main([str(seed), "--id", article_id, "--data", str(data_dir)])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def words(text: str) -> list[str]:
    return text.split()


def test_every_seed_has_its_article() -> None:
    assert SEEDS.is_dir(), f"the seed folder {SEEDS} is missing; the import tests need the three seed articles"
    seeds = sorted(path.name for path in SEEDS.glob("*.txt"))
    assert seeds, f"no seed files in {SEEDS}"
    imported = sorted(seed_of(article).name for article in ARTICLES)
    assert imported == seeds, "each seed should be imported exactly once as data/articles/<id>.md"


@pytest.mark.parametrize("article", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_import_reproduces_the_checked_in_body(tmp_path: Path, article: Path, capsys) -> None:
    seed = seed_of(article)
    code, out, err = import_into(tmp_path / "data", seed, article.stem, capsys)
    assert code == 0, err
    written = tmp_path / "data" / "articles" / article.name
    assert f"wrote {written}" in out
    imported_front, imported_body = front_and_body(written)
    checked_in_front, checked_in_body = front_and_body(article)
    assert imported_body == checked_in_body
    assert imported_front["source_file"] == checked_in_front["source_file"]


@pytest.mark.parametrize("article", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_the_body_is_the_seed_verbatim_minus_boilerplate(article: Path) -> None:
    seed_text = read_text(seed_of(article))
    cleaned = clean(seed_text)
    kept = [line for line in seed_text.split("\n") if line.strip() and " ".join(line.split()) not in cleaned.removed]
    body_words = [word for word in words(cleaned.body()) if word != "##"]
    assert body_words == words("\n".join(kept)), "words were lost, added or reordered"


@pytest.mark.parametrize("article", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_crlf_and_trailing_blank_lines_give_the_same_body(article: Path) -> None:
    seed_text = read_text(seed_of(article))
    _, checked_in_body = front_and_body(article)
    variants = {
        "crlf": seed_text.replace("\n", "\r\n"),
        "trailing blank lines": seed_text.rstrip("\n") + "\n\n\n   \n\t\n",
        "crlf and trailing blank lines": seed_text.replace("\n", "\r\n") + "\r\n\r\n\r\n",
        "byte order mark": "\ufeff" + seed_text,
    }
    for name, text in variants.items():
        assert clean(text).body() == checked_in_body, name


def test_crlf_file_on_disk_gives_the_same_body(tmp_path: Path, capsys) -> None:
    article = ARTICLES[0]
    seed = tmp_path / "seeds" / seed_of(article).name
    seed.parent.mkdir()
    seed.write_bytes(seed_of(article).read_bytes().replace(b"\n", b"\r\n") + b"\r\n\r\n")
    code, _, err = import_into(tmp_path / "data", seed, article.stem, capsys)
    assert code == 0, err
    assert front_and_body(tmp_path / "data" / "articles" / article.name)[1] == front_and_body(article)[1]


def hard_wrap(paragraph: str, width: int) -> str:
    """Break a paragraph into lines of at most `width` characters, as an e-mail or a text editor does."""
    return "\n".join(textwrap.wrap(paragraph, width, break_long_words=False, break_on_hyphens=False))


def test_a_hard_wrapped_paragraph_is_joined_into_one() -> None:
    text = ("Example Minister Kim said on Monday that the two\n"
            "sides had agreed to keep talking, and that a ferry\n"
            "route between the fictional ports would be studied.\n"
            "\n"
            "The next meeting is due later this month.\n")
    cleaned = clean(text)
    assert cleaned.blocks == [
        ("paragraph", "Example Minister Kim said on Monday that the two sides had agreed to keep talking, "
                      "and that a ferry route between the fictional ports would be studied."),
        ("paragraph", "The next meeting is due later this month."),
    ]


@pytest.mark.parametrize("article", ARTICLES, ids=[path.stem for path in ARTICLES])
@pytest.mark.parametrize("width", [50, 60, 72, 80])
def test_hard_wrapping_a_seed_changes_nothing(article: Path, width: int) -> None:
    _, checked_in_body = front_and_body(article)
    blocks = checked_in_body.strip("\n").split("\n\n")
    wrapped = "\n\n".join(block if block.startswith("## ") else hard_wrap(block, width) for block in blocks)
    wrapped = wrapped.replace("## ", "")
    assert wrapped.count("\n") > checked_in_body.count("\n"), "the wrap should add line breaks"
    assert clean(wrapped).body() == checked_in_body


def test_boilerplate_lines_are_removed_and_reported(tmp_path: Path, capsys) -> None:
    text = ("Share this article\n"
            "Example Minister Kim met Example Minister Wang on Monday.\n"
            "\n"
            "ADVERTISEMENT\n"
            "The two sides agreed to keep talking.\n"
            "\n"
            "Comments are closed.\n")
    cleaned = clean(text)
    assert cleaned.removed == ["Share this article", "ADVERTISEMENT", "Comments are closed."]
    assert cleaned.body() == ("Example Minister Kim met Example Minister Wang on Monday.\n\n"
                              "The two sides agreed to keep talking.\n")

    source = tmp_path / "example.txt"
    source.write_text(text, encoding="utf-8")
    code, out, err = import_into(tmp_path / "data", source, "example-import", capsys)
    assert code == 0, err
    for line in cleaned.removed:
        assert f"removed boilerplate line: {line!r}" in out


@pytest.mark.parametrize("article", ARTICLES, ids=[path.stem for path in ARTICLES])
def test_seed_boilerplate_is_reported_and_gone(article: Path, tmp_path: Path, capsys) -> None:
    seed = seed_of(article)
    code, out, err = import_into(tmp_path / "data", seed, article.stem, capsys)
    assert code == 0, err
    _, body = front_and_body(tmp_path / "data" / "articles" / article.name)
    reported = re.findall(r"removed boilerplate line: '(.*)'", out)
    seed_lines = {" ".join(line.split()) for line in read_text(seed).split("\n")}
    for line in reported:
        assert line in seed_lines
        assert line not in body
    for phrase in ("Comments are closed.", "The latest news in your social feeds",
                   "Subscribe to our social media platforms to stay tuned"):
        assert (phrase in seed_lines) == (phrase in reported), phrase


def test_section_headings_become_heading_blocks() -> None:
    seed = SEEDS / "002_561da29397c68bd6.txt"
    assert seed.is_file(), f"{seed} is missing"
    cleaned = clean(read_text(seed))
    headings = [text for kind, text in cleaned.blocks if kind == "heading"]
    assert headings == ["Why It Matters", "What’s Next"]
    body = cleaned.body()
    assert "\n\n## Why It Matters\n\n" in body
    assert "\n\n## What’s Next\n\n" in body


def test_a_heading_in_a_one_paragraph_per_line_source() -> None:
    text = ("Example Minister Kim met Example Minister Wang on Monday.\n"
            "Why It Matters\n"
            "The fictional ferry route would link two example ports.\n")
    assert clean(text).blocks == [
        ("paragraph", "Example Minister Kim met Example Minister Wang on Monday."),
        ("heading", "Why It Matters"),
        ("paragraph", "The fictional ferry route would link two example ports."),
    ]


def test_one_paragraph_per_line_source_keeps_its_paragraphs() -> None:
    seed = SEEDS / "001_ddb7fcaa2d8bf78e.txt"
    assert seed.is_file(), f"{seed} is missing"
    text = read_text(seed)
    lines = [line for line in text.split("\n") if line.strip()]
    cleaned = clean(text)
    paragraphs = [text for kind, text in cleaned.blocks if kind == "paragraph"]
    assert paragraphs == [" ".join(line.split()) for line in lines if " ".join(line.split()) not in cleaned.removed]


def test_import_writes_a_skeleton_that_check_reports_until_filled(tmp_path: Path, capsys) -> None:
    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    seed = seed_of(ARTICLES[0])
    code, out, err = import_into(data, seed, "example-import", capsys)
    assert code == 0, err
    target = data / "articles" / "example-import.md"
    front, body = front_and_body(target)
    assert front["source_file"] == f"seeds/{seed.name}"
    assert front["publisher"] is None and front["url"] is None  # never invented
    assert {front[key] for key in ("title", "summary", "published", "date_basis")} == {""}
    assert "Now fill in title, summary, published, date_basis" in out

    with pytest.raises(DataError) as caught:
        load_site(data)
    fields = {problem.field for problem in caught.value.problems if problem.path == "data/articles/example-import.md"}
    assert fields == {"title", "summary", "published", "date_basis"}


def test_import_refuses_to_overwrite(tmp_path: Path, capsys) -> None:
    seed = seed_of(ARTICLES[0])
    code, _, err = import_into(tmp_path / "data", seed, "example-import", capsys)
    assert code == 0, err
    target = tmp_path / "data" / "articles" / "example-import.md"
    edited = target.read_bytes().replace(b'title: ""', b"title: An editor's title", 1)
    edited = edited.replace(b"title: ''", b"title: An editor's title", 1)
    assert edited != target.read_bytes()
    target.write_bytes(edited)

    code, out, err = import_into(tmp_path / "data", seed, "example-import", capsys)
    assert code == 1
    assert "already exists; not overwritten" in err
    assert target.read_bytes() == edited


def test_import_without_an_id_derives_one(tmp_path: Path, capsys) -> None:
    source = tmp_path / "example.txt"
    source.write_text("Example Minister Kim met Example Minister Wang on Monday.\n", encoding="utf-8")
    assert main([str(source), "--data", str(tmp_path / "data")]) == 0
    assert [path.name for path in (tmp_path / "data" / "articles").iterdir()] == [
        "example-minister-kim-met-example-minister.md"]
    capsys.readouterr()


@pytest.mark.parametrize(("content", "args", "says"), [
    (b"Example text.\n", ["--id", "Not A Slug"], "expected lowercase a-z"),
    (b"Example \xe9 text.\n", [], "not UTF-8"),
    (b"Comments are closed.\n\n\n", [], "no article text found"),
    (None, [], "cannot read"),
])
def test_import_errors_are_messages_not_tracebacks(tmp_path: Path, capsys, content, args, says) -> None:
    source = tmp_path / "example.txt"
    if content is not None:
        source.write_bytes(content)
    assert main([str(source), "--data", str(tmp_path / "data"), *args]) == 1
    assert says in capsys.readouterr().err
    assert not (tmp_path / "data" / "articles").exists()


HEADLINED = ("Example ministers agree to study a harbour ferry\n"
             "\n"
             "Example Minister Kim met Example Minister Wang on Monday in the fictional port.\n"
             "\n"
             "The two sides agreed to keep talking.\n")


def test_a_headline_line_is_offered_as_the_title_not_paragraph_1(tmp_path: Path, capsys) -> None:
    cleaned = clean(HEADLINED)
    assert cleaned.headline == "Example ministers agree to study a harbour ferry"
    assert cleaned.blocks[0] == ("paragraph", "Example Minister Kim met Example Minister Wang on Monday in the fictional port.")

    data = tmp_path / "data"
    shutil.copytree(FIXTURE_DATA, data)
    source = tmp_path / "seeds" / "headlined.txt"
    source.parent.mkdir()
    source.write_text(HEADLINED, encoding="utf-8")
    assert main([str(source), "--id", "example-import", "--data", str(data)]) == 0
    assert "headline line offered as the title (not paragraph 1): 'Example ministers agree" in capsys.readouterr().out
    front, body = front_and_body(data / "articles" / "example-import.md")
    assert front["title"] == "Example ministers agree to study a harbour ferry"
    assert body.startswith("Example Minister Kim met")
    with pytest.raises(DataError) as caught:
        load_site(data)
    assert {problem.field for problem in caught.value.problems} == {"summary", "published", "date_basis"}


@pytest.mark.parametrize("text", [
    # one paragraph a line: the headline is followed by a paragraph-long line
    "Example ministers agree to study a harbour ferry\n"
    "Example Minister Kim met Example Minister Wang on Monday in the fictional port, where they spoke for hours.\n",
    "\ufeffExample ministers agree to study a harbour ferry\r\n\r\n\r\nThe two sides agreed to keep talking.\r\n",
])
def test_a_headline_line_in_other_layouts(text: str) -> None:
    assert clean(text).headline == "Example ministers agree to study a harbour ferry"


@pytest.mark.parametrize("text", [
    "The two sides agreed to keep talking.\n\nThey met on Monday.\n",  # a sentence: paragraph 1
    "Example Minister Kim said on Monday that the two\nsides had agreed to keep talking.\n\nMore.\n",  # a wrapped paragraph
    "Example ministers agree to study a harbour ferry\n",  # nothing follows it
    "example ministers agree\n\nThe two sides agreed to keep talking.\n",  # no capital
    " ".join(["Word"] * 25) + "\n\nThe two sides agreed to keep talking.\n",  # too long for a headline
])
def test_text_that_is_not_a_headline_stays_in_the_body(text: str) -> None:
    assert clean(text).headline is None


def test_the_seeds_have_no_headline_line() -> None:
    """The three seeds open with a sentence: all of it stays paragraph 1 (their bodies are checked in)."""
    for seed in sorted(SEEDS.glob("*.txt")):
        assert clean(read_text(seed)).headline is None, seed.name


def test_source_file_is_the_path_from_the_repository_root(tmp_path: Path, capsys) -> None:
    source = tmp_path / "seeds" / "2026" / "example.txt"
    source.parent.mkdir(parents=True)
    source.write_text("Example Minister Kim met Example Minister Wang on Monday.\n", encoding="utf-8")
    assert main([str(source), "--id", "example-import", "--data", str(tmp_path / "data")]) == 0
    front, _ = front_and_body(tmp_path / "data" / "articles" / "example-import.md")
    assert front["source_file"] == "seeds/2026/example.txt"
    capsys.readouterr()


def test_a_source_outside_the_repository_is_refused_with_advice(tmp_path: Path, capsys) -> None:
    source = tmp_path / "elsewhere" / "example.txt"
    source.parent.mkdir()
    source.write_text("Example Minister Kim met Example Minister Wang on Monday.\n", encoding="utf-8")
    assert main([str(source), "--data", str(tmp_path / "repository" / "data")]) == 1
    assert "is outside the repository" in capsys.readouterr().err
    assert not (tmp_path / "repository" / "data").exists()


def test_a_known_date_gives_a_dated_id_and_fills_published(tmp_path: Path, capsys) -> None:
    source = tmp_path / "headlined.txt"
    source.write_text(HEADLINED, encoding="utf-8")
    assert main([str(source), "--date", "2029-06-04", "--data", str(tmp_path / "data")]) == 0
    target = tmp_path / "data" / "articles" / "2029-06-example-ministers-agree-to-study-a.md"
    front, _ = front_and_body(target)
    assert front["published"] == "2029-06-04"
    # Without a date the id is undated, and the editor is told how to date it.
    assert main([str(source), "--data", str(tmp_path / "data")]) == 0
    assert "pass --date 2024-05" in capsys.readouterr().out
    assert (tmp_path / "data" / "articles" / "example-ministers-agree-to-study-a.md").is_file()
    # The dated id exists now: a second import is refused, not overwritten.
    assert main([str(source), "--date", "2029-06-04", "--data", str(tmp_path / "data")]) == 1
    assert "already exists; not overwritten" in capsys.readouterr().err


def test_a_malformed_date_is_a_message(tmp_path: Path, capsys) -> None:
    source = tmp_path / "example.txt"
    source.write_text("Example text.\n", encoding="utf-8")
    assert main([str(source), "--date", "4 June 2029", "--data", str(tmp_path / "data")]) == 1
    assert capsys.readouterr().err.startswith("--date: ")
    assert not (tmp_path / "data").exists()


def test_every_front_matter_field_is_written_under_its_hint(tmp_path: Path, capsys) -> None:
    from hooks.content.model import ArticleMeta

    source = tmp_path / "example.txt"
    source.write_text("Example Minister Kim met Example Minister Wang on Monday.\n", encoding="utf-8")
    assert main([str(source), "--id", "example-import", "--data", str(tmp_path / "data")]) == 0
    target = tmp_path / "data" / "articles" / "example-import.md"
    front_text, _, _ = split_front_matter(read_text(target))
    assert list(yaml.safe_load(front_text)) == list(ArticleMeta.model_fields)
    lines = front_text.splitlines()
    for name, field in ArticleMeta.model_fields.items():
        at = next(index for index, line in enumerate(lines) if line.startswith(f"{name}: "))
        assert lines[at - 1] == f"# {name}: {field.description}"
    capsys.readouterr()


def test_a_dangling_link_at_the_target_is_not_followed(tmp_path: Path, capsys) -> None:
    """issue 22 item 9: a link planted at data/articles/<id>.md must not make the import write elsewhere."""
    outside = tmp_path / "outside" / "planted.md"
    outside.parent.mkdir()
    articles = tmp_path / "data" / "articles"
    articles.mkdir(parents=True)
    (articles / "example-import.md").symlink_to(outside)
    source = tmp_path / "example.txt"
    source.write_text("Example Minister Kim met Example Minister Wang on Monday.\n", encoding="utf-8")
    assert main([str(source), "--id", "example-import", "--data", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert "is a link" in err and "nothing written" in err and "Traceback" not in err
    assert not outside.exists()


def test_an_articles_folder_linked_outside_the_repository_is_refused(tmp_path: Path, capsys) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "articles").symlink_to(outside)
    source = tmp_path / "example.txt"
    source.write_text("Example Minister Kim met Example Minister Wang on Monday.\n", encoding="utf-8")
    assert main([str(source), "--id", "example-import", "--data", str(tmp_path / "data")]) == 1
    assert "refusing to write outside the repository" in capsys.readouterr().err
    assert list(outside.iterdir()) == []


def test_an_overlong_id_is_a_message_not_a_traceback(tmp_path: Path, capsys) -> None:
    """issue 22 item 5: `--id` of 300 characters (the file name would be too long for the file system)."""
    from hooks.content.model import MAX_SLUG_LENGTH

    source = tmp_path / "example.txt"
    source.write_text("Example text.\n", encoding="utf-8")
    assert main([str(source), "--id", "a" * 300, "--data", str(tmp_path / "data")]) == 1
    err = capsys.readouterr().err
    assert f"--id is 300 characters long; an id is at most {MAX_SLUG_LENGTH}" in err
    assert not (tmp_path / "data").exists()
    # A derived id is cut to fit, at a word.
    source.write_text(" ".join(["Extraordinarily"] * 6) + " long opening sentence.\n", encoding="utf-8")
    assert main([str(source), "--date", "2029-06", "--data", str(tmp_path / "data")]) == 0
    (written,) = (tmp_path / "data" / "articles").iterdir()
    assert len(written.stem) <= MAX_SLUG_LENGTH and written.stem.startswith("2029-06-extraordinarily")
    capsys.readouterr()
