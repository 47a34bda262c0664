"""The command line as people expect of a Python tool: options before or after the command, error:
and warning: labels, usage errors exit 2, a crash says it is a bug, a busy output folder is waited for."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from filelock import FileLock

from briefgen import __version__
from briefgen.cli import main
from tests.conftest import ROOT


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_quiet_before_or_after_the_command_prints_nothing_for_a_good_draft_build(
        tiny_en_brief: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    content, out = str(tiny_en_brief.parent), str(tmp_path / "out")
    code, stdout, stderr = run(capsys, "build", "--content", content, "--out", out)
    assert code == 0
    assert [line for line in stderr.splitlines() if ": warning: " in line]  # the English is a DRAFT
    assert len(stdout.splitlines()) == 3 and all(" pages, " in line for line in stdout.splitlines())
    for argv in (["-q", "build"], ["build", "-q"]):
        (tmp_path / "out" / "tiny" / "tiny-zh.pdf").unlink()  # something to do
        assert run(capsys, *argv, "--content", content, "--out", out) == (0, "", "")


def test_verbose_before_the_command_says_what_each_step_does(tiny_brief: Path, tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run(capsys, "-v", "build", "--content", str(tiny_brief.parent), "--out", str(tmp_path))
    assert code == 0 and "Step 1 - Loading" in stderr


def test_errors_and_warnings_are_labelled(tiny_brief: Path, capsys: pytest.CaptureFixture[str]) -> None:
    metrics = tiny_brief / "metrics.yaml"
    metrics.write_text(metrics.read_text(encoding="utf-8").replace("unit: yuan", "unit: dollars"), encoding="utf-8")
    code, _, stderr = run(capsys, "check", "--content", str(tiny_brief.parent))
    assert code == 1
    assert stderr.splitlines() and all(": error: " in line for line in stderr.splitlines())


@pytest.mark.parametrize("jobs", ["-1", "0", "two", "1.5"])
def test_jobs_must_be_a_positive_whole_number(jobs: str, tiny_brief: Path, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["build", "--jobs", jobs, "--content", str(tiny_brief.parent), "--out", str(tmp_path)])
    assert exited.value.code == 2
    assert "error: argument --jobs" in capsys.readouterr().err
    assert not (tmp_path / "tiny").exists()


def test_a_crash_is_one_line_that_says_bug_and_the_traceback_comes_with_v(
        tiny_brief: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise ZeroDivisionError("division by zero\nsecond line")

    monkeypatch.setattr("briefgen.build.check.check_all", broken)
    code, _, stderr = run(capsys, "check", "--content", str(tiny_brief.parent))
    assert code == 70
    assert len(stderr.splitlines()) == 1, stderr
    assert "this is a bug" in stderr and "ZeroDivisionError: division by zero" in stderr and "-v" in stderr
    assert "Traceback" not in stderr
    code, _, stderr = run(capsys, "-v", "check", "--content", str(tiny_brief.parent))
    assert code == 70 and "Traceback (most recent call last)" in stderr and "this is a bug" in stderr


def test_a_locked_output_folder_is_waited_for_then_given_up(tiny_brief: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "out" / "tiny"
    folder.mkdir(parents=True)
    with FileLock(folder / ".lock"):  # another build holds it
        code, stdout, stderr = run(capsys, "build", "--lock-timeout", "0.3", "--content", str(tiny_brief.parent),
                                   "--out", str(tmp_path / "out"))
    assert code == 75
    lines = stderr.splitlines()
    assert sum("waiting for another build" in line for line in lines) == 1
    assert lines[-1].startswith("briefgen: error: another build kept") and "0.3 s" in lines[-1]
    assert not list(folder.glob("*.pdf")) and stdout == ""
    assert run(capsys, "build", "-q", "--lock-timeout", "0.3", "--content", str(tiny_brief.parent),
               "--out", str(tmp_path / "out")) == (0, "", "")  # released: the next build goes ahead


def test_lock_timeout_must_be_a_number_of_seconds(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["build", "--lock-timeout", "soon"])
    assert exited.value.code == 2 and "error: argument --lock-timeout" in capsys.readouterr().err


def test_python_m_briefgen_is_the_command() -> None:
    done = subprocess.run([sys.executable, "-m", "briefgen", "--version"], cwd=ROOT, capture_output=True, text=True)
    assert (done.returncode, done.stdout.strip()) == (0, f"briefgen {__version__}")


def test_watch_of_a_missing_content_folder_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, stderr = run(capsys, "watch", "--content", str(tmp_path / "nowhere"))
    assert code == 2 and stderr.startswith("briefgen: error: ") and "nowhere" in stderr


def test_a_stop_rebuilt_by_reportlab_keeps_its_signal() -> None:
    """ReportLab re-raises what a flowable raised as type(error)(longer message), BaseExceptions
    too: a Ctrl-C or SIGTERM during layout must still exit 130 or 143, not report a bug."""
    import signal

    from reportlab.lib.utils import annotateException

    from briefgen.errors import Stopped

    for signum in (signal.SIGINT, signal.SIGTERM):
        with pytest.raises(Stopped) as rebuilt:
            try:
                raise Stopped(signum)
            except BaseException:
                annotateException("\nraised by class KeepWithFirstLines(briefgen.render.keep)@0x7f wrap\n")
        assert rebuilt.value.signum == signum
