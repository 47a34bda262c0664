"""build/manifest.json: each brief's inputs and outputs with sha256, translation status and warnings."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from briefgen.build.edition import EditionResult
from briefgen.content.model import Brief
from briefgen.errors import Problem
from briefgen.files import LOCK_TIMEOUT, atomic_write, locked, sha256_file
from briefgen.i18n.status import Status
from briefgen.runtime import MANIFEST_NAME

NAME = MANIFEST_NAME


def read(out: Path) -> dict[str, Any]:
    path = out / NAME
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {"briefs": {}}


def is_current(out: Path, brief_id: str, output: Path, fingerprint: str) -> bool:
    """True when output exists unchanged since a build with the same fingerprint."""
    entry = read(out).get("briefs", {}).get(brief_id, {}).get("outputs", {}).get(output.name)
    if not entry or entry.get("fingerprint") != fingerprint or not output.is_file():
        return False
    return sha256_file(output) == entry.get("sha256")


def record(out: Path, brief: Brief, fingerprints: dict[str, str], results: list[EditionResult],
           statuses: dict[str, Status], warnings: list[Problem], lock_timeout: float = LOCK_TIMEOUT,
           replay: dict[str, Any] | None = None) -> None:
    """Merge this brief's entry into the manifest (other briefs' entries are kept); `replay` is
    what lets the next build with nothing to do answer without loading the brief (build/replay.py)."""
    with locked(out, lock_timeout):
        data = read(out)
        entry = data.setdefault("briefs", {}).setdefault(brief.id, {})
        outputs = entry.setdefault("outputs", {})
        for result in results:
            outputs[result.output.name] = {"sha256": result.sha256, "fingerprint": fingerprints[result.output.name],
                                           "pages": result.pages, "draft": result.draft}
        entry["inputs"] = {str(p.relative_to(brief.root)): sha256_file(p) for p in _inputs(brief)}
        entry["translation"] = {loc: _status(s) for loc, s in statuses.items()}
        entry["warnings"] = [str(w) for w in warnings]
        if replay is None:
            entry.pop("replay", None)
        else:
            entry["replay"] = replay
        atomic_write(out / NAME, (json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n").encode())


def _inputs(brief: Brief) -> list[Path]:
    return sorted(set(brief.files) | set((brief.root / "locale").rglob("*.po")))


def _status(status: Status) -> dict[str, int]:
    return {"messages": status.total, "translated": status.translated, "fuzzy": status.fuzzy,
            "untranslated": status.untranslated, "obsolete": status.obsolete, "glossary_violations": status.glossary}
