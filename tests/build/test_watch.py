"""`briefgen watch` rebuilds on a save, reports a mistake and keeps watching, and stops on Ctrl-C."""
from __future__ import annotations

import queue
import signal
import subprocess
import sys
import threading
from pathlib import Path
from typing import IO

import pytest
from pypdf import PdfReader


class Lines:
    """The lines a process prints, read in a thread so that waiting for one can give up."""

    def __init__(self, stream: IO[str]) -> None:
        self.lines: queue.Queue[str] = queue.Queue()
        self.reader = threading.Thread(target=lambda: [self.lines.put(line) for line in stream], daemon=True)
        self.reader.start()

    def next(self) -> str:
        try:
            return self.lines.get(timeout=120)
        except queue.Empty:
            pytest.fail("briefgen watch printed nothing for two minutes")


def text_of(pdf: Path) -> str:
    return "".join(page.extract_text() for page in PdfReader(pdf).pages)


@pytest.mark.skipif(sys.platform == "win32", reason="sends SIGINT")
def test_watch_rebuilds_on_save_and_survives_a_mistake(tiny_brief: Path, tmp_path: Path) -> None:
    part, pdf = tiny_brief / "parts" / "main.yaml", tmp_path / "out" / "tiny" / "tiny-zh.pdf"
    watch = subprocess.Popen([sys.executable, "-m", "briefgen", "watch", "--content", str(tiny_brief.parent),
                              "--out", str(tmp_path / "out")], cwd=tmp_path, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True, encoding="utf-8")
    out, err = Lines(watch.stdout), Lines(watch.stderr)  # type: ignore[arg-type]
    try:
        assert " built tiny-zh.pdf in " in out.next()
        assert "全年产值" in text_of(pdf)

        part.write_text(part.read_text(encoding="utf-8").replace("全年产值", "全年工业产值"), encoding="utf-8")
        assert " rebuilt tiny-zh.pdf in " in out.next()
        assert "全年工业产值" in text_of(pdf)
        good = pdf.read_bytes()

        part.write_text(part.read_text(encoding="utf-8").replace("title: 主要工作", "title: [主要工作"), encoding="utf-8")
        assert "1 error, the previous PDFs were kept" in out.next()
        assert err.next().startswith("content/tiny/parts/main.yaml:1:8: error: YAML syntax error")  # cwd-relative
        assert pdf.read_bytes() == good and watch.poll() is None  # still watching

        part.write_text(part.read_text(encoding="utf-8").replace("title: [主要工作", "title: 主要任务"), encoding="utf-8")
        assert " rebuilt tiny-zh.pdf in " in out.next()
        assert "主要任务" in text_of(pdf)
    finally:
        watch.send_signal(signal.SIGINT)
        watch.wait(timeout=60)
        for lines in (out, err):
            lines.reader.join()  # at the end of the output, now that the process has ended
        watch.stdout.close()  # type: ignore[union-attr]
        watch.stderr.close()  # type: ignore[union-attr]
    assert watch.returncode == 130
