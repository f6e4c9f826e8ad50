"""`mkdocs serve` that survives mistakes and picks up edits to hooks/ without a restart.

MkDocs 1.6 blocks every request after a failed rebuild ("the server will appear stuck until build
errors are resolved"): it waits for a good build before serving anything. So a failed rebuild is
logged here and then reported as done; the site folder still holds the last good build (the data
are checked before MkDocs touches it), which is what the browser keeps showing until the next save.

MkDocs also imports a hook file once per process (`Hooks._load_hook` is lru_cached) and Python keeps
the `hooks.*` modules in sys.modules, so an edited renderer would only apply after a restart. Before
a rebuild that follows an edit to hooks/, this forgets the `hooks` package and runs the hook file
again in its own module object: its imports load the edited core, and MkDocs reads the new event
functions off that module object when it loads the config for the rebuild.
"""

from __future__ import annotations

import importlib.util
import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

PACKAGE = "hooks"
log = logging.getLogger("mkdocs.hooks.preview")


def forget_package(package: str = PACKAGE) -> list[str]:
    """Drop a package and its submodules from sys.modules, so the next import reads the files again."""
    names = [name for name in sys.modules if name == package or name.startswith(f"{package}.")]
    for name in names:
        del sys.modules[name]
    return names


def sources_stamp(package_dir: Path) -> list[tuple[str, int, int]]:
    """Every Python file under the package, with its size and modification time."""
    stamp = []
    for path in sorted(package_dir.rglob("*.py")):
        try:
            info = path.stat()
        except OSError:  # removed while we looked
            continue
        stamp.append((str(path), info.st_size, info.st_mtime_ns))
    return stamp


def rerun(module: ModuleType) -> None:
    """Execute a module's file again in the same module object (its functions and imports renewed)."""
    spec = importlib.util.spec_from_file_location(module.__name__, module.__file__)
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot reload {module.__file__}")
    spec.loader.exec_module(module)


def resilient_rebuild(build: Callable[[], None], hook_module: ModuleType,
                      restart: Callable[[ModuleType], None]) -> Callable[[], None]:
    """`build` with a fresh import of hooks/ first, that never leaves the server stuck. `restart`
    replays to the re-run module what MkDocs told the old one at start-up (`on_startup` is sent once)."""
    # Writing .pyc files into the watched hooks/__pycache__ would itself trigger another rebuild.
    sys.dont_write_bytecode = True

    package_dir = Path(hook_module.__file__).resolve().parent
    loaded = [sources_stamp(package_dir)]

    def rebuild() -> None:
        try:
            # Only when hooks/ changed: a fresh import costs more than the rest of a small rebuild.
            if (stamp := sources_stamp(package_dir)) != loaded[0]:
                forget_package()
                rerun(hook_module)
                restart(hook_module)
                loaded[0] = stamp
            build()
        except SystemExit:  # MkDocs' Abort: the build has already logged why (e.g. every data problem)
            log.warning("Still serving the last good build; it is rebuilt when you save a fix.")
        except Exception:  # a bug in hooks/ or a theme: its traceback is what a developer needs
            log.exception("Still serving the last good build; the rebuild failed:")

    return rebuild
