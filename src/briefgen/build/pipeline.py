"""Step 6 - Build: every edition of every brief, incrementally, in parallel, with a manifest.

Step 1 loads and checks a brief, step 2 checks its translations against the policy (a normal
build falls back to Chinese and stamps DRAFT; --strict refuses), steps 3-5 run per edition in
worker processes, and step 6 writes build/manifest.json. A brief that fails leaves its
previous PDFs where they were.
"""
from __future__ import annotations

import logging
import os
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from functools import partial
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from briefgen.build import manifest, pictures, replay
from briefgen.build.options import BuildOptions
from briefgen.build.preflight import check_catalog_paths, check_font_files, preflight
from briefgen.build.edition import (Edition, EditionResult, Languages, SetAhead, edition_locales, made_ahead,
                                    render_edition)
from briefgen.build.progress import Progress, summary
from briefgen.build.workers import run_parallel, send_errors
from briefgen.build.select import select_briefs
from briefgen.content.loader import load_brief
from briefgen.content.model import Brief
from briefgen.errors import BriefError, ContentError, Location, LockTimeout, Problem, TranslationError, UsageError
from briefgen.files import atomic_write, locked, remove_partial, sha256_bytes
from briefgen.i18n.catalog import SOURCE_LOCALE, build_template
from briefgen.i18n.catalog import po_path as status_path
from briefgen.i18n.status import Status, translation_status
from briefgen.runtime import build_date, code_version, default_font_dir

log = logging.getLogger("briefgen")


def build_all(content_dir: Path, names: list[str], options: BuildOptions,
              built: list[EditionResult] | None = None) -> list[Problem]:
    """Build the selected briefs; return every problem met (errors stop only their brief).
    `built` gets the result of each edition that was rebuilt."""
    problems: list[Problem] = []
    lines: list[str] = []
    started = time.perf_counter()
    check_font_files(options.font_dir or default_font_dir())  # before anything is written
    with Progress(sys.stderr, options.progress) as progress:
        for root in select_briefs(content_dir, names):
            try:
                problems += build_brief(root, options, progress, lines, built)
            except (UsageError, LockTimeout):
                raise
            except BriefError as exc:
                problems += exc.problems
                problems.append(Problem(Location.of(root), "not built; its previous PDFs were left as they were", "note"))
            except OSError as exc:  # an output folder that cannot be written, a full disk
                where = Location.of(exc.filename or options.out)
                problems.append(Problem(where, f"cannot write the output: {exc.strerror or exc}"))
    if options.summary:
        for line in lines:
            print(line, flush=True)
    log.info("done in %.1f s", time.perf_counter() - started)
    return problems


def build_brief(root: Path, options: BuildOptions, progress: Progress | None = None,
                lines: list[str] | None = None, built_results: list[EditionResult] | None = None) -> list[Problem]:
    """Build one brief's stale editions under its output folder's lock; `lines` gets one summary
    line per edition."""
    log.info("Step 1 - Loading %s", root)
    taken = replay.inputs(root, options)  # before the brief is read: a file saved during the build is news
    brief = load_brief(root)
    locales = _editions(brief, options.editions)
    log.info("Step 2 - Checking translations of %s", brief.id)
    languages = dict.fromkeys(loc for edition in locales for loc in edition_locales(edition))
    refused_catalogs = check_catalog_paths(brief)  # before any catalog is read
    if refused_catalogs:
        raise ContentError(refused_catalogs)
    statuses, broken = _statuses(brief, [loc for loc in languages if loc != SOURCE_LOCALE])
    refused, warnings = _translation_policy(brief, locales, statuses, broken, options.strict)
    if refused and len(refused) == len(locales):
        raise TranslationError(warnings)
    locales = [e for e in locales if e not in refused]
    out = options.out / brief.id
    with locked(out, options.lock_timeout):
        remove_partial(out)  # left by a build that was killed while writing
        jobs = _jobs(brief, locales, options, out)
        fingerprints = {job.output.name: _fingerprint(job, brief) for job in jobs}
        stale = [job for job in jobs if not manifest.is_current(options.out, brief.id, job.output, fingerprints[job.output.name])]
        # an unchanged edition passed this with the same inputs when it was built
        _preflight(brief, [loc for job in stale for loc in edition_locales(job.locale)],
                   options.font_dir or default_font_dir())
        try:
            results = _run(stale, options, progress or Progress())
        finally:
            remove_partial(out)  # a chart process stopped while caching a picture
        manifest.record(options.out, brief, fingerprints, results, statuses, warnings, options.lock_timeout,
                        replay.record(taken, [job.output for job in jobs], warnings))
    built = {r.output: r for r in results}
    if built_results is not None:
        built_results += results
    recorded = manifest.read(options.out)["briefs"][brief.id]["outputs"]
    for job in jobs:
        if job.output in built:
            result = built[job.output]
            line = summary(job.output, result.pages, result.size, result.draft)
        else:
            entry = recorded.get(job.output.name, {})
            line = summary(job.output, entry.get("pages", 0), job.output.stat().st_size, entry.get("draft", False),
                           unchanged=True)
        log.info("%s", line)
        if lines is not None:
            lines.append(line)
    return warnings + list(dict.fromkeys(w for result in results for w in result.warnings))


