"""What a build shows while it runs: on a terminal one live line (editions and charts done, time
elapsed), gone when the build ends; elsewhere (cron, CI, a pipe) nothing at all."""
from __future__ import annotations

import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from briefgen.errors import Location

if TYPE_CHECKING:  # the no-change path formats its lines here without loading the pipeline
    from briefgen.build.edition import EditionResult

CLEAR = "\r\x1b[K"  # back to the line's start, erase it
REDRAW = 0.2  # seconds between redraws of the elapsed time


class Progress:
    """Counts editions and charts; draws them on `stream` when `live` (a terminal), else stays silent."""

    def __init__(self, stream: TextIO | None = None, live: bool = False) -> None:
        self.stream = stream
        self.live = live and stream is not None
        self.started = time.monotonic()
        self.editions = 0  # in all
        self.built = 0
        self.charts: dict[object, tuple[int, int]] = {}  # per edition: (ready, in all)
        self._lock = threading.Lock()
        self._shown = False
        self._last = ""
        self._ticker: threading.Thread | None = None
        self._stop = threading.Event()

    def __enter__(self) -> Progress:
        if self.live:
            self._ticker = threading.Thread(target=self._tick_until_stopped, name="briefgen-progress", daemon=True)
            self._ticker.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def add_editions(self, count: int) -> None:
        with self._lock:
            self.editions += count
        self.draw()

    def chart(self, edition: object, ready: int, total: int) -> None:
        with self._lock:
            self.charts[edition] = (ready, total)
        self.draw()

    def edition_done(self, result: EditionResult) -> None:
        with self._lock:
            self.built += 1
        self.draw()

    def line(self) -> str:
        ready = sum(r for r, _ in self.charts.values())
        total = sum(t for _, t in self.charts.values())
        charts = f", charts {ready}/{total}" if total else ""
        return f"briefgen: editions {self.built}/{self.editions}{charts}, {time.monotonic() - self.started:.1f} s"

    def draw(self) -> None:
        if not self.live or self.stream is None:
            return
        with self._lock:
            line = self.line()
            if line != self._last:
                self.stream.write(CLEAR + line)
                self.stream.flush()
                self._last, self._shown = line, True

    def close(self) -> None:
        """Stop redrawing and erase the line, leaving the terminal as it was."""
        self._stop.set()
        if self._ticker is not None:
            self._ticker.join()
            self._ticker = None
        with self._lock:
            if self._shown and self.stream is not None:
                self.stream.write(CLEAR)
                self.stream.flush()
                self._shown = False

    def _tick_until_stopped(self) -> None:
        while not self._stop.wait(REDRAW):
            self.draw()


def summary(output: Path, pages: int, size: int, draft: bool, unchanged: bool = False) -> str:
    """One line for an edition: where, pages, size, DRAFT when it is one, and whether it was rebuilt."""
    what = [f"{pages} pages", _size(size)] + ["DRAFT (incomplete translation)"] * draft + ["unchanged"] * unchanged
    return f"{Location.of(output)}: {', '.join(what)}"


def _size(size: int) -> str:
    return f"{size / 1_000_000:.1f} MB" if size >= 1_000_000 else f"{max(1, round(size / 1000))} kB"
