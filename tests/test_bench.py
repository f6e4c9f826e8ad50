"""`make bench` runs end to end on a tiny archive and ends with one JSON line of figures.

Only that it runs and reports consistently: timings belong in the benchmark, never in tests.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PER_SIZE = ["n", "build_s", "floor_s", "ratio", "own_s", "median_page_bytes", "max_page_bytes", "search_index_bytes",
            "index_s", "home_view_bytes", "article_view_bytes", "timeline_view_bytes", "person_view_bytes",
            "first_search_bytes"]


def test_bench_on_a_tiny_archive_prints_a_table_then_json():
    env = {**os.environ, "BENCH_N": "12", "BENCH_SAVES": "1", "BENCH_WORST": "0.05", "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "bench"], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0, result.stderr[-3000:]
    lines = result.stdout.strip().splitlines()
    figures = json.loads(lines[-1])
    assert set(PER_SIZE) <= set(figures)
    assert figures["n"] == [12]
    assert {len(figures[key]) for key in PER_SIZE} == {1}
    assert figures["build_s"][0] > 0 and figures["floor_s"][0] > 0 and figures["max_page_bytes"][0] > 0
    assert figures["search_index_bytes"][0] > 0 and figures["index_s"][0] > 0
    # A reader's bytes: the page's HTML and the theme's files at least; a search fetches the engine.
    assert all(figures[f"{page}_view_bytes"][0] > figures["median_page_bytes"][0] // 2
               for page in ("home", "article", "timeline", "person"))
    assert figures["first_search_bytes"][0] > 50_000, "Pagefind's script and WebAssembly at least"
    runs = figures["own_runs_s"][0]
    assert len(runs) == 1 and figures["own_s"][0] == min(runs), "own code is timed once by default"
    assert len(figures["serve_s"]) == 1 and figures["serve_s"][0] > 0
    assert any(line.lstrip().startswith("12 |") for line in lines[:-1]), "the table has a row for N = 12"
    assert len(figures["worst_cases_s"]) == 3 and all(seconds >= 0 for seconds in figures["worst_cases_s"].values())
