"""A synthetic archive of N articles, multiplied from the real data/ so every id, date and reference
is valid: 5 events and 3 quotes per article, one person per 5 articles, 50 events per timeline.

Copy 0 of each article, person and timeline keeps its real id, so hand-written pages that link to
real ids (docs/index.md) still resolve. Dates are moved to years spread over 1992–2026 so that
year-grouped pages fill up the way a long archive would. A quarter of all mentions go to the real
(copy 0) people, so some person pages grow big, as the most-quoted leaders' pages do in practice.
"""

from __future__ import annotations

import re
import shutil
from collections import Counter
from pathlib import Path

import yaml

from hooks.content.dates import parse_date
from hooks.content.fingerprints import fingerprints
from hooks.content.load import load_site
from hooks.content.model import PARAGRAPH_SOURCE, Site

EVENTS_PER_ARTICLE = 5
QUOTES_PER_ARTICLE = 3
ARTICLES_PER_PERSON = 5
ARTICLES_PER_TIMELINE = 10  # 50 events: a long curated timeline (the real ones have 12 and 27)
FIRST_YEAR, YEARS = 1992, 35
HOT_SHARE = 4  # every 4th article names the real (copy 0) people
COPIED_AS_IS = ("topics.yml", "glossary.yml", "references.yml")


def dump(data: object) -> str:
    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(data, Dumper=dumper, allow_unicode=True, sort_keys=False, width=100)


def shift_date(text: str, years: int) -> str:
    """The same EDTF date `years` later (29 February becomes the 28th in a common year)."""
    moved = re.sub(r"(?<![\d-])(\d{4})", lambda m: str(int(m[1]) + years), text)
    try:
        parse_date(moved)
    except ValueError:
        moved = moved.replace("-02-29", "-02-28")
    return moved


def copy_id(real_id: str, copy: int) -> str:
    return real_id if copy == 0 else f"{real_id}-{copy}"


