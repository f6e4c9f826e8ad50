"""Atomic builds: MkDocs writes into a staging folder beside site/, which replaces site/ only at the end.

MkDocs empties site_dir early in a build and then writes page after page, so a build that fails
later (an exception in a template or a hook, or `--strict` aborting on a warning after every page
is written) would leave a half-built or rejected site where the last good one was. Building
beside it and swapping folders at the end means site/ holds either the old site or the new one.
"""

from __future__ import annotations

import os
import secrets
import shutil
from pathlib import Path


def stage(site_dir: str | Path) -> Path:
    """A new, empty folder beside site_dir (same file system, so the final rename is atomic)."""
    target = Path(os.path.abspath(site_dir))
    target.parent.mkdir(parents=True, exist_ok=True)
    staged = _sibling(target, "building")
    staged.mkdir()  # the usual permissions (not mkdtemp's 0700): a web server must be able to read it
    return staged


def publish(staged: Path, site_dir: str | Path) -> None:
    """Put the finished build in site_dir's place, then remove the old site."""
    target = Path(os.path.abspath(site_dir))
    if target.is_symlink() or os.path.ismount(target):
        # A link or mount point (a web server's folder) must stay where it is: replace what is inside.
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
    return target.parent / f".{target.name}-{label}-{secrets.token_hex(4)}"


def _replace_contents(staged: Path, target: Path) -> None:
    for child in list(target.iterdir()):
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
    for child in list(staged.iterdir()):
        shutil.move(child, target / child.name)  # may cross file systems
    staged.rmdir()
