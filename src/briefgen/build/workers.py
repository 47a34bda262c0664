"""Worker processes that start the same way on Linux, macOS and Windows (spawn) and never outlive a build.

Children ignore Ctrl-C: a terminal sends it to the whole process group, and the build, not each
worker, decides what happens (it stops them, leaves every output as it was, and exits 130).
Editions built in parallel send their PDF back; the parent writes it, so that nothing is replaced
once the build has been told to stop.
"""
from __future__ import annotations

import multiprocessing
import pickle
import signal
import threading
import traceback
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import Connection, wait
from multiprocessing.process import BaseProcess
from typing import Any

from briefgen.errors import Stopped

CONTEXT = multiprocessing.get_context("spawn")  # the only start method Windows has, and macOS's default
STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)
POLL = 0.2  # seconds between looks at the workers (and redraws of the progress display)


def start_process(target: Callable[..., None], args: tuple[Any, ...], name: str) -> BaseProcess:
    """Start target(*args) in a new daemon process that ignores Ctrl-C.

    SIGINT is ignored in this process while the child starts, so that the child inherits the
    ignoring from its first instruction (a handler installed by the child itself would come only
    after its imports, too late for a Ctrl-C meanwhile); a Ctrl-C in those few milliseconds is lost.
    """
    main = threading.current_thread() is threading.main_thread()
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN) if main else None
    try:
        process = CONTEXT.Process(target=_ignoring_interrupts, args=(target, args), name=name, daemon=True)
        process.start()
    finally:
        if previous is not None:
            signal.signal(signal.SIGINT, previous)
    return process


def _ignoring_interrupts(target: Callable[..., None], args: tuple[Any, ...]) -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # again: Windows does not pass SIG_IGN on
    target(*args)


def stop_process(process: BaseProcess) -> None:
    """Stop a child (SIGTERM, then SIGKILL if it lingers) and reap it."""
    if process.is_alive():
        process.terminate()
        process.join(5)
    if process.is_alive():
        process.kill()
    process.join()
    process.close()


def portable(error: BaseException) -> BaseException:
    """The error itself when it survives pickling, else a RuntimeError that names it."""
    try:
        pickle.loads(pickle.dumps(error))
        return error
    except Exception:  # noqa: BLE001 - an exception class that cannot be rebuilt from its args
        return RuntimeError(f"{type(error).__name__}: {error}")


def died(process: BaseProcess, what: str) -> BaseException:
    """What to raise when a child ended without a word: a stop signal from outside, or a bug."""
    process.join()
    code = process.exitcode or 0
    if -code in STOP_SIGNALS:
        return Stopped(-code)  # e.g. SIGTERM sent to the whole group: the build stops as asked
    return RuntimeError(f"{what} stopped (exit code {code})")


@dataclass
class Task:
    """One job running in a child: its process and the end of the pipe it reports on."""

    index: int
    process: BaseProcess
    inbox: Connection


def run_parallel(target: Callable[[Any, Connection], None], jobs: list[Any], workers: int,
                 on_message: Callable[[int, tuple[Any, ...]], None], on_tick: Callable[[], None]) -> None:
    """Run target(job, outbox) for each job, at most `workers` at once, each in its own process.

    Each message a child sends is passed to on_message(job index, message); a child ends with
    ("done", ...) or ("error", error, traceback), which is raised here. On any exception here
    (an error, Ctrl-C, SIGTERM) every child still running is stopped before it propagates.
    """
    waiting = list(enumerate(jobs))
    running: dict[Connection, Task] = {}
    try:
        while waiting or running:
            while waiting and len(running) < workers:
                index, job = waiting.pop(0)
                inbox, outbox = CONTEXT.Pipe(duplex=False)
                try:
                    process = start_process(target, (job, outbox), name=f"briefgen-worker-{index}")
                finally:
                    outbox.close()  # the child holds the only writing end: its exit is our EOF
                running[inbox] = Task(index, process, inbox)
            for ready in wait(list(running), timeout=POLL):
                task = running[ready]  # type: ignore[index]
                try:
                    message = task.inbox.recv()
                except EOFError:
                    raise died(task.process, f"the worker building job {task.index}") from None
                if message[0] == "error":
                    _, error, trace = message
                    error.add_note(f"(raised in a worker process)\n{trace}")
                    raise error
                on_message(task.index, message)
                if message[0] == "done":
                    del running[task.inbox]
                    task.inbox.close()
                    task.process.join(5)  # it ends by itself once it has sent its result
                    stop_process(task.process)
            on_tick()
    finally:
        for task in running.values():
            stop_process(task.process)
            task.inbox.close()


def send_errors(outbox: Connection, work: Callable[[], tuple[Any, ...]]) -> None:
    """In a child: send work()'s result as ("done", ...), or the error it raised, then close."""
    try:
        outbox.send(("done", *work()))
    except BaseException as error:  # noqa: BLE001 - every error goes to the parent, which raises it
        outbox.send(("error", portable(error), traceback.format_exc()))
    finally:
        outbox.close()
