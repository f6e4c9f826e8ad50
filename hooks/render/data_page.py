"""The open-data page (/data/): every download, the feed, and what each field means.

The field tables are generated from the published schemas, so the page cannot fall behind them.
"""

from __future__ import annotations

from hooks import urls
from hooks.export_schema import CSV_COLUMNS, SCHEMAS, SHARED, field_rows
from hooks.feed import MAX_ENTRIES
from hooks.render.common import Context, page
from hooks.render.html import link, text

HERE = urls.DATA


def _file(path: str, label: str | None = None) -> str:
    return link(urls.file_link(HERE, path), f"<code>{text(label or path.removeprefix('data/'))}</code>")


def _table(rows) -> str:
    body = "\n".join(f"<tr><td><code>{text(path)}</code></td><td>{text(kind)}</td><td>{text(description)}</td></tr>"
                     for path, kind, description in rows)
    # Material styles only class-less tables, inside its own wrappers (which also scroll on a phone).
    return ('<div class="md-typeset__scrollwrap x-fields"><div class="md-typeset__table"><table>\n'
            '<thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Meaning</th></tr></thead>\n'
            f"<tbody>\n{body}\n</tbody>\n</table></div></div>")


def _schema_section(anchor: str, title: str, name: str, intro: str) -> str:
    schema = _file(urls.schema(name), f"{name}.schema.json")
    return (f'<h2 id="{anchor}">{text(title)}</h2>\n<p>{intro} Schema: {schema}.</p>\n'
            + _table(field_rows(SCHEMAS[name])))


def data_page(ctx: Context) -> str:
    site = ctx.site
    timelines = "".join(
        f"<li>{_file(urls.timeline_json(t.id))}: {link(urls.link(HERE, urls.timeline(t.id)), text(t.title))} "
        f"({len(t.events)} events)</li>" for t in sorted(site.timelines.values(), key=lambda t: t.id))
    downloads = f"""<ul class="x-downloads-list">
<li>{_file(urls.EVENTS_JSON)}: every event on every timeline ({len(site.events)}), with dates and their precision,
people, topics, and sources resolved to the exact paragraph. <a href="#events-json">Fields</a>.</li>
<li>{_file(urls.EVENTS_CSV)}: the same events, one row each, for spreadsheets. <a href="#events-csv">Columns</a>.</li>
<li>{_file(urls.PEOPLE_JSON)}: everyone named or quoted ({len(site.people)}), with roles and the events they
appear in. <a href="#people-json">Fields</a>.</li>
<li>{_file(urls.QUOTES_JSON)}: every verbatim quote ({len(site.quotes)}), with speaker and paragraph.
<a href="#quotes-json">Fields</a>.</li>
</ul>
<p>Each timeline in <a href="https://timeline.knightlab.com/">Knight Lab TimelineJS</a>'s JSON format, to embed it
elsewhere (<a href="#timelinejs">fields</a>):</p>
<ul>{timelines}</ul>"""
    intro = ("<p>The data behind every page, for readers, researchers and other newsrooms. The files are "
             "generated from the same data as the pages at every build, use the same ids as the site's addresses "
             "(an event's id is its anchor on its timeline page), and keep their field names: fields may be "
             "added, never renamed. Every JSON file names its JSON Schema in <code>$schema</code> and validates "
             "against it. Text is UTF-8; the CSV follows RFC 4180.</p>")
    feed = (f'<h2 id="feed">Feed</h2>\n<p>{link(urls.file_link(HERE, urls.FEED), "<code>feed.xml</code>")} '
            f"(Atom): the {MAX_ENTRIES} most recently updated articles and timeline events. A scheduled event "
            "enters it once its date has passed. An entry's <code>updated</code> is its latest correction's date, "
            "or its own date when it has none.</p>\n"
            "<p>Dates on this site have a precision, timestamps do not: a date becomes noon UTC on the first day "
            "it can mean (<code>2024-05</code> becomes <code>2024-05-01T12:00:00Z</code>, a range its first day), "
            "and the entry's text gives the date as written.</p>")
    shared = "\n".join(
        f'<h3 id="{name.lower()}-object">{name} object</h3>\n<p>{text(schema["description"])}</p>\n'
        + _table(field_rows(schema)) for name, schema in SHARED.items())
    csv_rows = _table((column, "text", description) for column, description in CSV_COLUMNS)
    body = "\n".join([
        intro,
        '<h2 id="downloads">Downloads</h2>', downloads,
        feed,
        _schema_section("events-json", "events.json", "events", "Top level: <code>$schema</code> and "
                        "<code>events</code>, in date order."),
        f'<h2 id="events-csv">events.csv</h2>\n<p>One row per event, in date order, with a header row. Lists '
        f"are separated by spaces (ids and addresses never contain one).</p>\n{csv_rows}",
        _schema_section("people-json", "people.json", "people", "Top level: <code>$schema</code> and "
                        "<code>people</code>, by id."),
        _schema_section("quotes-json", "quotes.json", "quotes", "Top level: <code>$schema</code> and "
                        "<code>quotes</code>."),
        _schema_section("timelinejs", "timeline-<id>.json (TimelineJS)", "timelinejs",
                        "TimelineJS's own format; headline and text are HTML, with everything from the data "
                        "escaped. Dates keep their precision (no month or day when not known)."),
        '<h2 id="shared-objects">Shared objects</h2>', shared,
    ])
    return page("Open data", body, description="Download the events, people and quotes behind this site as JSON "
                "and CSV, each timeline for TimelineJS, and follow updates in the Atom feed.", toc=True)
