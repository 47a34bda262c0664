"""The `briefgen` command: check, build, charts and i18n, for people who edit YAML, not Python."""
from __future__ import annotations

import argparse
import contextlib
import logging
import signal
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from briefgen import __version__
from briefgen.errors import BriefError, Problem, Stopped
from briefgen.files import LOCK_TIMEOUT
from briefgen.runtime import private_matplotlib_dir, probably_current

if TYPE_CHECKING:
    from briefgen.build.options import BuildOptions

EXIT_OK, EXIT_CONTENT, EXIT_USAGE, EXIT_BUG = 0, 1, 2, 70  # 70: EX_SOFTWARE; 75 lock timeout; 130/143 stopped

DESCRIPTION = """\
Turn the briefs in a content folder (YAML text, figures and translation catalogs) into
print-ready PDF policy briefs in Chinese and English.

Typical use:
  briefgen check              look for mistakes in every brief, write nothing
  briefgen build              build every edition of every brief into build/
  briefgen build --strict     what scheduled builds use: refuse incomplete translations
  briefgen watch              rebuild on every save, until Ctrl-C
  briefgen i18n status        how complete each translation is
"""


def main(argv: Sequence[str] | None = None) -> int:
    private_matplotlib_dir()  # before any chart process starts: no cache-folder warning
    parser = _parser()
    args = parser.parse_args(argv)
    args.level = args.verbose + args.global_verbose - args.quiet - args.global_quiet
    _configure_logging(args.level)
    if not getattr(args, "run", None):
        parser.print_help()
        return EXIT_USAGE
    try:
        with _stopping_on_signals():
            return int(args.run(args) or EXIT_OK)
    except BriefError as exc:
        report(exc.problems, args.level)
        return exc.exit_code
    except (KeyboardInterrupt, Stopped) as exc:
        signum = exc.signum if isinstance(exc, Stopped) else signal.SIGINT
        name = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
        print(f"briefgen: stopped by {name}; no output was replaced after it", file=sys.stderr)
        return 128 + signum
    except Exception as exc:  # noqa: BLE001 - a bug: say so in one line, the traceback under -v
        if args.level > 0:
            traceback.print_exc()
        first = (str(exc).strip().splitlines() or [""])[0]
        hint = "" if args.level > 0 else " (run again with -v for the traceback)"
        print(f"briefgen: error: internal error, this is a bug in briefgen: {type(exc).__name__}: {first}; "
              f"please report it{hint}", file=sys.stderr)
        return EXIT_BUG


def report(problems: list[Problem], level: int = 0) -> int:
    """Print problems one per line (under -q only the errors); exit 1 if any is an error."""
    for problem in problems:
        if problem.severity == "error" or level >= 0:
            print(problem, file=sys.stderr)
    return EXIT_CONTENT if any(p.severity == "error" for p in problems) else EXIT_OK


