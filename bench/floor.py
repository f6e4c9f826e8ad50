"""The floor: the same Markdown our hooks generate, written out as plain files, built by plain
MkDocs with the same theme, nav, extensions and search (no hooks). What MkDocs + Material cost alone."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from bench.own import Output

DROPPED_KEYS = ("hooks", "watch")  # the floor runs no code of ours


def plain_config(config_text: str) -> str:
    """mkdocs.yml without its top-level `hooks:` and `watch:` blocks (text-level: it has !ENV tags)."""
    kept, skipping = [], False
    for line in config_text.splitlines():
        if re.match(r"[A-Za-z_]", line):  # a top-level key starts a block
            skipping = line.split(":", 1)[0] in DROPPED_KEYS
        if not skipping:
            kept.append(line)
    return "\n".join(kept) + "\n"


def write_floor_project(project: Path, target: Path, output: Output) -> Path:
    target.mkdir(parents=True)
    (target / "mkdocs.yml").write_text(plain_config((project / "mkdocs.yml").read_text(encoding="utf-8")),
                                       encoding="utf-8")
    if (project / "overrides").is_dir():
        shutil.copytree(project / "overrides", target / "overrides")
    shutil.copytree(project / "docs", target / "docs")
    written = {**output.hand_written, **output.pages, **output.files}
    for src, content in written.items():
        path = target / "docs" / src
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
    return target
