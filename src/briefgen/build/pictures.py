"""The pictures of an edition's charts: from the cache, or drawn in a second process and streamed
to the layout one by one, so that text layout and font loading overlap matplotlib."""
from __future__ import annotations

import os
import queue
import threading
import traceback
from collections.abc import Callable
from multiprocessing.connection import Connection
from multiprocessing.process import BaseProcess
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen.build.cache import PictureFormatError, decode, encode
from briefgen.build.workers import CONTEXT, died, portable, start_process, stop_process
from briefgen.errors import Location, Problem
from briefgen.files import atomic_write, sha256_bytes

if TYPE_CHECKING:  # the chart process imports this module first: as little as it can
    from briefgen.model.document import ChartData, Document
from briefgen.model.picture import Picture

Draw = Callable[["ChartData", Path], Picture]  # how a chart becomes a Picture (charts.render.render_picture)
OnChart = Callable[[int, int], None]  # told (charts ready, charts in all) as each one is ready
Job = tuple["ChartData", Path, Path]  # the chart, its cache file, the font folder
Jobs = list[tuple[str, Job]]  # the chart process's work: each job with its set's key (the locale)


def story_order(document: Document) -> list[ChartData]:
    """The document's charts in the order its story shows them (as StoryBuilder.part places them),
    so that the chart process draws first what the layout needs first."""
    order: list[str] = []
    for part in document.parts:
        lead = [part.chart.id] if part.chart and part.intro else []
        tail = [part.chart.id] if part.chart and not part.intro else []
        order += lead + [s.chart.id for s in part.sections if s.chart] + tail
    position = {chart_id: n for n, chart_id in enumerate(order)}
    return sorted(document.charts(), key=lambda c: position.get(c.id, len(position)))


class ChartPictures(dict[str, Picture]):
    """One language's chart Pictures by chart id: the cached ones, and the ones being drawn.

    Looking up a chart that the chart process has not sent yet waits until it arrives (or raises
    the error that stopped the process). `finish` waits for the rest of this language's charts
    and says how many were drawn; `close` (always, in a finally) stops the process if it is still
    running. Several languages may share one chart process (a _Stream).
    """

    def __init__(self, pictures: dict[str, Picture], drawn: int, pending: tuple[str, ...] = (),
                 stream: _Stream | None = None, warnings: tuple[Problem, ...] = (),
                 on_chart: OnChart | None = None) -> None:
        super().__init__(pictures)
        self.total = len(pictures) + len(pending)
        self.on_chart = on_chart
        self.drawn = drawn  # charts not found in the cache, drawn here or in the chart process
        self.warnings = warnings  # cache files that were damaged or foreign, and so ignored
        self.pending = set(pending)  # ids the chart process has yet to send
        self.stream = stream

    @property
    def process(self) -> BaseProcess | None:
        """The chart process still drawing for this language, if any."""
        return self.stream.process if self.stream is not None and self.pending else None

    def __missing__(self, chart_id: str) -> Picture:
        if chart_id not in self.pending:
            raise KeyError(chart_id)
        while chart_id in self.pending:
            self._stream().receive(chart_id)
        return self[chart_id]

    def finish(self) -> int:
        """Wait until every chart of this language has arrived, and when no language still waits
        for the chart process, until it has cached them all and ended; return how many were drawn."""
        while self.pending:
            self._stream().receive(None)
        if self.stream is not None and not any(s.pending for s in self.stream.sets.values()):
            self.stream.finish()
        return self.drawn

    def reraise(self) -> None:
        """Raise the chart process's error, if it sent one, as it was sent."""
        if self.stream is not None:
            self.stream.reraise()

    def close(self) -> None:
        """Reap the chart process, stopping it first if it is still drawing (an error in the parent)."""
        if self.stream is not None:
            self.stream.close()

    def arrive(self, chart_id: str, picture: Picture) -> None:
        self[chart_id] = picture
        self.pending.discard(chart_id)
        if self.on_chart is not None:
            self.on_chart(len(self), self.total)

    def _stream(self) -> _Stream:
        if self.stream is None:
            raise RuntimeError("charts were asked for that no chart process draws")
        return self.stream


