"""`python -m hooks.reference_links [data-dir] [--report FILE]`: is every outside address in
data/references.yml still there?

Each URL is requested once (HEAD, then GET when a server refuses HEAD), redirects followed. Prints one
line per address that is dead or has moved, writes a Markdown report (for the scheduled workflow to
put into an issue) and exits 1 when any is dead. Servers that refuse robots (401, 403, 429) are listed
as unverified, not dead: a person should look, but nothing is known to be broken.
"""

from __future__ import annotations

import argparse
import sys
import urllib.error
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from hooks.content.load import load_site
from hooks.content.problems import DataError

TIMEOUT_SECONDS = 20
WORKERS = 8  # a few at a time: quick for a hundred addresses, gentle on any one server
USER_AGENT = "Mozilla/5.0 (compatible; seoul-beijing-explainer reference check)"
REFUSING_ROBOTS = {401, 403, 429}


@dataclass(frozen=True)
class Result:
    reference_id: str
    url: str
    verdict: str  # "live", "moved", "unverified" or "dead"
    detail: str = ""  # the status or error; for "moved", the address it ends at


def check_url(reference_id: str, url: str) -> Result:
    try:
        final = _open(url, "HEAD")
    except urllib.error.HTTPError as error:
        if error.code not in (405, 501) and error.code not in REFUSING_ROBOTS:
            return Result(reference_id, url, "dead", f"HTTP {error.code}")
        try:  # some servers answer HEAD with 405 or 403 but serve GET
            final = _open(url, "GET")
        except urllib.error.HTTPError as error:
            verdict = "unverified" if error.code in REFUSING_ROBOTS else "dead"
            return Result(reference_id, url, verdict, f"HTTP {error.code}")
        except (urllib.error.URLError, OSError) as error:
            return Result(reference_id, url, "dead", _reason(error))
    except (urllib.error.URLError, OSError) as error:
        return Result(reference_id, url, "dead", _reason(error))
    return Result(reference_id, url, "moved", final) if final != url else Result(reference_id, url, "live")


def _open(url: str, method: str) -> str:
    """The address a request ends at, after redirects; raises for an error status or no answer."""
    request = urllib.request.Request(url, method=method, headers={"User-Agent": USER_AGENT})
    with urllib.request.urlopen(request, timeout=TIMEOUT_SECONDS) as response:  # noqa: S310 (http(s) only: the model's Url)
        return response.geturl()


def _reason(error: BaseException) -> str:
    reason = getattr(error, "reason", None) or error
    return f"no answer: {reason}"


def check_all(urls: dict[str, str]) -> list[Result]:
    with ThreadPoolExecutor(max_workers=WORKERS) as pool:
        return list(pool.map(lambda item: check_url(*item), urls.items()))


def report(results: list[Result]) -> str:
    """Markdown for an issue: what is dead, what is unverified, what has moved."""
    sections = [("Dead", "dead", "the address no longer answers: find the document's new address or an "
                 "archived copy, or set `url: null`"),
                ("Unverified", "unverified", "the server refused an automated check: open it in a browser"),
                ("Moved", "moved", "it redirects: consider recording the new address")]
    lines = [f"Checked {len(results)} addresses in `data/references.yml`."]
    for title, verdict, advice in sections:
        found = [result for result in results if result.verdict == verdict]
        if found:
            lines += ["", f"## {title} ({len(found)}): {advice}", ""]
            lines += [f"- `{result.reference_id}`: {result.url} ({result.detail})" for result in found]
    return "\n".join(lines) + "\n"


DEAD = 2  # exit status when some address is dead; 1 is for a failure of the check itself (bad data)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m hooks.reference_links", description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, default=Path("data"))
    parser.add_argument("--report", type=Path, help="also write the Markdown report to this file")
    args = parser.parse_args(argv)
    try:
        site = load_site(args.data)
    except DataError as error:
        print(error.report(), file=sys.stderr)
        return 1
    results = check_all({reference.id: reference.url for reference in site.references.values() if reference.url})
    for result in results:
        if result.verdict != "live":
            print(f"{result.verdict}: {result.reference_id}: {result.url} ({result.detail})")
    dead = sum(result.verdict == "dead" for result in results)
    print(f"{len(results)} {'address' if len(results) == 1 else 'addresses'} checked: {dead} dead")
    if args.report:
        args.report.write_text(report(results), encoding="utf-8")
    return DEAD if dead else 0


if __name__ == "__main__":
    sys.exit(main())
