"""Choose which briefs a command works on, from the content folder and the names given."""
from __future__ import annotations

from pathlib import Path

from briefgen.content.folders import discover_briefs
from briefgen.errors import UsageError


def select_briefs(content_dir: Path, names: list[str] | tuple[str, ...]) -> list[Path]:
    """The brief folders to work on: all of them, or the ones named (each must exist)."""
    found = discover_briefs(content_dir)
    if not found:
        raise UsageError(f"{content_dir}: no brief found (a brief is a folder with a brief.yaml)")
    if not names:
        return found
    by_name = {p.name: p for p in found}
    unknown = [n for n in names if n not in by_name]
    if unknown:
        raise UsageError(f"{content_dir}: no brief named {', '.join(unknown)} (there are: {', '.join(by_name)})")
    return [by_name[n] for n in names]
