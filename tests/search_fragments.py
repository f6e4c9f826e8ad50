"""Read what the search index holds: Pagefind's page records (`pagefind/fragment/*.pf_fragment`,
each gzip of the signature `pagefind_dcd` and one JSON object: url, content, meta, anchors)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

SIGNATURE = b"pagefind_dcd"


def fragments(site: Path) -> list[dict]:
    records = []
    for path in sorted((site / "pagefind" / "fragment").glob("*.pf_fragment")):
        raw = gzip.decompress(path.read_bytes())
        assert raw.startswith(SIGNATURE), f"{path}: not a Pagefind fragment"
        records.append(json.loads(raw[len(SIGNATURE):]))
    return records
