"""`mkdocs serve` that survives mistakes and picks up edits to hooks/ without a restart.

MkDocs 1.6 blocks every request after a failed rebuild ("the server will appear stuck until build
errors are resolved"): it waits for a good build before serving anything, and a first build that
fails ends `mkdocs serve`. So a failed build is logged here, its problems kept in STATUS, and then
reported as done; the site folder still holds the last good build (the data are checked before
MkDocs touches it), which the browser keeps showing with the problems over it
(hooks/preview_server.py) until a save fixes them.

MkDocs also imports a hook file once per process (`Hooks._load_hook` is lru_cached) and Python keeps
the `hooks.*` modules in sys.modules, so an edited renderer would only apply after a restart. Before
a rebuild that follows an edit to hooks/, this forgets the `hooks` package and runs the hook file
again in its own module object: its imports load the edited core, and MkDocs reads the new event
functions off that module object when it loads the config for the rebuild.
"""

from __future__ import annotations

import importlib.util
import logging
import signal
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType

from hooks import preview_server

PACKAGE = "hooks"
log = logging.getLogger("mkdocs.hooks.preview")


@dataclass
class Status:
    """How the last build went, for the pages the preview serves."""

    built: bool = False  # a good build exists in the site folder
    title: str = ""
    problems: list[str] = field(default_factory=list)  # empty: the last build was good

    def shown(self) -> tuple[str, list[str]] | None:
        """(title, problems) for the overlay, or None when there is nothing to show."""
        return (self.title, self.problems) if self.problems else None

    def succeeded(self) -> None:
        self.built, self.title, self.problems = True, "", []

    def failed(self, error: BaseException) -> None:
        data_problems = _data_problems(error)
        if data_problems is not None:
            count = len(data_problems)
            what = f"data/ has {count} problem{'' if count == 1 else 's'}"
            self.problems = [getattr(problem, "with_excerpt", problem.__str__)() for problem in data_problems]
        else:
            what = "the build failed"
            cause = error.__context__ if isinstance(error, SystemExit) and error.__context__ else error
            self.problems = [f"{type(cause).__name__}: {cause} (the terminal has the details)"]
        self.title = (f"Not updated: {what}; this page is the last good build" if self.built
                      else f"The site cannot be built yet: {what}")


# One per `mkdocs serve`: the server's wrappers are installed once and keep this object, while
# hooks/ may be imported afresh (resilient_rebuild).
STATUS = Status()


def stop_on_sigterm() -> None:
    """SIGTERM ends `mkdocs serve` as Ctrl-C does (KeyboardInterrupt), so that it removes its temporary
    site folder (by default Python dies on SIGTERM at once, leaving it behind, in /dev/shm each time)."""
    if threading.current_thread() is threading.main_thread():
        signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: object) -> None:
    raise KeyboardInterrupt


def _data_problems(error: BaseException) -> list | None:
    """The problems of the DataError behind a failed build (MkDocs' Abort <- PluginError <- DataError),
    found by their attribute: after a fresh import of hooks/ the class is another object."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(getattr(error, "problems", None), list):
            return error.problems
        error = error.__cause__ or error.__context__
    return None


def tolerant(build: Callable[..., None], status: Status = STATUS) -> Callable[..., None]:
    """MkDocs' build as `mkdocs serve` calls it, for the first build as for each rebuild, that records a
    failure in `status` instead of ending the server; the first call first checks the port."""
    if getattr(build, "tolerant", False):
        return build  # already wrapped (on_startup runs again after hooks/ is imported afresh)
    first = [True]

    def run(config, **options) -> None:  # noqa: ANN001 (MkDocsConfig)
        if first[0]:
            first[0] = False
            host, port = config.dev_addr.host, config.dev_addr.port
            if preview_server.port_is_taken(host, port):
                log.error(preview_server.port_taken_message(host, port))
                raise SystemExit(1)
        try:
            build(config, **options)
        except SystemExit as error:  # MkDocs' Abort: the build has already logged why (e.g. every data problem)
            status.failed(error)
            log.warning("Still serving the last good build; it is rebuilt when you save a fix." if status.built else
                        "Serving the problems on every page until they are fixed; the site is built then.")
        except Exception as error:  # a bug in hooks/ or a theme: its traceback is what a developer needs
            status.failed(error)
            log.exception("Still serving the last good build; the rebuild failed:" if status.built else
                          "Serving the error on every page until it is fixed; the build failed:")
        else:
            status.succeeded()

    run.tolerant = True  # type: ignore[attr-defined]
    return run


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
        except Exception as error:  # in re-importing hooks/ or reading mkdocs.yml (the build itself is `tolerant`)
            STATUS.failed(error)
            log.exception("Still serving the last good build; the rebuild failed:")

    return rebuild
