"""Errors a user can act on, each pointing at a file, line and column.

Hierarchy:

    BriefError              a mistake in the user's content, catalogs or command line
    ├── ContentError        YAML, schema or cross-reference problems (exit 1)
    ├── TranslationError    missing, fuzzy or malformed translations under --strict (exit 1)
    ├── UsageError          a wrong command line, unknown brief or locale (exit 2)
    └── LockTimeout         another build held the output folder past --lock-timeout (exit 75)

    Stopped                 (a BaseException) Ctrl-C or SIGTERM: exit 128 + the signal's number

The CLI reports a BriefError as its one-line problems; anything else is a bug (exit 70, with
the traceback under -v).
"""
from __future__ import annotations

import os
import re
import signal
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path


@dataclass(frozen=True)
class Location:
    """A place in a user's file; line and column are 1-based, 0 when unknown."""

    path: str
    line: int = 0
    column: int = 0

    @classmethod
    def unknown(cls) -> Location:
        return cls("<unknown>")

    @classmethod
    def of(cls, path: str | Path, line: int = 0, column: int = 0) -> Location:
        return cls(_display_path(path), line, column)

    def __str__(self) -> str:
        if self.line and self.column:
            return f"{self.path}:{self.line}:{self.column}"
        if self.line:
            return f"{self.path}:{self.line}"
        return self.path


def _display_path(path: str | Path) -> str:
    """Paths relative to the working directory when they are under it, as editors expect."""
    return _relative(str(path), os.getcwd())


@lru_cache(maxsize=1024)
def _relative(path: str, cwd: str) -> str:
    try:
        return str(Path(path).resolve().relative_to(Path(cwd).resolve()))
    except ValueError:
        return path


@dataclass(frozen=True)
class Problem:
    """One finding: where, what, and whether it stops a build."""

    where: Location
    message: str
    severity: str = "error"  # error | warning | note (what followed from the errors above it)

    def __str__(self) -> str:
        label = f"{self.severity}: "
        where = "briefgen" if self.where == Location.unknown() else str(self.where)
        return f"{where}: {label}{one_line(self.message)}"


def one_line(message: str) -> str:
    """A message as one printable line, whatever text it quotes: a newline becomes a space, and
    other controls, line separators and invisible or bidi characters are shown as \\uXXXX (a
    quoted U+2028 would split the line, a U+202E would reorder the terminal's)."""
    return "".join(" " if ch == "\n" else _visible(ch) for ch in message)


def _visible(ch: str) -> str:
    if ch.isprintable() or ch == " ":
        return ch
    code = ord(ch)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class BriefError(Exception):
    """Base of every error caused by the user's input; carries one or more problems."""

    exit_code = 1

    def __init__(self, problems: list[Problem] | Problem | str, where: Location | None = None):
        if isinstance(problems, str):
            problems = [Problem(where or Location.unknown(), problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = problems
        super().__init__("\n".join(str(p) for p in problems))


class ContentError(BriefError):
    """The content (YAML, schema, references) is wrong."""


class TranslationError(BriefError):
    """A catalog is incomplete or malformed where completeness is required."""


class UsageError(BriefError):
    """The command line asks for something that does not exist or makes no sense."""

    exit_code = 2


class LockTimeout(BriefError):
    """Another build kept the output folder locked for longer than we were told to wait."""

    exit_code = 75  # EX_TEMPFAIL: try again later


class Stopped(BaseException):
    """The build was asked to stop (Ctrl-C, SIGTERM); like KeyboardInterrupt, not an Exception."""

    def __init__(self, signum: int | str) -> None:
        if isinstance(signum, str):  # rebuilt by ReportLab from its message (see _signal_in)
            signum = _signal_in(signum)
        self.signum = signum
        super().__init__(f"stopped by signal {signum}")


def _signal_in(message: str) -> int:
    """The signal a Stopped rebuilt from its message names. ReportLab re-raises anything raised
    while it lays out a flowable, a BaseException too, as type(error)(a longer message)
    (reportlab.lib.utils.annotateException), so a stop during layout arrives as Stopped(text)."""
    found = re.findall(r"stopped by signal (\d+)", message)
    return int(found[-1]) if found else int(signal.SIGTERM)
