"""Import a source article: `python -m hooks.ingest path/to/article.txt [--id ID]`.

Writes data/articles/<id>.md with the body cleaned but verbatim (paragraphs one per block, section
headings marked '## ', share prompts and "Comments are closed." removed) and a front-matter
skeleton whose empty fields `make check` reports until an editor fills them. Never overwrites.
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from pathlib import Path

import yaml

from hooks.content.fingerprints import field_yaml
from hooks.content.load import parse_body
from hooks.content.model import SLUG
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
WRAP_WIDTH = 100  # hard-wrapped text has lines at most this long; one-paragraph-per-line text rarely does


@dataclass(frozen=True)
class Cleaned:
    blocks: list[tuple[str, str]]  # ("heading" | "paragraph", text)
    removed: list[str]  # boilerplate lines dropped, shown to the editor

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
    # In a source that separates paragraphs by blank lines, a group of short lines is one hard-wrapped
    # paragraph, even where a line happens to end a sentence or looks like a heading.
    wrapped = len(groups) > 1
    paragraphs = [paragraph for group in groups for paragraph in (
        [" ".join(group)] if wrapped and all(len(line) <= WRAP_WIDTH for line in group[:-1]) else _paragraphs(group))]
    blocks = []
    for index, paragraph in enumerate(paragraphs):
        is_last = index == len(paragraphs) - 1
        blocks.append(("heading" if not is_last and _looks_like_heading(paragraph) else "paragraph", paragraph))
    return Cleaned(blocks, removed)


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


def front_matter_skeleton(source_file: str) -> dict:
    return {
        "title": "",
        "summary": "",
        "published": "",
        "date_basis": "",
        "publisher": None,
        "url": None,
        "source_file": source_file,
        "language": "en",
        "people": [],
        "topics": [],
    }


def render_article(front_matter: dict, cleaned: Cleaned) -> str:
    yaml_text = yaml.safe_dump(front_matter, sort_keys=False, allow_unicode=True, width=1000)
    body = cleaned.body()
    # The paragraphs as the site will number them, recorded so that a renumbering is noticed.
    paragraphs = [block.text for block in parse_body(body, 1) if block.kind == "paragraph"]
    return f"---\n{yaml_text}{field_yaml(paragraphs)}---\n\n{body}"


def default_id(cleaned: Cleaned) -> str:
    first = next(text for kind, text in cleaned.blocks if kind == "paragraph")
    words = re.findall(r"[a-z0-9]+", first.lower())[:6]
    return "-".join(words) or "article"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("source", type=Path, help="the article as a UTF-8 text file")
    parser.add_argument("--id", help="the article id (a slug like 2024-05-cho-tae-yul-beijing-talks)")
    parser.add_argument("--data", type=Path, default=Path("data"), help="the data folder (default: data)")
    args = parser.parse_args(argv)
    try:
        cleaned = clean(read_text(args.source))
    except (OSError, SourceError) as error:
        print(f"{args.source}: cannot read: {error}", file=sys.stderr)
        return 1
    if not any(kind == "paragraph" for kind, _ in cleaned.blocks):
        print(f"{args.source}: no article text found", file=sys.stderr)
        return 1
    article_id = args.id or default_id(cleaned)
    if not SLUG.fullmatch(article_id):
        print(f"--id {article_id!r}: expected lowercase a-z, digits and single hyphens", file=sys.stderr)
        return 1
    target = args.data / "articles" / f"{article_id}.md"
    if target.exists():
        print(f"{target}: already exists; not overwritten (choose another --id, or edit the file)", file=sys.stderr)
        return 1
    source_file = f"{args.source.parent.name}/{args.source.name}" if args.source.parent.name else args.source.name
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render_article(front_matter_skeleton(source_file), cleaned), encoding="utf-8")
    paragraphs = sum(kind == "paragraph" for kind, _ in cleaned.blocks)
    headings = len(cleaned.blocks) - paragraphs
    print(f"wrote {target}: {paragraphs} paragraphs, {headings} headings")
    for line in cleaned.removed:
        print(f"  removed boilerplate line: {line!r}")
    print("Now fill in title, summary, published, date_basis, people and topics, then run `make check`.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
