#!/usr/bin/env python3
"""Time briefgen's builds as whole cold processes, beside the peer pipelines, in one run.

    .venv/bin/python bench/bench.py [--runs N] [--peers]

Each row is a whole process, timed over N rounds: median wall seconds, median CPU seconds (all
processes of the build) and peak memory (the largest process). Rows: one edition from cold
(empty output folder and chart cache; the per-user font cache kept, as on a real machine), all
editions from cold, a rebuild with nothing changed, and the zh edition of a brief four times as
long as the seed (its parts repeated) to show how cost grows. With --peers it runs
../shared/bench/peers/run.sh (matplotlib + Typst, ReportLab alone) first and last, and in each
round runs the peer edition (run.sh's charts and Typst steps) before the rows; each row's ratio
is the median of its ratios to its round's peer run. Speed figures live here, not in the test suite.
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


Sample = tuple[float, float, float]  # wall s, CPU s (the process and its children), peak RSS MiB


def sample(command: list[str], before: Callable[[], None] | None = None) -> Sample:
    """One cold run of a command as a whole process."""
    if before is not None:
        before()
    out = subprocess.run([sys.executable, "-c", PROBE, *command], cwd=ROOT, check=True,
                         capture_output=True, text=True).stdout.split()
    return float(out[0]), float(out[1]), float(out[2]) / 1024


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


PEERS = ROOT.parent / "shared" / "bench" / "peers"
PEER_WORK = Path(os.environ.get("PEERS_WORK", "/tmp/briefgen-peers"))


def peer_figure() -> float:
    """Run the peers (run.sh) and return their per-edition figure (charts + Typst, median s)."""
    fonts = subprocess.run([*BRIEFGEN[:1], "-c", "from briefgen.runtime import default_font_dir as d; print(d())"],
                           check=True, capture_output=True, text=True).stdout.strip()
    result = subprocess.run(["bash", str(PEERS / "run.sh"), fonts], cwd=ROOT, check=True, capture_output=True, text=True)
    print(result.stdout.rstrip())
    found = re.search(r"peer per edition.*?:\s*([0-9.]+)", result.stdout)
    assert found, "run.sh printed no peer figure"
    return float(found.group(1))


def peer_round() -> float:
    """One run of the peer edition as run.sh times it (its charts, then Typst, each a process),
    in the venv and folder run.sh set up: wall seconds."""
    python = str(PEER_WORK / "venv" / "bin" / "python")
    return sum(sample([python, str(PEERS / step)])[0] for step in ("make_charts.py", "build_typst.py"))


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
    four_times_seed(work / "content")
    big_build = [*BRIEFGEN, "build", "-q", "--out", str(out), "--content", str(work / "content"), "--edition", "zh"]
    rows: list[tuple[str, list[str], Callable[[], None] | None]] = [
        ("one edition (zh), cold", [*build, "--edition", "zh"], clean),
        ("one edition (en), cold", [*build, "--edition", "en"], clean),
        ("one edition (zh-en), cold", [*build, "--edition", "zh-en"], clean),
        ("all editions, cold", build, clean),
        ("all editions, nothing changed", build, None),
        ("4x seed (zh), cold", big_build, clean),
    ]
    # This machine's speed drifts by a fifth within minutes: each round runs the peer edition and
    # then every row once, and a row's ratio is the median of its ratios to its round's peer run.
    samples: dict[str, list[Sample]] = {label: [] for label, _, _ in rows}
    peers: list[float] = []
    for _ in range(args.runs):
        if before is not None:
            peers.append(peer_round())
        for label, command, prepare in rows:
            samples[label].append(sample(command, prepare))
    shutil.rmtree(work, ignore_errors=True)
    if before is not None:
        after = peer_figure()
        print(f"run.sh peer figure before {before:.3f} s, after {after:.3f} s; "
              f"peer edition in the rounds: median {statistics.median(peers):.3f} s "
              f"(min {min(peers):.3f}, max {max(peers):.3f})")
    print(f"cores: {os.cpu_count()}, rounds: {args.runs}")
    print(f"{'':<32} {'wall s':>7} {'cpu s':>7} {'peak MiB':>9}" + (f" {'/ peer':>7}" if peers else ""))
    walls = {}
    for label, _, _ in rows:
        wall, cpu, peak = (statistics.median(s[0] for s in samples[label]),
                           statistics.median(s[1] for s in samples[label]), max(s[2] for s in samples[label]))
        walls[label] = wall
        ratio = f" {statistics.median(s[0] / p for s, p in zip(samples[label], peers)):7.2f}" if peers else ""
        print(f"{label:<32} {wall:7.2f} {cpu:7.2f} {peak:9.0f}{ratio}")
    print(f"4x seed / seed (zh, cold): {walls['4x seed (zh), cold'] / walls['one edition (zh), cold']:.2f}")
    if peers:
        print(json.dumps({"peer_per_edition_s": statistics.median(peers)}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
