"""'Cite this' for an event: headline, date, timeline, site name, permalink and access date.

The access date is the reader's, not the build's: the text says "Accessed [date]" for the reader to
fill in, so a page built months ago never claims someone read it on its build day.
"""

from __future__ import annotations

from hooks.render.html import text

ACCESSED = "Accessed [date]."


def cite_text(*, headline: str, date: str, timeline_title: str, site_name: str, permalink: str) -> str:
    """The citation as plain text, in the order citation styles share (who/what, when, where, link)."""
    parts = [f"“{' '.join(headline.split())}” ({date}).", f"In: {' '.join(timeline_title.split())}."]
    if site_name:
        parts.append(f"{' '.join(site_name.split())}.")
    parts += [permalink + ".", ACCESSED]
    return " ".join(parts)


def cite_details(citation: str) -> str:
    """A closed <details> holding the citation, selectable as one block of text."""
    return f'<details class="x-cite"><summary>Cite this event</summary><p class="x-cite__text">{text(citation)}</p></details>'
