"""`briefgen check` refuses content that would make an inaccessible PDF, one located line each."""
from __future__ import annotations

from pathlib import Path

import pytest

from tests.content.test_check_errors import replace_in, run_check


@pytest.mark.parametrize(
    ("relative", "old", "new", "expected"),
    [
        pytest.param("parts/main.yaml", "description: 两个主要数据。", 'description: ""', "parts/main.yaml:12:20: a chart needs a description", id="empty-description"),
        pytest.param("parts/main.yaml", "description: 两个主要数据。", 'description: "  "', "parts/main.yaml:12:20: a chart needs a description", id="blank-description"),
        pytest.param("brief.yaml", "title: 小测试", 'title: ""', "brief.yaml:1:8: the brief needs a title", id="empty-title"),
        pytest.param("parts/main.yaml", "title: 主要工作", 'title: " "', "parts/main.yaml:1:8: a part needs a title", id="blank-part-title"),
    ],
)
def test_inaccessible_content_is_refused(tiny_brief: Path, capsys: pytest.CaptureFixture[str], relative: str,
                                         old: str, new: str, expected: str) -> None:
    replace_in(tiny_brief / relative, old, new)
    code, lines = run_check(tiny_brief.parent, capsys)
    place, message = expected.split(": ", 1)
    assert code == 1
    assert lines == [line for line in lines if line.startswith(f"{tiny_brief.parent}/tiny/{place}: error: {message}")], lines
    assert len(lines) == 1
