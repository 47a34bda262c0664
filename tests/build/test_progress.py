"""A build on a terminal shows live progress, then erases it and prints one line per edition;
off a terminal (cron, CI) it shows no progress, and a good build under -q prints nothing."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from briefgen.build.progress import CLEAR

pty = pytest.importorskip("pty")


def on_a_terminal(argv: list[str], cwd: Path) -> tuple[int, str]:
    """Run briefgen with a pseudo-terminal as its stdin, stdout and stderr; return its exit code and screen."""
    leader, follower = pty.openpty()
    process = subprocess.Popen([sys.executable, "-m", "briefgen", *argv], cwd=cwd, stdin=follower, stdout=follower,
                               stderr=follower, close_fds=True)
    os.close(follower)
    screen = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # EIO: the other side has closed
            break
        if not chunk:
            break
        screen += chunk
    os.close(leader)
    return process.wait(), screen.decode("utf-8", errors="replace")


def test_progress_on_a_terminal_then_one_line_per_edition(tiny_brief: Path, tmp_path: Path) -> None:
    code, screen = on_a_terminal(["build", "--content", str(tiny_brief.parent), "--out", "out"], tmp_path)
    assert code == 0, screen
    assert f"{CLEAR}briefgen: editions 0/1" in screen
    assert "charts 1/1" in screen and "editions 1/1" in screen
    frames, _, after = screen.rpartition(CLEAR)
    assert "briefgen: editions" in frames and "briefgen: editions" not in after  # gone when the build ends
    lines = after.strip().splitlines()
    assert len(lines) == 1 and re.fullmatch(r"out/tiny/tiny-zh\.pdf: [1-9]\d* pages, \d+ kB", lines[0]), lines


def test_no_progress_off_a_terminal_and_nothing_at_all_under_q(tiny_brief: Path, tmp_path: Path) -> None:
    argv = [sys.executable, "-m", "briefgen", "build", "--content", str(tiny_brief.parent), "--out", "out"]
    done = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True)
    assert done.returncode == 0
    assert done.stderr == "" and "\x1b" not in done.stdout and "\r" not in done.stdout
    assert done.stdout.splitlines() == [line for line in done.stdout.splitlines() if line.startswith("out/tiny/")]
    (tmp_path / "out/tiny/tiny-zh.pdf").unlink()
    quiet = subprocess.run([*argv, "-q"], cwd=tmp_path, capture_output=True, text=True)
    assert (quiet.returncode, quiet.stdout, quiet.stderr) == (0, "", "")
    assert (tmp_path / "out/tiny/tiny-zh.pdf").is_file()
