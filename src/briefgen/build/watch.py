"""`briefgen watch`: rebuild a brief on every save of its content, its catalogs or the fonts."""
from __future__ import annotations

import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefgen.build.edition import EditionResult
from briefgen.build.options import BuildOptions
from briefgen.build.pipeline import build_all
from briefgen.build.select import select_briefs
from briefgen.errors import BriefError, Problem
from briefgen.runtime import default_font_dir

WATCHED = (".yaml", ".yml", ".po", ".ttf")  # content, catalogs, fonts
STEP_MS = 50  # a save is acted on once nothing has changed for this long
IDLE_MS = 200  # how often the watcher wakes when nothing changes (the first build waits for it once)


def watch(content_dir: Path, names: list[str], options: BuildOptions, report: Callable[[list[Problem]], object],
          stop_event: Any = None) -> None:
    """Build once, then again after every change, until stopped (Ctrl-C, SIGTERM or stop_event).

    Each build prints one line, and its problems through `report`; an error never ends the watch.
    Everything stays loaded between builds (ReportLab, the fonts, the chart cache), so a changed
    sentence is in the PDF about a second after the save.
    """
    from watchfiles import watch as changes_of

    font_dir = options.font_dir or default_font_dir()
    select_briefs(content_dir, names)  # a missing content folder or brief: a usage error, not a watch of nothing
    first = True
    for changes in changes_of(content_dir, font_dir, watch_filter=_relevant, step=STEP_MS, stop_event=stop_event,
                              rust_timeout=IDLE_MS, yield_on_timeout=True):
        if first:  # the first build once the watcher runs: a save during it is not missed
            _rebuild(content_dir, names, options, report, "built")
            first = False
        elif changes:
            briefs = names or _briefs_touched(content_dir, [Path(path) for _, path in changes])
            _rebuild(content_dir, briefs, options, report, "rebuilt")


def _relevant(change: object, path: str) -> bool:
    name = Path(path).name
    return name.endswith(WATCHED) and not name.startswith(".")


def _briefs_touched(content_dir: Path, paths: list[Path]) -> list[str]:
    """The brief folders the changed paths are in; [] (every brief) when a font changed."""
    root = content_dir.resolve()
    folders: list[str] = []
    for path in paths:
        try:
            folders.append(path.resolve().relative_to(root).parts[0])
        except (ValueError, IndexError):
            return []
    return sorted(set(folders))


def _rebuild(content_dir: Path, names: list[str], options: BuildOptions,
             report: Callable[[list[Problem]], object], verb: str) -> None:
    started = time.monotonic()
    built: list[EditionResult] = []
    try:
        problems = build_all(content_dir, names, options, built)
    except BriefError as exc:
        problems = exc.problems
    report(problems)
    errors = sum(p.severity == "error" for p in problems)
    what = f"{verb} {', '.join(r.output.name for r in built)}" if built else "no edition needed rebuilding"
    outcome = f"; {errors} error{'s' * (errors != 1)}, the previous PDFs were kept" if errors else ""
    print(f"{time.strftime('%H:%M:%S')} {what} in {time.monotonic() - started:.1f} s{outcome}", file=sys.stdout,
          flush=True)
