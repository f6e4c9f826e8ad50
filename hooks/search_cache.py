"""Under `mkdocs serve`, a page that did not change is not indexed for search again.

Material's search plugin parses every page's HTML and cuts its Chinese text into words with jieba on
every rebuild: a third of a small site's rebuild, for pages that mostly did not change. A page's
entries depend only on what `_key` reads, so they are kept from one rebuild to the next and replayed
when none of it changed. The index written is the same, entry for entry (tests/test_serve_caches.py).
"""

from __future__ import annotations

import json
from typing import Any


class SearchEntryCache:
    """Remembers each page's search entries for one rebuild to the next (only the latest build's)."""

    def __init__(self) -> None:
        self._previous: dict[tuple, list[dict]] = {}
        self._current: dict[tuple, list[dict]] = {}
        self.hits = self.misses = 0

    def attach(self, index: Any) -> None:
        """Wrap a new build's `SearchIndex` (material/plugins/search/plugin.py) so it asks here first."""
        self._previous, self._current = self._current, {}
        self.hits = self.misses = 0
        settings = json.dumps(index.config, sort_keys=True, default=str)  # e.g. another jieba dictionary
        index_page = index.add_entry_from_context

        def add_entry_from_context(page: Any) -> None:
            key = (settings, *_key(page))
            entries = self._previous.get(key)
            if entries is None:
                self.misses += 1
                first = len(index.entries)
                index_page(page)
                entries = [dict(entry) for entry in index.entries[first:]]
            else:
                self.hits += 1
                index.entries.extend(dict(entry) for entry in entries)
            self._current[key] = entries

        index.add_entry_from_context = add_entry_from_context


def _key(page: Any) -> tuple:
    """Everything the plugin reads from a page to make its entries."""
    meta = page.meta
    return (page.url, page.content, str(page.title), json.dumps(
        [meta.get("title"), meta.get("tags"), meta.get("search")], sort_keys=True, default=str), _toc_ids(page.toc))


def _toc_ids(items: Any) -> tuple:
    return tuple((item.id, _toc_ids(item.children)) for item in items)