class _Stream:
    """The output of one chart process: pictures of one or more languages, in the order drawn,
    each handed to its language's ChartPictures; an error; then the end of the output."""

    def __init__(self, process: BaseProcess, inbox: Connection) -> None:
        self.process: BaseProcess | None = process
        self.inbox: Connection | None = inbox
        self.sets: dict[str, ChartPictures] = {}  # by locale
        self.error: BaseException | None = None  # what stopped the chart process, as it raised it

    def receive(self, wanted: str | None) -> None:
        """One message from the chart process: a Picture, its error, or the end of its output."""
        if self.inbox is None or self.process is None:
            raise RuntimeError(f"chart {wanted!r} was asked for after the chart process was closed")
        try:
            message = self.inbox.recv()
        except EOFError:
            self.inbox.close()
            self.inbox = None
            self.process.join()
            if any(s.pending for s in self.sets.values()) or self.process.exitcode:
                what = f"before sending chart {wanted!r}" if wanted else "before it finished"
                raise died(self.process, f"the chart process {what}") from None
            return
        if message[0] == "error":
            _, error, trace = message
            error.add_note(f"(raised in the chart process)\n{trace}")
            self.error = error
            raise error
        _, locale, chart_id, data = message
        self.sets[locale].arrive(chart_id, decode(data))

    def finish(self) -> None:
        """Wait for the end of the output: every chart drawn and cached (or the process's error)."""
        while self.inbox is not None:
            self.receive(None)

    def reraise(self) -> None:
        if self.error is not None:
            raise self.error from None

    def close(self) -> None:
        if self.process is not None:
            stop_process(self.process)
            self.process = None
        if self.inbox is not None:
            self.inbox.close()
            self.inbox = None


_warm: tuple[BaseProcess, Connection, Connection] | None = None  # process, its job pipe, its results


def prewarm() -> None:
    """Start the chart process now, at the start of a build: it imports matplotlib (the slowest
    part of drawing charts) while this process is still loading content, then waits for work.
    A build that needs no chart drawn in the background discards it (discard_prewarmed)."""
    global _warm
    if _warm is not None or (os.cpu_count() or 1) < 2:
        return
    jobs_in, jobs_out = CONTEXT.Pipe(duplex=False)
    inbox, outbox = CONTEXT.Pipe(duplex=False)
    try:
        process = start_process(_wait_for_jobs, (jobs_in, outbox), name="briefgen-charts")
    finally:
        jobs_in.close()
        outbox.close()
    _warm = (process, jobs_out, inbox)


def discard_prewarmed() -> None:
    """Stop a prewarmed chart process that no edition took."""
    global _warm
    if _warm is not None:
        process, jobs_out, inbox = _warm
        _warm = None
        stop_process(process)
        jobs_out.close()
        inbox.close()


def _wait_for_jobs(jobs_in: Connection, outbox: Connection) -> None:
    import briefgen.charts.render  # noqa: F401 - the slow import, while the parent starts

    try:
        jobs, draw = jobs_in.recv()
    except EOFError:
        return
    _draw_and_send(jobs, outbox, draw)


def _chart_process(jobs: Jobs, draw: Draw | None) -> tuple[BaseProcess, Connection]:
    """The prewarmed chart process given these jobs, or a new one started for them."""
    global _warm
    if _warm is not None and _warm[0].is_alive():
        process, jobs_out, inbox = _warm
        _warm = None
        jobs_out.send((jobs, draw))
        jobs_out.close()
        return process, inbox
    discard_prewarmed()
    inbox, outbox = CONTEXT.Pipe(duplex=False)
    try:
        process = start_process(_draw_and_send, (jobs, outbox, draw), name="briefgen-charts")
    finally:
        outbox.close()  # the child holds the only writing end: its exit is the parent's EOF
    return process, inbox


def start_charts(charts: list[ChartData], cache: Path, font_dir: Path, version: str, background: bool,
                 on_chart: OnChart | None = None, draw: Draw | None = None) -> ChartPictures:
    """One language's charts: start_chart_sets for a single set."""
    locale = charts[0].locale if charts else ""
    return start_chart_sets({locale: charts}, cache, font_dir, version, background, {locale: on_chart}, draw)[locale]


