"""What the preview adds to MkDocs' live-reload server: the problems on the open page, a one-line
answer when the port is taken, and a watch on data/ that ignores editors' leftovers and survives
the folder being replaced.

MkDocs' LiveReloadServer has no API for any of this; the few private parts used (how it injects
its script, its error pages, its rebuild flag and watches) are named here and nowhere else.
"""

from __future__ import annotations

import errno
import logging
import os
import socket
from collections.abc import Callable
from pathlib import Path

from hooks import preview_overlay
from hooks.data_watch import DataWatch

log = logging.getLogger("mkdocs.hooks.preview")


def port_taken_message(host: str, port: int) -> str:
    return (f"Port {port} on {host} is already in use (another preview?); stop it, "
            f"or pick another port: make serve PORT={port + 1}")


def port_is_taken(host: str, port: int) -> bool:
    """Whether the server could not listen there (bound the way it binds: address reuse allowed)."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            return error.errno == errno.EADDRINUSE
    return False


def refuse_taken_port(server) -> None:  # noqa: ANN001 (mkdocs.livereload.LiveReloadServer)
    """If the port is taken by the time the server binds (after the first build), one line, no traceback."""
    bind = server.server_bind

    def server_bind() -> None:
        try:
            bind()
        except OSError as error:
            if error.errno != errno.EADDRINUSE:
                raise
            host, port = server.server_address[:2]
            log.error(port_taken_message(host, port))
            raise SystemExit(1) from None

    server.server_bind = server_bind


def show_problems(server, problems: Callable[[], tuple[str, list[str]] | None]) -> None:  # noqa: ANN001
    """Every HTML page served carries the current problems (`problems()`: a title and the list, or None
    when the last build was good); with no page to show (never built yet), a page of the problems."""
    inject = server._inject_js_into_html  # noqa: SLF001 adds MkDocs' live-reload script to each page
    error_page = server.error_handler
    serve = server.serve_request
    mount = server.mount_path

    def inject_with_problems(content: bytes, epoch: int) -> bytes:
        if (current := problems()) is not None:
            content = preview_overlay.with_overlay(content, *current, mount)
        return inject(content, epoch)

    def error_handler(code: int) -> bytes | None:
        current = problems()
        if code != 404 or current is None:
            return error_page(code)
        # The live-reload script too: this page must reload by itself once the site builds.
        return inject(preview_overlay.problems_page(*current, mount), server._visible_epoch)  # noqa: SLF001

    def serve_request(environ: dict, start_response: Callable):
        if environ.get("PATH_INFO") == mount + preview_overlay.STYLESHEET_URL:
            css = preview_overlay.STYLESHEET.read_bytes()
            start_response("200 OK", [("Content-Type", "text/css; charset=utf-8"), ("Content-Length", str(len(css)))])
            return [css]
        return serve(environ, start_response)

    server._inject_js_into_html = inject_with_problems  # noqa: SLF001
    server.error_handler = error_handler
    server.set_app(serve_request)


def request_rebuild(server) -> None:  # noqa: ANN001
    """What MkDocs' own watch callback does: ask the build loop for a rebuild."""
    with server._rebuild_cond:  # noqa: SLF001
        server._want_rebuild = True  # noqa: SLF001
        server._rebuild_cond.notify_all()  # noqa: SLF001


def watch_data(server, folder: Path) -> None:  # noqa: ANN001
    """Watch data/ in MkDocs' place (its own `server.watch(data)` then only counts), with the watch
    `make check WATCH=1` uses too (hooks/data_watch.py): editors' leftovers rebuild nothing, and a
    replaced data/ is watched again."""
    shown = _shown(os.path.abspath(folder))

    def gone() -> None:
        log.warning("%s was removed or replaced; the preview watches for it to come back", shown)
        request_rebuild(server)  # shows that data/ is missing

    def back() -> None:
        server._watch_refs[watch.path] = watch.watch  # noqa: SLF001 for MkDocs' unwatch()
        log.info("Watching %s again", shown)
        request_rebuild(server)

    watch = DataWatch(server.observer, folder, changed=lambda: request_rebuild(server), gone=gone, back=back,
                      stopped=lambda: server._shutdown)  # noqa: SLF001
    server._watched_paths[watch.path] = server._watched_paths.get(watch.path, 0) + 1  # noqa: SLF001
    server._watch_refs[watch.path] = watch.start()  # noqa: SLF001


def _shown(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path
