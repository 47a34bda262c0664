#!/usr/bin/env python3
"""Time briefgen's builds as whole cold processes, beside the peer pipelines, in one run.

    .venv/bin/python bench/bench.py [--runs N] [--peers]

Each row is a whole process, timed over N runs: median wall seconds, median CPU seconds (all
processes of the build) and peak memory (the largest process). Rows: one edition from cold
(empty output folder and chart cache; the per-user font cache kept, as on a real machine), all
editions from cold, a rebuild with nothing changed, and the zh edition of a brief four times as
long as the seed (its parts repeated) to show how cost grows. With --peers it first runs
../shared/bench/peers/run.sh (matplotlib + Typst, ReportLab alone), and again at the end, and
prints each row's ratio to the mean of the two peer figures. Speed figures live here, not in the test suite.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BRIEFGEN = [sys.executable, "-m", "briefgen.cli"]
SEED = ROOT / "content" / "henan-2024"
PACKAGE = ROOT / "src" / "briefgen"
# runs a command and prints wall seconds, CPU seconds of it and its descendants, and peak RSS in KiB
PROBE = """
import resource, subprocess, sys, time
start = time.perf_counter()
subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL)
wall = time.perf_counter() - start
usage = resource.getrusage(resource.RUSAGE_CHILDREN)
print(wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss)
"""


def measure(command: list[str], before: Callable[[], None] | None, runs: int) -> tuple[float, float, float]:
    """Median wall s, median CPU s and the largest peak RSS (MiB) over `runs` runs."""
    walls, cpus, peaks = [], [], []
    for _ in range(runs):
        if before is not None:
            before()
        out = subprocess.run([sys.executable, "-c", PROBE, *command], cwd=ROOT, check=True,
                             capture_output=True, text=True).stdout.split()
        walls.append(float(out[0]))
        cpus.append(float(out[1]))
        peaks.append(float(out[2]) / 1024)
    return statistics.median(walls), statistics.median(cpus), max(peaks)


def four_times_seed(folder: Path) -> Path:
    """The seed with its parts repeated four times (ids made unique), as a brief of its own."""
    brief = folder / "henan-x4"
    shutil.copytree(SEED, brief, ignore=shutil.ignore_patterns("locale"))
    text = (brief / "brief.yaml").read_text(encoding="utf-8")
    parts = re.search(r"^parts:\s*\[(.*?)\]", text, re.M)
    assert parts, "brief.yaml lists its parts as [a, b, ...]"
    names = [p.strip() for p in parts.group(1).split(",")]
    for copy in (2, 3, 4):
        for name in names:
            source = (brief / "parts" / f"{name}.yaml").read_text(encoding="utf-8")
            renamed = re.sub(r"^(\s*-?\s*id:\s*)(\w+)", rf"\1\2_{copy}", source, flags=re.M)
            (brief / "parts" / f"{name}_{copy}.yaml").write_text(renamed, encoding="utf-8")
    every = names + [f"{n}_{c}" for c in (2, 3, 4) for n in names]
    text = text[: parts.start(1)] + ", ".join(every) + text[parts.end(1):]
    (brief / "brief.yaml").write_text(re.sub(r"^locales:.*$", "locales: [zh]", text, flags=re.M), encoding="utf-8")
    return brief


def peer_figure() -> float:
    """Run the peers and return their per-edition figure (charts + Typst, median s)."""
    peers = ROOT.parent / "shared" / "bench" / "peers" / "run.sh"
    fonts = subprocess.run([*BRIEFGEN[:1], "-c", "from briefgen.runtime import default_font_dir as d; print(d())"],
                           check=True, capture_output=True, text=True).stdout.strip()
    result = subprocess.run(["bash", str(peers), fonts], cwd=ROOT, check=True, capture_output=True, text=True)
    print(result.stdout.rstrip())
    found = re.search(r"peer per edition.*?:\s*([0-9.]+)", result.stdout)
    assert found, "run.sh printed no peer figure"
    return float(found.group(1))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--peers", action="store_true", help="also run the peer pipelines and print ratios")
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    out = work / "out"

    def clean() -> None:  # the chart cache lives in the output folder: a cold row draws every chart
        shutil.rmtree(out, ignore_errors=True)
    # an installed package has its bytecode compiled (pip does it); an editable one run under
    # PYTHONDONTWRITEBYTECODE would compile briefgen's modules on every run (about 0.13 s)
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(PACKAGE)], check=True, stdout=subprocess.DEVNULL)
    before = peer_figure() if args.peers else None
    build = [*BRIEFGEN, "build", "-q", "--out", str(out), "--content", str(ROOT / "content"), "henan-2024"]
    subprocess.run(build, check=True, stdout=subprocess.DEVNULL)  # fills the per-user font cache
    big = four_times_seed(work / "content")
    rows = [
        ("one edition (zh), cold", measure([*build, "--edition", "zh"], clean, args.runs)),
        ("one edition (en), cold", measure([*build, "--edition", "en"], clean, args.runs)),
        ("one edition (zh-en), cold", measure([*build, "--edition", "zh-en"], clean, args.runs)),
        ("all editions, cold", measure(build, clean, args.runs)),
    ]
    rows.append(("all editions, nothing changed", measure(build, None, args.runs)))
    big_build = [*BRIEFGEN, "build", "-q", "--out", str(out), "--content", str(work / "content"), "--edition", "zh"]
    rows.append(("4x seed (zh), cold", measure(big_build, clean, args.runs)))
    shutil.rmtree(work, ignore_errors=True)
    peer = None
    if before is not None:  # this machine's speed drifts by a fifth within minutes: peers before and after
        after = peer_figure()
        peer = (before + after) / 2
        print(f"peer figure before {before:.3f} s, after {after:.3f} s, mean {peer:.3f} s")
    print(f"cores: {os.cpu_count()}, runs: {args.runs}")
    print(f"{'':<32} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9}" + (f" {'/ peer':>7}" if peer else ""))
    for label, (wall, cpu, peak) in rows:
        ratio = f" {wall / peer:7.2f}" if peer else ""
        print(f"{label:<32} {wall:7.2f} {cpu:7.2f} {peak:9.0f}{ratio}")
    seed_zh = rows[0][1][0]
    print(f"4x seed / seed (zh, cold): {rows[-1][1][0] / seed_zh:.2f}")
    if peer:
        print(json.dumps({"peer_per_edition_s": peer}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
