"""Reading built HTML as a browser would, for what must never be there: active markup from content.

`unsafe_markup(html)` lists every script that is inline or from another host, every event-handler
attribute, every link or source with a javascript:/data:/vbscript: address (after the clean-up
browsers do: case, spaces, tabs and line breaks), every tag that embeds, redirects or re-bases a
page, and every inline style (which the Content-Security-Policy would block anyway). The theme's
own markup passes: its scripts are files of this site and its one inline script is JSON data.
`visible_text(html)` is the text a reader sees, for "shows X as text".
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

DATA_SCRIPT_TYPES = {"application/json", "application/ld+json"}  # data blocks: browsers never run them
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "background", "data", "cite",
                  "ping", "srcset", "manifest", "codebase"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
EMBEDDING_TAGS = {"iframe", "frame", "frameset", "object", "embed", "applet", "base", "portal"}
_URL_NOISE = re.compile(r"[\t\n\r]")  # browsers delete these anywhere in a URL
_LEADING = re.compile(r"^[\x00-\x20]+")  # …and strip C0 controls and spaces in front


class _Scanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.findings: list[str] = []
        self.text: list[str] = []
        self._script: tuple[str, list[str]] | None = None  # (type, content) of the <script> being read

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        tag_text = self.get_starttag_text() or tag
        for name, value in values.items():
            if name.startswith("on"):
                self.findings.append(f"event handler {name}= in {tag_text}")
            if name == "style":
                self.findings.append(f"inline style in {tag_text}")
            if name in URL_ATTRIBUTES and dangerous_url(value):
                self.findings.append(f"{name}={value!r} in {tag_text}")
        if tag in EMBEDDING_TAGS:
            self.findings.append(f"<{tag}> element: {tag_text}")
        if tag == "style":
            self.findings.append("inline <style> element")
        if tag == "meta" and "http-equiv" in values and values["http-equiv"].lower() != "content-security-policy":
            self.findings.append(f"meta http-equiv: {tag_text}")
        if tag == "form" and ("action" in values or "method" in values):
            self.findings.append(f"form that submits somewhere: {tag_text}")
        if tag == "script":
            src = values.get("src")
            if src is not None and re.match(r"^([a-z][a-z0-9+.-]*:|//)", src.strip(), re.IGNORECASE):
                self.findings.append(f"script from elsewhere: {src}")
            self._script = (values.get("type", "").lower(), []) if src is None else None

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            kind, content = self._script
            if kind not in DATA_SCRIPT_TYPES and "".join(content).strip():
                self.findings.append(f"inline script: {''.join(content).strip()[:80]!r}")
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script[1].append(data)
        else:
            self.text.append(data)


def dangerous_url(value: str) -> bool:
    cleaned = _LEADING.sub("", _URL_NOISE.sub("", value)).lower()
    return cleaned.startswith(DANGEROUS_SCHEMES)


def unsafe_markup(html: str) -> list[str]:
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return scanner.findings


def visible_text(html: str) -> str:
    """The page's text nodes run together (as a browser shows inline text), whitespace collapsed."""
    scanner = _Scanner()
    scanner.feed(html)
    scanner.close()
    return " ".join("".join(scanner.text).split())
