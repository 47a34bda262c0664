"""`briefgen check`: everything a build would need, validated without writing a PDF."""
from __future__ import annotations

from pathlib import Path

from briefgen.build.select import select_briefs
from briefgen.content.loader import read_brief
from briefgen.errors import Problem


def check_all(content_dir: Path, names: list[str], strict: bool = False) -> list[Problem]:
    """Problems of every selected brief; under strict, warnings count as errors."""
    problems: list[Problem] = []
    for root in select_briefs(content_dir, names):
        _brief, found = read_brief(root)
        problems += found.items
    if strict:
        problems = [Problem(p.where, p.message, "error") for p in problems]
    return problems