@contextlib.contextmanager
def _stopping_on_signals() -> Iterator[None]:
    """Turn SIGINT and SIGTERM into Stopped, so that every finally runs (workers stopped, nothing
    half-written left); a second signal while stopping is ignored. Main thread only."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    stop_signals = (signal.SIGINT, signal.SIGTERM)
    previous = {signum: signal.getsignal(signum) for signum in stop_signals}

    def stop(signum: int, frame: object) -> None:
        for each in stop_signals:
            signal.signal(each, signal.SIG_IGN)
        raise Stopped(signum)

    for signum in stop_signals:
        signal.signal(signum, stop)
    try:
        yield
    finally:
        for signum, handler in previous.items():
            signal.signal(signum, handler)


def _configure_logging(level: int) -> None:
    """briefgen's log at -q: errors, default: warnings, -v: steps, -vv: details; on the current
    stderr, set anew on every call (main may run more than once in one process: tests, watch)."""
    levels = {-1: logging.ERROR, 0: logging.WARNING, 1: logging.INFO}
    log = logging.getLogger("briefgen")
    log.handlers[:] = [_Stderr()]
    log.propagate = False
    log.setLevel(levels.get(max(-1, min(level, 2)), logging.DEBUG))


class _Stderr(logging.Handler):
    """Each record as its bare message on whatever sys.stderr is at the time."""

    def emit(self, record: logging.LogRecord) -> None:
        try:
            print(self.format(record), file=sys.stderr, flush=True)
        except Exception:  # noqa: BLE001 - logging must not raise
            self.handleError(record)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="briefgen", description=DESCRIPTION, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--version", action="version", version=f"briefgen {__version__}")
    parser.add_argument("-q", "--quiet", dest="global_quiet", action="count", default=0, help="print only errors")
    parser.add_argument("-v", "--verbose", dest="global_verbose", action="count", default=0,
                        help="say what each step does; -v also shows the traceback of a crash")
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                        help="folder holding one folder per brief (default: ./content)")
    common.add_argument("-q", "--quiet", action="count", default=0, help="print only errors")
    common.add_argument("-v", "--verbose", action="count", default=0, help="say what each step does")
    common.add_argument("briefs", nargs="*", metavar="BRIEF", help="brief folder names (default: all)")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add_check(sub, common)
    _add_build(sub, common)
    _add_watch(sub, common)
    _add_charts(sub, common)
    _add_i18n(sub, common)
    _add_new(sub)
    _add_schema(sub)
    parser.set_defaults(verbose=0, quiet=0)
    return parser


def _add_check(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("check", parents=[common], help="find mistakes in content and catalogs; write nothing",
                       description="Check every brief: YAML, figures, charts, translations, glossary and "
                                   "font coverage. Prints one line per problem (file:line:column: message).")
    p.add_argument("--strict", action="store_true", help="treat warnings and missing translations as errors")
    p.set_defaults(run=_run_check)


def _add_build(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("build", parents=[common], help="build the PDF editions into the output folder",
                       description="Build the Chinese, English and bilingual editions of each brief.")
    p.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="output folder (default: ./build)")
    p.add_argument("--strict", action="store_true",
                   help="refuse to build an incomplete translation (for scheduled builds)")
    p.add_argument("--edition", action="append", metavar="NAME",
                   help="build only this edition (zh, en, zh-en); may be repeated")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    p.add_argument("--print-marks", action="store_true", help="add 3 mm bleed, crop marks and TrimBox for a print shop")
    p.add_argument("--jobs", type=_jobs, default=0, metavar="N", help="parallel jobs, 1 or more (default: number of cores)")
    p.add_argument("--lock-timeout", type=_seconds, default=LOCK_TIMEOUT, metavar="SECONDS",
                   help=f"how long to wait for another build to finish with the output folder (default: {LOCK_TIMEOUT:g})")
    p.set_defaults(run=_run_build)


def _add_watch(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("watch", parents=[common], help="rebuild on every save of content, catalogs or fonts",
                       description="Build, then rebuild the brief whose YAML or PO file was saved (every brief when "
                                   "a font changed), printing one line per rebuild and any problems, until Ctrl-C.")
    p.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="output folder (default: ./build)")
    p.add_argument("--edition", action="append", metavar="NAME",
                   help="rebuild only this edition (zh, en, zh-en); may be repeated")
    p.add_argument("--paper", choices=("a4", "letter"), default="a4", help="paper size (default: a4)")
    p.set_defaults(run=_run_watch)


def _add_charts(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("charts", parents=[common], help="export every chart as SVG and PNG",
                       description="Export each brief's charts, per language, for web and social posts: SVG, "
                                   "a 1600 px PNG and a 1080 x 1080 square PNG, each with its title, source and "
                                   "the brief's name.")
    p.add_argument("--out", type=Path, default=Path("build"), metavar="DIR", help="output folder (default: ./build)")
    p.add_argument("--format", action="append", choices=("svg", "png", "square"), dest="formats",
                   help="only this format (svg, png: 1600 px wide, square: 1080 x 1080); may be repeated")
    p.set_defaults(run=_run_charts)


def _add_i18n(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("i18n", help="manage translation catalogs",
                       description="extract: write locale/content.pot from the YAML; update: merge it into each "
                                   "language's .po (changed text becomes fuzzy); compile: check and compile .mo; "
                                   "status: how complete each translation is; init: add a language.")
    actions = p.add_subparsers(title="actions", metavar="ACTION")
    for name, text in (("extract", "write the message template"), ("update", "merge the template into the .po files"),
                       ("compile", "check the .po files and compile them"), ("status", "report translation completeness")):
        a = actions.add_parser(name, parents=[common], help=text)
        a.add_argument("--strict", action="store_true", help="exit 1 when any translation is missing or fuzzy")
        a.add_argument("--locale", action="append", metavar="LOCALE", help="only this language (e.g. en)")
        a.set_defaults(run=_run_i18n, action=name)
    a = actions.add_parser("init", help="start a catalog for a new language",
                           description="Add LOCALE to each brief's locales and write its catalog "
                                       "(filled from other briefs' catalogs of that language where they match).")
    a.add_argument("locale", metavar="LOCALE", help="the new language, e.g. fr")
    for action in common._actions:
        if action.dest != "help":
            a._add_action(action)
    a.set_defaults(run=_run_i18n_init)


def _add_new(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="start a new brief that checks and builds at once",
                       description="Write content/BRIEF with brief.yaml, metrics.yaml, units.yaml, glossary.yaml, "
                                   "one part and an English catalog, each with comments that teach the format; "
                                   "and the editor schemas in content/.schema.")
    p.add_argument("name", metavar="BRIEF", help="the new brief's folder name, like city-2025")
    p.add_argument("--content", type=Path, default=Path("content"), metavar="DIR",
                   help="folder holding one folder per brief (default: ./content)")
    p.set_defaults(run=_run_new)


def _run_new(args: argparse.Namespace) -> int:
    from briefgen.scaffold import new_brief

    new_brief(args.content, args.name)
    return EXIT_OK


def _add_schema(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("schema", help="write the JSON Schemas editors use to check the YAML as you type",
                       description="Write brief, metrics, units, glossary and part .schema.json files for "
                                   "yaml-language-server (VS Code's YAML extension and others).")
    p.add_argument("--out", type=Path, default=Path("content") / ".schema", metavar="DIR",
                   help="folder to write (default: ./content/.schema, where 'briefgen new' files point)")
    p.set_defaults(run=_run_schema)


def _run_schema(args: argparse.Namespace) -> int:
    from briefgen.content.editor_schema import FILES, write_schemas

    for path in write_schemas(args.out):
        print(f"{path}  ({FILES[path.name.removesuffix('.schema.json')]})")
    return EXIT_OK


def _jobs(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of jobs (a whole number, 1 or more)")
    return value


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = -1.0
    if not value >= 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds (0 or more)")
    return value


def _run_check(args: argparse.Namespace) -> int:
    from briefgen.build.check import check_all

    return report(check_all(args.content, args.briefs, strict=args.strict), args.level)


def _run_build(args: argparse.Namespace) -> int:
    from briefgen.build.options import BuildOptions
    from briefgen.build.replay import replayed

    options = BuildOptions(out=args.out, strict=args.strict, editions=tuple(args.edition or ()),
                           paper=args.paper, print_marks=args.print_marks, jobs=args.jobs,
                           progress=sys.stderr.isatty() and args.level == 0, summary=args.level >= 0,
                           lock_timeout=args.lock_timeout)
    done = replayed(args.content, args.briefs, options) if args.level <= 0 else None  # -v: the full log
    if done is not None:  # nothing to rebuild: what a full build would say, without loading a brief
        for line in done.lines if options.summary else ():
            print(line, flush=True)
        for problem in done.problems if args.level >= 0 else ():
            print(problem, file=sys.stderr)
        return EXIT_OK
    from briefgen.build import pictures

    if args.jobs != 1 and not probably_current(args.content, args.out):
        pictures.prewarm()  # first, so matplotlib loads in parallel with everything below
    try:
        return _build(args, options)
    finally:
        pictures.discard_prewarmed()


def _build(args: argparse.Namespace, options: BuildOptions) -> int:
    from briefgen.build.pipeline import build_all

    return report(build_all(args.content, args.briefs, options), args.level)


def _run_watch(args: argparse.Namespace) -> int:
    from briefgen.build.options import BuildOptions
    from briefgen.build.watch import watch

    # One job, in this process: ReportLab, the fonts and the code stay loaded from one save to the next.
    options = BuildOptions(out=args.out, editions=tuple(args.edition or ()), paper=args.paper, jobs=1)
    watch(args.content, args.briefs, options, lambda problems: report(problems, args.level))
    return EXIT_OK


def _run_charts(args: argparse.Namespace) -> int:
    from briefgen.build.pipeline import export_charts

    return report(export_charts(args.content, args.briefs, args.out, tuple(args.formats or ())), args.level)


def _run_i18n(args: argparse.Namespace) -> int:
    from briefgen.i18n.commands import run_i18n

    return report(run_i18n(args.action, args.content, args.briefs, locales=args.locale, strict=args.strict), args.level)


def _run_i18n_init(args: argparse.Namespace) -> int:
    from briefgen.i18n.commands import run_init

    return report(run_init(args.content, args.briefs, args.locale))


if __name__ == "__main__":
    sys.exit(main())