def _preflight(brief: Brief, languages: list[str], font_dir: Path) -> None:
    """What `check` checks before a PDF is written: every character of every edition to be built
    drawable; any error stops the brief with its previous PDFs untouched."""
    if not languages:
        return
    errors = [p for p in preflight(brief, font_dir, dict.fromkeys(languages)) if p.severity == "error"]
    if errors:
        raise ContentError(errors)


def editions_of(brief: Brief) -> list[str]:
    """One edition per language, and a bilingual one (source left) per translation."""
    singles = list(brief.locales)
    return singles + [f"{SOURCE_LOCALE}-{loc}" for loc in singles if loc != SOURCE_LOCALE and SOURCE_LOCALE in singles]


def _editions(brief: Brief, wanted: tuple[str, ...]) -> list[str]:
    available = editions_of(brief)
    unknown = [w for w in wanted if w not in available]
    if unknown:
        raise UsageError(f"{brief.id} has no edition {', '.join(unknown)} (it has: {', '.join(available)})")
    return [e for e in available if e in wanted] if wanted else available


def _statuses(brief: Brief, languages: list[str]) -> tuple[dict[str, Status], dict[str, list[Problem]]]:
    """Each language's status, or the syntax errors of its catalog."""
    statuses: dict[str, Status] = {}
    broken: dict[str, list[Problem]] = {}
    template = build_template(brief) if languages else None
    for locale in languages:
        try:
            statuses[locale] = translation_status(brief, locale, template)
        except BriefError as exc:
            broken[locale] = exc.problems
    return statuses, broken


def _translation_policy(brief: Brief, editions: list[str], statuses: dict[str, Status],
                        broken: dict[str, list[Problem]], strict: bool) -> tuple[list[str], list[Problem]]:
    """Judge each edition by its own languages. A broken or malformed catalog refuses the editions
    that use it; under strict, so does a missing or fuzzy message. Otherwise the edition says DRAFT.
    Returns the refused editions and the problems to report."""
    problems: list[Problem] = []
    refused_locales: dict[str, str] = {}
    for locale, found in broken.items():
        problems += found
        refused_locales[locale] = "its catalog cannot be read"
    for locale, status in statuses.items():
        if status.errors():
            problems += status.errors()
            refused_locales[locale] = "its catalog has the errors above"
        elif strict and status.missing:
            problems += [Problem(p.where, p.message) for p in status.missing]
            refused_locales[locale] = "--strict refuses an incomplete translation"
    refused = [e for e in editions if any(loc in refused_locales for loc in edition_locales(e))]
    strictly = [e for e in refused if all(refused_locales.get(loc, "--strict").startswith("--strict")
                                          for loc in edition_locales(e))]
    if strictly:
        problems.append(Problem(Location.of(brief.root), (
            f"{brief.id}: --strict refuses the incomplete {', '.join(strictly)} edition{'s' * (len(strictly) > 1)}; "
            "translate the messages above or build without --strict for a DRAFT")))
    if refused and len(refused) < len(editions):  # none built: build_all says so for the whole brief
        problems.append(Problem(Location.of(brief.root), f"the {', '.join(refused)} edition{'s' * (len(refused) > 1)} "
                                "not built; their previous PDFs were left as they were", "note"))
    for locale, status in statuses.items():
        for problem in status.problems:  # the full list goes to the build log (-v)
            log.info("%s", problem)
        if locale in refused_locales:
            continue
        if not status.complete:
            problems.append(Problem(Location.of(status_path(brief, locale)), (
                f"{status.untranslated} untranslated and {status.fuzzy} fuzzy messages: the {locale} edition "
                f"is a DRAFT with Chinese in their place (run 'briefgen i18n status' for the list)"), "warning"))
        elif status.glossary:
            problems.append(Problem(Location.of(status_path(brief, locale)),
                                    f"{status.glossary} glossary violations (see 'briefgen i18n status')", "warning"))
    return refused, problems


def _jobs(brief: Brief, locales: list[str], options: BuildOptions, out: Path) -> list[Edition]:
    font_dir = options.font_dir or default_font_dir()
    suffix = "" if options.paper == "a4" else f"-{options.paper}"
    suffix += "-print" if options.print_marks else ""
    return [Edition(brief, loc, out / f"{brief.id}-{loc}{suffix}.pdf", out / ".cache" / "charts", font_dir,
                    options.paper, options.print_marks, code_version()) for loc in locales]


def _fingerprint(job: Edition, brief: Brief) -> str:
    """Everything the PDF depends on: content, catalogs, code, fonts, options, build date."""
    parts = [job.code_version, job.locale, job.paper, str(job.print_marks), build_date().isoformat()]
    files = list(brief.files) + sorted((brief.root / "locale").rglob("*.po"))
    parts += [f"{p.relative_to(brief.root)}:{sha256_bytes(p.read_bytes())}" for p in files if p.is_file()]
    parts += [f"{f.name}:{f.stat().st_size}" for f in sorted(job.font_dir.glob("*.ttf"))]
    return sha256_bytes("\n".join(parts).encode())


