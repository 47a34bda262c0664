"""A rebuild with nothing to do, answered from the manifest before the pipeline is imported.

Fingerprints decide what a build rebuilds, but to compute them the build loads and checks the
brief, and imports what it takes to do so: more time than the answer is worth when nothing
changed. So each build also keeps, per brief, a key of what its PDFs depend on outside the
brief folder (code, fonts, date, options), the hash of every file in the folder, and what it
reported. When the key and every file are the same, and each PDF is the one the manifest
names, a build prints what a full rebuild with nothing to do would print, and stops. Anything
else (a file changed, added or removed, a PDF edited or gone, another day, an error last time)
takes the full path, which decides by fingerprints.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefgen.build.options import BuildOptions
from briefgen.build.progress import summary
from briefgen.build.select import select_briefs
from briefgen.errors import Problem, UsageError
from briefgen.files import sha256_bytes, sha256_file
from briefgen.runtime import MANIFEST_NAME, build_date, code_version, default_font_dir


@dataclass(frozen=True)
class Inputs:
    """What a brief's build depended on, taken before the brief is read."""

    root: str  # the brief folder, resolved
    key: str  # code, fonts, date and options
    files: dict[str, str]  # every file of the brief folder: relative path -> sha256


@dataclass(frozen=True)
class Replay:
    lines: list[str]  # one summary line per edition, as the build printed them
    problems: list[str]  # the warnings and notes it reported (never an error)


def inputs(root: Path, options: BuildOptions) -> Inputs:
    font_dir = options.font_dir or default_font_dir()
    fonts = sorted(f"{f.name}:{f.stat().st_size}" for f in font_dir.glob("*.ttf"))
    asked = repr((options.strict, options.editions, options.paper, options.print_marks))
    key = "\n".join([code_version(), build_date().isoformat(), str(font_dir.resolve()), *fonts, asked])
    files = {p.relative_to(root).as_posix(): sha256_file(p) for p in sorted(root.rglob("*")) if p.is_file()}
    return Inputs(str(root.resolve()), sha256_bytes(key.encode()), files)


def record(taken: Inputs, outputs: list[Path], problems: list[Problem]) -> dict[str, Any] | None:
    """The manifest's replay entry for a brief's build; None when it reported an error."""
    if any(p.severity == "error" for p in problems):
        return None
    return {"root": taken.root, "key": taken.key, "files": taken.files, "outputs": [p.name for p in outputs],
            "problems": [str(p) for p in problems]}


def replayed(content_dir: Path, names: list[str], options: BuildOptions) -> Replay | None:
    """What a build of these briefs would report, when it would rebuild nothing; else None."""
    try:
        briefs = json.loads((options.out / MANIFEST_NAME).read_text(encoding="utf-8"))["briefs"]
        lines: list[str] = []
        problems: list[str] = []
        for root in select_briefs(content_dir, names):
            entry = briefs[root.name]
            kept = entry.get("replay")
            if not kept:
                return None
            now = inputs(root, options)
            if (kept["root"], kept["key"], kept["files"]) != (now.root, now.key, now.files):
                return None
            for name in kept["outputs"]:
                pdf, built = options.out / root.name / name, entry["outputs"][name]
                if sha256_file(pdf) != built["sha256"]:
                    return None
                lines.append(summary(pdf, built["pages"], pdf.stat().st_size, built["draft"], unchanged=True))
            problems += kept["problems"]
    except (OSError, ValueError, KeyError, TypeError, UsageError):  # no manifest, a damaged one, no brief
        return None
    return Replay(lines, problems)
