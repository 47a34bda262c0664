"""Files a build writes (atomic replacement, content hashes, a lock per output folder) and which
files a brief may read (only its own: no link out of its folder, no '..')."""
from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path

from briefgen.errors import Location, LockTimeout

log = logging.getLogger("briefgen")
LOCK_TIMEOUT = 300.0  # seconds a build waits for another one to finish with its output folder
PARTIAL = ".*.part"  # atomic_write's temporary files


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
def locked(folder: Path, timeout: float = LOCK_TIMEOUT) -> Iterator[None]:
    """Hold an exclusive lock on folder/.lock (Linux, macOS and Windows alike): two builds of one
    brief take turns. Waiting says so once; after `timeout` seconds it gives up with LockTimeout."""
    from filelock import FileLock, Timeout  # here: a chart process writes files but takes no lock

    folder.mkdir(parents=True, exist_ok=True)
    lock = FileLock(folder / ".lock")
    try:
        lock.acquire(timeout=0)
    except Timeout:
        log.warning("briefgen: waiting for another build to finish with %s (at most %g s, see --lock-timeout)",
                    Location.of(folder), timeout)
        try:
            lock.acquire(timeout=timeout)
        except Timeout:
            raise LockTimeout(f"another build kept {Location.of(folder)} locked for {timeout:g} s; giving up "
                              f"(its lock file is {Location.of(folder / '.lock')})") from None
    try:
        yield
    finally:
        lock.release()


def remove_partial(folder: Path) -> None:
    """Delete the temporary files of writes that a stopped build left in folder (hold its lock)."""
    for path in folder.rglob(PARTIAL):
        path.unlink(missing_ok=True)


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
