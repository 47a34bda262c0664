"""A build by a user whose home cannot be written prints no matplotlib cache-folder warning."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from briefgen.runtime import private_matplotlib_dir


def test_an_unwritable_home_gets_a_private_folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home-is-a-file"
    home.write_text("")
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    environ = {"HOME": str(home)}
    folder = private_matplotlib_dir(environ)
    assert folder == tmp_path / f"briefgen-{os.getuid()}" / "matplotlib"
    assert environ["MPLCONFIGDIR"] == str(folder) and folder.is_dir()
    assert folder.stat().st_mode & 0o777 == 0o700


def test_a_writable_home_or_a_chosen_folder_is_left_alone(tmp_path: Path) -> None:
    assert private_matplotlib_dir({"HOME": str(tmp_path)}) is None
    assert private_matplotlib_dir({"HOME": "/proc/nosuch", "MPLCONFIGDIR": str(tmp_path)}) is None


def test_a_planted_link_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Another user may create /tmp/briefgen-<uid> first: a link there is not followed."""
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    (tmp_path / "elsewhere").mkdir()
    (tmp_path / f"briefgen-{os.getuid()}").symlink_to(tmp_path / "elsewhere")
    environ = {"HOME": "/proc/nosuch"}
    folder = private_matplotlib_dir(environ)
    assert folder is not None and "elsewhere" not in str(folder.resolve()) and folder.is_dir()


def test_charts_for_a_user_without_a_home_print_no_matplotlib_warning(tiny_brief: Path, tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("XDG_", "MPL"))}
    env["HOME"] = "/proc/nosuch"  # cannot be created, even by root
    done = subprocess.run([sys.executable, "-m", "briefgen.cli", "charts", "--content", str(tiny_brief.parent),
                           "--out", str(tmp_path / "out")], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "matplotlib" not in done.stderr.lower() and "MPLCONFIGDIR" not in done.stderr
    assert list((tmp_path / "out").rglob("*.svg"))
