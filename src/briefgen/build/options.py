"""What a build was asked for (light: the fast no-change path reads it before the pipeline loads)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from briefgen.files import LOCK_TIMEOUT


@dataclass(frozen=True)
class BuildOptions:
    out: Path
    strict: bool = False
    editions: tuple[str, ...] = ()
    paper: str = "a4"
    print_marks: bool = False
    jobs: int = 0
    progress: bool = False  # a live progress line on stderr (a terminal)
    summary: bool = False  # one line per edition built, on stdout
    font_dir: Path | None = None
    lock_timeout: float = LOCK_TIMEOUT
