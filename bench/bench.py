#!/usr/bin/env python3
"""Time briefgen's builds as whole cold processes, beside the peer pipelines.

    .venv/bin/python bench/bench.py [--runs N] [--peers]

Prints the median wall time of: one edition from cold (empty output folder, so every chart is
drawn), all editions from cold (they run in parallel), and a rebuild with nothing changed.
With --peers it also runs ../shared/bench/peers/run.sh (matplotlib + Typst, ReportLab alone)
on the same machine and prints the peer figure to compare with "one edition, cold".
Speed figures live here, not in the test suite.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BRIEFGEN = [sys.executable, "-m", "briefgen.cli"]


def timed(command: list[str], before: object = None, runs: int = 3) -> float:
    """Median wall seconds of `runs` runs; `before` prepares each run (not timed)."""
    times = []
    for _ in range(runs):
        if callable(before):
            before()
        start = time.perf_counter()
        subprocess.run(command, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--peers", action="store_true", help="also run the peer pipelines")
    args = parser.parse_args()
    out = Path(tempfile.mkdtemp(prefix="briefgen-bench-"))
    clean = lambda: shutil.rmtree(out, ignore_errors=True)  # noqa: E731
    build = [*BRIEFGEN, "build", "-q", "--out", str(out)]
    rows = [
        ("one edition (zh), cold", timed([*build, "--edition", "zh"], clean, args.runs)),
        ("one edition (en), cold", timed([*build, "--edition", "en"], clean, args.runs)),
        ("all editions, cold", timed(build, clean, args.runs)),
    ]
    rows.append(("all editions, nothing changed", timed(build, None, args.runs)))
    clean()
    print(f"cores: {os.cpu_count()}")
    for label, seconds in rows:
        print(f"{label:<34} {seconds:6.2f} s")
    if args.peers:
        peers = ROOT.parent / "shared" / "bench" / "peers" / "run.sh"
        subprocess.run(["bash", str(peers), str(ROOT / "src" / "briefgen" / "fonts")], cwd=ROOT, check=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
