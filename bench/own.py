"""Our own code's share of a build, timed in-process: hooks/build.py's build(), the very function the
MkDocs hook calls, and the hand-written pages' generated blocks, as on_page_markdown fills them.

It also hands back that output, so the floor build can be given exactly the same Markdown.
"""

from __future__ import annotations

import json
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hooks.build import build
from hooks.render.home import fill_markers

SITE_NAME = "Seoul–Beijing explainer"
SITE_URL = "http://127.0.0.1:8000/"


@dataclass
class Output:
    seconds: float                     # the whole of build() and the hand-written pages' blocks (wall)
    cpu_seconds: float                 # the same, in CPU time (steadier on a busy machine)
    pages: dict[str, str]              # generated pages, by path under docs/
    files: dict[str, str | bytes]      # generated downloads and feed, by path in the site
    hand_written: dict[str, str]       # docs/*.md as the hooks hand them to Markdown


def run_own_code(project: Path) -> Output:
    started, started_cpu = time.perf_counter(), time.process_time()
    result = build(project, site_name=SITE_NAME, site_url=SITE_URL, language="en", today=date.today())
    hand_written = {}
    for path in sorted((project / "docs").rglob("*.md")):
        src = path.relative_to(project / "docs").as_posix()
        hand_written[src] = fill_markers(result.context, path.read_text(encoding="utf-8"), src)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - started_cpu
    return Output(seconds, cpu_seconds, result.pages, result.files, hand_written)


def main(argv: list[str]) -> int:
    """`python -m bench.own PROJECT [FLOOR]`: time our code in a fresh process, as a build runs it, and
    write the floor project from its output (if FLOOR is given); prints the timings as one JSON line."""
    from bench.floor import write_floor_project

    output = run_own_code(Path(argv[0]))
    if len(argv) > 1:
        write_floor_project(Path(argv[0]), Path(argv[1]), output)
    print(json.dumps({"seconds": output.seconds, "cpu_seconds": output.cpu_seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
