"""Where briefs are: a brief is a folder holding a brief.yaml (light, for the fast no-change path)."""
from __future__ import annotations

from pathlib import Path

from briefgen.errors import UsageError

BRIEF_FILE = "brief.yaml"


def discover_briefs(content_dir: Path) -> list[Path]:
    """Every folder under content_dir holding a brief.yaml, sorted by name."""
    if not content_dir.is_dir():
        raise UsageError(f"no content folder {content_dir} (use --content DIR)")
    return sorted(p.parent for p in content_dir.glob(f"*/{BRIEF_FILE}"))
