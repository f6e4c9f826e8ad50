"""Import a source article: `python -m hooks.ingest path/to/article.txt [--date 2024-05] [--id ID]`.

Writes data/articles/<id>.md with the body cleaned but verbatim (paragraphs one per block, section
headings marked '## ', share prompts and "Comments are closed." removed; a headline line offered as the
title) and every front-matter field, each under a comment saying what it takes; the empty ones
`make check` reports until an editor fills them. Never overwrites, never writes through a link.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path

from hooks.content.dates import parse_date
from hooks.content.fingerprints import FIELD, field_yaml
from hooks.content.load import parse_body
from hooks.content.model import MAX_SLUG_LENGTH, SLUG, ArticleMeta
from hooks.content.yaml_source import SourceError, read_text

# Whole lines that are page furniture, not article text (matched case-insensitively).
BOILERPLATE = {
    "comments are closed.",
    "the latest news in your social feeds",
    "subscribe to our social media platforms to stay tuned",
    "share this article",
    "share this story",
    "advertisement",
}
SENTENCE_END = re.compile(r"[.!?:;…”\"’')\]]$")
HEADING_MAX_WORDS = 8
HEADLINE_MAX_WORDS = 20  # "China, South Korea foreign ministers hold first talks in Beijing in six years"
WRAP_WIDTH = 100  # hard-wrapped text has lines at most this long; one-paragraph-per-line text rarely does


@dataclass(frozen=True)
class Cleaned:
    blocks: list[tuple[str, str]]  # ("heading" | "paragraph", text)
    removed: list[str]  # boilerplate lines dropped, shown to the editor
    headline: str | None = None  # the source's own headline line: offered as the title, not paragraph 1

    def body(self) -> str:
        return "\n\n".join(f"## {text}" if kind == "heading" else text for kind, text in self.blocks) + "\n"


def clean(text: str) -> Cleaned:
    """Split raw article text into headings and paragraphs, whatever its line-break style."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    removed = []
    groups: list[list[str]] = [[]]
    for raw_line in text.split("\n"):
        line = " ".join(raw_line.split())  # tabs, non-breaking and repeated spaces -> one space
        if not line:
            groups.append([])
        elif line.lower() in BOILERPLATE:
            removed.append(line)
        else:
            groups[-1].append(line)
    groups = [group for group in groups if group]
    headline = _headline(groups)
    if headline:
        groups = groups[1:] if len(groups[0]) == 1 else [groups[0][1:], *groups[1:]]
    # In a source that separates paragraphs by blank lines, a group of short lines is one hard-wrapped
    # paragraph, even where a line happens to end a sentence or looks like a heading.
    wrapped = len(groups) > 1
    paragraphs = [paragraph for group in groups for paragraph in (
        [" ".join(group)] if wrapped and all(len(line) <= WRAP_WIDTH for line in group[:-1]) else _paragraphs(group))]
    blocks = []
    for index, paragraph in enumerate(paragraphs):
        is_last = index == len(paragraphs) - 1
        blocks.append(("heading" if not is_last and _looks_like_heading(paragraph) else "paragraph", paragraph))
    return Cleaned(blocks, removed, headline)


def _headline(groups: list[list[str]]) -> str | None:
    """The first line, when it reads as a headline: short, without closing punctuation, and set apart
    from the text (a blank line after it, or one paragraph a line after it) with more text to follow."""
    if not groups:
        return None
    first = groups[0][0]
    set_apart = len(groups[0]) == 1 and len(groups) > 1 or len(groups[0]) > 1 and len(groups[0][1]) > WRAP_WIDTH
    words = first.split()
    if set_apart and len(words) <= HEADLINE_MAX_WORDS and first[0].isupper() and not SENTENCE_END.search(first):
        return first
    return None


def _paragraphs(lines: list[str]) -> list[str]:
    """Lines of one blank-line-separated group: a line ending a sentence ends a paragraph
    (one-paragraph-per-line sources); any other line break is a hard wrap inside a paragraph."""
    paragraphs, current = [], []
    for line in lines:
        current.append(line)
        if SENTENCE_END.search(line) or (len(lines) > 1 and _looks_like_heading(line)):
            paragraphs.append(" ".join(current))
            current = []
    if current:
        paragraphs.append(" ".join(current))
    return paragraphs


def _looks_like_heading(line: str) -> bool:
    # "Why It Matters", "What’s Next": short, no closing punctuation, starts with a capital.
    words = line.split()
    return len(words) <= HEADING_MAX_WORDS and line[0].isupper() and not SENTENCE_END.search(line)


def front_matter(cleaned: Cleaned, source_file: str, published: str) -> str:
    """Every front-matter field, each under its meaning (the model's description, as in data/README.md);
    what the source does not say is left empty or null for an editor, never guessed."""
    values = {
        "title": cleaned.headline or "",
        "summary": "",
        "published": published,
        "date_basis": "",
        "publisher": None,
        "url": None,
        "source_file": source_file,
        "language": "en",
        "people": [],
        "topics": [],
        "quotes": [],
        "corrections": [],
        "notes": [],
    }
    # Every field but the paragraphs' fingerprints, which render_article records from the body.
    if [*values, FIELD] != list(ArticleMeta.model_fields):  # a field added to the model must be written here too
        raise RuntimeError(f"hooks/ingest.py writes {[*values, FIELD]}, but an article has {list(ArticleMeta.model_fields)}")
    lines = ["# Fill in every field; `make check` lists what is still missing. data/README.md explains each."]
    for name, value in values.items():
        hint = ArticleMeta.model_fields[name].description
        if name == "title" and cleaned.headline:
            hint = "the source's headline line, offered as the title: keep it or write your own"
        lines += [f"# {name}: {hint}", f"{name}: {json.dumps(value, ensure_ascii=False)}"]
    return "\n".join(lines) + "\n"


