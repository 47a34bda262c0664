"""`briefgen new BRIEF`: a brief that checks and builds at once, its comments teaching the format."""
from __future__ import annotations

import logging
import shutil
from pathlib import Path

import yaml
from babel.messages.pofile import read_po, write_po

from briefgen.content.editor_schema import write_schemas
from briefgen.content.loader import load_brief
from briefgen.errors import UsageError
from briefgen.i18n.catalog import po_path
from briefgen.i18n.commands import update

log = logging.getLogger("briefgen")
TEMPLATE = Path(__file__).resolve().parent
FILES = ("brief.yaml", "metrics.yaml", "units.yaml", "glossary.yaml", "parts/main.yaml")
SCHEMA_FOLDER = ".schema"  # beside the briefs; the files' yaml-language-server lines point here
NAME_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-_")


def new_brief(content_dir: Path, name: str) -> Path:
    """Write content_dir/name with every file of a brief, English catalog included; return it."""
    if not name or name[0] in "-_" or set(name) - NAME_CHARS:
        raise UsageError(f"{name!r} is not a brief name: use lower-case letters, digits, - and _ (like city-2025)")
    root = content_dir / name
    if root.exists():
        raise UsageError(f"{root} already exists; choose another name or remove it")
    for relative in FILES:
        (root / relative).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(TEMPLATE / relative, root / relative)
    try:
        brief = load_brief(root)
        update(brief, ["en"])
        _translate(po_path(brief, "en"))
    except BaseException:
        shutil.rmtree(root)  # all or nothing: no half-written brief is left behind
        raise
    write_schemas(content_dir / SCHEMA_FOLDER)
    log.warning("%s: new brief; next: briefgen build %s", root, name)
    return root


def _translate(path: Path) -> None:
    """Fill the new catalog with the scaffold's English, matched by Chinese source text."""
    english = yaml.safe_load((TEMPLATE / "en.yaml").read_text(encoding="utf-8"))
    with path.open("rb") as f:
        catalog = read_po(f, locale="en")
    for message in catalog:
        if message.id and str(message.id) in english:
            message.string = str(english[str(message.id)])
    with path.open("wb") as f:
        write_po(f, catalog, width=100)
