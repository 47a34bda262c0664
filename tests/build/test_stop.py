"""Ctrl-C and SIGTERM stop a build cleanly: exit 130 / 143, one line, no worker left, no traceback,
and nothing replaced after the signal (the previous PDFs are still there, byte for byte)."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.build.conftest import ROOT

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads processes from /proc")


def processes() -> dict[int, tuple[int, int, str]]:
    """Every process: pid -> (parent pid, process group, command line)."""
    found = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                cmdline = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            found[int(entry.name)] = (int(stat[1]), int(stat[2]), cmdline)
    return found


def wait_for(condition, what: str, limit: float = 120.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + limit
    while not condition():
        assert time.monotonic() < deadline, f"gave up waiting for {what}"
        time.sleep(0.05)


@pytest.mark.parametrize("signum", [signal.SIGINT, signal.SIGTERM], ids=["ctrl-c", "sigterm"])
def test_a_stopped_build_leaves_everything_as_it_was(signum: int, tmp_path: Path) -> None:
    out = tmp_path / "out"
    old = {name: f"old {name}".encode() for name in ("henan-2024-zh.pdf", "henan-2024-en.pdf", "henan-2024-zh-en.pdf")}
    for name, data in old.items():
        (out / "henan-2024").mkdir(parents=True, exist_ok=True)
        (out / "henan-2024" / name).write_bytes(data)
    build = subprocess.Popen([sys.executable, "-m", "briefgen", "build", "--content", str(ROOT / "content"),
                              "--out", str(out)], cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             start_new_session=True)  # its own process group, as a terminal's foreground job
    try:
        cache = out / "henan-2024" / ".cache"
        workers = lambda: [p for p, (ppid, _, cmd) in processes().items() if ppid == build.pid and "spawn_main" in cmd]
        wait_for(lambda: workers() and any(cache.rglob("*.json")), "the chart process drawing charts")
        if signum == signal.SIGINT:
            os.killpg(build.pid, signal.SIGINT)  # what Ctrl-C does: the whole foreground group gets it
        else:
            os.kill(build.pid, signal.SIGTERM)  # what kill and service managers do: the main process only
        stdout, stderr = build.communicate(timeout=60)
    finally:
        if build.poll() is None:
            os.killpg(build.pid, signal.SIGKILL)
            build.wait()
    assert build.returncode == 128 + signum
    lines = stderr.decode().splitlines()
    assert len(lines) == 1 and lines[0].startswith("briefgen: stopped by"), stderr.decode()
    assert stdout == b""
    for name, data in old.items():
        assert (out / "henan-2024" / name).read_bytes() == data, f"{name} was replaced after the signal"
    assert not (out / "manifest.json").exists()
    assert not [p for p in out.rglob("*.part")]
    wait_for(lambda: not [p for p, (_, group, _) in processes().items() if group == build.pid], "the workers to go", 10)
