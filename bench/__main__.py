"""`make bench`: build a synthetic archive at several sizes with our hooks and with plain MkDocs.

Prints a table, then as its last line one JSON object with the figures (see bench/README.md).
Environment: BENCH_N="100,1000" picks the sizes; QUICK=1 (or --quick) means N = 100 and 1,000;
BENCH_SERVE=0 skips the `mkdocs serve` measurement and BENCH_SAVES=1 makes it save once (3 by default);
BENCH_REPEAT=2 builds each site twice and keeps the quicker; BENCH_OWN_RUNS=3 times our own code that
many times (the quickest counts); BENCH_KEEP=1 keeps the work folder; BENCH_WORST=0.1 runs the worst
cases (bench/worst_cases.py) at a tenth of the issue's sizes (1 by default, 0 skips them).
"""

from __future__ import annotations

import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.corpus import write_corpus
from bench.reader import reader_bytes
from bench.serve import serve_latency
from bench.site_stats import measure
from bench.worst_cases import run as worst_cases
from hooks.publish.search_index import IndexReport

ROOT = Path(__file__).resolve().parents[1]
PROJECT_SOURCES = ("mkdocs.yml", "docs", "overrides", "hooks")
FULL_SIZES = (100, 1000, 5000)
REPEATS = int(os.environ.get("BENCH_REPEAT", "1"))  # builds per size; the quickest counts
# Our own code's share is reported, not a target: timed once by default (BENCH_OWN_RUNS for more; the
# quickest counts).
OWN_RUNS = int(os.environ.get("BENCH_OWN_RUNS", "1"))
QUICK_SIZES = (100, 1000)


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def sizes(argv: list[str]) -> tuple[int, ...]:
    if os.environ.get("BENCH_N"):
        return tuple(int(n) for n in os.environ["BENCH_N"].replace(",", " ").split())
    quick = "--quick" in argv or os.environ.get("QUICK", "") not in ("", "0")
    return QUICK_SIZES if quick else FULL_SIZES


def copy_project(target: Path, data: Path) -> Path:
    target.mkdir(parents=True)
    for name in PROJECT_SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, target / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif source.exists():
            shutil.copy2(source, target / name)
    shutil.copytree(data, target / "data")
    return target


def own_code(project: Path, floor: Path) -> dict:
    """Our code timed in fresh processes (a build starts cold too), OWN_RUNS times; the quickest run
    counts. The first also writes the floor."""
    os.sync()  # the corpus and project were just written: their write-back must not run during the timing
    runs = []
    for run in range(OWN_RUNS):
        command = [sys.executable, "-m", "bench.own", str(project), *([str(floor)] if run == 0 else [])]
        result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True)
        if result.returncode != 0:
            raise RuntimeError(f"our code failed on {project}:\n{result.stderr[-3000:]}")
        runs.append(json.loads(result.stdout.strip().splitlines()[-1]))
    return {**min(runs, key=lambda timings: timings["seconds"]), "runs": [timings["seconds"] for timings in runs]}