def render_article(front: str, cleaned: Cleaned) -> str:
    body = cleaned.body()
    # The paragraphs as the site will number them, recorded so that a renumbering is noticed.
    paragraphs = [block.text for block in parse_body(body, 1) if block.kind == "paragraph"]
    hint = f"# {FIELD}: {ArticleMeta.model_fields[FIELD].description}\n"
    return f"---\n{front}{hint}{field_yaml(paragraphs)}---\n\n{body}"


def default_id(cleaned: Cleaned, published: str = "") -> str:
    """A readable id from the headline (or the first paragraph): 'YYYY-MM-' and a few words when dated."""
    first = cleaned.headline or next(text for kind, text in cleaned.blocks if kind == "paragraph")
    prefix = f"{published[:7]}-" if len(published) >= 7 else f"{published[:4]}-" if published else ""
    words = re.findall(r"[a-z0-9]+", first.lower())[:6]
    slug = prefix + "-".join(words)
    while len(slug) > MAX_SLUG_LENGTH and "-" in slug:
        slug = slug.rsplit("-", 1)[0]
    return slug.strip("-") or "article"


def relative_source(source: Path, root: Path) -> str | None:
    """The source's path from the repository root, as `source_file` records it; None when it is outside."""
    try:
        return source.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return None


def write_new(target: Path, data_dir: Path, text: str) -> str | None:
    """Create target with text; a message saying why not when it exists, is a link, or would land outside
    data_dir. O_EXCL refuses an existing name and O_NOFOLLOW a link, even a dangling one, atomically."""
    articles = target.parent
    if articles.is_symlink() or (articles.exists() and articles.resolve() != data_dir.resolve() / articles.name):
        return f"{articles}: is a link to {articles.resolve()}; refusing to write outside the repository"
    if target.is_symlink():
        return f"{target}: is a link (to {os.readlink(target)}); not followed, nothing written (remove it or choose another --id)"
    try:
        articles.mkdir(parents=True, exist_ok=True)
        descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o644)
    except FileExistsError:
        return f"{target}: already exists; not overwritten (choose another --id, or edit the file)"
    except OSError as error:
        return f"{target}: cannot be written: {error.strerror}"
    with os.fdopen(descriptor, "w", encoding="utf-8") as file:
        file.write(text)
    return None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the article as a UTF-8 text file, inside the repository (seeds/)")
    parser.add_argument("--id", help="the article id (a slug like 2024-05-cho-tae-yul-beijing-talks)")
    parser.add_argument("--date", default="", help="its publication date when known, like 2024-05-13 or 2024-05: "
                        "fills `published` and dates the proposed id")
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: data)")
    args = parser.parse_args(argv)
    if args.date:
        try:
            parse_date(args.date)
        except ValueError as error:
            print(f"--date: {error}", file=sys.stderr)
            return 1
    try:
        cleaned = clean(read_text(args.source))
    except (OSError, SourceError) as error:
        print(f"{args.source}: cannot read: {error}", file=sys.stderr)
        return 1
    if not any(kind == "paragraph" for kind, _ in cleaned.blocks):
        print(f"{args.source}: no article text found", file=sys.stderr)
        return 1
    root = args.data.resolve().parent
    source_file = relative_source(args.source, root)
    if source_file is None:
        print(f"{args.source}: is outside the repository ({root}); copy it into seeds/ first, so that "
              "source_file can say where the text came from", file=sys.stderr)
        return 1
    article_id = args.id or default_id(cleaned, args.date)
    if len(article_id) > MAX_SLUG_LENGTH:
        print(f"--id is {len(article_id)} characters long; an id is at most {MAX_SLUG_LENGTH} "
              "(it is the article's address): choose a few words", file=sys.stderr)
        return 1
    if not SLUG.fullmatch(article_id):
        print(f"--id {article_id!r}: expected lowercase a-z, digits and single hyphens", file=sys.stderr)
        return 1
    target = args.data / "articles" / f"{article_id}.md"
    refused = write_new(target, args.data, render_article(front_matter(cleaned, source_file, args.date), cleaned))
    if refused:
        print(refused, file=sys.stderr)
        return 1
    paragraphs = sum(kind == "paragraph" for kind, _ in cleaned.blocks)
    headings = len(cleaned.blocks) - paragraphs
    print(f"wrote {target}: {paragraphs} paragraphs, {headings} headings")
    if cleaned.headline:
        print(f"  headline line offered as the title (not paragraph 1): {cleaned.headline!r}")
    for line in cleaned.removed:
        print(f"  removed boilerplate line: {line!r}")
    if not args.date and not args.id:
        print("  no --date: the proposed id has no YYYY-MM- prefix; pass --date 2024-05 (or --id) for a dated one")
    print("Now fill in title, summary, published, date_basis, people and topics, then run `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
