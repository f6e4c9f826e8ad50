"""Under `mkdocs serve`, the theme's files are listed once, not on every rebuild.

Each build, MkDocs lists every file of every theme folder to find the static ones (stylesheets,
scripts, images). Material's folder holds 14,500 files, most of them icons, and sorting them out
took 80 ms of each 0.7 s rebuild of today's site. An installed theme does not change while the
server runs, so its listing is kept; folders outside site-packages (overrides/) are checked on every
rebuild by their files' sizes and times, and listed again when anything in them changed.
"""

from __future__ import annotations

import os
import sysconfig
from pathlib import Path
from typing import Any, Callable

_INSTALLED = [Path(sysconfig.get_paths()[name]).resolve() for name in ("purelib", "platlib")]


class ThemeListing:
    def __init__(self) -> None:
        self._listings: dict[tuple, list[str]] = {}

    def wrap(self, get_env: Callable[[], Any], theme_dirs: list[str], static_templates: list[str]) -> Callable[[], Any]:
        """`theme.get_env` whose environments list the theme's files from here."""

        def cached_get_env() -> Any:
            env = get_env()
            list_templates = env.list_templates

            def listing(extensions: Any = None, filter_func: Any = None) -> list[str]:
                if extensions is not None or filter_func is None:
                    return list_templates(extensions, filter_func)
                # The filter is a fresh function each build; what it keeps depends on these alone.
                key = (filter_func.__qualname__, tuple(static_templates), tuple(theme_dirs), _stamp(theme_dirs))
                if key not in self._listings:
                    self._listings = {key: list_templates(extensions, filter_func)}  # only the latest
                return list(self._listings[key])

            env.list_templates = listing
            return env

        return cached_get_env


def _stamp(theme_dirs: list[str]) -> tuple:
    """Size and time of every file in the theme folders that are not installed packages."""
    stamp = []
    for folder in theme_dirs:
        if any(Path(folder).resolve().is_relative_to(installed) for installed in _INSTALLED):
            continue
        for root, dirs, names in os.walk(folder):
            dirs.sort()
            for name in sorted(names):
                try:
                    info = os.stat(os.path.join(root, name))
                except OSError:  # removed while we looked: the next rebuild sees it
                    continue
                stamp.append((root, name, info.st_size, info.st_mtime_ns))
    return tuple(stamp)
