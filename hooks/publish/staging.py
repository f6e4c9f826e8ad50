"""Atomic builds: MkDocs writes into a staging folder beside site/, which replaces site/ only at the end.

MkDocs empties site_dir early in a build and then writes page after page, so a build that fails
later (an exception in a template or a hook, or `--strict` aborting on a warning after every page
is written) would leave a half-built or rejected site where the last good one was. Building
beside it and swapping folders at the end means site/ holds either the old site or the new one (with
one gap, between two renames, in which a plain site/ folder does not exist: a reader of the folder
then finds nothing rather than half a site).

When site/ is a link to (or a mount of) a web server's folder, that folder must stay where it is: the
server serves it by its path, so renaming it or pointing the link elsewhere would change nothing
served. The new site's files are renamed over the old ones there one by one instead (each rename is
atomic), and only then is what the new site no longer has removed: a build killed at any moment leaves
every page there, in its old or its new version, never a missing one.

The folders a killed build leaves beside site/ (`.site-building-*`, `.site-old-*`) carry the id of the
process that made them; the next build removes those whose process is gone (and `make clean` all).
"""

from __future__ import annotations

import errno
import os
import re
import secrets
import shutil
from pathlib import Path


def stage(site_dir: str | Path) -> Path:
    """A new, empty folder beside site_dir (same file system, so the final rename is atomic)."""
    target = Path(os.path.abspath(site_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_leftovers(target)
    staged = _sibling(target, "building")
    staged.mkdir()  # the usual permissions (not mkdtemp's 0700): a web server must be able to read it
    return staged


def publish(staged: Path, site_dir: str | Path) -> None:
    """Put the finished build in site_dir's place, then remove the old site."""
    target = Path(os.path.abspath(site_dir))
    if target.is_symlink() or os.path.ismount(target):
        _replace_contents(staged, target)
        return
    old = _sibling(target, "old") if target.exists() else None
    if old is not None:
        target.rename(old)
    staged.rename(target)
    if old is not None:
        shutil.rmtree(old, ignore_errors=True)


def discard(staged: Path) -> None:
    shutil.rmtree(staged, ignore_errors=True)


def _sibling(target: Path, label: str) -> Path:
    return target.parent / f".{target.name}-{label}-{os.getpid()}-{secrets.token_hex(4)}"


def remove_leftovers(target: Path) -> None:
    """Staging and old folders beside target that builds killed mid-way left, but not a running build's."""
    left = re.compile(rf"\.{re.escape(target.name)}-(?:building|old)-(?:(\d+)-)?[0-9a-f]{{8}}")
    for path in target.parent.iterdir():
        match = left.fullmatch(path.name)
        if match and not (match[1] and _running(int(match[1]))) and path.is_dir() and not path.is_symlink():
            shutil.rmtree(path, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # signal 0: only asks whether the process exists
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _replace_contents(staged: Path, target: Path) -> None:
    """Every file of the new site renamed over its old version, then whatever the new site does not
    have removed (the order that leaves nothing missing at any moment)."""
    published: set[Path] = set()
    for folder, _, names in os.walk(staged):
        relative = Path(folder).relative_to(staged)
        destination = target / relative
        if relative.parts:
            published.add(relative)
            if destination.is_symlink() or destination.is_file():
                destination.unlink()  # a file where the new site has a folder
            destination.mkdir(exist_ok=True)
        for name in names:
            published.add(relative / name)
            _move_over(Path(folder) / name, destination / name)
    for folder, folders, names in os.walk(target, topdown=False):
        relative = Path(folder).relative_to(target)
        for name in [*names, *folders]:
            if relative / name not in published:
                _remove(Path(folder) / name)
    shutil.rmtree(staged)


def _move_over(source: Path, destination: Path) -> None:
    """An atomic rename over the old file; across file systems, a copy beside it renamed over it."""
    if destination.is_dir() and not destination.is_symlink():
        shutil.rmtree(destination)  # a folder where the new site has a file
    try:
        os.replace(source, destination)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        copy = destination.with_name(f".{destination.name}.{secrets.token_hex(4)}.tmp")
        shutil.copy2(source, copy)
        os.replace(copy, destination)


def _remove(path: Path) -> None:
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink(missing_ok=True)
