"""The open-data page (/data/): every download, the feed, and what each field means
(hooks/render/templates/data.html)."""

from __future__ import annotations

from hooks import urls
from hooks.publish.export_schema import CSV_COLUMNS, SCHEMAS, SHARED, field_rows
from hooks.publish.feed import MAX_ENTRIES
from hooks.render.common import Context, page
from hooks.render.html import render_template

HERE = urls.DATA


def data_page(ctx: Context) -> str:
    site = ctx.site
    body = render_template(
        "data.html", urls=urls, schemas=SCHEMAS, shared=SHARED, field_rows=field_rows, schema_path=urls.schema,
        file_link=lambda path: urls.file_link(HERE, path), page_link=lambda to: urls.link(HERE, to),
        counts={"events": len(site.events), "people": len(site.people), "quotes": len(site.quotes)},
        timelines=sorted(site.timelines.values(), key=lambda t: t.id), feed_entries=MAX_ENTRIES,
        csv_rows=[(column, "text", description) for column, description in CSV_COLUMNS])
    return page("Open data", body.rstrip("\n"), description="Download the events, people and quotes behind this site as "
                "JSON and CSV, each timeline for TimelineJS, and follow updates in the Atom feed.", toc=True, kind="Data")