def start_chart_sets(sets: dict[str, list[ChartData]], cache: Path, font_dir: Path, version: str, background: bool,
                     on_chart: dict[str, OnChart | None] | None = None,
                     draw: Draw | None = None) -> dict[str, ChartPictures]:
    """Each language's charts (by locale): cached pictures loaded, the missing ones drawn at once
    or, in the background, by one second process for every language, in the order given (each
    language's charts in turn), each sent as soon as it is drawn. A build with every chart cached
    starts no process and never imports matplotlib. `draw` replaces charts.render.render_picture
    (it must be importable by name: the chart process imports it); `on_chart` hears of each
    language's charts as they become ready.
    """
    on_chart = on_chart or {}
    found: dict[str, dict[str, Picture]] = {}
    warnings: dict[str, tuple[Problem, ...]] = {}
    jobs: dict[str, list[Job]] = {}
    for locale, charts in sets.items():
        paths = {c.id: cache / f"{c.locale}-{c.id}-{sha256_bytes((version + repr(c)).encode())[:16]}.json"
                 for c in charts}
        read = {c.id: _cached_picture(paths[c.id]) for c in charts}
        found[locale] = {chart_id: p for chart_id, p in read.items() if isinstance(p, Picture)}
        warnings[locale] = tuple(p for p in read.values() if isinstance(p, Problem))
        jobs[locale] = [(c, paths[c.id], font_dir) for c in charts if c.id not in found[locale]]
        if (tell := on_chart.get(locale)) is not None:
            tell(len(found[locale]), len(charts))
    every_job = [(locale, job) for locale in sets for job in jobs[locale]]
    if not background or not every_job:
        return {locale: _drawn_here(found[locale], jobs[locale], warnings[locale], on_chart.get(locale), draw)
                for locale in sets}
    process, inbox = _chart_process(every_job, draw)
    stream = _Stream(process, inbox)
    for locale in sets:
        stream.sets[locale] = ChartPictures(found[locale], len(jobs[locale]), tuple(j[0].id for j in jobs[locale]),
                                            stream, warnings[locale], on_chart.get(locale))
    return stream.sets


def _drawn_here(found: dict[str, Picture], jobs: list[Job], warnings: tuple[Problem, ...],
                on_chart: OnChart | None, draw: Draw | None) -> ChartPictures:
    pictures = dict(found)
    for job in jobs:
        pictures[job[0].id] = _draw_picture(job, draw)
        if on_chart is not None:
            on_chart(len(pictures), len(found) + len(jobs))
    return ChartPictures(pictures, len(jobs), warnings=warnings)


def _draw_and_send(jobs: Jobs, outbox: Connection, draw: Draw | None) -> None:
    """In the chart process: draw each chart, send it, then cache it; on an error send the error.

    A thread does the sending, so that drawing never waits for the parent to read the pipe.
    """
    letters: queue.SimpleQueue[tuple[object, ...] | None] = queue.SimpleQueue()
    sender = threading.Thread(target=_send_all, args=(letters, outbox))
    sender.start()
    try:
        draw = draw or _render_picture()
        for locale, (chart, path, font_dir) in jobs:
            data = encode(draw(chart, font_dir))
            letters.put(("picture", locale, chart.id, data))
            atomic_write(path, data)
    except BaseException as error:  # noqa: BLE001 - every error goes to the parent, which raises it
        letters.put(("error", portable(error), traceback.format_exc()))
    finally:
        letters.put(None)
        sender.join()
        outbox.close()


def _send_all(letters: queue.SimpleQueue[tuple[object, ...] | None], outbox: Connection) -> None:
    while (letter := letters.get()) is not None:
        outbox.send(letter)


def _render_picture() -> Draw:
    from briefgen.charts.render import render_picture  # matplotlib: only when a chart must be drawn

    return render_picture


def _draw_picture(job: Job, draw: Draw | None) -> Picture:
    """Draw one chart here and cache it."""
    chart, path, font_dir = job
    picture = (draw or _render_picture())(chart, font_dir)
    atomic_write(path, encode(picture))
    return picture


def _cached_picture(path: Path) -> Picture | Problem | None:
    """The Picture an earlier build cached at `path`; None when there is none; a warning when the
    file is not a valid picture (damaged, or not written by briefgen): it is then drawn again.

    The file is only parsed as JSON and validated, never executed, whoever could write the folder."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        return Problem(Location.of(path), f"cannot read the chart cache ({exc.strerror}); drawing the chart again",
                       "warning")
    try:
        return decode(data)
    except PictureFormatError as exc:
        return Problem(Location.of(path), f"not a chart picture briefgen wrote ({exc}); ignored, the chart "
                                          "is drawn again", "warning")