def _run(jobs: list[Edition], options: BuildOptions, progress: Progress) -> list[EditionResult]:
    """Build the stale editions: in this process (one worker; its charts in a second process when a
    core is spare) or in worker processes. This process writes every PDF, and none after a stop."""
    if not jobs:
        return []
    workers = min(len(jobs), options.jobs or os.cpu_count() or 1)
    log.info("Step 3-5 - Localizing, drawing charts and rendering %d edition(s) with %d worker(s)", len(jobs), workers)
    progress.add_editions(len(jobs))
    results: dict[int, EditionResult] = {}

    def done(index: int, result: EditionResult, pdf: bytes) -> None:
        atomic_write(jobs[index].output, pdf)
        results[index] = result
        progress.edition_done(result)

    if workers == 1 or _serial_is_faster(options):
        _run_in_turn(jobs, options, progress, done)
        return [results[i] for i in range(len(jobs))]
    pictures.discard_prewarmed()  # editions in parallel: each draws its own charts, no core to spare

    def on_message(index: int, message: tuple[Any, ...]) -> None:
        if message[0] == "charts":
            progress.chart(index, *message[1:])
        else:
            done(index, *message[1:])

    run_parallel(_edition_worker, jobs, workers, on_message, progress.draw)
    return [results[i] for i in range(len(jobs))]


def _run_in_turn(jobs: list[Edition], options: BuildOptions, progress: Progress,
                 done: Callable[[int, EditionResult, bytes], None]) -> None:
    """The editions one after another in this process. With a spare core one chart process draws
    every language's charts meanwhile, and text is set while charts are awaited: a lone
    edition's before its layout, the later editions' in a thread beside the first one's layout."""
    spare = (os.cpu_count() or 1) > 1 and options.jobs != 1
    first = jobs[0]
    shared = Languages(first.brief, first.cache, first.font_dir, first.code_version, spare)
    order = [loc for job in jobs for loc in edition_locales(job.locale)]
    try:  # every language's charts start drawing now, in one process, in the editions' order
        shared.start(order, lambda loc: partial(progress.chart, loc))
        ordered = _layout_order(jobs, list(dict.fromkeys(order)))
        ahead = SetAhead([jobs[i] for i in ordered[1:]], shared) if len(ordered) > 1 and spare else None
        for n, index in enumerate(ordered):
            job = replace(jobs[index], spare_core=spare)
            if ahead is None:
                prepared = made_ahead(job, shared) if spare else None  # a lone edition, its charts drawing
            elif n == 0:
                prepared = None  # laid out while the thread sets the others
            else:
                ahead.wait()
                prepared = ahead.take(job)
            done(index, *render_edition(job, shared=shared, prepared=prepared))
        shared.finish()
    finally:
        shared.close()


def _layout_order(jobs: list[Edition], drawn: list[str]) -> list[int]:
    """The order to lay the editions out in while the chart process draws the languages in the
    order `drawn`: an edition as soon as its last language's charts are being drawn, and of those
    the bilingual one first, so that its longer layout overlaps the drawing and the edition that
    waits for the last chart is the short one (zh, zh-en, en)."""
    def key(index: int) -> tuple[int, int]:
        locales = edition_locales(jobs[index].locale)
        return max(drawn.index(loc) for loc in locales), -len(locales)

    return sorted(range(len(jobs)), key=key)


def _serial_is_faster(options: BuildOptions) -> bool:
    """One brief's editions on two cores: one after another in this process, every language's
    charts drawn meanwhile by one chart process, beats a worker per edition, which loads ReportLab,
    matplotlib and the fonts again and draws the charts the editions share once more. The seed's
    three editions, medians of 3 runs: 2.4 s, against 3.3 s with a worker per edition (--jobs 2)
    and 3.5 s with the charts drawn in this process too (--jobs 1)."""
    return options.jobs == 0 and (os.cpu_count() or 1) <= 2


def _edition_worker(job: Edition, outbox: Connection) -> None:
    """In a worker process: render one edition, reporting charts as they are ready; send the PDF."""
    send_errors(outbox, lambda: render_edition(job, on_chart=lambda ready, total: outbox.send(("charts", ready, total))))


def export_charts(content_dir: Path, names: list[str], out: Path, formats: tuple[str, ...] = ()) -> list[Problem]:
    """Every chart of every brief and locale, framed for posting, under out/<brief>/charts/<locale>/:
    SVG, 1600 px PNG and 1080 px square PNG, or only `formats`."""
    from briefgen.build.charts_export import FORMATS, export_brief_charts

    font_dir = default_font_dir()
    check_font_files(font_dir)
    problems: list[Problem] = []
    for root in select_briefs(content_dir, names):
        try:
            brief = load_brief(root)
            refused = check_catalog_paths(brief)
            if refused:
                raise ContentError(refused)
            _preflight(brief, list(brief.locales), font_dir)  # the charts' words, as a build checks them
            export_brief_charts(brief, out, font_dir, formats or FORMATS)
        except BriefError as exc:
            problems += exc.problems
    return problems