def mkdocs_build(project: Path, site_dir: Path) -> tuple[float, float, int, float]:
    """Wall and CPU seconds of a whole `mkdocs build` (process start to exit), its warning count, and
    the seconds its search indexing took (as the build logged it; 0 for a build without)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                             "-d", str(site_dir)], cwd=project, env=env, capture_output=True, text=True)
    seconds = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
    if result.returncode != 0:
        raise RuntimeError(f"mkdocs build of {project} failed:\n{result.stderr[-3000:]}")
    warnings = [line for line in result.stderr.splitlines() if line.startswith("WARNING")]
    for line in warnings[:3]:
        log(f"  {project.name}: {line[:200]}")
    indexed = IndexReport.from_log(result.stderr)
    return seconds, cpu, len(warnings), indexed.seconds if indexed else 0.0


def run_size(n: int, work: Path) -> dict:
    log(f"N = {n}: generating the corpus")
    corpus = work / f"corpus-{n}" / "data"
    write_corpus(ROOT / "data", corpus, n)
    project = copy_project(work / f"ours-{n}", corpus)
    floor = work / f"floor-{n}"
    own = own_code(project, floor)
    log(f"N = {n}: own code {own['seconds']:.2f} s (runs: {', '.join(f'{s:.2f}' for s in own['runs'])}); "
        "building with our hooks")
    build_s, build_cpu, warnings, index_s = mkdocs_build(project, work / f"site-ours-{n}")
    log(f"N = {n}: {build_s:.1f} s (search index {index_s:.1f} s); building the floor (plain MkDocs)")
    floor_s, floor_cpu, _, _ = mkdocs_build(floor, work / f"site-floor-{n}")
    for _ in range(REPEATS - 1):  # on a busy machine, the quickest of several runs is the least disturbed
        build_s = min(build_s, mkdocs_build(project, work / f"site-ours-{n}")[0])
        floor_s = min(floor_s, mkdocs_build(floor, work / f"site-floor-{n}")[0])
    stats = measure(work / f"site-ours-{n}")
    log(f"N = {n}: a reader's bytes, in Chromium")
    reader = reader_bytes(work / f"site-ours-{n}")
    floor_pages = measure(work / f"site-floor-{n}").pages
    if floor_pages != stats.pages:
        log(f"N = {n}: note: the floor built {floor_pages} pages, ours {stats.pages}")
    log(f"N = {n}: {build_s:.1f} s ours, {floor_s:.1f} s floor; largest page {stats.max_page}")
    return {"n": n, "build_s": round(build_s, 2), "floor_s": round(floor_s, 2), "ratio": round(build_s / floor_s, 3),
            "own_s": round(own["seconds"], 3), "own_cpu_s": round(own["cpu_seconds"], 3),
            "own_runs_s": [round(seconds, 3) for seconds in own["runs"]],
            "build_cpu_s": round(build_cpu, 2),
            "floor_cpu_s": round(floor_cpu, 2), "pages": stats.pages, "output_bytes": stats.output_bytes,
            "median_page_bytes": stats.median_page_bytes, "max_page_bytes": stats.max_page_bytes,
            "search_index_bytes": stats.search_index_bytes, "text_bytes": stats.text_bytes,
            "index_s": round(index_s, 2), **reader, "warnings": warnings}


COLUMNS = [("n", "N", "{:,}"), ("build_s", "build s", "{:.1f}"), ("floor_s", "floor s", "{:.1f}"),
           ("ratio", "ratio", "{:.2f}"), ("cpu_ratio", "CPU ratio", "{:.2f}"), ("own_s", "own s", "{:.2f}"),
           ("pages", "pages", "{:,}"),
           ("output_bytes", "output MB", "MB"), ("median_page_bytes", "median page KB", "KB"),
           ("max_page_bytes", "largest page KB", "KB"), ("search_index_bytes", "search index MB", "MB"),
           ("index_to_text", "index/text", "{:.2f}"), ("index_s", "index s", "{:.1f}"),
           ("home_view_bytes", "home view KB", "KB"), ("article_view_bytes", "article view KB", "KB"),
           ("timeline_view_bytes", "timeline view KB", "KB"), ("first_search_bytes", "first search KB", "KB")]


def cell(value, style: str) -> str:
    if style == "MB":
        return f"{value / 1e6:.1f}"
    if style == "KB":
        return f"{value / 1e3:.1f}"
    return style.format(value)


def table(rows: list[dict]) -> str:
    header = [title for _, title, _ in COLUMNS]
    body = [[cell(row[key], style) for key, _, style in COLUMNS] for row in rows]
    widths = [max(len(r[i]) for r in [header, *body]) for i in range(len(header))]
    lines = [" | ".join(h.rjust(w) for h, w in zip(header, widths)), "-|-".join("-" * w for w in widths)]
    lines += [" | ".join(c.rjust(w) for c, w in zip(r, widths)) for r in body]
    return "\n".join(lines)


def main(argv: list[str]) -> int:
    keep = os.environ.get("BENCH_KEEP", "") not in ("", "0")
    work = Path(tempfile.mkdtemp(prefix="explainer-bench-"))
    try:
        rows = [run_size(n, work) for n in sizes(argv)]
        for row in rows:
            row["index_to_text"] = round(row["search_index_bytes"] / max(row["text_bytes"], 1), 3)
            row["cpu_ratio"] = round(row["build_cpu_s"] / max(row["floor_cpu_s"], 1e-9), 3)
        serve = []
        if os.environ.get("BENCH_SERVE", "1") != "0":
            log("mkdocs serve: saving one event of today's data, timing until the page is served")
            saves = int(os.environ.get("BENCH_SAVES", "3"))
            project = copy_project(work / "serve", ROOT / "data")
            if (ROOT / ".git").is_dir():  # each rebuild reads the history (one `git log`), as in `make serve`
                shutil.copytree(ROOT / ".git", project / ".git")
            serve = [round(s, 3) for s in serve_latency(project, saves)]
        worst_scale = float(os.environ.get("BENCH_WORST", "1"))
        worst = worst_cases(worst_scale, work / "worst-cases") if worst_scale else []
        print(table(rows))
        for case in worst:
            print(f"worst case at scale {worst_scale:g}: {case['case']}: {case['seconds']:.2f} s")
        if serve:
            print(f"\nmkdocs serve, today's data: save -> rebuilt page served in {', '.join(f'{s:.2f}' for s in serve)} s "
                  f"(median {statistics.median(serve):.2f} s)")
        figures = {key: [row[key] for row in rows] for key in rows[0]} if rows else {}
        figures["serve_s"] = serve
        figures["worst_cases_s"] = {case["case"]: case["seconds"] for case in worst}
        print(json.dumps(figures))
        return 0
    finally:
        if keep:
            log(f"work folder kept: {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
