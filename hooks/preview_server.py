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
import threading
import time
from collections.abc import Callable
from pathlib import Path

import watchdog.events

from hooks import preview_overlay

log = logging.getLogger("mkdocs.hooks.preview")
REWATCH_SECONDS = 0.5  # how often to look for data/ again after it was moved away


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


def watch_data(server, folder: Path, ignored: Callable[[str], bool]) -> None:  # noqa: ANN001
    """Watch data/ in MkDocs' place (its own `server.watch(data)` then only counts): a change to an
    editor's leftover (`ignored(name)`) rebuilds nothing, and when data/ is moved away and put back
    (`mv data data.bak && cp -r data.bak data`) the watch starts again on the new folder, where
    watchdog's polling would stop for good."""
    path = os.path.abspath(folder)
    state = {"watch": None}

    def on_any_event(event: watchdog.events.FileSystemEvent) -> None:
        if event.src_path == path and event.event_type == watchdog.events.EVENT_TYPE_DELETED:
            log.warning("%s was removed or replaced; the preview watches for it to come back", _shown(path))
            threading.Thread(target=rewatch, name="rewatch-data", daemon=True).start()
            request_rebuild(server)  # shows that data/ is missing
            return
        if event.is_directory:
            return
        names = [os.path.basename(p) for p in (event.src_path, getattr(event, "dest_path", "")) if p]
        if all(ignored(name) for name in names):
            return
        request_rebuild(server)

    handler = watchdog.events.FileSystemEventHandler()
    handler.on_any_event = on_any_event  # type: ignore[method-assign]

    def schedule() -> None:
        state["watch"] = server.observer.schedule(handler, path, recursive=True)
        server._watch_refs[path] = state["watch"]  # noqa: SLF001 for MkDocs' unwatch()

    def rewatch() -> None:
        while not server._shutdown:  # noqa: SLF001
            if os.path.isdir(path):
                server.observer.unschedule(state["watch"])  # its emitter has stopped; a new one reads the new folder
                schedule()
                log.info("Watching %s again", _shown(path))
                request_rebuild(server)
                return
            time.sleep(REWATCH_SECONDS)

    server._watched_paths[path] = server._watched_paths.get(path, 0) + 1  # noqa: SLF001
    schedule()


def _shown(path: str) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:
        return path
