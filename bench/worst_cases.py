"""Inputs that are cheap to write and were quadratic to check or render (issue 22, item 6), made at any
size: `make bench` times each (`python -m bench.worst_cases [scale]` alone), and tests/test_worst_cases.py
runs them at a size that would take minutes if any of them were quadratic again.

- misspelled references: N references, N events each citing one of them misspelled (`make check`'s
  "did you mean" hints);
- a wrong quote in a long paragraph (the hint showing what the paragraph really says);
- many glossary terms over a long article where a term occurs inside a word.
"""

from __future__ import annotations

import json
import shutil
import sys
import time
from pathlib import Path

from hooks.content.model import Term

FIXTURE_DATA = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "minimal" / "data"


def reference_id(number: int) -> str:
    return f"ministry-statement-{number}"


def misspelled_references(target: Path, n: int) -> Path:
    """The minimal fixture plus N references and a timeline of N events, each citing a misspelled id."""
    shutil.copytree(FIXTURE_DATA, target)
    references = [f"- id: {reference_id(i)}\n  publisher: Example Ministry\n  title: Statement {i}\n"
                  f"  date: \"2030-01\"\n" for i in range(n)]
    with (target / "references.yml").open("a", encoding="utf-8") as out:
        out.write("".join(references))
    events = [f"  - id: misspelled-{i}\n    date: \"2030-01\"\n    headline: Event {i}\n    summary: Event {i}.\n"
              f"    sources: [{reference_id(i).replace('statement', 'statment')}]\n" for i in range(n)]
    (target / "timelines" / "misspelled.yml").write_text(
        "title: Misspelled\nintro: Every source misspelled.\nevents:\n" + "".join(events), encoding="utf-8")
    return target


def long_paragraph(length: int) -> tuple[str, str]:
    """A paragraph of about `length` characters and a quote of a tenth of it, from its middle, with
    straight quotes where the paragraph has curly ones (the usual mistake)."""
    sentence = "The minister said \u201cwe will keep talking\u201d on day {}. "
    paragraph = "".join(sentence.format(i) for i in range(length // len(sentence)))
    middle = len(paragraph) // 2
    quote = paragraph[middle:middle + length // 10].replace("\u201c", '"').replace("\u201d", '"')
    return paragraph, quote


def glossary_terms(n: int) -> list[Term]:
    """N terms (abbreviations like TERMAB), one of which ('UN') occurs inside words ('UNDER')."""
    def letters(i: int) -> str:
        return "".join(chr(ord("A") + int(d)) for d in str(i))
    terms = [Term.model_construct(id=f"t{i}", term=f"TERM{letters(i)}", expansion=None, definition=f"Term {i}",
                                  aliases=[], sources=[]) for i in range(n - 1)]
    return [*terms, Term.model_construct(id="un", term="UN", expansion="United Nations", definition="The UN.",
                                         aliases=[], sources=[])]


def glossary_text(length: int) -> str:
    """About `length` characters of words, with 'UN' inside a word and on its own, and some terms."""
    words = "UNDER the UN charter TERMBC and TERMB met as planned at the harbour in spring. "
    return words * (length // len(words))


def timed(label: str, work) -> dict:
    started = time.perf_counter()
    work()
    return {"case": label, "seconds": round(time.perf_counter() - started, 3)}


def run(scale: float = 1.0, work: Path | None = None) -> list[dict]:
    """The issue's sizes at scale 1: 1,000 misspelled references, an 80,000-character paragraph, 5,000
    terms over 2 MiB."""
    import tempfile

    from hooks.content.hints import near
    from hooks.content.load import load_site
    from hooks.content.problems import DataError
    from hooks.render.html import Glossary

    work = work or Path(tempfile.mkdtemp(prefix="worst-cases-"))
    data = misspelled_references(work / "data", int(1000 * scale))

    def check() -> None:
        try:
            load_site(data)
        except DataError:
            return

    paragraph, quote = long_paragraph(int(80_000 * scale))
    terms, text = glossary_terms(int(5000 * scale)), glossary_text(int(2 * 2**20 * scale))
    results = [timed("make check, misspelled references", check),
               timed("wrong-quote hint", lambda: near(quote, paragraph)),
               timed("glossary, a term inside words", lambda: Glossary(terms).mark(text))]
    shutil.rmtree(work, ignore_errors=True)
    return results


if __name__ == "__main__":
    print(json.dumps(run(float(sys.argv[1]) if len(sys.argv) > 1 else 1.0)))
