"""The search index: Pagefind reads the built site and writes its index into `<site>/pagefind/`.

The index is split into small chunks that a reader's browser fetches only when they search
(overrides/partials/x-search.html, docs/javascripts/search.js), instead of one file of the whole
archive downloaded with every page. What is indexed is marked in the pages themselves:
`data-pagefind-body` on each page's content (overrides/main.html; pages with `search: exclude` in
their front matter have none), `data-pagefind-ignore` on lists that only repeat what other pages say.
"""

from __future__ import annotations

import re
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

OUTPUT_FOLDER = "pagefind"
# Not words of the page: permalink signs (an event's "#", a paragraph's "¶1", a heading's "¶") and the cite boxes,
# which repeat each event's headline and address.
IGNORED = (".x-permalink", ".x-para__link", ".x-cite", ".headerlink")
_INDEXED = re.compile(r"Indexed (\d+) pages?")  # in Pagefind's own output
_REPORTED = re.compile(r"search index: ([\d,]+) pages in ([\d.]+) s")  # IndexReport's line in the build's log


class SearchIndexError(RuntimeError):
    """Pagefind failed; the message is its own output."""


@dataclass(frozen=True)
class IndexReport:
    pages: int
    seconds: float

    def __str__(self) -> str:
        return f"search index: {self.pages:,} pages in {self.seconds:.2f} s"

    @classmethod
    def from_log(cls, log: str) -> IndexReport | None:
        """The report a build logged (the benchmark reads it from `mkdocs build`'s output)."""
        found = _REPORTED.search(log)
        return cls(pages=int(found[1].replace(",", "")), seconds=float(found[2])) if found else None


class Indexing:
    """Pagefind indexing the built site in `site_dir`, in its own process (its own command, from the
    pagefind wheel): started, it runs while the build does other work (the share cards); `finish()`
    waits for it. It reads only the pages (*.html)."""

    def __init__(self, site_dir: Path) -> None:
        command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", OUTPUT_FOLDER]
        for selector in IGNORED:
            command += ["--exclude-selectors", selector]
        self.started = time.perf_counter()
        self.process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def finish(self) -> IndexReport:
        stdout, stderr = self.process.communicate()
        seconds = time.perf_counter() - self.started
        if self.process.returncode != 0:
            raise SearchIndexError(f"the search index could not be built (pagefind exited with "
                                   f"{self.process.returncode}):\n" + (stderr or stdout).strip()[-2000:])
        counted = _INDEXED.search(stdout)
        return IndexReport(pages=int(counted[1]) if counted else 0, seconds=seconds)

    def cancel(self) -> None:
        self.process.kill()
        self.process.communicate()