class Corpus:
    def __init__(self, real: Site, n_articles: int):
        self.real = real
        self.n = n_articles
        self.real_articles = list(real.articles.values())
        self.real_events = [event for timeline in real.timelines.values() for event in timeline.events]
        self.real_timelines = list(real.timelines.values())
        # The most mentioned real people first, so a small corpus keeps the ones the data needs most.
        mentions = Counter(actor for event in self.real_events for actor in event.actors)
        mentions.update(use.quote.said_by for use in real.quotes)
        for article in self.real_articles:
            mentions.update(article.meta.people)
        self.real_people = sorted(real.people.values(), key=lambda p: -mentions[p.id])
        self.n_people = max(1, n_articles // ARTICLES_PER_PERSON)
        kept = self.real_people[: self.n_people]
        self.person_rank = {person.id: rank for rank, person in enumerate(kept)}
        # Quotes available for copies of each real article: (text, speaker, paragraph number).
        self.quote_pool: dict[str, list[tuple[str, str, int]]] = {a.id: [] for a in self.real_articles}
        for use in real.quotes:
            if use.quote.said_by in self.person_rank:
                entry = (use.quote.text, use.quote.said_by, use.paragraph)
                if entry not in self.quote_pool[use.article_id]:
                    self.quote_pool[use.article_id].append(entry)

    # --- ids ----------------------------------------------------------------------------------
    def article_id(self, k: int) -> str:
        return copy_id(self.real_articles[k % len(self.real_articles)].id, k // len(self.real_articles))

    def year_shift(self, k: int, real_year: int) -> int:
        return FIRST_YEAR + (k * 17) % YEARS - real_year

    def person(self, real_id: str, k: int) -> str | None:
        """The copy of a real person that article k names (None if the corpus has too few people)."""
        rank = self.person_rank.get(real_id)
        if rank is None:
            return None
        copies = len(range(rank, self.n_people, len(self.person_rank)))
        return copy_id(real_id, 0 if k % HOT_SHARE == 0 else (k * 7919) % copies)

    def people_in(self, real_ids, k: int) -> list[str]:
        return list(dict.fromkeys(p for r in real_ids if (p := self.person(r, k))))

    # --- files --------------------------------------------------------------------------------
    def quotes_for(self, k: int) -> list[dict]:
        real = self.real_articles[k % len(self.real_articles)]
        pool = self.quote_pool[real.id]
        if not pool:
            return []
        start = (k // len(self.real_articles)) * QUOTES_PER_ARTICLE
        picks = [pool[(start + i) % len(pool)] for i in range(QUOTES_PER_ARTICLE)]  # repeats if the pool is short
        return [{"text": text, "said_by": self.person(speaker, k), "source": f"{self.article_id(k)}#p{number}"}
                for text, speaker, number in picks]

    def article_file(self, k: int, front_quotes: list[dict]) -> str:
        real = self.real_articles[k % len(self.real_articles)]
        meta = real.meta.model_dump()
        copy = k // len(self.real_articles)
        meta["title"] = real.meta.title if copy == 0 else f"{real.meta.title} (copy {copy})"
        meta["published"] = shift_date(meta["published"], self.year_shift(k, real.meta.published.start.year))
        meta["people"] = self.people_in(real.meta.people, k)
        meta["quotes"] = front_quotes
        meta["corrections"] = []
        # Copies differ in every paragraph (quotes stay verbatim substrings), as a real archive's do.
        tag = "" if copy == 0 else f" (copy {copy})"
        body = "\n\n".join(f"## {b.text}" if b.kind == "heading" else f"{b.text}{tag}" for b in real.blocks)
        meta["paragraphs"] = " ".join(fingerprints([f"{b.text}{tag}" for b in real.blocks if b.kind == "paragraph"]))
        return f"---\n{dump(meta)}---\n\n{body}\n"

    def events_for(self, k: int, event_quote: dict | None) -> list[dict]:
        article_id = self.article_id(k)
        article = self.real_articles[k % len(self.real_articles)]
        block = k - k % len(self.real_articles)  # copies of the other real articles made alongside this one
        events = []
        for j in range(EVENTS_PER_ARTICLE):
            serial = k * EVENTS_PER_ARTICLE + j
            real = self.real_events[serial % len(self.real_events)]
            shift = self.year_shift(k, real.date.start.year)
            sources = [f"{article_id}#p{1 + (j * 3) % len(article.paragraphs)}"]
            for source in real.sources:
                match = PARAGRAPH_SOURCE.fullmatch(source)
                if match:
                    index = next(i for i, a in enumerate(self.real_articles) if a.id == match["article"])
                    target = block + index if block + index < self.n else index
                    source = f"{self.article_id(target)}#p{match['number']}"
                sources.append(source)
            copy = serial // len(self.real_events)
            event = {
                "id": copy_id(real.id, copy),
                "date": shift_date(real.date.text, shift),
                "headline": real.headline if copy == 0 else f"{real.headline} (copy {copy})",
                "summary": real.summary if copy == 0 else f"{real.summary} (Copy {copy}.)",
                "status": real.status,
                "actors": self.people_in(real.actors, k),
                "topics": list(real.topics),
                "sources": list(dict.fromkeys(sources)),
            }
            if real.date_basis:
                event["date_basis"] = real.date_basis
            if j == 0 and event_quote:
                event["quotes"] = [event_quote]
            events.append(event)
        return events

    def person_entry(self, j: int) -> dict:
        real = self.real_people[j % len(self.person_rank)]
        copy = j // len(self.person_rank)
        entry = real.model_dump(exclude_none=True)
        entry["id"] = copy_id(real.id, copy)
        if copy:
            entry["name"] = f"{real.name} {copy}"
        return entry

    def write(self, data_dir: Path, real_data: Path) -> None:
        (data_dir / "articles").mkdir(parents=True)
        (data_dir / "timelines").mkdir()
        for name in COPIED_AS_IS:
            shutil.copy2(real_data / name, data_dir / name)
        (data_dir / "people.yml").write_text(dump([self.person_entry(j) for j in range(self.n_people)]), encoding="utf-8")
        timelines: dict[int, list[dict]] = {}
        for k in range(self.n):
            quotes = self.quotes_for(k)
            event_quote, front_quotes = (quotes[0], quotes[1:]) if quotes else (None, [])
            (data_dir / "articles" / f"{self.article_id(k)}.md").write_text(self.article_file(k, front_quotes), encoding="utf-8")
            timelines.setdefault(k // ARTICLES_PER_TIMELINE, []).extend(self.events_for(k, event_quote))
        for t, events in timelines.items():
            real = self.real_timelines[t % len(self.real_timelines)]
            copy = t // len(self.real_timelines)
            content = {"title": real.title if copy == 0 else f"{real.title} ({copy})", "intro": real.intro,
                       "events": events}
            (data_dir / "timelines" / f"{copy_id(real.id, copy)}.yml").write_text(dump(content), encoding="utf-8")


def write_corpus(real_data: Path, data_dir: Path, n_articles: int) -> None:
    """Write a synthetic data/ with `n_articles` articles into `data_dir` (which must not exist)."""
    if n_articles < 3:
        raise ValueError("the synthetic corpus needs at least 3 articles (one copy of each real one)")
    Corpus(load_site(real_data), n_articles).write(data_dir, real_data)
