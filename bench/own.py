"""Our own code's share of a build, timed in-process: what hooks/mkdocs_hooks.py's on_config and
on_page_markdown compute, without MkDocs: load + validate + render (own_s), and apart from it the
downloads and feed (export_s).

It also hands back that output, so the floor build can be given exactly the same Markdown.
Keep it in step with hooks/mkdocs_hooks.py (tests/test_bench.py fails when an API it calls changes).
"""

from __future__ import annotations

import gc
import json
import sys
import time
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from hooks.collecting import collection_paused
from hooks.export import generated_files
from hooks.load import read_site
from hooks.parallel import available_cores
from hooks.render import render_site
from hooks.render.abbreviations import abbreviation_glossary
from hooks.render.common import Context
from hooks.render.home import fill_markers
from hooks.schedule import review_notes

SITE_NAME = "Seoul–Beijing explainer"
SITE_URL = "http://127.0.0.1:8000/"


@dataclass
class Output:
    seconds: float                     # load + validate + render (wall)
    cpu_seconds: float                 # the same, in CPU time (steadier on a busy machine)
    export_seconds: float              # the downloads and feed (wall)
    pages: dict[str, str]              # generated pages, by path under docs/
    files: dict[str, str | bytes]      # generated downloads and feed, by path in the site
    hand_written: dict[str, str]       # docs/*.md as the hooks hand them to Markdown


@collection_paused()  # as on_config is
def run_own_code(project: Path) -> Output:
    started, started_cpu = time.perf_counter(), time.process_time()
    data_dir = project / "data"
    today = date.today()
    processes = available_cores()  # as `mkdocs build` does
    site, check = read_site(data_dir, processes=processes)
    ctx = Context(site, site_name=SITE_NAME, site_url=SITE_URL, today=today)
    pages = render_site(site, ctx, processes=processes, check=check)
    review_notes(site, data_dir, today)
    abbreviation_glossary(ctx)
    gc.freeze()  # as on_config does at the end of a build's setup
    hand_written = {}
    for path in sorted((project / "docs").rglob("*.md")):
        markdown = path.read_text(encoding="utf-8")
        src = path.relative_to(project / "docs").as_posix()
        hand_written[src] = fill_markers(ctx, markdown, src)
    seconds, cpu_seconds = time.perf_counter() - started, time.process_time() - started_cpu
    exporting = time.perf_counter()
    files = generated_files(site, site_url=SITE_URL, site_name=SITE_NAME, language="en", today=today)
    return Output(seconds, cpu_seconds, time.perf_counter() - exporting, pages, files, hand_written)


def main(argv: list[str]) -> int:
    """`python -m bench.own PROJECT [FLOOR]`: time our code in a fresh process, as a build runs it, and
    write the floor project from its output (if FLOOR is given); prints the timings as one JSON line."""
    from bench.floor import write_floor_project

    output = run_own_code(Path(argv[0]))
    if len(argv) > 1:
        write_floor_project(Path(argv[0]), Path(argv[1]), output)
    print(json.dumps({"seconds": output.seconds, "cpu_seconds": output.cpu_seconds,
                      "export_seconds": output.export_seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
