"""`python -m hooks.paragraphs data/articles/<id>.md ...`: record each article's paragraphs in its front matter.

Citations name paragraphs by number (`#p7`); the `paragraphs:` field holds a fingerprint of each, in
order, so that `make check` notices when a body's paragraphs are renumbered. The import writes it.
Run this only after a deliberate change to an article's text, once every citation of the paragraphs
that moved is corrected (`make check` names the first one): it records the body as it now is.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hooks.content.fingerprints import FIELD, field_yaml
from hooks.content.load import parse_body
from hooks.content.yaml_source import SourceError, read_text, split_front_matter


def recorded(text: str) -> tuple[str, int]:
    """The article's text with its `paragraphs:` field (re)written from its body (nothing else changes),
    and how many paragraphs it records."""
    front, body, body_line = split_front_matter(text)
    kept, in_field = [], False
    for line in front.split("\n"):
        if line.startswith(f"{FIELD}:"):
            in_field = True  # the old field, and its indented lines after it
        elif not (in_field and (line[:1].isspace() or not line.strip())):
            in_field = False
            kept.append(line)
    paragraphs = [block.text for block in parse_body(body, body_line) if block.kind == "paragraph"]
    fields = "\n".join(kept).rstrip("\n")
    return f"---\n{fields}\n{field_yaml(paragraphs)}---\n{body}", len(paragraphs)


def main(argv: list[str] | None = None) -> int:
    paths = [Path(arg) for arg in (sys.argv[1:] if argv is None else argv)]
    if not paths:
        print(f"usage: python -m hooks.paragraphs data/articles/<id>.md ...\n\n{__doc__}", file=sys.stderr)
        return 2
    failed = 0
    for path in paths:
        try:
            text = read_text(path)
            new, count = recorded(text)
        except (OSError, SourceError) as error:
            print(f"{path}: cannot record its paragraphs: {error}", file=sys.stderr)
            failed += 1
            continue
        if new != text:
            path.write_text(new, encoding="utf-8")
        print(f"{path}: {count} paragraphs recorded")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
