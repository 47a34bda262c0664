"""The process environment briefgen runs in: a private matplotlib folder when the default one
cannot be written (an unprivileged user, a read-only or missing home), so no warning is printed
and the font cache survives between builds; and what can be decided before anything heavy is
imported."""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import logging
import os
import stat
import sys
import tempfile
from collections.abc import MutableMapping
from importlib import resources
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)


MANIFEST_NAME = "manifest.json"  # in the output folder (build/manifest.py writes it)
PACKAGE = Path(__file__).resolve().parent


def build_date() -> dt.date:
    """SOURCE_DATE_EPOCH's date when set (reproducible builds), else today (UTC)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    now = dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc) if epoch else dt.datetime.now(dt.timezone.utc)
    return now.date()


_CODE_VERSION: list[str] = []


def code_version() -> str:
    """A hash of briefgen's own source and catalogs: new code means new output."""
    if not _CODE_VERSION:
        files = sorted(p for p in PACKAGE.rglob("*") if p.suffix in (".py", ".po") and p.is_file())
        _CODE_VERSION.append(hashlib.sha256(b"".join(p.read_bytes() for p in files)).hexdigest()[:16])
    return _CODE_VERSION[0]


def default_font_dir() -> Path:
    """$BRIEFGEN_FONTS when set, else the fonts installed with the package (briefgen/fonts/)."""
    override = os.environ.get("BRIEFGEN_FONTS")
    return Path(override) if override else bundled_font_dir()


def bundled_font_dir() -> Path:
    """The package's fonts folder; a package installed as files (pip always does) has a real one."""
    folder = resources.files("briefgen") / "fonts"
    if not isinstance(folder, Path):
        raise RuntimeError(f"briefgen's fonts are not on the file system ({folder}); install briefgen unzipped")
    return folder


def probably_current(content_dir: Path, out: Path, today: dt.date | None = None) -> bool:
    """A guess, from file times alone, that a build would find nothing to do: the manifest was
    written today (UTC), after every file of the content folder last changed. It only decides
    whether to start work early (the chart process); fingerprints decide what is built."""
    today = today or dt.datetime.now(dt.timezone.utc).date()
    try:
        written = (out / MANIFEST_NAME).stat().st_mtime
        if dt.datetime.fromtimestamp(written, dt.timezone.utc).date() != today:
            return False
        return all(path.stat().st_mtime <= written for path in content_dir.rglob("*") if path.is_file())
    except OSError:
        return False


def cache_dir() -> Path:
    """$BRIEFGEN_CACHE, or the platform's per-user cache folder (parsed font metrics, word
    segmentations: data only, each checked when read)."""
    override = os.environ.get("BRIEFGEN_CACHE")
    if override:
        return Path(override)
    if sys.platform == "win32":
        return Path(os.environ.get("LOCALAPPDATA", Path.home() / "AppData" / "Local")) / "briefgen" / "Cache"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Caches" / "briefgen"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "briefgen"


def store_json(entry: Path, data: Any) -> None:
    """Write a cache entry atomically; a cache that cannot be written is only a slower next build."""
    try:
        entry.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=entry.parent, suffix=".tmp",
                                         delete=False) as handle:
            json.dump(data, handle, separators=(",", ":"), ensure_ascii=False)
        os.replace(handle.name, entry)
    except OSError as error:
        log.debug("cache entry %s not written (%s)", entry, error)


def private_matplotlib_dir(environ: MutableMapping[str, str] = os.environ) -> Path | None:
    """Set MPLCONFIGDIR to a folder only this user can write when matplotlib's default is not
    writable; return it (None when nothing had to be set). Call before matplotlib is imported."""
    if environ.get("MPLCONFIGDIR"):
        return None
    home = environ.get("HOME") or ""
    config = environ.get("XDG_CONFIG_HOME") or (str(Path(home) / ".config") if home else "")
    if config and _writable(Path(config) / "matplotlib"):
        return None
    cache = environ.get("XDG_CACHE_HOME") or (str(Path(home) / ".cache") if home else "")
    candidates = [Path(cache) / "briefgen" / "matplotlib"] if cache else []
    candidates.append(Path(tempfile.gettempdir()) / f"briefgen-{_uid()}" / "matplotlib")
    for folder in candidates:
        if _private(folder):
            environ["MPLCONFIGDIR"] = str(folder)
            return folder
    folder = Path(tempfile.mkdtemp(prefix="briefgen-matplotlib-"))
    environ["MPLCONFIGDIR"] = str(folder)
    return folder


def _writable(folder: Path) -> bool:
    """matplotlib's own test: the folder exists or can be made, and can be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return False
    return folder.is_dir() and os.access(folder, os.W_OK)


def _private(folder: Path) -> bool:
    """The folder is ours alone: made with mode 0700, a real folder (not a link), owned by us."""
    try:
        folder.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)
        for path in (folder.parent, folder):
            info = path.lstat()
            if not stat.S_ISDIR(info.st_mode) or info.st_uid != _uid() or info.st_mode & 0o022:
                return False
    except OSError:
        return False
    return os.access(folder, os.W_OK)


def _uid() -> int:
    """The user id; Windows has none (os.getuid is POSIX only) and no other user's folders to fear here."""
    getuid = getattr(os, "getuid", None)
    return getuid() if getuid is not None else 0
