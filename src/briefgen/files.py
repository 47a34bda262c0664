"""Files a build writes (atomic replacement, content hashes, a lock per output folder) and which
files a brief may read (only its own: no link out of its folder, no '..')."""
from __future__ import annotations

import contextlib
import fcntl
import hashlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def atomic_write(path: Path, data: bytes) -> None:
    """Write beside path, fsync, then rename over it: readers see the old file or the new one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


@contextlib.contextmanager
def locked(folder: Path) -> Iterator[None]:
    """Hold an exclusive lock on folder/.lock: two builds of one brief take turns."""
    folder.mkdir(parents=True, exist_ok=True)
    with (folder / ".lock").open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def outside_brief(root: Path, path: Path) -> str | None:
    """Why path may not be read as part of the brief in root, or None when it may.

    Links inside the brief are fine; a link (of the file or of a folder on its way) that leads
    out of the brief's folder is refused before anything is read, so no message can show
    what such a file holds.
    """
    relative = path.relative_to(root) if path.is_relative_to(root) else None
    if relative is None or ".." in relative.parts:
        return "a path out of the brief's folder is refused (no '..')"
    try:
        target = path.resolve()
        home = root.resolve()
    except (OSError, RuntimeError):  # a loop of links
        return "a link that leads nowhere (a loop of links) is refused"
    if not target.is_relative_to(home):
        return "a link to a file outside the brief's folder is refused; copy the file into the brief"
    return None
